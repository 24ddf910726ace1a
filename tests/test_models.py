"""The data model's JSON round-trip is exact."""

from eventwire.models import Analysis, Attribution, Candidate, Entity, Event, FramingSpan, Place, Sentence


def test_analysis_round_trip_exact():
    analysis = Analysis(
        article_id="x",
        published="2018-07-01",
        sentences=[Sentence(0, 10)],
        entities=[Entity("Dael", "PERSON", 5, 9)],
        places=[Place("Dael", 5, 9, name="Da'il", geonameid=170959, lat=32.75, lon=36.13,
                      candidates=[Candidate("Da'il", 170959, score=0.9)])],
        events=[
            Event("Battles", "Armed clash", 0, 10, "Clashes in", quantities={"weapons": 105}, fatalities=0)
        ],
        attributions=[Attribution("claim", 0, 5, speaker="a source", anonymous=True)],
        framing=[FramingSpan("so-called", 0, 9, "Doubt", neutral="")],
        profile={"counts": {"Doubt": 1}},
    )  # fmt: skip
    again = Analysis.from_json(analysis.to_json())
    assert again == analysis
    assert again.to_json() == analysis.to_json()
    assert isinstance(again.places[0].candidates[0], Candidate)


def test_unknown_fields_are_ignored():
    data = Analysis(article_id="x").as_dict() | {"from_the_future": 1}
    assert Analysis.from_dict(data).article_id == "x"

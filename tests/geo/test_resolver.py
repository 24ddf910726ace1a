"""Disambiguation and mention finding on sentences written for these tests (real model, real gazetteer)."""

from __future__ import annotations

from eventwire.eval.common import haversine_km
from eventwire.geo import place_for_span, places_in

DARAA_CITY = (32.6189, 36.1021)


def _by_mention(analysis, mention: str):
    found = [p for p in analysis.places if p.mention == mention]
    assert found, f"{mention!r} not found in {[p.mention for p in analysis.places]}"
    return found


def test_province_and_city_of_one_name_are_told_apart(analyze_places) -> None:
    a = analyze_places(
        "Government forces shelled villages in the eastern countryside of Dara'a province on Monday. "
        "Later, fighting broke out inside the city of Dara'a itself, near the old market."
    )
    first, second = _by_mention(a, "Dara'a")
    assert first.kind in ("province", "region") and first.precision == "province"
    assert first.admin1 == "Daraa" and first.country == "SY"
    assert second.kind == "city" and second.precision == "exact"
    assert haversine_km(second.lat, second.lon, *DARAA_CITY) < 10


def test_one_name_in_two_countries_follows_the_article(analyze_places) -> None:
    libya = analyze_places(
        "Clashes erupted on the southern edge of Tripoli as forces loyal to the eastern commander "
        "advanced from Gharyan, residents of the Libyan capital said."
    )
    lebanon = analyze_places(
        "Lebanese troops deployed in Tripoli after a night of clashes between the Bab al-Tabbaneh and "
        "Jabal Mohsen districts of the northern Lebanese port."
    )
    assert _by_mention(libya, "Tripoli")[0].country == "LY"
    assert _by_mention(lebanon, "Tripoli")[0].country == "LB"
    # The runner-up candidates are kept, so a reviewer sees what else the name could be.
    assert any(c.country == "LB" for c in _by_mention(libya, "Tripoli")[0].candidates)


def test_people_and_groups_are_not_places(analyze_places) -> None:
    a = analyze_places(
        "Syrian President Bashar Assad received the envoy in Damascus on Sunday. Rami Abdel Rahman, "
        "who heads the monitoring group, said fighters of Jabhat al-Nusra had left the area."
    )
    mentions = {p.mention for p in a.places}
    assert "Damascus" in mentions
    for text in ("Bashar", "Assad", "Rami", "Rahman", "Abdel", "Nusra", "Jabhat"):
        assert not any(text in m for m in mentions), mentions


def test_unknown_village_falls_back_to_its_province(analyze_places) -> None:
    a = analyze_places(
        "Troops entered the villages of Tal Zurqanub and Khirbet Umm Qirqaf in Dara'a province "
        "after the rebels withdrew."
    )
    (p,) = _by_mention(a, "Tal Zurqanub")
    assert p.precision == "province" and p.admin1 == "Daraa" and p.country == "SY"
    assert p.geonameid is None and p.kind == "village"
    prov = [q for q in a.places if q.mention == "Dara'a"][0]
    # Coordinates, if any, are the province's: never invented for the village itself.
    assert (p.lat, p.lon) in ((None, None), (prov.lat, prov.lon)) or p.source.startswith("enclosing")


def test_dateline_is_a_place_and_metonymy_is_not(analyze_places) -> None:
    a = analyze_places(
        "BEIRUT (Wire) - Moscow's plans for the talks were criticised on Tuesday, while an agreement "
        "with Damascus was still pending. Shelling hit the town of Saraqib in Idlib province."
    )
    mentions = [p.mention for p in a.places]
    assert "BEIRUT" in mentions
    assert "Moscow" not in mentions and "Damascus" not in mentions
    saraqib = _by_mention(a, "Saraqib")[0]
    assert saraqib.admin1 == "Idlib" and saraqib.geonameid is not None


def test_offsets_and_sentence_helper(analyze_places) -> None:
    text = "Rebels left Douma and headed to Jarablus on Friday. Buses reached Idlib the next day."
    a = analyze_places(text)
    for p in a.places:
        assert text[p.start : p.end] == p.mention
        assert 0.0 < p.confidence <= 1.0
    first, second = a.sentences[0], a.sentences[1]
    assert [p.mention for p in places_in(a, first.start, first.end)] == ["Douma", "Jarablus"]
    assert place_for_span(a, second.start, second.end).mention == "Idlib"


def test_a_demonym_is_never_looked_up_as_a_place(geo_pipeline, monkeypatch) -> None:
    from eventwire.geo.resolver import Resolver
    from eventwire.models import Article

    asked: list[str] = []
    looked_up = Resolver.candidates

    def spy(self, key, fuzzy=True):
        asked.append(key)
        return looked_up(self, key, fuzzy)

    monkeypatch.setattr(Resolver, "candidates", spy)
    a = geo_pipeline.analyze(
        Article(id="t", text="Syrian troops and Ukrainian volunteers reached Hama on Monday.")
    )
    assert "hama" in asked and not any(k.startswith(("syrian", "ukrainian")) for k in asked)
    assert "Hama" in [p.mention for p in a.places]  # (the demonyms count for their country elsewhere)

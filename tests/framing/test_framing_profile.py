from __future__ import annotations

from eventwire.claims.render import neutral_digest
from eventwire.framing import aggregate_profiles, neutralize
from eventwire.framing.lexicon import Lexicon
from eventwire.models import Article, Event, FramingSpan


def test_aggregate_profiles_sums_and_rates():
    p1 = {
        "words": 500,
        "spans": 5,
        "counts": {"Doubt": 1, "Loaded_Language": 4},
        "sides": {"non-state": 4},
        "targets": {"Hayat Tahrir al-Sham": 2},
        "direction": "pro-government",
    }
    p2 = {
        "words": 1500,
        "spans": 1,
        "counts": {"Loaded_Language": 1},
        "sides": {"state": 1},
        "targets": {},
        "direction": "mixed",
    }
    agg = aggregate_profiles([p1, p2])
    assert agg["articles"] == 2
    assert agg["counts"] == {"Doubt": 1, "Loaded_Language": 5}
    assert agg["loaded_per_1000_words"] == 3.0
    assert agg["direction"] == "pro-government"
    assert agg["article_directions"] == {"pro-government": 1, "mixed": 1}
    assert aggregate_profiles([])["direction"] == "neutral"


def test_neutralize_replaces_outlet_voice_only():
    text = "The so-called council said terrorists fled."
    spans = [
        FramingSpan(text="so-called", start=4, end=13, technique="Doubt", neutral=""),
        FramingSpan(
            text="terrorists",
            start=27,
            end=37,
            technique="Name_Calling,Labeling",
            neutral="fighters",
            voice="quoted",
        ),
    ]
    assert neutralize(text, spans) == "The council said terrorists fled."


def test_lexicon_rows_are_valid():
    lex = Lexicon.load()
    assert len(lex.entries) > 50
    assert all(e.family and e.regex is not None for e in lex.entries)


def test_neutral_digest(analyze_framing):
    text = "A military source told SANA that the army liberated two villages from Takfiri terrorists."
    analysis = analyze_framing(text)
    analysis.events.append(
        Event(
            event_type="Battles",
            sub_event_type="Government regains territory",
            start=0,
            end=len(text),
            evidence=text,
            actor1="Military Forces of Syria",
            location="Daraa",
        )
    )
    digest = neutral_digest(analysis, Article(id="d", text=text, outlet="Test Wire"))
    assert "Government regains territory involving Military Forces of Syria in Daraa." in digest
    claims = digest.split("Claims:")[1]
    assert "via SANA" in claims and "liberated" not in claims.split("Outlet wording")[0]
    assert "reported by military source (via SANA)" in digest

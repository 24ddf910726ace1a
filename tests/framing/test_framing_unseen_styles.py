"""Framing on articles written in the styles of outlets the dev corpus does not cover.

Articles: tests/claims/data/unseen_styles.json (written for eventwire's tests). The expected
outlet-voice spans were annotated by hand: labels in the outlet's narration or in its paraphrase
of a source count; words inside a named speaker's quotation are the speaker's ("quoted");
atrocity verdicts inside an attributed claim are the source's and are not marked.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "claims" / "data" / "unseen_styles.json"
ARTICLES = json.loads(DATA.read_text(encoding="utf-8"))

WIRE = ["reuters_ukraine", "ap_sudan", "afp_sahel", "reuters_drc_myanmar", "xinhua_africa", "wire_long"]

# outlet-voice spans (text, technique) expected in each partisan article
OUTLET = {
    "tass_russia": [
        ("liberated", "Loaded_Language"),
        ("Kiev regime", "Name_Calling,Labeling"),
        ("neo-Nazis", "Name_Calling,Labeling"),
        ("so-called", "Doubt"),
        ("Kiev regime", "Name_Calling,Labeling"),
    ],
    "presstv_iran": [
        ("Zionist regime", "Name_Calling,Labeling"),
        ("occupation army", "Name_Calling,Labeling"),
        ("aggression", "Loaded_Language"),
        ("martyrs", "Loaded_Language"),
        ("heroic", "Flag-Waving"),
    ],
    "sana_syria": [
        ("terrorist organizations", "Name_Calling,Labeling"),
        ("terrorists", "Name_Calling,Labeling"),
        ("Jabhat al-Nusra terrorists", "Name_Calling,Labeling"),
        ("terrorists", "Name_Calling,Labeling"),
        ("Turkish regime", "Name_Calling,Labeling"),
        ("martyrdom", "Loaded_Language"),
        ("occupation forces", "Name_Calling,Labeling"),
        ("mercenaries", "Name_Calling,Labeling"),
        ("so-called", "Doubt"),
    ],
    "anadolu_turkey": [
        ("neutralized", "Loaded_Language"),
        ("PKK/YPG terrorists", "Name_Calling,Labeling"),
        ("terrorists", "Name_Calling,Labeling"),
        ("neutralized", "Loaded_Language"),
        ("terror campaign", "Loaded_Language"),
    ],
    "israel_hayom": [
        ("eliminated", "Loaded_Language"),
        ("terrorist cell", "Name_Calling,Labeling"),
        ("terrorists", "Name_Calling,Labeling"),
    ],
    # "grossly violating" sits in the ministry's attributed claim: the ministry's verdict
    "apa_azerbaijan": [("liberated", "Loaded_Language")],
    "ena_ethiopia": [
        ("cleansed", "Loaded_Language"),
        ("terrorist TPLF junta", "Name_Calling,Labeling"),
        ("mercenaries", "Name_Calling,Labeling"),
        ("heroic", "Flag-Waving"),
        ("terrorist group", "Name_Calling,Labeling"),
        ("so-called", "Doubt"),
        ("puppet", "Name_Calling,Labeling"),
    ],
    "orient_syria": [
        ("Assad regime forces", "Name_Calling,Labeling"),
        ("regime warplanes", "Name_Calling,Labeling"),
    ],
    "saba_yemen": [
        ("US-Saudi aggression", "Name_Calling,Labeling"),
        ("aggression's", "Name_Calling,Labeling"),
        ("martyrdom", "Loaded_Language"),
        ("mercenaries", "Name_Calling,Labeling"),
    ],
    # paraphrase of a source is the outlet's wording
    "globaltimes_china": [("so-called", "Doubt")],
    "myanmar_junta": [
        ("terrorist PDF members", "Name_Calling,Labeling"),
        ("terrorist group", "Name_Calling,Labeling"),
        ("so-called", "Doubt"),
        ("terrorists", "Name_Calling,Labeling"),
    ],
    "ukraine_media": [
        ("eliminated", "Loaded_Language"),
        ("occupiers", "Name_Calling,Labeling"),
        ("Rashists", "Name_Calling,Labeling"),
    ],
    # "bloodbath" sits in the sources' claim
    "sudan_rsf": [
        ("heroic", "Flag-Waving"),
        ("liberated", "Loaded_Language"),
        ("regime", "Name_Calling,Labeling"),
    ],
}

# spans inside a named speaker's quotation
QUOTED = {
    "tass_russia": ["liberated"],
    "israel_hayom": ["heroic"],
    "apa_azerbaijan": ["glorious", "motherland"],
    "orient_syria": ["shabiha"],
    # "called the attack a "massacre"": the government's verdict, not marked at all
    "reuters_drc_myanmar": ["liberated", "regime", "terrorists"],
    "wire_long": ["terrorist actors", "terrorists"],
    "ukraine_media": ["orcs"],
}


@pytest.fixture(scope="module")
def analyses(analyze_framing):
    return {key: analyze_framing(text) for key, text in ARTICLES.items() if not key.startswith("_")}


@pytest.mark.parametrize("key", WIRE)
def test_wire_copy_has_no_outlet_labels(analyses, key):
    analysis = analyses[key]
    labels = [s.text for s in analysis.framing if s.voice == "outlet" and s.family != "model"]
    assert labels == []
    assert analysis.profile["direction"] == "neutral"


def test_wire_copy_stays_clean(analyses, analyze_framing):
    # at most one framing span per 500 words of wire copy, over all the wire texts written for the
    # tests together (most are far shorter than 500 words; the tagger may mark a word in one)
    wire_text = (Path(__file__).parent / "data" / "wire_style.txt").read_text(encoding="utf-8")
    texts = [ARTICLES[key] for key in WIRE] + [wire_text]
    found = [analyses[key] for key in WIRE] + [analyze_framing(wire_text)]
    outlet = [s.text for a in found for s in a.framing if s.voice == "outlet"]
    words = sum(len(t.split()) for t in texts)
    assert words >= 1500
    assert len(outlet) <= words // 500, outlet


@pytest.mark.parametrize("key", sorted(OUTLET))
def test_partisan_outlet_spans(analyses, key):
    found = Counter((s.text, s.technique) for s in analyses[key].framing if s.voice == "outlet")
    assert found == Counter(OUTLET[key])


@pytest.mark.parametrize("key", sorted(QUOTED))
def test_quoted_speakers_framing_is_theirs(analyses, key):
    # the lexicon's spans inside a speaker's quote are exactly these; the trained tagger's spans
    # there (a boast, an exaggeration) belong to the speaker as well
    spans = analyses[key].framing
    quoted = sorted(s.text for s in spans if s.voice == "quoted" and s.family != "model")
    assert quoted == sorted(QUOTED[key])
    profile = analyses[key].profile
    assert sum(profile["quoted"].values()) == len([s for s in spans if s.voice == "quoted"])


def test_neutral_wording_of_labelled_modifier(analyses):
    span = next(s for s in analyses["presstv_iran"].framing if s.text == "Zionist regime")
    assert span.neutral == "Israeli government"


def test_profile_direction_follows_targets(analyses):
    # Labels aimed at armed opponents read pro-government; "regime" for a government reads pro-opposition.
    assert analyses["sana_syria"].profile["direction"] == "pro-government"
    assert analyses["orient_syria"].profile["direction"] == "pro-opposition"


def test_intensified_breach_in_outlet_narration(analyze_framing):
    a = analyze_framing("Armenian units, flagrantly violating the truce, shelled two villages overnight.")
    assert [(s.text, s.voice) for s in a.framing] == [("flagrantly violating", "outlet")]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Rights groups documented what they called a massacre of 300 people in the town.", []),
        ("The Srebrenica massacre is remembered every July.", []),
        ("Rwanda's 1994 genocide killed some 800,000 people.", []),
        ("Gunmen carried out a massacre in the village.", ["massacre"]),
        ("The army said it would eliminate poverty in the border districts.", []),
        ("Troops eliminated 14 fighters near the border.", ["eliminated"]),
    ],
)
def test_context_rules_for_verdicts_and_euphemisms(analyze_framing, sentence, kept):
    assert [s.text for s in analyze_framing(sentence).framing if s.voice == "outlet"] == kept

"""Claim matching on hand-made pairs."""

from __future__ import annotations

import pytest

from eventwire.eval.claims import claim_metrics, score_claims
from eventwire.models import Analysis, Attribution

TEXT = (
    "The army said it had secured the highway, a military source told the state news agency. "
    "Local activists said at least five people were wounded."
)
CLAIM1 = "it had secured the highway"
CLAIM2 = "at least five people were wounded"

GOLD = {
    "id": "c",
    "text": TEXT,
    "attributions": [
        {
            "speaker": "military source",
            "organization": "Military Forces of Syria",
            "via": "SANA",
            "anonymous": True,
            "claim": CLAIM1,
        },
        {"speaker": "activists", "organization": None, "via": None, "anonymous": True, "claim": CLAIM2},
    ],
}


def claim(text, speaker, **kw):
    start = TEXT.index(text)
    return Attribution(claim=text, start=start, end=start + len(text), speaker=speaker, **kw)


def perfect():
    return [
        claim(CLAIM1, "a military source", via="the state news agency SANA", anonymous=True),
        claim(CLAIM2, "Local activists", anonymous=True),
    ]


def metrics(preds):
    return claim_metrics(score_claims(GOLD, Analysis(article_id="c", attributions=preds)).counts)


def test_perfect_prediction_scores_one():
    m = metrics(perfect())
    assert (m["precision"], m["recall"], m["f1"], m["via_acc"], m["anonymous_acc"]) == (1, 1, 1, 1, 1)


def test_a_missed_claim_lowers_recall():
    m = metrics(perfect()[:1])
    assert m["recall"] == 0.5 and m["precision"] == 1.0


def test_a_spurious_claim_lowers_precision():
    m = metrics(perfect() + [claim("secured the highway", "The army")])
    assert m["precision"] == pytest.approx(2 / 3) and m["recall"] == 1.0


def test_partial_span_overlap_is_enough():
    m = metrics([claim("five people", "activists", anonymous=True)])
    assert m["matched"] == 1


def test_speaker_must_share_a_content_word():
    m = metrics([claim(CLAIM2, "the army")])
    assert m["matched"] == 0


def test_organisation_can_carry_the_match():
    m = metrics([claim(CLAIM1, None, organization="Syrian military", anonymous=True, via="SANA")])
    assert m["matched"] == 1 and m["via_acc"] == 1.0


def test_via_and_anonymous_accuracy():
    m = metrics(
        [claim(CLAIM1, "military source", anonymous=False), claim(CLAIM2, "activists", anonymous=True)]
    )
    assert m["f1"] == 1.0
    assert m["via_acc"] == 0.5 and m["anonymous_acc"] == 0.5

"""A claim's kind is stored (migration 5) and story claims can be filtered by it."""

from __future__ import annotations

from eventwire.api.corpus import story_claims
from eventwire.models import Analysis, Article, Attribution
from eventwire.store import Store


def test_claim_kinds_stored_and_filtered(store_url):
    text = "Lena Ortiz said the road is open. Lena Ortiz thinks the toll is too high."
    article = Article(id="k1", text=text, language="en")
    analysis = Analysis(
        article_id="k1",
        attributions=[
            Attribution(claim="the road is open", start=15, end=31, speaker="Lena Ortiz", cue="said"),
            Attribution(
                claim="the toll is too high",
                start=51,
                end=71,
                speaker="Lena Ortiz",
                cue="thinks",
                kind="belief",
            ),
        ],
    )
    with Store(store_url) as store:
        store.add(article, analysis)
        every = story_claims(store, ["k1"])
        assert [r["kind"] for r in every] == ["speech", "belief"]
        speech = story_claims(store, ["k1"], kinds=["speech"])
        assert [r["claim"] for r in speech] == ["the road is open"]
        assert story_claims(store, ["k1"], kinds=["evidence"]) == []
        assert store.get_analysis("k1").attributions[1].kind == "belief"

"""A small written corpus of article-level stories (texts and names invented for these tests).

Two earthquakes in two towns weeks apart, a trial followed from arrest to sentence five
months later, and unrelated news. No article has an ACLED event: stories must come from
text, names and time.
"""

from __future__ import annotations

from eventwire.store import Store

from .helpers import add

QUAKE_A = [
    (
        "qa1",
        "Ridge Times",
        "2021-03-10",
        "A magnitude 6.2 earthquake struck the mountain town of Kelmora on Wednesday, collapsing a school "
        "and the covered market. Rescue teams searched the rubble through the night, governor Anna Veltri "
        "said. At least 14 people were killed and dozens were injured.",
        [("Kelmora", "GPE"), ("Anna Veltri", "PERSON")],
    ),
    (
        "qa2",
        "Valley Post",
        "2021-03-11",
        "Rescuers in Kelmora pulled two survivors from the ruins of the covered market on Thursday, a day "
        "after the earthquake flattened much of the mountain town. Governor Anna Veltri said the death toll "
        "from the quake had risen to 17.",
        [("Kelmora", "GPE"), ("Anna Veltri", "PERSON")],
    ),
    (
        "qa3",
        "Wire Digest",
        None,
        "Aid convoys reached Kelmora, where the earthquake destroyed the school and the covered market. "
        "Anna Veltri, the governor, asked for tents and blankets for families sleeping outside "
        "after the quake.",
        [("Kelmora", "GPE"), ("Anna Veltri", "PERSON")],
    ),
]
QUAKE_B = [
    (
        "qb1",
        "Ridge Times",
        "2021-05-02",
        "A strong earthquake of magnitude 5.8 shook the coastal city of Port Seraph on Sunday, cracking the "
        "harbour wall and damaging the main hospital. Mayor Tomas Irving said three people were hurt.",
        [("Port Seraph", "GPE"), ("Tomas Irving", "PERSON")],
    ),
    (
        "qb2",
        "Harbour Daily",
        "2021-05-03",
        "Engineers inspected the cracked harbour wall of Port Seraph after the earthquake on Sunday. Mayor "
        "Tomas Irving said the damaged hospital would reopen within a week.",
        [("Port Seraph", "GPE"), ("Tomas Irving", "PERSON")],
    ),
]
TRIAL = [
    (
        "t1",
        "Valley Post",
        "2021-01-05",
        "Police in Dunvale arrested Marcus Holloway, the former treasurer of the Dunvale water board, on "
        "charges of embezzling pension funds from its workers. Officers searched his house near the river "
        "and took away boxes of documents, a spokeswoman said. He denies wrongdoing.",
        [("Dunvale", "GPE"), ("Marcus Holloway", "PERSON"), ("the Dunvale water board", "ORG")],
    ),
    (
        "t2",
        "Ridge Times",
        "2021-06-20",
        "Marcus Holloway, the former treasurer of the Dunvale water board, was sentenced to six years in "
        "prison for embezzling pension funds from the board's workers. The judge said the fraud had gone on "
        "for years. Former colleagues in the public gallery applauded as the verdict was read.",
        [("Dunvale", "GPE"), ("Marcus Holloway", "PERSON"), ("the Dunvale water board", "ORG")],
    ),
]
OTHER = [
    (
        "u1",
        "Sports Line",
        "2021-03-10",
        "The national football league announced a new schedule for the autumn season, with the opening "
        "match moved to a Friday evening and two cup rounds played midweek.",
        [],
    ),
    (
        "u2",
        "Farm Weekly",
        "2021-05-02",
        "Orchards reported a record apple harvest this year as warm weather extended the growing season "
        "across the northern valleys, and prices at the wholesale market fell.",
        [],
    ),
]
EXPECTED = [{"qa1", "qa2", "qa3"}, {"qb1", "qb2"}, {"t1", "t2"}, {"u1"}, {"u2"}]


def add_all(store: Store, items) -> None:
    for aid, outlet, published, text, entities in items:
        add(store, aid, text, outlet=outlet, published=published, entities=entities)


def story_corpus(store: Store) -> None:
    add_all(store, [*QUAKE_A, *QUAKE_B, *TRIAL, *OTHER])


def groups(store: Store) -> list[set[str]]:
    by: dict[str, set[str]] = {}
    for r in store.db.query("SELECT article_id, story_id FROM story_articles"):
        by.setdefault(r["story_id"], set()).add(r["article_id"])
    return sorted(by.values(), key=lambda g: sorted(g))

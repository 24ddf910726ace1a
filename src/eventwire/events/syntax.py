"""Small dependency-tree helpers shared by the event extractor and the role reader."""

from __future__ import annotations

from typing import Any

CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "pcomp", "acl", "csubj", "parataxis"}


def in_subtree(tok: Any, head: Any) -> bool:
    """Whether ``tok`` is under ``head``, not counting conjoined clauses ("stormed X and took Y")."""
    cur = tok
    for _ in range(40):
        if cur.i == head.i:
            return True
        if cur.head.i == cur.i:
            return False
        if cur.dep_ == "conj" and cur.head.i == head.i and cur.pos_ in ("VERB", "AUX"):
            return False
        cur = cur.head
    return False


def clause_root(tok: Any) -> Any:
    """The verb heading the clause ``tok`` is in (or the sentence root)."""
    cur = tok
    for _ in range(8):
        if cur.dep_ in CLAUSE_DEPS and cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur

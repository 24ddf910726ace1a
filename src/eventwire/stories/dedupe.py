"""Syndicated copies: the same report republished by another site with small edits.

Word shingles of each stored text are summarised by a MinHash signature (datasketch);
an LSH index proposes candidate pairs at a low Jaccard level, so that a copy holding
only the opening paragraphs of the original is still proposed; each candidate is then
confirmed on the exact shingle sets by *containment* (the share of the shorter text's
shingles found in the other), which, unlike Jaccard, is not diluted by truncation.

Within a group of mutual copies the earliest publication is the original. Same-day ties
go to the text that does not credit another member's outlet ("According to Press TV, ...")
and then to the longer text (republications trim, they rarely add). A candidate whose facts
differ (``reports.report_differences``: a figure, toll, actor or date) is a separate report,
not a copy. Signatures are kept in the store, so each new article costs one signature and
one LSH query.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..store import Store
from ..store.freshness import refresh_stale_views
from ..store.queries import event_rows
from .reports import report_differences
from .settings import settings as load_settings

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
# Curly and straight quotes, dashes and the like differ between sites; words do not.
_PUNCT_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


@dataclass
class CopyPair:
    """``copy_id`` republishes ``original_id``; scores are on word shingles."""

    copy_id: str
    original_id: str
    containment: float  # share of the shorter text's shingles found in the other text
    jaccard: float
    credited: bool  # the copy names the original's outlet ("According to Tasnim")
    copy_outlet: str | None = None
    original_outlet: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def words(text: str) -> list[str]:
    """Lower-case word tokens, with diacritics and typographic variants folded."""
    text = unicodedata.normalize("NFKC", text.translate(_PUNCT_FOLD)).casefold()
    return _WORD.findall(text)


def shingles(text: str, size: int = 3) -> set[str]:
    """Word ``size``-grams of a text (the whole text as one shingle when it is shorter)."""
    toks = words(text)
    if len(toks) < size:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + size]) for i in range(len(toks) - size + 1)}


# datasketch 2 names its permutation scheme and refuses to guess it when loading stored
# values; 1.x has a single (legacy) scheme. The scheme is stored with each signature so
# that an upgrade re-signs instead of comparing incompatible sketches.
try:
    MinHash(num_perm=1, scheme="affine32")
    _SCHEME: str | None = "affine32"
except TypeError:  # pragma: no cover - datasketch < 2
    _SCHEME = None


def _minhash(num_perm: int, seed: int, hashvalues: Any = None) -> MinHash:
    kwargs: dict[str, Any] = {"num_perm": num_perm, "seed": seed}
    if hashvalues is not None:
        kwargs["hashvalues"] = hashvalues
    if _SCHEME is not None:
        kwargs["scheme"] = _SCHEME
    return MinHash(**kwargs)


def signature(shingle_set: Iterable[str], num_perm: int = 128, seed: int = 1) -> MinHash:
    m = _minhash(num_perm, seed)
    m.update_batch([s.encode("utf-8") for s in shingle_set])
    return m


def _encode(m: MinHash) -> str:
    raw = base64.b64encode(np.asarray(m.hashvalues, dtype="<u8").tobytes()).decode("ascii")
    return f"{_SCHEME or 'legacy'}:{raw}"


def _decode(text: str, num_perm: int, seed: int) -> MinHash | None:
    """The stored signature, or None when it was made with another scheme (re-sign it)."""
    scheme, _, raw = text.partition(":")
    if scheme != (_SCHEME or "legacy"):
        return None
    return _minhash(num_perm, seed, np.frombuffer(base64.b64decode(raw), dtype="<u8"))


def containment(a: set[str], b: set[str]) -> tuple[float, float]:
    """(containment of the smaller set in the larger, Jaccard)."""
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / min(len(a), len(b)), inter / len(a | b)


def _outlet_base(outlet: str | None) -> str | None:
    """ "Daily Mirror PK (republishing Tasnim)" -> "Daily Mirror PK"; the bracket names the source."""
    if not outlet:
        return None
    base = outlet.split("(")[0].strip()
    return base or None


def _credits(row: dict[str, Any], other: dict[str, Any]) -> bool:
    """True when ``row`` names ``other``'s outlet in its text or its outlet field, and not its own."""
    name = _outlet_base(other.get("outlet"))
    own = _outlet_base(row.get("outlet"))
    if not name or (own and own.casefold() == name.casefold()):
        return False
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)
    return bool(pattern.search(row.get("text") or "") or pattern.search(row.get("outlet") or ""))


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class _Index:
    """Signatures of every stored article plus an LSH index over them."""

    def __init__(self, store: Store, cfg: dict[str, Any]):
        self.store = store
        self.cfg = cfg
        self.num_perm = int(cfg["num_perm"])
        self.seed = int(cfg["seed"])
        self.lsh = MinHashLSH(threshold=float(cfg["lsh_threshold"]), num_perm=self.num_perm)
        self.sigs: dict[str, MinHash] = {}

    def load(self, *, rebuild: bool) -> list[str]:
        """Index stored signatures; sign articles that have none (or changed). Returns new ids."""
        db = self.store.db
        if rebuild:
            db.execute("DELETE FROM article_signatures")
            db.commit()
        stored = {
            r["article_id"]: r
            for r in db.query("SELECT article_id, ingested_at, num_perm, signature FROM article_signatures")
        }
        fresh: list[str] = []
        stale: list[str] = []
        articles = db.query("SELECT id, ingested_at FROM articles ORDER BY id")
        for row in articles:
            old = stored.get(row["id"])
            sig = None
            if (
                old is not None
                and old["ingested_at"] == row["ingested_at"]
                and old["num_perm"] == self.num_perm
            ):
                sig = _decode(old["signature"], self.num_perm, self.seed)
            if sig is not None:
                self._insert(row["id"], sig)
            else:
                fresh.append(row["id"])
                if old is not None:
                    stale.append(row["id"])
        gone = set(stored) - {r["id"] for r in articles}
        db.begin()
        for aid in [*stale, *gone]:
            db.execute("DELETE FROM article_signatures WHERE article_id = ?", (aid,))
        db.commit()
        return fresh

    def _insert(self, aid: str, m: MinHash) -> None:
        self.sigs[aid] = m
        self.lsh.insert(aid, m, check_duplication=False)

    def sign(self, ids: list[str], make: Callable[[str], MinHash]) -> None:
        db = self.store.db
        db.begin()
        for aid in ids:
            row = db.query("SELECT ingested_at FROM articles WHERE id = ?", (aid,))[0]
            m = make(aid)
            db.execute(
                "INSERT INTO article_signatures (article_id, ingested_at, num_perm, signature) "
                "VALUES (?, ?, ?, ?)",
                (aid, row["ingested_at"], self.num_perm, _encode(m)),
            )
            self._insert(aid, m)
        db.commit()


def _events(store: Store, aid: str) -> list[dict[str, Any]]:
    return list(event_rows(store, article_ids=[aid]))


def _article_row(store: Store, aid: str) -> dict[str, Any]:
    return store.db.query(
        "SELECT id, outlet, published, text, ingested_at FROM articles WHERE id = ?", (aid,)
    )[0]


class _Groups:
    """Union-find over article ids: which articles are (transitively) copies of each other."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        while self.parent.setdefault(x, x) != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)

    def members(self) -> list[list[str]]:
        groups: dict[str, list[str]] = {}
        for node in list(self.parent):
            groups.setdefault(self.find(node), []).append(node)
        return list(groups.values())


def find_copies(
    store: Store, *, rebuild: bool = False, settings: dict[str, dict[str, Any]] | None = None
) -> list[CopyPair]:
    """Every syndicated copy in the store, each paired with the original it republishes.

    Signs the articles that have no stored signature yet (incremental); ``rebuild`` re-signs
    all. Does not write ``copy_of`` (see ``mark_copies``).
    """
    cfg = load_settings(settings)["copies"]
    size = int(cfg["shingle_words"])
    rows: dict[str, dict[str, Any]] = {}
    # keyed by text: a corpus often holds the very same text under several ids
    shingle_sets: dict[str, set[str]] = {}
    signatures: dict[str, MinHash] = {}

    def row(aid: str) -> dict[str, Any]:
        if aid not in rows:
            rows[aid] = _article_row(store, aid)
        return rows[aid]

    def sh(aid: str) -> set[str]:
        text = row(aid)["text"]
        if text not in shingle_sets:
            shingle_sets[text] = shingles(text, size)
        return shingle_sets[text]

    index = _Index(store, cfg)

    def sh_text(aid: str) -> str:
        return row(aid)["text"]

    def sign(aid: str) -> MinHash:
        text = row(aid)["text"]
        if text not in signatures:
            signatures[text] = signature(sh(aid), index.num_perm, index.seed)
        return signatures[text]

    fresh = index.load(rebuild=rebuild)
    if fresh:
        index.sign(fresh, sign)
    fresh_set = set(fresh)
    edges: dict[tuple[str, str], tuple[float, float]] = {}
    if not rebuild:
        # Pairs confirmed earlier stay confirmed unless one side was re-ingested since.
        for r in store.db.query("SELECT article_id, original_id, containment, jaccard FROM copies"):
            a, b = r["article_id"], r["original_id"]
            if a in fresh_set or b in fresh_set or a not in index.sigs or b not in index.sigs:
                continue
            edges[(min(a, b), max(a, b))] = (r["containment"] or 0.0, r["jaccard"] or 0.0)
    # LSH proposes candidates for the new articles only (all of them on a rebuild). Exact
    # repeats (the same text under several ids) share a signature, so they share one query.
    candidates: set[tuple[str, str]] = set()
    answers: dict[bytes, list[str]] = {}
    for aid in fresh if not rebuild else list(index.sigs):
        digest = index.sigs[aid].hashvalues.tobytes()
        if digest not in answers:
            answers[digest] = index.lsh.query(index.sigs[aid])
        for other in answers[digest]:
            if other != aid:
                candidates.add((min(aid, other), max(aid, other)))
    groups = _Groups()
    for a, b in edges:
        groups.join(a, b)
    for a, b in sorted(candidates - set(edges)):
        # Only the groups matter: a pair already joined through others adds nothing, and
        # a group's (copy, original) scores are computed below when not measured here.
        if groups.find(a) == groups.find(b):
            continue
        sa, sb = sh(a), sh(b)
        if min(len(sa), len(sb)) < int(cfg["min_shingles"]):
            continue
        cont, jac = containment(sa, sb)
        log.debug("copy candidate %s ~ %s: containment %.3f, jaccard %.3f", a, b, cont, jac)
        if cont >= float(cfg["min_containment"]):
            differ = report_differences(sh_text(a), sh_text(b), _events(store, a), _events(store, b))
            if differ:
                # Same wording, different facts: a report of its own, not a copy.
                log.info("%s ~ %s share their wording but are separate reports: %s", a, b, "; ".join(differ))
                continue
            edges[(a, b)] = (cont, jac)
            groups.join(a, b)
    return _pairs(groups, edges, row, lambda a, b: containment(sh(a), sh(b)))


def _pairs(
    groups: _Groups,
    edges: dict[tuple[str, str], tuple[float, float]],
    row: Callable[[str], dict[str, Any]],
    score: Callable[[str, str], tuple[float, float]],
) -> list[CopyPair]:
    pairs: list[CopyPair] = []
    for members in groups.members():
        # whether a member credits any other member's outlet; checked once per outlet name
        outlets = {_outlet_base(row(m)["outlet"]) for m in members}
        credited = {}
        for m in members:
            others = {row(o)["outlet"] for o in members if o != m} if len(outlets) > 1 else set()
            credited[m] = any(_credits(row(m), {"outlet": outlet}) for outlet in sorted(others, key=str))

        def rank(m: str, credited: dict[str, bool] = credited) -> tuple:
            r = row(m)
            return (r["published"] is None, r["published"] or "", credited[m], -len(r["text"]),
                    r["ingested_at"] or "", m)  # fmt: skip

        ordered = sorted(members, key=rank)
        original = ordered[0]
        for copy in ordered[1:]:
            key = (min(copy, original), max(copy, original))
            # A member linked only through another copy (A~B~C) is scored against the original here.
            cont, jac = edges.get(key) or score(copy, original)
            pairs.append(
                CopyPair(
                    copy_id=copy,
                    original_id=original,
                    containment=round(cont, 4),
                    jaccard=round(jac, 4),
                    credited=_credits(row(copy), row(original)),
                    copy_outlet=row(copy)["outlet"],
                    original_outlet=row(original)["outlet"],
                )
            )
    pairs.sort(key=lambda p: (p.original_id, p.copy_id))
    return pairs


def mark_copies(
    store: Store, *, rebuild: bool = False, settings: dict[str, dict[str, Any]] | None = None
) -> list[CopyPair]:
    """Find copies and record them: ``articles.copy_of`` and the ``copies`` table. Returns the pairs.

    Articles no longer found to be copies get ``copy_of`` cleared, so the result always
    reflects the current corpus.
    """
    pairs = find_copies(store, rebuild=rebuild, settings=settings)
    db = store.db
    current = {r["id"]: r["copy_of"] for r in db.query("SELECT id, copy_of FROM articles")}
    wanted = {p.copy_id: p.original_id for p in pairs}
    db.begin()
    try:
        db.execute("DELETE FROM copies")
        for p in pairs:
            db.execute(
                "INSERT INTO copies (article_id, original_id, containment, jaccard, credited, detected_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (p.copy_id, p.original_id, p.containment, p.jaccard, int(p.credited), _now()),
            )
        for aid, old in current.items():
            new = wanted.get(aid)
            if new != old:
                db.execute("UPDATE articles SET copy_of = ? WHERE id = ?", (new, aid))
        db.commit()
    except BaseException:
        db.rollback()
        raise
    log.info("%d syndicated copies in %d articles", len(pairs), len(current))
    return pairs


def list_copies(store: Store) -> list[dict[str, Any]]:
    """Recorded copies (as written by ``mark_copies``) with both outlets and dates."""
    refresh_stale_views(store)
    return store.db.query(
        "SELECT c.article_id AS copy_id, ca.outlet AS copy_outlet, ca.published AS copy_published, "
        "c.original_id, oa.outlet AS original_outlet, oa.published AS original_published, "
        "c.containment, c.jaccard, c.credited "
        "FROM copies c JOIN articles ca ON ca.id = c.article_id JOIN articles oa ON oa.id = c.original_id "
        "ORDER BY c.original_id, c.article_id"
    )

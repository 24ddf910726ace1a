"""One matching layer: the words of the data files (actor lists, framing lexicon, event
triggers) found in an article.

Every stage that looks words up in a list asks this module; each matcher returns ``Found``
records (character offsets, the matched text, which pattern):

- ``PhraseIndex(phrases, ignore_case=...)``: ``index.spans(doc)`` returns every occurrence of
  fixed phrases, with token offsets, word-bounded, with white space and hyphens between words
  interchangeable ("al-Qaeda" = "al Qaeda") and any apostrophe form ("people's" = "people’s");
- ``WordPatterns(patterns)``: word patterns with prefix words and optional hyphens
  ("storm* cloud*", "over-reach"), by regular expressions (see the class for why);
- ``GapSequences(sequences, gap)``: lemma alternatives with bounded gaps over a sentence's
  tokens ("hand * over"), hand-written (see the class for why);
- ``leftmost_longest(found)`` keeps, scanning left to right, the longest occurrence at each
  position and skips what it covers — what a regular expression's ``finditer`` would return;
- ``longest_first(found)`` keeps the longest occurrences wherever they start, then shorter
  ones in the gaps ("Islamic State West Africa Province" beats "Islamic State").

``PhraseIndex`` runs spaCy's ``PhraseMatcher`` over the article's own tokens (``LOWER`` when case
is ignored, ``ORTH`` for acronyms). ``LOWER``, not ``NORM``: the English model's ``NORM``
also folds British spellings ("defence" -> "defense"), which would widen what every list
means. Spelling variants are generated once, when the patterns are built: a phrase with up
to ``MAX_FREE_SEPARATORS`` gaps between words gets every space/hyphen combination, a longer
one its own spelling, all-spaces and all-hyphens. A phrase is found only on spaCy's token
boundaries: inside a token the tokenizer keeps whole ("Brigade-7", "U.S.-Ruritania") it is
not (the regular expression this replaced found it; 3 of 3,618 actor mentions on 1,331 news
texts differed so).

Users (docs/architecture.md, "Matching"): actor aliases, country adjectives and generic
labels (``actors/dictionary.py``, ``PhraseIndex``); the framing lexicon (``framing/lexicon.py``,
``WordPatterns``); event triggers (``events/triggers.py``, ``GapSequences``). The gazetteer's
name lookup (``geo/candidates.py``) is not here; its docstring says why.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

log = logging.getLogger(__name__)

# Gaps between words up to which every space/hyphen combination becomes a pattern (2**n each).
MAX_FREE_SEPARATORS = 3
PATTERN_BATCH = 512
_WORD_CHAR = re.compile(r"\w")
_APOSTROPHES = ("'", "’")


class HasOffsets(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=HasOffsets)


@dataclass(frozen=True)
class Found:
    """One occurrence: character offsets into the text, the matched text, which pattern matched
    (its index, for ``WordPatterns``) and token offsets into the Doc (``PhraseIndex`` only)."""

    start: int
    end: int
    text: str
    key: int = 0
    token_start: int = -1
    token_end: int = -1


@functools.lru_cache(maxsize=1)
def _default_tokenizer() -> Any:
    from .model import load_model

    return load_model(None).tokenizer  # the same cache entry as the nlp stage's (None, not no argument)


def text_of(doc: Any) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token again on each access, and the
    stages read a parsed article's text many times (the text waits in the Doc's user_data)."""
    held = doc.user_data.get("eventwire.text")
    if held is None:
        held = doc.user_data["eventwire.text"] = doc.text
    return held


def as_doc(text_or_doc: Any) -> Any:
    """A Doc for ``text_or_doc``: a Doc is returned as it is, a string is tokenized (no parse)."""
    if isinstance(text_or_doc, str):
        return _default_tokenizer()(text_or_doc)
    return text_or_doc


def spelling_variants(phrase: str) -> set[str]:
    """The spellings a phrase is matched in: spaces/hyphens between words, apostrophe forms."""
    words = phrase.replace("’", "'").replace("-", " ").split()
    if not words:
        return set()
    gaps = len(words) - 1
    if gaps <= MAX_FREE_SEPARATORS:
        combos: Iterable[tuple[str, ...]] = itertools.product(" -", repeat=gaps)
    else:
        own = tuple(re.findall(r"[-\s]+", phrase.strip()))
        own = tuple("-" if "-" in sep else " " for sep in own)
        combos = {(" ",) * gaps, ("-",) * gaps, *([own] if len(own) == gaps else [])}
    out = set()
    for combo in combos:
        spelled = words[0] + "".join(sep + word for sep, word in zip(combo, words[1:], strict=True))
        out.update(spelled.replace("'", a) for a in _APOSTROPHES)
    return out


class PhraseIndex:
    """Phrases found in a Doc by spaCy's ``PhraseMatcher`` (see the module docstring).

    ``phrases`` are written as a reader would ("U.S.-led coalition", "al-Qaeda"); give the
    spelling with its capitals even when case is ignored, since the tokenizer reads some
    forms by their case ("U.S." is one token, "u.s." is not). The matcher is built on the
    first lookup, with the tokenizer of the English pipeline (``nlp.model.load_model``).
    """

    def __init__(self, phrases: Iterable[str], *, ignore_case: bool) -> None:
        self.phrases = frozenset(p for p in phrases if p.strip())
        self.ignore_case = ignore_case
        self._matcher: Any = None

    def _build(self) -> Any:
        from spacy.matcher import PhraseMatcher

        tokenizer = _default_tokenizer()
        attr = "LOWER" if self.ignore_case else "ORTH"
        matcher = PhraseMatcher(tokenizer.vocab, attr=attr)
        spellings: set[str] = set()
        for phrase in self.phrases:
            spellings |= spelling_variants(phrase)
            if self.ignore_case:
                spellings |= spelling_variants(phrase.casefold())
        # one pattern per distinct token sequence, added in small batches (a Doc per spelling
        # held at once would be ~80 MB for the actor dictionary)
        seen: set[tuple[str, ...]] = set()
        ordered = sorted(spellings)
        for i in range(0, len(ordered), PATTERN_BATCH):
            batch = []
            for doc in tokenizer.pipe(ordered[i : i + PATTERN_BATCH]):
                key = tuple(t.lower_ if self.ignore_case else t.text for t in doc)
                if key not in seen:
                    seen.add(key)
                    batch.append(doc)
            if batch:
                matcher.add("phrase", batch)
        log.debug("phrase index: %d phrases, %d patterns", len(self.phrases), len(seen))
        return matcher

    def prepare(self) -> PhraseIndex:
        """Build the matcher now (a stage's ``initialize``) rather than on the first lookup."""
        if self._matcher is None:
            self._matcher = self._build()
        return self

    def spans(self, doc: Any, text: str | None = None) -> list[Found]:
        """Every word-bounded occurrence in ``doc`` (``text`` is ``doc.text``, if the caller has it)."""
        if self._matcher is None:
            self.prepare()
        text = text_of(doc) if text is None else text
        out = []
        for _, s, e in self._matcher(doc):
            start, last = doc[s].idx, doc[e - 1]
            end = last.idx + len(last.text)
            if (start > 0 and _WORD_CHAR.match(text[start - 1])) or (
                end < len(text) and _WORD_CHAR.match(text[end])
            ):
                continue
            out.append(Found(start, end, text[start:end], 0, s, e))
        return out


def leftmost_longest(found: Iterable[Found]) -> list[Found]:
    """Left to right, the longest occurrence at each start; what it covers is skipped."""
    out: list[Found] = []
    last_end = -1
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if f.start >= last_end:
            out.append(f)
            last_end = f.end
    return out


def longest_first(found: Iterable[T]) -> list[T]:
    """Non-overlapping occurrences (anything with ``start`` and ``end``), longest first, the
    earliest among equals; returned in text order."""
    chosen: list[T] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if not any(f.start < c.end and c.start < f.end for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


def word_pattern(pattern: str) -> re.Pattern[str]:
    """A word pattern as a case-insensitive regular expression.

    Words are separated by white space; ``*`` ends a word prefix ("terror*": "terrorist",
    "terror-related"); a hyphen inside a word may be a space or nothing ("counter-terror":
    "counterterror", "counter terror"); an apostrophe is any apostrophe form. A match is
    bounded by characters that are neither word characters nor hyphens ("anti-terror" holds
    no "terror")."""
    parts = []
    for word in pattern.split():
        w = re.escape(word.rstrip("*")).replace(r"\-", r"[\s\-]?").replace("'", "['’]")
        parts.append(w + (r"[\w\-]*" if word.endswith("*") else ""))
    return re.compile(r"(?<![\w\-])" + r"\s+".join(parts) + r"(?![\w\-])", re.IGNORECASE)


def _needle(pattern: str) -> str:
    first = pattern.split()[0].rstrip("*") if pattern.split() else ""
    return re.split(r"[-'’]", first)[0].lower()


class WordPatterns:
    """Word patterns (``word_pattern``) found in a text: every occurrence of each, in pattern order.

    A regular expression per pattern, not spaCy's ``Matcher``: a prefix word ("terror*") reads
    "terror-related" as one word where spaCy's tokens are three, and on 225 news articles a
    ``Matcher`` with ``REGEX`` token patterns for the 111 framing entries took 2.1 s against
    0.19 s for these expressions (issue 14). A pattern whose first word's letters are absent
    from the text (the *needle*, lower-cased) is not run at all.
    """

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = list(patterns)
        self.regexes = [word_pattern(p) for p in self.patterns]
        self._needles = [_needle(p) for p in self.patterns]

    def spans(self, text_or_doc: Any) -> list[Found]:
        text = text_or_doc if isinstance(text_or_doc, str) else text_of(text_or_doc)
        lowered = text.lower()
        out = []
        for key, (rx, needle) in enumerate(zip(self.regexes, self._needles, strict=True)):
            if needle not in lowered:
                continue
            out.extend(Found(m.start(), m.end(), m.group(), key) for m in rx.finditer(text))
        return out


# A sequence element: the words (lemmas or lower-cased forms) it accepts, and whether up to the
# sequence's gap of other tokens may come before it.
Element = tuple[frozenset[str], bool]


class GapSequences:
    """Sequences of word alternatives with bounded gaps ("hand|turn * over * weapon|arm"), found
    over the tokens of a span; a token is read by its lemma and by its lower-cased form.

    From each token whose word starts a sequence, the match takes at each element the first
    token that fits within reach (left to right, greedy), and fails if one is missing. The first
    elements are indexed, so a token only tries the sequences it can start.

    Hand-written, not spaCy's ``Matcher``: with the 68 event-trigger patterns (a lemma and a
    lower-case variant per element, ``{0,8}`` wildcards for the gaps) the ``Matcher`` took 7.3 s
    on the sentences of 225 news articles, against 0.8 s for the plain loop this replaces, and it
    returns every gap assignment, where the rules want the greedy one (issue 14).
    """

    def __init__(self, sequences: Iterable[tuple[Element, ...]], gap: int) -> None:
        self.sequences = [tuple(seq) for seq in sequences]
        self.gap = gap
        self._by_first: dict[str, list[int]] = {}
        for k, seq in enumerate(self.sequences):
            if seq:
                for word in seq[0][0]:
                    self._by_first.setdefault(word, []).append(k)

    @staticmethod
    def token_keys(tok: Any) -> set[str]:
        return {tok.lemma_.casefold(), tok.lower_}

    def find(self, span: Any) -> list[tuple[int, tuple[int, ...]]]:
        """``(sequence index, doc token indices)`` of every match starting in ``span``."""
        pos = span.start
        keys = [self.token_keys(t) for t in span]
        out = []
        for i, k in enumerate(keys):
            starting = {s for word in k for s in self._by_first.get(word, ())}
            for s in sorted(starting):
                toks = self._match_from(keys, self.sequences[s], pos, i)
                if toks is not None:
                    out.append((s, toks))
        return out

    def _match_from(
        self, keys: list[set[str]], elements: tuple[Element, ...], pos: int, i: int
    ) -> tuple[int, ...] | None:
        matched = [pos + i]
        cursor = i
        for alts, gap in elements[1:]:
            limit = min(cursor + 2 + (self.gap if gap else 0), len(keys))
            found = next((j for j in range(cursor + 1, limit) if keys[j] & alts), None)
            if found is None:
                return None
            matched.append(pos + found)
            cursor = found
        return tuple(matched)

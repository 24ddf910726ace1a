"""Name normalisation for place names, tuned for Arabic-origin names written in Latin letters.

Wire copy spells one village many ways: "Dara'a" / "Daraa" / "Deraa" / "Dar‘ā";
"Deir al-Ahmar" / "Dayr el Ahmâr" / "Dayr al Aḩmar"; "Tal" / "Tall" / "Tell".
Two keys are derived from a name:

``name_key``
    A conservative form used for exact lookups: diacritics and apostrophe-like marks
    (ayn, hamza, curly quotes) dropped, case folded, hyphens spaced, the Arabic article
    (al-, el-, ad-, ash-, ...) removed wherever it stands, common generic words unified
    (Tall/Tell -> tal, Umm -> um, Shaykh/Sheikh -> shaykh, Jebel -> jabal, Kfar -> kafr,
    Deir -> dayr, Ein/Ain -> ayn ...), French/English vowel spellings unified (ou/oo -> u,
    ee -> i), doubled letters collapsed, final -ah/-eh/-e -> -a
    and admin suffixes ("Province", "Governorate", "District", "Rayon") dropped.

``skeleton``
    A lossy consonant skeleton used to gather fuzzy candidates: the ``name_key`` with
    digraphs folded (kh->k, sh->s, gh->g, th->t, dh->d, ou->u), q->k, every vowel and
    the semivowels w/y removed, spaces removed. "Deraa", "Dara'a" and "Dar'a" share the
    skeleton "dr"; candidates gathered by skeleton are then scored with a string
    similarity on the ``name_key`` (see ``similarity``), so the skeleton only has to
    be generous, never decisive.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

# Apostrophe-like marks (ASCII quote, curly quotes, backtick, acute, modifier letters for
# ayn/hamza) are dropped without a space: "Dar'a" == "Dara" == "Dar‘a".
_MARKS = dict.fromkeys(map(ord, "'’‘`´ʼʻʿʾ′\u02bc\u02bf\u02be"), None)
# Letters NFKD does not decompose.
_FOLD = str.maketrans({"ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "ħ": "h"})
_NON_WORD = re.compile(r"[^a-z0-9]+")

# The Arabic definite article and its sun-letter assimilations, as separate words after
# hyphens are spaced ("ash-Sharqiyah" -> "ash sharqiyah"). "an"/"at"/"as" are English words
# too, but inside a place name they are the article ("Ras al-Ayn", "Tall as Sultan").
ARTICLES = frozenset("al el il ul ad ed adh ath ar er as es ash esh at et az ez an en dh".split())

# Generic words spelt several ways; every variant maps to one canonical form.
WORD_VARIANTS: dict[str, str] = {}
for _canon, _variants in {
    "tal": "tall tell tel til",
    "um": "umm oum oumm om",
    "shaykh": "sheikh shaikh sheik shekh cheikh shaich sheykh shaikha",
    "jabal": "jebel jbel djebel jabel gebel jabl",
    "kafr": "kfar kafer kefr kfr kafar kefer",
    "dayr": "deir dair der deyr",
    "ayn": "ain ein aïn ayun ayoun",
    "bayt": "beit bait beyt bet",
    "khirbat": "khirbet khirbit kherbet",
    "qalat": "qalaat qala kalaat qalat",
    "abu": "abou abo",
    "bir": "beer bi'r",
    "wadi": "wady oued",
    "ras": "raas",
    "qasr": "kasr",
    "mazraa": "mazraat mazraah mazraet",
    "north": "nord northern",
    "south": "sud southern",
    "east": "est eastern",
    "west": "ouest western",
    "saint": "st",
    "mount": "mt",
}.items():
    for _v in _variants.split():
        WORD_VARIANTS[_v] = _canon

# Admin-unit words that follow (or precede) a name. "Kunar Province", "Ninewa governorate",
# "Fuzuli Rayon", "Nahiyat X", "Sha`biyat X" all key as the bare name; the stripped word is
# a kind cue the resolver reads from the text, not part of the name.
ADMIN_SUFFIXES = frozenset(
    """province governorate governorates district subdistrict region state county
    rayon rayonu muhafazat muhafaza mintaqat ilcesi ili oblast prefecture department
    municipality township border crossing""".split()
)
ADMIN_PREFIXES = frozenset("nahiyat nahiya muhafazat sha biyat shabiyat mintaqat mantiqat".split())

_FINAL_VOWEL = re.compile(r"(?<=[a-z]{2})(?:[ae]h|e)$")
_DOUBLE = re.compile(r"([a-z])\1+")
_DIGRAPHS = (("kh", "k"), ("sh", "s"), ("gh", "g"), ("th", "t"), ("dh", "d"), ("ou", "u"), ("ph", "f"))
_SKEL_DROP = re.compile(r"[aeiouyw ]")


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits with single spaces; diacritics and marks dropped."""
    text = text.translate(_MARKS)
    if not text.isascii():  # plain ASCII has nothing to decompose (most of an English article)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().translate(_FOLD)
    return " ".join(_NON_WORD.sub(" ", text).split())


# French- and English-style vowel spellings of one sound: "Jayroud"/"Jayrud", "Afgooye"/"Afguye",
# "Deir Hafeer"/"Dayr Hafir".
_VOWEL_SPELLINGS = (("ou", "u"), ("oo", "u"), ("ee", "i"))


def _norm_word(word: str) -> str:
    word = WORD_VARIANTS.get(word, word)
    for a, b in _VOWEL_SPELLINGS:
        word = word.replace(a, b)
    word = _DOUBLE.sub(r"\1", word)
    # "Sharqiyah"/"Sharqiya"/"Sharqiyeh", "Talbiseh"/"Talbisah": a final weak vowel (+ h)
    # is one sound; a final consonant cluster ("Shaykh", "North") is left alone.
    word = _FINAL_VOWEL.sub("a", word) if len(word) > 3 else word
    return word


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Exact-lookup key for a place name (see module docstring)."""
    words = fold(name).split()
    if not words:
        return ""
    words = [w for w in words if w not in ARTICLES] or words
    while len(words) > 1 and words[-1] in ADMIN_SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] in ADMIN_PREFIXES:
        words.pop(0)
    if words[0] == "the" and len(words) > 1:
        words.pop(0)
    return " ".join(_norm_word(w) for w in words)


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """Consonant skeleton of a ``name_key`` (see module docstring)."""
    out = key
    for a, b in _DIGRAPHS:
        out = out.replace(a, b)
    out = out.replace("q", "k").replace("c", "k")
    if not out:
        return ""
    # A leading vowel is kept as "V": it separates "Idlib" (Vdlb) from "Dalb" (dlb).
    first = "V" if out[0] in "aeiouyw" else out[0]
    return _DOUBLE.sub(r"\1", first + _SKEL_DROP.sub("", out[1:]))


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two ``name_key`` strings, vowels weighted lightly.

    The mean of a plain edit ratio and the ratio on skeletons: two spellings of one name
    differ mostly in vowels ("Huwayqa"/"Howeiqa"), which the skeleton ignores, while
    names that differ in consonants ("Harak"/"Haraq" aside) are different places.
    """
    if a == b:
        return 1.0
    plain = fuzz.ratio(a, b) / 100.0
    sa, sb = skeleton(a), skeleton(b)
    skel = fuzz.ratio(sa, sb) / 100.0 if sa and sb else 0.0
    return 0.5 * plain + 0.5 * skel


def is_latin(name: str) -> bool:
    """True when every letter is Latin script (names in other scripts never match English text)."""
    for ch in name:
        if ch.isalpha() and ch > "\u024f" and not ("\u1e00" <= ch <= "\u1eff"):
            return False
    return any(ch.isalpha() for ch in name)


# Gazetteer names keep scholarly transliteration marks ("Al Ḩarāk", "Da`il") or lost them
# badly ("Dar a" for "Dar‘a", the ayn turned into a space). Output names are for readers.
_AYN_MARKS = str.maketrans(
    {"`": "'", "\u2018": "'", "\u2019": "'", "\u02bf": "'", "\u02be": "'", "\u00b4": "'"}
)
_STRAY_LETTER = re.compile(r"(?<=[A-Za-z]) ([a-z])\b(?! ?')")


def display_name(name: str) -> str:
    """A readable ASCII form of a gazetteer name: "Al Ḩarāk" -> "Al Harak", "Dar a" -> "Dar'a"."""
    text = unicodedata.normalize("NFKD", name.translate(_AYN_MARKS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    if not text.isascii():
        return name  # another script, or letters NFKD cannot split: keep as published
    return _STRAY_LETTER.sub(r"'\1", text)

"""Features of one event candidate (a sentence) for the event classifier (``events/classify.py``).

A candidate is a spaCy sentence span with what the rules said about it. Its features are
strings; the model maps the ones it saw in training to weights and ignores the rest:

- ``w:`` lowercased lemmas and ``b:`` lemma bigrams, with proper names and numbers replaced
  by placeholders (``<GPE>``, ``<ORG>``, ``<num>``) so the model learns phrasing, not places;
- ``fam:``/``rsub:``/``trig:`` the trigger families, the rules' proposed sub-types and the
  trigger lemmas (``norule`` when no trigger fired, ``dropped`` when the rules fired but kept
  no event);
- ``neg``/``neg:`` negation and the word it negates; ``mod:`` modal auxiliaries (cues of
  planned or hypothetical events);
- ``count:`` a number next to a casualty word (killed, injured, dead);
- ``actor:`` the kinds of actors named in the sentence (state forces, rebel group, civilians…);
  ``a1:``/``a2:`` the kinds of the rules' actor1 and actor2.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

CASUALTY_LEMMAS = frozenset({"kill", "dead", "die", "injure", "wound", "death", "body", "casualty"})
_SKIP_POS = frozenset({"PUNCT", "SPACE", "DET", "SYM"})


def _token_form(tok: Any) -> str | None:
    if tok.pos_ in _SKIP_POS:
        return None
    if tok.like_num:
        return "<num>"
    if tok.pos_ == "PROPN" or (tok.ent_type_ and tok.ent_type_ not in ("CARDINAL", "ORDINAL", "DATE")):
        return f"<{tok.ent_type_ or 'PROPN'}>"
    if not tok.is_alpha:
        return None
    return tok.lemma_.lower()


def candidate_features(
    sent: Any,
    families: Iterable[str] = (),
    proposals: Iterable[str] = (),
    trigger_lemmas: Iterable[str] = (),
    actor_kinds: Iterable[str] = (),
    roles: Iterable[tuple[str, str]] = (),
    *,
    state: str = "rule",
) -> list[str]:
    """Feature strings for sentence ``sent``; ``state`` is "rule", "norule" or "dropped"."""
    feats: list[str] = [state]
    forms: list[str] = []
    for tok in sent:
        form = _token_form(tok)
        if form is None:
            continue
        if not forms or forms[-1] != form or not form.startswith("<"):
            forms.append(form)
        if tok.dep_ == "neg":
            feats.append("neg")
            feats.append(f"neg:{tok.head.lemma_.lower()}")
        elif tok.tag_ == "MD":
            feats.append(f"mod:{tok.lemma_.lower()}")
        if tok.like_num:
            near = sent.doc[tok.i + 1 : min(tok.i + 4, sent.end)]
            for t in near:
                if t.lemma_.lower() in CASUALTY_LEMMAS:
                    feats.append(f"count:{t.lemma_.lower()}")
                    break
    feats.extend(f"w:{f}" for f in set(forms))
    feats.extend(f"b:{a}_{b}" for a, b in set(zip(forms, forms[1:], strict=False)))
    feats.extend(f"fam:{f}" for f in set(families))
    feats.extend(f"rsub:{s}" for s in set(proposals))
    feats.extend(f"trig:{t.lower()}" for t in set(trigger_lemmas))
    feats.extend(f"actor:{k}" for k in set(actor_kinds) if k)
    feats.extend(f"{role}:{kind}" for role, kind in set(roles))
    return feats

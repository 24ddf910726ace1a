"""Framing: words that carry the outlet's judgment (SemEval-2020 technique names), each with a
neutral wording and whose voice it is; an article profile; per-outlet aggregation.
See docs/claims-and-framing.md."""

from __future__ import annotations

from .neutral import neutralize
from .profile import aggregate_profiles, article_profile

__all__ = ["aggregate_profiles", "article_profile", "neutralize"]

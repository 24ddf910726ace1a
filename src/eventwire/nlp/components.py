"""spaCy components eventwire adds to the English pipeline."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NEWLINE_SENTENCES = "eventwire_newline_sentences"


@Language.component(NEWLINE_SENTENCES)
def newline_sentences(doc: Doc) -> Doc:
    """A line break starts a new sentence.

    News text puts headlines, datelines and paragraphs on their own lines, often without
    final punctuation or ending in a closing quote; the small parser then glues two
    paragraphs into one sentence, and a claim or event leaks across them. The parser keeps
    boundaries set before it runs.
    """
    for i, token in enumerate(doc[:-1]):
        if token.is_space and "\n" in token.text:
            doc[i + 1].is_sent_start = True
    return doc

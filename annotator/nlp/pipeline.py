"""Build the suggestion pipeline: `spacy.blank(lang)` plus the registered components.

The components are configured through spaCy's config system, so a trained pipeline's
components could be added the same way; no trained model is needed here.
"""

from __future__ import annotations

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

from annotator.nlp import components, lexicon  # noqa: F401  (components registers the factories)

PIPE_NAMES = ("annotator_sentences", "annotator_attribution")
CHUNK_CHARS = 500_000  # longer texts are processed in paragraph-aligned pieces


def build(lang: str) -> Language:
    """A fresh pipeline for "nl" or "en"."""
    config = {"nlp": {"tokenizer": {"@tokenizers": "annotator.text_keeping_tokenizer.v1"}}}
    nlp = spacy.blank(lang, config=config)
    for name in lexicon.load(lang).src["social_media_names"]:
        if len(name) == 1:  # "op X." ends a sentence: the platform, not an initial
            nlp.tokenizer.add_special_case(f"{name.upper()}.", [{ORTH: name.upper()}, {ORTH: "."}])
    nlp.add_pipe("annotator_sentences")
    nlp.add_pipe("annotator_attribution", config={"lang": lang})
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS + 1)
    return nlp

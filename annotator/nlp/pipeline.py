"""Build the suggestion pipeline: `spacy.blank(lang)` plus the registered components.

Its tokens carry text, lower case, norm, prefix and suffix; spaCy's lexeme flags (is_punct,
like_num, ...) and shape are not computed (see KEPT_LEX_ATTRS). The tokenizer is spaCy's, with a
larger cache and no affix regexes run on letters-only words (annotator/nlp/tokenizer.py):
the same tokens, faster.

The components are configured through spaCy's config system, so a trained pipeline's
components could be added the same way; no trained model is needed here.
"""

from __future__ import annotations

from typing import Any

import spacy
from spacy.attrs import LANG, LOWER, NORM, ORTH, PREFIX, SUFFIX
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from annotator.nlp import components, lexicon  # noqa: F401  (components registers the factories)

PIPE_NAMES = ("annotator_sentences", "annotator_attribution")
CHUNK_CHARS = 500_000  # longer texts are processed in paragraph-aligned pieces
# lexical attributes computed for each new word: the rules read words from `Toks`, never the
# lexeme flags (is_punct, like_num, ...) or shape, whose getters cost a quarter of tokenising a
# real article (each unseen word is a new lexeme); ORTH and these stay as spaCy has them
KEPT_LEX_ATTRS = frozenset((LANG, LOWER, NORM, PREFIX, SUFFIX))


def build(lang: str) -> Language:
    """A fresh pipeline for "nl" or "en"."""
    config = {"nlp": {"tokenizer": {"@tokenizers": "annotator.text_keeping_tokenizer.v1"}}}
    nlp = spacy.blank(lang, config=config)
    vocab: Any = nlp.vocab  # spaCy's stub for Vocab lacks lex_attr_getters, a documented attribute
    vocab.lex_attr_getters = {k: f for k, f in vocab.lex_attr_getters.items() if k in KEPT_LEX_ATTRS}
    lex = lexicon.load(lang)
    base = _spacy_tokenizer(nlp)
    for name in lex.src["social_media_names"]:
        if len(name) == 1:  # "op X." ends a sentence: the platform, not an initial
            base.add_special_case(f"{name.upper()}.", [{ORTH: name.upper()}, {ORTH: "."}])
    particles = {p for entries in lex.verbs.values() for e in entries for p in e.particle if " " not in p}
    for word in sorted(particles):
        if len(nlp.tokenizer(f"{word}.")) == 1:  # "houdt hij vol." ends a sentence: "vol." is no abbreviation
            base.add_special_case(f"{word}.", [{ORTH: word}, {ORTH: "."}])
    base.add_special_case("):", [{ORTH: ")"}, {ORTH: ":"}])  # "Kok (CDA): ..." is no emoticon
    nlp.add_pipe("annotator_sentences")
    nlp.add_pipe("annotator_attribution", config={"lang": lang})
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS + 1)
    return nlp


def _spacy_tokenizer(nlp: Language) -> Tokenizer:
    """spaCy's own tokenizer under the text-keeping wrapper: the one special cases go to."""
    tokenizer = getattr(nlp.tokenizer, "base", nlp.tokenizer)
    if not isinstance(tokenizer, Tokenizer):
        raise TypeError(f"the pipeline's tokenizer is a {type(tokenizer).__name__}, not spaCy's")
    return tokenizer

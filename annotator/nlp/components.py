"""spaCy components (registered factories): a fast sentence splitter and the attribution rules.

`annotator_sentences` sets sentence starts from `textscan` (quote-aware, much cheaper than the
stock sentencizer); `annotator_attribution` runs `engine.Analyzer` and stores its results in
`doc.spans["sources"]`, `doc.spans["cues"]` and `doc.spans["claims"]`, with the exact character
offsets and the claim links in `doc.user_data["annotator"]` (span groups hold token spans).
"""

from __future__ import annotations

import bisect
import gc
import logging
import re
from collections.abc import Callable

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from annotator.nlp import lexicon
from annotator.nlp.engine import Analyzer, Result
from annotator.nlp.textscan import text_layout
from annotator.nlp.tokenizer import language_tokenizer
from annotator.nlp.tokens import Toks

USER_KEY = "annotator"


log = logging.getLogger(__name__)
TEXT_KEY = "annotator.text"
LAYOUT_KEY = "annotator.layout"


def doc_text(doc: Doc) -> str:
    """The doc's text, kept by our tokenizer; rebuilding it from tokens is slow."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


class TextKeepingTokenizer:
    """spaCy's tokenizer for the language, also keeping the input text on the doc."""

    def __init__(self, base: Callable[[str], Doc]):
        self.base = base

    def __call__(self, text: str) -> Doc:
        doc = self.base(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def __getattr__(self, name: str) -> object:
        return getattr(self.base, name)  # serialisation and settings of the real tokenizer


@registry.tokenizers("annotator.text_keeping_tokenizer.v1")
def make_text_keeping_tokenizer() -> Callable[[Language], TextKeepingTokenizer]:
    def create(nlp: Language) -> TextKeepingTokenizer:
        return TextKeepingTokenizer(language_tokenizer(nlp))

    return create


# spaCy splits words on the plain space only: a no-break or thin space ("he\u00a0told") is a
# token of its own, which would part a speaker from its verb; such tokens are left out
_INLINE_SPACE = re.compile(r"[^\S \n\r]")


def doc_toks(doc: Doc) -> Toks:
    arr = doc.to_array([IDX, LENGTH])
    starts = arr[:, 0].tolist() if len(doc) else []
    ends = (arr[:, 0] + arr[:, 1]).tolist() if len(doc) else []
    text = doc_text(doc)
    if _INLINE_SPACE.search(text):
        kept = [(s, e) for s, e in zip(starts, ends, strict=True) if not text[s:e].isspace() or "\n" in text[s:e]]
        starts, ends = [s for s, _ in kept], [e for _, e in kept]
    return Toks(text, starts, ends)


class SentenceSplitter:
    """Quote-aware sentence starts, written in one array operation."""

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        text = doc_text(doc)
        starts = doc.to_array(IDX)
        layout = text_layout(text)
        doc.user_data[LAYOUT_KEY] = layout
        firsts = [s for ps, _, _, sents in layout for s in (ps, *(a for a, _ in sents))]
        flags = numpy.full((len(doc), 1), -1, dtype="int64")
        k = numpy.searchsorted(starts, numpy.asarray(firsts, dtype="int64"))
        flags[k[k < len(doc)], 0] = 1
        flags[0, 0] = 1
        # one call, not one per sentence; spaCy types the array as thinc's Ints2d, which an
        # int ndarray is at run time (a stub gap: thinc's array types are not numpy's)
        doc.from_array([SENT_START], flags.astype("uint64"))  # type: ignore[arg-type]
        return doc


class AttributionRules:
    """Sources, cues and claims by rule, from the lexicon of `lang`."""

    def __init__(self, lang: str):
        self.lex = lexicon.load(lang)

    def __call__(self, doc: Doc) -> Doc:
        toks = doc_toks(doc)
        layout = doc.user_data.pop(LAYOUT_KEY, None)
        collecting = gc.isenabled()
        gc.disable()  # the rules make many small acyclic objects: no cycle hunts over the heap meanwhile
        try:
            result = Analyzer(self.lex, toks).run(layout)
        except Exception:  # a rule bug must not cost the user the whole batch
            log.exception("attribution rules failed on a text of %d characters", len(toks.text))
            result = Result([], [], [])
        finally:
            if collecting:
                gc.enable()
        store(doc, toks, result)
        return doc


def store(doc: Doc, toks: Toks, result: Result) -> None:
    """Write the result into span groups and the exact payload into user_data."""
    payload = to_payload(toks, result)
    doc.user_data[USER_KEY] = payload
    doc.spans["sources"] = [Span(doc, s.i, s.j) for s in result.sources]
    doc.spans["cues"] = [Span(doc, c.i, c.j) for c in result.cues]
    starts, ends, n = toks.starts, toks.ends, toks.n
    claim_spans = []
    for c in payload["claims"]:
        i = max(0, bisect.bisect_right(starts, c["start"]) - 1)  # the token holding the start
        j = min(n, bisect.bisect_left(ends, c["end"]) + 1)  # the token holding the end
        if i < j:
            claim_spans.append(Span(doc, i, j, label=f'{c["attribution"]}:{c["certainty"]}'))
    doc.spans["claims"] = claim_spans


def to_payload(toks: Toks, result: Result) -> dict:
    """The contract's dict: sources, cues, claims with indices into the lists."""
    text = toks.text
    src_index = {id(s): n for n, s in enumerate(result.sources)}
    cue_index = {id(c): n for n, c in enumerate(result.cues)}
    sources = []
    for s in result.sources:
        a, b = toks.char_span(s.i, s.j)
        sources.append({"start": a, "end": b, "text": text[a:b], "type": s.type, "rule": s.rule})
    cues = []
    for c in result.cues:
        a, b = toks.char_span(c.i, c.j)
        cues.append({"start": a, "end": b, "text": text[a:b], "rule": c.rule})
    claims = [{"start": c.start, "end": c.end,
               "source": src_index.get(id(c.src)) if c.src else None,
               "cue": cue_index.get(id(c.cue)) if c.cue else None,
               "attribution": c.attribution if c.src or c.attribution == "unattributed"
               else "unattributed" if c.attribution == "indirect" else c.attribution,
               "certainty": c.certainty, "rule": c.rule} for c in result.claims]
    return {"text_length": len(text), "sources": sources, "cues": cues, "claims": claims}


@Language.factory("annotator_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()


@Language.factory("annotator_attribution", default_config={"lang": None})
def make_attribution(nlp: Language, name: str, lang: str | None) -> AttributionRules:
    lang = lang or nlp.lang
    if lang is None:
        raise ValueError("annotator_attribution needs a language: set `lang` in its config or "
                         "add it to a pipeline that has one")
    return AttributionRules(lang)

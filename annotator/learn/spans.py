"""The span model: sources, cues and claims as spaCy `span_finder` + `spancat` (CPU, small).

`span_finder` learns where spans start and end (claims are long: n-grams cannot reach them);
`spancat` labels candidates from the span finder and all 1-3 token n-grams as SOURCE, CUE or
CLAIM, keeping those scoring `LEAST` (the model alone uses those scoring `ALONE`; the
combination with the rules its own thresholds, chosen on the training folds). During training the gold and the rejected spans are added to the candidates (as
`hints`), so the classifier sees every positive and every span a coder turned down.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Config, Ops, get_current_ops
from thinc.types import Ragged

LABELS = {"sources": "SOURCE", "cues": "CUE", "claims": "CLAIM"}
CANDIDATES, HINTS, SPANS = "candidates", "hints", "sc"
WIDTH = 64
LEAST = 0.2  # spans scoring this much are kept: the combination's thresholds start here
ALONE = 0.5  # the least score of a span of the model alone (spancat's usual threshold)

CONFIG = """
[nlp]
lang = "{lang}"
pipeline = ["tok2vec", "span_finder", "spancat"]

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
rows = [4000, 1000, 1000, 500]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = 2
window_size = 1
maxout_pieces = 3

[components.span_finder]
factory = "span_finder"
spans_key = "candidates"
threshold = 0.5
max_length = 50

[components.span_finder.model]
@architectures = "spacy.SpanFinder.v1"

[components.span_finder.model.scorer]
@layers = "spacy.LinearLogistic.v1"
nO = 2

[components.span_finder.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}

[components.spancat]
factory = "spancat"
spans_key = "sc"
threshold = {least}
max_positive = 1

[components.spancat.model]
@architectures = "spacy.SpanCategorizer.v1"

[components.spancat.model.reducer]
@layers = "spacy.mean_max_reducer.v1"
hidden_size = {width}

[components.spancat.model.scorer]
@layers = "spacy.LinearLogistic.v1"

[components.spancat.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}

[components.spancat.suggester]
@misc = "annotator.candidates.v1"
sizes = [1, 2, 3]
"""


@spacy.registry.misc("annotator.candidates.v1")
def make_candidates(sizes: list[int]) -> Any:
    """n-grams of `sizes` plus the span finder's candidates and the training hints."""

    def suggest(docs: Iterable[Doc], *, ops: Ops | None = None) -> Ragged:
        ops = ops or get_current_ops()
        spans: list[tuple[int, int]] = []
        lengths = []
        for doc in docs:
            found = {(i, i + n) for n in sizes for i in range(len(doc) - n + 1)}
            for key in (CANDIDATES, HINTS):
                if key in doc.spans:
                    found.update((sp.start, sp.end) for sp in doc.spans[key])
            ordered = sorted(found)
            spans.extend(ordered)
            lengths.append(len(ordered))
        data = ops.asarray2i(spans) if spans else ops.xp.zeros((0, 2), dtype="i")
        return Ragged(data, ops.asarray1i(lengths))

    return suggest


def blank_model(lang: str) -> Language:
    config = Config().from_str(CONFIG.replace("{lang}", lang).replace("{width}", str(WIDTH))
                               .replace("{least}", str(LEAST)))
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def reference_doc(nlp: Language, text: str, gold: dict[str, Any]) -> Doc:
    """The gold spans on a doc: labelled under `sc`, unlabelled under `candidates`."""
    doc = nlp.make_doc(text)
    labelled = []
    for key, label in LABELS.items():
        for item in gold.get(key, []):
            span = doc.char_span(item["start"], item["end"], label=label, alignment_mode="expand")
            if span is not None and len(span):
                labelled.append(span)
    doc.spans[SPANS] = labelled
    doc.spans[CANDIDATES] = [doc[s.start:s.end] for s in labelled]
    return doc


def hint_doc(nlp: Language, reference: Doc, negatives: list[tuple[str, int, int]]) -> Doc:
    """The predicted side of a training example: gold and rejected spans as hints."""
    doc = nlp.make_doc(reference.text)
    hints = [doc[s.start:s.end] for s in reference.spans[SPANS]]
    for _, start, end in negatives:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            hints.append(span)
    doc.spans[HINTS] = hints
    return doc


def doc_payload(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """The labelled spans of a processed doc, per kind, without overlaps within a kind
    (the higher score wins)."""
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in LABELS}
    group = doc.spans.get(SPANS, [])
    scores = getattr(group, "attrs", {}).get("scores")
    by_label = {v: k for k, v in LABELS.items()}
    ranked = []
    for i, span in enumerate(group):
        score = float(scores[i].max()) if scores is not None else 1.0
        ranked.append((score, span))
    ranked.sort(key=lambda x: -x[0])
    taken: dict[str, list[tuple[int, int]]] = {k: [] for k in LABELS}
    for score, span in ranked:
        kind = by_label.get(span.label_)
        if kind is None:
            continue
        s, e = span.start_char, span.end_char
        if any(s < te and ts < e for ts, te in taken[kind]):
            continue
        taken[kind].append((s, e))
        out[kind].append({"start": s, "end": e, "text": span.text, "score": round(score, 3)})
    for items in out.values():
        items.sort(key=lambda x: (x["start"], x["end"]))
    return out

"""Classifiers over spans for the codebook's variables (source type, attribution, certainty or
whatever the project's codebook has): one spaCy `textcat` (bag of words, fast on CPU) per
variable, over the span's words and its context written as marked words (l_ before, r_ after,
c_ for the claim's cue, q_ for a quote mark at an edge)."""

from __future__ import annotations

import random
from typing import Any

import spacy
from spacy.language import Language
from spacy.training import Example

QUOTES = "\"'“”„‘’«»‚"
BOW = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
       "no_output_layer": False, "length": 262144}
LEARN_RATE, BATCH = 0.02, 16


def span_features(text: str, start: int, end: int, cue: tuple[int, int] | None = None) -> str:
    """The words a classifier sees for the span text[start:end]."""
    words = text[start:end].split()[:60]
    left = [f"l_{w}" for w in text[max(0, start - 60):start].split()[-4:]]
    right = [f"r_{w}" for w in text[end:end + 60].split()[:4]]
    marks = []
    if start > 0 and text[start - 1] in QUOTES or text[start:start + 1] in QUOTES:
        marks.append("q_open")
    if end < len(text) and text[end:end + 1] in QUOTES or text[end - 1:end] in QUOTES:
        marks.append("q_close")
    cue_words = [f"c_{w}" for w in text[cue[0]:cue[1]].split()] if cue else ["c_none"]
    return " ".join(words + left + right + marks + cue_words).lower()


def train_classifier(lang: str, rows: list[tuple[str, str]], codes: list[str],
                     epochs: int = 8, seed: int = 0) -> Language | None:
    """A textcat over `rows` (features, code); None when fewer than two codes occur.

    Trained in small batches at LEARN_RATE: with spaCy's defaults (Adam at 0.001) and batches
    of 64, a few hundred spans give the bag-of-words weights too few steps to move, and the
    classifier said the most common code always (certainty mean recall per level .29 over the
    Dutch real set, 5-fold; .48 this way). Repeating the rows of rare codes did not help."""
    used = sorted({code for _, code in rows if code in codes})
    if len(used) < 2:
        return None
    nlp = spacy.blank(lang)
    textcat = nlp.add_pipe("textcat", config={"model": BOW})
    for code in used:
        textcat.add_label(code)  # type: ignore[attr-defined]
    examples = [Example.from_dict(nlp.make_doc(f), {"cats": {c: float(c == y) for c in used}})
                for f, y in rows if y in used]
    rng = random.Random(seed)
    optimizer = nlp.initialize(lambda: examples)
    optimizer.learn_rate = LEARN_RATE
    for _ in range(epochs):
        rng.shuffle(examples)
        for i in range(0, len(examples), BATCH):
            nlp.update(examples[i:i + 64], sgd=optimizer, drop=0.1)
    return nlp


def predict_codes(nlp: Language, features: list[str]) -> list[str]:
    return [code for code, _ in predict_scored(nlp, features)]


def predict_scored(nlp: Language, features: list[str]) -> list[tuple[str, float]]:
    """Per span the most likely code and its probability."""
    out = []
    for doc in nlp.pipe(features, batch_size=256):
        code, p = max(doc.cats.items(), key=lambda kv: kv[1])
        out.append((code, float(p)))
    return out


def claim_cue(payload: dict[str, Any], claim: dict[str, Any]) -> tuple[int, int] | None:
    cue = claim.get("cue")
    if cue is None or not 0 <= cue < len(payload.get("cues", [])):
        return None
    c = payload["cues"][cue]
    return c["start"], c["end"]

"""Public API: attribution suggestions for one text or a stream of texts.

Importing this module does not import spaCy; the pipeline for a language is built on first use
and cached (the GUI warms it in the background).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from annotator.core.languages import LANGUAGES
from annotator.nlp.langdetect import detect_language

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["PIPELINE_VERSION", "detect_language", "get_pipeline", "suggest_many", "suggest_text"]

PIPELINE_VERSION = "annotator-rules-1"
CHUNK_CHARS = 500_000

_pipelines: dict[str, Language] = {}
_lock = threading.Lock()


def get_pipeline(lang: str) -> Language:
    """The cached pipeline for "nl" or "en" (built on first call)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; use 'nl' or 'en'")
    with _lock:
        if lang not in _pipelines:
            from annotator.nlp.pipeline import build

            _pipelines[lang] = build(lang)
        return _pipelines[lang]


def suggest_text(text: str, language: str | None = None, syntax: bool = False) -> dict:
    """Sources, cues and claims of `text` in the contract's shape (see issue 4); with `syntax`,
    plus what the parse rules add (annotator/nlp/syntax) when a parser is installed."""
    lang = _language(text, language)
    nlp = get_pipeline(lang)
    parts = [_payload(doc) for doc in nlp.pipe(p for _, p in _chunks(text))]
    result = _merge(text, lang, [off for off, _ in _chunks(text)], parts)
    return _with_syntax([text], [result], lang)[0] if syntax else result


def suggest_many(texts: Iterable[str], language: str | None = None,
                 batch_size: int = 64, syntax: bool = False) -> Iterator[dict]:
    """Suggestions for each text, in order, streamed through `nlp.pipe` in batches; with
    `syntax`, plus what the parse rules add when a parser is installed."""
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= batch_size:
            yield from _batch_with_syntax(batch, language, batch_size, syntax)
            batch = []
    if batch:
        yield from _batch_with_syntax(batch, language, batch_size, syntax)


def _batch_with_syntax(texts: list[str], language: str | None, batch_size: int,
                       syntax: bool) -> Iterator[dict]:
    results = list(_run_batch(texts, language, batch_size))
    if not syntax:
        yield from results
        return
    for lang in sorted({r["language"] for r in results}):
        idx = [i for i, r in enumerate(results) if r["language"] == lang]
        for i, found in zip(idx, _with_syntax([texts[i] for i in idx], [results[i] for i in idx], lang),
                            strict=True):
            results[i] = found
    yield from results


def _with_syntax(texts: list[str], results: list[dict], lang: str) -> list[dict]:
    """The parse rules' additions (the results as they are without a parser for `lang`)."""
    from annotator.nlp.syntax import add_syntax

    return add_syntax(texts, results, lang)


def _run_batch(texts: list[str], language: str | None, batch_size: int) -> Iterator[dict]:
    langs = [_language(t, language) for t in texts]
    results: list[dict | None] = [None] * len(texts)
    for lang in sorted(set(langs)):
        idx = [i for i, lg in enumerate(langs) if lg == lang and len(texts[i]) <= CHUNK_CHARS]
        nlp = get_pipeline(lang)
        for i, doc in zip(idx, nlp.pipe((texts[i] for i in idx), batch_size=batch_size), strict=True):
            results[i] = _merge(texts[i], lang, [0], [_payload(doc)])
    for i, text in enumerate(texts):
        yield found if (found := results[i]) is not None else suggest_text(text, langs[i])


def _language(text: str, language: str | None) -> str:
    """The language asked for when it is one we have rules for, else the detected one."""
    return language if language in LANGUAGES else detect_language(text)


def _payload(doc: Doc) -> dict:
    from annotator.nlp.components import USER_KEY

    return doc.user_data[USER_KEY]


def _chunks(text: str) -> list[tuple[int, str]]:
    """Pieces of at most CHUNK_CHARS, cut at a paragraph break, else at a space."""
    if len(text) <= CHUNK_CHARS:
        return [(0, text)]
    out, pos = [], 0
    while pos < len(text):
        end = min(len(text), pos + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", pos + 1, end)
            if cut <= pos:
                cut = text.rfind(" ", pos + 1, end)
            end = cut + 1 if cut > pos else end
        out.append((pos, text[pos:end]))
        pos = end
    return out


def _merge(text: str, lang: str, offsets: list[int], parts: list[dict]) -> dict:
    merged: dict = {"text_length": len(text), "language": lang, "sources": [], "cues": [], "claims": []}
    for off, part in zip(offsets, parts, strict=True):
        ns, nc = len(merged["sources"]), len(merged["cues"])
        for key in ("sources", "cues"):
            for item in part[key]:
                merged[key].append({**item, "start": item["start"] + off, "end": item["end"] + off})
        for c in part["claims"]:
            merged["claims"].append({
                **c, "start": c["start"] + off, "end": c["end"] + off,
                "source": None if c["source"] is None else c["source"] + ns,
                "cue": None if c["cue"] is None else c["cue"] + nc,
            })
    return merged

"""Span arithmetic on code-point offsets: trimming a selection, word-by-word nudging. No Qt."""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"\w+|[^\w\s]")


def _in_word(c: str) -> bool:
    """A letter, digit or combining mark: part of a word (emoji and punctuation are not)."""
    return c.isalnum() or c == "_" or unicodedata.category(c).startswith("M")


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a selection to whole words: an edge inside a word moves out to the word's edge.
    A mouse seldom lands exactly between two letters ("e Iraanse generaal Qassem Soleim")."""
    if end <= start:
        return start, end
    while start > 0 and _in_word(text[start - 1]) and _in_word(text[start]):
        start -= 1
    while end < len(text) and _in_word(text[end - 1]) and _in_word(text[end]):
        end += 1
    return start, end


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop whitespace a sloppy mouse selection took along at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def nudge(text: str, start: int, end: int, edge: str, step: int) -> tuple[int, int]:
    """Move the span's `edge` ("start" or "end") one word (or punctuation mark) by `step` (+1/-1).

    The span never becomes empty; at the text's edge nothing moves.
    """
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    if edge == "start":
        stops = [s for s, _ in tokens]
        cands = [s for s in stops if s > start and s < end] if step > 0 else \
            [s for s in stops if s < start]
        if cands:
            start = min(cands) if step > 0 else max(cands)
    else:
        stops = [e for _, e in tokens]
        cands = [e for e in stops if e > end] if step > 0 else \
            [e for e in stops if start < e < end]
        if cands:
            end = min(cands) if step > 0 else max(cands)
    return start, end

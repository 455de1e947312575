"""Character spans from a parse: pieces of text for the parser and back, and the edges of a
speaker's noun phrase and of a claim.

The parser runs on each paragraph on its own (its sentence splitter never joins a headline to the
next paragraph); a token's `idx` is a code-point offset inside its piece, so the piece's start
is added to give offsets in the whole text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterable, Sequence
from typing import Protocol

_PARAGRAPH = re.compile(r"[^\n]+")


class Tok(Protocol):
    """What the span builders read of a token (spaCy's Token has it all)."""

    @property
    def i(self) -> int: ...
    @property
    def idx(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def dep_(self) -> str: ...
    @property
    def is_punct(self) -> bool: ...
    @property
    def subtree(self) -> Iterable[Tok]: ...
    @property
    def children(self) -> Iterable[Tok]: ...


def pieces(text: str) -> list[tuple[int, str]]:
    """(start, text) of each non-blank line of `text`: the parser's units."""
    return [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def token_starts(doc: Sequence[Tok], offset: int) -> list[int]:
    """Each token's start in the whole text (for `token_at`)."""
    return [t.idx + offset for t in doc]


def token_at(starts: list[int], ends: list[int], char: int) -> int | None:
    """Index of the token covering `char` (starts and ends in text offsets), else None."""
    k = bisect_right(starts, char) - 1
    return k if k >= 0 and char < ends[k] else None


def phrase_tokens(head: Tok, cut_deps: Collection[str], stops: Collection[str] = ()) -> list[Tok]:
    """The head's subtree without the subtrees of dependents in `cut_deps` (relative clauses),
    kept only as far as it runs contiguously around the head and, after the head, up to the
    first of `stops` (a comma: what follows it is an inserted phrase, not the name)."""
    cut: set[int] = set()
    for child in _children(head):
        if child.dep_ in cut_deps:
            cut.update(t.i for t in _subtree(child))
    kept = [t for t in _subtree(head) if t.i not in cut]
    at = next(k for k, t in enumerate(kept) if t.i == head.i)
    lo = hi = at
    while lo > 0 and kept[lo - 1].i == kept[lo].i - 1:
        lo -= 1
    while hi + 1 < len(kept) and kept[hi + 1].i == kept[hi].i + 1 and kept[hi + 1].text not in stops:
        hi += 1
    return kept[lo:hi + 1]


def trimmed_span(tokens: list[Tok], edge_deps: Collection[str], offset: int) -> tuple[int, int] | None:
    """(start, end) in the whole text of `tokens` without punctuation or `edge_deps` at either
    edge (a comma before a relative clause, `that` opening a clause); None when nothing is left."""
    lo, hi = 0, len(tokens)
    while lo < hi and (tokens[lo].is_punct or tokens[lo].dep_ in edge_deps):
        lo += 1
    while hi > lo and (tokens[hi - 1].is_punct or tokens[hi - 1].dep_ in edge_deps):
        hi -= 1
    if lo == hi:
        return None
    first, last = tokens[lo], tokens[hi - 1]
    return first.idx + offset, last.idx + len(last.text) + offset


def _subtree(tok: Tok) -> list[Tok]:
    return list(tok.subtree)


def _children(tok: Tok) -> list[Tok]:
    return list(tok.children)

"""A light, plain-Python view of a tokenised text that the rules work on.

The rules only need words, their lower-case forms and character offsets; reading them once into
lists is much faster than touching spaCy `Token` objects again and again.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

CLOSE_MARKS = frozenset("’”»'\"›“")
OPEN_MARKS = frozenset("‘“„«'\"‹‚")
WIDE_MARKS = frozenset((",,", "''", "’’"))  # two-character quote marks (,,Zo gaat het.''), one token each
# the look-behind follows the first capital (same test, "not after a word character or a
# hyphen"), so the regex engine can skip ahead to the next capital instead of trying every position
_ACRONYM = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]{1,2}(?![\w-])")


class Toks:
    def __init__(self, text: str, starts: Sequence[int], ends: Sequence[int]):
        self.text = text
        self.starts = list(starts)
        self.ends = list(ends)
        self.words = [text[s:e] for s, e in zip(self.starts, self.ends, strict=True)]
        lower = text.lower()
        if len(lower) == len(text):  # one slice per token instead of one lower() call
            self.lowers = [lower[s:e] for s, e in zip(self.starts, self.ends, strict=True)]
        else:  # a character whose lower case is longer ("İ"): per token
            self.lowers = [w.lower() for w in self.words]
        self.n = len(self.words)
        self.quote_of = [-1] * self.n  # index of the quotation a token sits in, or -1
        self._candidates: dict[str, list[int]] = {}

    def keep_acronyms(self, clashes: frozenset[str]) -> None:
        """An all-capital word whose lower case is a function word ("het OM", "the US", "IS")
        keeps its case in `lowers`, so that no rule reads it as that function word."""
        for m in _ACRONYM.finditer(self.text):
            k = bisect.bisect_left(self.starts, m.start())
            if k < self.n and self.starts[k] == m.start() and self.ends[k] == m.end() \
                    and self.lowers[k] in clashes:
                self.lowers[k] = self.words[k]

    def index(self, groups: dict[str, AbstractSet[str]]) -> None:
        """Remember where the words of each group occur, so rules visit only those tokens."""
        union = frozenset().union(*groups.values())
        hits = [(k, w) for k, w in enumerate(self.lowers) if w in union]
        for name, words in groups.items():
            self._candidates[name] = [k for k, w in hits if w in words]
        self._candidates["any"] = [k for k, _ in hits]  # one look-up tells whether a sentence has any

    def has_index(self, name: str) -> bool:
        return name in self._candidates

    def any_candidate(self, name: str, i: int, j: int) -> bool:
        """Whether an indexed position of `name` lies within [i, j) (no list built)."""
        pos = self._candidates.get(name)
        if not pos:
            return False
        x = bisect.bisect_left(pos, i)
        return x < len(pos) and pos[x] < j

    def candidates(self, name: str, i: int, j: int) -> list[int]:
        """Indexed positions of `name` within [i, j)."""
        pos = self._candidates[name]
        return pos[bisect.bisect_left(pos, i):bisect.bisect_left(pos, j)]

    def first_at_or_after(self, char: int) -> int:
        return bisect.bisect_left(self.starts, char)

    def last_before(self, char: int) -> int:
        """Index one past the last token that ends at or before `char`."""
        return bisect.bisect_right(self.ends, char)

    def is_word(self, i: int) -> bool:
        w = self.words[i]
        return w[:1].isalnum()

    def is_cap(self, i: int) -> bool:
        w = self.words[i]
        return w[:1].isupper()

    def char_span(self, i: int, j: int) -> tuple[int, int]:
        return self.starts[i], self.ends[j - 1]

    def mark_quote(self, qid: int, start_char: int, end_char: int) -> None:
        a, b = self.first_at_or_after(start_char), self.last_before(end_char)
        for k in range(a, b):
            self.quote_of[k] = qid

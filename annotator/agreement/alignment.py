"""Units of analysis from coders' claim spans, and how well the coders agree on the spans.

Coders mark different spans, so before comparing codes we decide which claims are "the same
claim". Two coders' claims match one to one by optimal assignment on overlap (maximum total
overlap), where a pair qualifies only if the overlap is at least half of the shorter span.
With three or more coders, pairwise matches join into connected groups; a group holds at most
one claim per coder (if it would hold two of one coder's claims, the one overlapping the group
most stays and the other becomes a unit of its own).

Claims are any objects with `.start`, `.end`, `.values` (variable -> code) and `.uid`, like
`annotator.core.model.Claim`. Input: {coder: {article_id: [claims]}}; an article present under
a coder (even with an empty list) means that coder coded it.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Protocol

import numpy as np
from scipy.optimize import linear_sum_assignment


class SpanLike(Protocol):
    start: int
    end: int


ClaimsByCoder = Mapping[str, Mapping[Hashable, Sequence[Any]]]


def overlap(a: SpanLike, b: SpanLike) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def qualifies(a: SpanLike, b: SpanLike) -> bool:
    """Overlap of at least half the shorter span (empty spans: same position)."""
    shorter = min(a.end - a.start, b.end - b.start)
    if shorter <= 0:
        return a.start == b.start and a.end == b.end
    return overlap(a, b) * 2 >= shorter


def match_pair(first: Sequence[SpanLike], second: Sequence[SpanLike]) -> list[tuple[int, int]]:
    """One-to-one matches (index in first, index in second) with the largest total overlap."""
    if not first or not second:
        return []
    gain = np.zeros((len(first), len(second)))
    for i, a in enumerate(first):
        for j, b in enumerate(second):
            if qualifies(a, b):
                gain[i, j] = overlap(a, b) + 1  # + 1: empty spans that qualify still count
    rows, cols = linear_sum_assignment(gain, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True) if gain[i, j] > 0]


@dataclass(frozen=True)
class Unit:
    """One unit of analysis: at most one claim per coder (missing coders did not mark it)."""

    id: str
    article_id: Hashable
    start: int
    end: int
    claims: Mapping[str, Any] = field(default_factory=dict)

    def claim_id(self, coder: str) -> Any:
        """The coder's claim's id (`uid`, as the coding sheet's claim_id), None if unmarked."""
        claim = self.claims.get(coder)
        return None if claim is None else getattr(claim, "uid", None)

    def value(self, coder: str, variable: str) -> Any:
        claim = self.claims.get(coder)
        if claim is None:
            return None
        return (getattr(claim, "values", None) or {}).get(variable)


@dataclass(frozen=True)
class Alignment:
    coders: tuple[str, ...]
    units: tuple[Unit, ...]
    articles: tuple[Hashable, ...]  # articles coded by two or more of the coders
    # article -> its imported id (what the coding sheet and the exports call it)
    labels: Mapping[Hashable, str] = field(default_factory=dict)

    def label(self, article: Hashable) -> Any:
        return self.labels.get(article, article)

    def matrix(self, variable: str) -> list[list[Any]]:
        """Reliability data for one variable: one row per coder, one column per unit."""
        return [[u.value(c, variable) for u in self.units] for c in self.coders]


def align(claims: ClaimsByCoder, coders: Sequence[str] | None = None,
          labels: Mapping[Hashable, str] | None = None) -> Alignment:
    """Align the coders' claims into units, article by article; a unit's id is the article's
    label (its imported id, when `labels` gives it) and the unit's number in the article."""
    names = tuple(coders) if coders is not None else tuple(claims)
    shared = _shared_articles(claims, names, minimum=2)
    labels = dict(labels or {})
    units: list[Unit] = []
    for article in shared:
        per_coder = {c: list(claims[c][article]) for c in names if article in claims[c]}
        units.extend(_article_units(article, per_coder, labels.get(article, article)))
    return Alignment(coders=names, units=tuple(units), articles=tuple(shared), labels=labels)


def _shared_articles(claims: ClaimsByCoder, names: Sequence[str], minimum: int) -> list[Hashable]:
    seen: dict[Hashable, int] = {}
    for coder in names:
        for article in claims.get(coder, {}):
            seen[article] = seen.get(article, 0) + 1
    return sorted((a for a, n in seen.items() if n >= minimum), key=lambda a: (str(type(a)), a))


def _article_units(article: Hashable, per_coder: dict[str, list[Any]],
                   label: Any) -> list[Unit]:
    nodes = [(c, i) for c, items in per_coder.items() for i in range(len(items))]
    edges: dict[tuple[tuple[str, int], tuple[str, int]], int] = {}
    for a, b in combinations(per_coder, 2):
        for i, j in match_pair(per_coder[a], per_coder[b]):
            edges[((a, i), (b, j))] = overlap(per_coder[a][i], per_coder[b][j])
    groups = _split_conflicts(_components(nodes, edges), edges)
    spans = []
    for group in groups:
        members = {c: per_coder[c][i] for c, i in group}
        start = min(m.start for m in members.values())
        end = max(m.end for m in members.values())
        spans.append((start, end, sorted(members), members))
    spans.sort(key=lambda s: (s[0], s[1], s[2]))
    return [Unit(id=f"{label}:{n + 1}", article_id=article, start=s, end=e, claims=m)
            for n, (s, e, _, m) in enumerate(spans)]


Node = tuple[str, int]


def _components(nodes: list[Node], edges: Mapping[tuple[Node, Node], int]) -> list[set[Node]]:
    parent = {n: n for n in nodes}

    def find(n: Node) -> Node:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in edges:
        parent[find(a)] = find(b)
    groups: dict[Node, set[Node]] = {}
    for n in nodes:
        groups.setdefault(find(n), set()).add(n)
    return list(groups.values())


def _split_conflicts(groups: list[set[Node]],
                     edges: Mapping[tuple[Node, Node], int]) -> list[set[Node]]:
    """Keep one claim per coder in a group: the one with most overlap with the group."""
    out: list[set[Node]] = []
    for group in groups:
        coders = [c for c, _ in group]
        if len(coders) == len(set(coders)):
            out.append(group)
            continue
        strength = {n: 0 for n in group}
        for (a, b), ov in edges.items():
            if a in group and b in group:
                strength[a] += ov
                strength[b] += ov
        keep: dict[str, Node] = {}
        for node in sorted(group, key=lambda n: (-strength[n], n)):
            keep.setdefault(node[0], node)
        kept = set(keep.values())
        out.extend({n} for n in group - kept)
        inner = {e: ov for e, ov in edges.items() if e[0] in kept and e[1] in kept}
        out.extend(_components(sorted(kept), inner))
    return out


# --- unitizing agreement ----------------------------------------------------------------------

@dataclass(frozen=True)
class SpanAgreement:
    """How coder `b`'s claim spans match coder `a`'s (a as reference)."""

    coder_a: str
    coder_b: str
    matched: int
    n_a: int
    n_b: int

    @property
    def precision(self) -> float | None:
        return self.matched / self.n_b if self.n_b else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.n_a if self.n_a else None

    @property
    def f1(self) -> float | None:
        total = self.n_a + self.n_b
        return 2 * self.matched / total if total else None

    def to_dict(self) -> dict[str, Any]:
        return {"coder_a": self.coder_a, "coder_b": self.coder_b, "matched": self.matched,
                "n_a": self.n_a, "n_b": self.n_b, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


def span_agreement(claims: ClaimsByCoder, coders: Sequence[str] | None = None) -> list[SpanAgreement]:
    """Pairwise precision, recall and F1 of claim spans over the articles both coders coded."""
    names = tuple(coders) if coders is not None else tuple(claims)
    out = []
    for a, b in combinations(names, 2):
        shared = [art for art in claims.get(a, {}) if art in claims.get(b, {})]
        matched = sum(len(match_pair(list(claims[a][art]), list(claims[b][art])))
                      for art in shared)
        n_a = sum(len(claims[a][art]) for art in shared)
        n_b = sum(len(claims[b][art]) for art in shared)
        out.append(SpanAgreement(a, b, matched, n_a, n_b))
    return out

"""Krippendorff's alpha for unitizing (u-alpha) a continuum into categorised units.

Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.),
Thousand Oaks, CA: Sage, section 12.4 ("alpha for unitizing"; see also Krippendorff 1995,
"On the reliability of unitizing continuous data", Sociological Methodology 25, 47-76).

Each coder's marks split the continuum into units of category c and gaps. For two coders'
segments g and h, the distance is: both units and overlapping -> (b_g - b_h)^2 + (e_g - e_h)^2;
a unit lying inside the other coder's gap -> its length squared; otherwise 0.
D_o(c) = sum over coder pairs (both orders) and segment pairs / (m (m - 1) L^2);
D_e(c) = (2 / L) * sum over units u of c [(N_c - 1)(2l^3 - 3l^2 + l) / 3
          + l^2 * sum over gaps of length >= l of (gap - l + 1)] / (m L (m L - 1) - sum l(l - 1)).
u-alpha = 1 - sum_c D_o(c) / sum_c D_e(c).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from annotator.agreement.alignment import ClaimsByCoder
from annotator.agreement.coefficients import Result

Mark = tuple[int, int, Hashable]  # start, end, category


@dataclass(frozen=True)
class CategoryDisagreement:
    observed: float
    expected: float

    @property
    def alpha(self) -> float | None:
        return None if self.expected <= 0 else 1 - self.observed / self.expected


def unitizing_alpha(marks: Mapping[str, Sequence[Mark]], begin: int, length: int) -> Result:
    """u-alpha for coders' marks on the continuum [begin, begin + length)."""
    coef, m = "unitizing_alpha", len(marks)
    if m < 2:
        return Result(coef, "nominal", None, f"needs at least two coders (got {m})", n_coders=m)
    if length <= 0:
        return Result(coef, "nominal", None, "the continuum is empty", n_coders=m)
    merged = {c: _merge(ms, begin, begin + length) for c, ms in marks.items()}
    categories = sorted({cat for ms in merged.values() for _, _, cat in ms}, key=str)
    per = {cat: category_disagreement(merged, cat, begin, length) for cat in categories}
    observed = sum(d.observed for d in per.values())
    expected = sum(d.expected for d in per.values())
    n_units = sum(len(ms) for ms in merged.values())
    if expected <= 0:
        return Result(coef, "nominal", None, "no coder marked any unit: nothing to compare",
                      n_units=n_units, n_coders=m)
    return Result(coef, "nominal", 1 - observed / expected, n_units=n_units, n_coders=m,
                  observed=observed, expected=expected)


def _merge(marks: Sequence[Mark], low: int, high: int) -> list[Mark]:
    """Clip to the continuum and join one coder's overlapping units of a category (u-alpha
    assumes a coder's units of one category do not overlap)."""
    out: list[Mark] = []
    for start, end, cat in sorted(marks, key=lambda x: (str(x[2]), x[0], x[1])):
        start, end = max(start, low), min(end, high)
        if end <= start:
            continue
        if out and out[-1][2] == cat and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]), cat)
        else:
            out.append((start, end, cat))
    return out


def _segments(marks: Sequence[Mark], cat: Hashable, begin: int, end: int) -> np.ndarray:
    """Rows (start, end, is_unit) tiling [begin, end) for one category."""
    rows, pos = [], begin
    for start, stop, _ in sorted(m for m in marks if m[2] == cat):
        if start > pos:
            rows.append((pos, start, 0))
        rows.append((start, stop, 1))
        pos = stop
    if pos < end:
        rows.append((pos, end, 0))
    return np.array(rows, dtype=np.int64).reshape(-1, 3)


def _pair_distance(si: np.ndarray, sj: np.ndarray) -> float:
    total = 0.0
    for b, e, unit in si:
        lo = np.searchsorted(sj[:, 1], b, side="right")
        hi = np.searchsorted(sj[:, 0], e, side="left")
        for bh, eh, unit_h in sj[lo:hi]:
            if unit and unit_h:
                total += (b - bh) ** 2 + (e - eh) ** 2
            elif unit and bh <= b and e <= eh:
                total += (e - b) ** 2
            elif unit_h and b <= bh and eh <= e:
                total += (eh - bh) ** 2
    return total


def category_disagreement(marks: Mapping[str, Sequence[Mark]], cat: Hashable, begin: int,
                          length: int) -> CategoryDisagreement:
    m, end = len(marks), begin + length
    segs = [_segments(ms, cat, begin, end) for ms in marks.values()]
    observed = sum(2 * _pair_distance(a, b) for a, b in combinations(segs, 2))
    observed /= m * (m - 1) * float(length) ** 2
    units = np.concatenate([s[s[:, 2] == 1, 1] - s[s[:, 2] == 1, 0] for s in segs]).astype(float)
    gaps = np.sort(np.concatenate([s[s[:, 2] == 0, 1] - s[s[:, 2] == 0, 0] for s in segs]))
    return CategoryDisagreement(observed, _expected(units, gaps.astype(float), m, length))


def _expected(units: np.ndarray, gaps: np.ndarray, m: int, length: int) -> float:
    if units.size == 0:
        return 0.0
    within = (units.size - 1) * (2 * units**3 - 3 * units**2 + units) / 3
    # for each unit length l: sum over gaps >= l of (gap - l + 1), from suffix sums
    first = np.searchsorted(gaps, units, side="left")
    suffix_sum = np.concatenate([np.cumsum(gaps[::-1])[::-1], [0.0]])
    count = gaps.size - first
    fits = suffix_sum[first] - (units - 1) * count
    numerator = (within + units**2 * fits).sum() * 2 / length
    denominator = m * length * (m * length - 1) - (units * (units - 1)).sum()
    return float(numerator / denominator)


def claims_unitizing_alpha(claims: ClaimsByCoder, lengths: Mapping[Hashable, int] | None = None,
                           coders: Sequence[str] | None = None) -> Result:
    """u-alpha over the articles every coder coded, laid end to end as one continuum.

    `lengths` gives each article's text length; without it the furthest claim end stands in
    (a lower bound that slightly favours agreement, so pass it when known).
    """
    names = list(coders) if coders is not None else list(claims)
    articles = [a for a in (claims.get(names[0], {}) if names else {})
                if all(a in claims.get(c, {}) for c in names)]
    marks: dict[str, list[Mark]] = {c: [] for c in names}
    offset = 0
    for article in sorted(articles, key=lambda a: (str(type(a)), a)):
        ends = [cl.end for c in names for cl in claims[c][article]]
        size = (lengths or {}).get(article, max(ends, default=0))
        for c in names:
            marks[c].extend((offset + cl.start, offset + cl.end, "claim")
                            for cl in claims[c][article])
        offset += size
    result = unitizing_alpha(marks, 0, offset)
    note = f"{len(articles)} articles coded by all {len(names)} coders, {offset} characters"
    return Result(**{**result.__dict__, "note": note})

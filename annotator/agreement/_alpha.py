"""Krippendorff's alpha from per-unit statistics, vectorised over bootstrap resamples.

alpha = 1 - (n - 1) * sum_u d_u / E, where d_u = sum over ordered pairs of values within
unit u of delta / (m_u - 1) (the unit's share of the coincidence matrix, Krippendorff 2011,
"Computing Krippendorff's alpha-reliability", eq. for D_o) and E = sum_c sum_k n_c n_k delta_ck
over the pairable values. Every term is a sum over units, so a bootstrap resample is a row of
unit multiplicities W and all resamples are a few matrix products (no Python loop per resample).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from annotator.agreement._encode import Encoded, dense_ok, unit_counts_sparse, value_counts

# Per-unit ordinal coincidences (units x K^2) above this size are resampled one at a time.
_ORDINAL_CELLS = 20_000_000
_CHUNK = 512
# Up to this many distinct ratio values a category x category metric table is cheapest.
_RATIO_MATRIX = 1000


@dataclass
class AlphaParts:
    """What alpha needs, per pairable unit (a unit with values from two or more coders)."""

    level: str
    m: np.ndarray  # pairable values per unit
    d: np.ndarray  # observed disagreement mass per unit (used by nominal, interval, ratio)
    counts: Any = None  # units x categories (dense or sparse), nominal/ordinal/ratio
    s1: np.ndarray | None = None  # interval: sum of values per unit
    s2: np.ndarray | None = None  # interval: sum of squared values per unit
    values: np.ndarray = field(default_factory=lambda: np.empty(0))

    @property
    def n_units(self) -> int:
        return int(self.m.size)


def alpha_parts(enc: Encoded) -> AlphaParts:
    if enc.level != "interval" and dense_ok(enc):
        # count every unit once, then keep the pairable ones (cheaper than filtering cells)
        all_counts = value_counts(enc)
        m_all = all_counts.sum(axis=1)
        keep = m_all >= 2
        counts: Any = all_counts[keep]
    else:
        m_all = (~np.isnan(enc.codes)).sum(axis=0)
        keep = m_all >= 2
        counts = None
    m = m_all[keep].astype(float)

    def pairable() -> Encoded:  # the codes of pairable units, only where a level needs them
        return Encoded(enc.codes[:, keep], enc.labels, enc.values, enc.level)

    if enc.level == "interval":
        return _interval_parts(pairable(), m)
    if counts is None:
        counts = unit_counts_sparse(pairable())
    parts = AlphaParts(level=enc.level, m=m, d=np.zeros_like(m), counts=counts, values=enc.values)
    if enc.level == "nominal":
        parts.d = (m * m - _row_sq(counts)) / np.maximum(m - 1, 1)
    elif enc.level == "ratio":
        parts.d = _ratio_d(enc, pairable, counts, m)
    return parts


def _row_sq(counts: Any) -> np.ndarray:
    if isinstance(counts, np.ndarray):
        return np.einsum("uk,uk->u", counts, counts)
    return np.asarray(counts.multiply(counts).sum(axis=1)).ravel()


def _interval_parts(sub: Encoded, m: np.ndarray) -> AlphaParts:
    missing = np.isnan(sub.codes)
    x = np.where(missing, 0.0, sub.values[np.where(missing, 0, sub.codes).astype(np.int64)])
    s1, s2 = x.sum(axis=0), (x * x).sum(axis=0)
    # sum over ordered pairs i != j of (x_i - x_j)^2 = 2 m sum(x^2) - 2 (sum x)^2
    d = (2 * m * s2 - 2 * s1 * s1) / np.maximum(m - 1, 1)
    return AlphaParts(level="interval", m=m, d=np.maximum(d, 0.0), s1=s1, s2=s2,
                      values=sub.values)


def _ratio_delta(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    total = a + b
    with np.errstate(invalid="ignore", divide="ignore"):
        out = ((a - b) / total) ** 2
    return np.where(total == 0, 0.0, out)  # 0 and 0 agree perfectly


def _ratio_d(enc: Encoded, pairable: Any, counts: Any, m: np.ndarray) -> np.ndarray:
    """Observed ratio disagreement per unit: from the counts table when the category x
    category metric is small, else from coder pairs (any number of distinct values)."""
    if isinstance(counts, np.ndarray) and enc.n_categories <= _RATIO_MATRIX:
        delta = _ratio_delta(enc.values[:, None], enc.values[None, :])
        return np.einsum("uk,uk->u", counts @ delta, counts) / np.maximum(m - 1, 1)
    return _pairwise_d(pairable(), m, _ratio_delta)


def _pairwise_d(sub: Encoded, m: np.ndarray, delta: Any) -> np.ndarray:
    """Observed disagreement per unit from coder pairs (any number of distinct values)."""
    present = ~np.isnan(sub.codes)
    x = sub.values[np.where(present, sub.codes, 0).astype(np.int64)]
    total = np.zeros(sub.n_units)
    for i in range(sub.n_coders):
        for j in range(i + 1, sub.n_coders):
            both = present[i] & present[j]
            total[both] += 2 * delta(x[i, both], x[j, both])
    return total / np.maximum(m - 1, 1)


def _wmul(w: np.ndarray, x: Any) -> np.ndarray:
    """w @ x for dense or sparse x, as a dense array."""
    if isinstance(x, np.ndarray):
        return w @ x
    return np.asarray((x.T @ w.T).T)


def take(parts: AlphaParts, idx: np.ndarray) -> AlphaParts:
    """The same statistics for a subset (or repetition) of units."""
    pick = (lambda a: None if a is None else a[idx])  # noqa: E731
    return AlphaParts(level=parts.level, m=parts.m[idx], d=parts.d[idx], counts=pick(parts.counts),
                      s1=pick(parts.s1), s2=pick(parts.s2), values=parts.values)


def unit_types(parts: AlphaParts) -> tuple[AlphaParts, np.ndarray] | None:
    """Units with identical statistics, once each, and how often each occurs.

    Resampling units is then drawing type frequencies from a multinomial: the same bootstrap,
    at a cost that grows with the number of distinct unit patterns instead of units. None when
    that would not pay (most units distinct, or a sparse table).
    """
    if parts.counts is not None and not isinstance(parts.counts, np.ndarray):
        return None
    if parts.n_units < 2:
        return None
    keys = _pattern_keys(parts)
    _, first, freq = np.unique(keys, axis=0 if keys.ndim == 2 else None, return_index=True,
                               return_counts=True)
    if first.size * 2 > parts.n_units:
        return None
    return take(parts, first), freq.astype(float)


def _pattern_keys(parts: AlphaParts) -> np.ndarray:
    """One value per unit that is equal exactly when the units' statistics are.

    At nominal, ordinal and ratio level a unit is its category counts (m and d follow), which
    pack into one integer when small enough: sorting integers beats sorting rows.
    """
    if parts.counts is None:  # interval: d follows from m, s1 and s2
        if parts.s1 is None or parts.s2 is None:
            raise ValueError("interval-level alpha parts lack the sums s1 and s2")
        return np.column_stack([parts.m, parts.s1, parts.s2])
    counts = parts.counts.astype(np.int64)
    base = int(counts.max(initial=0)) + 1
    if counts.shape[1] * np.log2(base) < 62:
        return counts @ (base ** np.arange(counts.shape[1], dtype=np.int64))
    return counts


def alpha_values(parts: AlphaParts, w: np.ndarray) -> np.ndarray:
    """Alpha for each row of unit multiplicities `w` (resamples x units); NaN where undefined."""
    n = w @ parts.m
    if parts.level == "ordinal":
        observed, expected = _ordinal_sums(parts, w)
    else:
        observed, expected = w @ parts.d, _expected(parts, w, n)
    with np.errstate(invalid="ignore", divide="ignore"):
        alpha = 1.0 - (n - 1) * observed / expected
    return np.where((expected > 1e-12 * np.maximum(n * n, 1)) & (n >= 2), alpha, np.nan)


def _expected(parts: AlphaParts, w: np.ndarray, n: np.ndarray) -> np.ndarray:
    if parts.level == "interval":
        s1, s2 = w @ parts.s1, w @ parts.s2
        return np.maximum(2 * n * s2 - 2 * s1 * s1, 0.0)
    marg = _wmul(w, parts.counts)  # resamples x categories
    if parts.level == "nominal":
        return n * n - np.einsum("bk,bk->b", marg, marg)
    return _ratio_expected(marg, parts.values)


def _ratio_expected(marg: np.ndarray, values: np.ndarray) -> np.ndarray:
    """sum_ck n_c n_k delta_ck, a block of categories at a time to bound memory."""
    out = np.zeros(marg.shape[0])
    for start in range(0, values.size, _CHUNK):
        block = _ratio_delta(values[start:start + _CHUNK, None], values[None, :])
        out += np.einsum("bc,bc->b", marg[:, start:start + _CHUNK], marg @ block.T)
    return out


def ordinal_delta(marg: np.ndarray) -> np.ndarray:
    """Krippendorff's ordinal metric from marginals (resamples x K) -> resamples x K x K."""
    cum = np.cumsum(marg, axis=1)
    k = marg.shape[1]
    lo = np.minimum.outer(np.arange(k), np.arange(k))
    hi = np.maximum.outer(np.arange(k), np.arange(k))
    between = cum[:, hi] - cum[:, lo] + marg[:, lo]
    return (between - (marg[:, :, None] + marg[:, None, :]) / 2) ** 2


def _ordinal_sums(parts: AlphaParts, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    counts = parts.counts if isinstance(parts.counts, np.ndarray) else parts.counts.toarray()
    k = counts.shape[1]
    marg = w @ counts
    delta = ordinal_delta(marg)
    expected = np.einsum("bc,bck,bk->b", marg, delta, marg)
    scale = 1.0 / np.maximum(parts.m - 1, 1)
    if counts.shape[0] * k * k <= _ORDINAL_CELLS:
        per_unit = np.einsum("uc,uk,u->uck", counts, counts, scale).reshape(len(scale), k * k)
        coinc = (w @ per_unit).reshape(-1, k, k)
    else:  # one resample at a time: the per-unit table would not fit
        coinc = np.stack([np.einsum("uc,uk->ck", counts * (row * scale)[:, None], counts)
                          for row in w])
    # the diagonal of a unit's outer product is not a coincidence, but delta_cc is 0 anyway
    observed = np.einsum("bck,bck->b", coinc, delta)
    return observed, expected

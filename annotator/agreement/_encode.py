"""Reliability data as numbers: a coders x units array of category indices, NaN = missing.

Every coefficient starts from the same encoded matrix, so a value is parsed once and all
coefficients agree on what counts as missing and which categories exist.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

LEVELS = ("nominal", "ordinal", "interval", "ratio")
METRIC = ("interval", "ratio")

# Above this many cells a dense units x categories table would cost too much memory.
_DENSE_CELLS = 20_000_000
# Integer codes spanning at most this range are encoded by offset (no sort needed).
_OFFSET_RANGE = 1_000_000


@dataclass(frozen=True)
class Encoded:
    """Reliability data as category indices.

    `codes[c, u]` is the index into `labels`/`values` of coder c's value for unit u, or NaN.
    `values` holds the number each category stands for: the number itself at interval and
    ratio level, the rank at nominal and ordinal level (where only the order matters).
    """

    codes: np.ndarray
    labels: tuple[Any, ...]
    values: np.ndarray
    level: str

    @property
    def n_coders(self) -> int:
        return int(self.codes.shape[0])

    @property
    def n_units(self) -> int:
        return int(self.codes.shape[1])

    @property
    def n_categories(self) -> int:
        return len(self.labels)


def is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    return isinstance(value, float) and math.isnan(value)


def encode(data: Any, level: str = "nominal", domain: Sequence[Any] | None = None) -> Encoded:
    """Encode reliability data (rows = coders, columns = units; None, "" or NaN = missing).

    `domain` lists the possible values in order (e.g. a codebook's codes): it fixes the order
    at ordinal level and the number of categories Gwet's AC1 uses. Without it the values that
    occur are used, sorted. At interval and ratio level the values must be numbers.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    if isinstance(data, Encoded):
        if data.level != level:
            raise ValueError(f"data encoded at {data.level} level, asked for {level}")
        return data
    if isinstance(data, np.ndarray) and data.dtype.kind in "fiub" and domain is None:
        return _encode_numeric(np.atleast_2d(data.astype(float)), level)
    rows = [list(row) for row in data]
    width = max((len(r) for r in rows), default=0)
    if any(len(r) != width for r in rows):
        raise ValueError("every coder needs one value per unit (rows of unequal length)")
    if level in METRIC:
        numbers = np.array([[_number(v) for v in r] for r in rows], dtype=float).reshape(len(rows), width)
        return _encode_numeric(numbers, level)
    return _encode_labels(rows, width, level, domain)


def _number(value: object) -> float:
    if is_missing(value):
        return math.nan
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    try:
        number = float(value.strip() if isinstance(value, str) else value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{value!r} is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number")
    return number


def _encode_numeric(matrix: np.ndarray, level: str) -> Encoded:
    present = ~np.isnan(matrix)
    finite = matrix[present]
    if not np.isfinite(finite).all():
        raise ValueError("values must be finite numbers (or NaN for missing)")
    if level == "ratio" and (finite < 0).any():
        raise ValueError("ratio level needs values >= 0")
    uniq, inverse = _unique_inverse(finite)
    codes = np.full(matrix.shape, np.nan)
    codes[present] = inverse
    labels = tuple(int(v) if float(v).is_integer() else float(v) for v in uniq)
    values = _scaled(uniq.astype(float), level) if level in METRIC else \
        np.arange(len(uniq), dtype=float)
    return Encoded(codes=codes, labels=labels, values=values, level=level)


def _scaled(values: np.ndarray, level: str) -> np.ndarray:
    """Values mapped into [0, 1] without changing any coefficient: interval alpha and Gwet's
    quadratic weights ignore shifts and scale, ratio ones scale. Squares of values near 1e200
    would overflow to inf and the coefficients to NaN; scaled, they cannot."""
    if values.size == 0:
        return values
    top = float(np.abs(values).max())
    if top == 0:
        return values
    out = values / top  # first into [-1, 1]: max - min of the raw values may overflow
    if level == "interval":
        out = out - out.min()
        span = float(out.max())
        out = out / span if span > 0 else out
    return out


def _unique_inverse(finite: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.unique(return_inverse=True), without the sort when values are small integers."""
    if finite.size == 0:
        return np.empty(0), np.empty(0, dtype=np.int64)
    low, high = finite.min(), finite.max()
    if high - low <= _OFFSET_RANGE and np.array_equal(finite, np.floor(finite)):
        offset = (finite - low).astype(np.int64)
        used = np.bincount(offset) > 0
        remap = np.cumsum(used) - 1
        return np.flatnonzero(used) + low, remap[offset]
    return np.unique(finite, return_inverse=True)


def _encode_labels(rows: list[list[Any]], width: int, level: str,
                   domain: Sequence[Any] | None) -> Encoded:
    flat = [v for r in rows for v in r]
    try:
        distinct = set(flat)
    except TypeError:
        raise ValueError("values must be texts or numbers") from None
    # clean each distinct raw value once (few), then look every cell up (many)
    clean = {v: (None if is_missing(v) else _clean(v)) for v in distinct}
    used = {c for c in clean.values() if c is not None}
    if domain is None:
        labels = tuple(_sorted(used))
    else:
        labels = tuple(_clean(v) for v in domain)
        unknown = used - set(labels)
        if unknown:
            raise ValueError(f"values not in the domain: {', '.join(map(str, _sorted(unknown)))}")
    index = {label: i for i, label in enumerate(labels)}
    lookup = {v: (math.nan if c is None else index[c]) for v, c in clean.items()}
    codes = np.array([lookup[v] for v in flat], dtype=float).reshape(len(rows), width)
    return Encoded(codes=codes, labels=labels, values=np.arange(len(labels), dtype=float),
                   level=level)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 2.0 and 2 are the same code
    return value


def _sorted(values: set[Any]) -> list[Any]:
    try:
        return sorted(values)
    except TypeError:  # mixed numbers and texts: order by text, stably
        return sorted(values, key=str)


def value_counts(enc: Encoded) -> np.ndarray:
    """units x categories: how many coders gave each category to each unit (float, dense)."""
    k = enc.n_categories
    if enc.n_units * (k + 1) > _DENSE_CELLS:
        raise MemoryError("too many units x categories for a dense table")
    # missing cells go to an extra column k, dropped below: no boolean indexing needed
    idx = np.where(np.isnan(enc.codes), k, enc.codes).astype(np.int64)
    flat = (idx + np.arange(enc.n_units) * (k + 1)).ravel()
    counts = np.bincount(flat, minlength=enc.n_units * (k + 1))
    return counts.reshape(enc.n_units, k + 1)[:, :k].astype(float)


def unit_counts_sparse(enc: Encoded) -> Any:
    """The same table as a scipy.sparse matrix, for many distinct numeric values."""
    from scipy import sparse

    present = ~np.isnan(enc.codes)
    unit = np.broadcast_to(np.arange(enc.n_units), enc.codes.shape)[present]
    ones = np.ones(unit.size)
    shape = (enc.n_units, max(enc.n_categories, 1))
    return sparse.csr_matrix((ones, (unit, enc.codes[present].astype(np.int64))), shape=shape)


def dense_ok(enc: Encoded) -> bool:
    return enc.n_units * max(enc.n_categories, 1) <= _DENSE_CELLS

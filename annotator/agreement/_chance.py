"""Percent agreement and the kappa family with partly rated units, as Gwet (2014) defines them.

Gwet, K. L. (2014). Handbook of Inter-Rater Reliability (4th ed.), ch. 2-5, as implemented in
irrCAC (`fleiss.kappa.raw`, `gwet.ac1.raw`, `conger.kappa.raw`): units nobody rated are dropped;
percent agreement p_a averages over units rated by two or more coders; chance agreement uses
every rating, including units only one coder rated. At ordinal, interval and ratio level the
coefficients use Gwet's ordinal, quadratic and ratio weights (Gwet 2014, ch. 3).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annotator.agreement._encode import Encoded, value_counts

WEIGHTING = {"nominal": "identity", "ordinal": "ordinal", "interval": "quadratic",
             "ratio": "ratio"}


def weights(level: str, values: np.ndarray) -> np.ndarray:
    """Gwet's agreement weights for the categories (1 on the diagonal, in [0, 1])."""
    q = values.size
    if level == "nominal" or q < 2:
        return np.eye(q)
    if level == "ordinal":
        steps = np.abs(np.subtract.outer(np.arange(q), np.arange(q))) + 1
        raw = steps * (steps - 1) / 2.0
    elif level == "interval":
        raw = np.subtract.outer(values, values) ** 2
    else:  # ratio
        total = np.add.outer(values, values)
        with np.errstate(invalid="ignore", divide="ignore"):
            raw = np.where(total == 0, 0.0, (np.subtract.outer(values, values) / total) ** 2)
    top = raw.max()
    return np.eye(q) if top == 0 else 1.0 - raw / top


@dataclass(frozen=True)
class Chance:
    """The ingredients of a chance-corrected coefficient."""

    pa: float | None  # None: no unit rated by two coders
    pe: float
    n_units: int  # units rated by two or more coders (those p_a averages over)
    n_rated: int  # units rated by at least one coder (those chance agreement uses)


def percent_agreement(r: np.ndarray, w: np.ndarray) -> tuple[float | None, int]:
    """Gwet's p_a: mean over units rated by >= 2 coders of the (weighted) share of agreeing pairs."""
    ri = r.sum(axis=1)
    multi = ri >= 2
    if not multi.any():
        return None, 0
    rm = r[multi]
    agree = (rm * (rm @ w.T - 1)).sum(axis=1) / (ri[multi] * (ri[multi] - 1))
    return float(agree.mean()), int(multi.sum())


def _classification(enc: Encoded) -> np.ndarray:
    r = value_counts(enc)
    return r[r.sum(axis=1) > 0]


def _pi(r: np.ndarray) -> np.ndarray:
    """Gwet's pi_k: mean over rated units of the share of the unit's ratings in category k."""
    if r.shape[0] == 0:
        return np.zeros(r.shape[1])
    return (r / r.sum(axis=1, keepdims=True)).mean(axis=0)


_NOTHING = Chance(None, 1.0, 0, 0)


def fleiss(enc: Encoded) -> Chance:
    """Fleiss' kappa generalised to partly rated units (irrCAC `fleiss.kappa.raw`)."""
    if enc.n_categories == 0:
        return _NOTHING
    r = _classification(enc)
    w = weights(enc.level, enc.values)
    pa, n2 = percent_agreement(r, w)
    pi = _pi(r)
    return Chance(pa, float(pi @ w @ pi), n2, r.shape[0])


def gwet_ac(enc: Encoded) -> Chance:
    """Gwet's AC1 (AC2 when weighted) with partly rated units (irrCAC `gwet.ac1.raw`).

    q is the number of categories in the domain (all codebook values when a domain is given,
    else the values used), as irrCAC's `categ.labels`.
    """
    r = _classification(enc)
    w = weights(enc.level, enc.values)
    pa, n2 = percent_agreement(r, w)
    q = enc.n_categories
    pi = _pi(r)
    pe = float(w.sum() * (pi * (1 - pi)).sum() / (q * (q - 1))) if q >= 2 else 1.0
    return Chance(pa, pe, n2, r.shape[0])


def cohen(enc: Encoded) -> Chance:
    """Cohen's kappa for two coders on the units both coded (Cohen 1960).

    Unlike Fleiss' kappa, a pair's marginals leave out units only one of them coded: with
    them (irrCAC's Conger route) a pair that disagrees on its few shared units can fall far
    below -1, which no reader of a per-pair table expects.
    """
    a, b = enc.codes[0], enc.codes[1]
    both = ~np.isnan(a) & ~np.isnan(b)
    if not both.any() or enc.n_categories == 0:
        return _NOTHING
    w = weights(enc.level, enc.values)
    table = confusion(enc, 0, 1) / both.sum()
    pa = float((w * table).sum())
    pe = float(table.sum(axis=1) @ w @ table.sum(axis=0))
    return Chance(pa, pe, int(both.sum()), int(both.sum()))


def confusion(enc: Encoded, i: int, j: int) -> np.ndarray:
    """Coder i (rows) x coder j (columns) counts over units both coded."""
    a, b = enc.codes[i], enc.codes[j]
    both = ~np.isnan(a) & ~np.isnan(b)
    q = max(enc.n_categories, 1)
    flat = a[both].astype(int) * q + b[both].astype(int)
    return np.bincount(flat, minlength=q * q).reshape(q, q)

"""Agreement coefficients on reliability data: rows = coders, columns = units, missing allowed.

Every function returns a `Result`. Degenerate data (one coder, all missing, no unit coded
twice, one value used by everyone) gives `value=None` with a `reason`, never NaN or an error.

- Krippendorff's alpha (nominal, ordinal, interval, ratio) from per-unit value counts
  (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"), with a bootstrap over
  units: percentile interval and the share of resamples below .667 and .800 (as KALPHA,
  Hayes & Krippendorff 2007, reports the risk of failing those thresholds).
- Cohen's kappa (two coders), Fleiss' kappa, Scott's pi and Gwet's AC1 with partly rated
  units as Gwet (2014) and irrCAC define them; weighted at ordinal/interval/ratio level.
- Percent agreement: for more than two coders the mean over units of the share of agreeing
  coder pairs (Gwet's p_a, unweighted).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from itertools import combinations
from typing import Any

import numpy as np

from annotator.agreement import _chance
from annotator.agreement._alpha import AlphaParts, alpha_parts, alpha_values, unit_types
from annotator.agreement._encode import LEVELS, Encoded, encode, value_counts

COEFFICIENTS = ("krippendorff_alpha", "cohen_kappa", "fleiss_kappa", "scott_pi", "gwet_ac1",
                "percent_agreement")
THRESHOLDS = (0.667, 0.800)  # Krippendorff (2004, p. 241): tentative and reliable

# Which definition each figure follows, said wherever the figures are shown: other tools use
# other ones and differ on the same data (a field test found Fleiss .291 here, .230 in irr).
KAPPA_FAMILY = ("Fleiss' kappa, Scott's pi and Gwet's AC1 follow Gwet (2014) and irrCAC: units "
                "only one coder coded count in chance agreement. R irr's kappam.fleiss uses only "
                "units every coder coded, so with missing values its figure differs.")
COHEN_NOMINAL = "Cohen's kappa per pair of coders, over the units both coded (Cohen 1960)."
COHEN_WEIGHTED = ("At {levels} level Cohen's kappa, Fleiss' kappa, Scott's pi and AC2 are "
                  "weighted with Gwet's (2014) weights: ordinal 1 - C(|k-l|+1, 2) / C(q, 2), "
                  "interval quadratic, ratio ratio weights (irrCAC's ordinal, quadratic and "
                  "ratio). R irr's kappa2 offers only 'equal' (linear) or 'squared' weights, so "
                  "its ordinal figure differs.")


def definitions(levels: Sequence[str]) -> list[str]:
    """The definitions behind the figures for variables at these levels, one sentence each."""
    out = [KAPPA_FAMILY, COHEN_NOMINAL]
    weighted = [lv for lv in LEVELS if lv in levels and lv != "nominal"]
    if weighted:
        out.append(COHEN_WEIGHTED.format(levels=" and ".join(weighted)))
    return out


@dataclass(frozen=True)
class Result:
    coefficient: str
    level: str
    value: float | None
    reason: str | None = None
    n_units: int = 0  # units coded by two or more coders (the ones agreement is measured on)
    n_coders: int = 0
    ci_low: float | None = None
    ci_high: float | None = None
    p_below_667: float | None = None
    p_below_800: float | None = None
    n_resamples: int | None = None
    observed: float | None = None  # p_a for the kappa family
    expected: float | None = None  # p_e for the kappa family
    coders: tuple[str, str] | None = None  # the pair, for Cohen's kappa per pair
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: `reason` only when the value is undefined, empty extras left out."""
        out = {k: v for k, v in asdict(self).items() if v is not None or k == "value"}
        if self.coders is not None:
            out["coders"] = list(self.coders)
        return out


def _undefined(coef: str, level: str, reason: str, **kw: Any) -> Result:
    return Result(coefficient=coef, level=level, value=None, reason=reason, **kw)


def _prepare(data: Any, level: str, domain: Sequence[Any] | None) -> Encoded:
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    return encode(data, level, domain)


def _too_few_coders(coef: str, enc: Encoded) -> Result | None:
    if enc.n_coders < 2:
        return _undefined(coef, enc.level, f"needs at least two coders (got {enc.n_coders})",
                          n_coders=enc.n_coders)
    return None


def _one_value_reason(enc: Encoded, what: str) -> str:
    present = enc.codes[~np.isnan(enc.codes)]
    used = sorted({enc.labels[int(c)] for c in np.unique(present)}, key=str)
    shown = ", ".join(map(str, used[:3]))
    return (f"every coder used the same value ({shown}): without variation {what} is "
            "undefined (percent agreement is 100%)")


# --- Krippendorff's alpha -------------------------------------------------------------------

def krippendorff_alpha(data: Any, level: str = "nominal", domain: Sequence[Any] | None = None,
                       *, bootstrap: int = 0, seed: int | None = 0) -> Result:
    """Krippendorff's alpha; with `bootstrap` resamples of units, a 95% percentile interval."""
    coef = "krippendorff_alpha"
    enc = _prepare(data, level, domain)
    if (early := _too_few_coders(coef, enc)) is not None:
        return early
    parts = alpha_parts(enc)
    base = {"n_units": parts.n_units, "n_coders": enc.n_coders}
    if parts.n_units == 0:
        return _undefined(coef, level, "no unit was coded by two or more coders", **base)
    value = float(alpha_values(parts, np.ones((1, parts.n_units)))[0])
    if np.isnan(value):
        return _undefined(coef, level, _one_value_reason(_pairable(enc), "alpha"), **base)
    result = Result(coefficient=coef, level=level, value=value, **base)
    if bootstrap > 0:
        result = replace(result, **bootstrap_alpha(parts, bootstrap, seed))
    return result


def _pairable(enc: Encoded) -> Encoded:
    keep = (~np.isnan(enc.codes)).sum(axis=0) >= 2
    return Encoded(enc.codes[:, keep], enc.labels, enc.values, enc.level)


def bootstrap_alpha(parts: AlphaParts, resamples: int = 1000, seed: int | None = 0,
                    chunk: int = 250) -> dict[str, Any]:
    """Resample units with replacement; percentile 95% interval and shares below thresholds.

    Resamples without variation (alpha undefined) are left out; `n_resamples` says how many
    counted.
    """
    rng = np.random.default_rng(seed)
    u = parts.n_units
    typed = unit_types(parts)
    target = typed[0] if typed is not None else parts
    alphas = []
    for start in range(0, resamples, chunk):
        b = min(chunk, resamples - start)
        if typed is not None:  # how often each unit pattern is drawn: the same distribution
            w = rng.multinomial(u, typed[1] / u, size=b).astype(float)
        else:
            w = _multiplicities(rng, b, u)
        alphas.append(alpha_values(target, w))
    values = np.concatenate(alphas)
    values = values[~np.isnan(values)]
    if values.size == 0:
        return {"n_resamples": 0, "note": "no resample had variation; no interval"}
    low, high = np.percentile(values, [2.5, 97.5])
    return {"ci_low": float(low), "ci_high": float(high), "n_resamples": int(values.size),
            "p_below_667": float((values < THRESHOLDS[0]).mean()),
            "p_below_800": float((values < THRESHOLDS[1]).mean())}


def _multiplicities(rng: np.random.Generator, b: int, u: int) -> np.ndarray:
    """b resamples of u units: how many times each unit is drawn (b x u)."""
    picks = rng.integers(0, u, size=(b, u))
    flat = (np.arange(b)[:, None] * u + picks).ravel()
    return np.bincount(flat, minlength=b * u).reshape(b, u).astype(float)


# --- kappa family ---------------------------------------------------------------------------

def _from_chance(coef: str, enc: Encoded, chance: _chance.Chance, what: str,
                 note: str | None = None) -> Result:
    base = {"n_units": chance.n_units, "n_coders": enc.n_coders, "note": note}
    if chance.pa is None:
        return _undefined(coef, enc.level, "no unit was coded by two or more coders", **base)
    if chance.pe >= 1 - 1e-12:
        return _undefined(coef, enc.level, _one_value_reason(enc, what),
                          observed=chance.pa, expected=chance.pe, **base)
    value = (chance.pa - chance.pe) / (1 - chance.pe)
    return Result(coefficient=coef, level=enc.level, value=float(value), observed=chance.pa,
                  expected=chance.pe, **base)


def _weighting_note(level: str) -> str | None:
    if level == "nominal":
        return None
    return f"weighted with Gwet's (2014) {_chance.WEIGHTING[level]} weights"


def cohen_kappa(data: Any, level: str = "nominal", domain: Sequence[Any] | None = None,
                coders: tuple[str, str] | None = None) -> Result:
    """Cohen's kappa for exactly two coders (else undefined: use `cohen_kappa_pairs`)."""
    coef = "cohen_kappa"
    enc = _prepare(data, level, domain)
    if enc.n_coders != 2:
        return _undefined(coef, level, f"Cohen's kappa needs exactly two coders (got "
                          f"{enc.n_coders}); see the values per pair of coders",
                          n_coders=enc.n_coders)
    result = _from_chance(coef, enc, _chance.cohen(enc), "kappa", _weighting_note(level))
    return replace(result, coders=coders) if coders else result


def cohen_kappa_pairs(data: Any, level: str = "nominal", domain: Sequence[Any] | None = None,
                      names: Sequence[str] | None = None) -> list[Result]:
    """Cohen's kappa for every pair of coders."""
    enc = _prepare(data, level, domain)
    names = list(names) if names is not None else [str(i + 1) for i in range(enc.n_coders)]
    out = []
    for i, j in combinations(range(enc.n_coders), 2):
        pair = Encoded(enc.codes[[i, j]], enc.labels, enc.values, enc.level)
        out.append(cohen_kappa(pair, level, coders=(names[i], names[j])))
    return out


def fleiss_kappa(data: Any, level: str = "nominal", domain: Sequence[Any] | None = None) -> Result:
    """Fleiss' kappa with partly rated units (Gwet 2014; irrCAC `fleiss.kappa.raw`)."""
    enc = _prepare(data, level, domain)
    if (early := _too_few_coders("fleiss_kappa", enc)) is not None:
        return early
    return _from_chance("fleiss_kappa", enc, _chance.fleiss(enc), "kappa",
                        _weighting_note(level))


def scott_pi(data: Any, level: str = "nominal", domain: Sequence[Any] | None = None) -> Result:
    """Scott's pi; Fleiss (1971) generalised it to many coders, so both share one formula."""
    enc = _prepare(data, level, domain)
    if (early := _too_few_coders("scott_pi", enc)) is not None:
        return early
    note = "Scott's pi generalised to partly rated units (Gwet 2014); equals Fleiss' kappa"
    if (weighted := _weighting_note(level)) is not None:
        note += "; " + weighted
    return _from_chance("scott_pi", enc, _chance.fleiss(enc), "pi", note)


def gwet_ac1(data: Any, level: str = "nominal", domain: Sequence[Any] | None = None) -> Result:
    """Gwet's AC1 (AC2 when weighted at ordinal/interval/ratio level)."""
    enc = _prepare(data, level, domain)
    if (early := _too_few_coders("gwet_ac1", enc)) is not None:
        return early
    if enc.n_categories < 2:
        chance = _chance.gwet_ac(enc)
        return _from_chance("gwet_ac1", enc, replace(chance, pe=1.0), "AC1")
    note = f"q = {enc.n_categories} categories"
    if (weighted := _weighting_note(level)) is not None:
        note = f"AC2, {weighted}; {note}"
    return _from_chance("gwet_ac1", enc, _chance.gwet_ac(enc), "AC1", note)


def percent_agreement(data: Any, level: str = "nominal",
                      domain: Sequence[Any] | None = None) -> Result:
    """Share of agreeing coder pairs per unit, averaged over units coded by two or more."""
    coef = "percent_agreement"
    enc = _prepare(data, level, domain)
    if (early := _too_few_coders(coef, enc)) is not None:
        return early
    r = value_counts(enc)
    value, n2 = _chance.percent_agreement(r, np.eye(r.shape[1]))
    note = ("share of units both coders coded alike" if enc.n_coders == 2 else
            "mean over units of the share of coder pairs that agree (units coded by two or "
            "more coders)")
    base = {"n_units": n2, "n_coders": enc.n_coders, "note": note}
    if value is None:
        return _undefined(coef, level, "no unit was coded by two or more coders", **base)
    return Result(coefficient=coef, level=level, value=value, **base)


_FUNCS = {"krippendorff_alpha": krippendorff_alpha, "cohen_kappa": cohen_kappa,
          "fleiss_kappa": fleiss_kappa, "scott_pi": scott_pi, "gwet_ac1": gwet_ac1,
          "percent_agreement": percent_agreement}


def compute(coefficient: str, data: Any, level: str = "nominal",
            domain: Sequence[Any] | None = None, **options: Any) -> Result:
    """One coefficient by name (see COEFFICIENTS); options go to krippendorff_alpha."""
    if coefficient not in _FUNCS:
        raise ValueError(f"unknown coefficient {coefficient!r}; use one of "
                         f"{', '.join(COEFFICIENTS)}")
    func = _FUNCS[coefficient]
    if coefficient == "krippendorff_alpha":
        return func(data, level, domain, **options)
    return func(data, level, domain)


def encode_data(data: Any, level: str = "nominal",
                domain: Sequence[Any] | None = None) -> Encoded:
    """Encode once to compute several coefficients on the same data."""
    return _prepare(data, level, domain)

"""Properties every coefficient keeps, degenerate data, the bootstrap, and the reference package."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import coefficients as co

KAPPAS = ("cohen_kappa", "fleiss_kappa", "scott_pi", "gwet_ac1")


@st.composite
def reliability_data(draw: st.DrawFn, complete: bool = False) -> list[list[int | None]]:
    n_coders = draw(st.integers(2, 5))
    n_units = draw(st.integers(1, 25))
    cell = st.integers(1, 4) if complete else st.one_of(st.none(), st.integers(1, 4))
    return [[draw(cell) for _ in range(n_units)] for _ in range(n_coders)]


@st.composite
def identical_coding(draw: st.DrawFn) -> list[list[int]]:
    n_coders = draw(st.integers(2, 5))
    units = draw(st.lists(st.integers(1, 4), min_size=2, max_size=25)
                 .filter(lambda xs: len(set(xs)) >= 2))
    return [list(units) for _ in range(n_coders)]


@settings(max_examples=60, deadline=None, database=None)
@given(identical_coding(), st.sampled_from(co.COEFFICIENTS), st.sampled_from(co.LEVELS))
def test_coefficients_one_for_identical_coding(data, coefficient, level) -> None:
    if coefficient == "cohen_kappa":
        data = data[:2]
    assert co.compute(coefficient, data, level).value == pytest.approx(1.0)


@settings(max_examples=40, deadline=None, database=None)
@given(st.integers(2, 5), st.integers(1, 20), st.sampled_from(co.COEFFICIENTS),
       st.sampled_from(co.LEVELS))
def test_coefficients_undefined_for_one_value(n_coders, n_units, coefficient, level) -> None:
    data = [[3] * n_units for _ in range(2 if coefficient == "cohen_kappa" else n_coders)]
    result = co.compute(coefficient, data, level)
    if coefficient == "percent_agreement":
        assert result.value == 1.0
    else:
        assert result.value is None
        assert "same value" in (result.reason or "")


@settings(max_examples=80, deadline=None, database=None)
@given(reliability_data(), st.sampled_from(co.COEFFICIENTS), st.sampled_from(co.LEVELS),
       st.randoms(use_true_random=False))
def test_coefficients_symmetric_in_coder_order(data, coefficient, level, rnd) -> None:
    if coefficient == "cohen_kappa":
        data = data[:2]
    shuffled = list(data)
    rnd.shuffle(shuffled)
    first, second = co.compute(coefficient, data, level), co.compute(coefficient, shuffled, level)
    assert (first.value is None) == (second.value is None)
    if first.value is not None:
        assert first.value == pytest.approx(second.value, abs=1e-9)


@settings(max_examples=150, deadline=None, database=None)
@given(st.booleans().flatmap(lambda c: st.tuples(st.just(c), reliability_data(complete=c))),
       st.sampled_from(co.COEFFICIENTS), st.sampled_from(co.LEVELS))
def test_coefficients_within_range_or_undefined_with_reason(case, coefficient, level) -> None:
    complete, data = case
    if coefficient == "cohen_kappa":
        data = data[:2]
    result = co.compute(coefficient, data, level)
    if result.value is None:
        assert result.reason
        return
    assert math.isfinite(result.value)
    assert result.value <= 1 + 1e-9
    if coefficient == "percent_agreement":
        assert 0 <= result.value <= 1
    # Gwet's chance agreement counts units only one coder rated, so with missing data Fleiss'
    # kappa and Scott's pi can fall below -1; Cohen (shared units only) cannot.
    elif coefficient == "cohen_kappa" or (coefficient in KAPPAS and complete):
        assert result.value >= -1 - 1e-9


@settings(max_examples=80, deadline=None, database=None)
@given(reliability_data(), st.sampled_from(co.LEVELS))
def test_alpha_matches_krippendorff_package(data, level) -> None:
    matrix = np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)
    ours = co.krippendorff_alpha(data, level)
    try:
        theirs = krippendorff.alpha(matrix, level_of_measurement=level)
    except (ValueError, ZeroDivisionError):
        theirs = float("nan")  # the package refuses data with one value or nothing pairable
    if ours.value is None:
        assert not np.isfinite(theirs) or theirs == pytest.approx(1.0) or ours.reason
    else:
        assert ours.value == pytest.approx(theirs, abs=1e-9)


@pytest.mark.parametrize("data", [
    [[1, 2, 3]],  # one coder
    [[None, None], [None, None]],  # all missing
    [[1, None, 3], [None, 2, None]],  # no unit coded twice
    [[], []],  # no units
])
@pytest.mark.parametrize("coefficient", co.COEFFICIENTS)
def test_coefficients_degenerate_data_undefined_with_reason(data, coefficient) -> None:
    result = co.compute(coefficient, data, "nominal")
    assert result.value is None
    assert result.reason
    assert set(result.to_dict()) >= {"coefficient", "level", "value", "reason", "n_units",
                                     "n_coders"}


def test_alpha_one_unit_with_two_values_is_defined() -> None:
    result = co.krippendorff_alpha([[1], [2]])
    assert result.value == pytest.approx(0.0)
    assert result.n_units == 1


def test_cohen_kappa_three_coders_undefined_and_pairs_given() -> None:
    data = [[1, 2, 1, 2], [1, 2, 2, 2], [1, 1, 1, 2]]
    assert co.cohen_kappa(data).value is None
    assert "exactly two" in co.cohen_kappa(data).reason
    pairs = co.cohen_kappa_pairs(data, names=["A", "B", "C"])
    assert [p.coders for p in pairs] == [("A", "B"), ("A", "C"), ("B", "C")]
    assert pairs[0].value == pytest.approx(co.cohen_kappa(data[:2]).value)


def test_gwet_ac1_uses_all_domain_categories() -> None:
    data = [["a", "b", "a", "a"], ["a", "b", "b", "a"]]
    used = co.gwet_ac1(data)
    with_domain = co.gwet_ac1(data, domain=["a", "b", "c"])
    assert used.note == "q = 2 categories" and with_domain.note == "q = 3 categories"
    assert with_domain.value != pytest.approx(used.value)
    # unused categories change nothing for kappa and alpha
    assert co.fleiss_kappa(data, domain=["a", "b", "c"]).value == pytest.approx(
        co.fleiss_kappa(data).value)


def test_bootstrap_alpha_seeded_interval_and_threshold_shares() -> None:
    rng = np.random.default_rng(7)
    truth = rng.integers(0, 4, 400)
    noisy = np.where(rng.random((3, 400)) < 0.85, truth, rng.integers(0, 4, (3, 400)))
    first = co.krippendorff_alpha(noisy.astype(float), bootstrap=1000, seed=3)
    again = co.krippendorff_alpha(noisy.astype(float), bootstrap=1000, seed=3)
    assert first == again
    assert first.ci_low < first.value < first.ci_high
    assert first.n_resamples == 1000
    assert 0 <= first.p_below_667 <= first.p_below_800 <= 1


def test_bootstrap_alpha_agrees_with_resampling_by_hand() -> None:
    rng = np.random.default_rng(11)
    data = rng.integers(1, 5, (3, 60)).astype(float)
    data[rng.random(data.shape) < 0.2] = np.nan
    for level in co.LEVELS:
        parts = co.alpha_parts(co.encode_data(data, level))
        picks = rng.integers(0, parts.n_units, parts.n_units)
        weights = np.bincount(picks, minlength=parts.n_units)[None, :].astype(float)
        pairable = data[:, (~np.isnan(data)).sum(axis=0) >= 2]
        by_hand = co.krippendorff_alpha(pairable[:, picks], level).value
        assert co.alpha_values(parts, weights)[0] == pytest.approx(by_hand, abs=1e-9)


def test_result_to_dict_reason_only_when_undefined() -> None:
    assert "reason" not in co.krippendorff_alpha([[1, 2], [1, 2]]).to_dict()
    assert co.krippendorff_alpha([[1, 1], [1, 1]]).to_dict()["value"] is None

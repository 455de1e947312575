"""Every coefficient against worked examples published with their data (source in each test)."""

from __future__ import annotations

import numpy as np
import pytest

from annotator.agreement import coefficients as co

# Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School for
# Communication, University of Pennsylvania, section C ("nominal data, any number of observers,
# missing data"): 4 observers x 12 units; published alpha per level in sections C-F.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]

# Gwet, K. L. (2014). Handbook of Inter-Rater Reliability (4th ed.), p. 120: 4 raters x 12
# units, categories 1-5 (the irrCAC data set `cac.raw4raters`). Rows here are raters.
GWET_2014_P120 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, None],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 3],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def rows_from_table(table: list[list[int]]) -> list[list[int]]:
    """Two coders' ratings from a contingency table (rows: coder 1, columns: coder 2)."""
    first, second = [], []
    for i, row in enumerate(table):
        for j, count in enumerate(row):
            first += [i] * count
            second += [j] * count
    return [first, second]


@pytest.mark.parametrize(("level", "published"), [
    ("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797),
])
def test_alpha_krippendorff_2011_four_coders_with_missing(level: str, published: float) -> None:
    result = co.krippendorff_alpha(KRIPPENDORFF_2011, level)
    assert result.value == pytest.approx(published, abs=0.0005)
    assert result.n_units == 11  # unit 12 has one value only: not pairable
    assert result.n_coders == 4


def test_alpha_krippendorff_2011_binary_two_observers() -> None:
    # Krippendorff (2011), section A: binary data, two observers, no missing data: alpha = .095
    mary = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    dave = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert co.krippendorff_alpha([mary, dave]).value == pytest.approx(0.095, abs=0.0005)


def test_alpha_krippendorff_2011_nominal_two_observers() -> None:
    # Krippendorff (2011), section B: nominal data, two observers, no missing data: alpha = .692
    ben = ["a", "a", "b", "b", "d", "c", "c", "c", "e", "d", "d", "a"]
    gerry = ["b", "a", "b", "b", "b", "c", "c", "c", "e", "d", "d", "d"]
    assert co.krippendorff_alpha([ben, gerry]).value == pytest.approx(0.692, abs=0.0005)


def test_cohen_kappa_cohen_1960_table_1() -> None:
    # Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
    # Psychological Measurement 20, 37-46, Table 1 (proportions x 200 units):
    # p_o = .70, p_c = .41, kappa = .492
    data = rows_from_table([[88, 14, 18], [10, 40, 10], [2, 6, 12]])
    result = co.cohen_kappa(data)
    assert result.observed == pytest.approx(0.70)
    assert result.expected == pytest.approx(0.41)
    assert result.value == pytest.approx(0.492, abs=0.0005)


# Gwet (2014), ch. 2: 100 pregnancies classified by two abstractors (irrCAC `cont3x3abstractors`;
# values as the irrCAC vignette prints them).
ABSTRACTORS = [[13, 0, 0], [0, 20, 7], [0, 4, 56]]


@pytest.mark.parametrize(("coefficient", "published"), [
    ("cohen_kappa", 0.7964094), ("scott_pi", 0.7962397), ("fleiss_kappa", 0.7962397),
    ("gwet_ac1", 0.8493), ("percent_agreement", 0.89),
])
def test_two_coder_coefficients_gwet_2014_abstractors(coefficient: str, published: float) -> None:
    result = co.compute(coefficient, rows_from_table(ABSTRACTORS))
    assert result.value == pytest.approx(published, abs=0.00005)


@pytest.mark.parametrize(("level", "fleiss", "ac"), [
    ("nominal", 0.76117, 0.77544),
    ("ordinal", 0.850, 0.899),  # Gwet's ordinal weights
    ("interval", 0.865, 0.914),  # quadratic weights
    ("ratio", 0.821, 0.857),  # ratio weights
])
def test_gwet_family_gwet_2014_p120_partly_rated_units(level: str, fleiss: float,
                                                       ac: float) -> None:
    # Gwet (2014) p. 120 data; Fleiss' kappa and AC1/AC2 as irrCAC computes them (its
    # documentation: Fleiss .76117 with p_a .81818, p_e .23872; AC1 .77544 with p_e .19032).
    tol = 0.00001 if level == "nominal" else 0.0005
    assert co.fleiss_kappa(GWET_2014_P120, level).value == pytest.approx(fleiss, abs=tol)
    assert co.scott_pi(GWET_2014_P120, level).value == pytest.approx(fleiss, abs=tol)
    assert co.gwet_ac1(GWET_2014_P120, level).value == pytest.approx(ac, abs=tol)


def test_percent_agreement_gwet_2014_p120_mean_share_of_agreeing_pairs() -> None:
    result = co.percent_agreement(GWET_2014_P120)
    assert result.value == pytest.approx(0.81818, abs=0.00001)
    assert result.n_units == 11  # unit 12 was rated once
    assert "pairs" in (result.note or "")


def test_fleiss_kappa_fleiss_1971_table_1() -> None:
    # Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
    # Bulletin 76, 378-382, Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses; kappa = .430.
    # Raw ratings as in R's irr::diagnoses (columns are positions, not fixed psychiatrists).
    patients = [
        [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5],
        [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4],
        [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
        [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5],
        [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
        [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
        [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4],
        [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
    ]
    coders = np.array(patients).T
    assert co.fleiss_kappa(coders).value == pytest.approx(0.430, abs=0.0005)


def test_cohen_and_scott_krippendorff_1995_digitized_example_a() -> None:
    # Krippendorff, K. (1995). On the reliability of unitizing continuous data. Sociological
    # Methodology 25, 47-76, p. 57, example A (Bertha and Bill) read as 24 binary units:
    # Cohen's kappa .385, Scott's pi .314, alpha .329.
    bertha = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]
    bill = [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]
    assert co.cohen_kappa([bertha, bill]).value == pytest.approx(0.385, abs=0.0005)
    assert co.scott_pi([bertha, bill]).value == pytest.approx(0.314, abs=0.0005)
    assert co.krippendorff_alpha([bertha, bill]).value == pytest.approx(0.329, abs=0.0005)

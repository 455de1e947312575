"""Krippendorff's alpha for unitizing against the published worked examples."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from annotator.agreement.unitizing import (
    category_disagreement,
    claims_unitizing_alpha,
    unitizing_alpha,
)

# Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.),
# Sage, section 12.4, worked example (p. 254 ff.): continuum 150-450, coders i and j,
# categories c and k. Published: D_o(c) = .0144, D_e(c) = .0532, alpha_c = .7286;
# D_o(k) = 0, D_e(k) = .0490, alpha_k = 1; all categories .8591 (from the rounded D's).
# (Also reproduced in DKPro Statistics' Krippendorff2004Test.)
EXAMPLE_2004 = {
    "i": [(225, 295, "c"), (370, 400, "c"), (180, 240, "k"), (300, 350, "k")],
    "j": [(220, 300, "c"), (355, 375, "c"), (400, 420, "c"), (180, 240, "k"), (300, 350, "k")],
}


@pytest.mark.parametrize(("category", "observed", "expected", "alpha"), [
    ("c", 0.0144, 0.0532, 0.7286),
    ("k", 0.0, 0.0490, 1.0),
])
def test_unitizing_alpha_krippendorff_2004_per_category(category, observed, expected,
                                                        alpha) -> None:
    d = category_disagreement(EXAMPLE_2004, category, 150, 300)
    assert d.observed == pytest.approx(observed, abs=0.00005)
    assert d.expected == pytest.approx(expected, abs=0.00005)
    assert d.alpha == pytest.approx(alpha, abs=0.0001)


def test_unitizing_alpha_krippendorff_2004_all_categories() -> None:
    result = unitizing_alpha(EXAMPLE_2004, 150, 300)
    assert result.value == pytest.approx(0.8591, abs=0.0005)  # published from rounded D's


# Krippendorff, K. (1995). On the reliability of unitizing continuous data. Sociological
# Methodology 25, 47-76, p. 57: four pairs of coders on a 24-step continuum; published observed
# disagreements A .03125, B 2.26736, C .02777, D .38715. (start, length) per coder.
EXAMPLE_1995 = {
    "A": ([(2, 8), (14, 6)], [(4, 4), (15, 2)]),
    "B": ([(0, 18)], [(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1)]),
    "C": ([(2, 6), (10, 2), (14, 4), (20, 2)], [(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)]),
    "D": ([(0, 2), (2, 8), (10, 4), (14, 6), (20, 4)],
          [(0, 4), (4, 4), (8, 7), (15, 2), (17, 7)]),
}


@pytest.mark.parametrize(("pair", "observed"), [
    ("A", 0.03125), ("B", 2.26736), ("C", 0.02777), ("D", 0.38715),
])
def test_unitizing_observed_disagreement_krippendorff_1995(pair, observed) -> None:
    first, second = EXAMPLE_1995[pair]
    marks = {"1": [(b, b + n, pair) for b, n in first], "2": [(b, b + n, pair) for b, n in second]}
    assert category_disagreement(marks, pair, 0, 24).observed == pytest.approx(observed, abs=1e-5)


def test_unitizing_alpha_identical_marks_is_one_and_no_marks_undefined() -> None:
    same = [(3, 9, "claim"), (20, 31, "claim")]
    assert unitizing_alpha({"a": same, "b": same}, 0, 50).value == pytest.approx(1.0)
    empty = unitizing_alpha({"a": [], "b": []}, 0, 50)
    assert empty.value is None and empty.reason
    assert unitizing_alpha({"a": same}, 0, 50).value is None


@dataclass
class Span:
    start: int
    end: int
    uid: str = ""
    values: dict | None = None
    origin: str = "manual"


def test_claims_unitizing_alpha_concatenates_shared_articles() -> None:
    claims = {
        "A": {1: [Span(0, 10)], 2: [Span(5, 15)], 3: [Span(0, 4)]},
        "B": {1: [Span(0, 10)], 2: [Span(5, 15)]},
    }
    result = claims_unitizing_alpha(claims, lengths={1: 40, 2: 30})
    assert result.value == pytest.approx(1.0)
    assert "2 articles" in result.note and "70 characters" in result.note

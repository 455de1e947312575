"""Units from coders' claim spans: pairwise optimal matching and groups across coders."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from annotator.agreement.alignment import align, match_pair, qualifies, span_agreement


@dataclass
class C:
    start: int
    end: int
    values: dict = field(default_factory=dict)
    uid: str = ""
    origin: str = "manual"


def test_alignment_overlap_must_be_half_the_shorter_span() -> None:
    assert qualifies(C(0, 10), C(5, 30))  # overlap 5 = half of 10
    assert not qualifies(C(0, 10), C(6, 30))  # overlap 4
    assert not qualifies(C(0, 10), C(10, 20))  # touching only


def test_alignment_pair_matching_is_optimal_not_greedy() -> None:
    # Greedy would give a0 to b0 (overlap 8) and leave a1 alone; optimal pairs both.
    a = [C(0, 10), C(8, 14)]
    b = [C(2, 12), C(10, 20)]
    assert sorted(match_pair(a, b)) == [(0, 0), (1, 1)]


def test_alignment_pair_matching_one_to_one() -> None:
    a = [C(0, 20)]
    b = [C(0, 9), C(10, 20)]
    assert len(match_pair(a, b)) == 1


def test_alignment_units_hold_one_claim_per_coder_and_missing_elsewhere() -> None:
    claims = {
        "A": {1: [C(0, 10, {"cert": "high"}), C(50, 60, {"cert": "low"})]},
        "B": {1: [C(1, 10, {"cert": "high"})]},
        "C": {1: [C(0, 9, {"cert": "low"}), C(80, 90, {"cert": "low"})]},
    }
    result = align(claims)
    assert [(u.start, u.end, sorted(u.claims)) for u in result.units] == [
        (0, 10, ["A", "B", "C"]), (50, 60, ["A"]), (80, 90, ["C"])]
    assert result.matrix("cert") == [["high", "low", None], ["high", None, None],
                                     ["low", None, "low"]]
    assert [u.id for u in result.units] == ["1:1", "1:2", "1:3"]


def test_alignment_group_with_two_claims_of_one_coder_splits_weaker_off() -> None:
    # B's claim matches A's first claim, C's matches A's second claim and B's: the chain would
    # put both of A's claims in one group, so the one overlapping the group more (16 > 10) stays.
    claims = {
        "A": {1: [C(0, 10), C(12, 30)]},
        "B": {1: [C(0, 20)]},
        "C": {1: [C(12, 28)]},
    }
    units = align(claims).units
    assert all(len(set(u.claims)) == len(u.claims) for u in units)
    grouped = [u for u in units if len(u.claims) == 3]
    assert len(grouped) == 1 and grouped[0].claims["A"].start == 12
    assert any(list(u.claims) == ["A"] and u.claims["A"].start == 0 for u in units)


def test_alignment_only_articles_coded_by_two_or_more() -> None:
    claims = {"A": {1: [C(0, 5)], 2: [C(0, 5)]}, "B": {1: []}}
    result = align(claims)
    assert result.articles == (1,)
    assert len(result.units) == 1 and list(result.units[0].claims) == ["A"]


def test_span_agreement_precision_recall_f1() -> None:
    claims = {
        "A": {1: [C(0, 10), C(20, 30), C(40, 50)]},
        "B": {1: [C(0, 10), C(21, 30)]},
    }
    (pair,) = span_agreement(claims)
    assert (pair.matched, pair.n_a, pair.n_b) == (2, 3, 2)
    assert pair.precision == 1.0
    assert pair.recall == pytest.approx(2 / 3)
    assert pair.f1 == pytest.approx(0.8)
    assert pair.to_dict()["f1"] == pytest.approx(0.8)


def test_span_agreement_nothing_marked_is_undefined_not_zero_division() -> None:
    (pair,) = span_agreement({"A": {1: []}, "B": {1: []}})
    assert pair.f1 is None and pair.precision is None

"""The agreement report as data, and the reliability data exports."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from annotator.agreement import coefficients as co
from annotator.agreement.report import (
    build_report,
    long_rows,
    pipeline_shares,
    unit_disagreements,
    wide_rows,
)
from annotator.core.codebook import Value, Variable

ATTRIBUTION = Variable("attribution", "claim", "nominal", "Attribution", values=(
    Value("direct", 1, "Direct"), Value("indirect", 2, "Indirect"),
    Value("unattributed", 3, "Unattributed")))
CERTAINTY = Variable("certainty", "claim", "ordinal", "Certainty", values=(
    Value("certain", 4, "Certain"), Value("probable", 3, "Probable"),
    Value("possible", 2, "Possible"), Value("uncertain", 1, "Uncertain")))


@dataclass
class Claim:
    start: int
    end: int
    values: dict = field(default_factory=dict)
    origin: str = "manual"
    uid: str = ""


def claim(start: int, end: int, attribution: str, certainty: str, origin: str = "manual") -> Claim:
    return Claim(start, end, {"attribution": attribution, "certainty": certainty}, origin)


CLAIMS = {
    "A": {1: [claim(0, 20, "direct", "certain", "accepted"), claim(30, 50, "indirect", "possible"),
              claim(60, 80, "direct", "probable", "edited")],
          2: [claim(0, 10, "indirect", "certain", "accepted")]},
    "B": {1: [claim(1, 20, "direct", "certain", "accepted"), claim(30, 50, "direct", "possible",
                                                                     "accepted")],
          2: [claim(0, 10, "indirect", "uncertain")]},
}


def test_report_per_variable_coefficients_at_codebook_level() -> None:
    report = build_report(CLAIMS, [ATTRIBUTION, CERTAINTY], bootstrap=200)
    assert report.coders == ("A", "B") and report.n_units == 4
    attribution, certainty = report.variables
    assert attribution.level == "nominal" and certainty.level == "ordinal"
    assert set(attribution.coefficients) == {"krippendorff_alpha", "fleiss_kappa", "scott_pi",
                                             "gwet_ac1", "percent_agreement", "cohen_kappa"}
    alpha = attribution.coefficients["krippendorff_alpha"]
    expected = co.krippendorff_alpha([["direct", "indirect", "direct", "indirect"],
                                      ["direct", "direct", None, "indirect"]]).value
    assert alpha.value == pytest.approx(expected)
    assert alpha.n_units == 3 and alpha.n_resamples is not None
    assert attribution.coefficients["percent_agreement"].value == pytest.approx(2 / 3)


def test_report_confusion_categories_and_disagreements() -> None:
    attribution = build_report(CLAIMS, [ATTRIBUTION], bootstrap=0).variables[0]
    (conf,) = attribution.confusion
    assert conf.labels == ("direct", "indirect", "unattributed")
    assert conf.counts == ((1, 0, 0), (1, 1, 0), (0, 0, 0))
    by_cat = {c.category: c for c in attribution.categories}
    assert by_cat["direct"].agreement == pytest.approx(2 / 3)  # 2*1 / (2 + 1)
    assert by_cat["unattributed"].agreement is None
    (dis,) = attribution.disagreements
    assert dis.values == {"A": "indirect", "B": "direct"} and dis.start == 30


def test_report_unit_disagreements_claim_marked_by_one_coder() -> None:
    report = build_report(CLAIMS, [], bootstrap=0)
    (missing,) = unit_disagreements(report.alignment, CLAIMS)
    assert missing.variable is None and missing.values == {"A": "marked", "B": None}


def test_report_pipeline_shares_per_coder_and_overall() -> None:
    rows = {r.coder: r for r in pipeline_shares(CLAIMS, ["A", "B"], {"A": (10, 4), "B": (8, 2)})}
    assert (rows["A"].accepted, rows["A"].edited, rows["A"].manual) == (2, 1, 1)
    assert rows["A"].share("accepted") == 0.5
    assert rows["B"].share_rejected == 0.25
    assert rows["all"].claims == 7 and rows["all"].share_rejected == pytest.approx(6 / 18)


def test_report_to_dict_is_json_ready() -> None:
    report = build_report(CLAIMS, [ATTRIBUTION, CERTAINTY], bootstrap=50)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["unitizing"]["coefficient"] == "unitizing_alpha"
    assert data["spans"][0]["f1"] == pytest.approx(6 / 7)


def test_report_values_outside_codebook_are_reported_not_fatal() -> None:
    claims = {"A": {1: [claim(0, 9, "direct", "maybe")]}, "B": {1: [claim(0, 9, "direct", "x")]}}
    certainty = build_report(claims, [CERTAINTY], bootstrap=0).variables[0]
    assert "not in the codebook" in certainty.notes[0]


def test_reliability_data_wide_and_long_rows() -> None:
    report = build_report(CLAIMS, [ATTRIBUTION], bootstrap=0)
    wide = wide_rows(report.alignment, ["attribution"])
    uid_a, uid_b = (report.alignment.units[0].claim_id(c) for c in "AB")
    assert wide[0] == {"unit": "1:1", "article_id": 1, "start": 0, "end": 20,
                       "claim_id_A": uid_a, "claim_id_B": uid_b,
                       "attribution_A": "direct", "attribution_B": "direct"}
    assert wide[2]["attribution_B"] is None
    long = long_rows(report.alignment, ["attribution"])
    assert len(long) == 4 * 2
    assert long[0] == {"unit": "1:1", "article_id": 1, "coder": "A", "claim_id": uid_a,
                       "variable": "attribution", "value": "direct"}

"""The validation of the suggester as a workbook sheet `Validation`: for `annotator validate
--format xlsx` and for the coding-sheet export (`annotator export --validation`).

Takes the plain data `Validation.to_dict()` gives (this layer does not import the validation
code): units (precision, recall, F1 per kind), accuracies over matched units, and alpha with
its interval per variable, each for all articles and per outlet. Texts go in as strings only.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from annotator.io.agreement_export import (
    Formats,
    _close,
    _open_workbook,
    _put,
    _put_row,
    agreement_formats,
)
from annotator.io.outfiles import replacing

KINDS = ("sources", "cues", "claims")
ACCURACIES = (("type", "Source type"), ("attribution", "Attribution"),
              ("certainty", "Certainty"), ("link", "Link"))
UNIT_HEADER = ("Outlet", "Kind", "Precision", "Recall", "F1", "Matched", "Machine", "Reference")
ALPHA_HEADER = ("Outlet", "Variable", "Level", "Krippendorff's alpha", "95% CI low",
                "95% CI high", "Guidance", "Units", "Articles")


def write_validation_workbook(path: Path, data: Mapping[str, Any], *, force: bool = False) -> None:
    path = Path(path)
    with replacing(path, force=force) as (tmp,):
        wb = _open_workbook(tmp)
        try:
            write_validation_sheet(wb, data)
        finally:
            _close(wb, path)


def outlet_label(part: Mapping[str, Any]) -> str:
    outlet = part["outlet"]
    return "all" if outlet is None else (outlet or "(no outlet)")


def parts(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [data["overall"], *data["outlets"]]


def write_validation_sheet(workbook: Any, data: Mapping[str, Any],
                           formats: Mapping[str, Any] | None = None) -> int:
    """Add the `Validation` sheet to an open XlsxWriter workbook; return its data rows."""
    fmts = agreement_formats(workbook, formats)
    ws = workbook.add_worksheet("Validation")
    ws.set_column(0, 1, 22)
    ws.set_column(2, len(ALPHA_HEADER) - 1, 13)
    versions = ", ".join(f"{v} ({n} articles)" for v, n in data["suggesters"].items()) or "-"
    row = _put_row(ws, 0, [f"Validation: the suggester as coder {data['machine']} against "
                           f"{data['reference']}"], fmts["title"])
    row = _put_row(ws, row, [f"Suggester: {versions}; {data['overall']['articles']} articles, "
                             f"{len(data['outlets'])} outlet(s)"])
    share = data.get("reference_share_accepted")
    if share:
        row = _put_row(ws, row, [f"{share:.0%} of {data['reference']}'s claims were accepted "
                                 "from suggestions: agreement there is partly the machine's "
                                 "with itself"], fmts["note"])
    row = _put_row(ws, row, [data["verdict_rule"]], fmts["note"]) + 1
    start = row
    row = _units_block(ws, row, data, fmts) + 1
    row = _accuracy_block(ws, row, data, fmts) + 1
    row = _alpha_block(ws, row, data, fmts)
    return row - start


def _units_block(ws: Any, row: int, data: Mapping[str, Any], fmts: Formats) -> int:
    row = _put_row(ws, row, ["Units: precision, recall and F1 of the machine's spans "
                             "(matched as annotator evaluate does)"], fmts["section"])
    row = _put_row(ws, row, UNIT_HEADER, fmts["header"])
    for part in parts(data):
        for kind in KINDS:
            u = part["units"][kind]
            _put_row(ws, row, [outlet_label(part), kind])
            for col, key in enumerate(("precision", "recall", "f1"), 2):
                _put(ws, row, col, u[key], fmts["number"])
            _put_row(ws, row, [u["matched"], u["machine"], u["reference"]], col=5)
            row += 1
    return row


def _accuracy_block(ws: Any, row: int, data: Mapping[str, Any], fmts: Formats) -> int:
    row = _put_row(ws, row, ["Accuracy over matched units"], fmts["section"])
    row = _put_row(ws, row, ["Outlet", *(label for _, label in ACCURACIES)], fmts["header"])
    for part in parts(data):
        _put(ws, row, 0, outlet_label(part))
        for col, (key, _) in enumerate(ACCURACIES, 1):
            _put(ws, row, col, part["units"]["accuracy"][key], fmts["number"])
        row += 1
    return row


def _alpha_block(ws: Any, row: int, data: Mapping[str, Any], fmts: Formats) -> int:
    row = _put_row(ws, row, ["Agreement after claim alignment (as annotator agreement "
                             "computes it)"], fmts["section"])
    row = _put_row(ws, row, ALPHA_HEADER, fmts["header"])
    for part in parts(data):
        report = part["agreement"]
        u = report["unitizing"]
        row = _alpha_row(ws, row, part, "claim spans (unitizing)", "", u, u["verdict"],
                         report["n_units"], fmts)
        for v in report["variables"]:
            alpha = v["coefficients"]["krippendorff_alpha"]
            row = _alpha_row(ws, row, part, v["variable"], v["level"], alpha, v["verdict"],
                             alpha.get("n_units"), fmts)
    return row


def _alpha_row(ws: Any, row: int, part: Mapping[str, Any], name: str, level: str,
               result: Mapping[str, Any], verdict: Mapping[str, Any], units: Any,
               fmts: Formats) -> int:
    label = verdict.get("label")
    _put_row(ws, row, [outlet_label(part), name, level])
    _put(ws, row, 3, result.get("value"), fmts.get(f"alpha_{label}", fmts["number"]))
    _put(ws, row, 4, result.get("ci_low"), fmts["number"])
    _put(ws, row, 5, result.get("ci_high"), fmts["number"])
    _put(ws, row, 6, verdict.get("label") or result.get("reason"), fmts.get(f"mark_{label}"))
    _put_row(ws, row, [units, part["articles"]], col=7)
    return row + 1

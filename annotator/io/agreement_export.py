"""The agreement report as a workbook, and the aligned reliability data for other tools.

- `write_agreement_workbook`: sheets `Agreement` (coefficients per variable with intervals and
  Krippendorff's marks, unitizing, Cohen's kappa per pair, pipeline shares), `Confusion`,
  `Disagreements`, `Reliability data` (wide) and `Value codes`.
- `write_agreement_sheet`: just the `Agreement` sheet, into a workbook someone else is writing
  (the coding-sheet export), so both exports show the same figures.
- `write_wide` (xlsx or csv) and `write_long_csv`: reliability data as SPSS/KALPHA and ReCal
  (one row per unit, one column per variable x coder) and R's irr or tidycomm's `test_icr`
  (unit, coder, variable, value) take it.

Every text goes in through `write_string` (a coder named `=1+1` stays text) and every file is
written under a temporary name and renamed at the end.
"""

from __future__ import annotations

import csv
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

from annotator.agreement.report import (
    AgreementReport,
    Disagreement,
    VariableReport,
    claim_column,
    long_rows,
    variable_notes,
    wide_rows,
)
from annotator.agreement.verdict import GUIDANCE, result_verdict
from annotator.core.codebook import Codebook
from annotator.core.errors import UserError
from annotator.io.cells import csv_text, sheet_text
from annotator.io.outfiles import replacing

# Streaming keeps memory flat for big reliability samples; every sheet is written row by row.
WORKBOOK_OPTIONS = {"constant_memory": True, "strings_to_formulas": False,
                    "strings_to_urls": False, "strings_to_numbers": False}
MARK_COLOURS = {"reliable": "#C6EFCE", "tentative": "#FFEB9C", "uncertain": "#FCE4D6",
                "unreliable": "#FFC7CE"}
COEFFICIENT_COLUMNS = (("fleiss_kappa", "Fleiss' kappa"), ("scott_pi", "Scott's pi"),
                       ("gwet_ac1", "Gwet's AC1"), ("percent_agreement", "Percent agreement"))
Formats = dict[str, Any]


# ---- formats and cells ---------------------------------------------------------------------

def agreement_formats(workbook: Any, formats: Mapping[str, Any] | None = None) -> Formats:
    """The formats these sheets use; any the caller passes (e.g. its `header`) win."""
    out: Formats = {
        "header": workbook.add_format({"bold": True, "bg_color": "#EEEEEE", "border": 1}),
        "title": workbook.add_format({"bold": True, "font_size": 13}),
        "section": workbook.add_format({"bold": True, "font_size": 11}),
        "note": workbook.add_format({"italic": True, "font_color": "#555555"}),
        "number": workbook.add_format({"num_format": "0.000"}),
        "percent": workbook.add_format({"num_format": "0.0%"}),
        "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
    }
    for name, colour in MARK_COLOURS.items():
        out[f"mark_{name}"] = workbook.add_format({"bg_color": colour, "border": 1})
        out[f"alpha_{name}"] = workbook.add_format({"bg_color": colour, "num_format": "0.000",
                                                    "bold": True})
    out.update(formats or {})
    return out


def _put(ws: Any, row: int, col: int, value: Any, fmt: Any = None) -> None:
    """One cell: numbers as numbers, everything else as a plain string (never a formula)."""
    if value is None:
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, fmt)
    else:
        ws.write_string(row, col, sheet_text(str(value))[0], fmt)


def _put_row(ws: Any, row: int, values: Sequence[Any], fmt: Any = None, col: int = 0) -> int:
    for i, value in enumerate(values):
        _put(ws, row, col + i, value, fmt)
    return row + 1


# ---- the Agreement sheet -------------------------------------------------------------------

VARIABLE_HEADER = ("Variable", "Level", "Krippendorff's alpha", "95% CI low", "95% CI high",
                   "P(alpha < .667)", "P(alpha < .800)", "Verdict", "Cohen's kappa",
                   *(label for _, label in COEFFICIENT_COLUMNS), "Units", "Coders", "Note")


def write_agreement_sheet(workbook: Any, report: AgreementReport,
                          formats: Mapping[str, Any] | None = None) -> Any:
    """Add the `Agreement` sheet to an open XlsxWriter workbook; return the worksheet."""
    fmts = agreement_formats(workbook, formats)
    ws = workbook.add_worksheet("Agreement")
    ws.set_column(0, 0, 22)
    ws.set_column(1, len(VARIABLE_HEADER) - 2, 13)
    ws.set_column(len(VARIABLE_HEADER) - 1, len(VARIABLE_HEADER) - 1, 50)
    row = _put_row(ws, 0, [f"Agreement between {len(report.coders)} coders: "
                           f"{', '.join(report.coders)}"], fmts["title"])
    row = _put_row(ws, row, [f"{len(report.articles)} articles coded by two or more coders; "
                             f"{report.n_units} units (aligned claims)"])
    row = _put_row(ws, row, [GUIDANCE], fmts["note"]) + 1
    row = _variables_block(ws, row, report, fmts)
    for sentence in report.definitions():
        row = _put_row(ws, row, [sentence], fmts["note"])
    row += 1
    row = _unitizing_block(ws, row, report, fmts) + 1
    row = _cohen_block(ws, row, report, fmts) + 1
    row = _pipeline_block(ws, row, report, fmts) + 1
    if len(report.coders) > 2:
        _put_row(ws, row, ["Percent agreement with more than two coders: the mean over units of "
                           "the share of agreeing coder pairs."], fmts["note"])
    return ws


def _variables_block(ws: Any, row: int, report: AgreementReport, fmts: Formats) -> int:
    row = _put_row(ws, row, ["Coding agreement per variable"], fmts["section"])
    row = _put_row(ws, row, VARIABLE_HEADER, fmts["header"])
    for v in report.variables:
        _variable_row(ws, row, v, fmts)
        row += 1
    return row


def _variable_row(ws: Any, row: int, v: VariableReport, fmts: Formats) -> None:
    c = v.coefficients
    alpha = c["krippendorff_alpha"]
    judged = result_verdict(alpha)
    verdict = judged.label
    cohen = c.get("cohen_kappa")
    _put_row(ws, row, [v.variable, v.level])
    _put(ws, row, 2, alpha.value, fmts[f"alpha_{verdict}"] if verdict else fmts["number"])
    for col, value in ((3, alpha.ci_low), (4, alpha.ci_high), (5, alpha.p_below_667),
                       (6, alpha.p_below_800)):
        _put(ws, row, col, value, fmts["number"])
    _put(ws, row, 7, judged.shown, fmts.get(f"mark_{verdict}"))
    _put(ws, row, 8, cohen.value if cohen else None, fmts["number"])
    for i, (name, _) in enumerate(COEFFICIENT_COLUMNS):
        _put(ws, row, 9 + i, c[name].value, fmts["number"])
    base = 9 + len(COEFFICIENT_COLUMNS)
    notes = [judged.reason] if verdict == "uncertain" else []
    notes += [variable_notes(v)] if variable_notes(v) else []
    _put_row(ws, row, [alpha.n_units, alpha.n_coders, "; ".join(notes) or None], col=base)


def _unitizing_block(ws: Any, row: int, report: AgreementReport, fmts: Formats) -> int:
    u = report.unitizing
    row = _put_row(ws, row, ["Unitizing agreement (claim spans)"], fmts["section"])
    judged = result_verdict(u)
    verdict = judged.label
    _put(ws, row, 0, "Unitizing alpha (u-alpha, Krippendorff 2004)")
    _put(ws, row, 2, u.value, fmts[f"alpha_{verdict}"] if verdict else fmts["number"])
    _put(ws, row, 7, judged.shown, fmts.get(f"mark_{verdict}"))
    if u.value is None and u.reason:
        _put(ws, row, 8, u.reason)
    row += 1
    row = _put_row(ws, row, ("Coder A", "Coder B", "Matched claims", "Claims A", "Claims B",
                             "Precision", "Recall", "F1"), fmts["header"])
    for s in report.spans:
        _put_row(ws, row, [s.coder_a, s.coder_b, s.matched, s.n_a, s.n_b])
        _put_row(ws, row, [s.precision, s.recall, s.f1], fmts["number"], col=5)
        row += 1
    return row


def _cohen_block(ws: Any, row: int, report: AgreementReport, fmts: Formats) -> int:
    row = _put_row(ws, row, ["Cohen's kappa per pair of coders"], fmts["section"])
    row = _put_row(ws, row, ("Variable", "Coder A", "Coder B", "Cohen's kappa", "Units",
                             "Observed agreement", "Expected agreement", "Note"), fmts["header"])
    for v in report.variables:
        for r in v.cohen_pairs:
            a, b = r.coders or ("", "")
            _put_row(ws, row, [v.variable, a, b])
            _put_row(ws, row, [r.value], fmts["number"], col=3)
            _put(ws, row, 4, r.n_units)
            _put_row(ws, row, [r.observed, r.expected], fmts["number"], col=5)
            _put(ws, row, 7, r.reason if r.value is None else r.note)
            row += 1
    return row


def _pipeline_block(ws: Any, row: int, report: AgreementReport, fmts: Formats) -> int:
    row = _put_row(ws, row, ["Where the claims came from (the suggestion pipeline)"],
                   fmts["section"])
    row = _put_row(ws, row, ("Coder", "Claims", "Accepted as suggested", "Edited suggestion",
                             "Made by hand", "Share accepted", "Share edited", "Share by hand",
                             "Suggestions offered", "Suggestions rejected", "Share rejected"),
                   fmts["header"])
    for p in report.pipeline:
        _put_row(ws, row, [p.coder, p.claims, p.accepted, p.edited, p.manual])
        _put_row(ws, row, [p.share("accepted"), p.share("edited"), p.share("manual")],
                 fmts["percent"], col=5)
        _put_row(ws, row, [p.suggestions_offered, p.suggestions_rejected], col=8)
        _put(ws, row, 10, p.share_rejected, fmts["percent"])
        row += 1
    return row


# ---- Confusion and Disagreements -----------------------------------------------------------

def _write_confusion(workbook: Any, report: AgreementReport, fmts: Formats) -> None:
    ws = workbook.add_worksheet("Confusion")
    ws.set_column(0, 0, 24)
    ws.set_column(1, 40, 12)
    row = _put_row(ws, 0, ["Confusion matrices: rows are the first coder's values, columns the "
                           "second's; the diagonal is agreement."], fmts["note"]) + 1
    for v in report.variables:
        for m in v.confusion:
            row = _put_row(ws, row, [f"{v.variable}: {m.coder_a} (rows) x {m.coder_b} "
                                     "(columns)"], fmts["section"])
            row = _put_row(ws, row, [f"{m.coder_a} \\ {m.coder_b}", *m.labels, "Total"],
                           fmts["header"])
            first = row
            for label, counts in zip(m.labels, m.counts, strict=True):
                row = _put_row(ws, row, [label, *counts, sum(counts)])
            totals = [sum(col) for col in zip(*m.counts, strict=True)] if m.counts else []
            row = _put_row(ws, row, ["Total", *totals, sum(totals)], fmts["header"])
            if m.labels:  # a heatmap: the eye finds the off-diagonal cells at once
                ws.conditional_format(first, 1, row - 2, len(m.labels), {
                    "type": "2_color_scale", "min_color": "#FFFFFF", "max_color": "#5B9BD5"})
            row += 1
        if v.categories:
            row = _put_row(ws, row, [f"{v.variable}: agreement per category"], fmts["section"])
            row = _put_row(ws, row, ("Category", "Values", "Specific agreement"),
                           fmts["header"])
            for cat in v.categories:
                _put_row(ws, row, [cat.category, cat.n_values])
                _put(ws, row, 2, cat.agreement, fmts["number"])
                row += 1
            row += 1


def _write_disagreements(workbook: Any, report: AgreementReport, fmts: Formats,
                         unit_rows: Sequence[Disagreement],
                         texts: Mapping[Hashable, str] | None) -> None:
    ws = workbook.add_worksheet("Disagreements")
    coders = list(report.coders)
    header = ["Unit", "Article id", "Start", "End", "Variable", "Text", *coders,
              *(f"Claim id ({c})" for c in coders)]
    ws.set_column(0, 4, 11)
    ws.set_column(5, 5, 60)
    ws.set_column(6, 6 + 2 * len(coders), 14)
    _put_row(ws, 0, header, fmts["header"])
    ws.freeze_panes(1, 0)
    row = 1
    items = [*unit_rows, *(d for v in report.variables for d in v.disagreements)]
    for d in items:
        text = texts.get(d.article_id) if texts is not None else None
        quote = text[d.start:d.end] if text is not None else None
        variable = d.variable if d.variable is not None else "(claim marked?)"
        values = [d.values.get(c, "(not coded)") if c in d.values else "(article not coded)"
                  for c in coders]
        values = ["(no claim)" if v is None else v for v in values]
        article = d.article if d.article is not None else d.article_id
        ids = [d.claims.get(c) for c in coders]
        row = _put_row(ws, row, [d.unit, article, d.start, d.end, variable, quote, *values,
                                 *ids])


# ---- reliability data ----------------------------------------------------------------------

def _numeric_codes(codebook: Codebook | None) -> dict[str, dict[str, float | int]]:
    if codebook is None:
        return {}
    return {v.name: {val.code: val.numeric for val in v.values}
            for v in codebook.variables if v.is_categorical}


def _as_number(value: Any) -> Any:
    """Numbers stay numbers in the wide data (SPSS, KALPHA and ReCal want numbers)."""
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return value
        return int(number) if number.is_integer() else number
    return value


def wide_table(report: AgreementReport, codebook: Codebook | None = None
               ) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of the wide reliability data; categorical codes as the codebook's
    numbers when a codebook is given."""
    variables = [v.variable for v in report.variables]
    claim_ids = [claim_column(c) for c in report.coders]
    header = ["unit", "article_id", "start", "end", *claim_ids,
              *(f"{var}_{c}" for var in variables for c in report.coders)]
    if report.alignment is None:
        return header, []
    numeric = _numeric_codes(codebook)
    rows = []
    for r in wide_rows(report.alignment, variables):
        cells = [r["unit"], r["article_id"], r["start"], r["end"], *(r[c] for c in claim_ids)]
        for var in variables:
            codes = numeric.get(var, {})
            for coder in report.coders:
                value = r[f"{var}_{coder}"]
                cells.append(_as_number(codes.get(value, value)))
        rows.append(cells)
    return header, rows


def _write_wide_sheet(workbook: Any, report: AgreementReport, fmts: Formats,
                      codebook: Codebook | None) -> int:
    header, rows = wide_table(report, codebook)
    ws = workbook.add_worksheet("Reliability data")
    ws.set_column(0, len(header), 14)
    _put_row(ws, 0, header, fmts["header"])
    ws.freeze_panes(1, 1)
    for i, cells in enumerate(rows, start=1):
        _put_row(ws, i, cells)
    return len(rows)


def _write_codes_sheet(workbook: Any, report: AgreementReport, fmts: Formats,
                       codebook: Codebook | None) -> None:
    ws = workbook.add_worksheet("Value codes")
    ws.set_column(0, 3, 18)
    _put_row(ws, 0, ("Variable", "Code", "Number in the reliability data", "Label"),
             fmts["header"])
    row = 1
    wanted = {v.variable for v in report.variables}
    for var in (codebook.variables if codebook else ()):
        if var.name in wanted and var.is_categorical:
            for val in var.values:
                row = _put_row(ws, row, [var.name, val.code, val.numeric, val.label])


# ---- files ---------------------------------------------------------------------------------

def _open_workbook(path: Path) -> Any:
    import xlsxwriter

    return xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)


def _close(workbook: Any, path: Path) -> None:
    import xlsxwriter.exceptions

    try:
        workbook.close()
    except xlsxwriter.exceptions.XlsxWriterException as exc:
        raise UserError(f"cannot write the workbook ({exc})", path=path) from exc


def write_agreement_workbook(path: Path, report: AgreementReport, *,
                             unit_disagreements: Sequence[Disagreement] = (),
                             texts: Mapping[Hashable, str] | None = None,
                             codebook: Codebook | None = None) -> None:
    """The whole report as an xlsx workbook (see the module's docstring for the sheets)."""
    path = Path(path)
    with replacing(path) as (tmp,):
        wb = _open_workbook(tmp)
        try:
            fmts = agreement_formats(wb)
            write_agreement_sheet(wb, report, fmts)
            _write_confusion(wb, report, fmts)
            _write_disagreements(wb, report, fmts, unit_disagreements, texts)
            _write_wide_sheet(wb, report, fmts, codebook)
            _write_codes_sheet(wb, report, fmts, codebook)
        finally:
            _close(wb, path)


def write_wide(path: Path, report: AgreementReport, codebook: Codebook | None = None) -> int:
    """The wide reliability data as .xlsx or .csv; returns the number of units."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        with replacing(path) as (tmp,):
            wb = _open_workbook(tmp)
            try:
                fmts = agreement_formats(wb)
                n = _write_wide_sheet(wb, report, fmts, codebook)
                _write_codes_sheet(wb, report, fmts, codebook)
            finally:
                _close(wb, path)
        return n
    if path.suffix.lower() != ".csv":
        raise UserError("the wide reliability data is written as .xlsx or .csv", path=path)
    header, rows = wide_table(report, codebook)
    _write_csv(path, header, rows)
    return len(rows)


def write_long_csv(path: Path, report: AgreementReport) -> int:
    """(unit, article_id, coder, claim_id, variable, value) rows; returns how many were
    written. article_id is the imported id and claim_id the claim's id, as in the coding
    sheet, so the two join."""
    path = Path(path)
    variables = [v.variable for v in report.variables]
    rows = long_rows(report.alignment, variables) if report.alignment is not None else []
    header = ["unit", "article_id", "coder", "claim_id", "variable", "value"]
    _write_csv(path, header, [[r[k] for k in header] for r in rows])
    return len(rows)


def _csv_cell(value: Any) -> Any:
    """Text that a spreadsheet would read as a formula gets a leading apostrophe; numbers
    (also negative ones written as text) stay as they are."""
    if value is None or not isinstance(value, str):
        return "" if value is None else value
    if _as_number(value) is not value:
        return value
    return csv_text(value)[0]


def _write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    with replacing(path) as (tmp,), open(tmp, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([_csv_cell(h) for h in header])
        writer.writerows([_csv_cell(v) for v in r] for r in rows)

"""Write the coding sheet's tables: an xlsx workbook (streamed with XlsxWriter), CSV files.

The writers take `Table`s (see `sheet_tables`; `annotator.sheet` fills them from a project) and
fill an `ExportReport`: row counts per sheet and notes on each cell that had to be changed
(control characters replaced, texts cut at Excel's limit), naming sheet, row and column. Each
file is written under a temporary name and renamed at the end.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.errors import UserError
from annotator.io.cells import csv_text, excel_can_date, over_cell_limit, sheet_text
from annotator.io.outfiles import replacing
from annotator.io.sheet_tables import ABOUT_LIST_COLUMN, Table, validation_lists

if TYPE_CHECKING:
    from annotator.agreement.report import AgreementReport
    from annotator.core.codebook import Codebook

MAX_NOTES = 50  # cell notes listed one by one; the rest are counted
CSV_NAMES = {"Claims": "claims.csv", "Sources": "sources.csv", "Articles": "articles.csv",
             "Codebook": "codebook.csv", "Summary": "summary.csv"}
_WORKBOOK_OPTIONS = {"constant_memory": True, "strings_to_formulas": False,
                     "strings_to_urls": False, "strings_to_numbers": False,
                     "remove_timezone": True}


@dataclass
class ExportReport:
    files: list[Path] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    more_notes: int = 0
    csv_guarded: int = 0
    dataset: str = ""

    def note(self, message: str) -> None:
        if len(self.notes) < MAX_NOTES:
            self.notes.append(message)
        else:
            self.more_notes += 1

    def lines(self) -> list[str]:
        out = [f"wrote {p}" for p in self.files]
        if self.dataset:
            out.append(f"dataset: {self.dataset}")
        out.append("rows: " + ", ".join(f"{k} {v:,}" for k, v in self.rows.items()))
        out += [f"  note: {n}" for n in self.notes]
        if self.more_notes:
            out.append(f"  note: {self.more_notes:,} more cell(s) changed the same way")
        if self.csv_guarded:
            out.append(f"  note: {self.csv_guarded:,} CSV cell(s) start with =, +, -, @, tab or "
                       "carriage return and got a leading ' so that spreadsheets keep them text")
        return out


# ---- xlsx --------------------------------------------------------------------------------
def write_xlsx(tables: Sequence[Table], book: Codebook, path: Path, report: ExportReport, *,
               project_id: str, project_file: str, force: bool = False,
               agreement: AgreementReport | None = None,
               validation: Mapping[str, Any] | None = None) -> None:
    """The tables as a workbook; the Agreement and Validation sheets, when given, go after the
    visible tables; the codebook's codes become drop-down lists."""
    import xlsxwriter

    lists = validation_lists(book)
    with replacing(path, force=force) as (tmp,):
        wb = xlsxwriter.Workbook(str(tmp), _WORKBOOK_OPTIONS)
        try:
            fmts = _formats(wb)
            first_hidden = next((t for t in tables if t.hidden), None)
            for table in tables:
                if table is first_hidden:  # Agreement goes after Summary, before hidden About
                    if agreement is not None:
                        _add_agreement_sheet(wb, agreement, fmts, report)
                    if validation is not None:
                        _add_validation_sheet(wb, validation, fmts, report)
                n = _write_sheet(wb, table, fmts, report)
                if not table.hidden:
                    report.rows[table.name] = n
            _add_validation(wb, tables, lists, report)
            _set_properties(wb, project_id, project_file)
        finally:
            _close(wb, path)
    report.files.append(path)


def _add_agreement_sheet(wb, agreement: AgreementReport, fmts: dict,
                         report: ExportReport) -> None:
    """The agreement report as its own sheet."""
    from annotator.io.agreement_export import write_agreement_sheet

    write_agreement_sheet(wb, agreement, {"header": fmts["header"]})
    report.rows["Agreement"] = agreement.n_units


def _add_validation_sheet(wb, validation: Mapping[str, Any], fmts: dict,
                          report: ExportReport) -> None:
    """The suggester validated against the reference coder, as `annotator validate` shows it."""
    from annotator.io.validation_export import write_validation_sheet

    write_validation_sheet(wb, validation, {"header": fmts["header"]})
    report.rows["Validation"] = validation["overall"]["articles"]


def _close(wb, path: Path) -> None:
    import xlsxwriter.exceptions

    try:
        wb.close()
    except xlsxwriter.exceptions.XlsxWriterException as exc:
        raise UserError(f"cannot write the workbook ({exc})", path=path) from exc


def _formats(wb) -> dict[str, object]:
    return {"header": wb.add_format({"bold": True, "bg_color": "#EEEEEE", "border": 1}),
            "wrap": wb.add_format({"text_wrap": True, "valign": "top"}),
            "date": wb.add_format({"num_format": "yyyy-mm-dd"}),
            "datetime": wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})}


def _write_sheet(wb, table: Table, fmts: dict, report: ExportReport) -> int:
    """Stream the rows into a new worksheet; return how many data rows it has."""
    ws = wb.add_worksheet(table.name)
    ncols = len(table.columns)
    for c, col in enumerate(table.columns):
        ws.set_column(c, c, col.width, fmts["wrap"] if col.wrap else None)
        ws.write_string(0, c, col.name, fmts["header"])
    wrap = [fmts["wrap"] if col.wrap else None for col in table.columns]
    kinds = [col.kind for col in table.columns]
    names = table.names
    write_string, write_number, write_datetime = ws.write_string, ws.write_number, \
        ws.write_datetime
    date_fmt, stamp_fmt = fmts["date"], fmts["datetime"]
    r = 0
    for r, row in enumerate(table.rows(), 1):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                if not value.isprintable() or over_cell_limit(value):
                    value = _checked(value, table.name, r, names[c], report)
                write_string(r, c, value, wrap[c])
            elif isinstance(value, bool):
                write_string(r, c, "yes" if value else "no", wrap[c])
            elif isinstance(value, int | float):
                write_number(r, c, value)
            elif isinstance(value, date) and not excel_can_date(value):
                write_string(r, c, _early_date(value, table.name, r, names[c], report))
            elif isinstance(value, datetime):
                write_datetime(r, c, value, date_fmt if kinds[c] == "date" and
                               value == datetime(value.year, value.month, value.day)
                               else stamp_fmt)
            elif isinstance(value, date):
                write_datetime(r, c, value, date_fmt)
            else:
                write_string(r, c, _checked(str(value), table.name, r, names[c], report))
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, r, ncols - 1)
    if table.hidden:
        ws.hide()
    return r


def _early_date(value: date, sheet: str, row: int, column: str, report: ExportReport) -> str:
    """A date Excel cannot hold (before March 1900) as ISO text, reported."""
    text = value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    report.note(f"{sheet} row {row + 1}, column {column}: the date {text} is before 1900-03-01, "
                "where Excel's calendar is wrong or ends; written as text")
    return text


def _checked(value: str, sheet: str, row: int, column: str, report: ExportReport) -> str:
    cleaned, note = sheet_text(value)
    if note:
        report.note(f"{sheet} row {row + 1}, column {column}: {note}")
    return cleaned


def _add_validation(wb, tables: Sequence[Table], lists: dict[str, list[str]],
                    report: ExportReport) -> None:
    """Drop-down lists of the codebook's codes on the coded columns of Claims and Sources."""
    for table in tables:
        if table.name not in ("Claims", "Sources"):
            continue
        ws = wb.get_worksheet_by_name(table.name)
        last = max(report.rows.get(table.name, 0), 1)
        for c, col in enumerate(table.columns):
            if col.variable in lists:
                ws.data_validation(1, c, last, c, _list_rule(col.variable, lists))


def _list_rule(variable: str, lists: dict[str, list[str]]) -> dict:
    """Codes inline when they fit Excel's 255 characters, else a range in the About sheet."""
    from xlsxwriter.utility import xl_col_to_name

    codes = lists[variable]
    rule: dict = {"validate": "list", "ignore_blank": True, "error_type": "stop",
                  "error_title": f"Not a value of {variable}"[:32],
                  "error_message": f"Choose one of the codebook's values for {variable}"[:255]}
    if len(",".join(codes)) <= 250 and not any("," in c or '"' in c for c in codes):
        rule["source"] = codes
    else:
        letter = xl_col_to_name(ABOUT_LIST_COLUMN + list(lists).index(variable))
        rule["source"] = f"=About!${letter}$2:${letter}${len(codes) + 1}"
    return rule


def _set_properties(wb, project_id: str, project_file: str) -> None:
    wb.set_properties({"title": "Coding sheet", "subject": f"annotator project {project_file}",
                       "comments": f"project id {project_id}"})
    wb.set_custom_property("annotator_project_id", project_id)


# ---- CSV ---------------------------------------------------------------------------------
def write_csv(tables: Sequence[Table], folder: Path, report: ExportReport, *,
              bom: bool = True, force: bool = False) -> None:
    """The visible tables as UTF-8 CSV files, texts whole. Each starts with a byte order mark
    unless `bom` is false: without it Excel on Windows reads the file in the local code page and
    garbles "Zoë", "één" and emoji; pandas, R's readr and LibreOffice read the mark as such."""
    tables = [t for t in tables if not t.hidden]
    targets = [folder / CSV_NAMES[t.name] for t in tables]
    with replacing(*targets, force=force) as temps:
        for table, tmp in zip(tables, temps, strict=True):
            n = _write_csv_table(table, tmp, bom, report)
            report.rows.setdefault(table.name, n)
    report.files.extend(targets)


def _write_csv_table(table: Table, path: Path, bom: bool, report: ExportReport) -> int:
    n = 0
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(table.names)
        for row in table.rows():
            out.writerow([_csv_value(v, report) for v in row])
            n += 1
    return n


def _csv_value(value: object, report: ExportReport) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        text, guarded = csv_text(value)
        report.csv_guarded += guarded
        return text
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value

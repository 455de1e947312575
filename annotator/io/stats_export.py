"""The Claims table for SPSS (.sav) and Stata (.dta), with labelled numeric codes (pyreadstat).

Coded columns carry the codebook's `numeric` codes with value labels, every column a variable
label, dates are real dates. A researcher opens the file and sees labelled variables. An empty
text is "" (neither format has string missing).

Stata: release 118 (Stata 14+), which R's haven, pandas and Stata all read; release 119 (what
pyreadstat writes by default) reads as empty strings in haven when a text needs a strL. Texts
stay whole and exact. SPSS: a string holds at most 32,767 bytes (a longer one makes a file that
neither SPSS, haven nor pyreadstat opens), so longer texts are cut with a marker; and SPSS pads
strings, so trailing spaces are lost. Both are reported, column by column.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from annotator.core.codebook import Codebook, Variable
from annotator.core.model import ORIGINS
from annotator.io.cells import cut_marker
from annotator.io.outfiles import replacing
from annotator.io.sheet_tables import SUGGESTED, Column, Table

STATUS_CODES = {name: i for i, name in enumerate((*ORIGINS, SUGGESTED), 1)}
STATA_VERSION = 14  # release 118: strL that haven reads (119 reads as "")
SPSS_STRING_BYTES = 32_767


def write_stats(table: Table, book: Codebook, *, sav: Path | None, dta: Path | None,
                report: Any, force: bool = False) -> None:
    """Write the Claims table to `sav` and/or `dta`, each under a temporary name first."""
    import pyreadstat

    frame, labels, value_labels = claims_frame(table, book)
    for target, writer, stata in ((sav, pyreadstat.write_sav, False),
                                  (dta, pyreadstat.write_dta, True)):
        if target is None:
            continue
        target = Path(target)
        vlabels = _stata_labels(value_labels) if stata else value_labels
        extra: dict[str, Any]
        if stata:
            out, extra = frame, {"version": STATA_VERSION}
            _note_padded(frame, target, report, "exact in Stata and pandas; R's haven drops "
                         "them when reading")
        else:
            out = _spss_frame(frame, target, report)
            extra = {"variable_measure": _measures(book, frame, value_labels)}
        with replacing(target, force=force) as (tmp,):
            try:
                writer(out, str(tmp), column_labels=labels, variable_value_labels=vlabels,
                       **extra)
            except Exception as exc:  # pyreadstat raises its own error types
                from annotator.core.errors import UserError

                raise UserError(f"cannot write the file ({exc})", path=target) from exc
        report.files.append(target)
        report.rows.setdefault("Claims", len(frame))


def _spss_frame(frame: Any, target: Path, report: Any) -> Any:
    """The frame with texts cut to SPSS's 32,767 bytes; reports cut texts and trailing spaces."""
    out = frame.copy()
    for column in frame.columns:
        if frame[column].dtype != object:
            continue
        values = frame[column].tolist()
        cut = [spss_text(v) for v in values]
        over = sum(1 for v, c in zip(values, cut, strict=True) if c is not v)
        if over:
            out[column] = cut
            report.note(f"{target.name}, column {column}: {over:,} text(s) over SPSS's "
                        f"{SPSS_STRING_BYTES:,} bytes cut with a marker (the .dta and CSV keep "
                        "them whole)")
    _note_padded(frame, target, report, "SPSS drops them (not exact in .sav; the CSV and "
                 "xlsx keep them)")
    return out


def _note_padded(frame: Any, target: Path, report: Any, what: str) -> None:
    """Report text columns with values that end in spaces: not every reader keeps those."""
    for column in frame.columns:
        if frame[column].dtype != object:
            continue
        padded = sum(1 for v in frame[column] if isinstance(v, str) and v.endswith(" "))
        if padded:
            report.note(f"{target.name}, column {column}: {padded:,} value(s) end in spaces; "
                        f"{what}")


def spss_text(value: Any) -> Any:
    """`value` cut to SPSS's string limit in UTF-8 bytes, with the cut marker; else itself."""
    if not isinstance(value, str) or len(value) * 4 <= SPSS_STRING_BYTES:
        return value
    raw = value.encode("utf-8")
    if len(raw) <= SPSS_STRING_BYTES:
        return value
    marker = cut_marker(len(value))
    room = SPSS_STRING_BYTES - len(marker.encode("utf-8"))
    return raw[:room].decode("utf-8", errors="ignore") + marker


def claims_frame(table: Table, book: Codebook) -> tuple[Any, dict[str, str | None],
                                                       dict[str, dict]]:
    """The Claims table as a DataFrame with numeric codes, its variable and value labels."""
    import pandas as pd

    data: dict[str, list] = {c.name: [] for c in table.columns}
    names = table.names
    for row in table.rows():
        for name, value in zip(names, row, strict=True):
            data[name].append(value)
    frame = pd.DataFrame({c.name: _series(c, data[c.name], book) for c in table.columns})
    labels: dict[str, str | None] = {c.name: c.label or c.name for c in table.columns}
    value_labels = {c.name: _value_labels(book, c.variable) for c in table.columns
                    if _is_coded(book, c)}
    value_labels["status"] = {i: name for name, i in STATUS_CODES.items()}
    return frame, labels, value_labels


def _is_coded(book: Codebook, col: Column) -> bool:
    return _coded_var(book, col) is not None


def _coded_var(book: Codebook, col: Column) -> Variable | None:
    """The categorical variable the column holds, if it holds one."""
    var = book.variable(col.variable) if col.variable else None
    return var if var is not None and var.is_categorical else None


def _value_labels(book: Codebook, name: str | None) -> dict[float, str]:
    var = book.variable(name or "")
    return {v.numeric: v.label for v in var.values} if var else {}


def _series(col: Column, values: list, book: Codebook) -> Any:
    import pandas as pd

    if col.name == "status":
        return pd.Series([STATUS_CODES.get(v) for v in values], dtype="float64")
    if (var := _coded_var(book, col)) is not None:
        codes = {v.code: v.numeric for v in var.values}
        return pd.Series([codes.get(v) for v in values], dtype="float64")
    if col.kind in ("int", "number"):
        return pd.Series(values, dtype="float64")
    if col.kind in ("date", "datetime") and all(v is None or isinstance(v, date) for v in values):
        return pd.to_datetime(pd.Series([_as_datetime(v) for v in values], dtype="object"))
    return pd.Series([_as_text(v) for v in values], dtype="object")


def _as_datetime(value: date | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day)


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _stata_labels(value_labels: dict[str, dict]) -> dict[str, dict]:
    """Stata labels whole numbers only: a variable with a fractional code keeps its numbers."""
    return {name: {int(k): v for k, v in labels.items()} for name, labels in value_labels.items()
            if all(float(k).is_integer() for k in labels)}


def _measures(book: Codebook, frame, value_labels: dict) -> dict[str, str]:
    """SPSS measurement levels: the codebook's (ordinal, nominal; interval and ratio are
    'scale'), offsets and counts 'scale', other labelled codes nominal."""
    spss = {"nominal": "nominal", "ordinal": "ordinal", "interval": "scale", "ratio": "scale"}
    out = {}
    for column in frame.columns:
        variable = book.variable(column)
        if variable is None and column == "source_type":
            variable = book.variable("type")
        if variable is not None:
            out[column] = spss[variable.measure]
        elif column in value_labels:
            out[column] = "nominal"
        elif str(frame[column].dtype).startswith(("int", "float")):
            out[column] = "scale"
    return out

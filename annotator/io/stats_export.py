"""The coding sheet's tables for SPSS (.sav) and Stata (.dta), one file per table (pyreadstat).

`--sav study.sav` writes study_claims.sav, study_sources.sav and study_articles.sav (the
name given, with the table's name added; `stats_path`), so that each file is one rectangular
dataset a researcher merges on `article_id` / `source_id`.

Coded columns carry the codebook's `numeric` codes with value labels; the sheet's own coded
columns (a claim's or source's origin, a coder's progress on an article) are numbered 1, 2, ...
with their values as labels; every column has a variable label; dates are real dates.
Offsets, counts and whole-number codes are integers (Stata `long`, SPSS F8.0), with a missing
value (Stata `.`, SPSS system-missing) where a row has none; a codebook with a fractional code
keeps that column's codes as doubles. An empty text is "" (neither format has string missing).

Stata: release 118 (Stata 14+), which R's haven, pandas and Stata all read; release 119 (what
pyreadstat writes by default) reads as empty strings in haven when a text needs a strL. Texts
stay whole and exact. SPSS: a string holds at most 32,767 bytes (a longer one makes a file that
neither SPSS, haven nor pyreadstat opens), so longer texts are cut with a marker; and SPSS pads
strings, so trailing spaces are lost. Both are reported, file by file and column by column.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from annotator.core.codebook import Codebook, Variable
from annotator.io.cells import cut_marker
from annotator.io.outfiles import replacing
from annotator.io.sheet_tables import Column, Table

STATA_VERSION = 14  # release 118: strL that haven reads (119 reads as "")
SPSS_STRING_BYTES = 32_767
# pandas' nullable 32-bit integer: pyreadstat writes it as Stata `long` (int64 would become a
# double) and as SPSS F8.0, with missing values where a row has none
INTEGER = "Int32"


def stats_path(base: Path, table: str) -> Path:
    """The file of one table: `study.sav` and Claims give `study_claims.sav`."""
    base = Path(base)
    return base.with_name(f"{base.stem}_{table.lower()}{base.suffix}")


def stats_targets(tables: Sequence[str], *, sav: Path | None, dta: Path | None) -> list[Path]:
    """Every file `write_stats` writes for these tables, SPSS's first."""
    return [stats_path(base, name) for base in (sav, dta) if base is not None for name in tables]


def write_stats(tables: Sequence[Table], book: Codebook, *, sav: Path | None, dta: Path | None,
                report: Any, force: bool = False) -> None:
    """Write each table to its .sav and/or .dta file, each under a temporary name first."""
    for table in tables:
        frame, labels, value_labels = table_frame(table, book)
        for base, stata in ((sav, False), (dta, True)):
            if base is not None:
                _write_one(frame, labels, value_labels, book, stats_path(base, table.name),
                           stata, report, force)
        report.rows.setdefault(table.name, len(frame))


def _write_one(frame: Any, labels: dict[str, str | None], value_labels: dict[str, dict],
               book: Codebook, target: Path, stata: bool, report: Any, force: bool) -> None:
    import pyreadstat

    writer: Any
    extra: dict[str, Any]
    if stata:
        out, writer = frame, pyreadstat.write_dta
        vlabels = _stata_labels(value_labels)
        extra = {"version": STATA_VERSION}
        _note_padded(frame, target, report, "exact in Stata and pandas; R's haven drops "
                     "them when reading")
    else:
        out, writer, vlabels = _spss_frame(frame, target, report), pyreadstat.write_sav, \
            value_labels
        extra = {"variable_measure": _measures(book, frame, value_labels)}
    with replacing(target, force=force) as (tmp,):
        try:
            writer(out, str(tmp), column_labels=labels, variable_value_labels=vlabels, **extra)
        except Exception as exc:  # pyreadstat raises its own error types
            from annotator.core.errors import UserError

            raise UserError(f"cannot write the file ({exc})", path=target) from exc
    report.files.append(target)


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


def table_frame(table: Table, book: Codebook) -> tuple[Any, dict[str, str | None],
                                                     dict[str, dict]]:
    """A table as a DataFrame with numeric codes, its variable and value labels."""
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
    value_labels.update({c.name: dict(enumerate(c.codes, 1)) for c in table.columns if c.codes})
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

    if col.codes:
        numbers = {code: i for i, code in enumerate(col.codes, 1)}
        return pd.Series([numbers.get(v) for v in values], dtype=INTEGER)
    if (var := _coded_var(book, col)) is not None:
        codes = {v.code: v.numeric for v in var.values}
        whole = all(float(n).is_integer() for n in codes.values())
        return pd.Series([codes.get(v) for v in values], dtype=INTEGER if whole else "float64")
    if col.kind == "int":
        return pd.Series(values, dtype=INTEGER)
    if col.kind == "number":
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
        elif str(frame[column].dtype).lower().startswith(("int", "float")):
            out[column] = "scale"
    return out

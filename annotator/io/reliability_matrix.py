"""Reliability data from a CSV for `annotator agreement --matrix`.

Two layouts:
- the matrix: a row per coder (first cell the coder's name), a column per unit (header row:
  unit ids), as Krippendorff's and irr's examples print it;
- the wide file `annotator agreement --wide` writes: a row per unit, a column per variable
  and coder (`certainty_anna`); one variable is read (`--variable`).

One rule for odd cells, at every level: the tokens in resources/agreement/missing_values.json
(empty, NA, N/A, #N/A, NaN, ".", any case) are missing; at ordinal, interval and ratio level
every other cell must be a finite number (inf, Infinity, 1e400 are refused with the cell
named); at nominal level every other cell is a category.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from annotator.core.errors import UserError
from annotator.paths import resource

# The first columns of the wide reliability data the project writes (agreement_export).
WIDE_FIRST_COLUMN = "unit"
WIDE_MARKER = "article_id"


@cache
def _listed() -> tuple[str, ...]:
    with resource("agreement", "missing_values.json").open(encoding="utf-8") as handle:
        return tuple(t.strip() for t in json.load(handle)["missing"])


def missing_tokens() -> frozenset[str]:
    """The cells that count as missing, upper-cased (compare with `cell.strip().upper()`)."""
    return frozenset(t.upper() for t in _listed())


def missing_help() -> str:
    """The missing tokens as --help shows them."""
    return ", ".join("empty" if t == "" else t for t in _listed())


def is_missing_cell(cell: str) -> bool:
    return cell.strip().upper() in missing_tokens()


@dataclass(frozen=True)
class Matrix:
    coders: list[str]
    units: list[str]
    rows: list[list[Any]]  # one row per coder, one value per unit (None = missing)
    layout: str  # "matrix" or "wide"


def _dialect(first_line: str) -> str:
    """Comma, semicolon (Excel in Dutch or German) or tab: whichever the header uses most."""
    return max((",", ";", "\t"), key=first_line.count)


def _read_rows(path: Path) -> list[tuple[int, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError("no such file", path=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read the file ({exc}); save it as UTF-8 CSV", path=path) from None
    lines = text.splitlines()
    reader = csv.reader(lines, delimiter=_dialect(lines[0] if lines else ","))
    try:
        return [(n, r) for n, r in enumerate(reader, start=1) if any(c.strip() for c in r)]
    except csv.Error as exc:
        raise UserError(f"not a readable CSV ({exc})", path=path,
                        where=f"row {reader.line_num}") from None


def read_matrix(path: Path, level: str, variable: str | None = None) -> Matrix:
    """Coder names, unit ids and one row of values per coder; UserError naming file and row."""
    rows = _read_rows(path)
    if not rows:
        raise UserError("the file is empty: expected a header row of unit ids and a row per "
                        "coder", path=path, where="row 1")
    header_no, header = rows[0]
    if is_wide_header(header):
        return _read_wide(path, rows, level, variable)
    if variable is not None:
        raise UserError("--variable picks a variable from the wide reliability data "
                        "(`agreement --wide`); this file is a matrix (a row per coder)",
                        path=path)
    units = [c.strip() for c in header[1:]]
    _check_units(path, header_no, units)
    body = rows[1:]
    if not body:
        raise UserError("no coder rows below the header", path=path, where=f"row {header_no + 1}")
    names: list[str] = []
    values: list[list[Any]] = []
    for number, row in body:
        name, cells = _check_row(path, number, row, units, names)
        names.append(name)
        values.append(_row_values(path, f"row {number}", units, cells, level))
    return Matrix(names, units, values, "matrix")


def is_wide_header(header: Sequence[str]) -> bool:
    cells = [c.strip() for c in header]
    return bool(cells) and cells[0] == WIDE_FIRST_COLUMN and WIDE_MARKER in cells


def _check_units(path: Path, header_no: int, units: list[str]) -> None:
    where = f"row {header_no}"
    if not units:
        raise UserError("the header row names no units (one column per unit after the first)",
                        path=path, where=where)
    seen: dict[str, int] = {}
    for col, unit in enumerate(units, start=2):
        if not unit:
            raise UserError(f"column {col} of the header has no unit id", path=path,
                            where=where)
        if unit in seen:
            raise UserError(f"unit id {unit!r} appears twice (columns {seen[unit]} and {col}); "
                            "every unit needs its own id", path=path, where=where)
        seen[unit] = col


def _row_values(path: Path, where: str, units: list[str], cells: list[str],
                level: str) -> list[Any]:
    if level == "nominal":
        return [None if is_missing_cell(c) else c.strip() for c in cells]
    import numpy as np

    try:  # fast path: numpy parses the whole row; any doubt falls back to cell by cell
        missing = [is_missing_cell(c) for c in cells]
        row = np.array(["nan" if m else c for c, m in zip(cells, missing, strict=True)],
                       dtype=float)
        present = row[~np.array(missing, dtype=bool)]
        if np.isfinite(present).all() and not (level == "ratio" and (present < 0).any()):
            return [None if m else v for v, m in zip(row.tolist(), missing, strict=True)]
    except ValueError:
        pass
    return [_number(path, where, units[i], c, level) for i, c in enumerate(cells)]


def _check_row(path: Path, number: int, row: list[str], units: list[str],
               seen: list[str]) -> tuple[str, list[str]]:
    where = f"row {number}"
    name = row[0].strip()
    if not name:
        raise UserError("the first cell must hold the coder's name", path=path, where=where)
    if name in seen:
        raise UserError(f"coder {name!r} appears twice", path=path, where=where)
    cells = row[1:]
    # trailing empty cells beyond the last unit (spreadsheet export) are harmless
    while len(cells) > len(units) and not cells[-1].strip():
        cells.pop()
    if len(cells) != len(units):
        raise UserError(f"{len(cells)} values for {len(units)} units in the header", path=path,
                        where=where)
    return name, cells


def _number(path: Path, where: str, unit: str, cell: str, level: str) -> float | None:
    text = cell.strip()
    if text.upper() in missing_tokens():
        return None
    try:
        value = float(text.replace(",", ".")) if text.count(",") == 1 and "." not in text \
            else float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise UserError(f"{text!r} is not a finite number ({level} values must be finite "
                        f"numbers; missing is one of: {missing_help()})",
                        path=path, where=f"{where}, unit {unit}")
    if level == "ratio" and value < 0:
        raise UserError(f"{text!r} is negative (ratio values must be 0 or more)", path=path,
                        where=f"{where}, unit {unit}")
    return value


# ---- the project's own wide layout ---------------------------------------------------------

CLAIM_PREFIX = "claim_id_"  # the wide file's claim id column per coder (agreement_export)


def _wide_coders(header: Sequence[str]) -> list[str] | None:
    """The coders, from the claim id columns (None in a wide file written before them)."""
    coders = [c[len(CLAIM_PREFIX):] for c in header if c.startswith(CLAIM_PREFIX)]
    return coders or None


def _wide_variables(header: Sequence[str]) -> list[str]:
    """Variables in a wide header: `variable_coder` columns (before the last underscore when
    the coders are not known)."""
    skip = {WIDE_FIRST_COLUMN, WIDE_MARKER, "start", "end"}
    coders = _wide_coders(header)
    names = []
    for c in header:
        if c in skip or c.startswith(CLAIM_PREFIX):
            continue
        if coders is None:
            names += [c.rsplit("_", 1)[0]] if "_" in c else []
        else:
            names += [c[:-len(k) - 1] for k in coders if c.endswith(f"_{k}")][:1]
    return list(dict.fromkeys(names))


def _variable_columns(header: list[str], variable: str) -> list[tuple[int, str]]:
    coders = _wide_coders(header)
    if coders is None:
        prefix = f"{variable}_"
        return [(i, c[len(prefix):]) for i, c in enumerate(header) if c.startswith(prefix)]
    return [(header.index(f"{variable}_{k}"), k) for k in coders if f"{variable}_{k}" in header]


def _read_wide(path: Path, rows: list[tuple[int, list[str]]], level: str,
               variable: str | None) -> Matrix:
    header_no, raw = rows[0]
    header = [c.strip() for c in raw]
    if variable is None:
        found = ", ".join(_wide_variables(header)) or "none"
        raise UserError("this is the wide reliability data `annotator agreement --wide` "
                        "writes (a row per unit, a column per variable and coder): name the "
                        f"variable to read with --variable (found: {found})", path=path,
                        where=f"row {header_no}")
    columns = _variable_columns(header, variable)
    if len(columns) < 1:
        raise UserError(f"no column for variable {variable!r} (expected {variable}_CODER; found "
                        f"variables: {', '.join(_wide_variables(header)) or 'none'})",
                        path=path, where=f"row {header_no}")
    unit_col = header.index(WIDE_FIRST_COLUMN)
    units = [row[unit_col].strip() if unit_col < len(row) else "" for _, row in rows[1:]]
    if not units:
        raise UserError("no unit rows below the header", path=path, where=f"row {header_no + 1}")
    _check_wide_units(path, rows[1:], units)
    values: list[list[Any]] = []
    for col, _ in columns:
        cells = []
        for number, row in rows[1:]:
            if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
                raise UserError(f"{len(row)} cells for {len(header)} columns in the header",
                                path=path, where=f"row {number}")
            cells.append(row[col] if col < len(row) else "")
        values.append(_row_values(path, f"column {header[col]}", units, cells, level))
    return Matrix([c for _, c in columns], units, values, "wide")


def _check_wide_units(path: Path, body: list[tuple[int, list[str]]], units: list[str]) -> None:
    seen: dict[str, int] = {}
    for (number, _), unit in zip(body, units, strict=True):
        if not unit:
            raise UserError("the unit column is empty", path=path, where=f"row {number}")
        if unit in seen:
            raise UserError(f"unit id {unit!r} appears twice (rows {seen[unit]} and {number})",
                            path=path, where=f"row {number}")
        seen[unit] = number

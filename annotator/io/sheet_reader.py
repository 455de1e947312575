"""Reading a coding sheet workbook back with openpyxl, cell by cell, keeping row and column.

Only what read-back needs: the About facts, a sheet's header, its rows as cells, the merged
ranges (which read-only openpyxl does not expose) and a cell's value as plain text or number.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import UserError

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


class Problem(Exception):
    """A cell that cannot be read as a value; the message says why."""


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def open_workbook(path: Path) -> Any:
    """The workbook, read-only, after the zip/XML guard `import` uses (sizes, ratios, DTDs)."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    from annotator.io.zip_guard import check_office_zip

    if not path.is_file():
        raise UserError("no such file", path=path)
    _check_suffix(path)
    check_office_zip(path, "Excel")
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, InvalidFileException) as exc:
        raise UserError(f"not an Excel workbook (.xlsx) that can be read ({exc})",
                        path=path) from exc


def _check_suffix(path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raise UserError("this is a CSV file; a coding sheet is read back from the .xlsx workbook "
                        "that `annotator export --xlsx` wrote (CSV keeps no record of the "
                        "exported values), so export an .xlsx and edit that", path=path)
    if suffix not in WORKBOOK_SUFFIXES:
        raise UserError(f"not an Excel workbook (.xlsx): a coding sheet is read back from the "
                        f"workbook `annotator export --xlsx` wrote; save {suffix or 'it'} as "
                        ".xlsx first", path=path)


def about_facts(ws: Any) -> dict[str, str]:
    facts = {}
    for row in ws.iter_rows(min_row=2, max_col=2, values_only=True):
        if row and row[0] is not None:
            facts[str(row[0])] = "" if row[1] is None else str(row[1])
    return facts


def header(ws: Any) -> list[str | None]:
    for row in ws.iter_rows(min_row=1, max_row=1, values_only=True):
        return [None if v is None else str(v).strip() for v in row]
    return []


def data_rows(ws: Any) -> Iterator[tuple[int, tuple]]:
    """(Excel row number, cells) for each row below the header that holds anything."""
    for number, cells in enumerate(ws.iter_rows(min_row=2), 2):
        if any(getattr(c, "value", None) not in (None, "") for c in cells):
            yield number, cells


def merged_ranges(ws: Any) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of each merged range in a read-only worksheet."""
    from openpyxl.utils.cell import range_boundaries

    archive, member = getattr(ws.parent, "_archive", None), getattr(ws, "_worksheet_path", None)
    if archive is None or member is None:
        return []
    found, tail = [], b""
    with archive.open(member) as fh:
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            found += [m.group(1).decode() for m in _MERGE.finditer(data)]
            tail = data[-200:]
            found = list(dict.fromkeys(found))  # a match inside the overlap counts once
    return [range_boundaries(ref if ":" in ref else f"{ref}:{ref}") for ref in found]


def cell_value(cell: Any) -> str | int | float | None:
    """A cell as text or number; formulas, errors, dates and booleans are problems."""
    kind, value = getattr(cell, "data_type", "n"), getattr(cell, "value", None)
    if value is None:
        return None
    if kind == "f":
        raise Problem(f"holds a formula ({str(value)[:40]}); type the value itself")
    if kind == "e":
        raise Problem(f"holds the error value {value}")
    if kind == "b" or isinstance(value, bool):
        raise Problem(f"holds TRUE/FALSE ({value}), not a value")
    if kind == "d" or not isinstance(value, str | int | float):
        raise Problem(f"holds a date or time ({value}), not a value")
    if isinstance(value, str):
        return unescape(value)
    return int(value) if isinstance(value, float) and value.is_integer() else value


def unescape(text: str) -> str:
    """Undo Excel's _xHHHH_ escapes (openpyxl leaves them in place)."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)

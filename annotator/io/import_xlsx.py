"""Excel workbooks (.xlsx): one article per row of the first sheet (or the `sheet` option),
read in openpyxl's streaming mode after the zip-bomb and hostile-XML checks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import ImportProblem
from annotator.core.model import ArticleRecord, ImportNote
from annotator.io.import_tables import TableReader, map_columns, unique_headers
from annotator.io.zip_guard import check_office_zip


def read_xlsx(path: Path, **options: Any) -> Iterator[ArticleRecord | ImportProblem | ImportNote]:
    try:
        check_office_zip(path, "Excel")
        workbook = _open(path)
    except ImportProblem as problem:
        yield problem
        return
    try:
        sheet = _sheet(workbook, path, options.get("sheet"))
        yield from _read_sheet(sheet, path, options)
    except ImportProblem as problem:
        yield problem
    finally:
        workbook.close()


def _open(path: Path) -> Any:
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on broken files: all mean unreadable
        raise ImportProblem(f"cannot read this Excel file ({type(exc).__name__}: {exc})",
                            path=path) from exc


def _sheet(workbook: Any, path: Path, wanted: object) -> Any:
    """The sheet named `wanted`, or numbered (from 1), or the first one."""
    names = workbook.sheetnames
    if wanted in (None, ""):
        return workbook.worksheets[0]
    if str(wanted) in names:
        return workbook[str(wanted)]
    if str(wanted).isdigit() and 1 <= int(str(wanted)) <= len(names):
        return workbook.worksheets[int(str(wanted)) - 1]
    raise ImportProblem(f"there is no sheet {wanted!r}; the workbook has "
                        f"{', '.join(repr(n) for n in names)}", path=path)


def _read_sheet(sheet: Any, path: Path, options: dict[str, Any]
                ) -> Iterator[ArticleRecord | ImportProblem | ImportNote]:
    rows = enumerate(sheet.iter_rows(values_only=True), start=1)
    headers: list[str] = []
    for _number, cells in rows:  # the header is the first row with anything in it
        if any(c is not None and str(c).strip() for c in cells):
            headers = unique_headers(cells)
            break
    if not headers:
        yield ImportProblem(f"sheet {sheet.title!r} is empty", path=path)
        return
    table = TableReader(path, map_columns(headers, path, options), options)
    yield table.columns_note()
    found = False
    for number, cells in rows:
        found = True
        yield from table.records([(number, _values(headers, cells))])
    if not found:
        yield ImportProblem(f"sheet {sheet.title!r} has a header but no rows", path=path)


def _values(headers: list[str], cells: tuple[Any, ...]) -> dict[str, Any]:
    values = dict(zip(headers, cells, strict=False))
    for i, extra in enumerate(cells[len(headers):], start=len(headers) + 1):
        if extra is not None and str(extra).strip():
            values[f"column {i}"] = extra
    return values

"""CSV and TSV tables, streamed row by row; the delimiter (; , or tab) is read off the header."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import ImportProblem
from annotator.core.model import ArticleRecord, ImportNote
from annotator.io.import_encoding import decode_failure, open_text
from annotator.io.import_tables import MAX_CELL_CHARS, TableReader, map_columns, unique_headers

# Cells between the 10 MB we accept and this are read, then reported; larger ones end the file.
CSV_FIELD_LIMIT = 8 * MAX_CELL_CHARS
# A row spanning more lines than this is a quote opened and never closed, swallowing the rows
# after it: a long news article has a few hundred paragraphs, not thousands.
MAX_ROW_LINES = 2000
DELIMITERS = ";,\t|"


def read_csv(path: Path, **options: Any) -> Iterator[ArticleRecord | ImportProblem | ImportNote]:
    try:
        stream, encoding = open_text(path)
    except ImportProblem as problem:
        yield problem
        return
    with stream:
        try:
            yield from _read_rows(stream, path, encoding, options)
        except UnicodeDecodeError:
            yield decode_failure(path, encoding, "the header")


def sniff_delimiter(header_line: str, suffix: str) -> str:
    """The delimiter the header line uses most (tab for .tsv files); comma when it has none."""
    if suffix == ".tsv":
        return "\t"
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_rows(stream: TextIO, path: Path, encoding: str,
               options: dict[str, Any]) -> Iterator[ArticleRecord | ImportProblem | ImportNote]:
    first = stream.readline()
    stream.seek(0)
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    # strict: a quote that closes a cell must be followed by the delimiter, and a quote still
    # open at the end of the file is an error (by default csv silently ends the cell there)
    reader = csv.reader(stream, delimiter=sniff_delimiter(first, path.suffix.lower()),
                        strict=True)
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        yield ImportProblem("the first row (the header) is empty", path=path)
        return
    headers = unique_headers(header)
    try:
        columns = map_columns(headers, path, options)
    except ImportProblem as problem:
        yield problem
        return
    table = TableReader(path, columns, options, encoding)
    yield table.columns_note()
    number = 1
    while True:
        number += 1
        first_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield _broken_row(table, number, first_line, str(exc))
            return
        except UnicodeDecodeError:
            yield decode_failure(path, encoding, f"row {number}")
            return
        if reader.line_num - first_line >= MAX_ROW_LINES:
            yield _broken_row(table, number, first_line, f"the row runs over "
                                                         f"{reader.line_num - first_line + 1:,} "
                                                         "lines")
            return
        yield from table.records([(number, _row_values(headers, row))])
    if number == 2:
        yield ImportProblem("the table has a header but no rows", path=path)


def _broken_row(table: TableReader, number: int, line: int, what: str) -> ImportProblem:
    """A row the csv reader cannot end cleanly: almost always a stray quote, which takes the
    rows after it into one cell. The whole file is refused: its rows cannot be told apart."""
    return ImportProblem(f"cannot read this row, which starts on line {line:,} ({what}): a "
                         f"quote (\") opened in it is probably never closed, or a cell is "
                         f"over {CSV_FIELD_LIMIT // 2**20} MB. Fix the quote (a quote inside "
                         "a quoted cell is written twice: \"\") and import the file again",
                         path=table.path, where=f"row {number}", refuses_file=True)


def _row_values(headers: list[str], row: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = dict(zip(headers, row, strict=False))
    for i, extra in enumerate(row[len(headers):], start=len(headers) + 1):
        if extra.strip():
            values[f"column {i}"] = extra
    return values

"""Tables with one article per row (.csv, .xlsx, .jsonl): which column holds what, and rows to
records.

Columns are found by common names, case-insensitively ("Article ID" matches `article_id`), or
named with the `*_column` options. Columns that are not article fields go to `metadata`.
Rows are numbered as a spreadsheet shows them: the header is row 1.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.errors import ImportProblem, display_path
from annotator.core.model import ArticleRecord, ImportNote
from annotator.core.text import normalise_newlines
from annotator.core.textcheck import find_problem
from annotator.io.import_common import TITLE_CHARS, first_line_title, language_code
from annotator.io.import_dates import normalise_date
from annotator.paths import resource

MAX_CELL_CHARS = 10 * 1024 * 1024

# article field -> the option naming its column; the names recognised without the option are
# data: resources/io/columns.json
OPTIONS: dict[str, str] = {"text": "text_column", "ext_id": "id_column",
                           "title": "title_column", "outlet": "outlet_column",
                           "date": "date_column", "url": "url_column",
                           "language": "language_column"}
# how the mapping report names a field
FIELD_NAMES = {"text": "text", "ext_id": "id", "title": "title", "outlet": "outlet",
               "date": "date", "url": "url", "language": "language"}


@functools.cache
def known_names() -> dict[str, tuple[str, ...]]:
    """Article field -> column names recognised for it, from resources/io/columns.json."""
    data = json.loads(resource("io", "columns.json").read_text(encoding="utf-8"))
    return {field: tuple(column_key(n) for n in data[field]) for field in OPTIONS}


def column_key(name: object) -> str:
    """How column names are compared: "  Article-ID " and "article_id" are the same."""
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def unique_headers(cells: Sequence[object]) -> list[str]:
    """Header cells as names: blank ones become "column 3", repeats "title (2)"."""
    out: list[str] = []
    for i, cell in enumerate(cells, start=1):
        name = "" if cell is None else str(cell).strip()
        name = name or f"column {i}"
        base, n = name, 2
        while name in out:
            name, n = f"{base} ({n})", n + 1
        out.append(name)
    return out


@dataclass(frozen=True)
class ColumnMap:
    """Which header holds each article field; the rest are metadata."""

    fields: dict[str, str]
    headers: tuple[str, ...]

    def describe(self) -> str:
        """How every column was read, for the import report."""
        by_header = {h: f for f, h in self.fields.items()}
        used = [f"{FIELD_NAMES[f]} = {h!r}" for f, h in self.fields.items()]
        rest = [repr(h) for h in self.headers if h not in by_header]
        missing = [FIELD_NAMES[f] for f in OPTIONS if f not in self.fields]
        out = ", ".join(used)
        if rest:
            out += f"; kept as metadata: {', '.join(rest[:30])}"
            out += f" and {len(rest) - 30} more" if len(rest) > 30 else ""
        if missing:
            out += f"; no {', '.join(missing)} column"
        return out


def map_columns(headers: Sequence[str], path: Path, options: dict[str, Any]) -> ColumnMap:
    """Find each field's column; a missing text column or a misnamed option is one problem."""
    by_key: dict[str, str] = {}
    for h in headers:
        by_key.setdefault(column_key(h), h)
    fields: dict[str, str] = {}
    for field, option in OPTIONS.items():
        names = known_names()[field]
        wanted = options.get(option)
        if wanted:
            if column_key(wanted) not in by_key:
                raise ImportProblem(f"there is no column {wanted!r} (--{option.replace('_', '-')})"
                                    f"; {_has_columns(headers)}", path=path)
            fields[field] = by_key[column_key(wanted)]
            continue
        found = next((by_key[n] for n in names if n in by_key), None)
        if found is not None:
            fields[field] = found
    if "text" not in fields:
        raise ImportProblem(f"no text column (looked for {', '.join(known_names()['text'])}); "
                            f"{_has_columns(headers)}; name it with --text-column", path=path)
    return ColumnMap(fields, tuple(headers))


def _has_columns(headers: Sequence[str]) -> str:
    shown = ", ".join(repr(h) for h in headers[:30])
    more = f" and {len(headers) - 30} more" if len(headers) > 30 else ""
    return f"the file has columns {shown}{more}" if headers else "the file has no columns"


def cell_text(value: object) -> str:
    """A cell as text: blanks empty, 12.0 as "12", dates in ISO."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def _metadata_value(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return "" if value is None else value


def normalised(text: str) -> str:
    """`normalise_newlines`, skipped for the usual cell that has nothing to normalise."""
    return normalise_newlines(text) if "\r" in text or text.startswith("\ufeff") else text


def is_blank(values: dict[str, Any]) -> bool:
    return all(v is None or (isinstance(v, str) and (not v or v.isspace()))
               for v in values.values())


class TableReader:
    """Turns one file's rows into records, reporting bad rows and ids used twice."""

    def __init__(self, path: Path, columns: ColumnMap, options: dict[str, Any],
                 encoding: str = "", unit: str = "row"):
        self.path, self.columns, self.options = path, columns, options
        self.encoding, self.unit = encoding, unit
        self._seen_ids: dict[str, int] = {}
        self._field_headers = set(columns.fields.values())

    def records(self, rows: Iterable[tuple[int, dict[str, Any]]]
                ) -> Iterator[ArticleRecord | ImportProblem]:
        """`rows` are (row number, {header: value}); blank rows are passed over silently."""
        for number, values in rows:
            if not is_blank(values):
                yield self.record(number, values)

    def columns_note(self) -> ImportNote:
        return ImportNote(display_path(self.path), f"columns: {self.columns.describe()}")

    def problem(self, number: int, message: str) -> ImportProblem:
        return ImportProblem(message, path=self.path, where=f"{self.unit} {number}")

    def record(self, number: int, values: dict[str, Any]) -> ArticleRecord | ImportProblem:
        for header, value in values.items():
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                return self.problem(number, f"the cell in column {header!r} holds "
                                            f"{len(value) / 2**20:.0f} MB of text; cells over "
                                            f"{MAX_CELL_CHARS // 2**20} MB are refused")
        fields = self.columns.fields
        raw = values.get(fields["text"])
        if raw is not None and not isinstance(raw, str):  # a JSON list, number, NaN; a date
            what = f"the text (column {fields['text']!r})"
            return self.problem(number, f"{find_problem(raw, what) or what}; skipped")
        text = normalised(cell_text(raw))
        if not text or text.isspace():
            return self.problem(number, f"the text (column {fields['text']!r}) is empty; "
                                        "row skipped")
        ext_id = cell_text(values.get(fields.get("ext_id", ""))).strip() or None
        if ext_id is not None:
            first = self._seen_ids.setdefault(ext_id, number)
            if first != number:
                return self.problem(number, f"id {ext_id!r} was already used in "
                                            f"{self.unit} {first} of this file; skipped")
        return self._build(number, values, text, ext_id)

    def _build(self, number: int, values: dict[str, Any], text: str,
               ext_id: str | None) -> ArticleRecord:
        def field(name: str) -> str:
            header = self.columns.fields.get(name)
            return cell_text(values.get(header)).strip() if header else ""

        date_header = self.columns.fields.get("date")
        return ArticleRecord(
            text=text, ext_id=ext_id,
            title=(normalised(field("title")) or first_line_title(text))[:TITLE_CHARS],
            outlet=field("outlet") or self.options.get("outlet") or "",
            date=normalise_date(values.get(date_header)) if date_header else "",
            url=field("url"),
            language=language_code(field("language") or self.options.get("language") or ""),
            metadata={h: _metadata_value(v) for h, v in values.items()
                      if h not in self._field_headers
                      and not (h.startswith("column ") and v in ("", None))},
            source_file=str(self.path), where=f"{self.path} {self.unit} {number}",
            encoding=self.encoding)

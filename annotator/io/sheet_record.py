"""What an exported coding sheet held, kept in its hidden Exported sheet (issue 11.3).

Reading a sheet back must apply only the cells the user changed, not revert what was edited in
the project after the export. So the workbook records, for every editable cell of every claim
and source row, a fingerprint of the project's value at export (S) and of the value as the
sheet shows it and reads it back (W; the same unless the text was cut or cleaned for Excel).
On read-back a cell is a user's edit when it differs from W; the project moved on when its
value differs from S; both at once is a conflict. Fingerprints, not values: a note may be 32 KB.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from annotator.core.codebook import Codebook
from annotator.io.cells import as_in_sheet, over_cell_limit

SHEET = "Exported"
NOTE = "note"
SOURCE_TYPE = "type"
NONE = "-"  # fingerprint of "no value"


def fingerprint(value: str | None) -> str:
    """A short stable digest of a stored or read-back value (None: no value)."""
    if value is None:
        return NONE
    return hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def claim_fields(book: Codebook) -> list[str]:
    """The Claims sheet's editable cells: the coded claim variables, then the note."""
    from annotator.io.sheet_tables import claim_variables

    return [v for v in claim_variables(book) if book.variable(v)] + [NOTE]


def read_form(book: Codebook, field: str, stored: str | None) -> str | None:
    """The value the import reads from the cell the export wrote for `stored`."""
    if field == NOTE:
        return as_in_sheet(stored or "")
    var = book.variable(field)
    if var is None or stored is None:
        return stored
    from annotator.io.sheet_tables import typed_value

    try:
        return var.check(typed_value(book, field, stored))
    except ValueError:
        return stored


def entry(book: Codebook, field: str, stored: str | None) -> str:
    """'S' or 'S/W' (when the sheet shows something else than the stored value)."""
    if field == NOTE:
        stored = stored or ""
    s, w = fingerprint(stored), fingerprint(read_form(book, field, stored))
    return s if s == w else f"{s}/{w}"


class _Entries:
    """`entry` with the codes memoised (a variable has few values) and the common note fast."""

    def __init__(self, book: Codebook):
        self.book = book
        self.codes: dict[tuple[str, str | None], str] = {}

    def __call__(self, field: str, stored: str | None) -> str:
        if field == NOTE:
            note = stored or ""
            if note.isprintable() and not over_cell_limit(note):
                return fingerprint(note)  # shown as stored
            return entry(self.book, field, note)
        key = (field, stored)
        found = self.codes.get(key)
        if found is None:
            found = self.codes[key] = entry(self.book, field, stored)
        return found


def record_rows(book: Codebook, claims: Iterable[tuple[str, Sequence[str | None], str]],
                sources: Iterable[tuple[str, str | None]]) -> Iterator[list[Any]]:
    """One row per exported claim and source: sheet, id, then one entry per field. `claims`
    gives (uid, values of `record_variables`, note), `sources` (uid, type); the sources are
    read only when the codebook has the source `type`."""
    fields = claim_fields(book)
    variables = fields[:-1]
    cells = _Entries(book)
    blank = [None] * len(fields)
    for uid, values, note in claims:
        yield ["Claims", uid, *(cells(f, v) for f, v in zip(variables, values, strict=True)),
               cells(NOTE, note), None]
    if book.variable(SOURCE_TYPE) is not None:
        for uid, stype in sources:
            yield ["Sources", uid, *blank, cells(SOURCE_TYPE, stype)]


def record_variables(book: Codebook) -> list[str]:
    """The claim variables the record holds, in the order `record_rows` wants their values."""
    return claim_fields(book)[:-1]


def record_columns(book: Codebook) -> list[str]:
    return ["sheet", "id", *claim_fields(book), SOURCE_TYPE]


class Record:
    """The Exported sheet as read back: entries by (sheet, id) and field."""

    def __init__(self, rows: dict[tuple[str, str], dict[str, str]]):
        self.rows = rows

    def get(self, sheet: str, uid: str, field: str) -> tuple[str, str] | None:
        """(S, W) for one cell, or None when the export did not record it."""
        found = self.rows.get((sheet, uid), {}).get(field)
        if not found:
            return None
        s, _, w = found.partition("/")
        return s, (w or s)

    def has(self, sheet: str, uid: str) -> bool:
        return (sheet, uid) in self.rows


def read_record(wb: Any) -> Record | None:
    """The Exported sheet of a workbook, or None for a sheet written before it existed."""
    if SHEET not in wb.sheetnames:
        return None
    ws = wb[SHEET]
    rows = ws.iter_rows(values_only=True)
    head = [str(h) if h is not None else "" for h in next(rows, ())]
    found: dict[tuple[str, str], dict[str, str]] = {}
    for row in rows:
        if len(row) < 2 or row[0] is None or row[1] is None:
            continue
        found[(str(row[0]), str(row[1]))] = {
            head[i]: str(v) for i, v in enumerate(row[2:], 2) if i < len(head) and v}
    return Record(found)

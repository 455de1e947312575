"""Cell safety rules for the coding sheet: what a text must become before it enters a cell.

Excel cells hold at most 32,767 characters counted in UTF-16 code units (an emoji counts
two; XlsxWriter and Excel both count this way, and XlsxWriter cuts a longer string silently); XML forbids most control characters; a text that
starts with `=`, `+`, `-`, `@`, tab or carriage return can become a formula when a spreadsheet
program reads it from CSV. The rules here are pure functions, shared by export and read-back so
that a value the sheet shows in its cleaned form is recognised as unchanged.
"""

from __future__ import annotations

import re
from datetime import date, datetime

CELL_LIMIT = 32_767
REPLACEMENT = "\ufffd"  # shown where a forbidden control character was
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Characters XML 1.0 does not allow (tab, newline and carriage return are allowed).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def cut_marker(length: int) -> str:
    """The visible end of a text cut at the cell limit."""
    return f" [… cut: {length:,} characters in full; see the CSV export]"


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, as Excel counts: characters above U+FFFF count twice."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def cut_utf16(text: str, units: int) -> str:
    """The longest start of `text` that fits in `units` UTF-16 code units (never half a pair)."""
    used = 0
    for i, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > units:
            return text[:i]
    return text


def over_cell_limit(text: str) -> bool:
    """Whether `text` is longer than an Excel cell holds (cheap for short texts)."""
    return len(text) > CELL_LIMIT // 2 and utf16_length(text) > CELL_LIMIT


def sheet_text(text: str) -> tuple[str, str | None]:
    """`text` as an Excel cell can hold it, and a note saying what changed (None: unchanged)."""
    notes = []
    if _FORBIDDEN.search(text):
        found = sorted({f"U+{ord(ch):04X}" for ch in _FORBIDDEN.findall(text)})
        count = len(_FORBIDDEN.findall(text))
        text = _FORBIDDEN.sub(REPLACEMENT, text)
        notes.append(f"{count} control character(s) ({', '.join(found)}) replaced by "
                     f"{REPLACEMENT!r}")
    if over_cell_limit(text):
        marker = cut_marker(len(text))
        notes.append(f"text of {len(text):,} characters ({utf16_length(text):,} UTF-16 units) "
                     f"cut to Excel's {CELL_LIMIT:,} units; the CSV export keeps it whole")
        text = cut_utf16(text, CELL_LIMIT - utf16_length(marker)) + marker
    return text, ("; ".join(notes) if notes else None)


def as_in_sheet(text: str) -> str:
    """What the sheet shows for `text` (to tell an untouched cell from an edited one)."""
    return sheet_text(text)[0]


def csv_text(text: str) -> tuple[str, bool]:
    """`text` for a CSV cell, and whether it was guarded against becoming a formula.

    A leading apostrophe keeps Excel and LibreOffice from evaluating the cell; the text itself
    is kept whole (no cut, no replacement).
    """
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text, True
    return text, False


# Excel's serial dates start at 1900-01-01 and count a 29 February 1900 that never was, so
# readers disagree by a day before March 1900 and earlier dates are errors (#VALUE!).
EXCEL_SAFE_FROM = date(1900, 3, 1)


def excel_can_date(value: date) -> bool:
    """Whether every spreadsheet program reads `value` back as the same date."""
    day = value.date() if isinstance(value, datetime) else value
    return day >= EXCEL_SAFE_FROM


def parse_date(raw: str) -> date | datetime | str | None:
    """An article date as a real date when it is ISO 8601, else the text as given."""
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        if len(raw) == 10:
            return date.fromisoformat(raw)
        stamp = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return raw
    if stamp.tzinfo is not None:
        stamp = stamp.replace(tzinfo=None)
    return stamp


def parse_stamp(raw: str | None) -> datetime | None:
    """A stored UTC timestamp as a naive datetime (Excel has no time zones)."""
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None

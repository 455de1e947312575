"""Publication dates to ISO `YYYY-MM-DD` where the input allows only one reading.

"2024-03-05", "2024-03-05T10:00:00+01:00", "2024/3/5", "5 maart 2024", "March 5, 2024",
"di 5 mrt. 2024" and spreadsheet dates are normalised. "05-03-2024" could be 5 March or
3 May, so it is kept as given, as is anything else this module does not recognise (a day
above 12, as in "25-03-2024", settles it).
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1, "january": 1, "januari": 1,
    "feb": 2, "february": 2, "februari": 2,
    "mar": 3, "mrt": 3, "march": 3, "maart": 3,
    "apr": 4, "april": 4,
    "may": 5, "mei": 5,
    "jun": 6, "june": 6, "juni": 6,
    "jul": 7, "july": 7, "juli": 7,
    "aug": 8, "august": 8, "augustus": 8,
    "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "okt": 10, "october": 10, "oktober": 10,
    "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[t ]\d)")
_NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|[T ,]+\d)")
_DAY_MONTH = re.compile(r"(?:[a-z]+\.?,?\s+)?(\d{1,2})\.?\s+([a-z]+)\.?,?\s+(\d{4})\b")
_MONTH_DAY = re.compile(r"(?:[a-z]+\.?,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")


def normalise_date(value: object) -> str:
    """ISO date for `value` (a string or a date/datetime), or `value` as given if unclear."""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    given = "" if value is None else str(value).strip()
    found = _parse(given.lower())
    return found.isoformat() if found else given


def _parse(s: str) -> dt.date | None:
    if m := _ISO.match(s):
        return _date(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC.match(s):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        if a == b or a > 12:
            return _date(year, b, a)
        if b > 12:
            return _date(year, a, b)
        return None  # 05-03-2024: day-month or month-day?
    if (m := _DAY_MONTH.match(s)) and m[2].rstrip(".") in _MONTHS:
        return _date(int(m[3]), _MONTHS[m[2].rstrip(".")], int(m[1]))
    if (m := _MONTH_DAY.match(s)) and m[1] in _MONTHS:
        return _date(int(m[3]), _MONTHS[m[1]], int(m[2]))
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None

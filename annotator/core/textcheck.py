"""The one check every text must pass before it is stored: article texts and fields from any
importer, notes set by a command, a coding sheet's cells and a merged hand-in's rows.

A stored text is a `str` (not a list, a number or NaN from JSON), encodable as UTF-8 (no lone
surrogates, which SQLite cannot store) and free of control characters other than tab and
line ends (a NUL or an escape code in a note breaks exports, terminals and other programs).
Plain Python: no Qt, no storage.
"""

from __future__ import annotations

import math
import re
from typing import Any

from annotator.core.errors import UserError
from annotator.core.model import ArticleRecord

# C0 controls except tab, newline and carriage return (the three XML allows; importers turn
# CR into newline anyway), DEL and the C1 controls, and lone surrogates.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


class TextProblem(UserError, ValueError):
    """A value that may not be stored as text; `str()` says what and where in the value."""


def check_text(value: object, what: str = "the text") -> str:
    """`value` itself when it may be stored as text; else raise `TextProblem` saying why.

    `what` names the value in the message ("the text (column 'body')", "the note").
    """
    if not isinstance(value, str):
        raise TextProblem(f"{what} is {_kind(value)}, not text")
    bad = _FORBIDDEN.search(value)
    if bad is not None:
        surrogate = "\ud800" <= bad.group() <= "\udfff"
        raise TextProblem(f"{what} holds {describe_char(bad.group())} at character "
                          f"{bad.start() + 1}" + ("" if surrogate else
                                                  "; of the control characters only tab and "
                                                  "line ends are allowed"))
    return value


def check_optional_text(value: object, what: str = "the text") -> str:
    """`check_text`, with None taken as empty text."""
    return "" if value is None else check_text(value, what)


def find_problem(value: object, what: str = "the text") -> str | None:
    """The message `check_text` would raise, or None when `value` may be stored."""
    try:
        check_text(value, what)
    except TextProblem as exc:
        return str(exc)
    return None


def describe_char(ch: str) -> str:
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        return f"a lone surrogate U+{code:04X} (not valid Unicode)"
    if code == 0:
        return "a NUL character (U+0000)"
    return f"the control character U+{code:04X}"


def _kind(value: object) -> str:
    if value is None:
        return "missing (null)"
    if isinstance(value, bool):
        return f"a true/false value ({value})"
    if isinstance(value, float) and not math.isfinite(value):
        return f"the number {value} (NaN or Infinity)"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object {...}"
    return f"a {type(value).__name__}"


MAX_NESTING = 32  # metadata deeper than this is no article's: refuse rather than recurse


def record_problem(record: ArticleRecord) -> str | None:
    """Why an imported article may not be stored (its text, a field or a metadata value
    fails `check_text`), or None. Metadata may hold numbers, true/false and lists/objects of
    them as JSON gives them, but no NaN/Infinity and nothing nested deeper than MAX_NESTING."""
    fields = {"the text": record.text, "the id": record.ext_id or "", "the title": record.title,
              "the outlet": record.outlet, "the date": record.date, "the url": record.url,
              "the language": record.language, "the file name": record.source_file}
    for what, value in fields.items():
        problem = find_problem(value, what)
        if problem:
            return problem
    return _metadata_problem(record.metadata)


def _metadata_problem(metadata: dict[str, Any]) -> str | None:
    stack: list[tuple[str, object, int]] = [(k, v, 1) for k, v in metadata.items()]
    for key in metadata:
        if problem := find_problem(key, f"the column name {key[:40]!r}"):
            return problem
    while stack:  # iterative: a hostile nesting cannot exhaust the Python stack
        key, value, depth = stack.pop()
        if depth > MAX_NESTING:
            return f"the value of {key[:40]!r} is nested more than {MAX_NESTING} levels deep"
        problem = None
        if isinstance(value, str):
            problem = find_problem(value, f"the value of {key[:40]!r}")
        elif isinstance(value, float) and not math.isfinite(value):
            problem = f"the value of {key[:40]!r} is {value} (NaN or Infinity), not a number"
        elif isinstance(value, dict):  # names inside are checked as the values are
            stack.extend((key, item, depth + 1) for pair in value.items() for item in pair)
        elif isinstance(value, list | tuple):
            stack.extend((key, item, depth + 1) for item in value)
        if problem:
            return problem
    return None

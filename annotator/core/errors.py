"""Errors a user can act on, each naming the file (and row or field) and the problem.

`UserError` is the user's input being wrong (a broken file, a bad codebook, a project file
from a newer version); anything else escaping is a bug. Messages are built here, in one place.
"""

from __future__ import annotations

import re


class UserError(Exception):
    """A problem with the user's input; `str()` is the message to show."""

    def __init__(self, message: str, *, path: object | None = None, where: str | None = None):
        self.path = display_path(path) if path is not None else None
        self.where = where
        self.problem = message
        prefix = ""
        if self.path:
            prefix = f"{self.path}"
            if where:
                prefix += f" ({where})"
            prefix += ": "
        elif where:
            prefix = f"{where}: "
        super().__init__(prefix + message)


def display_path(path: object) -> str:
    """`path` as printable text: bytes of a file name that are not UTF-8 (kept by Python as
    lone surrogates, which no terminal or SQLite can take) are shown as \\xNN."""
    text = str(path)
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(lambda m: (f"\\x{ord(m[0]) - 0xDC00:02x}"
                                     if 0xDC80 <= ord(m[0]) <= 0xDCFF
                                     else f"\\u{ord(m[0]):04x}"), text)


_SURROGATE = re.compile("[\ud800-\udfff]")


class NotAProjectError(UserError):
    """The file is not an annotator project."""


class NewerSchemaError(UserError):
    """The project was written by a newer annotator; it is left untouched."""


class UnexpectedSchemaError(NotAProjectError):
    """The file's tables, indexes, triggers or views are not those annotator makes."""


class CodebookError(UserError):
    """A codebook file is malformed or inconsistent."""


class ImportProblem(UserError):
    """One input file (or row) cannot be imported. `refuses_file`: the file as a whole is
    refused (a quote never closed, an encoding that breaks part-way), so rows already read
    from it are not imported either."""

    def __init__(self, message: str, *, path: object | None = None, where: str | None = None,
                 refuses_file: bool = False):
        super().__init__(message, path=path, where=where)
        self.refuses_file = refuses_file


class StoreWriteError(UserError):
    """A write to the project file failed; the edit was not saved."""


class ProjectBusyError(UserError):
    """Another process holds the project file."""

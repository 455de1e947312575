"""Errors a user can act on, each naming the file (and row or field) and the problem.

`UserError` is the user's input being wrong (a broken file, a bad codebook, a project file
from a newer version); anything else escaping is a bug. Messages are built here, in one place.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input; `str()` is the message to show."""

    def __init__(self, message: str, *, path: object | None = None, where: str | None = None):
        self.path = str(path) if path is not None else None
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


class NotAProjectError(UserError):
    """The file is not an annotator project."""


class NewerSchemaError(UserError):
    """The project was written by a newer annotator; it is left untouched."""


class UnexpectedSchemaError(NotAProjectError):
    """The file's tables, indexes, triggers or views are not those annotator makes."""


class CodebookError(UserError):
    """A codebook file is malformed or inconsistent."""


class ImportProblem(UserError):
    """One input file (or row) cannot be imported."""


class StoreWriteError(UserError):
    """A write to the project file failed; the edit was not saved."""


class ProjectBusyError(UserError):
    """Another process holds the project file."""

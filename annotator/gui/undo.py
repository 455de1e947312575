"""QUndoCommand around a `commands.Edit`, for the agreement window's settle steps (the coding
window's history is Qt-free: `annotator/editing/history.py`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from annotator.commands import Edit, StaleEdit
from annotator.core.errors import UserError
from annotator.store.db import Database


class EditCommand(QUndoCommand):
    """Undo/redo of one Edit. The Edit is already applied when pushed, so the first redo()
    (which QUndoStack.push calls) does nothing."""

    def __init__(self, db: Database, edit: Edit, article_id: int | None,
                 after: Callable[[EditCommand, UserError | None], None]):
        super().__init__(edit.text)
        self.db = db
        self.edit = edit
        self.article_id = article_id if article_id is not None else edit.article_id
        self._after = after
        self._pushed = False
        self.last = ""  # "Undo" or "Redo": what ran last, for the status bar

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self.last = "Redo"
        self._run(self.edit.apply)

    def undo(self) -> None:
        self.last = "Undo"
        self._run(self.edit.revert)

    def _run(self, step: Callable[[Database], None]) -> None:
        try:
            step(self.db)
        except UserError as exc:  # the file refused the write: say so, never claim it saved
            if isinstance(exc, StaleEdit):
                # another window changed these rows since: this step can never run again,
                # so it leaves the stack (Qt drops an obsolete command after undo/redo)
                self.setObsolete(True)
            self._after(self, exc)
            return
        self._after(self, None)

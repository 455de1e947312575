"""The undo history of an editing session, without Qt. Each step is an already applied
`commands.Edit`; undo reverts it, redo applies it again, each saved at once. A step the file
refuses because another window changed its rows (`StaleEdit`) leaves the history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from annotator.commands import Edit, StaleEdit
from annotator.core.errors import UserError
from annotator.store.db import Database


def combine(text: str, edits: list[Edit]) -> Edit:
    """One Edit doing `edits` in order (each already applied), undone in reverse as a whole."""
    article = next((e.article_id for e in edits if e.article_id is not None), None)
    return Edit(text=text, changes=[ch for e in edits for ch in e.changes], article_id=article)


@dataclass
class Step:
    edit: Edit
    article_id: int | None
    last: str = ""  # "Undo" or "Redo": what ran last, for the status line

    @property
    def text(self) -> str:
        return self.edit.text


class History:
    """Steps before `index` are done (undoable); from `index` on they were undone (redoable)."""

    def __init__(self, after: Callable[[Step, UserError | None], None],
                 changed: Callable[[], None] = lambda: None):
        self.steps: list[Step] = []
        self.index = 0
        self._after, self._changed = after, changed

    @property
    def count(self) -> int:
        return len(self.steps)

    @property
    def can_undo(self) -> bool:
        return self.index > 0

    @property
    def can_redo(self) -> bool:
        return self.index < len(self.steps)

    @property
    def undo_text(self) -> str:
        return self.steps[self.index - 1].text if self.can_undo else ""

    @property
    def redo_text(self) -> str:
        return self.steps[self.index].text if self.can_redo else ""

    def push(self, edit: Edit, article_id: int | None) -> None:
        """Record an edit that has just been applied; it ends the redoable steps."""
        del self.steps[self.index:]
        self.steps.append(Step(edit, article_id if article_id is not None else edit.article_id))
        self.index = len(self.steps)
        self._changed()

    def clear(self) -> None:
        self.steps, self.index = [], 0
        self._changed()

    def undo(self, db: Database) -> None:
        if self.can_undo:
            self._run(db, self.index - 1, "Undo", -1)

    def redo(self, db: Database) -> None:
        if self.can_redo:
            self._run(db, self.index, "Redo", +1)

    def _run(self, db: Database, i: int, what: str, move: int) -> None:
        step = self.steps[i]
        step.last = what
        try:
            (step.edit.revert if move < 0 else step.edit.apply)(db)
        except UserError as exc:  # the file refused the write: say so, never claim it saved
            if isinstance(exc, StaleEdit):
                # another window changed these rows: this step can never run again
                del self.steps[i]
                self.index = min(self.index, i) if move < 0 else i
            self._changed()
            self._after(step, exc)
            return
        self.index += move
        self._changed()
        self._after(step, None)

"""The window's view of the editing session: `editing.EditingSession` (plain Python, where the
editing logic lives) adapted to Qt. Its events become Qt signals, its undo history becomes the
Edit menu's Undo/Redo actions; everything else is the session's own attributes and methods."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from annotator.editing.session import EditingSession


class Session(QObject):
    projectChanged = Signal()  # noqa: N815 (Qt naming)
    articleLoaded = Signal()  # noqa: N815 a new article is shown
    stateChanged = Signal()  # noqa: N815 the same article, with changed annotations
    focusChanged = Signal()  # noqa: N815
    variableChanged = Signal()  # noqa: N815 the variable that number keys set
    historyChanged = Signal()  # noqa: N815 an edit was done, undone or redone
    saved = Signal(str)
    failed = Signal(str)
    message = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.core = EditingSession()
        for event, signal in (("project_changed", self.projectChanged),
                              ("article_loaded", self.articleLoaded),
                              ("state_changed", self.stateChanged),
                              ("focus_changed", self.focusChanged),
                              ("variable_changed", self.variableChanged),
                              ("history_changed", self.historyChanged),
                              ("saved", self.saved), ("failed", self.failed),
                              ("message", self.message)):
            self.core.events.connect(event, signal.emit)

    def __getattr__(self, name: str) -> Any:
        # called only for names the adapter lacks: the session's state and actions
        return getattr(self.core, name)

    def undo_actions(self, parent: QObject) -> tuple[QAction, QAction]:
        """Edit > Undo and Redo, named after the step they would undo or redo."""
        undo, redo = QAction("&Undo", parent), QAction("&Redo", parent)
        undo.triggered.connect(self.core.undo)
        redo.triggered.connect(self.core.redo)

        def update() -> None:
            history = self.core.history
            undo.setEnabled(history.can_undo)
            redo.setEnabled(history.can_redo)
            undo.setText(f"&Undo {history.undo_text}".rstrip())
            redo.setText(f"&Redo {history.redo_text}".rstrip())

        self.historyChanged.connect(update)
        update()
        return undo, redo

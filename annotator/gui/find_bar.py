"""Find in the article text (Ctrl+F): Enter finds the next match, Shift+Enter the previous."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QToolButton, QWidget


class FindBar(QWidget):
    def __init__(self, view: QPlainTextEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.edit = QLineEdit(placeholderText="Find in article (Enter: next, Shift+Enter: back)")
        self.edit.setClearButtonEnabled(True)
        self.info = QLabel()
        close = QToolButton(text="✕", autoRaise=True, toolTip="Close (Esc)")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addWidget(QLabel("Find:"))
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.info)
        lay.addWidget(close)
        self.edit.returnPressed.connect(lambda: self.find(backward=False))
        QShortcut(QKeySequence("Shift+Return"), self.edit, lambda: self.find(backward=True),
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Escape"), self, self.close_bar,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus()

    def find(self, backward: bool = False) -> bool:
        text = self.edit.text()
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.view.find(text, flags)
        if not found:  # wrap around once
            cursor = self.view.textCursor()
            cursor.movePosition(cursor.MoveOperation.End if backward
                                else cursor.MoveOperation.Start)
            self.view.setTextCursor(cursor)
            found = self.view.find(text, flags)
        self.info.setText("" if found else "not found")
        return found

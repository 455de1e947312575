"""Two coders side by side: the article text twice, read-only, each with that coder's claim
highlighted and its codes above it. Highlights are extra selections (the document is never
rewritten); offsets go through `Utf16Map`, since Qt counts UTF-16 units."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from annotator.core.text import Utf16Map
from annotator.gui.review.data import ReviewRow

CLAIM_FILL = {"A": "#FFE3A3", "B": "#BFE0FF"}  # coder A amber, coder B blue
UNIT_FILL = "#EDEDED"  # where the unit is, for a coder who marked nothing there


class CoderPane(QWidget):
    def __init__(self, side: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.side = side
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setObjectName(f"coder_{side.lower()}_text")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        self._text = ""
        self._map = Utf16Map("")

    def set_article(self, text: str) -> None:
        if text != self._text:  # same article: keep the document (and the scroll position)
            self._text, self._map = text, Utf16Map(text)
            self.text.setPlainText(text)

    def show_claim(self, coder: str, row: ReviewRow, variables: Sequence[str]) -> None:
        claim = row.claims.get(coder)
        if claim is None:
            self.heading.setText(f"<b>{self.side}: {html.escape(coder)}</b> \u2014 "
                                 f"<i>{html.escape(row.shown(coder))}</i> (grey: where the "
                                 "other coder marked it)")
            self._highlight(row.start, row.end, UNIT_FILL, underline=False)
            return
        codes = []
        for var in variables:
            value = html.escape(str(claim.values.get(var) or "\u2013"))
            codes.append(f"<b><u>{var}: {value}</u></b>" if var == row.variable
                         else f"{var}: {value}")
        self.heading.setText(f"<b>{self.side}: {html.escape(coder)}</b> \u2014 "
                             + " \u00b7 ".join(codes))
        self._highlight(claim.start, claim.end, CLAIM_FILL[self.side], underline=True)

    def clear(self) -> None:
        self.heading.setText(f"<b>{self.side}</b>")
        self.text.setExtraSelections([])

    def highlighted(self) -> tuple[int, int] | None:
        """The highlighted span in code points (what the tests check)."""
        selections = self.text.extraSelections()
        if not selections:
            return None
        c = selections[0].cursor  # `selections` keeps the cursor's C++ object alive
        return self._map.to_codepoint(c.selectionStart()), self._map.to_codepoint(c.selectionEnd())

    def _highlight(self, start: int, end: int, fill: str, *, underline: bool) -> None:
        start, end = (max(0, min(x, self._map.text_length)) for x in (start, end))
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(fill))
        if underline:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        sel.format = fmt
        self.text.setExtraSelections([sel])
        view = QTextCursor(self.text.document())
        view.setPosition(self._map.to_utf16(start))
        self.text.setTextCursor(view)
        self.text.centerCursor()


class CompareView(QWidget):
    """Coder A's and coder B's claims for one unit, side by side."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.a = CoderPane("A")
        self.b = CoderPane("B")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.a)
        layout.addWidget(self.b)
        self.pair: tuple[str, str] | None = None
        self.clear()

    def show_row(self, text: str, row: ReviewRow, pair: tuple[str, str],
                 variables: Sequence[str]) -> None:
        self.pair = pair
        for pane, coder in zip((self.a, self.b), pair, strict=True):
            pane.set_article(text)
            pane.show_claim(coder, row, variables)

    def clear(self) -> None:
        self.pair = None
        for pane in (self.a, self.b):
            pane.clear()

    def panes(self) -> tuple[Any, Any]:
        return self.a, self.b

"""The legend: each sample drawn with the very formats the article view uses."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QSizePolicy, QWidget

from annotator.gui import styles

Entry = tuple[str, QTextCharFormat | None, str]  # sample text, format, label after it


def legend_entries(type_labels: dict[str, str]) -> list[Entry]:
    out: list[Entry] = [(label, styles.char_format(("source", code, False)), "")
                        for code, label in type_labels.items()]
    out += [("claim", styles.char_format(("claim", False)), ""),
            ("cue", styles.char_format(("cue", False)), ""),
            ("focused", None, ""),
            ("suggested:", None, ""),
            ("source", styles.char_format(("source", "person", True)), ""),
            ("claim", styles.char_format(("claim", True)), ""),
            ("cue", styles.char_format(("cue", True)), "")]
    return out


class Legend(QWidget):
    GAP = 14

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.entries: list[Entry] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip("Sources: filled, one colour per type. Claims: underlined. "
                        "Cues: bold, wavy underline.\nSuggestions: paler, dotted or dashed lines; "
                        "your own marks: solid.")

    def set_types(self, type_labels: dict[str, str]) -> None:
        self.entries = legend_entries(type_labels)
        self.setFixedHeight(self._height(max(self.width(), 200)))
        self.updateGeometry()
        self.update()

    def _lines(self, width: int) -> int:
        """How many lines the entries take at `width` (the same wrapping as paintEvent)."""
        x, lines = 8.0, 1
        for text, _, _ in self.entries:
            w = self.fontMetrics().horizontalAdvance(text) + 8
            if x + w > width - 8 and x > 8.0:
                x, lines = 8.0, lines + 1
            x += w + self.GAP
        return lines

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(600, self._height(max(self.width(), 200)))

    def _height(self, width: int) -> int:
        return (self.fontMetrics().height() + 4) * max(2, self._lines(width)) + 6

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        # long codebook labels wrap onto more lines: grow, never clip an entry
        self.setFixedHeight(self._height(event.size().width()))

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        x, y = 8.0, 5.0
        line_h = self.fontMetrics().height() + 4
        for text, fmt, _ in self.entries:
            width = self.fontMetrics().horizontalAdvance(text) + 8
            if x + width > self.width() - 8 and x > 8.0:
                x, y = 8.0, y + line_h
            if fmt is None and text == "focused":
                self._draw_focus(painter, x, y, width, line_h - 2)
            if fmt is None:
                painter.setPen(self.palette().text().color())
                painter.drawText(QPointF(x + 4, y + self.fontMetrics().ascent() + 1), text)
            else:
                self._draw_sample(painter, text, fmt, x, y)
            x += width + self.GAP
        painter.end()

    def _draw_sample(self, painter: QPainter, text: str, fmt: QTextCharFormat, x: float,
                     y: float) -> None:
        layout = QTextLayout(" " + text + " ", self.font())
        rng = QTextLayout.FormatRange()
        rng.start, rng.length, rng.format = 0, len(text) + 2, fmt
        layout.setFormats([rng])
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        layout.draw(painter, QPointF(x, y))

    @staticmethod
    def _draw_focus(painter: QPainter, x: float, y: float, w: float, h: float) -> None:
        painter.setBrush(QColor(styles.FOCUS_FILL))
        painter.setPen(QPen(QColor(styles.FOCUS_FRAME), 2))
        painter.drawRoundedRect(x, y, w, h, 3, 3)
        painter.setBrush(Qt.BrushStyle.NoBrush)

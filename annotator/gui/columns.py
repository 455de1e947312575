"""Column widths that fit what a column can show, so a table fits a 1366x768 window.

A column of a few known words (a status, a code's label) gets the width of the widest of them
or of its header, whichever is wider, measured in the table's own fonts; one column takes
the rest of the width (Stretch) and elides what does not fit. Measured, not guessed in pixels:
a desktop with a larger font (11 pt on many Linux desktops) gets wider columns, not clipped ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QHeaderView, QTableView

CELL_PADDING = 14  # the cell's margins and focus frame, both sides
HEADER_PADDING = 18  # the header's margins (the sorted column's arrow may cover its end)


def text_width(table: QTableView, texts: Iterable[str], header: str) -> int:
    """The width a column needs to show each of `texts` and its `header` whole."""
    cells = table.fontMetrics()
    head = table.horizontalHeader().fontMetrics()
    widest = max((cells.horizontalAdvance(t) for t in texts), default=0) + CELL_PADDING
    return max(widest, head.horizontalAdvance(header) + HEADER_PADDING)


def fit_columns(table: QTableView, stretch: int, widths: dict[int, int]) -> None:
    """Column `stretch` takes what the others leave; each of `widths` is set (and can still be
    dragged wider or narrower by the user)."""
    head = table.horizontalHeader()
    head.setStretchLastSection(False)
    head.setMinimumSectionSize(min(40, head.minimumSectionSize()))
    for col, width in widths.items():
        head.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        head.resizeSection(col, width)
    head.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

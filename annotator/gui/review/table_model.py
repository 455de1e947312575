"""A read-only table model over prepared cells: the report tables are data computed once, so
the model is a thin adapter that only answers Qt's questions about them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from annotator.gui import plain

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Cell:
    text: str
    sort: Any = None  # value for sorting (default: the text)
    background: str | None = None  # "#RRGGBB"
    foreground: str | None = None
    tooltip: str | None = None
    bold: bool = False
    align: str = "left"  # "left" | "right" | "center"


_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
          "right": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
          "center": Qt.AlignmentFlag.AlignCenter}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class CellTableModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str] = (), parent: Any = None,
                 row_headers: Sequence[str] | None = None):
        super().__init__(parent)
        self._headers = list(headers)
        self._row_headers = list(row_headers) if row_headers is not None else None
        self._rows: list[list[Cell]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[Sequence[Cell]], headers: Sequence[str] | None = None,
                 row_headers: Sequence[str] | None = None) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        if headers is not None:
            self._headers = list(headers)
        self._row_headers = list(row_headers) if row_headers is not None else None
        self.endResetModel()

    def cell(self, row: int, column: int) -> Cell:
        return self._rows[row][column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if index.column() >= len(row):
            return None
        return _cell_data(row[index.column()], role, self._bold)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        if self._row_headers is not None and 0 <= section < len(self._row_headers):
            return self._row_headers[section]
        return str(section + 1)


def _cell_data(cell: Cell, role: int, bold: QFont) -> Any:
    R = Qt.ItemDataRole
    if role == R.DisplayRole:
        return cell.text
    if role == R.ToolTipRole:
        return plain.tip(cell.tooltip)
    if role == R.BackgroundRole:
        return QBrush(QColor(cell.background)) if cell.background else None
    if role == R.ForegroundRole:
        return QBrush(QColor(cell.foreground)) if cell.foreground else None
    if role == R.FontRole:
        return bold if cell.bold else None
    if role == R.TextAlignmentRole:
        return int(_ALIGN[cell.align].value)
    if role == SORT_ROLE:
        return cell.sort if cell.sort is not None else cell.text
    return None

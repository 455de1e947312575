"""The disagreement list: one row per unit and variable on which coders differ, plus claims one
coder marked and another did not; a proxy filters by variable and by coder pair."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from annotator.gui import plain
from annotator.gui.review.data import ReviewRow

Index = QModelIndex | QPersistentModelIndex
MARKED = "claim marked?"  # how a row about whether the claim is there at all is labelled
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SETTLED = "#E3F2E1"


class DisagreementModel(QAbstractTableModel):
    """Columns: article, variable, each coder's value, the consensus, the claim's text."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[ReviewRow] = []
        self._coders: list[str] = []
        self._consensus: dict[tuple[str, str | None], str] = {}

    def set_rows(self, rows: Sequence[ReviewRow], coders: Sequence[str]) -> None:
        self.beginResetModel()
        self._rows, self._coders, self._consensus = list(rows), list(coders), {}
        self.endResetModel()

    @property
    def coders(self) -> list[str]:
        return list(self._coders)

    def row_at(self, row: int) -> ReviewRow:
        return self._rows[row]

    def rows(self) -> list[ReviewRow]:
        return list(self._rows)

    def set_consensus(self, values: Mapping[tuple[str, str | None], str]) -> None:
        """(unit, variable) -> what the consensus coder has there; refreshes that column."""
        self._consensus.update(values)
        column = 2 + len(self._coders)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, column))

    def consensus(self, row: ReviewRow) -> str:
        return self._consensus.get((row.unit, row.variable), "")

    def _headers(self) -> list[str]:
        return ["Article", "Variable", *self._coders, "Consensus", "Text"]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain.tip(self._text(row, index.column()))
        if role == Qt.ItemDataRole.BackgroundRole and self.consensus(row):
            return QBrush(QColor(SETTLED))  # settled rows stand out (the text says so too)
        return None

    def _text(self, row: ReviewRow, column: int) -> str | None:
        n = len(self._coders)
        if column == 0:
            return row.title or str(row.article_id)
        if column == 1:
            return row.variable or MARKED
        if 2 <= column < 2 + n:
            return row.shown(self._coders[column - 2])
        if column == 2 + n:
            return self.consensus(row)
        if column == 3 + n:
            return row.quote
        return None


class DisagreementFilter(QSortFilterProxyModel):
    """Shows the rows of one variable (or all) where one pair of coders (or any) differ."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._variable: str | None = None
        self._only_marked = False
        self._pair: tuple[str, str] | None = None

    def set_variable(self, variable: str | None, *, marked: bool = False) -> None:
        """`variable` None and `marked` False: every variable; `marked`: only claims some
        coders marked and others did not."""
        self.beginFilterChange()
        self._variable, self._only_marked = variable, marked
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_pair(self, pair: tuple[str, str] | None) -> None:
        self.beginFilterChange()
        self._pair = pair
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def pair(self) -> tuple[str, str] | None:
        return self._pair

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, DisagreementModel):
            return True
        row = model.row_at(source_row)
        if self._only_marked and row.variable is not None:
            return False
        if self._variable is not None and row.variable != self._variable:
            return False
        return self._pair is None or row.differs(*self._pair)

"""The claims table: the coder's claims and pending suggested claims of the article.

Columns follow the codebook: text, source, source type, one per claim-level variable, status.
Selecting a row focuses the claim (the text view scrolls to it).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.core.codebook import Codebook
from annotator.gui.article_state import ClaimRow, Key

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole


class ClaimsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ClaimRow] = []
        self.variables: list[tuple[str, str, dict[str, str]]] = []  # name, label, code->label
        self.type_labels: dict[str, str] = {}

    def set_codebook(self, book: Codebook) -> None:
        self.beginResetModel()
        self.variables = [(v.name, v.label, {x.code: x.label for x in v.values})
                          for v in book.at_level("claim")]
        src = book.variable("type")
        self.type_labels = {x.code: x.label for x in src.values} if src else {}
        self.endResetModel()

    def headers(self) -> list[str]:
        return ["Claim", "Source", "Type"] + [label for _, label, _ in self.variables] + ["Status"]

    def set_rows(self, rows: list[ClaimRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.variables) + 4

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            heads = self.headers()
            return heads[section] if 0 <= section < len(heads) else None
        return None

    def cell(self, row: ClaimRow, col: int) -> str:
        if col == 0:
            return " ".join(row.text.split())
        if col == 1:
            return row.source
        if col == 2:
            return self.type_labels.get(row.source_type, row.source_type)
        if col - 3 < len(self.variables):
            name, _, labels = self.variables[col - 3]
            code = row.values.get(name, "")
            return labels.get(code, code)
        return row.status

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, col)
        if role == SORT_ROLE:
            return row.start if col == 0 else self.cell(row, col)
        if role == KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = row.text if col == 0 else self.cell(row, col)
            return f"Suggested: {tip}\nA / Enter accepts, R rejects" if row.suggested else tip
        if role == Qt.ItemDataRole.FontRole and row.suggested:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.suggested:
            return QColor("#5F6B80")
        return None

    def row_of(self, key: Key | None) -> int:
        return next((i for i, r in enumerate(self.rows) if r.key == key), -1)


class ClaimsPanel(QTableView):
    rowFocused = Signal(object)  # noqa: N815 (Qt naming) the Key of the row the user picked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.claims = ClaimsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.claims)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self._syncing = False
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def set_codebook(self, book: Codebook) -> None:
        self.claims.set_codebook(book)
        for col, width in enumerate((200, 120, 85)):
            self.setColumnWidth(col, width)
        for col in range(3, self.claims.columnCount()):
            self.setColumnWidth(col, 80)

    def set_rows(self, rows: list[ClaimRow], focus: Key | None) -> None:
        self._syncing = True
        try:
            self.claims.set_rows(rows)
        finally:
            self._syncing = False
        self.show_focus(focus)

    def show_focus(self, key: Key | None) -> None:
        """Select the focused row without announcing it back."""
        row = self.claims.row_of(key)
        self._syncing = True
        try:
            if row < 0:
                self.selectionModel().clear()
                return
            index = self.proxy.mapFromSource(self.claims.index(row, 0))
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.scrollTo(index)
        finally:
            self._syncing = False

    def _current_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self.rowFocused.emit(current.data(KEY_ROLE))

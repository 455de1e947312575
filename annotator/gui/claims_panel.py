"""The claims table: the coder's claims and pending suggested claims of the article.

Columns follow the codebook: text, source, source type, one per claim-level variable, status.
Selecting a row focuses the claim (the text view scrolls to it).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from annotator.core.checks import check_text, claim_checks
from annotator.core.codebook import Codebook
from annotator.core.rules import rule_label
from annotator.editing.article_state import ClaimRow, Key
from annotator.gui import plain
from annotator.gui.columns import fit_columns, text_width
from annotator.gui.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole
# the Status column's words that must show whole; "suggested source" / "suggested cue" elide
ROW_STATUSES = ("suggested", "accepted", "edited", "manual")
CHECK_MARK = "\u26a0"  # before the source of a claim a check flags (core.checks)
NO_SOURCE = "no source"
CHECK_COLOUR = "#A05A00"  # the status bar's warning colour


class ClaimsModel(RowsTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ClaimRow] = []
        self.variables: list[tuple[str, str, dict[str, str]]] = []  # name, label, code->label
        self.type_labels: dict[str, str] = {}
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    def set_codebook(self, book: Codebook) -> None:
        self.beginResetModel()
        self.variables = [(v.name, v.label, {x.code: x.label for x in v.values})
                          for v in book.at_level("claim")]
        src = book.variable("type")
        self.type_labels = {x.code: x.label for x in src.values} if src else {}
        self.endResetModel()

    def headers(self) -> list[str]:
        # variable names make short headers ("Attribution kind" would be cut off)
        names = [name.replace("_", " ").capitalize() for name, _, _ in self.variables]
        return ["Claim", "Source", "Type", *names, "Status"]

    def set_rows(self, rows: list[ClaimRow]) -> None:
        rows = self._sorted(rows)
        if [r.key for r in rows] == [r.key for r in self.rows]:
            self.rows = rows  # same rows in the same order: only cells changed
            if rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    # The model sorts itself: a QSortFilterProxyModel re-sorting 700 rows through Python
    # data() calls after every edit cost ~40 ms here.
    def _sorted(self, rows: list[ClaimRow]) -> list[ClaimRow]:
        col, order = self._sort
        if col < 0:
            return list(rows)
        key = (lambda r: (r.start, r.end)) if col == 0 else \
            (lambda r: (self.cell(r, col).lower(), r.start))
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = [(i, self.rows[i.row()].key) for i in self.persistentIndexList()
               if 0 <= i.row() < len(self.rows)]
        self._sort = (column, order)
        self.rows = self._sorted(self.rows)
        where = {r.key: n for n, r in enumerate(self.rows)}
        for index, key in old:
            self.changePersistentIndex(index, self.index(where[key], index.column()))
        self.layoutChanged.emit()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole and 3 <= section < 3 + len(self.variables):
            return plain.tip(self.variables[section - 3][1])
        return None

    def cell(self, row: ClaimRow, col: int) -> str:
        if col == 0:
            return " ".join(row.text.split())
        if col == 1:
            if self.checks(row):  # marked in the list, where the coder sees every claim
                return f"{CHECK_MARK} {row.source or NO_SOURCE}"
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
        if role == KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.ToolTipRole and col == 1 and self.checks(row):
            return plain.tip("\n".join(f"{check_text(code)}: check the attribution or the source"
                                       " (S on a selection, or click the source in the text)"
                                       for code in self.checks(row)))
        if role == Qt.ItemDataRole.ForegroundRole and col == 1 and self.checks(row):
            return QColor(CHECK_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = row.text if col == 0 else self.cell(row, col)
            if not row.suggested:
                return plain.tip(tip)
            why = f"\nWhy: {rule_label(row.rule)}" if row.rule else ""
            return plain.tip(f"Suggested: {tip}{why}\nA / Enter accepts, R rejects")
        if role == Qt.ItemDataRole.FontRole and row.suggested:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.suggested:
            return QColor("#5F6B80")
        return None

    def row_of(self, key: Key | None) -> int:
        return next((i for i, r in enumerate(self.rows) if r.key == key), -1)

    @staticmethod
    def checks(row: ClaimRow) -> list[str]:
        """The checks a coder's claim fails (a suggestion is not the coder's yet)."""
        return [] if row.suggested or not row.is_claim else claim_checks(row.values,
                                                                         row.source_id)


class ClaimsPanel(QTableView):
    rowFocused = Signal(object)  # noqa: N815 (Qt naming) the Key of the row the user picked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.claims = ClaimsModel(self)
        self.setModel(self.claims)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self._syncing = False
        self.empty_text = ""
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def set_empty_text(self, text: str) -> None:
        """What the empty table says (why there is nothing to show, and what to do)."""
        self.empty_text = text
        self.viewport().update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if self.claims.rowCount() or not self.empty_text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(QColor("#555555"))
        rect = self.viewport().rect().adjusted(16, 16, -16, -16)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter
                                   | Qt.TextFlag.TextWordWrap), self.empty_text)
        painter.end()

    def set_codebook(self, book: Codebook) -> None:
        """Columns as wide as the codebook's labels (a type, a value, a status); the claim's
        text takes the rest, the source a fixed share, both elided with the whole in the
        tooltip, so that the table fits its half of a 1366x768 window without scrolling."""
        self.claims.set_codebook(book)
        heads = self.claims.headers()
        labels = [self.claims.type_labels.values(),
                  *(codes.values() for _, _, codes in self.claims.variables), ROW_STATUSES]
        widths = {col: text_width(self, texts, heads[col]) for col, texts in
                  enumerate(labels, 2)}
        widths[1] = text_width(self, ["Persagents"], heads[1])  # a name, elided (whole in the tooltip)
        fit_columns(self, 0, widths)

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
            index = self.claims.index(row, 0)
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.scrollTo(index)
        finally:
            self._syncing = False

    def _current_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self.rowFocused.emit(current.data(KEY_ROLE))

"""The article's source list: each of the coder's source mentions with its type and a shared
canonical name, so that mentions of one source ("Trump", "de president") count as one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from annotator.core.model import SourceMention
from annotator.gui import styles
from annotator.gui.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Mention", "Type", "Canonical name")


class SourcesModel(RowsTableModel):
    """Editing goes through `on_edit(source_id, field, value)`, which runs an undoable edit.
    Each row is (mention, its text)."""

    COLUMNS = COLUMNS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.type_labels: dict[str, str] = {}
        self.on_edit = None

    def set_rows(self, rows: list[tuple[SourceMention, str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in (1, 2):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        s, text = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == 0:
                return text
            if col == 1:
                return s.type or "" if role == Qt.ItemDataRole.EditRole else \
                    self.type_labels.get(s.type or "", s.type or "")
            return s.canonical or ""
        if role == Qt.ItemDataRole.BackgroundRole and col == 1:
            return styles.source_colour(s.type)
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and not s.canonical:
            return QColor("#888888")
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return "Give all mentions of one source the same name (double-click to edit)"
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.on_edit is None:
            return False
        s, _ = self.rows[index.row()]
        if index.column() not in (1, 2):
            return False
        field = "type" if index.column() == 1 else "canonical"
        value = str(value or "").strip() or None
        # later: the edit re-reads the article and resets this model, which must not happen
        # while the view is still committing its editor
        QTimer.singleShot(0, lambda: self.on_edit(s.id, field, value))
        return True


class TypeDelegate(QStyledItemDelegate):
    """A drop-down of the codebook's source types."""

    def __init__(self, model: SourcesModel, parent=None):
        super().__init__(parent)
        self.sources = model

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:  # noqa: N802
        box = QComboBox(parent)
        for code, label in self.sources.type_labels.items():
            box.addItem(label, code)
        return box

    def setEditorData(self, editor: QComboBox, index: Index) -> None:  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QComboBox, model, index: Index) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class SourcesPanel(QTableView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sources = SourcesModel(self)
        self.setModel(self.sources)
        self.setItemDelegateForColumn(1, TypeDelegate(self.sources, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

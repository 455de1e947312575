"""The disagreements tab: filters, the list, the two coders side by side, the consensus panel.

It shows and asks; the window does the edits (it owns the Project and the undo stack)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.gui import plain
from annotator.gui.review.compare import CompareView
from annotator.gui.review.data import ReviewRow
from annotator.gui.review.disagreements import DisagreementFilter, DisagreementModel
from annotator.gui.review.settle import SettlePanel

ALL, MARKED = "__all__", "__marked__"


class DisagreementTab(QWidget):
    row_chosen = Signal(object)  # ReviewRow or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = DisagreementModel(self)
        self.proxy = DisagreementFilter(self)
        self.proxy.setSourceModel(self.model)
        self.variable = QComboBox()
        self.variable.setObjectName("filter_variable")
        self.pair = QComboBox()
        self.pair.setObjectName("filter_pair")
        self.count = plain.label()
        self.table = self._table()
        self.compare = CompareView()
        self.settle = SettlePanel()
        filters = QHBoxLayout()
        for widget in (QLabel("Variable"), self.variable, QLabel("Coders"), self.pair):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.compare, 1)
        lower_layout.addWidget(self.settle)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)  # the list and the texts share the height evenly
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self.variable.currentIndexChanged.connect(self._filter_changed)
        self.pair.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    def _table(self) -> QTableView:
        view = QTableView()
        view.setObjectName("disagreements")
        view.setModel(self.proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSortingEnabled(False)  # the list keeps article order, as a PI works through it
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return view

    def set_rows(self, rows: Sequence[ReviewRow], coders: Sequence[str],
                 variables: Sequence[str]) -> None:
        for combo in (self.variable, self.pair):
            combo.blockSignals(True)
            combo.clear()
        self.variable.addItem("All variables", ALL)
        self.variable.addItem("Claim marked or not", MARKED)
        for v in variables:
            self.variable.addItem(v, v)
        self.pair.addItem("Any pair", None)
        for a, b in combinations(coders, 2):
            self.pair.addItem(f"{a} \u00d7 {b}", (a, b))
        for combo in (self.variable, self.pair):
            combo.blockSignals(False)
        self.model.set_rows(rows, coders)
        self._filter_changed()

    def _filter_changed(self) -> None:
        key = self.variable.currentData()
        self.proxy.set_variable(None if key in (ALL, MARKED, None) else key,
                                marked=key == MARKED)
        self.proxy.set_pair(self.pair.currentData())
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total} disagreements")
        if shown:
            self.select(0)
        else:
            self.row_chosen.emit(None)

    def select(self, proxy_row: int) -> None:
        index = self.proxy.index(proxy_row, 0)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        same = self.table.selectionModel().currentIndex() == index
        self.table.selectionModel().setCurrentIndex(index, flags)
        if same:  # no currentRowChanged, but the rows behind the index may be new
            self._current_changed(index)

    def current(self) -> ReviewRow | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        self.row_chosen.emit(self.current() if index.isValid() else None)

    def pair_for(self, row: ReviewRow) -> tuple[str, str]:
        """The two coders to set side by side: the filtered pair, else the first who differ."""
        chosen = self.proxy.pair
        if chosen is not None and row.differs(*chosen):
            return chosen
        coders = self.model.coders
        return row.pair(coders) or (coders[0], coders[1])

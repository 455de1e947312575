"""The confusion tab: for a variable and a pair of coders, a heatmap table (green diagonal:
agreement, red off it: which values get confused), and agreement per category."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement.report import AgreementReport, VariableReport
from annotator.gui import plain
from annotator.gui.review import cells as C
from annotator.gui.review.overview import table_view
from annotator.gui.review.table_model import CellTableModel


class ConfusionTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.report: AgreementReport | None = None
        self.variable = QComboBox()
        self.variable.setObjectName("confusion_variable")
        self.pair = QComboBox()
        self.pair.setObjectName("confusion_pair")
        self.caption = plain.rich_label()
        self.caption.setWordWrap(True)
        self.matrix = CellTableModel((), self)
        self.matrix_view = table_view(self.matrix, "confusion")
        self.matrix_view.verticalHeader().setVisible(True)
        self.matrix_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.categories = CellTableModel(C.CATEGORY_HEADERS, self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Variable"))
        top.addWidget(self.variable)
        top.addWidget(QLabel("Coders"))
        top.addWidget(self.pair)
        top.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.matrix_view, 3)
        box = QGroupBox("Agreement per category (all coders)")
        QVBoxLayout(box).addWidget(table_view(self.categories, "categories"))
        body.addWidget(box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        layout.addLayout(body, 1)
        self.variable.currentIndexChanged.connect(self._variable_changed)
        self.pair.currentIndexChanged.connect(self._show)

    def show_report(self, report: AgreementReport) -> None:
        self.report = report
        self.variable.blockSignals(True)
        self.variable.clear()
        for v in report.variables:
            self.variable.addItem(v.variable, v.variable)
        self.variable.blockSignals(False)
        self._variable_changed()

    def _current(self) -> VariableReport | None:
        if self.report is None or self.variable.currentIndex() < 0:
            return None
        return self.report.variables[self.variable.currentIndex()]

    def _variable_changed(self) -> None:
        v = self._current()
        self.pair.blockSignals(True)
        self.pair.clear()
        for m in (v.confusion if v else ()):
            self.pair.addItem(f"{m.coder_a} (rows) \u00d7 {m.coder_b} (columns)")
        self.pair.blockSignals(False)
        self.categories.set_rows(C.category_rows(v) if v else [])
        self._show()

    def _show(self) -> None:
        v = self._current()
        i = self.pair.currentIndex()
        if v is None or not v.confusion or i < 0:
            self.matrix.set_rows([], headers=[], row_headers=[])
            self.caption.setText("No confusion matrix for this variable (too many distinct "
                                 "values, or no values)." if v else "")
            return
        m = v.confusion[i]
        rows, columns, row_heads = C.confusion_rows(m)
        self.matrix.set_rows(rows, headers=[f"{m.coder_b}: {c}" if c != "Total" else c
                                            for c in columns],
                             row_headers=[f"{m.coder_a}: {r}" if r != "Total" else r
                                          for r in row_heads])
        agreed = sum(m.counts[k][k] for k in range(len(m.labels)))
        total = sum(sum(r) for r in m.counts)
        self.caption.setText(f"<b>{plain.esc(v.variable)}</b>: {plain.esc(m.coder_a)} and "
                             f"{plain.esc(m.coder_b)} gave the same "
                             f"value in {agreed} of {total} units both coded. Green diagonal = "
                             "agreement; red cells = disagreement (darker = more units).")

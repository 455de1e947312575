"""The overview tab: variables x coefficients, marked against Krippendorff's guidance; claim
span agreement (F1 per pair, unitizing alpha); where the claims came from."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement.report import AgreementReport
from annotator.gui import plain
from annotator.gui.review import cells as C
from annotator.gui.review.table_model import CellTableModel


def fit_height(view: QTableView, most: int = 12) -> None:
    """As tall as its rows (up to `most`): no empty grid below a short table."""
    rows = min(view.model().rowCount(), most)
    height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    height += sum(view.rowHeight(r) for r in range(rows)) or view.verticalHeader().defaultSectionSize()
    view.setFixedHeight(height + 2)


def table_view(model: CellTableModel, name: str, stretch_last: bool = True) -> QTableView:
    """A read-only report table. `stretch_last=False` for tables whose last column is a
    right-aligned number: stretched past a narrow viewport, it would look empty."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(False)  # the mark colours must not mix with stripes
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    return view


class OverviewTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = plain.rich_label()
        self.summary.setObjectName("summary")
        self.guidance = QLabel(C.GUIDANCE)
        self.guidance.setWordWrap(True)
        self.guidance.setObjectName("guidance")
        self.guidance.setTextFormat(Qt.TextFormat.PlainText)
        self.coefficients = CellTableModel(C.COEFFICIENT_HEADERS, self)
        self.coefficient_view = table_view(self.coefficients, "coefficients")
        self.unitizing = plain.rich_label()
        self.unitizing.setObjectName("unitizing")
        self.unitizing.setWordWrap(True)
        self.cohen = CellTableModel(C.COHEN_HEADERS, self)
        self.spans = CellTableModel(C.SPAN_HEADERS, self)
        self.pipeline = CellTableModel(C.PIPELINE_HEADERS, self)
        self.views = [self.coefficient_view, table_view(self.cohen, "cohen", False),
                      table_view(self.spans, "spans", False),
                      table_view(self.pipeline, "pipeline", False)]
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.guidance)
        layout.addWidget(self.coefficient_view)
        lower = QHBoxLayout()
        lower.addWidget(self._group("Cohen's \u03ba per pair of coders", None, self.views[1]), 3)
        lower.addWidget(self._group("Claim spans (unitizing)", self.unitizing, self.views[2]), 4)
        lower.addWidget(self._group("Where the claims came from", None, self.views[3]), 3)
        layout.addLayout(lower, 1)

    @staticmethod
    def _group(title: str, label: QLabel | None, view: QTableView) -> QGroupBox:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        if label is not None:
            inner.addWidget(label)
        inner.addWidget(view)
        return box

    def show_report(self, report: AgreementReport) -> None:
        self.summary.setText(f"<b>{plain.esc(C.summary_text(report))}</b>")
        self.coefficients.set_rows(C.coefficient_rows(report))
        self.guidance.setText("\n".join([C.GUIDANCE, *report.definitions()]))
        u = report.unitizing
        verdict = C.MARK_SYMBOLS[C.result_verdict(u).label]
        text = (f"Unitizing \u03b1 (u\u03b1, Krippendorff 2004): <b>{C.num(u.value)}</b> "
                f"\u2014 {verdict}" if u.value is not None
                else f"Unitizing \u03b1: undefined ({plain.esc(u.reason)})")
        self.unitizing.setText(text + "<br>Claims match when they overlap by at least half "
                               "of the shorter one.")
        self.cohen.set_rows(C.cohen_rows(report))
        self.spans.set_rows(C.span_rows(report))
        self.pipeline.set_rows(C.pipeline_rows(report))
        for view in self.views:
            view.resizeColumnsToContents()
        fit_height(self.coefficient_view, most=30)  # the table that matters, shown whole

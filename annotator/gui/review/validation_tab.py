"""The Validation tab: the suggester as coder `machine` against a chosen reference coder, as
`annotator validate` computes it (annotator.validation), in a background thread.

Unit precision, recall and F1 per kind, accuracies over matched units, and Krippendorff's
alpha with its interval per variable, each for all articles and per outlet. Every name (coder,
outlet, variable) is shown as plain text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import UserError
from annotator.gui import plain
from annotator.gui.review import cells as C
from annotator.gui.review.overview import table_view
from annotator.gui.review.table_model import Cell, CellTableModel

UNIT_HEADERS = ("Outlet", "Kind", "Precision", "Recall", "F1", "Matched", "Machine",
                "Reference")
ACCURACY_HEADERS = ("Outlet", "Source type", "Attribution", "Certainty", "Link")
ALPHA_HEADERS = ("Outlet", "Variable", "Level", "Krippendorff's \u03b1", "95% interval",
                 "Guidance", "Units")
KINDS = ("sources", "cues", "claims")


class ValidationWorker(QObject):
    finished = Signal(object, str)  # Validation or None, error message ("" when fine)

    def __init__(self, path: Path, against: str, bootstrap: int = 1000, blind: bool = False):
        super().__init__()
        self.path, self.against, self.bootstrap, self.blind = path, against, bootstrap, blind

    def run(self) -> None:
        from annotator.project import Project
        from annotator.validation.report import validate

        result, error = None, ""
        try:  # its own connection: a sqlite3 connection stays in the thread that made it
            with Project.open(self.path) as proj:
                result = validate(proj, self.against, bootstrap=self.bootstrap, blind=self.blind)
        except UserError as exc:
            error = str(exc)
        except Exception as exc:  # a bug (or a missing pipeline) must not take the window down
            error = f"Validating the suggester failed: {type(exc).__name__}: {exc}"
        self.finished.emit(result, error)


def _num(value: float | None) -> Cell:
    return Cell(C.num(value), sort=value if value is not None else float("-inf"),
                align="right")


def _count(value: int) -> Cell:
    return Cell(str(value), sort=value, align="right")


def unit_rows(result: Any) -> list[list[Cell]]:
    rows = []
    for part in result.parts:
        for kind in KINDS:
            u = part.units[kind]
            rows.append([Cell(part.label, bold=part.outlet is None), Cell(kind),
                         _num(u["precision"]), _num(u["recall"]), _num(u["f1"]),
                         _count(u["matched"]), _count(u["machine"]), _count(u["reference"])])
    return rows


def accuracy_rows(result: Any) -> list[list[Cell]]:
    return [[Cell(p.label, bold=p.outlet is None),
             *(_num(p.units["accuracy"][k]) for k in ("type", "attribution", "certainty",
                                                       "link"))]
            for p in result.parts]


def alpha_rows(result: Any) -> list[list[Cell]]:
    rows = []
    for part in result.parts:
        report = part.agreement
        name = Cell(part.label, bold=part.outlet is None)
        u = report.unitizing
        rows.append([name, Cell("claim spans (unitizing)"), Cell(""), C.alpha_cell(u),
                     C.interval_cell(u), C.mark_cell(u), _count(report.n_units)])
        for v in report.variables:
            a = v.coefficients["krippendorff_alpha"]
            rows.append([name, Cell(v.variable), Cell(v.level), C.alpha_cell(a),
                         C.interval_cell(a), C.mark_cell(a), _count(a.n_units)])
    return rows


def summary_text(result: Any) -> str:
    versions = ", ".join(f"{v} ({n} articles)" for v, n in result.suggesters.items()) or "-"
    text = (f"The suggester ({versions}) as coder {result.machine} against "
            f"{result.reference}: {result.overall.articles} articles, "
            f"{len(result.outlets)} outlet(s).")
    share = result.reference_accepted()
    if share:
        text += (f" {share:.0%} of {result.reference}'s claims were accepted from "
                 "suggestions: agreement there is partly the machine's with itself.")
    return text


class ValidationTab(QWidget):
    validate_requested = Signal(str, bool)  # the reference coder's name, blind articles only

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.against = QComboBox()
        self.against.setObjectName("against")
        self.blind = QCheckBox("&Blind articles only")
        self.blind.setToolTip("Only the articles coded with the suggestions hidden: there the "
                              "coders cannot have taken the machine's word")
        self.run_button = QPushButton("&Validate the suggester")
        self.run_button.clicked.connect(self._request)
        self.summary = plain.label("Choose the reference coder and validate: the suggester's "
                                   "coding is built in a copy; the project is not changed.")
        self.summary.setObjectName("validation_summary")
        self.summary.setWordWrap(True)
        self.units = CellTableModel(UNIT_HEADERS, self)
        self.accuracy = CellTableModel(ACCURACY_HEADERS, self)
        self.alpha = CellTableModel(ALPHA_HEADERS, self)
        self.views = [table_view(self.units, "validation_units", False),
                      table_view(self.accuracy, "validation_accuracy", False),
                      table_view(self.alpha, "validation_alpha")]
        top = QHBoxLayout()
        top.addWidget(plain.label("Against:"))
        top.addWidget(self.against)
        top.addWidget(self.blind)
        top.addWidget(self.run_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        lower = QHBoxLayout()
        lower.addWidget(_group("Units (matched as annotator evaluate does)", self.views[0]), 3)
        lower.addWidget(_group("Accuracy over matched units", self.views[1]), 2)
        layout.addLayout(lower, 1)
        layout.addWidget(_group("Agreement after claim alignment", self.views[2]), 2)

    def set_coders(self, names: Sequence[str], preferred: str) -> None:
        current = self.against.currentData() or preferred
        self.against.clear()
        for name in names:
            self.against.addItem(name, name)
        found = self.against.findData(current)
        self.against.setCurrentIndex(found if found >= 0 else 0)

    def _request(self) -> None:
        name = self.against.currentData()
        if name:
            self.validate_requested.emit(name, self.blind.isChecked())

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.run_button.setEnabled(not busy)
        self.against.setEnabled(not busy)
        if text:
            self.summary.setText(text)

    def show_result(self, result: Any) -> None:
        self.summary.setText(summary_text(result))
        self.units.set_rows(unit_rows(result))
        self.accuracy.set_rows(accuracy_rows(result))
        self.alpha.set_rows(alpha_rows(result))
        for view in self.views:
            view.resizeColumnsToContents()


def _group(title: str, view: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    QVBoxLayout(box).addWidget(view)
    return box

"""The agreement window: the report (computed in a background thread), confusion heatmaps, and
the disagreement list where the PI settles each disagreement into the consensus coder.

The window opens its OWN Project on the file (and closes it on close): the coding window's
connection stays where it is, and every consensus edit is saved at once."""

from __future__ import annotations

import threading
from collections import defaultdict
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMenu,
    QProgressBar,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from annotator.commands import Edit
from annotator.consensus import CONSENSUS
from annotator.core.errors import UserError
from annotator.gui import plain
from annotator.gui.review import settle
from annotator.gui.review.confusion import ConfusionTab
from annotator.gui.review.data import (
    ReviewData,
    ReviewRow,
    consensus_claims,
    consensus_left_out,
    is_settled,
    match_consensus,
)
from annotator.gui.review.disagreement_tab import DisagreementTab
from annotator.gui.review.overview import OverviewTab
from annotator.gui.review.validation_tab import ValidationTab, ValidationWorker
from annotator.gui.review.worker import ReportWorker, start_report
from annotator.gui.screen import fitting_size
from annotator.gui.worker import start_worker
from annotator.project import Project

NO_CLAIM = "no claim"  # the consensus column of a unit settled as "no claim"


class AgreementWindow(QMainWindow):
    report_ready = Signal()  # a new report is shown (or its error)
    consensus_changed = Signal()  # an edit, undo or redo reached the file
    validation_ready = Signal()  # a validation of the suggester is shown (or its error)

    def __init__(self, project_path: str | Path, parent: QWidget | None = None, *,
                 bootstrap: int = 1000):
        super().__init__(parent)
        self.path = Path(project_path)
        self.project = Project.open(self.path)
        self.bootstrap = bootstrap
        self.data: ReviewData | None = None
        self.error = ""
        self._thread: threading.Thread | None = None
        self._worker: ReportWorker | None = None
        self._validation_worker: ValidationWorker | None = None
        self.validation = None  # the last Validation shown
        self._again = False
        self._texts: dict[int, str] = {}
        self._closed = False
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle(f"Agreement \u2014 {self.path.name}")
        self.resize(fitting_size(1280, 860))
        self.overview = OverviewTab()
        self.confusion = ConfusionTab()
        self.review = DisagreementTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.overview, "Overview")
        self.tabs.addTab(self.confusion, "Confusion")
        self.tabs.addTab(self.review, "Disagreements")
        self.validation_tab = ValidationTab()
        self.tabs.addTab(self.validation_tab, "Validation")
        self.validation_tab.validate_requested.connect(self.validate)
        self.setCentralWidget(self.tabs)
        self._build_actions()
        self._build_status()
        self.review.row_chosen.connect(self._show_row)
        self.review.settle.take_requested.connect(self.take)
        self.review.settle.value_chosen.connect(self.set_consensus_value)
        self.review.settle.set_variables(self._variable_codes())
        self.compute()

    # ---- actions ---------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.recompute_action = self._action("&Recompute", "F5", self.compute)
        self.export_action = self._action("&Export workbook\u2026", "Ctrl+E", self._ask_export)
        self.take_a_action = self._action("Take &A", "A", lambda: self.take("A"))
        self.take_b_action = self._action("Take &B", "B", lambda: self.take("B"))
        self.take_agreed_action = self._action("Take all a&greed units", "Ctrl+G",
                                               self.take_agreed)
        self.take_agreed_action.setToolTip("Copy every unit all coders marked and coded alike "
                                           "into the consensus, so it is a complete coding")
        close = self._action("&Close", QKeySequence.StandardKey.Close, self.close)
        self.coder_menu = QMenu("Coders", self)
        self.coder_button = QToolButton()
        self.coder_button.setText("Coders")
        self.coder_button.setMenu(self.coder_menu)
        self.coder_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._fill_coder_menu()
        bar = QToolBar("Agreement")
        bar.setObjectName("agreement_toolbar")
        bar.setMovable(False)
        bar.addWidget(self.coder_button)
        for action in (self.recompute_action, self.export_action, self.take_agreed_action,
                       self.undo_action, self.redo_action):
            bar.addAction(action)
        self.addToolBar(bar)
        menu = self.menuBar().addMenu("&Agreement")
        for action in (self.recompute_action, self.export_action, close):
            menu.addAction(action)
        edit = self.menuBar().addMenu("&Edit")
        for action in (self.undo_action, self.redo_action, self.take_a_action,
                       self.take_b_action, self.take_agreed_action):
            edit.addAction(action)
        self.addAction(self.take_a_action)
        self.addAction(self.take_b_action)

    def _action(self, text: str, key: str | QKeySequence.StandardKey, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        return action

    def _fill_coder_menu(self) -> None:
        """Every coder, checkable; at first those the CLI and the export compare too: the
        coders who coded something (not the consensus, not a PI who only looked)."""
        from annotator.reliability import default_coders

        self.coder_menu.clear()
        compared = set(default_coders(self.project))
        for coder in self.project.coders():
            self._coder_action(coder.name, coder.name in compared)
        self._update_coder_button()
        self._fill_references()

    def _fill_references(self) -> None:
        """The coders the Validation tab can take as reference, the consensus first."""
        names = [c.name for c in self.project.coders()]
        names.sort(key=lambda n: n != CONSENSUS)
        self.validation_tab.set_coders(names, CONSENSUS)

    def _add_consensus_coder(self) -> None:
        """The first Take creates the consensus coder: offer it for comparison (unchecked)."""
        names = [a.data() for a in self.coder_menu.actions()]
        if CONSENSUS not in names and self.project.coder(CONSENSUS) is not None:
            self._coder_action(CONSENSUS, False)
            self._fill_references()

    def _coder_action(self, name: str, checked: bool) -> QAction:
        """A checkable coder in the Coders menu; the name is the action's data (its text
        doubles `&`, its tooltip is escaped)."""
        action = self.coder_menu.addAction(plain.mnemonic(name))
        action.setData(name)
        action.setToolTip(plain.tip(name))
        action.setCheckable(True)
        action.setChecked(checked)
        action.toggled.connect(self._coders_changed)
        return action

    def chosen_coders(self) -> list[str]:
        return [a.data() for a in self.coder_menu.actions() if a.isChecked()]

    def set_coders(self, names: list[str]) -> None:
        """Choose the coders to compare (and recompute)."""
        for action in self.coder_menu.actions():
            action.blockSignals(True)
            action.setChecked(action.data() in names)
            action.blockSignals(False)
        self._coders_changed()

    def _coders_changed(self) -> None:
        self._update_coder_button()
        self.compute()

    def _update_coder_button(self) -> None:
        chosen = self.chosen_coders()
        self.coder_button.setText(plain.mnemonic(f"Coders: {', '.join(chosen) or 'none'} \u25be"))
        self.coder_button.setToolTip(plain.tip(", ".join(chosen)))

    def _variable_codes(self) -> dict[str, list[str]]:
        """The variables the consensus panel edits: categorical ones the report covers."""
        from annotator.reliability import select_variables

        return {v.name: [x.code for x in sorted(v.values, key=lambda x: x.numeric)]
                for v in select_variables(self.project, None) if v.is_categorical and v.values}

    # ---- status ----------------------------------------------------------------------------
    def _build_status(self) -> None:
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no steps to count: the engine runs in one go
        self.busy.setMaximumWidth(160)
        self.busy.setVisible(False)
        self.message = plain.label()
        self.statusBar().addWidget(self.message, 1)
        self.statusBar().addPermanentWidget(self.busy)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    @property
    def busy_now(self) -> bool:
        return self._thread is not None

    # ---- computing the report --------------------------------------------------------------
    def compute(self) -> None:
        coders = self.chosen_coders()
        if len(coders) < 2:
            known = len(self.coder_menu.actions())
            self.error = ("Choose two or more coders to compare." if known >= 2 else
                          f"Agreement needs two or more coders; this project has {known}.")
            self._say(self.error)
            self.report_ready.emit()
            return
        if self._thread is not None:
            self._again = True  # the running report is stale: compute again when it ends
            return
        self.busy.setVisible(True)
        self.tabs.setEnabled(False)
        self._say(f"Computing agreement between {', '.join(coders)}\u2026")
        # keep the worker referenced: Python would collect it (and its run) otherwise
        self._worker = ReportWorker(self.path, coders, self.bootstrap)
        self._worker.finished.connect(self._report_done, Qt.ConnectionType.QueuedConnection)
        self._thread = start_report(self._worker, self)

    def _report_done(self, data: ReviewData | None, error: str) -> None:
        self._thread, self._worker = None, None
        if self._closed:  # delivered after the window closed its project
            return
        if self._again:
            self._again = False
            self.compute()
            return
        self.busy.setVisible(False)
        self.tabs.setEnabled(True)
        self.error = error
        if data is None:
            self._say(error)
            plain.message(self, "Agreement", error, warning=True)
        else:
            self._show_data(data)
        self.report_ready.emit()

    def _show_data(self, data: ReviewData) -> None:
        self.data = data
        self._texts.clear()
        report = data.report
        self.overview.show_report(report)
        self.confusion.show_report(report)
        self.review.set_rows(data.rows, report.coders, [v.variable for v in report.variables])
        self._refresh_consensus()
        self._say(f"{len(data.rows)} disagreements to review. Take A / Take B (keys A, B) "
                  "settles one into the consensus coder; Ctrl+Z undoes.")

    # ---- the chosen disagreement -----------------------------------------------------------
    def _text(self, article_id: int) -> str:
        if article_id not in self._texts:
            self._texts[article_id] = self.project.article_text(article_id)
        return self._texts[article_id]

    def _show_row(self, row: ReviewRow | None) -> None:
        panel = self.review.settle
        if row is None or self.data is None or self._closed:
            self.review.compare.clear()
            panel.set_enabled(False)
            panel.set_pair(None)
            return
        pair = self.review.pair_for(row)
        variables = [v.variable for v in self.data.report.variables]
        self.review.compare.show_row(self._text(row.article_id), row, pair, variables)
        panel.set_pair(pair)
        panel.set_enabled(True)
        self._show_consensus(row)

    def _show_consensus(self, row: ReviewRow) -> None:
        found = match_consensus(consensus_claims(self.project, row.article_id), row)
        locked = {name for name in self.review.settle.combos
                  if self._is_source_variable(name)
                  and (found is None or found.claim.source_id is None)}
        left_out = found is None and is_settled(row, [], consensus_left_out(self.project,
                                                                             row.article_id))
        self.review.settle.show_consensus(found, locked, left_out=left_out)

    def _is_source_variable(self, name: str) -> bool:
        spec = self.project.codebook.variable(name)
        return spec is not None and spec.level == "source"

    def _refresh_consensus(self, article_id: int | None = None) -> None:
        """The consensus column for every row (or one article's rows)."""
        if self.data is None:
            return
        by_article: dict[int, list[ReviewRow]] = defaultdict(list)
        for row in self.data.rows:
            if article_id is None or row.article_id == article_id:
                by_article[row.article_id].append(row)
        values: dict[tuple[str, str | None], str] = {}
        for aid, rows in by_article.items():
            found = consensus_claims(self.project, aid)
            left_out = consensus_left_out(self.project, aid)
            for row in rows:
                cc = match_consensus(found, row)
                if cc is None:  # settled as "no claim" says so; an unsettled row stays empty
                    text = NO_CLAIM if is_settled(row, [], left_out) else ""
                else:
                    text = "marked" if row.variable is None else str(
                        cc.values.get(row.variable) or "\u2013")
                values[(row.unit, row.variable)] = text
        self.review.model.set_consensus(values)

    # ---- settling --------------------------------------------------------------------------
    def take(self, side: str) -> None:
        row = self.review.current()
        if row is None or self._closed:
            return
        from annotator.reliability import agreed_claim_ids

        coder = self.review.pair_for(row)[0 if side == "A" else 1]
        agreed = agreed_claim_ids(self.project, self.data.report) if self.data else []
        self._apply(lambda: settle.take(self.project, row, coder, agreed),
                    f"The consensus already has {coder}'s coding here.")

    def take_agreed(self) -> None:
        """Copy the units the coders agree on into the consensus (one undoable step)."""
        from annotator import consensus
        from annotator.reliability import agreed_claim_ids

        if self.data is None or self._closed:
            return
        ids = agreed_claim_ids(self.project, self.data.report)
        cons = self.project.ensure_coder(consensus.CONSENSUS).id

        def make():
            edit = consensus.take_agreed(self.project.db, ids, cons)
            if edit.empty:
                return None
            taken = len(edit.created("claim"))
            edit.text = f"Take {taken} agreed unit{'s' if taken != 1 else ''} into the consensus"
            return edit

        self._apply(make, "The consensus already holds every agreed unit.")

    def set_consensus_value(self, variable: str, value: str | None) -> None:
        row = self.review.current()
        if row is None or self._closed:
            return
        self._apply(lambda: settle.set_value(self.project, row, variable, value),
                    "Nothing to change (take A or B first).")

    def _apply(self, make, nothing: str) -> None:
        try:
            edit = make()
        except UserError as exc:
            plain.message(self, "Agreement", str(exc), warning=True)
            return
        if edit is None:
            self._say(nothing)
            self._after_edit(None, None)
            return
        if self.data is not None:
            edit = settle.with_consensus_status(self.project, edit, self.data.rows)
        self.undo_stack.push(settle.review_command(self.project, edit, self._after_edit))
        self._after_edit(edit, None)

    def _after_edit(self, edit: Edit | None, error: str | None) -> None:
        if error:
            plain.message(self, "Agreement", f"The change was not saved: {error}",
                          warning=True)
        row = self.review.current()
        self._refresh_consensus(edit.article_id if edit is not None else None)
        if row is not None:
            self._show_consensus(row)
        if edit is not None and not error:
            self._say(f"Saved: {edit.text}.")
        self._add_consensus_coder()
        self.consensus_changed.emit()

    # ---- validating the suggester ------------------------------------------------------------
    def validate(self, against: str, blind: bool = False) -> None:
        """The suggester as coder `machine` against `against`, computed in the background."""
        if self._validation_worker is not None or self._closed:
            return
        self.validation_tab.set_busy(True, f"Validating the suggester against {against}\u2026")
        self._validation_worker = ValidationWorker(self.path, against, self.bootstrap,
                                                   blind)
        self._validation_worker.finished.connect(self._validation_done,
                                                 Qt.ConnectionType.QueuedConnection)
        start_worker(self._validation_worker, self, name="validation")

    def _validation_done(self, result, error: str) -> None:
        self._validation_worker = None
        if self._closed:
            return
        self.validation_tab.set_busy(False)
        if result is None:
            self.validation_tab.summary.setText(error)
            plain.message(self, "Validation", error, warning=True)
        else:
            self.validation = result
            self.validation_tab.show_result(result)
        self.validation_ready.emit()

    # ---- export ----------------------------------------------------------------------------
    def _ask_export(self) -> None:
        if self.data is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, "Export agreement workbook",
                                              str(self.path.with_suffix(".agreement.xlsx")),
                                              "Excel workbook (*.xlsx)")
        if name:
            self.export_workbook(Path(name))

    def export_workbook(self, target: Path) -> None:
        from annotator.io.agreement_export import write_agreement_workbook

        if self.data is None:
            return
        data = self.data
        wanted = {r.article_id for r in data.rows}
        try:
            write_agreement_workbook(target, data.report, unit_disagreements=data.unit_rows,
                                     texts={a: self._text(a) for a in wanted},
                                     codebook=self.project.codebook)
        except UserError as exc:
            plain.message(self, "Agreement", str(exc), warning=True)
            return
        self._say(f"Wrote {target}")

    # ---- closing ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self._closed:
            super().closeEvent(event)
            return
        self._closed = True
        # a report still computing ends on its own thread, with its own connection; its result
        # is ignored (see _report_done)
        self._again = False
        self.undo_stack.clear()
        self.project.close()
        super().closeEvent(event)


def open_agreement_window(parent: QWidget | None, project_path: str | Path) -> AgreementWindow:
    """Open (and show) the agreement window on a project file; it keeps its own connection."""
    window = AgreementWindow(project_path, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is not None:  # a parent deleted without closing us: still close the file
        parent.destroyed.connect(window.close)
    window.show()
    return window

"""Coders' work going out and coming back, from the GUI: assign, hand in, merge.

Thin dialogs over `annotator.exchange`; the work is in methods taking plain values, which the
tests call directly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMenu,
    QSpinBox,
    QWidget,
)

from annotator import exchange
from annotator.core.errors import UserError
from annotator.gui import dialogs

PROJECT_FILTER = "annotator projects (*.annotator);;All files (*)"


class AssignDialog(QDialog):
    """Coders (comma-separated), the reliability sample's share, a seed, and blind or not."""

    def __init__(self, parent: QWidget | None, known: list[str]):
        super().__init__(parent)
        self.setWindowTitle("Assign articles to coders")
        self.coders = QLineEdit(", ".join(known))
        self.coders.setPlaceholderText("anna, bob, carla")
        self.overlap = QSpinBox()
        self.overlap.setRange(0, 100)
        self.overlap.setValue(20)
        self.overlap.setSuffix(" %")
        self.seed = QSpinBox()
        self.seed.setRange(0, 1_000_000)
        self.blind = QCheckBox("Hide suggestions in the reliability sample (blind)")
        self.blind.setChecked(True)
        self.force = QCheckBox("Replace the current assignment (coder files already out get "
                               "stale)")
        form = QFormLayout(self)
        form.addRow("Coders", self.coders)
        form.addRow("Coded by every coder", self.overlap)
        form.addRow("Random seed", self.seed)
        form.addRow(self.blind)
        form.addRow(self.force)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def names(self) -> list[str]:
        return [n.strip() for n in self.coders.text().split(",") if n.strip()]


class ExchangeMenuMixin:
    def build_exchange_actions(self, menu: QMenu) -> None:
        menu.addSeparator()
        self._add(menu, "A&ssign articles to coders…", None, self.choose_assignment)
        self._add(menu, "&Hand in (write a clean copy)…", None, self.choose_hand_in)
        self._add(menu, "&Merge coder files…", None, self.choose_merge)

    # ---- assign --------------------------------------------------------------------------
    def choose_assignment(self) -> None:
        project = self.session.project
        if project is None:
            return
        known = [c.name for c in project.coders() if c.name != "consensus"]
        self.assign_dialog = dlg = AssignDialog(self, known)
        dlg.accepted.connect(lambda: self.assign_coders(dlg.names(), dlg.overlap.value() / 100,
                                                        dlg.seed.value(), dlg.blind.isChecked(),
                                                        dlg.force.isChecked()))
        dlg.open()

    def assign_coders(self, names: list[str], overlap: float, seed: int, blind: bool,
                      force: bool = False) -> bool:
        try:
            result = exchange.assign(self.session.project, names, overlap=overlap, seed=seed,
                                     blind=blind, force=force)
        except UserError as exc:
            self.exchange_report = dialogs.show_message(self, "Assign", str(exc), warning=True)
            return False
        lines = [f"Reliability sample: {len(result.reliability)} article(s), coded by every "
                 f"coder{' (suggestions hidden)' if blind else ''}."]
        lines += [f"• {name}: {len(arts)} article(s)" for name, arts in result.per_coder.items()]
        lines.append("Write each coder's file with: annotator coder-file PROJECT --coder NAME OUT")
        self.exchange_report = dialogs.show_message(self, "Assign", "\n".join(lines))
        self.refresh_articles(reread=True)
        return True

    # ---- hand in -------------------------------------------------------------------------
    def choose_hand_in(self) -> None:
        if self.session.project is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Hand in: write a clean copy",
                                              self._start_in("-handin.annotator"),
                                              PROJECT_FILTER)
        if path:
            self.hand_in(Path(path))

    def hand_in(self, path: Path) -> bool:
        """A self-contained copy with every saved edit (a plain file copy can miss some)."""
        if path.suffix != ".annotator":
            path = path.with_name(path.name + ".annotator")
        try:
            out = exchange.pack(self.session.project, path)
        except (UserError, OSError) as exc:
            self.exchange_report = dialogs.show_message(self, "Hand in", str(exc), warning=True)
            return False
        self.exchange_report = dialogs.show_message(
            self, "Hand in", f"Wrote {out}. Send this file to your PI.")
        return True

    # ---- merge ---------------------------------------------------------------------------
    def choose_merge(self) -> None:
        if self.session.project is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(self, "Merge coder files", self._start_in(),
                                                PROJECT_FILTER)
        if paths:
            self.merge_files([Path(p) for p in paths])

    def merge_files(self, paths: list[Path]) -> bool:
        try:
            report = exchange.merge(self.session.project, paths)
        except UserError as exc:
            self.exchange_report = dialogs.show_message(self, "Merge", str(exc), warning=True)
            return False
        lines = [f"• Merged {m}" for m in report.merged]
        lines += [f"• Unchanged: {u}" for u in report.unchanged]
        lines += [f"• Skipped {s}" for s in report.skipped_articles]
        lines += [f"• Note: {n}" for n in report.notes]
        lines += [f"• WARNING {w}" for w in report.warnings]
        lines += [f"• CONFLICT {c}" for c in report.conflicts]
        lines += [f"• FAILED (nothing merged from it) {f}" for f in report.failed]
        self.exchange_report = dialogs.show_message(self, "Merge", "\n".join(lines) or
                                                    "Nothing to merge.",
                                                    warning=bool(report.conflicts or report.failed
                                                                 or report.warnings))
        self.refresh_articles(reread=True)
        return not (report.conflicts or report.failed)

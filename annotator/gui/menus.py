"""The File menu: new, open, recent projects, import, export, quit.

The dialogs that pick files are kept in thin methods; the work is in methods taking paths,
which the tests call directly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu

from annotator.core.errors import UserError
from annotator.core.languages import LANGUAGES
from annotator.gui import dialogs, plain, settings
from annotator.project import Project

PROJECT_FILTER = "annotator projects (*.annotator);;All files (*)"
EXPORT_FILTER = ("Excel workbook (*.xlsx);;CSV files (*.csv);;SPSS, a file per table (*.sav);;"
                 "Stata, a file per table (*.dta)")
# what the export writes for the suffix chosen: the CSV files go into the chosen file's folder
EXPORT_TARGET = {".csv": "csv_dir", ".sav": "sav", ".dta": "dta", ".xlsx": "xlsx"}
ANALYSIS, PER_CODER, MINE = "analysis", "per_coder", "mine"  # the export's datasets


def sheet_exporter():
    """The coding-sheet exporter, when this installation has it (written alongside the GUI)."""
    try:
        from annotator.sheet import export as sheet_export
    except ImportError:
        return None
    return sheet_export


def with_filter_suffix(path: Path, chosen: str) -> Path:
    """A name typed without a known suffix gets the one of the file type chosen in the dialog
    ("study" with "SPSS (*.sav)" is study.sav), not always a workbook's."""
    if path.suffix.lower() in EXPORT_TARGET or "(*." not in chosen:
        return path
    return path.with_name(path.name + chosen[chosen.index("(*.") + 2:].rstrip(")"))


class FileMenuMixin:
    def build_file_menu(self) -> None:
        menu = self.menuBar().addMenu("&File")
        self._file_action(menu, "&New project…", QKeySequence.StandardKey.New, self.new_project)
        self._file_action(menu, "&Open project…", QKeySequence.StandardKey.Open,
                          self.choose_project)
        self.recent_menu = QMenu("Open &recent", self)
        menu.addMenu(self.recent_menu)
        self._file_action(menu, "Open the &sample project", None, lambda: self.open_sample())
        menu.addSeparator()
        self._file_action(menu, "&Import articles…", "Ctrl+I", self.choose_imports)
        self.build_export_menu(menu)
        self.sheet_import_action = self._file_action(menu, "&Read back a coding sheet…", None,
                                                     self.choose_sheet_import)
        self.sheet_import_action.setEnabled(sheet_exporter() is not None)
        menu.addSeparator()
        self._file_action(menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.update_recent_menu()

    def build_export_menu(self, menu: QMenu) -> None:
        """Export ▸ the analysis dataset, every coder's work, or this coder's (as the CLI's
        default, --per-coder and --coder NAME)."""
        self.export_menu = QMenu("&Export coding sheet", self)
        menu.addMenu(self.export_menu)
        self.export_action = self._file_action(
            self.export_menu, "&Analysis dataset (consensus, else the one coder's work)…",
            "Ctrl+E", lambda: self.choose_export(ANALYSIS))
        self.export_per_coder_action = self._file_action(
            self.export_menu, "&Every coder's work (a row per coder)…", None,
            lambda: self.choose_export(PER_CODER))
        self.export_mine_action = self._file_action(
            self.export_menu, "&Only my work…", None, lambda: self.choose_export(MINE))
        self.export_menu.setEnabled(sheet_exporter() is not None)

    def update_export_menu(self) -> None:
        """Name the coder in "Only my work" (a PI may open the project as any coder)."""
        coder = self.session.coder
        self.export_mine_action.setText(
            f"&Only {plain.mnemonic(coder.name)}'s work…" if coder else "&Only my work…")
        # the tooltip would be the text, as rich text: the coder's name shown literally
        self.export_mine_action.setToolTip(plain.tip(
            f"Only {coder.name}'s work (as annotator export --coder)" if coder else "Only my work"))

    def _file_action(self, menu: QMenu, text: str, key, slot) -> QAction:
        act = QAction(text, self)
        if key is not None:
            act.setShortcut(QKeySequence(key))
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def update_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in settings.recent_projects():
            self.recent_menu.addAction(plain.mnemonic(path.name)).triggered.connect(
                lambda _c=False, p=path: self.open_project(p))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def _start_in(self, suffix: str = "") -> str:
        """A file dialog's folder: the open project's (a name from the project's + `suffix`)."""
        project = self.session.project
        path = project.path if project is not None else None
        return dialogs.start_in(path, path.stem + suffix if path is not None and suffix else "")

    # ---- new and open ---------------------------------------------------------------------
    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New project", self._start_in(),
                                              PROJECT_FILTER)
        if not path:
            return
        language, ok = QInputDialog.getItem(self, "New project", "Main language of the articles:",
                                            list(LANGUAGES), 0, False)
        if ok:
            self.create_project(Path(path), language)

    def create_project(self, path: Path, language: str = "nl", coder: str | None = None) -> bool:
        if path.suffix != ".annotator":
            path = path.with_name(path.name + ".annotator")
        try:
            project = Project.create(path, language=language, overwrite=path.exists())
        except UserError as exc:
            dialogs.show_message(self, "Cannot create the project", str(exc), warning=True)
            return False
        return self.set_project(project, coder)

    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", self._start_in(),
                                              PROJECT_FILTER)
        if path:
            self.open_project(Path(path))

    # ---- import and export ----------------------------------------------------------------
    def choose_imports(self) -> None:
        if self.session.project is None:
            return
        from annotator.io.importers import supported_suffixes

        kinds = " ".join(f"*{suffix}" for suffix in supported_suffixes())
        # the articles annotator can read first: "All files" listed the project's -wal/-shm
        paths, _ = QFileDialog.getOpenFileNames(self, "Import articles", self._start_in(),
                                                f"Articles ({kinds});;All files (*)")
        if paths:
            self.import_articles([Path(p) for p in paths])

    def import_articles(self, paths: list[Path]) -> str:
        """Import files; show what was added and what was skipped, with the reasons."""
        project = self.session.project
        if project is None:
            return ""
        try:
            outcome = project.import_paths(paths)
        except UserError as exc:
            text = f"Nothing was imported: {exc}"
        else:
            text = dialogs.outcome_text(outcome)
        self.import_report = dialogs.show_message(self, "Import articles", text,
                                                  warning="Skipped" in text)
        self.refresh_articles(reread=True)
        return text

    def choose_export(self, dataset: str = ANALYSIS) -> None:
        if self.session.project is None or sheet_exporter() is None:
            return
        path, chosen = QFileDialog.getSaveFileName(self, "Export coding sheet",
                                                   self._start_in(".xlsx"), EXPORT_FILTER)
        if path:
            self.export_sheet(with_filter_suffix(Path(path), chosen), dataset)

    def export_sheet(self, path: Path, dataset: str = ANALYSIS) -> bool:
        """Write the coding sheet of `dataset` (ANALYSIS, PER_CODER or MINE): an .xlsx
        workbook, CSV files into the chosen file's folder, or a .sav/.dta file per table."""
        module = sheet_exporter()
        project, coder = self.session.project, self.session.coder
        if module is None or project is None:
            return False
        what = EXPORT_TARGET.get(path.suffix.lower())
        if what is None:  # no suffix, or one the export does not write: a workbook
            what, path = "xlsx", path.with_name(path.name + ".xlsx")
        target = {what: path.parent if what == "csv_dir" else path}
        if dataset == PER_CODER:
            target["per_coder"] = True
        elif dataset == MINE and coder is not None:
            target["coders"] = [coder.name]
        try:
            report = module.export_project(project, **target)
        except UserError as exc:
            dialogs.show_message(self, "Export failed", str(exc), warning=True)
            return False
        self.export_report = dialogs.show_message(self, "Export", "\n".join(report.lines()))
        return True

    def choose_sheet_import(self) -> None:
        if self.session.project is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, "Read back a coding sheet", self._start_in(),
                                              "Excel workbook (*.xlsx)")
        if path:
            self.import_sheet(Path(path))

    def import_sheet(self, path: Path) -> bool:
        """Apply the values this coder edited in an exported sheet: all of them, as one undoable
        step, or none (every problem is listed with its sheet, row and column)."""
        from annotator.sheet.readback import apply_changes, read_changes

        project, coder = self.session.project, self.session.coder
        if project is None or coder is None:
            return False
        try:
            result = read_changes(project, path, coder.name)
        except UserError as exc:
            self.sheet_report = dialogs.show_message(self, "Coding sheet not read back", str(exc),
                                                     warning=True)
            return False
        self.session.run(lambda: apply_changes(project, result).edits,
                         f"Read back {path.name}")
        self.sheet_report = dialogs.show_message(self, "Coding sheet read back",
                                                 "\n".join(result.lines()))
        return True

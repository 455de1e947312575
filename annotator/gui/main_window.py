"""The main window (minimal: the coding workspace is built on top of it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
)

from annotator.core.errors import UserError
from annotator.project import Project


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.project: Project | None = None
        self.setWindowTitle("annotator")
        self.resize(1200, 800)
        self.article_list = QListWidget()
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        split = QSplitter()
        split.addWidget(self.article_list)
        split.addWidget(self.text_view)
        split.setSizes([300, 900])
        self.setCentralWidget(split)
        self.status_label = QLabel("No project open")
        self.statusBar().addWidget(self.status_label)
        self.article_list.currentRowChanged.connect(self._show_article)
        self._articles = []

    def open_project(self, path: Path, coder: str | None = None) -> bool:
        try:
            project = Project.open(path)
        except UserError as exc:
            QMessageBox.critical(self, "Cannot open project", str(exc))
            return False
        self._set_project(project)
        return True

    def open_sample(self) -> None:
        from annotator.sample import open_sample_project

        self._set_project(open_sample_project())

    def _set_project(self, project: Project) -> None:
        if self.project is not None:
            self.project.close()
        self.project = project
        self._articles = project.articles()
        self.article_list.clear()
        for a in self._articles:
            self.article_list.addItem(f"{a.title or a.ext_id} — {a.outlet}")
        self.setWindowTitle(f"{project.path.name} — annotator")
        self.status_label.setText(f"{len(self._articles)} articles · saved")
        if self._articles:
            self.article_list.setCurrentRow(0)

    def _show_article(self, row: int) -> None:
        if self.project is None or row < 0:
            return
        self.text_view.setPlainText(self.project.article_text(self._articles[row].id))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.project is not None:
            self.project.close()
            self.project = None
        super().closeEvent(event)

"""Start the Qt application and show the main window."""

from __future__ import annotations

import sys
from pathlib import Path


def run(project: Path | None = None, sample: bool = False, coder: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from annotator.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    window = MainWindow()
    window.show()
    if sample:
        window.open_sample(coder)
    elif project is not None:
        window.open_project(project, coder=coder)
    return app.exec()

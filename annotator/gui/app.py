"""Start the Qt application and show the main window."""

from __future__ import annotations

import sys
from pathlib import Path


def qt_problem() -> str | None:
    """Why the window cannot open on this machine (Qt missing or not loadable), or None."""
    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as err:
        if isinstance(err, ModuleNotFoundError) and (err.name or "").startswith("PySide6"):
            return "the window needs Qt (PySide6), which is not installed here: " \
                "pip install 'PySide6-Essentials<6.12'; every other command works without it"
        return f"the window needs Qt (PySide6), which cannot load here ({err}); every other " \
            "command works without it"
    return None


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

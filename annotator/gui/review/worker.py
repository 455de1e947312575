"""Computing the agreement report in a background thread, so the window never freezes.

The worker opens its OWN Project: a sqlite3 connection must stay in the thread that made it.
It runs on a plain daemon thread and reports through a signal of a QObject living in the GUI
thread (so delivery is queued). Nothing ever blocks on the thread: a blocking QThread.wait()
in the GUI thread deadlocked here under load, and a report nobody wants any more simply ends.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from annotator.core.errors import UserError
from annotator.gui.worker import start_worker


class ReportWorker(QObject):
    finished = Signal(object, str)  # ReviewData or None, error message ("" when fine)

    def __init__(self, path: Path, coders: Sequence[str] | None, bootstrap: int = 1000):
        super().__init__()
        self.path, self.coders, self.bootstrap = path, list(coders or []), bootstrap

    def run(self) -> None:
        from annotator.gui.review.data import build_review
        from annotator.project import Project

        data, error = None, ""
        try:
            with Project.open(self.path) as proj:
                data = build_review(proj, self.coders or None, bootstrap=self.bootstrap)
        except UserError as exc:
            error = str(exc)
        except Exception as exc:  # a bug in the engine must not take the window down
            error = f"Computing the agreement failed: {type(exc).__name__}: {exc}"
        self.finished.emit(data, error)


def start_report(worker: ReportWorker, parent: QObject | None = None) -> threading.Thread:
    """Run `worker` on a daemon thread, as the workspace runs its pre-annotation."""
    return start_worker(worker, parent, name="agreement-report")

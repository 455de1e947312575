"""Pre-annotating the whole project in a background thread, with progress and cancel.

The worker opens its OWN Project: a sqlite3 connection must stay in the thread that made it.
The pipeline (spaCy) is imported inside the thread too, so the window never waits for it.
It runs on a plain Python thread and reports through signals of a QObject living in the GUI
thread, so delivery is queued; waiting for it is `Thread.join`, which releases the GIL (a
QThread.wait() in the GUI thread deadlocked under load here).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from annotator.core.errors import UserError


class SuggestWorker(QObject):
    progress = Signal(int, int)
    finished = Signal(int, str)  # articles done, error message ("" when fine)

    def __init__(self, path: Path, again: bool = False):
        super().__init__()
        self.path = path
        self.again = again
        self._stop = False

    def stop(self) -> None:
        self._stop = True  # read by should_stop between batches; a plain bool is thread-safe

    def run(self) -> None:
        from annotator.project import Project

        done, error = 0, ""
        try:
            with Project.open(self.path) as project:
                done = project.suggest_articles(
                    again=self.again, batch_size=8,
                    progress=lambda n, total: self.progress.emit(n, total),
                    should_stop=lambda: self._stop)
        except ImportError as exc:
            error = f"The suggestion pipeline is not available in this installation ({exc})."
        except UserError as exc:
            error = str(exc)
        except Exception as exc:  # a bug in the pipeline must not take the window down
            error = f"Pre-annotation failed: {type(exc).__name__}: {exc}"
        self.finished.emit(done, error)


def start_worker(worker: QObject, parent: QObject | None = None,
                 name: str = "pre-annotate") -> threading.Thread:
    """Run `worker.run` on a daemon thread (which keeps the worker alive until it is done)."""
    thread = threading.Thread(target=worker.run, name=name, daemon=True)
    thread.start()
    return thread

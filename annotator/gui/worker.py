"""Pre-annotating the whole project in a background thread, with progress and cancel.

The worker opens its OWN Project: a sqlite3 connection must stay in the thread that made it.
The pipeline (spaCy) is imported inside the thread too, so the window never waits for it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

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


def start_worker(worker: SuggestWorker, parent: QObject) -> QThread:
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    thread.finished.connect(worker.deleteLater)
    thread.start()
    return thread

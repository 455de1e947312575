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
        from annotator.learn.use import suggest_project
        from annotator.project import Project

        done, error = 0, ""
        try:
            with Project.open(self.path) as project:  # the project's model beside the rules
                done, _ = suggest_project(
                    project, again=self.again, batch_size=8,
                    progress=lambda n, total: self.progress.emit(n, total),
                    should_stop=lambda: self._stop)
        except ImportError as exc:
            error = f"The suggestion pipeline is not available in this installation ({exc})."
        except UserError as exc:
            error = str(exc)
        except Exception as exc:  # a bug in the pipeline must not take the window down
            error = f"Pre-annotation failed: {type(exc).__name__}: {exc}"
        self.finished.emit(done, error)


class TrainWorker(QObject):
    """`annotator train` for the window's coder, in the background, cancellable between batches
    (the previous model stays in use until a finished run is swapped in)."""

    progress = Signal(str, int, int, float)  # stage, epoch, epochs, held-out F1 (-1: none)
    finished = Signal(str, str)  # message, error ("" when fine)

    def __init__(self, path: Path, coder: str | None):
        super().__init__()
        self.path, self.coder = path, coder
        self._stop = False

    def stop(self) -> None:
        self._stop = True

    def run(self) -> None:
        from annotator.project import Project

        message, error = "", ""
        try:
            from annotator.learn.train import TrainingCancelled
            from annotator.learn.use import train_project

            with Project.open(self.path) as project:
                info = train_project(project, coder=self.coder, progress=self._report,
                                     should_stop=lambda: self._stop)
            message = (f"Trained {info.name} on {info.articles} article(s); held-out F1 "
                       f"{info.scores.get('heldout_span_f1', 0):.2f}. Pre-annotate to use it.")
        except ImportError as exc:
            error = f"Training is not available in this installation ({exc})."
        except TrainingCancelled:
            message = "Training stopped; the previous model stays in use."
        except UserError as exc:
            error = str(exc)
        except Exception as exc:  # a bug in training must not take the window down
            error = f"Training failed: {type(exc).__name__}: {exc}"
        self.finished.emit(message, error)

    def _report(self, p: object) -> None:
        score = getattr(p, "score", None)
        self.progress.emit(str(getattr(p, "stage", "")), int(getattr(p, "epoch", 0)),
                           int(getattr(p, "epochs", 0)), -1.0 if score is None else float(score))


def start_worker(worker: QObject, parent: QObject | None = None,
                 name: str = "pre-annotate") -> threading.Thread:
    """Run `worker.run` on a daemon thread (which keeps the worker alive until it is done)."""
    thread = threading.Thread(target=worker.run, name=name, daemon=True)
    thread.start()
    return thread

"""A small text progress bar for long CLI runs (stderr, redrawn in place)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    def __init__(self, label: str, stream: TextIO = sys.stderr, min_interval: float = 0.1):
        self.label = label
        self.stream = stream
        self.min_interval = min_interval
        self._last = 0.0
        self._shown = False

    def update(self, done: int, total: int) -> None:
        t = time.monotonic()
        if t - self._last < self.min_interval and done < total:
            return
        self._last = t
        width = 30
        filled = int(width * done / total) if total else width
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] "
                          f"{done}/{total}")
        self.stream.flush()
        self._shown = True

    def finish(self) -> None:
        if self._shown:
            self.stream.write("\n")
            self.stream.flush()

"""Settings the window remembers between sessions: coder name, recent projects, zoom.

The file lives under $XDG_CONFIG_HOME (read at each use, not cached by Qt), so that tests that
point it at a temporary folder never touch the real home.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8


def settings_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "annotator" / "gui.ini"


def settings() -> QSettings:
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


def remembered_coder() -> str:
    return str(settings().value("coder", "") or "")


def remember_coder(name: str) -> None:
    settings().setValue("coder", name)


def recent_projects() -> list[Path]:
    raw = settings().value("recent", []) or []
    if isinstance(raw, str):  # QSettings returns a lone string for a one-item list
        raw = [raw]
    return [Path(p) for p in raw if Path(p).exists()]


def add_recent_project(path: Path) -> None:
    paths = [str(path.resolve())] + [str(p) for p in recent_projects()
                                     if p.resolve() != path.resolve()]
    settings().setValue("recent", paths[:MAX_RECENT])

"""Shared test fixtures. GUI tests run offscreen; other packages never import Qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

try:  # tests/gui need Qt; on a machine without it they are skipped, everything else runs
    import PySide6.QtCore  # noqa: F401
    HAVE_QT = True
except ImportError:
    HAVE_QT = False
collect_ignore = [] if HAVE_QT else ["gui"]


def pytest_report_header(config: pytest.Config) -> str | None:
    return None if HAVE_QT else "PySide6 is not installed: tests/gui skipped"


REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "study.annotator"


@pytest.fixture
def project(project_path: Path):
    from annotator.project import Project

    proj = Project.create(project_path, language="nl")
    yield proj
    proj.close()


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the app's user data (sample project, settings) inside the test's folder."""
    d = tmp_path / "userdata"
    monkeypatch.setenv("XDG_DATA_HOME", str(d))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return d


@pytest.fixture
def small_disk(tmp_path: Path):
    """`mount(size)`: a folder on a fresh tmpfs of that size, for real full-disk tests.

    Needs root (mount); the test is skipped elsewhere. `fill(folder, leave)` then fills it
    until only `leave` bytes are free; `seal(folder)` makes it read-only.
    """
    import shutil
    import subprocess

    mounted: list[Path] = []

    def mount(size: str = "1m") -> Path:
        mnt = tmp_path / f"disk{len(mounted)}"
        mnt.mkdir()
        if os.geteuid() != 0 or subprocess.run(
                ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)],
                capture_output=True).returncode:
            pytest.skip("a real small disk (tmpfs) needs root")
        mounted.append(mnt)
        return mnt

    def fill(folder: Path, leave: int = 0) -> None:
        free = shutil.disk_usage(folder).free - leave
        with open(folder / "filler", "ab") as fh:
            while free > 0:
                chunk = min(free, 1 << 16)
                try:
                    fh.write(b"\0" * chunk)
                    fh.flush()
                except OSError:
                    break
                free -= chunk

    def seal(folder: Path) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)

    mount.fill = fill  # type: ignore[attr-defined]
    mount.seal = seal  # type: ignore[attr-defined]
    yield mount
    for mnt in mounted:
        subprocess.run(["umount", "-l", str(mnt)], check=False)

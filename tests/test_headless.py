"""Issue 14: the core runs without Qt. `.ci/without_qt.py` refuses PySide6 as a missing package
would; CI runs every test outside tests/gui through it. These tests show the step bites."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUNNER = REPO / ".ci" / "without_qt.py"


def _run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, str(RUNNER), *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


def test_gui_command_without_qt_says_so_in_one_line() -> None:
    out = _run("-m", "annotator", "gui", "--sample")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "PySide6" in lines[0] and "not installed" in lines[0]


def test_headless_step_fails_a_core_test_that_needs_qt(tmp_path: Path) -> None:
    (tmp_path / "test_leak.py").write_text(
        "def test_core_needs_qt():\n    import PySide6.QtCore  # noqa: F401\n", encoding="utf-8")
    (tmp_path / "test_fine.py").write_text("def test_fine():\n    assert 1 + 1 == 2\n", encoding="utf-8")
    out = _run("-q", str(tmp_path), cwd=tmp_path)
    assert out.returncode == 1, out.stdout
    assert "1 failed, 1 passed" in out.stdout and "blocked: running without Qt" in out.stdout

"""pack and coder-file on a full disk (issue 11.12): a message, no partial file, the project intact.

Real full disks need root (a small tmpfs); SQLite's own 'database or disk is full' stands in
everywhere else."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator import exchange
from annotator.cli import main
from annotator.core.model import ArticleRecord
from annotator.project import Project
from annotator.store import db as dbmod


@pytest.fixture
def study(project: Project) -> Path:
    project.import_records([ArticleRecord(text=f"Artikel {i}. De minister zegt dat het gaat. "
                                          * 40, ext_id=f"a{i}") for i in range(40)])
    project.ensure_coder("anna")
    path = project.path
    project.close()
    return path


def _check_refused(err: str, out: Path) -> None:
    assert "disk is full" in err and str(out) in err and "Nothing was written" in err, err
    assert "Traceback" not in err
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(out.name)) == []


@pytest.mark.parametrize("command", ["pack", "coder-file"])
def test_output_on_a_real_full_disk(study: Path, small_disk, capsys: pytest.CaptureFixture,
                                    command: str) -> None:
    disk = small_disk("1m")
    small_disk.fill(disk, leave=study.stat().st_size // 4)
    out = disk / "out.annotator"
    args = [command, str(study), str(out)] if command == "pack" else \
        [command, str(study), "--coder", "anna", str(out)]
    before = study.read_bytes()
    assert main(args) == 2
    _check_refused(capsys.readouterr().err, out)
    assert study.read_bytes() == before
    (disk / "filler").unlink()
    assert main(args) == 0 and out.exists()


@pytest.mark.parametrize("command", ["pack", "coder-file"])
def test_output_when_sqlite_reports_a_full_disk(study: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture,
                                                command: str) -> None:
    real = dbmod.copy_database

    def half_then_full(conn: sqlite3.Connection, dest: Path) -> None:
        real(conn, dest)  # the copy is on disk, partly: then the disk fills up
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(dbmod, "copy_database", half_then_full)
    monkeypatch.setattr(exchange, "copy_database", half_then_full)
    out = tmp_path / "outbox" / "out.annotator"
    out.parent.mkdir()
    args = [command, str(study), str(out)] if command == "pack" else \
        [command, str(study), "--coder", "anna", str(out)]
    assert main(args) == 2
    _check_refused(capsys.readouterr().err, out)
    assert list(out.parent.iterdir()) == []

"""A write that fails tells the coder at once, is not shown as saved, and damages nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator import commands
from annotator.core.errors import ProjectBusyError, StoreWriteError
from annotator.core.model import ArticleRecord
from annotator.project import Project
from annotator.store import db as dbmod


@pytest.fixture
def coded(project: Project):
    art = project.import_records([ArticleRecord(text="De minister zegt dat het goed gaat.",
                                                ext_id="a")]).added[0]
    coder = project.ensure_coder("anna").id
    project.apply(commands.add_claim, art, coder, 20, 34, values={"certainty": "certain"})
    return project, art, coder


@pytest.mark.parametrize("how", ["delete", "move"])
def test_write_to_a_removed_or_moved_file_is_refused(coded, tmp_path: Path, how: str) -> None:
    project, art, coder = coded
    if how == "delete":
        project.path.unlink()
    else:
        project.path.rename(tmp_path / "elsewhere.annotator")
    with pytest.raises(StoreWriteError, match="not saved"):
        project.apply(commands.add_claim, art, coder, 0, 2)


def test_write_on_a_full_disk_is_refused_and_earlier_work_survives(coded) -> None:
    project, art, coder = coded
    pages = project.db.conn.execute("PRAGMA page_count").fetchone()[0]
    project.db.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is 'full' now
    with pytest.raises(StoreWriteError, match="disk is full"):
        project.apply(commands.add_claim, art, coder, 0, 2, note="x" * 200_000)
    project.close()
    with Project.open(project.path) as again:
        assert [c.values for c in again.claims()] == [{"certainty": "certain"}]
        assert again.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_write_while_another_instance_writes_waits_then_refuses_clearly(
        coded, monkeypatch: pytest.MonkeyPatch) -> None:
    project, art, coder = coded
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 100)
    other = Project.open(project.path)  # the second instance
    blocker = sqlite3.connect(project.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # e.g. a merge holding the write lock
    try:
        with pytest.raises(ProjectBusyError, match="another program"):
            other.apply(commands.add_claim, art, coder, 0, 2)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    other.apply(commands.add_claim, art, coder, 0, 2)  # once free, the edit goes through
    assert len(project.claims()) == 2
    other.close()


def test_write_to_a_read_only_file_is_refused(coded, tmp_path: Path) -> None:
    project, art, coder = coded
    project.close()
    ro = Project(dbmod.Database(project.path, sqlite3.connect(
        f"file:{project.path}?mode=ro", uri=True, isolation_level=None)))
    with pytest.raises(StoreWriteError, match="read-only"):
        ro.apply(commands.add_claim, art, coder, 0, 2)
    ro.db.conn.close()

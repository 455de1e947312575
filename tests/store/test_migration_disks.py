"""Migration and full disks (issue 11.12): a message that says what happened and what to do,
and nothing changes. Full disks are real (a small tmpfs, when run as root) or SQLite's own
"database or disk is full" (max_page_count), never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.project import Project
from annotator.store import db as dbmod

V1 = Path(__file__).parent / "data" / "schema_v1.sql"


def _v1_file(path: Path, *extra: str, claims: int = 0) -> bytes:
    conn = sqlite3.connect(path)
    conn.executescript(V1.read_text())
    conn.execute(f"PRAGMA application_id = {dbmod.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO project VALUES ('id', 'old-id')")
    conn.execute("INSERT INTO coder(id, name, created_at) VALUES (1, 'anna', 'then')")
    conn.execute("INSERT INTO article(id, ext_id, text, sha256, text_length, imported_at) "
                 "VALUES (1, 'a', ?, 'x', 1000, 'then')", ("x" * 1000,))
    conn.executemany("INSERT INTO claim(uid, article_id, coder_id, start, end, note, origin, "
                     "created, modified) VALUES (?, 1, 1, 0, 5, ?, 'manual', 'then', 'then')",
                     [(f"u{i}", "n" * 500) for i in range(claims)])
    for s in extra:
        conn.execute(s)
    conn.commit()
    conn.close()
    return path.read_bytes()


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name))


def test_v1_file_with_an_assignment_table_is_refused_before_anything_changes(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    old = tmp_path / "old.annotator"
    before = _v1_file(old, "CREATE TABLE assignment (article_id, coder_id)")
    assert main(["info", str(old)]) == 2
    err = capsys.readouterr().err
    assert "cannot be upgraded" in err and "assignment" in err and "Traceback" not in err
    assert str(old) in err and "not changed" in err
    assert old.read_bytes() == before and _siblings(old) == ["old.annotator"]  # no backup


@pytest.mark.parametrize("kind", ["folder", "unreadable file", "broken link"])
def test_an_existing_backup_name_is_never_overwritten(tmp_path: Path, kind: str) -> None:
    old = tmp_path / "old.annotator"
    _v1_file(old)
    taken = tmp_path / "old.annotator.v1-backup"
    if kind == "folder":
        taken.mkdir()
    elif kind == "unreadable file":
        taken.write_bytes(b"an earlier backup, whatever it holds")
        taken.chmod(0)
    else:
        taken.symlink_to(tmp_path / "nowhere")
    with Project.open(old) as proj:
        assert proj.coder("anna") is not None
        assert proj.db.conn.execute("PRAGMA user_version").fetchone()[0] == dbmod.schema_version()
    fresh = tmp_path / "old.annotator.v1-backup-2"
    conn = sqlite3.connect(fresh)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    if kind == "unreadable file":
        taken.chmod(0o600)
        assert taken.read_bytes() == b"an earlier backup, whatever it holds"
    assert taken.is_symlink() if kind == "broken link" else taken.exists()


def test_migration_that_fails_for_lack_of_space_is_undone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    """SQLite's own 'database or disk is full' in the middle of the upgrade."""
    old = tmp_path / "old.annotator"
    before = _v1_file(old)
    pages = sqlite3.connect(old).execute("PRAGMA page_count").fetchone()[0]
    monkeypatch.setattr(dbmod, "MIGRATION_PRAGMAS",
                        (*dbmod.MIGRATION_PRAGMAS, f"PRAGMA max_page_count = {pages}"))
    assert main(["info", str(old)]) == 2
    err = capsys.readouterr().err
    assert "disk is full" in err and "upgrading this project from schema 1" in err
    assert "Free some space" in err and "Traceback" not in err
    assert old.read_bytes() == before
    assert _siblings(old) == ["old.annotator"]  # the backup copy went with the undone upgrade


def test_migration_on_a_real_full_disk(small_disk, capsys: pytest.CaptureFixture) -> None:
    """No room for the backup copy: nothing is written, nothing left behind."""
    disk = small_disk("1m")
    old = disk / "old.annotator"
    before = _v1_file(old, claims=300)
    small_disk.fill(disk, leave=len(before) // 3)
    assert main(["info", str(old)]) == 2
    err = capsys.readouterr().err
    assert "disk is full" in err and "backup" in err and "not changed" in err, err
    assert old.read_bytes() == before
    assert _siblings(old) == ["old.annotator"]
    (disk / "filler").unlink()  # room again: the same file now opens and migrates
    assert main(["info", str(old)]) == 0


def test_opening_a_project_on_a_real_full_disk_says_so(small_disk,
                                                       capsys: pytest.CaptureFixture) -> None:
    disk = small_disk("1m")
    path = disk / "study.annotator"
    Project.create(path).close()
    before = path.read_bytes()
    small_disk.fill(disk)
    assert main(["info", str(path)]) == 2
    err = capsys.readouterr().err
    assert "disk holding the project is full" in err and "damaged" not in err, err
    assert "edit was not saved" not in err
    assert path.read_bytes() == before
    (disk / "filler").unlink()
    assert main(["info", str(path)]) == 0


def test_a_project_on_read_only_media_is_not_reported_damaged(
        small_disk, capsys: pytest.CaptureFixture) -> None:
    disk = small_disk("1m")
    path = disk / "study.annotator"
    Project.create(path).close()
    before = path.read_bytes()
    small_disk.seal(disk)
    assert main(["info", str(path)]) == 2
    err = capsys.readouterr().err
    assert "read-only" in err and "copy it somewhere writable" in err, err
    assert "damaged" not in err and path.read_bytes() == before


class _FullDisk:
    """A connection on a disk with no room: making the -wal/-shm files fails (SQLITE_FULL)."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if "journal_mode" in sql:
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


def test_opening_a_project_when_sqlite_reports_a_full_disk_says_so(
        project_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture) -> None:
    Project.create(project_path).close()
    before = project_path.read_bytes()
    real = dbmod.sqlite3.connect
    monkeypatch.setattr(dbmod.sqlite3, "connect",
                        lambda *a, **kw: _FullDisk(real(*a, **kw)) if not kw.get("uri") and
                        str(a[0]) == str(project_path) else real(*a, **kw))
    assert main(["info", str(project_path)]) == 2
    err = capsys.readouterr().err
    assert "disk holding the project is full" in err and "edit was not saved" not in err, err
    assert project_path.read_bytes() == before

"""Opening, refusing, migrating and writing the project file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import NewerSchemaError, NotAProjectError, StoreWriteError, UserError
from annotator.project import Project
from annotator.store import db as dbmod
from annotator.store.db import Database


def test_db_create_sets_wal_foreign_keys_and_identity(project: Project) -> None:
    conn = project.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA application_id").fetchone()[0] == dbmod.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == dbmod.schema_version()
    assert len(project.project_id) == 36


def test_db_create_refuses_to_overwrite_an_existing_file(tmp_path: Path) -> None:
    p = tmp_path / "x.annotator"
    p.write_text("precious")
    with pytest.raises(UserError, match="exists already"):
        Database.create(p)
    assert p.read_text() == "precious"


@pytest.mark.parametrize("content", [b"hello, I am a text file", b"", b"SQLite format 3\x00junk"])
def test_db_open_refuses_a_file_that_is_not_a_project_and_leaves_it(tmp_path: Path,
                                                                     content: bytes) -> None:
    p = tmp_path / "notes.annotator"
    p.write_bytes(content)
    with pytest.raises(NotAProjectError) as err:
        Database.open(p)
    assert str(p) in str(err.value)
    assert p.read_bytes() == content


def test_db_open_refuses_another_sqlite_database(tmp_path: Path) -> None:
    p = tmp_path / "other.sqlite"
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = p.read_bytes()
    with pytest.raises(NotAProjectError, match="not an annotator project"):
        Database.open(p)
    assert p.read_bytes() == before


def test_db_open_refuses_a_newer_schema_without_touching_it(project_path: Path) -> None:
    Project.create(project_path).close()
    conn = sqlite3.connect(project_path)
    conn.execute(f"PRAGMA user_version = {dbmod.schema_version() + 1}")
    conn.commit()
    conn.close()
    before = project_path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer annotator"):
        Project.open(project_path)
    assert project_path.read_bytes() == before


def test_db_migrates_an_older_schema_after_a_backup(project_path: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A current project opened by an annotator with one (test) migration more."""
    proj = Project.create(project_path)
    proj.ensure_coder("anna")
    proj.close()
    mig = tmp_path / "migrations"
    mig.mkdir()
    current = dbmod.schema_version()
    for script in dbmod.migrations().values():
        (mig / script.name).write_text(script.read_text())
    (mig / f"{current + 1:03d}_coder_email.sql").write_text(
        "ALTER TABLE coder ADD COLUMN email TEXT NOT NULL DEFAULT '';\n"
        "CREATE INDEX coder_email ON coder(email);\n")
    monkeypatch.setattr(dbmod, "MIGRATIONS_DIR", mig)
    assert dbmod.schema_version() == current + 1
    with Project.open(project_path) as proj:
        assert proj.db.conn.execute("PRAGMA user_version").fetchone()[0] == current + 1
        assert proj.db.conn.execute("SELECT name, email FROM coder").fetchall() == [("anna", "")]
    backup = project_path.with_name(project_path.name + f".v{current}-backup")
    assert backup.exists()
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == current
    old.close()


def test_db_write_to_a_file_moved_away_is_refused(project: Project, tmp_path: Path) -> None:
    project.ensure_coder("anna")
    project.path.rename(tmp_path / "moved.annotator")
    with pytest.raises(StoreWriteError, match="moved, renamed or deleted"):
        project.ensure_coder("bob")


def test_db_failed_transaction_leaves_nothing(project: Project) -> None:
    with pytest.raises(RuntimeError), project.db.transaction() as c:
        c.execute("INSERT INTO coder(name, created_at) VALUES ('half', 'now')")
        raise RuntimeError("crash mid-action")
    assert project.coder("half") is None


def test_db_article_text_is_read_only(project: Project) -> None:
    from annotator.core.model import ArticleRecord

    out = project.import_records([ArticleRecord(text="Iets.", ext_id="a1")])
    with pytest.raises(sqlite3.IntegrityError, match="read-only"), project.db.transaction() as c:
        c.execute("UPDATE article SET text = 'Anders.' WHERE id = ?", (out.added[0],))
    assert project.article_text(out.added[0]) == "Iets."


def test_db_second_connection_sees_each_committed_edit(project: Project) -> None:
    project.ensure_coder("anna")
    with Project.open(project.path) as other:
        assert [c.name for c in other.coders()] == ["anna"]


def test_db_backup_is_self_contained(project: Project, tmp_path: Path) -> None:
    project.ensure_coder("anna")
    copy = project.db.backup_to(tmp_path / "copy.annotator")
    assert not Path(str(copy) + "-wal").exists()
    with Project.open(copy) as c:
        assert c.coder("anna") is not None
        assert c.project_id == project.project_id


def _schema(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")}


def test_db_migrating_a_version_1_file_gives_the_current_schema(tmp_path: Path) -> None:
    """A file made with the schema of annotator 0.1 (kept in tests/store/data) migrates to the
    same tables, columns and indexes that a new project has, with a backup made first."""
    old = tmp_path / "old.annotator"
    conn = sqlite3.connect(old)
    conn.executescript((Path(__file__).parent / "data" / "schema_v1.sql").read_text())
    conn.execute(f"PRAGMA application_id = {dbmod.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO project VALUES ('id', 'old-id')")
    conn.execute("INSERT INTO coder(name, created_at) VALUES ('anna', 'then')")
    conn.commit()
    conn.close()
    with Project.open(old) as proj:
        new = Project.create(tmp_path / "new.annotator")
        assert _schema(proj.db.conn) == _schema(new.db.conn)
        for (kind, name) in _schema(new.db.conn):
            if kind == "table":
                cols = lambda c, n=name: c.execute(f"PRAGMA table_info({n})").fetchall()  # noqa: E731
                assert cols(proj.db.conn) == cols(new.db.conn)
        new.close()
        assert proj.coder("anna") is not None
        assert proj.project_id == "old-id"
    assert old.with_name("old.annotator.v1-backup").exists()

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
    step = ("ALTER TABLE coder ADD COLUMN email TEXT NOT NULL DEFAULT '';\n"
            "CREATE INDEX coder_email ON coder(email);\n")
    (mig / f"{current + 1:03d}_coder_email.sql").write_text(step)
    schema = tmp_path / "schema.sql"  # a migration always comes with its schema.sql
    schema.write_text(dbmod.SCHEMA_FILE.read_text() + step)
    monkeypatch.setattr(dbmod, "MIGRATIONS_DIR", mig)
    monkeypatch.setattr(dbmod, "SCHEMA_FILE", schema)
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


# ---- issue 11.6: a project file's schema is checked on open --------------------------------
def _tamper(path: Path, *statements: str) -> bytes:
    conn = sqlite3.connect(path)
    for s in statements:
        conn.execute(s)
    conn.commit()
    conn.close()
    return path.read_bytes()


def _coded_project(path: Path) -> None:
    from annotator import commands
    from annotator.core.model import ArticleRecord

    with Project.create(path) as proj:
        proj.import_records([ArticleRecord(text="De minister zegt dat het gaat.", ext_id="a1")])
        anna = proj.ensure_coder("anna")
        proj.apply(commands.add_claim, proj.articles()[0].id, anna.id, 4, 20,
                   values={"attribution": "indirect"})


@pytest.mark.parametrize(("statement", "named"), [
    ("CREATE TRIGGER wipe AFTER INSERT ON article BEGIN DELETE FROM claim; END", "trigger 'wipe'"),
    ("CREATE VIEW v AS SELECT * FROM claim", "view 'v'"),
    ("CREATE TABLE extra (x)", "table 'extra'"),
    ("CREATE INDEX claim_note ON claim(note)", "index 'claim_note'"),
    ("ALTER TABLE claim ADD COLUMN evil TEXT", "table 'claim'"),
    ("DROP INDEX claim_owner", "index 'claim_owner'"),
])
def test_db_open_refuses_a_file_with_schema_objects_annotator_does_not_make(
        project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture, statement: str,
        named: str) -> None:
    from annotator.cli import main

    _coded_project(project_path)
    before = _tamper(project_path, statement)
    (tmp_path / "more.txt").write_text("Een tweede artikel. Zij zegt dat het kan.")
    assert main(["import", str(project_path), str(tmp_path / "more.txt")]) == 2
    err = capsys.readouterr().err
    assert named in err and str(project_path) in err and "Traceback" not in err
    assert project_path.read_bytes() == before
    conn = sqlite3.connect(project_path)
    assert conn.execute("SELECT count(*) FROM claim").fetchone()[0] == 1  # nothing wiped
    conn.close()


def test_db_open_refuses_a_rewritten_text_trigger(project_path: Path) -> None:
    """Same name, other body: the trigger that keeps texts frozen now deletes claims."""
    _coded_project(project_path)
    _tamper(project_path, "DROP TRIGGER article_text_frozen",
            "CREATE TRIGGER article_text_frozen BEFORE UPDATE OF text, sha256 ON article "
            "BEGIN DELETE FROM claim; END")
    with pytest.raises(UserError, match="trigger 'article_text_frozen'.*not the one"):
        Project.open(project_path)


def test_db_open_of_a_marked_file_without_tables_gives_a_message(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from annotator.cli import main

    empty = tmp_path / "empty.annotator"
    conn = sqlite3.connect(empty)
    conn.execute(f"PRAGMA application_id = {dbmod.APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {dbmod.schema_version()}")
    conn.commit()
    conn.close()
    assert main(["info", str(empty)]) == 2
    err = capsys.readouterr().err
    assert "no tables" in err and "no such table" not in err
    conn = sqlite3.connect(empty)  # same for an old version, which would otherwise migrate
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    assert main(["info", str(empty)]) == 2
    assert "no tables" in capsys.readouterr().err
    assert not empty.with_name("empty.annotator.v1-backup").exists()


def _v1_file(path: Path, *extra: str) -> bytes:
    conn = sqlite3.connect(path)
    conn.executescript((Path(__file__).parent / "data" / "schema_v1.sql").read_text())
    conn.execute(f"PRAGMA application_id = {dbmod.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO project VALUES ('id', 'old-id')")
    for s in extra:
        conn.execute(s)
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_db_an_old_file_with_a_hostile_trigger_is_refused_before_migrating(tmp_path: Path) -> None:
    old = tmp_path / "old.annotator"
    before = _v1_file(old, "CREATE TRIGGER wipe AFTER INSERT ON article BEGIN "
                           "DELETE FROM claim; END")
    with pytest.raises(UserError, match="trigger 'wipe' on article"):
        Project.open(old)
    assert old.read_bytes() == before
    assert not old.with_name("old.annotator.v1-backup").exists()


def test_db_expected_schema_follows_schema_sql_and_every_migration() -> None:
    """What a new project has is what a version-1 file has after all migrations (003 too)."""
    from annotator.store import schema_check

    v1 = sqlite3.connect(":memory:")
    v1.executescript((Path(__file__).parent / "data" / "schema_v1.sql").read_text())
    expected = schema_check.expected_shape(dbmod.SCHEMA_FILE)
    assert schema_check.migrated_shape(v1, dbmod.migration_statements(1), "v1", 1) == expected
    assert ("table", "suggestion") in expected
    assert "rule" in [c[1] for c in expected[("table", "suggestion")][0]]
    assert ("trigger", "article_text_frozen") in expected

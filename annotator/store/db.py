"""The project file: one SQLite database, opened safely, migrated forward, written per action.

Every user action runs in `Database.transaction()`, which commits before returning, so that a
crash or kill loses at most the edit in flight. SQLite happily keeps writing to a file that was
deleted or moved while open, so each write first checks that the path still holds our file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from annotator import __version__
from annotator.core.errors import (
    NewerSchemaError,
    NotAProjectError,
    ProjectBusyError,
    StoreWriteError,
    UserError,
)
from annotator.core.outpaths import (
    APPLICATION_ID,
    SQLITE_MAGIC,
    check_output,
    register_open,
    unregister_open,
)
from annotator.store.schema_check import check_schema, expected_shape, migrated_shape

SCHEMA_FILE = Path(__file__).with_name("schema.sql")
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 5000


def now() -> str:
    """UTC timestamp as stored in the project (ISO 8601, seconds)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def migrations() -> dict[int, Path]:
    """Forward migrations by the version they produce: `NNN_what.sql` takes NNN-1 to NNN."""
    found = {}
    for p in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        found[int(p.name[:3])] = p
    return found


def schema_version() -> int:
    """The version `schema.sql` describes: 1 plus one per migration."""
    return max([1, *migrations()])


class Database:
    """An open project file."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn
        self._identity = _file_identity(path)
        self._depth = 0
        register_open(path)  # outputs may never be written over an open project

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path, *, overwrite: bool = False) -> Database:
        path = Path(path)
        if path.exists() and not overwrite:
            raise UserError("a file of that name exists already; choose another name", path=path)
        check_output(path, force=True)  # never over a project open here, nor a WAL
        if path.exists():
            path.unlink()
        for suffix in ("-wal", "-shm", "-journal"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        tmp = path.with_name(path.name + ".creating")
        tmp.unlink(missing_ok=True)
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript(SCHEMA_FILE.read_text(encoding="utf-8"))
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {schema_version()}")
            conn.executemany(
                "INSERT INTO project(key, value) VALUES (?, ?)",
                [("id", str(uuid.uuid4())), ("created", now()), ("app", __version__)],
            )
            conn.commit()
        finally:
            conn.close()
        os.replace(tmp, path)  # a project file appears whole or not at all
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path, *, migrate: bool = True) -> Database:
        path = Path(path)
        version = inspect_file(path)
        check_file_schema(path, version)
        if version < schema_version():
            if not migrate:
                raise UserError(f"the project uses schema {version}; open it to upgrade", path=path)
            _migrate(path, version)
        conn = _connect(path)
        return cls(path, conn)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()
        unregister_open(self.path)

    # ---- writing -------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: all of it is committed when the block ends, or none of it."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.check_path()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _write_error(self.path, exc) from exc
        self._depth = 1
        try:
            yield self.conn
            self.check_path()
            self.conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError) and not isinstance(
                exc, sqlite3.IntegrityError
            ):
                raise _write_error(self.path, exc) from exc
            raise
        finally:
            self._depth = 0

    def check_path(self) -> None:
        """Refuse to write when the project file was removed, moved or replaced while open."""
        if _file_identity(self.path) != self._identity:
            raise StoreWriteError(
                "the project file was moved, renamed or deleted while open; this edit was not "
                "saved. Put the file back or save a copy under a new name",
                path=self.path,
            )

    # ---- reading -------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM project WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO project(key, value) VALUES (?, ?)", (key, value))

    @property
    def project_id(self) -> str:
        return self.meta("id") or ""

    def backup_to(self, target: str | Path, *, force: bool = False) -> Path:
        """Write a clean, self-contained copy (SQLite backup API: includes what sits in the WAL)."""
        target = Path(target)
        check_output(target, force=force, reading=(self.path,))
        tmp = target.with_name(target.name + ".writing")
        tmp.unlink(missing_ok=True)
        dest = sqlite3.connect(tmp)
        try:
            self.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
            dest.commit()
        finally:
            dest.close()
        os.replace(tmp, target)
        return target


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _write_error(path: Path, exc: Exception) -> UserError:
    msg = str(exc).lower()
    if "locked" in msg or "busy" in msg:
        return ProjectBusyError(
            "another program (a second annotator window or a merge) is writing to this project; "
            "the edit was not saved, try again in a moment",
            path=path,
        )
    if "readonly" in msg or "read-only" in msg:
        return StoreWriteError("the project file is read-only; the edit was not saved", path=path)
    if "full" in msg:
        return StoreWriteError("the disk is full; the edit was not saved", path=path)
    return StoreWriteError(f"could not save the edit ({exc})", path=path)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    # a second instance waits this long for the first one's write, then gets a clear refusal
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as exc:
        conn.close()
        raise _write_error(path, exc) from exc
    conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable at each checkpoint, safe
    return conn


def inspect_file(path: Path) -> int:
    """Check that `path` is an annotator project this version can open; return its schema version.

    Opens read-only, so a file that is not ours, or from a newer annotator, is never modified.
    """
    if not path.exists():
        raise UserError("no such project file", path=path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise UserError(f"cannot read the file ({exc.strerror})", path=path) from exc
    if head != SQLITE_MAGIC:
        raise NotAProjectError("this is not an annotator project file", path=path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotAProjectError(f"the project file is damaged or not a project ({exc})",
                               path=path) from exc
    if app_id != APPLICATION_ID:
        raise NotAProjectError("this SQLite file is not an annotator project", path=path)
    if version > schema_version():
        raise NewerSchemaError(
            f"this project was saved by a newer annotator (schema {version}, this one reads up "
            f"to {schema_version()}); update annotator to open it. The file was not changed",
            path=path,
        )
    return version


def migration_statements(version: int) -> list[str]:
    """The statements that take a schema-`version` file to the current schema, in order."""
    return [statement for target, script in sorted(migrations().items()) if target > version
            for statement in _statements(script.read_text(encoding="utf-8"))]


def check_schema_of(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Refuse a file whose schema objects are not those annotator makes (see schema_check)."""
    expected = expected_shape(SCHEMA_FILE)
    if version < schema_version():
        statements = migration_statements(version)
        check_schema(conn, path, expected=expected,
                     actual=lambda: migrated_shape(conn, statements, path, version))
    else:
        check_schema(conn, path, expected=expected)


def check_file_schema(path: Path, version: int) -> None:
    """`check_schema_of` on a read-only connection: the file is never changed."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise NotAProjectError(f"the project file cannot be read ({exc})", path=path) from exc
    try:
        check_schema_of(conn, path, version)
    finally:
        conn.close()


def _migrate(path: Path, version: int) -> None:
    """Bring an older project to the current schema, after a backup copy next to it."""
    backup = path.with_name(f"{path.name}.v{version}-backup")
    src = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(backup)
        src.backup(dest)
        dest.close()
    finally:
        src.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("BEGIN IMMEDIATE")
        for target, script in sorted(migrations().items()):
            if target <= version:
                continue
            for statement in _statements(script.read_text(encoding="utf-8")):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (sqlite3.complete_statement knows triggers)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out

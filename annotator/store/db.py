"""The project file: one SQLite database, opened safely, migrated forward, written per action.

Every user action runs in `Database.transaction()`, which commits before returning, so that a
crash or kill loses at most the edit in flight. SQLite happily keeps writing to a file that was
deleted or moved while open, so each write first checks that the path still holds our file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import tempfile
import urllib.parse
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
    held_open,
    is_project_file,
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


def inserted_id(cur: sqlite3.Cursor) -> int:
    """The id of the row the INSERT just run on `cur` added (sqlite3 types it as optional)."""
    if cur.lastrowid is None:
        raise RuntimeError("the statement inserted no row, so it has no id")
    return cur.lastrowid


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
        self._tmpdir: Path | None = None  # a read-only open may read a temporary copy
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

    @classmethod
    def open_readonly(cls, path: str | Path) -> Database:
        """Open a file from outside (a coder's hand-in) to read, never writing to it.

        Its schema is checked like a project's. A file with no WAL beside it is read in place
        (SQLite's immutable mode: no lock, no -shm, works on read-only media). A WAL's rows (or a
        cut-off write's journal) can only be read with write access, and an older schema must be
        upgraded first: for these the file and its side file are copied to a temporary folder
        and the copy is read.
        """
        path = Path(path)
        if held_open(path):  # read in place beside our own connection, never copied raw
            return cls._readonly_beside(path)
        pending = _pending_side_files(path)
        if not pending or not is_project_file(path):
            version: int | None = inspect_file(path)  # refuses a stranger before any copying
        else:
            version = None  # known once the copy has its WAL or journal applied
        if version == schema_version():
            conn = sqlite3.connect(_uri(path, immutable=1), isolation_level=None,
                                   check_same_thread=False)
            try:
                check_schema_of(conn, path, version)
            except BaseException:
                conn.close()
                raise
            return cls(path, conn)
        tmpdir = Path(tempfile.mkdtemp(prefix="annotator-handin-"))
        try:
            copy = tmpdir / "handin.annotator"
            try:
                shutil.copyfile(path, copy)
                for side in pending:  # SQLite replays (WAL) or rolls back (journal) on the copy
                    shutil.copyfile(side, Path(str(copy) + side.name[len(path.name):]))
            except OSError as exc:
                raise UserError(f"cannot make a temporary copy to read it ({exc.strerror}, in "
                                f"{tmpdir.parent}); free some space and try again. The file was "
                                "not changed", path=path) from exc
            _settle(copy)
            version = inspect_file(copy, shown=path)
            check_file_schema(copy, version, shown=path)
            if version < schema_version():
                _migrate(copy, version, backup=False, shown=path)
            conn = _connect(copy)
            conn.execute("PRAGMA query_only = ON")
        except BaseException:
            shutil.rmtree(tmpdir, ignore_errors=True)
            raise
        db = cls(path, conn)
        db._tmpdir = tmpdir
        return db

    @classmethod
    def _readonly_beside(cls, path: Path) -> Database:
        """A read-only connection to a project this process has open (see held_open)."""
        conn = sqlite3.connect(_uri(path, mode="ro"), uri=True, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute("PRAGMA query_only = ON")
            check_schema_of(conn, path, inspect_file(path))
        except BaseException:
            conn.close()
            raise
        return cls(path, conn)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()
        unregister_open(self.path)
        if self._tmpdir is not None:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None

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
            write_meta(c, key, value)

    @property
    def project_id(self) -> str:
        return self.meta("id") or ""

    def backup_to(self, target: str | Path, *, force: bool = False) -> Path:
        """Write a clean, self-contained copy (SQLite backup API: includes what sits in the WAL).

        The copy appears whole or not at all: a full disk leaves no partial file behind.
        """
        target = Path(target)
        check_output(target, force=force, reading=(self.path,))
        tmp = target.with_name(target.name + ".writing")
        try:
            tmp.unlink(missing_ok=True)
            copy_database(self.conn, tmp)
            os.replace(tmp, target)
        except (sqlite3.Error, OSError) as exc:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise output_error(target, exc, self.path) from exc
        return target


def write_meta(c: sqlite3.Connection, key: str, value: str) -> None:
    """One project setting (language, id, origin), inside the caller's transaction."""
    c.execute("INSERT OR REPLACE INTO project(key, value) VALUES (?, ?)", (key, value))


def copy_database(conn: sqlite3.Connection, dest_path: Path) -> None:
    """Copy an open database into a new file with the backup API (journal mode DELETE)."""
    dest = sqlite3.connect(dest_path)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
        dest.commit()
    finally:
        dest.close()


LOW_SPACE_BYTES = 256 << 10  # below this, an I/O error on writing is taken for a full disk


def low_on_space(path: Path) -> bool:
    """True when the file system holding `path` has (almost) no room left."""
    try:
        return shutil.disk_usage(path if path.is_dir() else path.parent).free < LOW_SPACE_BYTES
    except OSError:
        return False


def read_only_place(path: Path) -> bool:
    """True when the folder holding `path` cannot be written (read-only media or permissions)."""
    folder = path if path.is_dir() else path.parent
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY) or not os.access(folder, os.W_OK)
    except OSError:
        return False


def _is_full(exc: BaseException, where: Path) -> bool:
    msg = f"{exc} {getattr(exc, 'strerror', '') or ''}".lower()
    return ("full" in msg or "no space" in msg or getattr(exc, "errno", None) == errno.ENOSPC
            or (("i/o" in msg or "unable to open" in msg) and low_on_space(where)))


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{max(1, round(n / 1e3))} KB"


def output_error(target: Path, exc: BaseException, source: Path | None = None) -> UserError:
    """A clear message for an output file (hand-in, coder file) that could not be written."""
    if read_only_place(target):
        return StoreWriteError("this folder is read-only; nothing was written. Choose another "
                               "folder", path=target)
    if _is_full(exc, target):
        size = f" (it needs about {_size(source.stat().st_size)})" if source and source.exists() \
            else ""
        return StoreWriteError(f"the disk is full: the file could not be written{size}. Nothing "
                               "was written; free some space or choose another place", path=target)
    msg = str(exc).lower()
    if "readonly" in msg or "read-only" in msg or isinstance(exc, PermissionError):
        return StoreWriteError("this place is read-only; nothing was written. Choose another "
                               "folder", path=target)
    return StoreWriteError(f"could not write the file ({exc}); nothing was written", path=target)


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
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise _open_error(path, exc) from exc
    # a second instance waits this long for the first one's write, then gets a clear refusal
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    try:
        conn.execute("PRAGMA journal_mode = WAL")  # creates the -wal and -shm working files
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable at each checkpoint
    except sqlite3.Error as exc:
        conn.close()
        raise _open_error(path, exc) from exc
    return conn


def _open_error(path: Path, exc: sqlite3.Error) -> UserError:
    """Why a project that passed its checks still could not be opened for coding."""
    msg = str(exc).lower()
    if "readonly" in msg or "read-only" in msg or read_only_place(path):
        return StoreWriteError("the project file or its folder is read-only, so it cannot be "
                               "opened for coding; copy it somewhere writable and open the copy. "
                               "The project was not changed", path=path)
    if _is_full(exc, path):
        return StoreWriteError("the disk holding the project is full: opening it needs a little "
                               "room next to it for SQLite's working files (-wal, -shm). Free "
                               "some space and open it again. The project was not changed",
                               path=path)
    if "locked" in msg or "busy" in msg:
        return _write_error(path, exc)
    return StoreWriteError(f"the project cannot be opened ({exc}); it was not changed", path=path)


def inspect_file(path: Path, *, shown: Path | None = None) -> int:
    """Check that `path` is an annotator project this version can open; return its schema version.

    Opens read-only, so a file that is not ours, or from a newer annotator, is never modified.
    `shown` is the name for messages when `path` is a temporary copy of the user's file.
    """
    shown = shown or path
    if not path.exists():
        raise UserError("no such project file", path=shown)
    if not path.is_file():  # a folder, a FIFO (reading it would wait forever), a device
        raise NotAProjectError("this is not a regular file, so not a project", path=shown)
    try:
        # a project open here passed this check when it was opened; reading it raw now would
        # drop this process's locks on it (held_open)
        head = SQLITE_MAGIC if held_open(path) else _magic(path)
    except OSError as exc:
        raise UserError(f"cannot read the file ({exc.strerror})", path=shown) from exc
    if head != SQLITE_MAGIC:
        raise NotAProjectError("this is not an annotator project file", path=shown)
    try:
        app_id, version = _read_header(path)
    except sqlite3.DatabaseError as exc:
        if _is_full(exc, path):  # reading a WAL-mode file needs room for its -shm
            raise _open_error(shown, exc) from exc
        raise NotAProjectError(f"the project file is damaged or not a project ({exc})",
                               path=shown) from exc
    if app_id != APPLICATION_ID:
        raise NotAProjectError("this SQLite file is not an annotator project", path=shown)
    if version > schema_version():
        raise NewerSchemaError(
            f"this project was saved by a newer annotator (schema {version}, this one reads up "
            f"to {schema_version()}); update annotator to open it. The file was not changed",
            path=shown,
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


def check_file_schema(path: Path, version: int, *, shown: Path | None = None) -> None:
    """`check_schema_of` on a read-only connection: the file is never changed. `shown` is the
    name to give in messages (the user's file, when `path` is a temporary copy)."""
    try:
        conn = _ro_connect(path)
    except sqlite3.Error as exc:
        raise NotAProjectError(f"the project file cannot be read ({exc})",
                               path=shown or path) from exc
    try:
        check_schema_of(conn, shown or path, version)
    finally:
        conn.close()


def _uri(path: Path, **params: object) -> str:
    """A SQLite URI for `path` (quoted: a name may hold '?' or '#')."""
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{urllib.parse.quote(str(path.absolute()))}?{query}"


def _pending_side_files(path: Path) -> list[Path]:
    """A non-empty -wal (committed rows not yet in the file) or -journal (a write cut off,
    to be rolled back) beside `path`: reading the file alone would miss or garble them."""
    found = []
    for suffix in ("-wal", "-journal"):
        side = Path(str(path) + suffix)
        with contextlib.suppress(OSError):
            if side.is_file() and side.stat().st_size > 0:
                found.append(side)
    return found


def _settle(copy: Path) -> None:
    """Let SQLite replay a WAL or roll back a journal on a temporary copy (a read-write open
    does that; nothing else runs). A file too broken for it is reported when inspected."""
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(copy)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()


def _magic(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(len(SQLITE_MAGIC))


def _ro_connect(path: Path) -> sqlite3.Connection:
    """A read-only connection that never writes. Without a pending -wal or -journal, immutable
    mode (works where `mode=ro` cannot: a WAL-mode file on read-only media); else, and for a
    project open in this process (an immutable connection's close would drop its locks,
    held_open), `mode=ro`, which shares SQLite's locks within the process."""
    if held_open(path) or _pending_side_files(path):
        return sqlite3.connect(_uri(path, mode="ro"), uri=True)
    return sqlite3.connect(_uri(path, immutable=1), uri=True)


def _read_header(path: Path) -> tuple[int, int]:
    conn = _ro_connect(path)
    try:
        return (conn.execute("PRAGMA application_id").fetchone()[0],
                conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


MIGRATION_PRAGMAS = ("PRAGMA foreign_keys = OFF",)  # tables are rebuilt: no cascades meanwhile


def _migrate(path: Path, version: int, *, backup: bool = True,
             shown: Path | None = None) -> Path | None:
    """Bring an older project to the current schema, after a backup copy next to it.

    All or nothing: a migration that fails (full disk, read-only file) is rolled back and
    reported with what to do; the project is then as it was. Returns the backup's path.
    """
    shown = shown or path
    saved = _backup_before_migrating(path, version, shown) if backup else None
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in MIGRATION_PRAGMAS:
            conn.execute(pragma)
        conn.execute("BEGIN IMMEDIATE")
        for target, script in sorted(migrations().items()):
            if target <= version:
                continue
            for statement in _statements(script.read_text(encoding="utf-8")):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        with contextlib.suppress(sqlite3.Error):  # not begun, or already undone by SQLite
            conn.execute("ROLLBACK")
        if saved is not None:
            saved.unlink(missing_ok=True)  # the project is as it was: its copy is not needed
        raise _migration_error(shown, version, exc) from exc
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    return saved


def _free_name(wanted: Path) -> Path:
    """`wanted`, or `wanted-2`, `-3`...: an earlier backup (or whatever holds the name) stays."""
    candidate, n = wanted, 2
    while candidate.exists() or candidate.is_symlink():
        candidate, n = wanted.with_name(f"{wanted.name}-{n}"), n + 1
    return candidate


def _backup_before_migrating(path: Path, version: int, shown: Path) -> Path:
    backup = _free_name(path.with_name(f"{path.name}.v{version}-backup"))
    tmp = backup.with_name(backup.name + ".writing")
    try:
        tmp.unlink(missing_ok=True)
        src = sqlite3.connect(path)
        try:
            dest = sqlite3.connect(tmp)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
        os.replace(tmp, backup)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if _is_full(exc, backup):
            problem = ("the disk is full: this project (schema {v}) is copied to {b} before it is "
                       "upgraded, and there is no room for the copy ({mb}). Free some space "
                       "and open it again")
        else:
            problem = ("the backup copy {b} made before upgrading this project (schema {v}) "
                       "cannot be written ({exc}); make the folder writable, or copy the project "
                       "somewhere writable and open the copy")
        size = _size(path.stat().st_size) if path.exists() else "?"
        raise StoreWriteError(problem.format(v=version, b=backup.name, mb=size, exc=exc)
                              + ". The project was not changed", path=shown) from exc
    return backup


def _migration_error(path: Path, version: int, exc: Exception) -> UserError:
    msg = str(exc).lower()
    upgrade = f"upgrading this project from schema {version} to {schema_version()}"
    if "full" in msg:
        return StoreWriteError(f"the disk is full: {upgrade} needs room, and was undone. Free "
                               "some space and open it again. The project was not changed",
                               path=path)
    if "readonly" in msg or "read-only" in msg:
        return StoreWriteError(f"the project file is read-only, so {upgrade} is not possible. "
                               "Copy it somewhere writable and open the copy. The project was "
                               "not changed", path=path)
    if "locked" in msg or "busy" in msg:
        return ProjectBusyError(f"another program is using this project, so {upgrade} must "
                                "wait; close it and try again. The project was not changed",
                                path=path)
    return StoreWriteError(f"{upgrade} failed ({exc}) and was undone. The project was not "
                           "changed", path=path)


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

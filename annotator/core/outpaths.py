"""Where an output may go: never over a project file (above all the one open), nor its WAL.

Every command that writes a file (exports, coder files, hand-ins, agreement workbooks, the GUI's
save dialogs) asks `check_output` first. A user who types the project's own name as the output
(`export P --xlsx P`, `pack P P-wal`) must get a refusal, not a destroyed project: SQLite's
`-wal`/`-shm` files hold committed rows, so replacing one loses work as surely as replacing the
project. Projects are recognised by their header, so a renamed project is protected too.
"""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core.errors import UserError

APPLICATION_ID = 0x414E4E4F  # "ANNO" in the SQLite header: marks an annotator project
SQLITE_MAGIC = b"SQLite format 3\x00"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
_APP_ID_OFFSET = 68  # where SQLite keeps PRAGMA application_id in the file header

_open_projects: dict[Path, int] = {}


def _key(path: Path) -> Path:
    return Path(os.path.realpath(path))


def register_open(path: Path) -> None:
    """Note that this process has `path` open as a project (counted: several opens nest)."""
    k = _key(path)
    _open_projects[k] = _open_projects.get(k, 0) + 1


def unregister_open(path: Path) -> None:
    k = _key(path)
    left = _open_projects.get(k, 0) - 1
    if left > 0:
        _open_projects[k] = left
    else:
        _open_projects.pop(k, None)


def held_open(path: Path) -> bool:
    """True when this process has `path` open as a project.

    Such a file must never be read with open() and close(), nor through an SQLite `immutable`
    connection (which closes its descriptor at once): POSIX locks belong to the process and the
    file, not to the descriptor, so closing any descriptor of it drops every lock SQLite holds
    on it here. Another process closing the project then thinks itself the last reader,
    checkpoints and deletes the -wal and -shm under our open connection, and what we commit
    afterwards goes to a deleted file and is lost on a crash."""
    return _key(path) in _open_projects


def part_of_open_project(path: Path) -> bool:
    """True for a project open in this process or one of its -wal/-shm/-journal files: never to
    be read as input (held_open)."""
    if held_open(path):
        return True
    return any(path.name.endswith(suffix) and held_open(path.with_name(path.name[:-len(suffix)]))
               for suffix in SIDE_SUFFIXES)


def is_project_file(path: Path) -> bool:
    """True when `path` is a regular file whose SQLite header carries annotator's application id."""
    try:
        if not path.is_file():
            return False
        if held_open(path):
            return True  # opened as a project here; reading it would drop its locks
        with open(path, "rb") as fh:
            head = fh.read(_APP_ID_OFFSET + 4)
    except OSError:
        return False
    if len(head) < _APP_ID_OFFSET + 4 or not head.startswith(SQLITE_MAGIC):
        return False
    return int.from_bytes(head[_APP_ID_OFFSET:_APP_ID_OFFSET + 4], "big") == APPLICATION_ID


def _is_sqlite(path: Path) -> bool:
    if held_open(path):
        return True  # see held_open: never opened raw while SQLite holds it
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def _side_file_of(target: Path) -> Path | None:
    """The database a `-wal`/`-shm`/`-journal` name belongs to, when that database exists."""
    for suffix in SIDE_SUFFIXES:
        if target.name.endswith(suffix) and len(target.name) > len(suffix):
            base = target.with_name(target.name[: -len(suffix)])
            if base.exists() and _is_sqlite(base):
                return base
    return None


def check_output(target: str | Path, *, force: bool = False, reading: tuple[Path, ...] = ()) -> None:
    """Refuse an output path that would destroy a project.

    Always refused: a project open in this process (or any of `reading`), its side files, a
    folder. Refused unless `force`: any other annotator project file, and the side file of any
    SQLite database.
    """
    target = Path(target)
    k = _key(target)
    protected = {*_open_projects, *(_key(p) for p in reading)}
    for p in protected:
        if k == p or k in {Path(str(p) + s) for s in SIDE_SUFFIXES}:
            raise UserError("this is the project being read (or one of its -wal/-shm files); "
                            "choose another output name. Nothing was written", path=target)
    if target.is_dir():
        raise UserError("this is a folder; give a file name. Nothing was written", path=target)
    if force:
        return
    base = _side_file_of(target)
    if base is not None:
        raise UserError(f"this is a working file of the database {base.name} (it holds saved "
                        "work); choose another output name. Nothing was written", path=target)
    if is_project_file(target):
        raise UserError("this is an annotator project file; writing here would replace it. "
                        "Choose another name, or add --force to replace it. Nothing was written",
                        path=target)

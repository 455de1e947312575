"""A project open in this process stays safe while the same process opens it again, checks an
output path against it or reads it as a hand-in, and another process opens and closes it.

POSIX (fcntl) locks belong to a process and a file, not to a descriptor: closing ANY
descriptor of the project file releases every lock SQLite holds on it in this process. A plain
open()/close() (a header check) or an SQLite `immutable` connection (which closes its descriptor
at once) did that; another process closing the project then found no other reader, checkpointed
and deleted the -wal and -shm under the open connection, whose later commits went to a deleted
WAL: acknowledged edits were lost on a crash (found in a field trial: the Agreement window open
while `annotator export` ran in a terminal)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.errors import UserError
from annotator.core.model import ArticleRecord
from annotator.core.outpaths import check_output, is_project_file
from annotator.project import Project
from annotator.store.db import Database

OTHER_PROCESS = "import sys; from annotator.project import Project; Project.open(sys.argv[1]).close()"


def notes_seen_by_another_process(path: Path) -> int:
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "print(c.execute('SELECT count(*) FROM article WHERE title LIKE \"note%\"').fetchone()[0])")
    return int(subprocess.run([sys.executable, "-c", code, str(path)], check=True,
                              capture_output=True, text=True).stdout)


def touch_again(path: Path, how: str) -> None:
    if how == "second project":  # the Agreement window, a background worker
        Project.open(path).close()
    elif how == "header check":
        assert is_project_file(path)
    elif how == "output check":  # every export and save dialog asks this
        for target in (path, Path(str(path) + "-wal")):
            with pytest.raises(UserError):
                check_output(target)
    elif how == "read-only open":  # a hand-in read in place
        Database.open_readonly(path).close()


@pytest.mark.parametrize("how", ["second project", "header check", "output check",
                                 "read-only open"])
def test_the_open_projects_wal_survives_another_process_closing_it(tmp_path: Path, how: str):
    path = tmp_path / "study.annotator"
    Project.create(path).close()
    proj = Project.open(path)
    try:
        proj.import_records([ArticleRecord(text="eerste tekst", ext_id="a", title="note 1")])
        touch_again(path, how)
        subprocess.run([sys.executable, "-c", OTHER_PROCESS, str(path)], check=True)
        assert Path(str(path) + "-wal").exists(), "another process deleted our WAL"
        proj.import_records([ArticleRecord(text="tweede tekst", ext_id="b", title="note 2")])
        # what this process committed is visible to others, not written to a deleted file
        assert notes_seen_by_another_process(path) == 2
    finally:
        proj.close()


def test_importing_the_open_project_or_its_working_files_is_refused_unread(tmp_path: Path):
    from annotator.core.errors import ImportProblem
    from annotator.io.importers import read_records

    path = tmp_path / "study.annotator"
    Project.create(path).close()
    renamed = tmp_path / "study.txt"
    with Project.open(path) as proj:
        proj.import_records([ArticleRecord(text="eerste tekst", ext_id="a", title="note 1")])
        for target in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
            (got,) = list(read_records(target))
            assert isinstance(got, ImportProblem) and "open project" in str(got)
        subprocess.run([sys.executable, "-c", OTHER_PROCESS, str(path)], check=True)
        assert Path(str(path) + "-wal").exists()
    path.rename(renamed)  # closed: a project under another name is no longer ours to guard
    assert not any("open project" in str(x) for x in read_records(renamed))

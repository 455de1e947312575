"""Kill -9 the editor in the middle of a stream of edits, many times at random points: every
edit acknowledged before the kill is in the file on reopening, and the file is intact."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from annotator.core.model import ArticleRecord
from annotator.project import Project

EDITOR = Path(__file__).with_name("editor_process.py")


def test_kill_minus_nine_loses_no_acknowledged_edit(project_path: Path) -> None:
    with Project.create(project_path) as p:
        art = p.import_records([ArticleRecord(text="x" * 100, ext_id="a")]).added[0]
        coder = p.ensure_coder("anna").id
    rng = random.Random(20261125)
    acked: set[int] = set()
    next_n = 0
    for _round in range(8):
        proc = subprocess.Popen([sys.executable, str(EDITOR), str(project_path), str(art),
                                 str(coder), str(next_n)], stdout=subprocess.PIPE, text=True)
        wanted = rng.randint(1, 40)
        for got, line in enumerate(proc.stdout, start=1):
            acked.add(int(line.split()[1]))
            if got >= wanted:
                break
        os.kill(proc.pid, signal.SIGKILL)  # mid-stream: the next edit may be half-written
        proc.wait()
        proc.stdout.close()
        next_n = max(acked) + 1000  # notes from the killed run can't collide with the next
        conn = sqlite3.connect(project_path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        notes = {r[0] for r in conn.execute("SELECT note FROM claim")}
        conn.close()
        assert {f"edit {n}" for n in acked} <= notes
    with Project.open(project_path) as p:
        assert len(p.claims()) >= len(acked)

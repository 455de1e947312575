"""Hand-ins are untrusted (issue 11.5, 11.14): read-only, through our schema, every value checked.

A tampered hand-in is refused whole with a message naming the file, table and row; the PI's
project is unchanged, other files of the same `merge` still merge, and the hand-in itself is
never written to (it may sit on read-only media).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator import commands
from annotator.cli import main
from annotator.core.model import ArticleRecord
from annotator.exchange import coder_file, merge, pack
from annotator.project import Project
from annotator.store.handin import ROW_COLUMNS, SPAN_COLUMNS

TEXT = "Artikel {i}. De minister zegt dat het gaat."


@pytest.fixture
def pi(project: Project) -> Project:
    project.import_records([ArticleRecord(text=TEXT.format(i=i), ext_id=f"a{i}", outlet="NOS")
                            for i in range(4)])
    return project


def _handin(pi: Project, tmp_path: Path, coder: str, certainty: str = "possible") -> Path:
    """A coder file with one source, one cue and one linked claim, handed in with pack."""
    f = coder_file(pi, coder, tmp_path / f"{coder}.annotator")
    with Project.open(f) as p:
        c = p.ensure_coder(coder).id
        art = p.articles()[0].id
        p.apply(commands.add_source, art, c, 11, 22, "person")
        p.apply(commands.add_cue, art, c, 23, 27)
        src, cue = p.sources()[0].id, p.cues()[0].id
        p.apply(commands.add_claim, art, c, 28, 40, source_id=src, cue_id=cue,
                values={"attribution": "indirect", "certainty": certainty})
        out = pack(p, tmp_path / f"{coder}-handin.annotator")
    f.unlink()
    return out


def _tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")  # a hostile writer ignores them too
    for s in statements:
        conn.execute(s)
    conn.commit()
    conn.close()


def _work(p: Project) -> list[tuple]:
    return sorted((c.coder_id, c.start, c.end, tuple(sorted(c.values.items())))
                  for c in p.claims())


def test_handin_merges_with_its_links(pi: Project, tmp_path: Path) -> None:
    report = merge(pi, [_handin(pi, tmp_path, "anna")])
    assert report.failed == [] and report.merged
    (claim,) = pi.claims()
    assert claim.source_id == pi.sources()[0].id and claim.cue_id == pi.cues()[0].id


@pytest.mark.parametrize(("statements", "where", "problem"), [
    (["UPDATE claim SET end = 10000"], "claim row", "outside its article's text"),
    (["UPDATE claim SET start = -1"], "claim row", "outside its article's text"),
    (["UPDATE claim SET end = '4x0'"], "claim row", "end is text '4x0', not a whole number"),
    (["UPDATE claim_value SET value = 'sure' WHERE variable = 'certainty'"], "claim_value",
     "'sure' is not a value the codebook knows"),
    (["UPDATE claim_value SET variable = 'mood' WHERE variable = 'certainty'"], "claim_value",
     "variable is 'mood'"),
    (["UPDATE claim SET source_id = 999"], "claim row", "source_id 999 is no source_mention"),
    (["UPDATE claim SET coder_id = 77"], "claim row", "coder_id 77 is no coder"),
    (["UPDATE claim SET article_id = 55"], "claim row", "article_id 55 is no article"),
    (["UPDATE claim SET origin = 'stolen'"], "claim row", "origin is 'stolen'"),
    (["UPDATE source_mention SET type = 'alien'"], "source_mention row", "type is 'alien'"),
    (["UPDATE article_status SET status = 'hacked'"], "article_status", "status is 'hacked'"),
    (["UPDATE article SET text_length = 3"], "article row", "text_length"),
    (["UPDATE coder SET name = X'00ff'"], "coder row", "name is binary data"),
    # issue 11.10: the notes merge copies pass the store's text check
    (["UPDATE claim SET note = 'nul' || char(0)"], "claim row", "NUL"),
    (["UPDATE source_mention SET canonical = 'esc' || char(27)"], "source_mention row",
     "U+001B"),
    (["UPDATE article_status SET note = char(7)"], "article_status", "U+0007"),
    (["UPDATE suggestion_decision SET decision = 'x'",
      "INSERT INTO suggestion_decision VALUES (1, 1, 'claim', 0, 99999, 'accepted', 'now')"],
     "suggestion_decision", "outside its article's text"),
])
def test_handin_with_a_value_merge_cannot_trust_is_refused_whole(
        pi: Project, tmp_path: Path, capsys: pytest.CaptureFixture, statements: list[str],
        where: str, problem: str) -> None:
    bad = _handin(pi, tmp_path, "anna")
    _tamper(bad, *statements)
    before = _work(pi)
    assert main(["merge", str(pi.path), str(bad)]) == 2
    out, err = capsys.readouterr()
    failed = [line for line in out.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1 and str(bad) in failed[0], out
    assert where in failed[0] and problem in failed[0], failed[0]
    assert "Traceback" not in err and "could not be merged" in err
    assert _work(pi) == before and pi.coder("anna") is None


@pytest.mark.parametrize(("statements", "named"), [
    # the attack of issue 11.5: a view stands in for the claim table
    (["ALTER TABLE claim RENAME TO claim_real",
      "CREATE VIEW claim AS SELECT * FROM claim_real"], "claim_real"),
    (["CREATE VIEW extra AS SELECT 1"], "view 'extra'"),
    (["ALTER TABLE claim ADD COLUMN coder_name TEXT"], "table 'claim'"),
    (["CREATE TRIGGER t AFTER INSERT ON coder BEGIN DELETE FROM claim; END"], "trigger 't'"),
])
def test_handin_with_other_schema_objects_is_refused(pi: Project, tmp_path: Path,
                                                    statements: list[str], named: str) -> None:
    bob = _handin(pi, tmp_path, "bob", "certain")
    assert merge(pi, [bob]).merged
    before = _work(pi)
    bad = _handin(pi, tmp_path, "eve")
    _tamper(bad, *statements)
    report = merge(pi, [bad])
    assert len(report.failed) == 1 and named in report.failed[0], report.failed
    assert _work(pi) == before and pi.coder("eve") is None


def test_handin_uids_of_another_coder_are_refused_not_a_traceback(pi: Project,
                                                                 tmp_path: Path) -> None:
    bob = _handin(pi, tmp_path, "bob", "certain")
    merge(pi, [bob])
    bad = _handin(pi, tmp_path, "eve")
    bob_uid = pi.db.conn.execute("SELECT uid FROM claim").fetchone()[0]
    _tamper(bad, f"UPDATE claim SET uid = '{bob_uid}'")
    before = _work(pi)
    report = merge(pi, [bad])
    assert "clashes" in report.failed[0]
    assert _work(pi) == before and pi.coder("eve") is None


# ---- issue 11.14: read-only, and a report per file ---------------------------------------
def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_merge_never_writes_to_the_handin(pi: Project, tmp_path: Path) -> None:
    """Neither a packed hand-in nor a coder file in WAL mode gains a -wal/-shm or a changed byte
    (the old merge converted the hand-in to WAL, needing write access to it)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    handin = _handin(pi, tmp_path, "anna")
    shutil.move(handin, inbox / handin.name)
    wal_file = coder_file(pi, "bob", inbox / "bob.annotator")  # journal mode WAL in its header
    with Project.open(wal_file) as p:
        p.apply(commands.add_claim, p.articles()[0].id, p.ensure_coder("bob").id, 12, 23)
    before = _listing(inbox)
    report = merge(pi, sorted(inbox.iterdir()))
    assert report.failed == [] and len(report.merged) == 2
    assert _listing(inbox) == before


def test_merge_reads_the_rows_still_in_a_handins_wal(pi: Project, tmp_path: Path) -> None:
    """A coder file copied while open has work only in its -wal: read from a copy, not lost."""
    f = coder_file(pi, "anna", tmp_path / "anna.annotator")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with Project.open(f) as p:
        p.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
        p.apply(commands.add_claim, p.articles()[0].id, p.ensure_coder("anna").id, 12, 23)
        shutil.copy(f, inbox / f.name)
        shutil.copy(str(f) + "-wal", inbox / (f.name + "-wal"))
    before = _listing(inbox)
    report = merge(pi, [inbox / f.name])
    assert report.failed == [] and report.merged == ["anna from anna.annotator: 1 claims"]
    assert _listing(inbox) == before


def test_merge_of_an_older_handin_upgrades_a_copy_only(pi: Project, tmp_path: Path) -> None:
    """A hand-in of schema 1 (annotator 0.1) is upgraded on a temporary copy; it stays as is."""
    old = tmp_path / "old.annotator"
    conn = sqlite3.connect(old)
    conn.executescript((Path(__file__).parents[1] / "store" / "data" / "schema_v1.sql")
                       .read_text())
    from annotator.core.text import sha256_text
    from annotator.store.db import APPLICATION_ID

    text = TEXT.format(i=2)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO project VALUES ('id', 'old-file'), ('origin_project', ?)",
                 (pi.project_id,))
    conn.execute("INSERT INTO article(id, ext_id, outlet, text, sha256, text_length, "
                 "imported_at) VALUES (7, 'a2', 'NOS', ?, ?, ?, 'then')",
                 (text, sha256_text(text), len(text)))
    conn.execute("INSERT INTO coder(id, name, created_at) VALUES (3, 'olga', 'then')")
    conn.execute("INSERT INTO claim(uid, article_id, coder_id, start, end, origin, created, "
                 "modified) VALUES ('u1', 7, 3, 12, 23, 'manual', 'then', 'then')")
    conn.commit()
    conn.close()
    def beside() -> dict[str, bytes]:  # the hand-in and whatever sits next to it by name
        return {k: v for k, v in _listing(tmp_path).items() if k.startswith("old.annotator")}

    before = beside()
    report = merge(pi, [old])
    assert report.failed == [] and report.merged == ["olga from old.annotator: 1 claims"]
    (claim,) = pi.claims()
    assert pi.article(claim.article_id).ext_id == "a2"
    assert beside() == before  # no backup, no -wal, not upgraded in place


def test_merge_reports_per_file_what_merged_and_what_failed(
        pi: Project, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    anna = _handin(pi, tmp_path, "anna")
    broken = tmp_path / "broken.annotator"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    bob = _handin(pi, tmp_path, "bob", "certain")
    assert main(["merge", str(pi.path), str(anna), str(broken), str(bob)]) == 2
    out, err = capsys.readouterr()
    assert "merged anna from anna-handin.annotator: 1 claims" in out
    assert "merged bob from bob-handin.annotator: 1 claims" in out
    assert any(line.startswith("FAILED") and str(broken) in line for line in out.splitlines())
    assert "1 of 3 file(s) could not be merged" in err
    assert {pi.coder("anna") is not None, pi.coder("bob") is not None} == {True}


def test_merge_a_handin_on_read_only_media(pi: Project, tmp_path: Path, small_disk,
                                          capsys: pytest.CaptureFixture) -> None:
    mnt = small_disk("4m")  # sealed read-only below
    handin = _handin(pi, tmp_path, "anna")
    shutil.copy(handin, mnt / handin.name)
    wal_file = coder_file(pi, "bob", mnt / "bob.annotator")  # WAL mode: needs -shm to read
    with Project.open(wal_file) as p:
        p.apply(commands.add_claim, p.articles()[0].id, p.ensure_coder("bob").id, 12, 23)
    small_disk.seal(mnt)
    assert main(["merge", str(pi.path), str(mnt / handin.name), str(wal_file)]) == 0
    out = capsys.readouterr().out
    assert "merged anna" in out and "merged bob" in out and "read-only" not in out


def test_merge_of_a_handin_copied_mid_write_rolls_its_journal_back(pi: Project,
                                                                   tmp_path: Path) -> None:
    """A hand-in copied with a hot -journal (a write cut off): read as SQLite would after
    rolling the journal back, on a copy, never the half-written pages."""
    handin = _handin(pi, tmp_path, "anna")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    conn = sqlite3.connect(handin, isolation_level=None)
    conn.execute("PRAGMA cache_size = 1")  # changed pages spill into the file before commit
    conn.execute("BEGIN")
    conn.execute("DELETE FROM claim")
    conn.execute("UPDATE article SET title = ?", ("x" * 3000,))
    assert Path(str(handin) + "-journal").stat().st_size > 0
    shutil.copy(handin, inbox / handin.name)
    shutil.copy(str(handin) + "-journal", inbox / (handin.name + "-journal"))
    conn.execute("ROLLBACK")
    conn.close()
    before = _listing(inbox)
    report = merge(pi, [inbox / handin.name])
    assert report.failed == [] and report.merged == ["anna from anna-handin.annotator: 1 claims"]
    assert _listing(inbox) == before


# ---- any value in any column: a merge or a refusal, never a traceback --------------------
_COLUMNS = [(t, c) for t, cols in {**SPAN_COLUMNS, **ROW_COLUMNS,
                                   "claim_value": ("claim_id", "variable", "value"),
                                   "article": ("id", "ext_id", "outlet", "sha256", "text"),
                                   "coder": ("id", "name"), "project": ("key", "value")}.items()
            for c in cols]
_VALUES = st.one_of(st.none(), st.integers(-2**63, 2**63 - 1), st.floats(allow_nan=True),
                    st.text(max_size=20), st.binary(max_size=8), st.sampled_from(
                        ["possible", "person", "done", "accepted", "1", "", "anna", "a0"]))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(_COLUMNS), _VALUES), min_size=1, max_size=3))
def test_handin_with_any_tampered_value_merges_or_is_refused_cleanly(
        pi: Project, tmp_path_factory: pytest.TempPathFactory, changes) -> None:
    folder = tmp_path_factory.mktemp("h")
    if pi.coder("bob") is None:  # another coder's work, which no hand-in may touch
        assert merge(pi, [_handin(pi, folder, "bob", "certain")]).merged
    bob = pi.coder("bob").id
    bob_before = [c for c in _work(pi) if c[0] == bob]
    bad = _handin(pi, folder, "anna")
    conn = sqlite3.connect(bad)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    try:
        for (table, column), value in changes:
            conn.execute(f'UPDATE "{table}" SET "{column}" = ?', (value,))
        conn.commit()
    except sqlite3.IntegrityError:
        conn.rollback()  # a UNIQUE or NOT NULL the file's own schema keeps
    conn.close()
    report = merge(pi, [bad])  # never raises
    assert report.failed or report.merged or report.unchanged or report.conflicts, report
    assert all(str(bad) in line for line in report.failed), report.failed
    assert [c for c in _work(pi) if c[0] == bob] == bob_before
    with pi.db.transaction() as c:  # anna's merge undone for the next example
        c.execute("DELETE FROM coder WHERE name = 'anna'")
        c.execute("DELETE FROM merge_log WHERE coder_name = 'anna'")


def test_merge_of_a_fifo_or_a_folder_is_refused_not_waited_on(pi: Project, tmp_path: Path) -> None:
    fifo = tmp_path / "anna.annotator"
    os.mkfifo(fifo)
    folder = tmp_path / "bob.annotator"
    folder.mkdir()
    good = _handin(pi, tmp_path, "carl")
    report = merge(pi, [fifo, folder, good])  # would block forever reading the FIFO
    assert len(report.failed) == 2 and all("not a regular file" in f for f in report.failed)
    assert report.merged == ["carl from carl-handin.annotator: 1 claims"]

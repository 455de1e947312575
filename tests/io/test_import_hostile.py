"""Issue 11.2, 11.9 and 11.10: hostile tables and folders, through `annotator import`.

A stray quote never swallows the rest of a CSV; one bad file (or row) in a folder is reported
by name while the good ones import in one transaction; a text that is not a string, or holds
control characters, is refused with its row named.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.project import Project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.annotator"
    assert main(["new", str(path)]) == 0
    return path


def run_import(capsys: pytest.CaptureFixture[str], project: Path, *paths: Path | str,
               ) -> tuple[int, dict]:
    capsys.readouterr()
    code = main(["import", str(project), *map(str, paths), "--quiet", "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def stored(project: Path) -> list[str]:
    with Project.open(project) as p:
        return sorted(a.ext_id for a in p.articles())


# ---- 11.2: a stray quote ----------------------------------------------------------------
def test_a_stray_quote_refuses_the_whole_csv_naming_its_row(capsys, project, tmp_path):
    rows = ["id,text", *(f"{i},Artikel nummer {i} zonder aanhalingstekens." for i in range(5000))]
    rows[11] = '10,"Een aanhalingsteken dat nooit sluit.'
    f = tmp_path / "stray.csv"
    f.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out = run_import(capsys, project, f)
    assert code == 1 and out["added"] == 0 and stored(project) == []
    (skip,) = out["skipped"]
    assert skip["where"] == f"{f} row 12" and "quote" in skip["reason"]
    assert "nothing from this file was imported" in skip["reason"]


def test_a_quote_closing_far_below_is_caught_by_the_line_limit(capsys, project, tmp_path):
    # the stray quote closes at a later row's inch mark followed by a comma: csv reads on
    # without complaint, one cell 3,000 lines long
    rows = ["id,text,note", *(f"{i},Artikel {i}.,x" for i in range(3000)),
            '3000,Een scherm van 5",x']
    rows[5] = '4,"Open aanhalingsteken.,x'
    f = tmp_path / "far.csv"
    f.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out = run_import(capsys, project, f)
    assert out["added"] == 0 and stored(project) == []
    assert out["skipped"][0]["where"] == f"{f} row 6"
    assert "lines" in out["skipped"][0]["reason"]


def test_quoted_multi_line_cells_still_import(capsys, project, tmp_path):
    f = tmp_path / "ok.csv"
    f.write_text('id,text\n1,"Eerste alinea.\n\nTweede, met ""citaat""."\n2,Kort.\n',
                 encoding="utf-8")
    code, out = run_import(capsys, project, f)
    assert code == 0 and out["added"] == 2 and out["skipped"] == []


# ---- 11.9: a folder with bad files ---------------------------------------------------------
def test_bad_files_in_a_folder_are_named_and_the_good_ones_import(capsys, project, tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "good.txt").write_text("Een goed artikel.\n", encoding="utf-8")
    (d / "rows.jsonl").write_text('{"id": "r1", "text": "Rij een."}\n'
                                  '{"id": "r2", "text": "a\\ud800b"}\n'
                                  '{"id": "r3", "text": "Rij drie."}\n', encoding="utf-8")
    (d / "deep.jsonl").write_text("[" * 200_000 + "\n", encoding="utf-8")
    (d / "bigid.jsonl").write_text('{"text": "Tekst.", "id": ' + "9" * 5000 + "}\n",
                                   encoding="utf-8")
    os.symlink("/dev/zero", d / "zero.txt")
    os.mkfifo(d / "fifo.txt")
    bad_name = os.fsencode(d) + b"/naam\xff.txt"
    with open(bad_name, "wb") as fh:
        fh.write(b"Een naam die geen UTF-8 is.\n")
    code, out = run_import(capsys, project, d)
    assert code == 0
    assert stored(project) == ["good", "r1", "r3"]
    reasons = {s["where"]: s["reason"] for s in out["skipped"]}
    assert "regular file" in reasons[f"{d}/zero.txt"] and "regular file" in reasons[f"{d}/fifo.txt"]
    assert "UTF-8" in reasons[f"{d}/naam\\xff.txt"]
    assert "surrogate" in reasons[f"{d}/rows.jsonl line 2"]
    assert "nested" in reasons[f"{d}/deep.jsonl line 1"]
    assert "digits" in reasons[f"{d}/bigid.jsonl line 1"]


def test_a_reader_that_breaks_refuses_only_its_own_file(capsys, project, tmp_path,
                                                       monkeypatch):
    """Whatever a reader raises (a bug, an unforeseen file) is that file's problem only; rows
    it yielded before are not kept."""
    from annotator.core.model import ArticleRecord
    from annotator.io import importers

    def breaks(path, **options):
        yield ArticleRecord(text="Halverwege.", ext_id="half", source_file=str(path),
                            where=str(path))
        raise RuntimeError("boom")

    monkeypatch.setitem(importers.READERS, ".tsv", breaks)
    d = tmp_path / "c"
    d.mkdir()
    (d / "a.txt").write_text("Tekst A.\n", encoding="utf-8")
    (d / "b.tsv").write_text("x", encoding="utf-8")
    code, out = run_import(capsys, project, d)
    assert code == 0 and stored(project) == ["a"]
    (skip,) = out["skipped"]
    assert skip["where"] == str(d / "b.tsv") and "RuntimeError: boom" in skip["reason"]


def test_text_read_with_a_cap_even_when_the_size_lies(tmp_path, monkeypatch):
    from annotator.core.errors import ImportProblem
    from annotator.io import import_common

    f = tmp_path / "grows.txt"
    f.write_bytes(b"x" * 5000)
    with pytest.raises(ImportProblem, match="over 0 MB|is refused"):
        import_common.read_limited(f, 1000, "text file")
    monkeypatch.setattr(Path, "stat", lambda self, **k: os.stat_result((0o100644,) + (0,) * 9))
    with pytest.raises(ImportProblem, match="refused"):  # stat says 0 bytes: read stops anyway
        import_common.read_limited(f, 1000, "text file")


# ---- 11.10: texts that are not text ----------------------------------------------------------
@pytest.mark.parametrize(("line", "says"), [
    ('{"id": "l", "text": ["een", "lijst"]}', "is a list, not text"),
    ('{"id": "o", "text": {"a": 1}}', "is an object"),
    ('{"id": "n", "text": NaN}', "NaN"),
    ('{"id": "i", "text": Infinity}', "Infinity"),
    ('{"id": "z", "text": "' + "x" * 9000 + '\\u0000na 8 KB"}', "NUL"),
    ('{"id": "b", "text": "bel\\u0007"}', "U+0007"),
    ('{"id": "t", "text": "goed", "title": "esc\\u001b[31m"}', "'title'"),
    ('{"id": "m", "text": "goed", "extra": "nul\\u0000"}', "'extra'"),
])
def test_jsonl_values_that_are_not_storable_text_are_refused_by_row(capsys, project, tmp_path,
                                                                    line, says):
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "ok", "text": "Een goede regel."}\n' + line + "\n", encoding="utf-8")
    code, out = run_import(capsys, project, f)
    assert code == 0 and stored(project) == ["ok"]
    (skip,) = out["skipped"]
    assert skip["where"] == f"{f} line 2" and says in skip["reason"]


def test_tab_and_newlines_are_text(capsys, project, tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "ok", "text": "kolom\\tkolom\\nregel\\r\\nregel"}\n', encoding="utf-8")
    code, out = run_import(capsys, project, f)
    assert code == 0 and out["added"] == 1


def test_control_characters_after_the_first_8_kb_of_a_txt_are_refused(capsys, project,
                                                                       tmp_path):
    f = tmp_path / "late.txt"
    f.write_bytes(b"Gewone tekst. " * 1000 + b"\x00 en verder.\n")
    code, out = run_import(capsys, project, f)
    assert code == 1 and stored(project) == []
    assert "NUL" in out["skipped"][0]["reason"] and out["skipped"][0]["where"] == str(f)

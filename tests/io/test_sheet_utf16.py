"""Excel's cell limit is 32,767 UTF-16 code units (an emoji counts two): issue 12.1."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from annotator import commands as C
from annotator.cli import main
from annotator.core.model import ArticleRecord
from annotator.io.cells import CELL_LIMIT, cut_utf16, sheet_text, utf16_length
from annotator.project import Project

EMOJI = "\U0001F600"


def _note_project(path: Path, note: str) -> None:
    with Project.create(path) as proj:
        proj.import_records([ArticleRecord(text="She said it would rain.", ext_id="a")])
        anna = proj.ensure_coder("anna")
        proj.apply(C.add_claim, proj.articles()[0].id, anna.id, 0, 8, note=note)


def _stored_note(path: Path) -> str:
    with Project.open(path) as proj:
        return proj.claims()[0].note


def test_utf16_length_and_cut_never_split_a_pair():
    assert utf16_length("a" + EMOJI) == 3
    assert cut_utf16("ab" + EMOJI, 3) == "ab"
    assert cut_utf16("ab" + EMOJI, 4) == "ab" + EMOJI
    cell, note = sheet_text(EMOJI * 20_000)
    assert utf16_length(cell) <= CELL_LIMIT and note and "UTF-16" in note
    assert cell.startswith(EMOJI * 16_000)


def test_emoji_note_cut_reported_and_untouched_sheet_changes_nothing(tmp_path, capsys):
    """A 32,000-character note with 1,000 emoji is 33,000 UTF-16 units: XlsxWriter would cut it
    silently, and reading the untouched sheet back shortened the stored note."""
    note = ("n" * 31 + EMOJI) * 1000
    assert len(note) == 32_000 and utf16_length(note) == 33_000
    project, sheet = tmp_path / "p.annotator", tmp_path / "s.xlsx"
    _note_project(project, note)
    assert main(["export", str(project), "--xlsx", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "Claims row 2, column note" in out and "UTF-16" in out
    cell = openpyxl.load_workbook(sheet, read_only=True)["Claims"]
    (value,) = [row[15] for row in cell.iter_rows(min_row=2, values_only=True)]
    assert utf16_length(value) <= CELL_LIMIT and "cut: 32,000 characters" in value
    assert main(["import-sheet", str(project), str(sheet), "--coder", "anna"]) == 0
    assert "applied 0 change(s)" in capsys.readouterr().out
    assert _stored_note(project) == note


def test_dates_before_excels_calendar_stay_exact(tmp_path, capsys):
    """Issue 11.15: 0001-01-01 came out as #VALUE! and 1899-12-30 a day early."""
    project, sheet = tmp_path / "p.annotator", tmp_path / "s.xlsx"
    dates = {"a": "0001-01-01", "b": "1899-12-30", "c": "1900-02-28T10:00:00",
             "d": "2024-03-05"}
    with Project.create(project) as proj:
        proj.import_records([ArticleRecord(text="She said so.", ext_id=k, date=v, outlet=k)
                             for k, v in dates.items()])
        anna = proj.ensure_coder("anna")
        for art in proj.articles():
            proj.apply(C.add_claim, art.id, anna.id, 0, 8)
    assert main(["export", str(project), "--xlsx", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "the date 0001-01-01 is before 1900-03-01" in out
    wb = openpyxl.load_workbook(sheet)
    got = {r[0]: r[3] for r in wb["Claims"].iter_rows(min_row=2, max_col=4, values_only=True)}
    assert got["a"] == "0001-01-01" and got["b"] == "1899-12-30"
    assert got["c"] == "1900-02-28 10:00:00"
    assert str(got["d"])[:10] == "2024-03-05" and not isinstance(got["d"], str)

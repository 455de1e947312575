"""Reading back an older sheet applies only the cells the user changed (issue 11.3): edits made
in the project after the export stay, and a cell changed in both places is a conflict."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from test_sheet_import import edit, values_now

from annotator import commands as C
from annotator.cli import main


@pytest.fixture
def sheet(coded, tmp_path: Path, capsys) -> Path:
    out = tmp_path / "sheet.xlsx"
    assert main(["export", str(coded.path), "--xlsx", str(out)]) == 0
    capsys.readouterr()
    return out


def read_back(coded, sheet: Path, capsys, coder: str = "anna") -> tuple[int, str]:
    code = main(["import-sheet", str(coded.path), str(sheet), "--coder", coder])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_older_sheet_does_not_revert_later_edits(coded, sheet, capsys):
    bridge, cost = coded.claim("bridge"), coded.claim("cost")
    coded.project.apply(C.set_claim_value, bridge.id, "certainty", "probable")  # after export
    coded.project.apply(C.update_span, "claim", bridge.id, note="re-read: May or June")
    coded.project.apply(C.update_span, "source_mention", coded.sources["jansen"],
                        type="institution")
    edit(sheet, "Claims", {(cost.uid, "certainty"): "uncertain"})
    code, out = read_back(coded, sheet, capsys)
    assert code == 0 and "applied 1 change(s) to 1 claim(s) and 0 source(s)" in out
    after = coded.claim("bridge")
    assert after.values["certainty"] == "probable" and after.note == "re-read: May or June"
    assert coded.source("jansen").type == "institution"
    assert coded.claim("cost").values["certainty"] == "uncertain"


def test_cell_changed_in_sheet_and_project_is_a_conflict_nothing_applied(coded, sheet, capsys):
    bridge, cost = coded.claim("bridge"), coded.claim("cost")
    coded.project.apply(C.set_claim_value, bridge.id, "certainty", "probable")
    edit(sheet, "Claims", {(bridge.uid, "certainty"): "possible",
                           (cost.uid, "note"): "an edit that must wait"})
    edit(sheet, "Sources", {(coded.source("jansen").uid, "type"): "document"})
    coded.project.apply(C.update_span, "source_mention", coded.sources["jansen"],
                        type="institution")
    before = values_now(coded)
    code, out = read_back(coded, sheet, capsys)
    assert code == 2 and "nothing was applied; 2 problem(s)" in out
    assert "Claims row 2, column M (certainty): conflict: changed in the sheet (to 'possible') " \
           "and in the project since the export (now 'probable')" in out
    assert "Sources row 2, column E (type): conflict" in out
    assert values_now(coded) == before and coded.source("jansen").type == "institution"


def test_same_change_in_both_places_is_no_conflict(coded, sheet, capsys):
    bridge = coded.claim("bridge")
    coded.project.apply(C.set_claim_value, bridge.id, "certainty", "probable")
    edit(sheet, "Claims", {(bridge.uid, "certainty"): "probable"})
    code, out = read_back(coded, sheet, capsys)
    assert code == 0 and "applied 0 change(s)" in out


def test_claims_deleted_since_export(coded, sheet, capsys):
    cost, trams = coded.claim("cost"), coded.claim("trams")
    coded.project.apply(C.delete_span, "claim", cost.id)
    code, out = read_back(coded, sheet, capsys)
    assert code == 0 and "1 untouched row(s) of claims or sources deleted" in out
    edit(sheet, "Claims", {(cost.uid, "certainty"): "certain",
                           (trams.uid, "certainty"): "possible"})
    code, out = read_back(coded, sheet, capsys)
    assert code == 2 and f"conflict: {cost.uid!r} was deleted in the project" in out
    assert coded.claim("trams").values["certainty"] == "uncertain"


def test_an_edited_cut_note_is_refused(coded, tmp_path, capsys):
    cost = coded.claim("cost")
    coded.project.apply(C.update_span, "claim", cost.id, note="y" * 40_000)
    sheet = tmp_path / "cut.xlsx"
    assert main(["export", str(coded.path), "--xlsx", str(sheet)]) == 0
    capsys.readouterr()
    code, out = read_back(coded, sheet, capsys)
    assert code == 0 and "applied 0 change(s)" in out
    wb = openpyxl.load_workbook(sheet)
    ws = wb["Claims"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 6).value == cost.uid)
    ws.cell(row, 16).value = "y" * 100 + " shortened by hand"
    wb.save(sheet)
    code, out = read_back(coded, sheet, capsys)
    assert code == 2 and "cut or cleaned for Excel" in out
    assert coded.claim("cost").note == "y" * 40_000


def test_sheet_without_record_falls_back_and_says_so(coded, sheet, capsys):
    wb = openpyxl.load_workbook(sheet)
    del wb["Exported"]
    wb.save(sheet)
    edit(sheet, "Claims", {(coded.claim("cost").uid, "certainty"): "probable"})
    code, out = read_back(coded, sheet, capsys)
    assert code == 0 and "no record of the exported values" in out
    assert coded.claim("cost").values["certainty"] == "probable"

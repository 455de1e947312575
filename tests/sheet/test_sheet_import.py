"""Reading the coding sheet back: edits made as Excel would make them, and every refusal."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from test_sheet_fixtures import build_coded, set_note_unchecked, store_unchecked

from annotator import commands as C
from annotator.cli import main
from annotator.core.errors import UserError
from annotator.io.sheet_import import SheetImportError
from annotator.project import Project
from annotator.sheet.export import export_project
from annotator.sheet.readback import import_sheet, read_changes


@pytest.fixture
def sheet(coded, tmp_path: Path) -> Path:
    out = tmp_path / "sheet.xlsx"
    export_project(coded.project, xlsx=out, include_suggestions=True)
    return out


def edit(path: Path, sheet: str, changes: dict[tuple[str, str], object]) -> None:
    """Change cells (keyed by the row's id and the column name) and save, as Excel would."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    cols = {c.value: c.column for c in ws[1]}
    key = "claim_id" if sheet == "Claims" else "source_id"
    rows = {ws.cell(r, cols[key]).value: r for r in range(2, ws.max_row + 1)}
    for (row_id, column), value in changes.items():
        ws.cell(rows[row_id], cols[column]).value = value
    wb.save(path)


def problems(coded, sheet: Path, coder: str = "anna") -> list[str]:
    with pytest.raises(SheetImportError) as info:
        import_sheet(coded.project, sheet, coder)
    return info.value.problems


def values_now(coded) -> dict:
    return {c.id: (dict(c.values), c.note, c.origin) for c in coded.project.claims()}


def test_sheet_exported_before_the_status_rename_still_reads_back(coded, sheet):
    """Sheets exported before Claims' and Sources' `status` became claim_origin and
    source_origin keep that header; their rows read back the same, suggestions still skipped."""
    wb = openpyxl.load_workbook(sheet)
    for name, new in (("Claims", "claim_origin"), ("Sources", "source_origin")):
        (cell,) = [c for c in wb[name][1] if c.value == new]
        cell.value = "status"
    wb.save(sheet)
    bridge = coded.claim("bridge")
    edit(sheet, "Claims", {(bridge.uid, "certainty"): "probable"})
    edit(sheet, "Sources", {(coded.source("jansen").uid, "type"): "institution"})
    result = import_sheet(coded.project, sheet, "anna")
    assert coded.claim("bridge").values["certainty"] == "probable"
    assert coded.source("jansen").type == "institution"
    assert len(result.changes) == 2


def test_sheet_round_trip_applies_edited_values(coded, sheet):
    bridge, cost = coded.claim("bridge"), coded.claim("cost")
    edit(sheet, "Claims", {(bridge.uid, "certainty"): "probable",
                           (bridge.uid, "topic"): "economy",
                           (bridge.uid, "intensity"): 4.5,
                           (cost.uid, "attribution"): None,
                           (cost.uid, "note"): "looked again"})
    edit(sheet, "Sources", {(coded.source("jansen").uid, "type"): "institution"})
    result = import_sheet(coded.project, sheet, "anna")
    bridge, cost = coded.claim("bridge"), coded.claim("cost")
    assert bridge.values == {"attribution": "indirect", "certainty": "probable",
                             "topic": "economy", "intensity": "4.5"}
    assert "attribution" not in cost.values and cost.note == "looked again"
    assert coded.source("jansen").type == "institution"
    assert len(result.changes) == 6 and len(result.edits) == 6
    assert all(isinstance(e, C.Edit) and not e.empty for e in result.edits)


def test_sheet_round_trip_edits_are_undoable(coded, sheet):
    before = values_now(coded)
    edit(sheet, "Claims", {(coded.claim("bridge").uid, "attribution"): "direct"})
    result = import_sheet(coded.project, sheet, "anna")
    assert coded.claim("bridge").values["attribution"] == "direct"
    for e in reversed(result.edits):
        e.revert(coded.project.db)
    assert values_now(coded) == before


def test_sheet_unchanged_sheet_changes_nothing(coded, sheet):
    before = values_now(coded)
    result = import_sheet(coded.project, sheet, "anna")
    assert result.changes == [] and values_now(coded) == before
    assert not any("read-only" in n for n in result.notes)


def test_sheet_accepts_numeric_codes_and_labels(coded, sheet):
    bridge = coded.claim("bridge")
    edit(sheet, "Claims", {(bridge.uid, "attribution"): 1, (bridge.uid, "certainty"): "Possible"})
    import_sheet(coded.project, sheet, "anna")
    assert coded.claim("bridge").values["attribution"] == "direct"
    assert coded.claim("bridge").values["certainty"] == "possible"


def test_sheet_accepted_claim_becomes_edited(coded, sheet):
    accepted = coded.claim("accepted")
    assert accepted.origin == "accepted"
    edit(sheet, "Claims", {(accepted.uid, "certainty"): "possible"})
    import_sheet(coded.project, sheet, "bob")
    assert coded.claim("accepted").origin == "edited"


def test_sheet_only_the_named_coders_rows_apply(coded, sheet):
    edit(sheet, "Claims", {(coded.claim("arrest").uid, "certainty"): "possible",
                           (coded.claim("bridge").uid, "certainty"): "possible"})
    import_sheet(coded.project, sheet, "bob")
    assert coded.claim("arrest").values["certainty"] == "possible"
    assert coded.claim("bridge").values["certainty"] == "certain"


def test_sheet_spans_and_texts_are_not_edited(coded, sheet):
    bridge = coded.claim("bridge")
    edit(sheet, "Claims", {(bridge.uid, "claim_text"): "something else",
                           (bridge.uid, "start"): 0, (bridge.uid, "source_type"): "document"})
    result = import_sheet(coded.project, sheet, "anna")
    after = coded.claim("bridge")
    assert (after.start, after.end) == (bridge.start, bridge.end)
    assert coded.source("jansen").type == "person"
    assert result.changes == []
    (note,) = [n for n in result.notes if "read-only" in n]
    for name in ("claim_text", "start", "source_type (edit the type in the Sources sheet)"):
        assert f"Claims row 2 column {name}" in note


def test_sheet_any_error_applies_nothing(coded, sheet):
    before = values_now(coded)
    bridge, cost = coded.claim("bridge"), coded.claim("cost")
    edit(sheet, "Claims", {(bridge.uid, "certainty"): "probable",
                           (cost.uid, "certainty"): "maybe"})
    found = problems(coded, sheet)
    assert len(found) == 1
    assert found[0].startswith("Claims row 3, column M (certainty): 'maybe' is not a value")
    assert values_now(coded) == before


def test_sheet_reports_every_problem_with_sheet_row_column(coded, sheet):
    edit(sheet, "Claims", {(coded.claim("bridge").uid, "attribution"): "loud",
                           (coded.claim("cost").uid, "intensity"): "high"})
    edit(sheet, "Sources", {(coded.source("jansen").uid, "type"): "alien"})
    found = problems(coded, sheet)
    assert any(p.startswith("Claims row 2, column L (attribution)") for p in found)
    assert any(p.startswith("Claims row 3, column V (intensity)") and "not a number" in p
               for p in found)
    assert any(p.startswith("Sources row 2, column E (type)") and "'alien'" in p for p in found)


def test_sheet_refuses_another_projects_workbook(coded, sheet, tmp_path):
    other = build_coded(tmp_path / "other.annotator")
    try:
        with pytest.raises(UserError, match="exported from another project"):
            import_sheet(other.project, sheet, "anna")
    finally:
        other.project.close()


def test_sheet_refuses_unknown_claim_id_and_other_coders_claim(coded, sheet):
    wb = openpyxl.load_workbook(sheet)
    ws = wb["Claims"]
    ws["F2"] = "no-such-claim"
    ws["F3"] = coded.claim("arrest").uid  # bob's claim in a row of anna
    wb.save(sheet)
    found = problems(coded, sheet)
    assert any(p.startswith("Claims row 2, column F (claim_id): no claim 'no-such-claim'")
               for p in found)
    assert any(p.startswith("Claims row 3, column F (claim_id)") and "another coder" in p
               for p in found)


def test_sheet_refuses_renamed_and_missing_columns(coded, sheet):
    wb = openpyxl.load_workbook(sheet)
    wb["Claims"]["L1"] = "Attribution kind"
    wb.save(sheet)
    found = problems(coded, sheet)
    assert any("Claims row 1, column L (Attribution kind): unknown column" in p for p in found)
    assert any("the column 'attribution' is missing" in p for p in found)


def test_sheet_refuses_formulas_in_coded_cells(coded, sheet):
    edit(sheet, "Claims", {(coded.claim("bridge").uid, "attribution"): '=IF(1,"direct")'})
    (problem,) = problems(coded, sheet)
    assert problem.startswith("Claims row 2, column L (attribution): holds a formula")


def test_sheet_text_cells_starting_with_equals_are_notes_not_formulas(coded, sheet):
    wb = openpyxl.load_workbook(sheet)
    ws = wb["Claims"]
    ws["P3"].value = "=not a formula"
    ws["P3"].data_type = "s"  # what Excel stores for '=not a formula
    wb.save(sheet)
    import_sheet(coded.project, sheet, "anna")
    assert coded.claim("cost").note == "=not a formula"


def test_sheet_refuses_merged_coded_cells(coded, sheet):
    wb = openpyxl.load_workbook(sheet)
    wb["Claims"].merge_cells("L2:L3")
    wb.save(sheet)
    (problem,) = problems(coded, sheet)
    assert "merged cells (L2:L3)" in problem and "(attribution)" in problem


def test_sheet_refuses_a_workbook_without_about(coded, tmp_path):
    path = tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Claims"
    wb.save(path)
    with pytest.raises(UserError, match="not a coding sheet"):
        import_sheet(coded.project, path, "anna")
    with pytest.raises(UserError, match="no coder 'carol'"):
        import_sheet(coded.project, path, "carol")
    (tmp_path / "junk.xlsx").write_text("not a zip")
    with pytest.raises(UserError, match="not a valid .xlsx file"):
        import_sheet(coded.project, tmp_path / "junk.xlsx", "anna")


def test_sheet_duplicate_rows_refused(coded, sheet):
    wb = openpyxl.load_workbook(sheet)
    ws = wb["Claims"]
    ws["F3"] = ws["F2"].value
    wb.save(sheet)
    found = problems(coded, sheet)
    assert any("appears twice (also row 2)" in p for p in found)


def test_sheet_cut_and_cleaned_notes_count_as_unchanged(tmp_path):
    long_note = "x" * 40_000
    with Project.create(tmp_path / "p.annotator") as proj:
        art = store_unchecked(proj, "He said\x07 so.")  # an older project's contents
        anna = proj.ensure_coder("anna")
        proj.apply(C.add_claim, art, anna.id, 0, 7, note=long_note)
        claim = proj.apply(C.add_claim, art, anna.id, 3, 11).created("claim")[0]
        set_note_unchecked(proj, claim, "bell\x07\r\nnext")
        export_project(proj, xlsx=tmp_path / "s.xlsx")
        result = read_changes(proj, tmp_path / "s.xlsx", "anna")
    assert result.changes == [] and result.notes == []


def test_sheet_cli_round_trip(coded, sheet, capsys):
    edit(sheet, "Claims", {(coded.claim("cost").uid, "certainty"): "probable"})
    assert main(["import-sheet", str(coded.path), str(sheet), "--coder", "anna"]) == 0
    assert "applied 1 change(s) to 1 claim(s)" in capsys.readouterr().out
    assert coded.claim("cost").values["certainty"] == "probable"


def test_sheet_cli_error_exit_code(coded, sheet, capsys):
    edit(sheet, "Claims", {(coded.claim("cost").uid, "certainty"): "nope"})
    assert main(["import-sheet", str(coded.path), str(sheet), "--coder", "anna"]) == 2
    err = capsys.readouterr().err
    assert "nothing was applied" in err and "Claims row 3, column M (certainty)" in err


def test_sheet_note_with_an_escaped_nul_is_refused_naming_the_cell(coded, sheet, capsys):
    """Issue 11.10: `_x0000_` in a cell reads back as NUL; it must not reach a note."""
    claim = coded.claim("cost")
    edit(sheet, "Claims", {(claim.uid, "note"): "voor_x0000_na"})
    assert main(["import-sheet", str(coded.path), str(sheet), "--coder", "anna"]) == 2
    err = capsys.readouterr().err
    assert "nothing was applied" in err and "(note)" in err and "NUL" in err
    assert coded.claim("cost").note == claim.note


def test_sheet_import_uses_the_zip_bomb_guard(coded, sheet, capsys):
    """Issue 11.11: a sheet whose shared strings unpack to far more than the file was read."""
    import zipfile

    with zipfile.ZipFile(sheet) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    members["xl/sharedStrings.xml"] = (b'<sst xmlns="http://schemas.openxmlformats.org/'
                                       b'spreadsheetml/2006/main"><si><t>'
                                       + b"a" * (60 * 2**20) + b"</t></si></sst>")
    with zipfile.ZipFile(sheet, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    before = values_now(coded)
    assert main(["import-sheet", str(coded.path), str(sheet), "--coder", "anna"]) == 2
    err = capsys.readouterr().err
    assert "zip bomb" in err and sheet.name in err and "Traceback" not in err
    assert values_now(coded) == before


def test_sheet_import_of_a_csv_says_so(coded, tmp_path, capsys):
    """Issue 11.11: a .csv given to import-sheet gets a message, not InvalidFileException."""
    export_project(coded.project, csv_dir=tmp_path)
    claims = tmp_path / "claims.csv"
    assert main(["import-sheet", str(coded.path), str(claims), "--coder", "anna"]) == 2
    err = capsys.readouterr().err
    assert "claims.csv" in err and "CSV" in err and ".xlsx" in err
    assert "InvalidFileException" not in err
    (tmp_path / "sheet.ods").write_bytes(b"PK\x03\x04")
    assert main(["import-sheet", str(coded.path), str(tmp_path / "sheet.ods"), "--coder",
                 "anna"]) == 2
    assert "not an Excel workbook (.xlsx)" in capsys.readouterr().err

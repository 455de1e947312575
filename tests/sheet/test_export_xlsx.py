"""The coding-sheet workbook: sheets, columns, formats, validation, safety (inspected with openpyxl)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from test_sheet_fixtures import (
    TEXT_1,
    TEXT_2,
    build_coded,
    extended_codebook,
    set_note_unchecked,
    store_unchecked,
)

from annotator import commands as C
from annotator.core.errors import UserError
from annotator.core.model import ArticleRecord
from annotator.io.cells import CELL_LIMIT, REPLACEMENT
from annotator.project import Project
from annotator.sheet.export import export_project

CLAIM_COLUMNS = ["article_id", "title", "outlet", "date", "coder", "claim_id", "claim_text",
                 "start", "end", "source_text", "source_type", "attribution", "certainty",
                 "cue_text", "claim_origin", "note", "modified", "source_id", "source_name",
                 "channel_text", "topic", "intensity"]


def export(proj: Project, tmp_path: Path, **kw) -> tuple[openpyxl.Workbook, object]:
    out = tmp_path / "sheet.xlsx"
    report = export_project(proj, xlsx=out, **kw)
    return openpyxl.load_workbook(out), report


def rows_of(ws) -> list[dict]:
    values = list(ws.iter_rows(values_only=True))
    return [dict(zip(values[0], r, strict=True)) for r in values[1:]]


def by_claim(ws) -> dict[str, dict]:
    return {r["claim_id"]: r for r in rows_of(ws)}


def test_export_sheets_in_order_and_about_hidden(coded, tmp_path):
    wb, _ = export(coded.project, tmp_path)
    assert wb.sheetnames == ["Claims", "Sources", "Articles", "Codebook", "Summary", "About",
                            "Exported"]
    assert [wb[n].sheet_state for n in wb.sheetnames] == ["visible"] * 5 + ["hidden"] * 2
    about = {r[0]: r[1] for r in wb["About"].iter_rows(min_row=2, max_col=2, values_only=True)
             if r[0]}
    assert about["project_id"] == coded.project.project_id
    assert about["format"] == "annotator coding sheet"
    assert datetime.fromisoformat(about["exported_at"]).year >= 2024
    assert wb.custom_doc_props["annotator_project_id"].value == coded.project.project_id


def test_export_claims_columns_in_order(coded, tmp_path):
    wb, _ = export(coded.project, tmp_path)
    header = [c.value for c in wb["Claims"][1]]
    assert header == CLAIM_COLUMNS


def test_export_claims_rows_hold_the_coders_work(coded, tmp_path):
    wb, report = export(coded.project, tmp_path)
    rows = by_claim(wb["Claims"])
    bridge = rows[coded.claim("bridge").uid]
    assert bridge["article_id"] == "nrc-001" and bridge["title"] == "Bridge delayed"
    assert bridge["outlet"] == "NRC" and bridge["coder"] == "anna"
    assert bridge["claim_text"] == "the bridge will open in May"
    assert TEXT_1[bridge["start"]:bridge["end"]] == bridge["claim_text"]
    assert (bridge["source_text"], bridge["source_type"]) == ("Minister Jansen", "person")
    assert (bridge["attribution"], bridge["certainty"]) == ("indirect", "certain")
    assert bridge["cue_text"] == "said" and bridge["claim_origin"] == "manual"
    assert bridge["note"] == "check the date"
    assert bridge["source_id"] == coded.source("jansen").uid
    assert bridge["source_name"] == "Jansen"
    assert (bridge["topic"], bridge["intensity"]) == ("politics", 3)
    assert rows[coded.claim("trams").uid]["channel_text"] == "Twitter"
    assert rows[coded.claim("accepted").uid]["claim_origin"] == "accepted"
    assert rows[coded.claim("arrest").uid]["coder"] == "bob"
    assert report.rows["Claims"] == 5
    for row in rows.values():  # every claim_text is the article text between its offsets
        text = TEXT_1 if row["article_id"] == "nrc-001" else TEXT_2
        assert text[row["start"]:row["end"]] == row["claim_text"]


def test_export_types_dates_and_offsets(coded, tmp_path):
    wb, _ = export(coded.project, tmp_path)
    ws = wb["Claims"]
    cols = {c.value: c.column for c in ws[1]}
    cell = ws.cell(2, cols["date"])
    assert cell.is_date and cell.value == datetime(2024, 3, 5) and cell.number_format == "yyyy-mm-dd"
    assert ws.cell(2, cols["modified"]).is_date
    assert isinstance(ws.cell(2, cols["modified"]).value, datetime)
    for name in ("start", "end"):
        assert ws.cell(2, cols[name]).data_type == "n"
        assert isinstance(ws.cell(2, cols[name]).value, int)
    assert ws.cell(2, cols["claim_id"]).data_type == "s"


def test_export_undated_text_stays_text(tmp_path):
    with Project.create(tmp_path / "p.annotator") as proj:
        proj.import_records([ArticleRecord(text="Someone said so.", ext_id="x", date="spring 2024")])
        anna = proj.ensure_coder("anna")
        proj.apply(C.add_claim, proj.articles()[0].id, anna.id, 0, 7)
        wb, _ = export(proj, tmp_path)
    assert rows_of(wb["Claims"])[0]["date"] == "spring 2024"


def test_export_header_bold_frozen_filtered_sized(coded, tmp_path):
    wb, _ = export(coded.project, tmp_path)
    for name in ("Claims", "Sources", "Articles", "Codebook", "Summary"):
        ws = wb[name]
        assert all(c.font.b for c in ws[1]), name
        assert ws.freeze_panes == "A2", name
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), name
    claims = wb["Claims"]
    cols = {c.value: c.column_letter for c in claims[1]}
    assert claims.auto_filter.ref == f"A1:{cols['intensity']}6"
    assert claims.column_dimensions[cols["claim_text"]].width >= 50
    assert claims.column_dimensions[cols["start"]].width < 10
    assert claims[f"{cols['claim_text']}2"].alignment.wrap_text


def test_export_validation_lists_on_coded_columns(coded, tmp_path):
    wb, _ = export(coded.project, tmp_path)
    claims = wb["Claims"]
    cols = {c.value: c.column_letter for c in claims[1]}
    rules = {str(dv.sqref): dv for dv in claims.data_validations.dataValidation}
    expect = {"attribution": '"direct,indirect,unattributed"',
              "certainty": '"certain,probable,possible,uncertain"',
              "source_type": '"person,institution,news_media,social_media,anonymous,document"',
              "topic": '"politics,economy"'}
    for name, formula in expect.items():
        dv = rules[f"{cols[name]}2:{cols[name]}6"]
        assert dv.type == "list" and dv.formula1 == formula
        assert dv.errorStyle in (None, "stop") and dv.showErrorMessage  # stop is the default
    assert not any(cols[n] in ref for n in ("note", "intensity", "claim_text") for ref in rules)
    sources = wb["Sources"]
    scols = {c.value: c.column_letter for c in sources[1]}
    (dv,) = sources.data_validations.dataValidation
    assert str(dv.sqref) == f"{scols['type']}2:{scols['type']}4"


def test_export_long_value_list_validates_from_about_range(tmp_path):
    data = build_coded(tmp_path / "p.annotator", extended_codebook(extra_values=20))
    try:
        wb, _ = export(data.project, tmp_path)
    finally:
        data.project.close()
    claims = wb["Claims"]
    col = next(c.column_letter for c in claims[1] if c.value == "topic")
    dv = next(d for d in claims.data_validations.dataValidation if str(d.sqref).startswith(col))
    assert dv.formula1.startswith("About!$")
    about = wb["About"]
    letter = dv.formula1.split("$")[1]
    listed = [c.value for c in about[letter][1:] if c.value]
    assert listed[:2] == ["politics", "economy"] and len(listed) == 22


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_export_formula_triggers_stay_text(tmp_path, lead):
    body = f"{lead}SUM(A1:A9)*2 is what he wrote"
    text = body + ". Then he left."
    with Project.create(tmp_path / "p.annotator") as proj:
        proj.import_records([ArticleRecord(text=text, ext_id=f"{lead}1", title=f"{lead}cmd|' /C calc'!A0")])
        anna = proj.ensure_coder("anna")
        proj.apply(C.add_claim, proj.articles()[0].id, anna.id, 0, len(body), note=f"{lead}1+1")
        wb, _ = export(proj, tmp_path)
    ws = wb["Claims"]
    cols = {c.value: c.column for c in ws[1]}
    for name, want in (("claim_text", body), ("note", f"{lead}1+1"), ("article_id", f"{lead}1"),
                       ("title", f"{lead}cmd|' /C calc'!A0")):
        cell = ws.cell(2, cols[name])
        assert cell.data_type == "s", name
        assert cell.value.replace("_x000D_", "\r") == want, name


def test_export_control_characters_replaced_visibly_and_reported(tmp_path):
    text = "He said\x07 the \x00plan\x1b works. End."
    with Project.create(tmp_path / "p.annotator") as proj:  # an older project's contents
        art = store_unchecked(proj, text)
        anna = proj.ensure_coder("anna")
        claim = proj.apply(C.add_claim, art, anna.id, 0, 25).created("claim")[0]
        set_note_unchecked(proj, claim, "bell\x07")
        wb, report = export(proj, tmp_path)
    row = rows_of(wb["Claims"])[0]
    assert row["claim_text"] == f"He said{REPLACEMENT} the {REPLACEMENT}plan{REPLACEMENT} works"
    assert row["note"] == f"bell{REPLACEMENT}"
    assert any("Claims row 2, column claim_text" in n and "U+0007" in n and "U+0000" in n
               for n in report.notes)
    assert any("column note" in n for n in report.notes)


def test_export_cell_limit_cut_with_marker_csv_whole(tmp_path):
    long_text = "word " * 8000 + "end."
    with Project.create(tmp_path / "p.annotator") as proj:
        proj.import_records([ArticleRecord(text=long_text, ext_id="a")])
        anna = proj.ensure_coder("anna")
        proj.apply(C.add_claim, proj.articles()[0].id, anna.id, 0, len(long_text))
        out = tmp_path / "csv"
        out.mkdir()
        wb, report = export(proj, tmp_path, csv_dir=out)
    cell = rows_of(wb["Claims"])[0]["claim_text"]
    assert len(cell) == CELL_LIMIT and "cut: 40,004 characters" in cell
    assert long_text.startswith(cell[:CELL_LIMIT - 100])
    assert any("Claims row 2, column claim_text" in n and "32,767" in n for n in report.notes)
    import csv

    with open(out / "claims.csv", encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["claim_text"] == long_text


def test_export_suggestions_only_when_asked(coded, tmp_path):
    wb, _ = export(coded.project, tmp_path)
    assert "suggested" not in {r["claim_origin"] for r in rows_of(wb["Claims"])}
    wb, report = export(coded.project, tmp_path, include_suggestions=True)
    suggested = [r for r in rows_of(wb["Claims"]) if r["claim_origin"] == "suggested"]
    assert len(suggested) == 1  # the accepted one is bob's claim now, not a suggestion
    (row,) = suggested
    assert row["coder"] is None and row["claim_id"] is None
    assert row["claim_text"] == "more arrests are likely"
    assert (row["source_text"], row["source_type"]) == ("A spokeswoman", "person")
    assert (row["attribution"], row["certainty"]) == ("indirect", "probable")


def test_export_selected_coders_only(coded, tmp_path):
    wb, _ = export(coded.project, tmp_path, coders=["bob"])
    assert {r["coder"] for r in rows_of(wb["Claims"])} == {"bob"}
    assert {r["coder"] for r in rows_of(wb["Articles"])} == {"bob"}
    with pytest.raises(UserError, match="no coder 'carol'"):
        export(coded.project, tmp_path, coders=["carol"])


def test_export_sources_sheet(coded, tmp_path):
    wb, _ = export(coded.project, tmp_path)
    rows = {r["source_id"]: r for r in rows_of(wb["Sources"])}
    assert list(rows_of(wb["Sources"])[0]) == ["source_id", "article_id", "coder", "source_text",
                                                "type", "source_name", "start", "end", "source_origin",
                                                "modified"]
    jansen = rows[coded.source("jansen").uid]
    assert jansen["article_id"] == "nrc-001" and jansen["coder"] == "anna"
    assert (jansen["source_text"], jansen["type"], jansen["source_name"]) == (
        "Minister Jansen", "person", "Jansen")
    assert TEXT_1[jansen["start"]:jansen["end"]] == "Minister Jansen"
    assert len(rows) == 3


def test_export_articles_sheet(coded, tmp_path):
    wb, _ = export(coded.project, tmp_path, per_coder=True)
    rows = {(r["article_id"], r["coder"]): r for r in rows_of(wb["Articles"])}
    assert len(rows) == 2  # each article with the coder who worked on it (nobody assigned)
    anna = rows[("nrc-001", "anna")]
    assert anna["coding_progress"] == "in_progress" and anna["claims"] == 3
    assert anna["claims_type_person"] == 1 and anna["claims_certainty_uncertain"] == 1
    assert anna["date"] == datetime(2024, 3, 5)
    bob = rows[("tel-002", "bob")]
    assert bob["coding_progress"] == "done" and bob["claims"] == 2 and bob["claims_type_institution"] == 1


def test_export_codebook_sheet(coded, tmp_path):
    wb, _ = export(coded.project, tmp_path)
    rows = rows_of(wb["Codebook"])
    assert list(rows[0]) == ["variable", "level", "measure", "code", "numeric", "label",
                             "definition"]
    cert = [r for r in rows if r["variable"] == "certainty"]
    assert cert[0]["code"] is None and cert[0]["label"] == "Certainty"
    assert [(r["code"], r["numeric"]) for r in cert[1:]] == [
        ("certain", 1), ("probable", 2), ("possible", 3), ("uncertain", 4)]
    assert {r["variable"] for r in rows} == {"type", "attribution", "certainty", "topic",
                                             "intensity", "claim_origin", "source_origin",
                                             "coding_progress"}


def test_export_names_origin_and_progress_apart_and_the_codebook_sheet_defines_them(coded,
                                                                                  tmp_path):
    """Claims' and Sources' origin (how a mark came about) and Articles' coding progress (the
    coder's) are different columns with different names; the Codebook sheet numbers and
    defines their values as the .sav labels them."""
    import pyreadstat

    wb, _ = export(coded.project, tmp_path, per_coder=True)
    heads = {name: [c.value for c in wb[name][1]] for name in ("Claims", "Sources", "Articles")}
    assert not any("status" in names for names in heads.values())
    assert ("claim_origin" in heads["Claims"] and "source_origin" in heads["Sources"]
            and "coding_progress" in heads["Articles"])
    book = rows_of(wb["Codebook"])
    progress = {r["numeric"]: r["code"] for r in book
                if r["variable"] == "coding_progress" and r["code"]}
    assert all(r["definition"] for r in book if r["variable"] == "coding_progress")
    export_project(coded.project, sav=tmp_path / "s.sav", per_coder=True)
    _, meta = pyreadstat.read_sav(str(tmp_path / "s_articles.sav"), metadataonly=True)
    assert meta.variable_value_labels["coding_progress"] == progress
    assert progress[4] == "needs_consensus"
    origin = {r["numeric"]: r["code"] for r in book if r["variable"] == "claim_origin" and r["code"]}
    _, meta = pyreadstat.read_sav(str(tmp_path / "s_claims.sav"), metadataonly=True)
    assert meta.variable_value_labels["claim_origin"] == origin


def test_export_summary_sheet(coded, tmp_path):
    wb, _ = export(coded.project, tmp_path, per_coder=True)
    rows = rows_of(wb["Summary"])
    assert list(rows[0])[:5] == ["coder", "variable", "value", "label", "all_outlets"]
    index = {(r["coder"], r["variable"], r["value"]): r for r in rows}
    person = index[("anna", "source_type", "person")]
    assert (person["all_outlets"], person["NRC"], person["Telegraaf"]) == (1, 1, 0)
    assert index[("bob", "certainty", "certain")]["all_outlets"] == 2
    assert index[("anna", "attribution", "(none)")]["all_outlets"] == 1


def test_export_failure_leaves_the_old_file(coded, tmp_path, monkeypatch):
    out = tmp_path / "sheet.xlsx"
    out.write_bytes(b"the old workbook")
    import annotator.io.sheet_export as SE

    def broken(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(SE, "_add_validation", broken)
    with pytest.raises(RuntimeError):
        export_project(coded.project, xlsx=out)
    assert out.read_bytes() == b"the old workbook"
    assert sorted(p.name for p in tmp_path.iterdir() if "sheet" in p.name) == ["sheet.xlsx"]


def test_export_refuses_missing_folder(coded, tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        export_project(coded.project, xlsx=tmp_path / "nope" / "x.xlsx")
    with pytest.raises(UserError, match="nothing to export"):
        export_project(coded.project)


def test_export_empty_project_writes_headers(tmp_path):
    with Project.create(tmp_path / "p.annotator") as proj:
        wb, report = export(proj, tmp_path)
    assert [c.value for c in wb["Claims"][1]][:3] == ["article_id", "title", "outlet"]
    assert report.rows["Claims"] == 0


def test_export_today_is_a_date_column(coded, tmp_path):
    wb, _ = export(coded.project, tmp_path)
    modified = rows_of(wb["Claims"])[0]["modified"]
    assert abs((modified.date() - date.today()).days) <= 1


def test_export_adds_an_agreement_sheet_when_coders_share_articles(coded, tmp_path):
    """Issue 8: the agreement report goes into the exported workbook as an Agreement sheet."""
    from annotator import commands as C

    proj, art = coded.project, coded.articles[1]
    start = proj.article_text(art).index("confirmed the arrest")
    proj.apply(C.add_claim, art, coded.coders["anna"], start, start + len("confirmed the arrest"),
               values={"attribution": "indirect", "certainty": "probable"})
    proj.apply(C.set_article_status, art, coded.coders["anna"], "done")
    wb, report = export(proj, tmp_path)
    assert wb.sheetnames == ["Claims", "Sources", "Articles", "Codebook", "Summary", "Agreement",
                             "About", "Exported"]
    cells = [c for row in wb["Agreement"].iter_rows(values_only=True) for c in row if c]
    assert "Agreement between 2 coders: anna, bob" in cells
    assert "certainty" in cells and "attribution" in cells
    assert report.rows["Agreement"] >= 1


def test_export_flags_unattributed_claims_with_a_source(coded, tmp_path, capsys):
    """Issue 12.13: `unattributed` with a linked source is flagged in the Summary sheet and
    the export's report, through the CLI as a PI runs it."""
    from annotator.cli import main

    proj = coded.project
    anna = proj.coder("anna")
    linked = [c for c in proj.claims(coder_id=anna.id) if c.source_id is not None]
    proj.apply(C.set_claim_value, linked[0].id, "attribution", "unattributed")
    path = proj.path
    proj.close()
    out = tmp_path / "flagged.xlsx"
    assert main(["export", str(path), "--xlsx", str(out)]) == 0
    assert "1 claim(s) coded unattributed, yet linked to a source" in capsys.readouterr().out
    rows = rows_of(openpyxl.load_workbook(out)["Summary"])
    flagged = [r for r in rows if r["variable"] == "check" and r["value"] ==
               "unattributed_with_source"]
    assert [(r["coder"], r["value"], r["all_outlets"]) for r in flagged] == [
        ("analysis", "unattributed_with_source", 1)]  # the default: the analysis dataset
    assert main(["export", str(path), "--xlsx", str(out), "--per-coder"]) == 0
    rows = rows_of(openpyxl.load_workbook(out)["Summary"])
    assert [(r["coder"], r["value"]) for r in rows if r["variable"] == "check"
            and r["value"] == "unattributed_with_source"] == [("anna", "unattributed_with_source")]
    coded.project = Project.open(path)  # the fixture closes it


def test_export_and_info_flag_direct_and_indirect_claims_without_a_source(coded, tmp_path,
                                                                          capsys):
    """The codebook says direct and indirect claims have a source: one without a linked source
    is flagged to the PI before export (`annotator info`) and in the export's report and
    Summary sheet; nothing is refused, the claim is exported as coded."""
    from annotator.cli import main

    proj = coded.project
    bridge = coded.claim("bridge")  # indirect, linked to Minister Jansen
    proj.apply(C.update_span, "claim", bridge.id, source_id=None)
    proj.apply(C.set_claim_value, coded.claim("trams").id, "attribution", "direct")
    path = proj.path
    proj.close()
    assert main(["info", str(path)]) == 0
    info = capsys.readouterr().out
    # anna: bridge (now unlinked), cost (never linked), trams (direct, only a channel)
    assert "check: 3 claim(s) coded direct or indirect, yet linked to no source" in info
    assert main(["info", str(path), "--format", "json"]) == 0
    coders = {c["name"]: c for c in json.loads(capsys.readouterr().out)["coders"]}
    assert coders["anna"]["checks"]["attributed_without_source"] == 3
    assert coders["bob"]["checks"]["attributed_without_source"] == 0
    out = tmp_path / "flagged.xlsx"
    assert main(["export", str(path), "--xlsx", str(out), "--per-coder"]) == 0
    said = capsys.readouterr().out
    assert "3 claim(s) coded direct or indirect, yet linked to no source: check them" in said
    rows = rows_of(openpyxl.load_workbook(out)["Summary"])
    assert [(r["coder"], r["all_outlets"], r["NRC"]) for r in rows
            if r["value"] == "attributed_without_source"] == [("anna", 3, 3)]
    claims = {r["claim_id"]: r for r in rows_of(openpyxl.load_workbook(out)["Claims"])}
    assert claims[bridge.uid]["attribution"] == "indirect"
    assert claims[bridge.uid]["source_text"] is None
    coded.project = Project.open(path)

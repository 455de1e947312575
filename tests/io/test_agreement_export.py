"""The agreement workbook and the reliability data files, read back with openpyxl and csv."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from annotator import commands
from annotator.agreement.report import unit_disagreements
from annotator.agreement.verdict import result_verdict
from annotator.cli import main
from annotator.core.model import ArticleRecord
from annotator.io import agreement_export as X
from annotator.project import Project
from annotator.reliability import project_claims, project_report

TEXT = ("\U0001F4F0 De minister zei dat de belasting omhoog gaat. Iran zou een drone hebben "
        "neergeschoten. Het is onduidelijk of de wapens werken.")
CODER_A, CODER_B = "anna", "=HYPERLINK(\"x\")"  # a name that looks like a formula


def at(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


@pytest.fixture
def project_file(user_data: Path, tmp_path: Path) -> Path:
    path = tmp_path / "export.annotator"
    with Project.create(path) as proj:
        proj.import_records([ArticleRecord(text=TEXT, ext_id="a1", title="t")])
        article = proj.articles()[0].id
        a, b = proj.ensure_coder(CODER_A).id, proj.ensure_coder(CODER_B).id
        claims = [("de belasting omhoog gaat", "indirect", "certain", "certain"),
                  ("een drone hebben neergeschoten", "indirect", "possible", "probable")]
        for quote, attribution, cert_a, cert_b in claims:
            for coder, cert in ((a, cert_a), (b, cert_b)):
                proj.apply(commands.add_claim, article, coder, *at(quote),
                           values={"attribution": attribution, "certainty": cert})
        proj.apply(commands.add_claim, article, a, *at("de wapens werken"),
                   values={"attribution": "unattributed", "certainty": "uncertain"})
        for coder in (a, b):
            proj.apply(commands.set_article_status, article, coder, "done")
    return path


@pytest.fixture
def report(project_file: Path):
    with Project.open(project_file) as proj:
        rep = project_report(proj, bootstrap=50)
        units = unit_disagreements(rep.alignment, project_claims(proj, list(rep.coders)))
        return rep, units, proj.codebook


def rows_of(ws) -> list[tuple]:
    return [tuple(r) for r in ws.iter_rows(values_only=True)]


def test_agreement_export_workbook_sheets_and_values(tmp_path, report) -> None:
    rep, units, book = report
    target = tmp_path / "agreement.xlsx"
    X.write_agreement_workbook(target, rep, unit_disagreements=units, texts={1: TEXT},
                               codebook=book)
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["Agreement", "Confusion", "Disagreements", "Reliability data",
                             "Value codes"]
    rows = rows_of(wb["Agreement"])
    header = rows.index(X.VARIABLE_HEADER)
    by_var = {r[0]: r for r in rows[header + 1:header + 4]}
    alpha = {v.variable: v.coefficients["krippendorff_alpha"] for v in rep.variables}
    assert by_var["certainty"][2] == pytest.approx(alpha["certainty"].value)
    assert by_var["certainty"][3] == pytest.approx(alpha["certainty"].ci_low)
    assert by_var["certainty"][7] == result_verdict(alpha["certainty"]).shown == "uncertain"
    assert "only 2 units" in by_var["certainty"][15]  # the verdict says why, in the Note
    assert by_var["attribution"][7] == "undefined"  # all indirect: alpha has no variation
    assert by_var["certainty"][13] == 2  # units coded by both
    cells = [c for r in rows for c in r if c is not None]
    assert CODER_B in cells  # the formula-looking name is a string, not a formula
    assert wb["Agreement"]["A1"].data_type == "s"
    assert any(isinstance(c, str) and c.startswith("Unitizing alpha") for c in cells)
    assert "Cohen's kappa per pair of coders" in cells
    wb.close()


def test_agreement_export_confusion_and_disagreements(tmp_path, report) -> None:
    rep, units, book = report
    target = tmp_path / "agreement.xlsx"
    X.write_agreement_workbook(target, rep, unit_disagreements=units, texts={1: TEXT},
                               codebook=book)
    wb = openpyxl.load_workbook(target, read_only=True)
    assert rep.coders == (CODER_B, CODER_A)  # coders come sorted by name
    confusion = rows_of(wb["Confusion"])
    title = next(i for i, r in enumerate(confusion)
                 if r[0] == f"certainty: {CODER_B} (rows) x {CODER_A} (columns)")
    labels = confusion[title + 1]
    assert labels[1:5] == ("certain", "probable", "possible", "uncertain")
    probable_row = confusion[title + 3]  # B said probable where anna said possible
    assert probable_row[0] == "probable" and probable_row[3] == 1
    dis = rows_of(wb["Disagreements"])
    assert dis[0][:6] == ("Unit", "Article id", "Start", "End", "Variable", "Text")
    assert dis[0][6:] == (CODER_B, CODER_A, f"Claim id ({CODER_B})", f"Claim id ({CODER_A})")
    body = {r[4]: r for r in dis[1:]}
    assert body["certainty"][5] == "een drone hebben neergeschoten"
    assert body["certainty"][6:8] == ("probable", "possible")
    assert body["certainty"][1] == "a1"  # the imported id, as in the coding sheet
    assert body["(claim marked?)"][5] == "de wapens werken"
    assert body["(claim marked?)"][6:8] == ("(no claim)", "marked")
    wb.close()


def test_agreement_export_wide_uses_numeric_codes(tmp_path, report) -> None:
    rep, _, book = report
    n = X.write_wide(tmp_path / "wide.xlsx", rep, book)
    assert n == rep.n_units == 3
    wb = openpyxl.load_workbook(tmp_path / "wide.xlsx", read_only=True)
    rows = rows_of(wb["Reliability data"])
    assert rows[0][:4] == ("unit", "article_id", "start", "end")
    assert f"certainty_{CODER_B}" in rows[0]
    col_a, col_b = rows[0].index(f"certainty_{CODER_A}"), rows[0].index(f"certainty_{CODER_B}")
    drone = next(r for r in rows[1:] if r[2] == at("een drone hebben neergeschoten")[0])
    assert (drone[col_a], drone[col_b]) == (3, 2)  # possible = 3, probable = 2 in the codebook
    missed = next(r for r in rows[1:] if r[2] == at("de wapens werken")[0])
    assert missed[col_b] is None
    codes = rows_of(wb["Value codes"])
    assert ("certainty", "probable", 2, "Probable") in codes
    wb.close()
    X.write_wide(tmp_path / "wide.csv", rep, book)
    with open(tmp_path / "wide.csv", encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0][4:6] == [f"claim_id_{c}" for c in rep.coders]  # not formula-like
    assert table[0][6:8] == [f"attribution_{c}" for c in rep.coders]
    drone_csv = next(r for r in table[1:] if r[2] == str(drone[2]))
    assert drone_csv[table[0].index(f"certainty_{CODER_A}")] == "3"


def test_agreement_export_long_csv_guards_formulas(tmp_path, report) -> None:
    rep, _, _ = report
    n = X.write_long_csv(tmp_path / "long.csv", rep)
    with open(tmp_path / "long.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert n == len(rows) == 3 * len(rep.variables) * 2  # units x variables x coders
    assert list(rows[0]) == ["unit", "article_id", "coder", "claim_id", "variable", "value"]
    assert {r["coder"] for r in rows} == {CODER_A, "'" + CODER_B}  # no formula in a spreadsheet
    assert {r["value"] for r in rows if r["variable"] == "certainty"} >= {"possible", "probable"}


def test_agreement_export_sheet_into_an_open_workbook(tmp_path, report) -> None:
    import xlsxwriter

    rep, _, _ = report
    target = tmp_path / "coding.xlsx"
    wb = xlsxwriter.Workbook(str(target), X.WORKBOOK_OPTIONS)
    header = wb.add_format({"bold": True})
    wb.add_worksheet("Claims").write_string(0, 0, "claim")
    X.write_agreement_sheet(wb, rep, {"header": header})
    wb.close()
    read = openpyxl.load_workbook(target, read_only=True)
    assert read.sheetnames == ["Claims", "Agreement"]
    assert X.VARIABLE_HEADER in rows_of(read["Agreement"])
    read.close()


def test_agreement_export_cli_xlsx_wide_long(tmp_path, project_file, capsys) -> None:
    out, wide, long = tmp_path / "a.xlsx", tmp_path / "w.csv", tmp_path / "l.csv"
    code = main(["agreement", str(project_file), "--bootstrap", "20", "--format", "xlsx",
                 "--out", str(out), "--wide", str(wide), "--long", str(long)])
    assert code == 0
    assert out.exists() and wide.exists() and long.exists()
    assert not list(tmp_path.glob(".*writing*"))  # temporary files renamed or gone
    assert "Agreement" in openpyxl.load_workbook(out, read_only=True).sheetnames


@pytest.mark.parametrize("argv, message", [
    (["--format", "xlsx"], "--out"),
    (["--format", "xlsx", "--out", "x.csv"], ".xlsx"),
    (["--long", "x.xlsx"], ".csv"),
    (["--wide", "x.txt"], ".xlsx or .csv"),
])
def test_agreement_export_cli_bad_outputs(tmp_path, project_file, capsys, argv, message) -> None:
    code = main(["agreement", str(project_file), *argv])
    assert code == 2
    assert message in capsys.readouterr().err


def test_reliability_data_joins_the_coding_sheet_on_imported_and_claim_ids(
        project_file, tmp_path, capsys) -> None:
    """Issue 12.5: --wide, --long, the Disagreements sheet and the JSON name articles by the
    imported id and carry claim ids, the same ones the coding sheet's Claims sheet holds."""
    import json

    wide, long, book, sheet = (tmp_path / n for n in ("w.csv", "l.csv", "a.xlsx", "s.xlsx"))
    assert main(["agreement", str(project_file), "--format", "xlsx", "--out", str(book),
                 "--wide", str(wide), "--long", str(long), "--bootstrap", "0"]) == 0
    assert main(["export", str(project_file), "--xlsx", str(sheet), "--per-coder"]) == 0
    claims = rows_of(openpyxl.load_workbook(sheet, read_only=True)["Claims"])
    head = claims[0]
    by_claim = {r[head.index("claim_id")]: (r[head.index("article_id")], r[head.index("coder")],
                                            r[head.index("certainty")]) for r in claims[1:]}
    with open(wide, encoding="utf-8", newline="") as fh:
        wide_rows = list(csv.DictReader(fh))
    for row in wide_rows:
        assert row["article_id"] == "a1" and row["unit"].startswith("a1:")
        ids = {c: row[f"claim_id_{c}"] for c in (CODER_A, CODER_B)}
        for coder, uid in ids.items():
            if uid:  # joins the coding sheet: the same article and coder
                assert by_claim[uid][:2] == ("a1", coder)
    assert sum(1 for r in wide_rows for c in (CODER_A, CODER_B) if r[f"claim_id_{c}"]) == 5
    with open(long, encoding="utf-8", newline="") as fh:
        long_rows = list(csv.DictReader(fh))
    certainty = [r for r in long_rows if r["variable"] == "certainty" and r["claim_id"]]
    assert certainty and all(by_claim[r["claim_id"]][2] == r["value"] for r in certainty)
    dis = rows_of(openpyxl.load_workbook(book, read_only=True)["Disagreements"])
    assert {r[1] for r in dis[1:]} == {"a1"}
    capsys.readouterr()
    assert main(["agreement", str(project_file), "--format", "json", "--bootstrap", "0"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == ["a1"]
    found = [d for v in data["variables"] for d in v["disagreements"]]
    found += data["unit_disagreements"]
    assert found and all(d["article_id"] == "a1" for d in found)
    assert all(by_claim[uid][1] == coder for d in found for coder, uid in d["claim_ids"].items())

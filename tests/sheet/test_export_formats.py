"""CSV, SPSS (.sav) and Stata (.dta) exports, and the `annotator export` command."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pandas as pd
import pyreadstat
import pytest
from test_sheet_fixtures import TEXT_1

from annotator import commands as C
from annotator.cli import main
from annotator.core.model import ArticleRecord
from annotator.project import Project
from annotator.sheet.export import export_project


def read_csv(path: Path, encoding: str = "utf-8-sig") -> list[dict]:
    with open(path, encoding=encoding, newline="") as fh:
        return list(csv.DictReader(fh))


def test_export_csv_writes_the_same_tables(coded, tmp_path):
    out = tmp_path / "csv"
    out.mkdir()
    export_project(coded.project, xlsx=tmp_path / "s.xlsx", csv_dir=out)
    assert sorted(p.name for p in out.iterdir()) == [
        "articles.csv", "claims.csv", "codebook.csv", "sources.csv", "summary.csv"]
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    for name in ("Claims", "Sources", "Articles", "Codebook", "Summary"):
        rows = read_csv(out / f"{name.lower()}.csv")
        assert list(rows[0]) == [c.value for c in wb[name][1]], name
        assert len(rows) == wb[name].max_row - 1, name
    claims = {r["claim_id"]: r for r in read_csv(out / "claims.csv")}
    bridge = claims[coded.claim("bridge").uid]
    assert bridge["date"] == "2024-03-05" and bridge["start"] == "21"
    assert TEXT_1[21:48] == bridge["claim_text"]
    for name in out.iterdir():  # a byte order mark by default: Excel then reads UTF-8
        assert name.read_bytes().startswith(b"\xef\xbb\xbf"), name


def test_export_csv_bom_and_formula_guard(tmp_path):
    with Project.create(tmp_path / "p.annotator") as proj:
        proj.import_records([ArticleRecord(text="=1+1 said Zoë.", ext_id="a")])
        anna = proj.ensure_coder("anna")
        proj.apply(C.add_claim, proj.articles()[0].id, anna.id, 0, 4, note="-minus")
        report = export_project(proj, csv_dir=tmp_path, csv_bom=True)
    raw = (tmp_path / "claims.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    (row,) = read_csv(tmp_path / "claims.csv", "utf-8-sig")
    assert row["claim_text"] == "'=1+1" and row["note"] == "'-minus"
    assert report.csv_guarded == 2
    assert any("leading '" in line for line in report.lines())


def test_export_csv_has_a_bom_for_excel_unless_asked_not_to(tmp_path, capsys):
    """Excel on Windows takes a CSV without a byte order mark for the local code page and
    garbles Dutch and emoji text; with the mark it reads UTF-8. pandas reads the mark as such."""
    text = "Zoë zei: één brug 😀 komt er."
    project = tmp_path / "p.annotator"
    with Project.create(project) as proj:
        proj.import_records([ArticleRecord(text=text, ext_id="a")])
        anna = proj.ensure_coder("anna")
        proj.apply(C.add_claim, proj.articles()[0].id, anna.id, 9, len(text))
    assert main(["export", str(project), "--csv", str(tmp_path / "bom")]) == 0
    raw = (tmp_path / "bom" / "claims.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(tmp_path / "bom" / "claims.csv")
    assert frame.columns[0] == "article_id" and frame.claim_text[0] == text[9:]
    assert main(["export", str(project), "--csv", str(tmp_path / "plain"), "--csv-no-bom"]) == 0
    raw = (tmp_path / "plain" / "claims.csv").read_bytes()
    assert raw.startswith(b"article_id,") and "één brug 😀".encode() in raw


def test_export_sav_has_labelled_numeric_codes(coded, tmp_path):
    export_project(coded.project, sav=tmp_path / "study.sav")
    frame, meta = pyreadstat.read_sav(str(tmp_path / "study_claims.sav"))
    assert len(frame) == 5
    assert meta.variable_value_labels["attribution"] == {1: "Direct", 2: "Indirect",
                                                         3: "Unattributed"}
    assert meta.variable_value_labels["certainty"][1] == "Certain"
    assert meta.variable_value_labels["source_type"][1] == "Person"
    assert meta.variable_value_labels["topic"] == {1: "Politics", 2: "Economy"}
    measures = meta.variable_measure
    assert (measures["certainty"], measures["attribution"], measures["source_type"],
            measures["intensity"], measures["start"]) == (
        "ordinal", "nominal", "nominal", "scale", "scale")
    assert meta.variable_value_labels["claim_origin"][3] == "manual"
    labels = meta.column_names_to_labels
    assert labels["attribution"] == "Attribution kind" and labels["claim_text"] == "Claim text"
    bridge = frame[frame.claim_id == coded.claim("bridge").uid].iloc[0]
    assert (bridge.attribution, bridge.certainty, bridge.source_type) == (2, 1, 1)
    assert bridge.intensity == 3 and bridge.claim_text == "the bridge will open in May"
    assert str(frame["date"].dtype).startswith("datetime64")
    assert "intensity" not in meta.variable_value_labels


def test_export_dta_has_labelled_numeric_codes_and_long_texts(tmp_path):
    long_text = " ".join(["Ein langer Text."] * 300)  # SPSS drops trailing spaces
    with Project.create(tmp_path / "p.annotator") as proj:
        proj.import_records([ArticleRecord(text=long_text, ext_id="a", date="2024-01-02")])
        anna = proj.ensure_coder("anna")
        art = proj.articles()[0].id
        proj.apply(C.add_claim, art, anna.id, 0, len(long_text),
                   values={"attribution": "direct", "certainty": "probable"})
        proj.apply(C.add_claim, art, anna.id, 0, 4)
        export_project(proj, dta=tmp_path / "c.dta", sav=tmp_path / "c.sav")
    frame, meta = pyreadstat.read_dta(str(tmp_path / "c_claims.dta"))
    assert meta.variable_value_labels["certainty"] == {1: "Certain", 2: "Probable",
                                                       3: "Possible", 4: "Uncertain"}
    assert meta.column_names_to_labels["certainty"] == "Certainty"
    assert frame.claim_text.str.len().max() == len(long_text)
    assert sorted(frame.attribution.fillna(0)) == [0, 1]
    frame, _ = pyreadstat.read_sav(str(tmp_path / "c_claims.sav"))
    assert frame.claim_text.str.len().max() == len(long_text)


def test_stats_export_writes_one_file_per_table(coded, tmp_path):
    """Claims, Sources and Articles each get a .sav and a .dta, named after the table."""
    report = export_project(coded.project, sav=tmp_path / "study.sav", dta=tmp_path / "study.dta")
    names = ["study_claims", "study_sources", "study_articles"]
    assert sorted(p.name for p in report.files) == sorted(
        f"{n}{ext}" for n in names for ext in (".sav", ".dta"))
    sources, meta = pyreadstat.read_sav(str(tmp_path / "study_sources.sav"))
    jansen = sources[sources.source_id == coded.source("jansen").uid].iloc[0]
    assert (jansen.type, jansen.start, jansen.end) == (1, 0, 15)
    assert meta.variable_value_labels["type"][1] == "Person"
    assert meta.column_names_to_labels["type"] == "Source type"
    articles, meta = pyreadstat.read_dta(str(tmp_path / "study_articles.dta"))
    by_coder = dict(zip(articles.coder, articles.coding_progress, strict=True))
    labels = meta.variable_value_labels["coding_progress"]
    assert {k: labels[v] for k, v in by_coder.items()} == {"anna": "in_progress", "bob": "done"}
    assert dict(zip(articles.coder, articles.claims, strict=True)) == {"anna": 3, "bob": 2}
    assert meta.column_names_to_labels["claims_type_person"] == "Claims with source type person"


def test_stats_export_writes_integers_as_integers(coded, tmp_path):
    """Offsets, counts and codes are whole numbers in Stata (long) and SPSS (no decimals);
    a code a claim lacks is missing, not 0."""
    export_project(coded.project, sav=tmp_path / "s.sav", dta=tmp_path / "s.dta")
    claims = pd.read_stata(tmp_path / "s_claims.dta", convert_categoricals=False)
    assert str(claims.start.dtype) == str(claims.end.dtype) == "int32"
    bridge = claims[claims.claim_id == coded.claim("bridge").uid].iloc[0]
    assert (bridge.start, bridge.end) == (21, 48)
    trams = claims[claims.claim_id == coded.claim("trams").uid].iloc[0]
    assert pd.isna(trams.attribution) and trams.certainty == 4  # no attribution coded
    _, meta = pyreadstat.read_dta(str(tmp_path / "s_claims.dta"), metadataonly=True)
    kinds = meta.readstat_variable_types
    assert (kinds["start"], kinds["attribution"], kinds["claim_origin"]) == ("int32",) * 3
    assert kinds["intensity"] == "double"  # an interval variable keeps its decimals
    articles = pd.read_stata(tmp_path / "s_articles.dta", convert_categoricals=False)
    assert str(articles.claims.dtype) == "int32"
    _, meta = pyreadstat.read_sav(str(tmp_path / "s_claims.sav"), metadataonly=True)
    formats = meta.original_variable_types
    assert (formats["start"], formats["end"], formats["attribution"]) == ("F8.0",) * 3


def test_export_cli_writes_everything(coded, tmp_path, capsys):
    out = tmp_path / "csv"
    out.mkdir()
    code = main(["export", str(coded.path), "--xlsx", str(tmp_path / "s.xlsx"), "--coder",
                 "anna", "--csv", str(out), "--csv-bom", "--include-suggestions",
                 "--sav", str(tmp_path / "s.sav"), "--dta", str(tmp_path / "s.dta")])
    assert code == 0
    printed = capsys.readouterr().out
    assert "wrote" in printed and "Claims 5" in printed  # 3 claims, 2 untouched suggestions
    assert all((tmp_path / n).exists() for n in ("s.xlsx", "s_claims.sav", "s_claims.dta"))
    rows = read_csv(out / "claims.csv", "utf-8-sig")
    assert {r["coder"] for r in rows} == {"anna", ""}  # anna's, and the untouched suggestion


def test_export_cli_unknown_coder_is_an_error(coded, tmp_path, capsys):
    code = main(["export", str(coded.path), "--xlsx", str(tmp_path / "s.xlsx"),
                 "--coder", "carol"])
    assert code == 2 and "no coder 'carol'" in capsys.readouterr().err
    assert not (tmp_path / "s.xlsx").exists()


def _office() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


@pytest.mark.skipif(_office() is None, reason="LibreOffice is not installed")
def test_export_opens_in_libreoffice(coded, tmp_path):
    """LibreOffice converts the workbook headless (no repair) and reads the values we wrote."""
    sheet = tmp_path / "sheet.xlsx"
    export_project(coded.project, xlsx=sheet, include_suggestions=True)
    out = tmp_path / "lo"
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run([_office(), f"-env:UserInstallation={profile}", "--headless",
                           "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                           "--outdir", str(out), str(sheet)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = read_csv(out / "sheet.csv", "utf-8")
    assert list(rows[0])[:7] == ["article_id", "title", "outlet", "date", "coder", "claim_id",
                                 "claim_text"]
    bridge = next(r for r in rows if r["claim_id"] == coded.claim("bridge").uid)
    assert bridge["claim_text"] == "the bridge will open in May"
    assert bridge["date"] == "2024-03-05" and bridge["start"] == "21"
    assert "repair" not in (done.stdout + done.stderr).lower()

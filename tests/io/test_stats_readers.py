"""The .dta and .sav files open in independent readers, with long and space-ending texts
(issues 12.2, 12.3). pandas.read_stata is an implementation independent of pyreadstat; R's
haven is checked when R is installed (CI has no R: those tests skip)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest

from annotator import commands as C
from annotator.cli import main
from annotator.core.model import ArticleRecord
from annotator.project import Project

TEXT = "Zij zei dat het zou regenen. Hij zei: het wordt droog 😀. "  # ends in a space
LONG_NOTE = ("lang verhaal " * 8000).strip() + " 😀"  # 100,000+ UTF-8 bytes


def _project(path: Path) -> None:
    with Project.create(path) as proj:
        proj.import_records([ArticleRecord(text=TEXT, ext_id="nrc-1", outlet="NRC",
                                           date="2024-03-05")])
        anna = proj.ensure_coder("anna")
        art = proj.articles()[0].id
        proj.apply(C.add_claim, art, anna.id, 0, 28, note="x" * 3000,
                   values={"attribution": "indirect", "certainty": "probable"})
        proj.apply(C.add_claim, art, anna.id, 29, len(TEXT), note=LONG_NOTE)


@pytest.fixture
def exported(tmp_path: Path, capsys) -> tuple[Path, Path, str]:
    project = tmp_path / "p.annotator"
    _project(project)
    assert main(["export", str(project), "--sav", str(tmp_path / "c.sav"), "--dta",
                 str(tmp_path / "c.dta")]) == 0
    return tmp_path / "c_claims.sav", tmp_path / "c_claims.dta", capsys.readouterr().out


def test_dta_is_release_118_and_pandas_reads_long_texts_exactly(exported):
    _, dta, _ = exported
    assert b"<release>118</release>" in dta.read_bytes()[:80]
    frame = pd.read_stata(dta)
    assert frame.claim_text.tolist() == [TEXT[:28], TEXT[29:]]  # trailing space kept
    assert frame.note.tolist() == ["x" * 3000, LONG_NOTE]
    assert frame.article_id.tolist() == ["nrc-1", "nrc-1"]
    theirs, _ = pyreadstat.read_dta(str(dta))
    assert theirs.note.tolist() == ["x" * 3000, LONG_NOTE]


def test_sav_cuts_at_spss_limit_and_reports_what_is_not_exact(exported):
    sav, _, out = exported
    assert "c_claims.sav, column note: 1 text(s) over SPSS's 32,767 bytes cut" in out
    assert "c_claims.sav, column claim_text: 1 value(s) end in spaces" in out
    assert "c_claims.dta, column claim_text: 1 value(s) end in spaces" in out and "haven" in out
    for frame in (pyreadstat.read_sav(str(sav))[0], pd.read_spss(sav)):
        assert frame.note[0] == "x" * 3000
        cut = frame.note[1]
        assert len(cut.encode("utf-8")) <= 32_767 and "cut: 104,001 characters" in cut
        assert LONG_NOTE.startswith(cut[:cut.index(" [… cut")])
        assert frame.claim_text.tolist() == [TEXT[:28], TEXT[29:].rstrip(" ")]


def _rscript() -> str | None:
    found = shutil.which("Rscript")
    if found is None:
        return None
    probe = subprocess.run([found, "-e", "library(haven)"], capture_output=True, timeout=120)
    return found if probe.returncode == 0 else None


@pytest.mark.skipif(_rscript() is None, reason="R with haven is not installed")
def test_r_haven_reads_dta_and_sav(exported, tmp_path):
    sav, dta, _ = exported
    script = tmp_path / "read.R"
    script.write_text(
        "library(haven)\nargs <- commandArgs(TRUE)\n"
        "d <- read_dta(args[1]); s <- read_sav(args[2])\n"
        "cat(jsonlite_free <- paste0('{\"dta_note\":[', nchar(d$note[1]), ',', nchar(d$note[2]),"
        " '],\"dta_text\":\"', d$claim_text[2], '\",\"sav_rows\":', nrow(s),"
        " ',\"sav_note\":', nchar(s$note[1]), ',\"cert\":', as.numeric(d$certainty[1]), '}'))\n",
        encoding="utf-8")
    done = subprocess.run([_rscript(), str(script), str(dta), str(sav)], capture_output=True,
                          text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["dta_note"] == [3000, len(LONG_NOTE)]  # not "" (release 119 read as empty)
    # haven drops trailing spaces of Stata's fixed strings (pandas and Stata keep them): the
    # export says so, and the README lists it
    assert got["dta_text"] in (TEXT[29:], TEXT[29:].rstrip(" "))
    assert got["sav_rows"] == 2 and got["sav_note"] == 3000
    assert got["cert"] == 2


def test_ids_join_across_every_format(tmp_path, capsys):
    """Articles by their imported id, claims by one claim_id, the same in xlsx, CSV, .dta, .sav."""
    import csv

    project = tmp_path / "p.annotator"
    _project(project)
    out = tmp_path / "csv"
    assert main(["export", str(project), "--xlsx", str(tmp_path / "s.xlsx"), "--csv", str(out),
                 "--sav", str(tmp_path / "c.sav"), "--dta", str(tmp_path / "c.dta")]) == 0
    with open(out / "claims.csv", encoding="utf-8-sig", newline="") as fh:
        want = sorted((r["article_id"], r["claim_id"]) for r in csv.DictReader(fh))
    with Project.open(project) as proj:
        assert want == sorted(("nrc-1", c.uid) for c in proj.claims())
    frames = [pd.read_stata(tmp_path / "c_claims.dta"),
              pyreadstat.read_sav(str(tmp_path / "c_claims.sav"))[0],
              pd.read_excel(tmp_path / "s.xlsx", sheet_name="Claims", dtype=str)]
    for frame in frames:
        assert sorted(zip(frame.article_id, frame.claim_id, strict=True)) == want


@pytest.mark.skipif(_rscript() is None, reason="R with haven is not installed")
def test_r_haven_reads_every_table_with_whole_numbers_and_missing_codes(exported, tmp_path):
    """Each table's file opens in haven: offsets whole, an uncoded attribution NA (not 0),
    the article's progress a labelled code."""
    sav, dta, _ = exported
    script = tmp_path / "tables.R"
    script.write_text(
        "library(haven)\nargs <- commandArgs(TRUE)\n"
        "for (f in args) { d <- if (grepl('dta$', f)) read_dta(f) else read_sav(f)\n"
        "  if (grepl('claims', f)) cat(basename(f), nrow(d), all(d$start == round(d$start)),\n"
        "      paste(is.na(d$attribution), collapse = '/'), '\\n')\n"
        "  if (grepl('articles', f)) cat(basename(f), nrow(d), as.character(as_factor(d$coding_progress)),\n"
        "      d$claims, '\\n')\n"
        "  if (grepl('sources', f)) cat(basename(f), nrow(d), '\\n') }\n", encoding="utf-8")
    files = [str(p.with_name(p.name.replace("claims", t))) for p in (dta, sav)
             for t in ("claims", "sources", "articles")]
    done = subprocess.run([_rscript(), str(script), *files], capture_output=True,
                          text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr
    lines = sorted(done.stdout.split("\n")[:-1])
    assert [line.split() for line in lines] == [
        [f"c_articles.{ext}", "1", "in_progress", "2"] for ext in ("dta", "sav")] + [
        [f"c_claims.{ext}", "2", "TRUE", "FALSE/TRUE"] for ext in ("dta", "sav")] + [
        [f"c_sources.{ext}", "0"] for ext in ("dta", "sav")]

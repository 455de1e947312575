"""The exports in the programs researchers open them with: LibreOffice and R (readxl, haven).

CI has neither; these tests skip cleanly when a program is missing. `benchmarks/check_readers.py`
prints the same checks column by column for every reader found.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from annotator import commands as C
from annotator.cli import main
from annotator.core.model import ArticleRecord
from annotator.project import Project

EMOJI = "\U0001F600"
TEXTS = {"nrc-1": f"De minister zei: het wordt {EMOJI} droog. ",
         "nrc-2": "Volgens ingewijden komt er geen akkoord.  "}
NOTE = ("n" * 31 + EMOJI) * 1000  # 33,000 UTF-16 units: cut in the sheet


def _office() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def _r_with(package: str) -> str | None:
    found = shutil.which("Rscript")
    if found is None:
        return None
    probe = subprocess.run([found, "-e", f"library({package})"], capture_output=True,
                           timeout=120)
    return found if probe.returncode == 0 else None


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.annotator"
    with Project.create(path) as proj:
        proj.import_records([ArticleRecord(text=t, ext_id=i, date=d, outlet="NRC")
                             for (i, t), d in zip(TEXTS.items(), ("1899-12-30", "2024-03-05"),
                                                  strict=True)])
        anna = proj.ensure_coder("anna")
        for n, art in enumerate(proj.articles()):
            proj.apply(C.add_claim, art.id, anna.id, 0, len(proj.article_text(art.id)),
                       note=NOTE if n == 0 else "=1+1 and spaces  ",
                       values={"certainty": "probable", "attribution": "direct"})
    return path


def _export(study: Path, tmp_path: Path, capsys) -> Path:
    sheet = tmp_path / "sheet.xlsx"
    assert main(["export", str(study), "--xlsx", str(sheet)]) == 0
    capsys.readouterr()
    return sheet


@pytest.mark.skipif(_office() is None, reason="LibreOffice is not installed")
def test_sheet_saved_again_by_libreoffice_reads_back_unchanged(study, tmp_path, capsys):
    """Issue 12.1 with a real client: the cut emoji note, the text date and the trailing spaces
    survive LibreOffice's save, and reading the untouched sheet back changes nothing."""
    sheet = _export(study, tmp_path, capsys)
    out = tmp_path / "resaved"
    done = subprocess.run([_office(), f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                           "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                           "--outdir", str(out), str(sheet)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert main(["import-sheet", str(study), str(out / "sheet.xlsx"), "--coder", "anna"]) == 0
    assert "applied 0 change(s)" in capsys.readouterr().out
    with Project.open(study) as proj:
        assert sorted(c.note for c in proj.claims()) == sorted([NOTE, "=1+1 and spaces  "])


@pytest.mark.skipif(_r_with("readxl") is None, reason="R with readxl is not installed")
def test_r_readxl_reads_texts_ids_and_dates_exactly(study, tmp_path, capsys):
    sheet = _export(study, tmp_path, capsys)
    script = tmp_path / "read.R"
    script.write_text(
        "library(readxl)\nd <- read_excel(commandArgs(TRUE)[1], sheet = 'Claims', "
        "col_types = 'text', trim_ws = FALSE)\n"
        "write.csv(data.frame(id = d$article_id, text = d$claim_text, date = d$date, "
        "units = nchar(d$note, type = 'chars')), commandArgs(TRUE)[2], row.names = FALSE, "
        "fileEncoding = 'UTF-8')\n", encoding="utf-8")
    got = tmp_path / "got.csv"
    done = subprocess.run([_r_with("readxl"), str(script), str(sheet), str(got)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with open(got, encoding="utf-8", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert {i: r["text"] for i, r in rows.items()} == TEXTS  # emoji and trailing spaces
    assert rows["nrc-1"]["date"] == "1899-12-30"  # text, not a day early
    assert 30_000 < int(rows["nrc-1"]["units"]) < len(NOTE)  # cut, within the cell

"""Open the exports in the programs researchers use and say, column by column, what survives.

    PYTHONPATH=. python benchmarks/check_readers.py [--keep DIR]

(from a checkout: without PYTHONPATH the installed annotator is checked; the first line printed
says which one.)

Builds a small project with hard texts (emoji, trailing spaces, a 100,000-byte note, a note of
33,000 UTF-16 units, a leading `=`, dates 0001-01-01 and 1899-12-30), exports xlsx, CSV, .dta
and .sav, and reads them back with every reader found on this machine: pandas (read_stata,
read_spss, read_excel), pyreadstat, R (haven, readxl) and LibreOffice (xlsx to CSV, and an xlsx
saved again by LibreOffice read back with `import-sheet`, which must apply nothing). The CSV
export (texts whole) is the reference. Readers that are not installed are listed as skipped.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from annotator import commands as C
from annotator.cli import main
from annotator.core.model import ArticleRecord
from annotator.project import Project

EMOJI = "\U0001F600"
COLUMNS = ("article_id", "claim_text", "note", "date")
ARTICLES = [
    ("nrc-001", "0001-01-01", f"De minister zei: het wordt {EMOJI} droog. "),
    ("nrc-002", "1899-12-30", "Volgens ingewijden komt er geen akkoord.  "),
    ("ad-003", "2024-03-05", "De politie bevestigde de arrestatie van twee verdachten."),
]
NOTES = [("lang verhaal " * 8000).strip(), ("n" * 31 + EMOJI) * 1000, "=1+1 stays text",
         "ends in spaces  "]


def build(path: Path) -> None:
    with Project.create(path) as proj:
        proj.import_records([ArticleRecord(text=t, ext_id=i, date=d, outlet="NRC")
                             for i, d, t in ARTICLES])
        anna = proj.ensure_coder("anna")
        for n, art in enumerate(proj.articles()):
            text = proj.article_text(art.id)
            proj.apply(C.add_claim, art.id, anna.id, 0, len(text), note=NOTES[n],
                       values={"certainty": "probable"})
        proj.apply(C.add_claim, proj.articles()[0].id, anna.id, 3, 11, note=NOTES[3])


def read_csv(path: Path) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return {r["claim_id"]: r for r in csv.DictReader(fh)}


def frame_rows(frame) -> dict[str, dict[str, str]]:
    out = {}
    for row in frame.to_dict("records"):
        out[str(row["claim_id"])] = {c: _text(row.get(c)) for c in COLUMNS}
    return out


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)


# ---- readers -----------------------------------------------------------------------------
def pandas_stata(files: dict[str, Path]) -> dict:
    import pandas as pd

    return frame_rows(pd.read_stata(files["dta"]))


def pyreadstat_dta(files: dict[str, Path]) -> dict:
    import pyreadstat

    return frame_rows(pyreadstat.read_dta(str(files["dta"]))[0])


def pyreadstat_sav(files: dict[str, Path]) -> dict:
    import pyreadstat

    return frame_rows(pyreadstat.read_sav(str(files["sav"]))[0])


def pandas_excel(files: dict[str, Path]) -> dict:
    import pandas as pd

    return frame_rows(pd.read_excel(files["xlsx"], sheet_name="Claims", dtype=object))


R_SCRIPT = r"""
suppressMessages({library(haven); library(readxl)})
args <- commandArgs(TRUE)
hex <- function(x) vapply(as.character(x), function(v)
  if (is.na(v)) "" else paste(as.character(charToRaw(enc2utf8(v))), collapse = ""), "")
d <- switch(args[1], dta = read_dta(args[2]), sav = read_sav(args[2]),
            xlsx = read_excel(args[2], sheet = "Claims", col_types = "text"))
d$date <- if (inherits(d$date, c("Date", "POSIXt")))
  sprintf("%04d-%s", as.integer(format(d$date, "%Y")), format(d$date, "%m-%d")) else
  substr(as.character(d$date), 1, 10)
for (i in seq_len(nrow(d))) for (col in c("article_id", "claim_text", "note", "date"))
  cat(d$claim_id[i], col, hex(d[[col]][i]), "\n", sep = "\t")
"""


def r_reader(kind: str) -> Callable[[dict[str, Path]], dict]:
    def read(files: dict[str, Path]) -> dict:
        script = files["dir"] / "read.R"
        script.write_text(R_SCRIPT, encoding="utf-8")
        done = subprocess.run(["Rscript", str(script), kind, str(files[kind])],
                              capture_output=True, text=True, timeout=300, check=True)
        out: dict[str, dict[str, str]] = {}
        for line in done.stdout.splitlines():
            uid, col, raw = (line.split("\t") + ["", ""])[:3]
            out.setdefault(uid, {})[col] = bytes.fromhex(raw).decode("utf-8")
        if kind == "xlsx":  # readxl gives Excel's date serials as text for real dates
            for row in out.values():
                if row["date"].replace(".", "").isdigit():
                    row["date"] = _serial(float(row["date"]))
        return out

    return read


def _serial(serial: float) -> str:
    from datetime import date, timedelta

    return (date(1899, 12, 30) + timedelta(days=int(serial))).isoformat()


def libreoffice_csv(files: dict[str, Path]) -> dict:
    out = files["dir"] / "lo"
    _soffice(files, "csv:Text - txt - csv (StarCalc):44,34,76,1", out)
    with open(out / files["xlsx"].with_suffix(".csv").name, encoding="utf-8", newline="") as fh:
        return {r["claim_id"]: r for r in csv.DictReader(fh)}


def _soffice(files: dict[str, Path], convert: str, out: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice") or "soffice"
    profile = (files["dir"] / "lo-profile").as_uri()
    subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    convert, "--outdir", str(out), str(files["xlsx"])],
                   capture_output=True, timeout=300, check=True)


def libreoffice_resave(files: dict[str, Path]) -> str:
    out = files["dir"] / "lo-xlsx"
    _soffice(files, "xlsx:Calc MS Excel 2007 XML", out)
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
        code = main(["import-sheet", str(files["project"]), str(out / files["xlsx"].name),
                     "--coder", "anna"])
    return f"import-sheet exit {code}: " + buf.getvalue().strip().splitlines()[0]


READERS: list[tuple[str, str, Callable[[dict[str, Path]], dict], Callable[[], bool]]] = [
    ("dta", "pandas.read_stata", pandas_stata, lambda: True),
    ("dta", "pyreadstat", pyreadstat_dta, lambda: True),
    ("dta", "R haven", r_reader("dta"), lambda: shutil.which("Rscript") is not None),
    ("sav", "pyreadstat", pyreadstat_sav, lambda: True),
    ("sav", "R haven", r_reader("sav"), lambda: shutil.which("Rscript") is not None),
    ("xlsx", "pandas.read_excel", pandas_excel, lambda: True),
    ("xlsx", "R readxl", r_reader("xlsx"), lambda: shutil.which("Rscript") is not None),
    ("xlsx", "LibreOffice", libreoffice_csv,
     lambda: bool(shutil.which("libreoffice") or shutil.which("soffice"))),
]


def verdict(want: str, got: str | None) -> str:
    if got is None:
        return "missing"
    if got == want:
        return "exact"
    if got == want.rstrip(" "):
        return "trailing spaces dropped"
    if "[… cut:" in got and want.startswith(got[:got.index(" [… cut:")]):
        return "cut with marker"
    if got == "":
        return "EMPTY"
    return f"DIFFERENT ({got[:30]!r} for {want[:30]!r})"


def compare(reference: dict, seen: dict) -> dict[str, dict[str, int]]:
    found: dict[str, dict[str, int]] = {c: {} for c in COLUMNS}
    for uid, want in reference.items():
        for col in COLUMNS:
            what = verdict(want[col], seen.get(uid, {}).get(col))
            found[col][what] = found[col].get(what, 0) + 1
    return found


def run(folder: Path) -> int:
    import annotator

    print(f"annotator from {Path(annotator.__file__).parent}")
    project = folder / "study.annotator"
    build(project)
    files = {"dir": folder, "project": project, "xlsx": folder / "sheet.xlsx",
             "dta": folder / "study_claims.dta", "sav": folder / "study_claims.sav"}
    code = main(["export", str(project), "--xlsx", str(files["xlsx"]), "--csv",
                 str(folder / "csv"), "--dta", str(folder / "study.dta"), "--sav",
                 str(folder / "study.sav")])
    if code:
        return code
    reference = read_csv(folder / "csv" / "claims.csv")
    for row in reference.values():  # the CSV guards a leading "=" with "'"
        row["note"] = row["note"][1:] if row["note"].startswith("'=") else row["note"]
    print(f"\n{len(reference)} claims; reference: the CSV export (texts whole)\n")
    for fmt, name, reader, available in READERS:
        if not available():
            print(f"{fmt:5} {name:18} skipped (not installed)")
            continue
        try:
            seen = reader(files)
        except Exception as exc:  # a reader that cannot open the file is the finding
            print(f"{fmt:5} {name:18} FAILED to read: {exc}")
            continue
        for col, counts in compare(reference, seen).items():
            shown = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
            print(f"{fmt:5} {name:18} {col:11} {shown}")
    if shutil.which("libreoffice") or shutil.which("soffice"):
        print(f"xlsx  LibreOffice re-save  {libreoffice_resave(files)}")
    return 0


def cli() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write into this folder and keep the files")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return run(args.keep)
    with tempfile.TemporaryDirectory() as tmp:
        return run(Path(tmp))


if __name__ == "__main__":
    sys.exit(cli())

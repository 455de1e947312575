"""Issue 12.14: an import says how every column of a table was read, recognises common date
and outlet column names, and words a skipped repeat by what matched."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from annotator.cli import main
from annotator.project import Project


def run(capsys, *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(argv))
    return code, capsys.readouterr().out


@pytest.fixture
def project(tmp_path: Path) -> Path:
    p = tmp_path / "p.annotator"
    assert main(["new", str(p)]) == 0
    return p


@pytest.mark.parametrize(("date_col", "outlet_col"), [
    ("published_at", "publisher"), ("pubdate", "medium"), ("Publication Date", "source"),
    ("date_published", "Newspaper")])
def test_common_date_and_outlet_columns_are_recognised(capsys, project, tmp_path,
                                                        date_col, outlet_col):
    f = tmp_path / "t.csv"
    f.write_text(f"id,text,{date_col},{outlet_col},section\n"
                 "1,Een tekst.,5 maart 2024,NRC,Binnenland\n", encoding="utf-8")
    code, out = run(capsys, "import", str(project), str(f), "--quiet")
    assert code == 0
    with Project.open(project) as p:
        (art,) = p.articles()
    assert (art.date, art.outlet, art.metadata) == ("2024-03-05", "NRC",
                                                    {"section": "Binnenland"})
    line = next(line for line in out.splitlines() if "columns:" in line)
    assert f"date = {date_col!r}" in line and f"outlet = {outlet_col!r}" in line
    assert "kept as metadata: 'section'" in line and "no title, url, language column" in line


def test_every_table_format_reports_its_columns(capsys, project, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["body", "pubdate", "extra"])
    wb.active.append(["Uit Excel.", "2024-01-02", "x"])
    wb.save(tmp_path / "t.xlsx")
    (tmp_path / "t.jsonl").write_text(json.dumps({"content": "Uit JSON.", "lang": "nl"}) + "\n",
                                      encoding="utf-8")
    code, out = run(capsys, "import", str(project), str(tmp_path / "t.xlsx"),
                    str(tmp_path / "t.jsonl"), "--quiet", "--format", "json")
    columns = {Path(c["file"]).name: c["mapping"] for c in json.loads(out)["columns"]}
    assert columns["t.xlsx"].startswith("columns: text = 'body', date = 'pubdate'")
    assert "kept as metadata: 'extra'" in columns["t.xlsx"]
    assert columns["t.jsonl"].startswith("columns: text = 'content', language = 'lang'")


def test_skip_message_says_what_matched(capsys, project, tmp_path):
    (tmp_path / "a.csv").write_text("id,text,outlet\n1,Zelfde tekst.,NRC\n2,Andere tekst.,\n",
                                    encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,text,outlet\n9,Zelfde tekst.,NRC\n8,Andere tekst.,\n",
                                    encoding="utf-8")
    run(capsys, "import", str(project), str(tmp_path / "a.csv"), "--quiet")
    code, out = run(capsys, "import", str(project), str(tmp_path / "a.csv"),
                    str(tmp_path / "b.csv"), "--quiet", "--format", "json")
    reasons = {s["where"].rsplit("/", 1)[1]: s["reason"] for s in json.loads(out)["skipped"]}
    assert "same id '1'" in reasons["a.csv row 2"]
    assert "same outlet 'NRC'" in reasons["b.csv row 2"] and "same id" not in reasons["b.csv row 2"]
    assert "neither names an outlet" in reasons["b.csv row 3"]

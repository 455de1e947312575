"""The default export is the analysis dataset (issue 12.15): per article the consensus where it
exists, otherwise the one coder's work; never a row for a coder not assigned the article;
every coder's work on request (--per-coder)."""

from __future__ import annotations

import csv
from pathlib import Path

import pyreadstat
import pytest

from annotator import commands as C
from annotator.cli import main
from annotator.core.model import ArticleRecord
from annotator.project import Project

TEXT = "The minister said the bridge opens in May."
ASSIGNED = {"a1": ("anna", "bob"), "a2": ("anna", "bob"), "a3": ("anna",), "a4": ("bob",)}
WORK = {"a1": ("anna", "bob", "consensus"), "a2": ("anna", "bob"), "a3": ("anna",),
        "a4": ("bob", "carol")}


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.annotator"
    with Project.create(path) as proj:
        proj.import_records([ArticleRecord(text=f"{TEXT} ({a})", ext_id=a, outlet="NRC")
                             for a in ASSIGNED])
        ids = {a.ext_id: a.id for a in proj.articles()}
        coders = {n: proj.ensure_coder(n).id for n in ("anna", "bob", "carol", "consensus")}
        with proj.db.transaction() as conn:
            conn.executemany("INSERT INTO assignment (article_id, coder_id) VALUES (?, ?)",
                             [(ids[a], coders[n]) for a, names in ASSIGNED.items()
                              for n in names])
        for art, names in WORK.items():
            for name in names:
                proj.apply(C.add_claim, ids[art], coders[name], 18, 41,
                           note=f"{name} on {art}", values={"certainty": "probable"})
                proj.apply(C.set_article_status, ids[art], coders[name], "done")
    return path


def rows(folder: Path, name: str) -> list[dict]:
    with open(folder / name, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_default_export_is_the_analysis_dataset(study, tmp_path, capsys):
    out = tmp_path / "csv"
    assert main(["export", str(study), "--csv", str(out), "--sav", str(tmp_path / "c.sav")]) == 0
    printed = capsys.readouterr().out
    assert "dataset: analysis" in printed
    assert "1 article(s) coded by two or more coders have no consensus yet" in printed
    assert "work of 1 coder(s) on articles not assigned to them" in printed
    claims = {(r["article_id"], r["coder"]) for r in rows(out, "claims.csv")}
    assert claims == {("a1", "consensus"), ("a3", "anna"), ("a4", "bob")}
    articles = [(r["article_id"], r["coder"], r["coding_progress"]) for r in rows(out, "articles.csv")]
    assert articles == [("a1", "consensus", "done"), ("a2", "", "needs_consensus"),
                        ("a3", "anna", "done"), ("a4", "bob", "done")]
    summary = {r["coder"] for r in rows(out, "summary.csv")}
    assert summary == {"analysis"}
    frame, _ = pyreadstat.read_sav(str(tmp_path / "c_claims.sav"))
    assert sorted(zip(frame.article_id, frame.coder, strict=True)) == sorted(claims)


def test_per_coder_export_has_every_coders_work_but_no_unassigned_rows(study, tmp_path,
                                                                       capsys):
    out = tmp_path / "csv"
    assert main(["export", str(study), "--csv", str(out), "--per-coder"]) == 0
    assert "dataset: each coder's work" in capsys.readouterr().out
    claims = sorted((r["article_id"], r["coder"]) for r in rows(out, "claims.csv"))
    assert claims == sorted((a, n) for a, names in WORK.items() for n in names)
    articles = {(r["article_id"], r["coder"]) for r in rows(out, "articles.csv")}
    assert ("a3", "bob") not in articles and ("a4", "anna") not in articles
    assert articles == set(claims)
    summary = {r["coder"] for r in rows(out, "summary.csv")}
    assert summary == {"anna", "bob", "carol", "consensus"}


def test_analysis_sheet_reads_back_for_its_coder(study, tmp_path, capsys):
    sheet = tmp_path / "s.xlsx"
    assert main(["export", str(study), "--xlsx", str(sheet)]) == 0
    assert main(["import-sheet", str(study), str(sheet), "--coder", "anna"]) == 0
    assert "applied 0 change(s)" in capsys.readouterr().out


def test_consensus_work_without_a_status_is_exported_in_progress(study, tmp_path):
    """An older project's consensus (settled before settling set a status) is under way, never
    `not_started`; a settled one shows the status settling gave it."""
    with Project.open(study) as proj:
        cons = proj.coder("consensus").id
        with proj.db.transaction() as conn:
            conn.execute("DELETE FROM article_status WHERE coder_id = ?", (cons,))
    out = tmp_path / "csv"
    assert main(["export", str(study), "--csv", str(out), "--per-coder"]) == 0
    status = {(r["article_id"], r["coder"]): r["coding_progress"] for r in rows(out, "articles.csv")}
    assert status[("a1", "consensus")] == "in_progress"


def test_a_consensus_still_in_progress_is_exported_with_a_warning(study, tmp_path, capsys):
    with Project.open(study) as proj:
        a1 = next(a.id for a in proj.articles() if a.ext_id == "a1")
        proj.apply(C.set_article_status, a1, proj.coder("consensus").id, "in_progress")
    assert main(["export", str(study), "--csv", str(tmp_path / "csv")]) == 0
    printed = capsys.readouterr().out
    assert "1 article(s) have a consensus still in progress" in printed
    articles = {r["article_id"]: r["coding_progress"] for r in rows(tmp_path / "csv",
                                                                     "articles.csv")}
    assert articles["a1"] == "in_progress"


def test_a_finished_consensus_gives_no_such_warning(study, tmp_path, capsys):
    assert main(["export", str(study), "--csv", str(tmp_path / "csv")]) == 0
    assert "consensus still in progress" not in capsys.readouterr().out

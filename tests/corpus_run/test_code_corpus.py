"""Issue 17: `annotator code-corpus` codes a corpus into Parquet tables, resumable after a kill."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from annotator.cli import main
from annotator.corpus.run import code_corpus
from annotator.nlp.suggest import suggest_text
from tests.corpus_run.conftest import articles, write_jsonl

REPO = Path(__file__).resolve().parents[2]


def claims(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "claims").sort_values(["corpus_row", "claim"]).reset_index(drop=True)


def test_code_corpus_writes_the_suggesters_claims_and_reports_bad_rows(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["code-corpus", str(corpus), "--out", str(out), "--batch-size", "5", "--quiet"]) == 0
    printed = capsys.readouterr()
    assert "coded 12 articles in 3 batches" in printed.out
    assert "2 rows or files could not be read" in printed.err
    assert f"{corpus} (line 4)" in printed.err and f"{corpus} (line 5)" in printed.err
    got = claims(out)
    first = suggest_text(articles(1)[0]["text"], "nl")
    mine = got[got["article_id"] == "art-0"]
    assert list(mine["start"]) == [c["start"] for c in first["claims"]]
    assert list(mine["certainty"]) == [c["certainty"] for c in first["claims"]]
    arts = pd.read_parquet(out / "articles")
    assert sorted(arts["corpus_row"]) == list(range(12)) and set(arts["month"]) == {"2019-01", "2019-02", "2019-03", "2019-04"}
    assert len(pd.read_parquet(out / "problems")) == 2
    summary = pd.read_csv(out / "summary.csv")
    by_attr = summary[summary["variable"] == "attribution"]["claims"].sum()
    assert by_attr == len(got)
    assert not summary["outlet"].astype(str).str.startswith("=").any()  # never a formula
    assert set(pd.read_excel(out / "summary.xlsx", sheet_name=None)) == {"attribution", "certainty", "source_type"}


def test_code_corpus_reads_every_table_format_and_folders(tmp_path: Path) -> None:
    rows = articles(4)
    folder = tmp_path / "in"
    folder.mkdir()
    pd.DataFrame(rows[:1]).to_parquet(folder / "a.parquet")
    pd.DataFrame(rows[1:2]).to_excel(folder / "b.xlsx", index=False)
    with (folder / "c.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerow(rows[2])
    (folder / "d.txt").write_text(rows[3]["text"], encoding="utf-8")
    result = code_corpus([folder], tmp_path / "out", batch_size=2)
    assert result.articles == 4 and result.problems == 0
    arts = pd.read_parquet(tmp_path / "out" / "articles")
    assert set(arts["article_id"][:3]) == {"art-0", "art-1", "art-2"}


def test_resume_after_a_kill_gives_exactly_the_rows_of_an_uninterrupted_run(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", articles(24))
    whole = tmp_path / "whole"
    code_corpus([corpus], whole, batch_size=2)
    out = tmp_path / "killed"
    cmd = [sys.executable, "-m", "annotator", "code-corpus", str(corpus), "--out", str(out),
           "--batch-size", "2", "--quiet"]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((out / "_done").glob("*")) if (out / "_done").is_dir() else []) < 3:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = len(list((out / "_done").iterdir()))
    assert 3 <= done_before < 12
    result = code_corpus([corpus], out, batch_size=2)
    assert result.resumed and result.skipped_batches == done_before
    assert result.batches == 12 - done_before
    pd.testing.assert_frame_equal(claims(out), claims(whole))
    assert not list(out.rglob("*.tmp"))


def test_a_folder_of_another_run_is_refused(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    code_corpus([corpus], out, batch_size=5)
    other = write_jsonl(tmp_path / "other.jsonl", articles(3))
    assert main(["code-corpus", str(other), "--out", str(out), "--quiet"]) == 2
    assert "holds a run over other inputs" in capsys.readouterr().err
    (tmp_path / "stuff").mkdir()
    (tmp_path / "stuff" / "thesis.docx").write_bytes(b"mine")
    assert main(["code-corpus", str(other), "--out", str(tmp_path / "stuff"), "--quiet"]) == 2
    assert "holds no annotator run" in capsys.readouterr().err
    assert (tmp_path / "stuff" / "thesis.docx").read_bytes() == b"mine"


def test_articles_in_another_language_than_asked_are_reported(tmp_path: Path, capsys) -> None:
    en = [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests/data/dev/en").glob("*.txt"))][:2]
    rows = articles(3) + [{"id": f"en-{i}", "text": t} for i, t in enumerate(en)]
    corpus = write_jsonl(tmp_path / "mixed.jsonl", rows)
    assert main(["code-corpus", str(corpus), "--out", str(tmp_path / "o"), "--language", "nl", "--quiet"]) == 0
    assert "2 articles look like another language than --language nl" in capsys.readouterr().err
    arts = pd.read_parquet(tmp_path / "o" / "articles")
    assert list(arts["detected_language"]) == ["nl", "nl", "nl", "en", "en"]


@pytest.mark.slow
def test_two_dask_workers_give_the_rows_of_one_and_a_lost_worker_is_redone(tmp_path: Path) -> None:
    from distributed import LocalCluster

    corpus = write_jsonl(tmp_path / "c.jsonl", articles(16))
    one = tmp_path / "one"
    code_corpus([corpus], one, batch_size=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        killed = []

        def kill_a_worker(progress) -> None:
            if not killed:  # after the first batch: one worker process dies mid-run
                nanny = next(iter(cluster.workers.values()))
                os.kill(nanny.process.process.pid, signal.SIGKILL)
                killed.append(True)

        result = code_corpus([corpus], tmp_path / "two", batch_size=2,
                             scheduler=cluster.scheduler_address, on_progress=kill_a_worker)
    assert killed and result.articles == 16 and result.batches == 8
    pd.testing.assert_frame_equal(claims(tmp_path / "two"), claims(one))

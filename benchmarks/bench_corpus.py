"""code-corpus at scale (issue 17): throughput per worker, 1 -> 2 workers, peak memory per worker,
and a kill -9 at a random point then resume giving exactly the rows of an uninterrupted run.

Articles are real-looking: built from the dpg Media 2019 corpus (public repository
dpgmedia/partisan-news2019, a bare snapshot in /work/.mirror) with sentences shuffled across
articles; nothing is written into the repository. The floor is spaCy's bare tokenizer on the
same texts in the same run.

    python3 benchmarks/bench_corpus.py [--articles 100000] [--mirror /work/.mirror]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SNAPSHOT = "dpgmedia+partisan-news2019/repo"
FILE = "dpgMedia2019-articles-byarticle-all.jsonl"


def build_corpus(mirror: Path, n: int, path: Path) -> int:
    repo = mirror / SNAPSHOT
    raw = subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{FILE}"], capture_output=True,
                         text=True, check=True).stdout.splitlines()
    arts = [json.loads(line) for line in raw]
    sentences = [s for a in arts for s in re.split(r"(?<=[.!?’'])\s+(?=[A-Z‘'])", a["text"]) if s]
    lengths = [max(3, len(re.split(r"(?<=[.!?])\s+", a["text"]))) for a in arts]
    rng = random.Random(17)
    words = 0
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            body = " ".join(rng.choice(sentences) for _ in range(rng.choice(lengths)))
            words += len(body.split())
            f.write(json.dumps({"id": f"b{i}", "title": rng.choice(arts)["title"], "text": body,
                                "outlet": rng.choice(("AD", "Trouw", "de Volkskrant", "Tubantia")),
                                "date": f"2019-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"},
                               ensure_ascii=False) + "\n")
    return words


def tokenizer_floor(path: Path, limit: int = 2000) -> float:
    import spacy

    nlp = spacy.blank("nl")
    texts = [json.loads(line)["text"] for _, line in zip(range(limit), path.open(encoding="utf-8"), strict=False)]
    t0 = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts):
        pass
    return len(texts) / (time.perf_counter() - t0)


def run(corpus: Path, out: Path, workers: int) -> tuple[float, object]:
    """Articles per second once running: from the first finished batch to the last, so that
    starting the workers (each loads the pipeline once) is not counted as throughput."""
    from annotator.corpus.run import code_corpus

    marks: list[tuple[float, int]] = []
    result = code_corpus([corpus], out, workers=workers, batch_size=100, language="nl",
                         on_progress=lambda p: marks.append((time.perf_counter(), p.articles)))
    (t0, a0), (t1, a1) = marks[0], marks[-1]
    return (a1 - a0) / max(1e-9, t1 - t0), result


def kill_and_resume(corpus: Path, tmp: Path, whole: Path) -> bool:
    import pandas as pd

    out = tmp / "killed"
    proc = subprocess.Popen([sys.executable, "-m", "annotator", "code-corpus", str(corpus), "--out",
                             str(out), "--batch-size", "100", "--language", "nl", "--quiet",
                             "--workers", "2"],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(random.Random().uniform(10, 60))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    subprocess.run([sys.executable, "-m", "annotator", "code-corpus", str(corpus), "--out", str(out),
                    "--batch-size", "100", "--language", "nl", "--quiet", "--workers", "2"], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL)

    def rows(d: Path) -> object:
        return pd.read_parquet(d / "claims").sort_values(["corpus_row", "claim"]).reset_index(drop=True)

    return bool(rows(out).equals(rows(whole)))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=4000)
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    args = ap.parse_args()
    if not (args.mirror / SNAPSHOT).exists():
        print(f"skipped: no snapshot of dpgmedia/partisan-news2019 in {args.mirror} (fetch it first)")
        return 0
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        corpus = tmp / "corpus.jsonl"
        words = build_corpus(args.mirror, args.articles, corpus)
        floor = tokenizer_floor(corpus)
        print(f"{args.articles:,} articles, {words:,} words; floor (bare tokenizer): {floor:,.0f} articles/s")
        rate1, r1 = run(corpus, tmp / "w1", 1)
        print(f"1 worker : {rate1:8.1f} articles/s ({rate1 / floor:.3f}x floor), peak {r1.peak_rss_mb:.0f} MB")
        rate2, r2 = run(corpus, tmp / "w2", 2)
        print(f"2 workers: {rate2:8.1f} articles/s ({rate2 / 2:.1f} per worker), peak {r2.peak_rss_mb:.0f} MB "
              f"per worker; 1 -> 2 workers: {rate2 / rate1:.2f}x (on {os.cpu_count()} cores)")
        print(f"kill -9 at a random point, then resume: rows identical to an uninterrupted run: "
              f"{kill_and_resume(corpus, tmp, tmp / 'w1')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

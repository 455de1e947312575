"""Import benchmark (issue 3, "Measured").

1. Import 2,000 generated articles of ~400 words (a folder of .txt files, then the same rows as
   one .csv) and reopen the project; compare with a floor of plain `sqlite3` inserts of the
   same rows, in the same run. Goal: import within 3x of the floor.
2. Build a 10,000-article project and time reopening it and listing its articles (texts load
   lazily). Goal: under 0.5 s.

Run: `python benchmarks/bench_import.py [--articles 2000] [--big 10000]`. Each figure is the
best of three runs; the exit code is 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.core.text import decode_bytes
from annotator.io.importers import collect_files, read_records
from annotator.project import Project

_VOCABULARY = ("de het een van in op dat is niet met voor zijn er aan ook als door maar bij nog "
         "minister kabinet zei volgens woordvoerder gemeente politie rechter verdachte "
         "Reuters ANP onderzoek Kamer partij verkiezingen Amsterdam Rotterdam Den Haag "
         "miljoen euro procent jaar week dinsdag woensdag bevestigde ontkende meldde liet "
         "weten aldus sprak verklaarde bronnen ingewijden café één ‘citaat’ “nieuws”")
WORDS = _VOCABULARY.split()
GOAL_RATIO, GOAL_REOPEN_S = 3.0, 0.5
REPEATS = 3  # each figure is the best of this many runs: other work on the machine adds noise


def article_text(rng: random.Random, words: int = 400) -> str:
    paragraphs, left = [], words
    while left > 0:
        n = min(left, rng.randint(40, 90))
        sentence = " ".join(rng.choice(WORDS) for _ in range(n))
        paragraphs.append(sentence[0].upper() + sentence[1:] + ".")
        left -= n
    return "\n\n".join(paragraphs) + "\n"


def make_articles(n: int, seed: int = 3) -> list[dict[str, str]]:
    rng = random.Random(seed)
    return [{"id": f"art-{i:05d}", "title": f"Artikel {i}", "outlet": rng.choice(("NRC", "AD",
             "Trouw", "NOS")), "date": f"2024-03-{1 + i % 28:02d}", "text": article_text(rng)}
            for i in range(n)]


def write_txt_folder(folder: Path, articles: list[dict[str, str]]) -> Path:
    folder.mkdir()
    for a in articles:
        (folder / f"{a['id']}.txt").write_text(a["text"], encoding="utf-8")
    return folder


def write_csv(path: Path, articles: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["id", "title", "outlet", "date", "text"])
        writer.writeheader()
        writer.writerows(articles)
    return path


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def sqlite_floor(path: Path, articles: list[dict[str, str]]) -> float:
    """Seconds for plain inserts of the same rows into a table shaped like the project's, in one
    transaction (the table is created before the clock starts, as the project is)."""
    rows = [(a["id"], a["title"], a["outlet"], a["date"], a["text"],
             hashlib.sha256(a["text"].encode()).hexdigest(), len(a["text"]), "2024")
            for a in articles]

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE article (id INTEGER PRIMARY KEY, ext_id TEXT NOT NULL UNIQUE,"
                 " title TEXT, outlet TEXT, date TEXT, text TEXT NOT NULL, sha256 TEXT, "
                 "text_length INTEGER, imported_at TEXT)")
    conn.execute("CREATE INDEX article_sha256 ON article(sha256)")
    conn.commit()

    def insert() -> None:
        with conn:
            conn.executemany("INSERT INTO article(ext_id, title, outlet, date, text, sha256, "
                             "text_length, imported_at) VALUES (?,?,?,?,?,?,?,?)", rows)

    seconds = timed(insert)[0]
    conn.close()
    return seconds


def import_into(project: Path, source: Path) -> tuple[float, int]:
    """Seconds to import `source` into a new project (created before the clock starts)."""
    with Project.create(project) as proj:
        seconds, outcome = timed(lambda: proj.import_paths([source]))
    assert not outcome.skipped, outcome.skipped[:3]
    return seconds, len(outcome.added)


def reading_only(source: Path) -> tuple[float, float]:
    """Seconds to read `source` into records without storing them, and of that the seconds
    `decode_bytes` takes on the raw bytes (meaningful for a folder of text files)."""
    files = collect_files([source])
    read = min(timed(lambda: [r for f in files for r in read_records(f)])[0]
               for _ in range(REPEATS))
    raw = [f.read_bytes() for f in files] if source.is_dir() else []
    decode = min(timed(lambda: [decode_bytes(b) for b in raw])[0] for _ in range(REPEATS))
    return read, decode


def reopen(project: Path) -> tuple[float, int]:
    def run() -> int:
        with Project.open(project) as proj:
            return len(proj.articles())
    return timed(run)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--big", type=int, default=10_000)
    args = parser.parse_args(argv)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        articles = make_articles(args.articles)
        words = sum(len(a["text"].split()) for a in articles) / len(articles)
        folder = write_txt_folder(root / "txt", articles)
        table = write_csv(root / "articles.csv", articles)
        floor = min(sqlite_floor(root / f"floor{i}.sqlite", articles) for i in range(REPEATS))
        print(f"{len(articles)} articles of ~{words:.0f} words")
        print(f"  floor (plain sqlite3 executemany)  {floor:7.3f} s")
        for label, source in (("import .txt folder", folder), ("import .csv", table)):
            seconds, added = min(import_into(root / f"{source.name}{i}.annotator", source)
                                 for i in range(REPEATS))
            assert added == len(articles), added
            ratio = seconds / floor
            ok &= ratio <= GOAL_RATIO
            print(f"  {label:33s}  {seconds:7.3f} s  {ratio:5.1f}x floor "
                  f"({'ok' if ratio <= GOAL_RATIO else 'OVER'} goal {GOAL_RATIO:.0f}x)")
            read, decode = reading_only(source)
            print(f"    of which reading the input{'':6s}  {read:7.3f} s"
                  + (f" (decode_bytes alone {decode:.3f} s)" if decode else ""))
            seconds, n = min(reopen(root / f"{source.name}0.annotator") for _ in range(REPEATS))
            print(f"  reopen + list {n} articles{'':8s}  {seconds:7.3f} s")
        big = make_articles(args.big, seed=4)
        write_csv(root / "big.csv", big)
        seconds, _ = import_into(root / "big.annotator", root / "big.csv")
        print(f"{len(big)}-article project: built from .csv in {seconds:.2f} s")
        reopen(root / "big.annotator")  # first open warms the OS file cache
        seconds, n = min(reopen(root / "big.annotator") for _ in range(REPEATS))
        ok &= seconds < GOAL_REOPEN_S
        print(f"  reopen + list {n} articles          {seconds:7.3f} s  "
              f"({'ok' if seconds < GOAL_REOPEN_S else 'OVER'} goal < {GOAL_REOPEN_S} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

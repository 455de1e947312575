"""Coding-sheet export benchmark (issue 6, "Measured").

Seeds a project with 100,000 claims (straight into SQLite, for speed), then in the same run:
1. `export_project(xlsx=...)`: the whole workbook, streamed with XlsxWriter constant_memory.
2. The floor: the same rows of every sheet written with openpyxl's write-only mode alone (no
   formats, no validation, no cell checks).
Times come from runs without tracemalloc; peak memory from separate runs with it (tracemalloc
slows Python down). Memory is also measured at a fifth of the claims, to show it stays flat.
Goal: within 1.5x of the floor, and flat memory.

Run: `python benchmarks/bench_export.py [--claims 100000]`.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Callable
from pathlib import Path

from annotator.core.model import ArticleRecord
from annotator.io.sheet_export import ExportReport
from annotator.project import Project
from annotator.sheet.export import write_xlsx
from annotator.sheet.tables import build_tables, select
from annotator.store.db import now

GOAL_RATIO = 1.5
CLAIMS_PER_ARTICLE = 25
_VOCABULARY = ("de minister zei dat het kabinet volgens ingewijden niet zal ingrijpen want "
               "de gemeente ontkende alles en de politie bevestigde het onderzoek naar "
               "verdachte transacties van miljoen euro in Rotterdam")
WORDS = _VOCABULARY.split(" ")
ATTRIBUTION = ("direct", "indirect", "unattributed")
CERTAINTY = ("certain", "probable", "possible", "uncertain")
TYPES = ("person", "institution", "news_media", "anonymous")


def article_text(rng: random.Random, sentences: int) -> str:
    return " ".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 20))).capitalize()
                    + "." for _ in range(sentences))


def seed(path: Path, claims: int, rng: random.Random) -> Project:
    """A project with `claims` claims of one coder: a source and values on most of them."""
    proj = Project.create(path, language="nl")
    n_articles = max(1, claims // CLAIMS_PER_ARTICLE)
    proj.import_records(
        ArticleRecord(text=article_text(rng, CLAIMS_PER_ARTICLE + 5), ext_id=f"art-{i:06d}",
                      title=f"Artikel {i}", outlet=rng.choice(("NRC", "AD", "Trouw", "NOS")),
                      date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}")
        for i in range(n_articles))
    coder = proj.ensure_coder("anna")
    stamp = now()
    sources, claim_rows, values = [], [], []
    texts = dict(proj.db.conn.execute("SELECT id, text FROM article"))
    for art, text in texts.items():
        ends = [i for i, ch in enumerate(text) if ch == "."]
        starts = [0] + [e + 2 for e in ends[:-1]]
        for k in range(min(CLAIMS_PER_ARTICLE, len(ends), claims - len(claim_rows))):
            s, e = starts[k], ends[k]
            src_id = len(sources) + 1 if k % 3 else None
            if src_id:
                sources.append((src_id, str(uuid.uuid4()), art, coder.id, s, s + 8,
                                rng.choice(TYPES), None, "manual", None, stamp, stamp))
            cid = len(claim_rows) + 1
            claim_rows.append((cid, str(uuid.uuid4()), art, coder.id, s + 9, e, src_id, None,
                               None, "note" if k % 7 == 0 else "", "manual", None, stamp, stamp))
            values.append((cid, "attribution", rng.choice(ATTRIBUTION)))
            values.append((cid, "certainty", rng.choice(CERTAINTY)))
    with proj.db.transaction() as c:
        c.executemany("INSERT INTO source_mention VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", sources)
        c.executemany("INSERT INTO claim VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", claim_rows)
        c.executemany("INSERT INTO claim_value VALUES (?,?,?)", values)
    return proj


def ours(proj: Project, out: Path) -> None:
    write_xlsx(proj, select(proj), out, ExportReport())


def floor(proj: Project, out: Path) -> None:
    """The same rows of every visible sheet through openpyxl write-only, nothing else."""
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    for table in build_tables(proj, select(proj)):
        if table.hidden:
            continue
        ws = wb.create_sheet(table.name)
        ws.append(table.names)
        for row in table.rows():
            ws.append(row)
    wb.save(out)


def rows_only(proj: Project, _out: Path) -> None:
    for table in build_tables(proj, select(proj)):
        for _ in table.rows():
            pass


def timed(fn: Callable[[Project, Path], None], proj: Project, out: Path) -> float:
    gc.collect()
    t0 = time.perf_counter()
    fn(proj, out)
    return time.perf_counter() - t0


def peak_mb(fn: Callable[[Project, Path], None], proj: Project, out: Path) -> float:
    gc.collect()
    tracemalloc.start()
    fn(proj, out)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    args = ap.parse_args(argv)
    rng = random.Random(6)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        t0 = time.perf_counter()
        proj = seed(tmp_path / "big.annotator", args.claims, rng)
        small = seed(tmp_path / "small.annotator", args.claims // 5, rng)
        print(f"seeded {args.claims:,} claims in {time.perf_counter() - t0:.1f} s")
        t_rows = timed(rows_only, proj, tmp_path / "none")
        t_ours = timed(ours, proj, tmp_path / "ours.xlsx")
        t_floor = timed(floor, proj, tmp_path / "floor.xlsx")
        m_ours = peak_mb(ours, proj, tmp_path / "ours.xlsx")
        m_floor = peak_mb(floor, proj, tmp_path / "floor.xlsx")
        m_small = peak_mb(ours, small, tmp_path / "small.xlsx")
        size = (tmp_path / "ours.xlsx").stat().st_size / 1e6
        proj.close()
        small.close()
    ratio = t_ours / t_floor
    print(f"reading the rows alone:           {t_rows:6.1f} s")
    print(f"export (XlsxWriter, all sheets):  {t_ours:6.1f} s  peak {m_ours:6.1f} MB  "
          f"({size:.1f} MB file)")
    print(f"floor (openpyxl write-only):      {t_floor:6.1f} s  peak {m_floor:6.1f} MB")
    print(f"ratio export / floor:             {ratio:6.2f}x (goal <= {GOAL_RATIO}x)")
    print(f"peak at {args.claims // 5:,} claims: {m_small:.1f} MB; at {args.claims:,}: "
          f"{m_ours:.1f} MB (flat if about equal)")
    return 0 if ratio <= GOAL_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())

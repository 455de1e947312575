"""`annotator code-corpus`: code a whole corpus automatically into Parquet tables."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.core.languages import LANGUAGES


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "code-corpus", help="code a whole corpus automatically (Parquet tables, resumable)",
        description="Run the suggester over every article of CORPUS (jsonl, csv, tsv, xlsx, parquet "
                    "files or folders of them, of any size) and write Parquet tables (articles, "
                    "sources, claims, problems) to --out, one part per batch. A run killed at any "
                    "point continues where it stopped when given the same command again. "
                    "--workers N codes on N local processes, --scheduler ADDRESS on a dask "
                    "distributed cluster. Writes summary.csv and summary.xlsx (claims per outlet "
                    "and month by attribution, certainty and source type).")
    p.add_argument("corpus", nargs="+", type=Path, metavar="CORPUS")
    p.add_argument("--out", type=Path, required=True, help="folder for the tables (new or a run to resume)")
    p.add_argument("--workers", type=int, default=1, help="local worker processes (default 1)")
    p.add_argument("--scheduler", help="address of a dask.distributed scheduler (tcp://host:8786)")
    p.add_argument("--batch-size", type=int, default=200, help="articles per batch and Parquet part")
    p.add_argument("--language", choices=LANGUAGES,
                   help="code every article in this language (default: detected per article); "
                        "articles that look like another language are counted and reported")
    p.add_argument("--restart", action="store_true", help="discard a previous run in --out")
    for column in ("text", "id", "title", "outlet", "date"):
        p.add_argument(f"--{column}-column")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run_code_corpus)


def run_code_corpus(args: argparse.Namespace) -> int:
    from annotator.corpus.run import Progress, code_corpus
    from annotator.io.corpus_summary import write_summary

    options = {f"{c}_column": getattr(args, f"{c}_column") for c in ("text", "id", "title", "outlet", "date")
               if getattr(args, f"{c}_column")}

    def show(p: Progress) -> None:
        left = p.seconds_left
        eta = f", {int(left // 60)}m {int(left % 60):02d}s left" if left is not None else ""
        share = f" ({100 * p.articles / p.total:.0f}%)" if p.total else ""
        print(f"\r  {p.articles:,}/{p.total:,} articles{share}, {p.rate:,.1f}/s{eta}   ",
              end="", file=sys.stderr, flush=True)

    result = code_corpus(args.corpus, args.out, workers=args.workers, scheduler=args.scheduler,
                         batch_size=args.batch_size, language=args.language, options=options,
                         restart=args.restart, on_progress=None if args.quiet else show)
    if not args.quiet:
        print(file=sys.stderr)
    csv_path, _ = write_summary(args.out)
    for note in result.notes:
        print(f"  {note}", file=sys.stderr)
    what = "resumed" if result.resumed else "coded"
    print(f"{what} {result.articles:,} articles in {result.batches} batches "
          f"({result.skipped_batches} done before) on {result.workers} worker(s): {result.claims:,} claims; "
          f"tables in {args.out}, summary in {csv_path}")
    if result.problems:
        print(f"{result.problems:,} rows or files could not be read and were skipped "
              f"(listed in {args.out / 'problems'}):", file=sys.stderr)
        _show_problems(args.out)
    if result.mismatch:
        print(f"{result.mismatch:,} articles look like another language than --language "
              f"{args.language}; they were coded with the {args.language} rules (see "
              "articles.detected_language)", file=sys.stderr)
    return 0


def _show_problems(out_dir: Path, limit: int = 10) -> None:
    from annotator.io.corpus_parquet import read_table

    rows = read_table(out_dir, "problems").to_pylist()
    for row in rows[:limit]:
        where = f" ({row['where']})" if row["where"] else ""
        print(f"  {row['file']}{where}: {row['problem']}", file=sys.stderr)
    if len(rows) > limit:
        print(f"  ... and {len(rows) - limit:,} more", file=sys.stderr)

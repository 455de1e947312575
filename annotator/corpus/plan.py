"""Input files to numbered batches of articles, in a fixed order: the same inputs and batch size
always give the same batches, which is what makes a run resumable."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import ImportProblem
from annotator.core.model import ArticleRecord, ImportNote
from annotator.io.importers import collect_files, read_records

ARTICLE_FIELDS = ("article_id", "source_file", "where", "title", "outlet", "date", "language", "text")


@dataclass
class Batch:
    number: int
    first_row: int  # corpus-wide number of its first article (0-based)
    articles: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, str]] = field(default_factory=list)


def article_row(rec: ArticleRecord) -> dict[str, Any]:
    return {"article_id": rec.ext_id or rec.where, "source_file": rec.source_file,
            "where": rec.where, "title": rec.title, "outlet": rec.outlet, "date": rec.date,
            "language": rec.language, "text": rec.text}


def problem_row(problem: ImportProblem) -> dict[str, str]:
    return {"file": problem.path or "", "where": problem.where or "", "problem": problem.problem}


def batches(files: Iterable[Path], batch_size: int, options: dict[str, Any],
            on_note: Callable[[ImportNote], None] | None = None) -> Iterator[Batch]:
    """Every article of `files` in order, `batch_size` to a batch; what cannot be read goes into
    the batch being filled as a problem (file, row or line, what is wrong), so that it is
    counted once however often the run is resumed."""
    batch = Batch(0, 0)
    seen = 0
    for path in files:
        for item in read_records(path, **options):
            if isinstance(item, ImportProblem):
                batch.problems.append(problem_row(item))
                continue
            if isinstance(item, ImportNote):  # how a table's columns were read
                if on_note is not None:
                    on_note(item)
                continue
            batch.articles.append(article_row(item))
            seen += 1
            if len(batch.articles) == batch_size:
                yield batch
                batch = Batch(batch.number + 1, seen)
    if batch.articles or batch.problems:
        yield batch


def corpus_files(paths: Iterable[Path]) -> list[Path]:
    return collect_files([Path(p) for p in paths])


def fingerprint(files: list[Path], settings: dict[str, Any]) -> str:
    """What binds an output folder to its run: each input's name, size and modification time,
    and the settings that decide the batches and the coding."""
    h = hashlib.sha256()
    for f in files:
        st = f.stat()
        h.update(f"{f.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    h.update(repr(sorted(settings.items())).encode())
    return h.hexdigest()


def estimate_articles(files: list[Path]) -> int:
    """About how many articles the files hold, read cheaply, for the progress bar's time left."""
    total = 0
    for f in files:
        suffix = f.suffix.lower()
        try:
            if suffix == ".jsonl":
                with f.open("rb") as fh:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
            elif suffix in (".csv", ".tsv"):
                with f.open(newline="", encoding="utf-8", errors="replace") as fh:
                    total += max(0, sum(1 for _ in csv.reader(fh, delimiter="\t" if suffix == ".tsv" else ",")) - 1)
            elif suffix == ".parquet":
                import pyarrow.parquet as pq

                total += pq.ParquetFile(f).metadata.num_rows
            else:
                total += 1
        except (OSError, csv.Error, ValueError):
            total += 1
    return total

"""Drive a corpus run: batches in order, coded in-process, on local worker processes or on a
dask.distributed cluster, at most a few batches in flight (flat memory), each written as it
completes, so that a run killed at any point resumes with no duplicates and no gaps."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.core.errors import UserError
from annotator.corpus import manifest
from annotator.corpus.plan import Batch, batches, corpus_files, estimate_articles, fingerprint
from annotator.corpus.work import code_batch
from annotator.io.corpus_parquet import done_batches, remove_leftovers

IN_FLIGHT_PER_WORKER = 2


@dataclass
class Progress:
    articles: int = 0
    total: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        return self.articles / max(1e-9, time.monotonic() - self.started)

    @property
    def seconds_left(self) -> float | None:
        return (self.total - self.articles) / self.rate if self.rate and self.total >= self.articles else None


@dataclass
class RunResult:
    out_dir: Path
    resumed: bool
    batches: int = 0
    skipped_batches: int = 0
    articles: int = 0
    claims: int = 0
    problems: int = 0
    mismatch: int = 0
    peak_rss_mb: float = 0.0
    workers: int = 1
    notes: list[str] = field(default_factory=list)  # how each table's columns were read


def code_corpus(paths: list[Path], out_dir: Path, *, workers: int = 1, scheduler: str | None = None,
                batch_size: int = 200, language: str | None = None,
                options: dict[str, Any] | None = None, restart: bool = False,
                on_progress: Callable[[Progress], None] | None = None) -> RunResult:
    options = dict(options or {})
    if batch_size < 1 or workers < 1:
        raise UserError("--batch-size and --workers must be at least 1")
    files = corpus_files(paths)
    if not files:
        raise UserError(f"no articles to read in {', '.join(map(str, paths))}")
    settings = {"batch_size": batch_size, "language": language, "options": sorted(options.items()),
                "annotator": __version__}
    resumed = manifest.bind(out_dir, fingerprint(files, settings),
                            {"inputs": [str(f) for f in files], **settings}, restart)
    remove_leftovers(out_dir)
    done = done_batches(out_dir)
    result = RunResult(out_dir, resumed, skipped_batches=len(done))
    progress = Progress(total=estimate_articles(files))
    todo = _pending(batches(files, batch_size, options,
                            lambda n: result.notes.append(f"{n.where}: {n.note}")), done, progress)

    def finished(info: dict[str, Any]) -> None:
        result.batches += 1
        result.articles += info["articles"]
        result.claims += info["claims"]
        result.problems += info["problems"]
        result.mismatch += info["mismatch"]
        result.peak_rss_mb = max(result.peak_rss_mb, info["peak_rss_mb"])
        progress.articles += info["articles"]
        if on_progress:
            on_progress(progress)

    if scheduler is None and workers == 1:
        for batch in todo:
            finished(code_batch(batch, str(out_dir), language))
    else:
        result.workers = _on_cluster(todo, out_dir, language, workers, scheduler, finished)
    remove_leftovers(out_dir)
    return result


def _pending(all_batches: Iterator[Batch], done: set[int], progress: Progress) -> Iterator[Batch]:
    """The batches still to code; those a previous run finished count as progress."""
    for batch in all_batches:
        if batch.number in done:
            progress.articles += len(batch.articles)
            continue
        yield batch


def _on_cluster(todo: Iterator[Batch], out_dir: Path, language: str | None, workers: int,
                scheduler: str | None, finished: Callable[[dict[str, Any]], None]) -> int:
    """Code the batches on dask.distributed: local worker processes, or the cluster whose
    scheduler is at `scheduler`. A worker lost mid-batch has its batch redone by dask (its
    partial files are temporary names; the batch's files are only renamed into place whole)."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise UserError(f"cannot reach the dask scheduler at {scheduler} ({exc})") from exc
    try:
        n = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        pending = as_completed()
        for _ in range(n * IN_FLIGHT_PER_WORKER):
            if not _submit(client, pending, todo, out_dir, language):
                break
        for future in pending:
            finished(future.result())
            future.release()
            _submit(client, pending, todo, out_dir, language)
        return n
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _submit(client: Any, pending: Any, todo: Iterator[Batch], out_dir: Path, language: str | None) -> bool:
    batch = next(todo, None)
    if batch is None:
        return False
    pending.add(client.submit(code_batch, batch, str(out_dir), language, key=f"batch-{batch.number}",
                              pure=False, retries=3))
    return True

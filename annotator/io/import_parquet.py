"""Parquet tables (.parquet): one article per row, read batch by batch with pyarrow so that a
file of any size is read in flat memory. Columns are found as for the other tables."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import ImportProblem
from annotator.core.model import ArticleRecord
from annotator.io.import_tables import TableReader, map_columns, unique_headers

BATCH_ROWS = 1000


def read_parquet(path: Path, **options: Any) -> Iterator[ArticleRecord | ImportProblem]:
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError and more on a broken file
        yield ImportProblem(f"cannot read this Parquet file ({type(exc).__name__}: {exc})", path=path)
        return
    headers = unique_headers(table.schema_arrow.names)
    try:
        columns = map_columns(headers, path, options)
    except ImportProblem as problem:
        yield problem
        return
    reader = TableReader(path, columns, options)
    number = 1  # rows are numbered as in a sheet: the header is row 1
    try:
        for batch in table.iter_batches(batch_size=BATCH_ROWS):
            cols = [c.to_pylist() for c in batch.columns]  # by position: names may repeat
            for i in range(batch.num_rows):
                number += 1
                yield from reader.records([(number, {h: col[i] for h, col in zip(headers, cols, strict=True)})])
    except Exception as exc:  # a corrupt page part-way: the rows before it were yielded
        yield ImportProblem(f"cannot read row {number + 1} on ({type(exc).__name__}: {exc})",
                            path=path, where=f"row {number + 1}")

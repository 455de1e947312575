"""The Parquet tables of a coded corpus: one file per table and batch
(`DIR/<table>/part-000042.parquet`), written whole or not at all, and a `DIR/_done/` marker
per batch written after all its tables: a batch without a marker is redone on resume."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [("corpus_row", "int64"), ("article_id", "string"), ("source_file", "string"),
                 ("where", "string"), ("outlet", "string"), ("date", "string"), ("month", "string"),
                 ("title", "string"), ("language", "string"), ("detected_language", "string"),
                 ("chars", "int64"), ("sources", "int64"), ("claims", "int64")],
    "sources": [("corpus_row", "int64"), ("article_id", "string"), ("source", "int64"),
                ("start", "int64"), ("end", "int64"), ("text", "string"), ("type", "string"),
                ("rule", "string")],
    "claims": [("corpus_row", "int64"), ("article_id", "string"), ("outlet", "string"),
               ("date", "string"), ("month", "string"), ("claim", "int64"), ("start", "int64"),
               ("end", "int64"), ("text", "string"), ("source_text", "string"),
               ("source_type", "string"), ("cue_text", "string"), ("attribution", "string"),
               ("certainty", "string"), ("rule", "string")],
    "problems": [("batch", "int64"), ("file", "string"), ("where", "string"), ("problem", "string")],
}
DONE = "_done"


def part_name(number: int) -> str:
    return f"part-{number:06d}.parquet"


def _schema(name: str) -> Any:
    import pyarrow as pa

    return pa.schema([(col, getattr(pa, kind)()) for col, kind in TABLES[name]])


def write_batch(out_dir: Path, number: int, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Write one batch's tables, each atomically (temporary name, then rename), then its marker."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    for name in TABLES:
        folder = out_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / part_name(number)
        tmp = folder / f".{part_name(number)}.{os.getpid()}.tmp"
        pq.write_table(pa.Table.from_pylist(rows.get(name, []), schema=_schema(name)), tmp)
        os.replace(tmp, target)
    done = out_dir / DONE
    done.mkdir(exist_ok=True)
    (done / f"{number:06d}").write_text("", encoding="utf-8")


def done_batches(out_dir: Path) -> set[int]:
    folder = out_dir / DONE
    if not folder.is_dir():
        return set()
    return {int(p.name) for p in folder.iterdir() if p.name.isdigit()}


def remove_leftovers(out_dir: Path) -> None:
    """Temporary files of writes that a kill interrupted."""
    for name in TABLES:
        for tmp in (out_dir / name).glob(".part-*.tmp") if (out_dir / name).is_dir() else ():
            tmp.unlink(missing_ok=True)


def read_table(out_dir: Path, name: str) -> Any:
    """All partitions of one table as a pyarrow Table (empty with its schema when none)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    parts = sorted((out_dir / name).glob("part-*.parquet")) if (out_dir / name).is_dir() else []
    if not parts:
        return pa.Table.from_pylist([], schema=_schema(name))
    return pa.concat_tables([pq.read_table(p, schema=_schema(name)) for p in parts])

"""JSON Lines: one JSON object (an article) per line, streamed. Rows are counted as lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import ImportProblem
from annotator.core.model import ArticleRecord
from annotator.io.import_encoding import decode_failure, open_text
from annotator.io.import_tables import MAX_CELL_CHARS, TableReader, map_columns

MAX_LINE_CHARS = 2 * MAX_CELL_CHARS


def read_jsonl(path: Path, **options: Any) -> Iterator[ArticleRecord | ImportProblem]:
    try:
        stream, encoding = open_text(path)
    except ImportProblem as problem:
        yield problem
        return
    with stream:
        yield from _read_lines(stream, path, encoding, options)


def _objects(stream: TextIO, path: Path, encoding: str
             ) -> Iterator[tuple[int, dict[str, Any] | ImportProblem]]:
    number = 0
    while True:
        number += 1
        try:
            line = stream.readline(MAX_LINE_CHARS + 1)
        except UnicodeDecodeError:
            yield number, decode_failure(path, encoding, f"line {number}")
            return
        if not line:
            return
        if len(line) > MAX_LINE_CHARS:
            yield number, ImportProblem(f"the line is longer than {MAX_LINE_CHARS // 2**20} MB; "
                                        "the rest of the file is skipped", path=path,
                                        where=f"line {number}")
            return
        if line.strip():
            yield number, _parse(line, path, number)


def _parse(line: str, path: Path, number: int) -> dict[str, Any] | ImportProblem:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return ImportProblem(f"not valid JSON ({exc.msg} at character {exc.colno}); skipped",
                             path=path, where=f"line {number}")
    if not isinstance(obj, dict):
        return ImportProblem(f"expected a JSON object {{...}}, found {type(obj).__name__}; "
                             "skipped", path=path, where=f"line {number}")
    return {str(k): v for k, v in obj.items()}


def _read_lines(stream: TextIO, path: Path, encoding: str,
                options: dict[str, Any]) -> Iterator[ArticleRecord | ImportProblem]:
    table: TableReader | None = None
    for number, obj in _objects(stream, path, encoding):
        if isinstance(obj, ImportProblem):
            yield obj
            continue
        if table is None:  # the first object's keys name the columns
            try:
                table = TableReader(path, map_columns(list(obj), path, options), options,
                                    encoding, unit="line")
            except ImportProblem as problem:
                yield problem
                return
        yield from table.records([(number, obj)])
    if table is None:
        yield ImportProblem("no JSON objects in the file", path=path)

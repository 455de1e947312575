"""JSON Lines: one JSON object (an article) per line, streamed. Rows are counted as lines."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import ImportProblem
from annotator.core.model import ArticleRecord, ImportNote
from annotator.io.import_encoding import decode_failure, open_text
from annotator.io.import_tables import MAX_CELL_CHARS, TableReader, map_columns

MAX_LINE_CHARS = 2 * MAX_CELL_CHARS
# An article's metadata is flat or nearly so; deeper JSON only exhausts the parser's stack.
MAX_DEPTH = 32
_BRACKETS = re.compile(r'[\[\]{}]|"(?:[^"\\]|\\.)*"')


def read_jsonl(path: Path, **options: Any) -> Iterator[ArticleRecord | ImportProblem | ImportNote]:
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
                                        "the file is refused", path=path,
                                        where=f"line {number}", refuses_file=True)
            return
        if line.strip():
            yield number, _parse(line, path, number)


def _parse(line: str, path: Path, number: int) -> dict[str, Any] | ImportProblem:
    where = f"line {number}"
    if _depth(line) > MAX_DEPTH:
        return ImportProblem(f"the JSON is nested more than {MAX_DEPTH} levels deep; skipped",
                             path=path, where=where)
    try:
        obj = json.loads(line, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        return ImportProblem(f"not valid JSON ({exc.msg} at character {exc.colno}); skipped",
                             path=path, where=where)
    except ValueError as exc:  # NaN/Infinity, or an integer of thousands of digits
        why = ("a number has more digits than Python reads (4,300)" if "digits" in str(exc)
               else str(exc)[:120])
        return ImportProblem(f"not usable JSON ({why}); skipped", path=path, where=where)
    if not isinstance(obj, dict):
        return ImportProblem(f"expected a JSON object {{...}}, found {type(obj).__name__}; "
                             "skipped", path=path, where=where)
    return {str(k): v for k, v in obj.items()}


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON value")


def _depth(line: str) -> int:
    """How deep the brackets of `line` nest (those inside strings do not count), found without
    parsing: the parser itself would recurse once per level."""
    if line.count("[") + line.count("{") <= MAX_DEPTH:
        return 0
    deepest = depth = 0
    for token in _BRACKETS.findall(line):
        if token in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in ("]", "}"):
            depth -= 1
    return deepest


def _read_lines(stream: TextIO, path: Path, encoding: str,
                options: dict[str, Any]) -> Iterator[ArticleRecord | ImportProblem | ImportNote]:
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
            yield table.columns_note()
        yield from table.records([(number, obj)])
    if table is None:
        yield ImportProblem("no JSON objects in the file", path=path)

"""Read articles from files: plain text and Markdown (more formats in sibling modules).

`read_records(path, **options)` yields `ArticleRecord`s, and `ImportProblem`s for what it has to
skip (a whole file, or one row of a table), each naming the file and row. It never writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import ImportProblem
from annotator.core.model import ArticleRecord
from annotator.core.text import decode_bytes

MAX_TEXT_BYTES = 200 * 1024 * 1024  # a plain-text article larger than this is surely not one
TEXT_SUFFIXES = (".txt", ".md")


def supported_suffixes() -> tuple[str, ...]:
    return TEXT_SUFFIXES


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files to import: each file given, and every supported file under each folder, sorted."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file()
                              and f.suffix.lower() in supported_suffixes()
                              and not any(part.startswith(".") for part in f.parts)))
        else:
            out.append(p)
    return out


def read_records(path: Path, **options: Any) -> Iterator[ArticleRecord | ImportProblem]:
    suffix = path.suffix.lower()
    if not path.exists():
        yield ImportProblem("no such file", path=path)
        return
    if suffix in TEXT_SUFFIXES:
        yield from _read_text(path, **options)
    else:
        yield ImportProblem(f"cannot import {suffix or 'files without an extension'} files "
                            f"(supported: {', '.join(supported_suffixes())})", path=path)


def _read_text(path: Path, **options: Any) -> Iterator[ArticleRecord | ImportProblem]:
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            yield ImportProblem(f"the file is {size // 2**20} MB; articles over "
                                f"{MAX_TEXT_BYTES // 2**20} MB are refused", path=path)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ImportProblem(f"cannot read the file ({exc.strerror})", path=path)
        return
    try:
        text, encoding = decode_bytes(data, path)
    except ImportProblem as problem:
        yield problem
        return
    if not text.strip():
        yield ImportProblem("the file is empty", path=path)
        return
    title = next((line.strip().lstrip("#").strip() for line in text.split("\n") if line.strip()),
                 "")
    yield ArticleRecord(text=text, ext_id=options.get("id_prefix", "") + path.stem,
                        title=title[:300], outlet=options.get("outlet") or "",
                        language=options.get("language") or "", source_file=str(path),
                        where=str(path), encoding=encoding)

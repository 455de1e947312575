"""Plain text (.txt) and Markdown (.md): one article per file, the file name as its id."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import ImportProblem
from annotator.core.model import ArticleRecord
from annotator.io.import_common import file_record, read_limited
from annotator.io.import_encoding import decode_text

MAX_TEXT_BYTES = 50 * 1024 * 1024  # a news article is ~10 KB; 50 MB is surely not one


def read_text_file(path: Path, **options: Any) -> Iterator[ArticleRecord | ImportProblem]:
    try:
        data = read_limited(path, MAX_TEXT_BYTES, "text file")
        text, encoding = decode_text(data, path)
    except ImportProblem as problem:
        yield problem
        return
    del data
    if not text.strip():
        yield ImportProblem("the file is empty", path=path)
        return
    yield file_record(path, text, encoding, options)

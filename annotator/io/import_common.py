"""Pieces every importer shares: building a record for a one-article file, language codes.

The `outlet` and `language` options fill in what a file does not say itself; `id_prefix` is
put before ids made from file names.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from annotator.core.errors import ImportProblem
from annotator.core.model import ArticleRecord

TITLE_CHARS = 300

_FIRST_LINE = re.compile(r"[^\s][^\n]*")
_LANGUAGE_NAMES = {"dutch": "nl", "nederlands": "nl", "english": "en", "engels": "en"}


def language_code(value: object) -> str:
    """"nl-NL", "NL", "Dutch" → "nl"; anything else is kept as given (stripped)."""
    text = str(value or "").strip()
    low = text.lower()
    if low in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[low]
    primary = low.replace("_", "-").split("-")[0]
    if len(primary) in (2, 3) and primary.isalpha():
        return primary
    return text


TITLE_FROM_TEXT = 120  # a title taken from the text: a headline's length, not a paragraph's


def first_line_title(text: str) -> str:
    """The first non-blank line, without Markdown's leading #s; a line longer than a headline
    (a text without line breaks) is cut at a word before TITLE_FROM_TEXT characters, with an
    ellipsis: a whole paragraph as title filled the article list (field trial)."""
    line = _FIRST_LINE.search(text)
    if not line:
        return ""
    title = line[0].strip().lstrip("#").strip()
    if len(title) <= TITLE_FROM_TEXT:
        return title
    cut = title[:TITLE_FROM_TEXT]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "\u2026"


def file_record(path: Path, text: str, encoding: str, options: dict[str, Any],
                **fields: Any) -> ArticleRecord:
    """The record for a file holding one article; `fields` are what the file itself says."""
    return ArticleRecord(
        text=text,
        ext_id=str(options.get("id_prefix") or "") + path.stem,
        title=(fields.pop("title", "") or first_line_title(text))[:TITLE_CHARS],
        outlet=fields.pop("outlet", "") or options.get("outlet") or "",
        language=language_code(fields.pop("language", "") or options.get("language") or ""),
        source_file=str(path), where=str(path), encoding=encoding, **fields)


def read_limited(path: Path, limit: int, kind: str) -> bytes:
    """The file's bytes, refusing files over `limit`. The size is checked before reading and
    the read itself stops past `limit`, since a file that grows, or a special file that slipped
    through, has no meaningful size."""
    try:
        size = path.stat().st_size
        if size <= limit:
            with path.open("rb") as f:
                data = f.read(limit + 1)
            size = max(size, len(data))
    except OSError as exc:
        raise ImportProblem(f"cannot read the file ({exc.strerror or exc})", path=path) from exc
    if size > limit:
        shown = f"{size / 2**20:.0f} MB" if size > limit + 1 else f"over {limit // 2**20} MB"
        raise ImportProblem(f"the file is {shown}; a single {kind} over {limit // 2**20} MB is "
                            "refused (import large collections as a table: .csv, .xlsx or "
                            ".jsonl)", path=path)
    return data

"""Read articles from files: the entry point the project's import uses.

`read_records(path, **options)` yields `ArticleRecord`s, `ImportProblem`s for what it has to
skip (a whole file, or one row of a table), each naming the file and row, and (`with_notes`)
an `ImportNote` saying how a table's columns were read. It never writes.
Each format lives in its own module (`import_text`, `import_docx`, `import_html`,
`import_csv`, `import_xlsx`, `import_jsonl`, `import_parquet`); options are the `annotator import` ones:
`text_column`, `id_column`, `title_column`, `outlet_column`, `date_column`, `url_column`,
`language_column`, `outlet`, `language`, and `sheet` (name or 1-based number) for .xlsx.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import ImportProblem, display_path
from annotator.core.model import ArticleRecord, ImportNote
from annotator.core.outpaths import part_of_open_project
from annotator.io.import_csv import read_csv
from annotator.io.import_docx import read_docx
from annotator.io.import_html import read_html
from annotator.io.import_jsonl import read_jsonl
from annotator.io.import_parquet import read_parquet
from annotator.io.import_text import MAX_TEXT_BYTES, read_text_file
from annotator.io.import_xlsx import read_xlsx

Reader = Callable[..., Iterator[ArticleRecord | ImportProblem | ImportNote]]

READERS: dict[str, Reader] = {
    ".txt": read_text_file, ".md": read_text_file,
    ".docx": read_docx,
    ".html": read_html, ".htm": read_html,
    ".csv": read_csv, ".tsv": read_csv,
    ".xlsx": read_xlsx,
    ".jsonl": read_jsonl,
    ".parquet": read_parquet,
}
TEXT_SUFFIXES = (".txt", ".md")
_SAVE_AS = {".doc": ".docx", ".xls": ".xlsx", ".rtf": ".docx", ".odt": ".docx",
            ".ods": ".xlsx", ".json": ".jsonl"}

__all__ = ["MAX_TEXT_BYTES", "collect_files", "read_records", "supported_suffixes"]


def supported_suffixes() -> tuple[str, ...]:
    return tuple(READERS)


def _wanted(name: str) -> bool:
    """Supported, not hidden, and not an Office lock file ("~$report.docx")."""
    return (not name.startswith((".", "~$"))
            and os.path.splitext(name)[1].lower() in READERS)


def _walk(folder: Path) -> list[Path]:
    """Supported files under `folder`, sorted, skipping hidden folders (.git and the like)."""
    found: list[tuple[str, str]] = []
    for parent, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend((parent, f) for f in files if _wanted(f))
    return [Path(parent, f) for parent, f in sorted(found)]


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files to import: each file given, and every supported file under each folder, sorted;
    a file named twice is imported once."""
    out: list[Path] = []
    seen: set[str] = set()
    for p in paths:
        for f in _walk(p) if p.is_dir() else [p]:
            key = os.path.normcase(os.path.abspath(f))
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


def read_records(path: Path, *, with_notes: bool = False, **options: Any
                 ) -> Iterator[ArticleRecord | ImportProblem | ImportNote]:
    """Records from one file; problems (unreadable file, bad row) are yielded, not raised.
    `with_notes` also yields an `ImportNote` on how a table's columns were read."""
    path = Path(path)
    problem = _not_a_file(path)
    if problem:
        yield ImportProblem(problem, path=path)
        return
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield ImportProblem(_unsupported(path.suffix.lower()), path=path)
        return
    for item in reader(path, **options):
        if with_notes or not isinstance(item, ImportNote):
            yield item


def _not_a_file(path: Path) -> str | None:
    """Why `path` is not a regular file we may read (after following links), or None: a link
    to /dev/zero never ends, a FIFO blocks forever, a name that is not UTF-8 cannot be stored."""
    if display_path(path) != str(path):
        return ("the file name is not valid text (UTF-8); rename the file and import it again")
    try:
        mode = path.stat().st_mode  # follows symbolic links
    except OSError as exc:
        return "no such file" if isinstance(exc, FileNotFoundError) else (
            f"cannot read the file ({exc.strerror or exc})")
    if stat.S_ISDIR(mode):
        return "this is a folder; give folders to collect_files"
    if part_of_open_project(path):  # reading it would also drop this process's locks on it
        return "this is the open project (or one of its working files), not articles; skipped"
    if not stat.S_ISREG(mode):
        return "not a regular file (a device, pipe or socket, or a link to one); skipped"
    return None


def _unsupported(suffix: str) -> str:
    what = f"{suffix} files" if suffix else "files without an extension"
    hint = f"; save it as {_SAVE_AS[suffix]}" if suffix in _SAVE_AS else ""
    return f"cannot import {what} (supported: {', '.join(READERS)}){hint}"

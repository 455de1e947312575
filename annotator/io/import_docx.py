"""Word documents (.docx): one article per file, paragraphs (and table rows) in order,
separated by a blank line as in the plain-text articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import ImportProblem
from annotator.core.model import ArticleRecord
from annotator.core.text import normalise_newlines
from annotator.io.import_common import file_record
from annotator.io.zip_guard import check_office_zip


def read_docx(path: Path, **options: Any) -> Iterator[ArticleRecord | ImportProblem]:
    try:
        check_office_zip(path, "Word")
        doc = _open(path)
    except ImportProblem as problem:
        yield problem
        return
    text = normalise_newlines("\n\n".join(_blocks(doc)))
    if not text.strip():
        yield ImportProblem("the document has no text", path=path)
        return
    props = doc.core_properties
    metadata = {"author": props.author} if props.author else {}
    yield file_record(path, text, "", options, title=(props.title or "").strip(),
                      metadata=metadata)


def _open(path: Path) -> Any:
    import docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on broken files: all mean unreadable
        raise ImportProblem(f"cannot read this Word file ({type(exc).__name__}: {exc})",
                            path=path) from exc


def _blocks(doc: Any) -> Iterator[str]:
    """Non-blank paragraphs, and each table row as its cells joined by tabs, in order."""
    from docx.table import Table

    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                line = "\t".join(cell.text.strip() for cell in row.cells)
                if line.strip():
                    yield line
        elif block.text.strip():
            yield block.text

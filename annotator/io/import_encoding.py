"""Decode article files with `core.text.decode_bytes` (which prefers Windows-1252 for Western
text over charset-normalizer's guessed cousins), and open possibly huge tables as streams.

Stream detection looks at the whole file when it is small and at its first megabyte otherwise,
so that a 200 MB table is never held in memory, let alone twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from annotator.core.errors import ImportProblem
from annotator.core.text import decode_bytes

WHOLE_FILE_BYTES = 16 * 1024 * 1024  # detect on the whole file up to this size
SAMPLE_BYTES = 1024 * 1024  # else on this much of its start

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """`decode_bytes` (which prefers cp1252 for Western text over a guessed cousin)."""
    return decode_bytes(data, path)


def detect_encoding(path: Path) -> str:
    """The encoding to read `path` with; raises `ImportProblem` for empty or binary files."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(WHOLE_FILE_BYTES if size <= WHOLE_FILE_BYTES else SAMPLE_BYTES)
    except OSError as exc:
        raise ImportProblem(f"cannot read the file ({exc.strerror or exc})", path=path) from exc
    if not head.strip():
        raise ImportProblem("the file is empty", path=path)
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    if len(head) < size:  # cut the sample at a line end, never inside a character
        head = head[:head.rfind(b"\n") + 1] or head
    return decode_text(head, path)[1]


def open_text(path: Path) -> tuple[TextIO, str]:
    """`path` opened for reading text with newlines untranslated (as `csv` wants)."""
    encoding = detect_encoding(path)
    try:
        return path.open(encoding=encoding, newline=""), encoding
    except (OSError, LookupError) as exc:
        raise ImportProblem(f"cannot read the file as {encoding} ({exc})", path=path) from exc


def decode_failure(path: Path, encoding: str, where: str) -> ImportProblem:
    """The problem for a stream that stops decoding part-way through. Streams decode in blocks
    of a few kilobytes, so the bad bytes are in `where` or shortly after it."""
    return ImportProblem(f"the file stops being valid {encoding} here or a little further on "
                         "(save it as UTF-8 and import it again)", path=path, where=where,
                         refuses_file=True)

"""Decode article files: `decode_bytes`, made to prefer Windows-1252 for Western text, and
possibly huge tables opened as streams.

charset-normalizer often names a cousin (mac_latin2, cp1250, even utf_16_be for a short
text) for a file that Word or Excel on a Western Windows wrote in cp1252. When the bytes are
valid cp1252 and read as plausible Western text, cp1252 is taken instead. Stream detection
looks at the whole file when it is small and at its first megabyte otherwise, so that a 200 MB
table is never held in memory, let alone twice.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TextIO

from annotator.core.errors import ImportProblem
from annotator.core.text import decode_bytes, normalise_newlines

WHOLE_FILE_BYTES = 16 * 1024 * 1024  # detect on the whole file up to this size
SAMPLE_BYTES = 1024 * 1024  # else on this much of its start

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_TRUSTED = ("utf-8", "utf-8-sig", "utf-16", "ascii", "cp1252")  # named exactly, not guessed
_WESTERN_PUNCTUATION = set("‘’‚“”„–—…€•·°«»§©®™£¥×÷¡¿\xa0")
MAX_NON_ASCII_SHARE = 0.2  # Western prose is mostly ASCII; mojibake of other scripts is not


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """`decode_bytes`, preferring cp1252 over a guessed cousin when it reads as Western text."""
    text, encoding = decode_bytes(data, path)
    if encoding in _TRUSTED:
        return text, encoding
    western = western_text(data)
    return (western, "cp1252") if western is not None else (text, encoding)


def western_text(data: bytes) -> str | None:
    """`data` as cp1252 if every non-ASCII character is a letter or Western punctuation and
    they are rare, as in Dutch, English, German or French prose; else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    odd = [ch for ch in text if ord(ch) > 127]
    if len(odd) > MAX_NON_ASCII_SHARE * max(len(text), 1):
        return None
    if any(ch not in _WESTERN_PUNCTUATION and not unicodedata.category(ch).startswith("L")
           for ch in set(odd)):
        return None
    return normalise_newlines(text)


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
    return ImportProblem(f"the file stops being valid {encoding} here or a little further on; "
                         "this and the rest of the file are skipped (save it as UTF-8 and "
                         "import it again)", path=path, where=where)

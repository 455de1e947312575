"""Article text: decoding, normalisation, hashing, and code-point/UTF-16 offsets.

Offsets everywhere in annotator are Python string indices (code points) into the text as
stored. Qt counts UTF-16 code units; `Utf16Map` converts between the two and is the only
place that does.
"""

from __future__ import annotations

import bisect
import hashlib
import unicodedata

from annotator.core.errors import ImportProblem

# Control characters other than tab/newline that mark a file as binary rather than text.
_BINARY_BYTES = bytes(range(0, 9)) + bytes([11, 12]) + bytes(range(14, 32))


def normalise_newlines(text: str) -> str:
    """Drop a leading BOM and turn "\\r\\n" and "\\r" into "\\n"; nothing else changes."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not plausibly text in any 8-bit or UTF-8 encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM is text
        return False
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _BINARY_BYTES))
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes, path: object = None) -> tuple[str, str]:
    """Decode file bytes to normalised text; return (text, encoding used).

    UTF-8 (with or without BOM) first; UTF-16 by its BOM; otherwise charset-normalizer's
    best guess. Binary or undecodable data raises `ImportProblem` naming the file.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return normalise_newlines(data[3:].decode("utf-8", errors="strict")), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return normalise_newlines(data.decode("utf-16")), "utf-16"
        except UnicodeDecodeError as exc:
            raise ImportProblem(f"broken UTF-16 text ({exc.reason})", path=path) from exc
    if looks_binary(data):
        raise ImportProblem("this is a binary file, not text", path=path)
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    # charset-normalizer often names a cousin (mac_latin2, cp1250) of the cp1252 that Word and
    # Excel write on Western Windows: take cp1252 when the bytes read as Western prose in it
    western = western_text(data)
    if western is not None:
        return western, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ImportProblem("cannot tell which text encoding this file uses", path=path)
    return normalise_newlines(str(best)), best.encoding


_WESTERN_PUNCTUATION = set("‘’‚“”„–—…€•·°«»§©®™£¥×÷¡¿\xa0")
MAX_NON_ASCII_SHARE = 0.2  # Western prose is mostly ASCII; mojibake of other scripts is not


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


def sha256_text(text: str) -> str:
    """Hex SHA-256 of the UTF-8 bytes of `text`."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Utf16Map:
    """Convert offsets in one text between code points (Python) and UTF-16 units (Qt).

    Both directions are O(log n) after an O(n) scan that records where astral characters
    (which take two UTF-16 units) sit. A UTF-16 position inside a surrogate pair is snapped
    to the start of that character.
    """

    def __init__(self, text: str):
        self.text_length = len(text)
        # code-point indices of astral characters, in order
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # UTF-16 index at which each astral character starts
        self._astral16 = [i + k for k, i in enumerate(self._astral)]
        self.utf16_length = self.text_length + len(self._astral)

    def to_utf16(self, pos: int) -> int:
        """UTF-16 offset of code-point offset `pos` (0 <= pos <= len(text))."""
        if not 0 <= pos <= self.text_length:
            raise ValueError(f"offset {pos} outside text of length {self.text_length}")
        return pos + bisect.bisect_left(self._astral, pos)

    def to_codepoint(self, pos16: int) -> int:
        """Code-point offset of UTF-16 offset `pos16`, snapping inside a pair to its start."""
        if not 0 <= pos16 <= self.utf16_length:
            raise ValueError(f"UTF-16 offset {pos16} outside text of length {self.utf16_length}")
        k = bisect.bisect_left(self._astral16, pos16)  # astral characters starting before
        if k and self._astral16[k - 1] + 1 == pos16:
            return self._astral[k - 1]  # inside a surrogate pair: snap to the character's start
        return pos16 - k

"""Text decoding, normalisation and code-point/UTF-16 offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.errors import ImportProblem
from annotator.core.text import Utf16Map, decode_bytes, normalise_newlines, sha256_text


@pytest.mark.parametrize("raw, expected", [
    ("a\r\nb\rc\n", "a\nb\nc\n"),
    ("\ufeffhallo", "hallo"),
    ("  spaties  \tblijven ", "  spaties  \tblijven "),
])
def test_text_normalise_newlines_changes_only_bom_and_line_ends(raw: str, expected: str) -> None:
    assert normalise_newlines(raw) == expected


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_text_decode_bytes_reads_common_encodings(encoding: str) -> None:
    text = "Volgens de minister is het ‘niet duidelijk’ of café’s € betalen.\r\nTweede regel."
    if encoding == "cp1252":
        text = "Volgens de minister is het niet duidelijk of café's moeten betalen, zegt hij.\r\n" * 5
    got, used = decode_bytes(text.encode(encoding), "x.txt")
    assert got == normalise_newlines(text)
    assert used.replace("_", "-").startswith(encoding.split("-")[0][:3])


def test_text_decode_bytes_refuses_binary_naming_the_file() -> None:
    with pytest.raises(ImportProblem, match="x.txt.*binary"):
        decode_bytes(bytes(range(256)) * 10, "x.txt")


def test_text_sha256_is_of_utf8() -> None:
    import hashlib

    assert sha256_text("é") == hashlib.sha256("é".encode()).hexdigest()
    assert sha256_text("a") == "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"


def test_text_utf16_map_with_emoji_before_and_inside() -> None:
    text = "😀 Trump: ‘Denk 🤔 goed na’"
    m = Utf16Map(text)
    claim_start = text.index("Denk")
    assert m.to_utf16(claim_start) == claim_start + 1
    assert m.to_utf16(len(text)) == len(text) + 2
    assert m.to_codepoint(m.to_utf16(claim_start)) == claim_start
    inside_pair = m.to_utf16(text.index("🤔")) + 1
    assert m.to_codepoint(inside_pair) == text.index("🤔")


@given(st.text())
def test_text_utf16_map_is_a_bijection_on_valid_positions(text: str) -> None:
    m = Utf16Map(text)
    assert m.utf16_length == len(text.encode("utf-16-le")) // 2
    seen = []
    for i in range(len(text) + 1):
        u = m.to_utf16(i)
        assert u == len(text[:i].encode("utf-16-le")) // 2
        assert m.to_codepoint(u) == i
        seen.append(u)
    assert seen == sorted(set(seen))

"""core.textcheck: the one check every stored text passes (issue 11.10)."""

from __future__ import annotations

import math

import pytest

from annotator.core.errors import UserError
from annotator.core.model import ArticleRecord
from annotator.core.textcheck import check_text, find_problem, record_problem


def _refused(code: int) -> bool:
    return (code < 9 or code in (11, 12) or 14 <= code < 32 or 0x7F <= code <= 0x9F
            or 0xD800 <= code <= 0xDFFF)


def test_every_character_below_u10000_is_judged_as_the_rule_says() -> None:
    # the fast pre-check and the regex must agree, wherever the character stands
    for code in range(0x10000):
        ch = chr(code)
        for text in (ch, "abc" + ch, "é" + ch + "x"):
            assert (find_problem(text) is not None) == _refused(code), hex(code)


@pytest.mark.parametrize("value", [["a"], {"a": 1}, 3, 2.5, math.nan, math.inf, None, True])
def test_values_that_are_not_strings_are_refused_by_kind(value: object) -> None:
    with pytest.raises(UserError, match="not text"):
        check_text(value, "the text")


def test_the_message_names_the_character_and_where() -> None:
    assert find_problem("ab\x00", "the note") == (
        "the note holds a NUL character (U+0000) at character 3; of the control characters "
        "only tab and line ends are allowed")
    assert "lone surrogate U+DC80" in find_problem("x\udc80")
    assert check_text("tab\tnew\nline\r\n😀") == "tab\tnew\nline\r\n😀"


def test_record_problem_looks_at_every_field_and_nested_metadata() -> None:
    ok = ArticleRecord(text="Tekst.", metadata={"a": [1, {"b": "c"}], "n": 2.5})
    assert record_problem(ok) is None
    assert "the outlet" in record_problem(ArticleRecord(text="T", outlet="\x1b"))
    assert "'a'" in record_problem(ArticleRecord(text="T", metadata={"a": [{"k": "\x00"}]}))
    assert "NaN" in record_problem(ArticleRecord(text="T", metadata={"a": [math.nan]}))
    deep: list = []
    for _ in range(100):
        deep = [deep]
    assert "nested" in record_problem(ArticleRecord(text="T", metadata={"d": deep}))

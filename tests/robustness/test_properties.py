"""Property-based checks (Hypothesis) of the invariants the store promises."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator import commands
from annotator.core.model import ArticleRecord
from annotator.core.text import decode_bytes, normalise_newlines
from annotator.core.textcheck import find_problem
from annotator.project import Project

# any text the store takes: astral characters, combining marks, RTL, zero-width, tab and
# line ends (other control characters are refused at import: tests/robustness/test_hostile_*)
REFUSED = "".join(chr(c) for c in range(0xA0) if find_problem(chr(c)))
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=REFUSED),
                min_size=1, max_size=200)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, data=st.data())
def test_property_span_offsets_survive_the_store_for_any_text(text: str, data) -> None:
    text = normalise_newlines(text)
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "p.annotator"
        with Project.create(path) as p:
            art = p.import_records([ArticleRecord(text=text, ext_id="a")]).added[0]
            coder = p.ensure_coder("anna").id
            p.apply(commands.add_claim, art, coder, start, end)
        with Project.open(path) as p:
            (claim,) = p.claims()
            stored = p.article_text(art)
            assert stored == text
            assert stored[claim.start:claim.end] == text[start:end]


@settings(max_examples=60, deadline=None)
@given(text=texts)
def test_property_decoding_utf8_bytes_only_normalises_line_ends(text: str) -> None:
    if "\x00" in text:
        return
    try:
        got, _ = decode_bytes(text.encode("utf-8"), "x.txt")
    except Exception:
        return  # refused as binary (many control characters): a message, not a change
    assert got == normalise_newlines(text)

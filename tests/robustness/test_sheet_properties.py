"""Property-based checks (Hypothesis) of the coding sheet: for any article text and claim span,
the exported row holds exactly the span's text (after the visible, reported replacement of
characters XML forbids and the cut at Excel's cell limit) and its offsets; reading the untouched
sheet back changes nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator import commands
from annotator.core.model import ArticleRecord
from annotator.core.text import normalise_newlines
from annotator.core.textcheck import find_problem
from annotator.io.cells import as_in_sheet
from annotator.project import Project
from annotator.sheet.export import export_project
from annotator.sheet.readback import import_sheet

# what the store takes (no control characters but tab and line ends; see core.textcheck)
REFUSED = "".join(chr(c) for c in range(0xA0) if find_problem(chr(c)))
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=REFUSED),
                min_size=1, max_size=120)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, data=st.data())
def test_property_exported_claim_text_is_the_span_and_reads_back_unchanged(text: str,
                                                                            data) -> None:
    text = normalise_newlines(text)
    if not text.strip():
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    with tempfile.TemporaryDirectory() as d:
        path, out = Path(d) / "p.annotator", Path(d) / "sheet.xlsx"
        with Project.create(path) as p:
            art = p.import_records([ArticleRecord(text=text, ext_id="a", date="2024-01-02")]
                                   ).added[0]
            coder = p.ensure_coder("anna").id
            p.apply(commands.add_claim, art, coder, start, end,
                    values={"attribution": "direct", "certainty": "certain"}, note=text[:20])
            report = export_project(p, xlsx=out)
            rows = list(openpyxl.load_workbook(out)["Claims"].iter_rows(values_only=True))
            row = dict(zip(rows[0], rows[1], strict=True))
            assert (row["start"], row["end"]) == (start, end)
            expected = as_in_sheet(text[start:end])
            assert (row["claim_text"] or "") == expected
            if expected != text[start:end]:
                assert report.lines()  # the replacement is reported, never silent
            before = [(c.start, c.end, c.values, c.note) for c in p.claims()]
            result = import_sheet(p, out, "anna")
            assert result.changes == []
            assert [(c.start, c.end, c.values, c.note) for c in p.claims()] == before


astral = st.text(alphabet=st.sampled_from(["a", " ", "é", "\U0001F600", "\U00020000", "\n"]),
                 min_size=1, max_size=40)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(piece=astral, extra=st.integers(-40, 40))
def test_property_notes_near_the_cell_limit_fit_in_utf16_and_read_back_unchanged(
        piece: str, extra: int) -> None:
    """Issue 12.1: a note around 32,767 UTF-16 units (astral characters count two) is cut to
    fit, never by XlsxWriter silently, and the untouched sheet reads back unchanged."""
    from annotator.io.cells import CELL_LIMIT, utf16_length

    note = piece * ((CELL_LIMIT + extra) // utf16_length(piece))  # within a piece of the limit
    with tempfile.TemporaryDirectory() as d:
        path, out = Path(d) / "p.annotator", Path(d) / "sheet.xlsx"
        with Project.create(path) as p:
            art = p.import_records([ArticleRecord(text="She said so.", ext_id="a")]).added[0]
            p.apply(commands.add_claim, art, p.ensure_coder("anna").id, 0, 8, note=note)
            report = export_project(p, xlsx=out)
            rows = list(openpyxl.load_workbook(out, read_only=True)["Claims"].iter_rows(
                values_only=True))
            cell = dict(zip(rows[0], rows[1], strict=True))["note"] or ""
            assert utf16_length(cell) <= CELL_LIMIT
            assert cell == as_in_sheet(note)
            if utf16_length(note) > CELL_LIMIT:
                assert any("UTF-16" in n for n in report.notes)
            assert import_sheet(p, out, "anna").changes == []
            assert p.claims()[0].note == note

"""Issue 14: the editing session is plain Python. Compound edits, focus moves, linking a new
source to the focused claim, undo/redo and stale-edit detection, driven without Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.model import ArticleRecord
from annotator.editing.session import EditingSession
from annotator.project import Project

TEXT = "De burgemeester 😀 zegt dat de brug in 2027 klaar is. Volgens de provincie kost ze meer."


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.annotator"
    with Project.create(path, language="nl") as proj:
        proj.import_records([ArticleRecord(text=TEXT, ext_id="a1", title="Brug")])
    return path


def open_session(path: Path, coder: str = "anna") -> tuple[EditingSession, list[tuple]]:
    session = EditingSession()
    seen: list[tuple] = []
    for name in ("article_loaded", "state_changed", "focus_changed", "history_changed", "saved", "failed", "message"):
        session.events.connect(name, lambda *a, n=name: seen.append((n, *a)))
    session.set_project(Project.open(path), coder)
    session.load_article(session.project.articles()[0].id)
    return session, seen


def test_the_session_imports_no_qt() -> None:
    code = ("import sys, annotator.editing.session\n"
            "print(','.join(m for m in ('PySide6', 'shiboken6') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_a_new_source_becomes_the_focused_claims_source_in_one_undoable_step(study: Path) -> None:
    session, seen = open_session(study)
    claim_start = TEXT.index("de brug")
    session.make_claim(claim_start, TEXT.index(". Volgens"))
    assert session.focused_row() is not None and not session.focused_row().suggested
    session.make_source(0, len("De burgemeester"), "person")
    claims = session.project.claims(session.coder.id)
    sources = session.project.sources(session.coder.id)
    assert len(claims) == 1 and claims[0].source_id == sources[0].id
    assert session.history.count == 2 and session.history.undo_text == "Add source"
    assert any(e[0] == "saved" and "Add source" in e[1] for e in seen)
    session.undo()  # one step: the source and its link go together
    assert session.project.sources(session.coder.id) == []
    assert session.project.claims(session.coder.id)[0].source_id is None
    assert any(e[0] == "saved" and e[1].endswith("(Undo: Add source)") for e in seen)
    session.redo()
    assert session.project.claims(session.coder.id)[0].source_id is not None
    assert session.history.can_undo and not session.history.can_redo


def test_offsets_are_code_points_past_an_emoji(study: Path) -> None:
    session, _ = open_session(study)
    start = TEXT.index("zegt")
    session.make_cue(start, start + 4)
    cue = session.project.cues(session.coder.id)[0]
    assert TEXT[cue.start:cue.end] == "zegt"


def test_an_edit_on_a_claim_another_session_deleted_is_refused_and_leaves_history(study: Path) -> None:
    first, seen = open_session(study)
    first.make_claim(TEXT.index("de brug"), TEXT.index(". Volgens"))
    second, _ = open_session(study)
    second.set_focus(first.focus)
    second.delete_focused()
    first.set_claim_field("Change claim boundaries", start=TEXT.index("brug"))
    assert any(e[0] == "failed" and "NOT saved" in e[1] for e in seen)
    assert first.project.claims(first.coder.id) == []
    second.undo()  # the deletion is undone: the claim is back, unchanged by the refused edit
    assert [c.start for c in second.project.claims(second.coder.id)] == [TEXT.index("de brug")]


def test_undo_that_goes_back_to_another_article_announces_the_changed_coding(study: Path) -> None:
    session, seen = open_session(study)
    session.proj.import_records([ArticleRecord(text="Tweede artikel. Het gaat goed.",
                                               ext_id="a2", title="Twee")])
    first = session.article_id
    session.make_claim(TEXT.index("de brug"), TEXT.index(". Volgens"))
    session.load_article(next(a.id for a in session.proj.articles() if a.ext_id == "a2"))
    seen.clear()
    session.undo()
    names = [e[0] for e in seen]
    assert session.article_id == first and session.state.claims == []
    assert names.index("article_loaded") < names.index("state_changed")

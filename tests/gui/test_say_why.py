"""The coding window says why a suggestion was made: the rule, in the tooltips."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment

from annotator.core.rules import rule_label
from tests.gui.conftest import gold_payload, show_active


@pytest.fixture
def ruled_window(qtbot, user_data: Path):
    from annotator.gui.main_window import MainWindow
    from annotator.sample import build_sample_project, sample_project_path

    payload = gold_payload()
    for item in payload["claims"]:
        item["rule"] = "according_to"
    for item in payload["cues"]:
        item["rule"] = "according_to"
    path = sample_project_path()
    with build_sample_project(path, suggest=False) as project:
        project.save_suggestions(project.articles()[0].id, payload, "rules-test")
    w = MainWindow()
    qtbot.addWidget(w)
    show_active(qtbot, w)
    assert w.open_project(path, coder="anna")
    qtbot.waitUntil(lambda: w.session.state is not None)
    yield w
    w.close()


def test_say_why_claims_table_tooltip_names_the_rule(ruled_window) -> None:
    model = ruled_window.claims.model()
    html = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    tip = QTextDocumentFragment.fromHtml(html).toPlainText()  # tooltips are escaped HTML
    assert tip.startswith("Suggested: ")
    assert f"Why: {rule_label('according_to')}" in tip


def test_say_why_text_tooltip_names_the_rule_of_a_suggested_cue(ruled_window) -> None:
    view, state = ruled_window.view, ruled_window.session.state
    cue = next(m for m in state.marks if m.kind == "cue" and m.suggested)
    assert rule_label("according_to") in view.describe(cue)
    coder_mark_text = [view.describe(m) for m in state.marks if not m.suggested]
    assert not any("why:" in t for t in coder_mark_text)

"""A forced-blind article is recognisable (issue 12.11): View > Blind coding is ticked and
disabled with the reason, the empty claims table says why it is empty, Ctrl+B answers."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import show_active


def open_window(qtbot, path):
    from annotator.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    show_active(qtbot, w)
    assert w.open_project(path, coder="anna")
    qtbot.waitUntil(lambda: w.session.state is not None)
    return w


def test_forced_blind_article_is_ticked_disabled_and_explained(qtbot, sample_path):
    from annotator.project import Project

    with Project.open(sample_path) as p:
        p.set_require_blind([a.id for a in p.articles()])
    w = open_window(qtbot, sample_path)
    assert w.session.state.rows == []  # the suggestions are hidden
    act = w.blind_action
    assert act.isChecked() and not act.isEnabled()
    assert "required" in act.text() and "reliability sample" in act.toolTip()
    assert "reliability sample" in w.claims.empty_text
    w.statusBar().clearMessage()
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert "Blind coding is required" in w.statusBar().currentMessage()
    assert w.session.state.rows == []  # still blind
    w.close()


def test_ctrl_b_hides_suggestions_on_an_ordinary_article(qtbot, window):
    assert window.blind_action.isEnabled() and not window.blind_action.isChecked()
    assert window.session.state.rows and "No claims yet" in window.claims.empty_text
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.blind_action.isChecked() and window.session.state.rows == []
    assert "Blind coding is on" in window.claims.empty_text
    qtbot.keyClick(window.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.session.state.rows

"""Channels in the coding window: accepting a suggested claim brings its channel, and clicking
a channel mark (op Twitter) makes it the focused claim's channel, never its source."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import reopen
from tests.gui.test_workspace import press, stored_claims

K = Qt.Key


def click_text(qtbot, window, offset: int) -> None:
    cursor = window.view.textCursor()
    cursor.setPosition(window.session.state.umap.to_utf16(offset))
    point = window.view.cursorRect(cursor).center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_accept_brings_the_suggested_channel(qtbot, window, sample_path):
    text = window.session.state.text
    window.session.set_focus(next(r.key for r in window.session.state.rows
                                  if r.start == text.index("Onze ambassade")))
    press(qtbot, window, K.Key_A)
    (claim,) = stored_claims(sample_path)
    with reopen(sample_path) as p:
        spans = {s.id: text[s.start:s.end] for s in p.sources(p.coder("anna").id)}
    assert spans[claim.channel_id] == "Twitter"
    assert spans[claim.source_id] == "de uittredende Amerikaanse president"
    window.session.set_focus(("claim", False, claim.id))
    assert window.detail.channel_combo.currentText().startswith("Twitter")


def test_clicking_a_suggested_channel_sets_the_channel_not_the_source(qtbot, window, sample_path):
    text = window.session.state.text
    window.view.select_codepoints(text.index("De aanval"), text.index(" maar niet"))
    press(qtbot, window, K.Key_C)
    click_text(qtbot, window, text.index("Twitter. De aanval") + 2)
    (claim,) = stored_claims(sample_path)
    assert claim.source_id is None and claim.channel_id is not None
    with reopen(sample_path) as p:
        (src,) = p.sources(p.coder("anna").id)
    assert (text[src.start:src.end], src.type) == ("Twitter", "social_media")
    assert window.session.history.undo_text == "Set channel"


def test_a_stray_click_keeps_the_source_and_ctrl_click_replaces_it(qtbot, window, sample_path):
    text = window.session.state.text
    window.session.set_focus(next(r.key for r in window.session.state.rows
                                  if r.start == text.index("Raad eens")))
    press(qtbot, window, K.Key_A)
    (claim,) = stored_claims(sample_path)
    window.session.set_focus(("claim", False, claim.id))
    click_text(qtbot, window, text.index("de uittredende") + 3)
    assert stored_claims(sample_path)[0].source_id == claim.source_id
    assert "Ctrl+click makes" in window.statusBar().currentMessage()
    cursor = window.view.textCursor()
    cursor.setPosition(window.session.state.umap.to_utf16(text.index("de uittredende") + 3))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, window.view.cursorRect(cursor).center())
    assert window.session.focused_row().source == "de uittredende Amerikaanse president"
    (after,) = stored_claims(sample_path)
    assert after.source_id != claim.source_id and after.channel_id == claim.channel_id

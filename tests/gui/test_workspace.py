"""The coding window driven as a coder would: keys, selections, undo, and what the file holds."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import reopen

K = Qt.Key


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, key, modifier)


def stored_claims(path):
    with reopen(path) as p:
        coder = p.coder("anna")
        return p.claims(coder_id=coder.id)


def test_workspace_opens_sample_with_sources_and_suggestions(window):
    state = window.session.state
    assert state.article.title == "Trump waarschuwt Iran"
    texts = {state.text[m.start:m.end]: m.type for m in state.marks if m.kind == "source"}
    for name, type_ in (("De Amerikaanse president Donald Trump", "person"),
                        ("Twitter", "social_media"), ("Persagentschap Reuters", "news_media"),
                        ("een anonieme bron", "anonymous"),
                        ("Amerikaanse veiligheidsdiensten", "institution")):
        assert texts[name] == type_
    assert all(r.status == "suggested" for r in state.rows)
    assert window.claims.model().rowCount() == len(state.rows) > 10
    assert window.article_list.progress_label.text() == "0 of 1 articles done"


def test_workspace_accept_key_saves_and_undo_redo_restore(qtbot, window, sample_path):
    first = window.session.focus  # an article opens on its first suggestion
    assert first == window.session.state.rows[0].key
    press(qtbot, window, K.Key_A)
    claims = stored_claims(sample_path)
    assert len(claims) == 1 and claims[0].origin == "accepted"
    assert claims[0].values == {"attribution": "indirect", "certainty": "certain"}
    assert window.undo_action.text() == "&Undo Accept suggestion"
    assert window.save_label.text().startswith("Saved")
    assert window.session.focused_row().suggested  # moved on to the next suggestion
    qtbot.keyClick(window, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_claims(sample_path) == []
    assert window.session.state.rows[0].suggested
    window.redo_action.trigger()
    assert len(stored_claims(sample_path)) == 1


def test_workspace_enter_accepts_and_delete_rejects(qtbot, window, sample_path):
    press(qtbot, window, K.Key_J)
    press(qtbot, window, K.Key_Return)
    assert len(stored_claims(sample_path)) == 1
    before = len(window.session.state.rows)
    focus = window.session.focus
    press(qtbot, window, K.Key_Delete)
    assert window.session.state.row(focus) is None
    assert len(window.session.state.rows) == before - 1
    with reopen(sample_path) as p:
        decisions = p.decisions(p.articles()[0].id, p.coder("anna").id)
    assert "rejected" in decisions.values()


def test_workspace_reject_key_and_navigation(qtbot, window):
    press(qtbot, window, K.Key_J)
    second = window.session.focus
    assert second == window.session.state.rows[1].key
    press(qtbot, window, K.Key_K)
    assert window.session.focus == window.session.state.rows[0].key
    press(qtbot, window, K.Key_N)
    assert window.session.focus == second
    press(qtbot, window, K.Key_R)
    assert window.session.state.row(second) is None


def test_workspace_select_text_make_claim_then_source_with_type_menu(qtbot, window, sample_path):
    text = window.session.state.text
    start = text.index("De aanval zorgde")
    end = text.index(" slachtoffers.") + len(" slachtoffers.")
    window.view.select_codepoints(start - 1, end + 1)  # sloppy: takes spaces along
    press(qtbot, window, K.Key_C)
    claim = stored_claims(sample_path)[0]
    assert (claim.start, claim.end) == (start, end) and claim.origin == "manual"
    s = text.index("Persagentschap Reuters")
    window.view.select_codepoints(s, s + len("Persagentschap Reuters"))
    press(qtbot, window, K.Key_S)
    menu = window.type_menu
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, K.Key_3)
    with reopen(sample_path) as p:
        coder = p.coder("anna")
        (source,) = p.sources(coder_id=coder.id)
        (claim,) = p.claims(coder_id=coder.id)
    assert source.type == "news_media" and claim.source_id == source.id
    assert window.undo_action.text() == "&Undo Add source"


def test_workspace_cue_and_channel_link_to_focused_claim(qtbot, window, sample_path):
    text = window.session.state.text
    window.view.select_codepoints(text.index("De aanval"), text.index(" maar niet"))
    press(qtbot, window, K.Key_C)
    a = text.index("aldus de uittredende")
    window.view.select_codepoints(a, a + 5)
    press(qtbot, window, K.Key_U)
    t = text.index("Twitter")
    window.view.select_codepoints(t, t + 7)
    press(qtbot, window, K.Key_H)
    qtbot.keyClick(window.type_menu, K.Key_4)
    (claim,) = stored_claims(sample_path)
    assert claim.cue_id is not None and claim.channel_id is not None


def test_workspace_detail_combos_link_source_and_channel(qtbot, window, sample_path):
    text = window.session.state.text
    window.view.select_codepoints(text.index("De aanval"), text.index(" maar niet"))
    press(qtbot, window, K.Key_C)
    t = text.index("Twitter")
    window.session.make_source(t, t + 7, "social_media")  # the focused claim's source
    (claim,) = stored_claims(sample_path)
    twitter = claim.source_id
    assert twitter is not None and claim.channel_id is None
    for box, want in ((window.detail.channel_combo, (twitter, twitter)),
                      (window.detail.source_combo, (None, twitter))):
        index = box.findData(want[1]) if box is window.detail.channel_combo else 0
        box.setCurrentIndex(index)
        box.activated.emit(index)
        (claim,) = stored_claims(sample_path)
        assert (claim.source_id, claim.channel_id) == want
    assert window.undo_action.text() == "&Undo Link source to claim"
    window.undo_action.trigger()
    assert window.undo_action.text() == "&Undo Set channel"
    (claim,) = stored_claims(sample_path)
    assert (claim.source_id, claim.channel_id) == (twitter, twitter)


def test_workspace_number_keys_set_focused_variable(qtbot, window, sample_path):
    press(qtbot, window, K.Key_J)
    press(qtbot, window, K.Key_3)  # attribution: unattributed, accepting the suggestion
    (claim,) = stored_claims(sample_path)
    assert claim.values["attribution"] == "unattributed" and claim.origin == "edited"
    press(qtbot, window, K.Key_V)
    assert window.session.variable == "certainty"
    press(qtbot, window, K.Key_2)
    (claim,) = stored_claims(sample_path)
    assert claim.values["certainty"] == "probable"
    assert window.detail.var_boxes["certainty"].currentData() == "probable"


def test_workspace_nudge_claim_boundaries_word_by_word(qtbot, window, sample_path):
    row = window.session.focused_row()
    alt, shift = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
    press(qtbot, window, K.Key_Right, alt)
    (claim,) = stored_claims(sample_path)
    assert claim.start == row.start + len("hij ") and claim.end == row.end
    press(qtbot, window, K.Key_Left, alt | shift)
    (claim,) = stored_claims(sample_path)
    assert window.session.state.text[claim.start:claim.end].endswith("tegen Amerikanen in")
    press(qtbot, window, K.Key_Left, alt)
    (claim,) = stored_claims(sample_path)
    assert claim.start == row.start


def test_workspace_click_source_links_it_to_focused_claim(qtbot, window, sample_path):
    text = window.session.state.text
    window.view.select_codepoints(text.index("De aanval"), text.index(" maar niet"))
    press(qtbot, window, K.Key_C)
    pos = window.session.state.umap.to_utf16(text.index("de uittredende") + 3)
    cursor = window.view.textCursor()
    cursor.setPosition(pos)
    point = window.view.cursorRect(cursor).center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    (claim,) = stored_claims(sample_path)
    assert claim.source_id is not None
    assert window.session.focused_row().source == "de uittredende Amerikaanse president"


def test_workspace_ctrl_d_marks_done_and_progress_updates(qtbot, window, sample_path):
    with qtbot.waitSignal(window.session.message) as said:
        qtbot.keyClick(window, K.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "Ctrl+D again reopens" in said.args[0]
    # the sample's suggestions are all pending: a warning that stays says so
    assert "suggestion(s) left unreviewed" in window.warning_label.text()
    assert window.article_list.progress_label.text() == "1 of 1 articles done"
    with reopen(sample_path) as p:
        assert p.statuses(p.coder("anna").id)[p.articles()[0].id][0] == "done"
    qtbot.keyClick(window, K.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.article_list.progress_label.text() == "0 of 1 articles done"


def test_workspace_reopen_shows_the_same_state(qtbot, window, sample_path):
    press(qtbot, window, K.Key_J)
    press(qtbot, window, K.Key_A)
    press(qtbot, window, K.Key_R)
    rows = [(r.key, r.status, r.values) for r in window.session.state.rows]
    window.close()
    from annotator.gui.main_window import MainWindow

    again = MainWindow()
    qtbot.addWidget(again)
    assert again.open_project(sample_path, coder="anna")
    assert [(r.key, r.status, r.values) for r in again.session.state.rows] == rows
    again.close()


def test_workspace_blind_mode_hides_suggestions(qtbot, window, sample_path):
    window.blind_action.setChecked(True)
    assert window.session.state.rows == [] and window.claims.model().rowCount() == 0
    assert not any(m.suggested for m in window.session.state.marks)
    window.blind_action.setChecked(False)
    assert window.session.state.rows


def test_workspace_require_blind_is_forced(qtbot, sample_path, user_data):
    from annotator.gui.main_window import MainWindow

    with reopen(sample_path) as p:
        p.set_require_blind([a.id for a in p.articles()])
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_project(sample_path, coder="bert")
    assert w.session.state.blind and w.session.state.rows == []
    assert "blind" in w.detail.status_label.text()
    w.close()


def test_workspace_failed_write_is_shown_not_saved(qtbot, window, sample_path):
    sample_path.rename(sample_path.with_name("moved.annotator"))
    press(qtbot, window, K.Key_J)
    press(qtbot, window, K.Key_A)
    assert window.save_label.text().startswith("NOT saved")
    assert "moved, renamed or deleted" in window.last_error
    assert window.session.history.count == 0


def test_workspace_find_and_zoom(qtbot, window):
    qtbot.keyClick(window, K.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    window.find_bar.edit.setText("Reuters")
    qtbot.keyClick(window.find_bar.edit, K.Key_Return)
    assert window.view.textCursor().selectedText() == "Reuters"
    size = window.view.font().pointSizeF()
    window.zoom(1)
    assert window.view.font().pointSizeF() > size

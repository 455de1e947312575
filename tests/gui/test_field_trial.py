"""What new users' field trial found in the coding window: where a selected claim lands in the
text, a pending suggestion's source in the editor, the article header, and the columns at
1366x768."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel


def pick_claim_row(window, row: int) -> None:
    """Select a row of the claims table as a click does (the table announces it)."""
    table = window.claims
    table.selectionModel().setCurrentIndex(
        table.claims.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)


def claim_rows_on_screen(window, row=None) -> tuple[int, int, int]:
    """A claim's (default: the focused one's) top and bottom in the text view, and the view's
    height, in pixels."""
    view = window.view
    row = row or window.session.focused_row()
    u = window.session.state.umap
    top, bottom = _rows(view, u.to_utf16(row.start), u.to_utf16(row.end))
    return top, bottom, view.viewport().height()


def test_selected_claim_is_centred_not_at_the_top_edge(qtbot, window):
    window.resize(1366, 600)
    qtbot.wait(50)
    line = window.view.fontMetrics().lineSpacing()
    bar = window.view.verticalScrollBar()
    rows = window.claims.claims.rows
    far = max(range(len(rows)), key=lambda i: rows[i].start)  # the last claim in the text
    near = min(range(len(rows)), key=lambda i: rows[i].start)
    for row in (far, near, far):  # down the text and back up: each time it is centred
        pick_claim_row(window, row)
        qtbot.wait(20)
        top, bottom, room = claim_rows_on_screen(window)
        assert top >= 3 * line or bar.value() == 0, (top, line)
        assert bottom <= room - 3 * line or bar.value() == bar.maximum(), (bottom, room)
        if bar.value() not in (0, bar.maximum()):
            assert abs((top + bottom) / 2 - room / 2) <= 2 * line, (top, bottom, room)


def test_a_claim_already_on_screen_does_not_make_the_text_jump(qtbot, window):
    window.resize(1366, 600)
    rows = window.claims.claims.rows
    order = sorted(range(len(rows)), key=lambda i: rows[i].start)
    middle = order[len(order) // 2]
    pick_claim_row(window, middle)
    qtbot.wait(20)
    bar = window.view.verticalScrollBar()
    before = bar.value()
    line = window.view.fontMetrics().lineSpacing()

    def comfortably_shown(i: int) -> bool:
        top, bottom, room = claim_rows_on_screen(window, rows[i])
        return top >= 3 * line and bottom <= room - 3 * line

    neighbour = next(i for i in order if i != middle and comfortably_shown(i))
    pick_claim_row(window, neighbour)
    qtbot.wait(20)
    assert window.session.focused_row().key == rows[neighbour].key
    assert bar.value() == before


def _rows(view, s16: int, e16: int) -> tuple[int, int]:
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(s16)
    top = view.cursorRect(cursor).top()
    cursor.setPosition(e16)
    return top, view.cursorRect(cursor).bottom()


def _fits(table, col: int, texts) -> bool:
    widest = max(table.fontMetrics().horizontalAdvance(t) for t in texts)
    return table.horizontalHeader().sectionSize(col) >= widest + 8


def _no_scrolling(table) -> bool:
    head = table.horizontalHeader()
    shown = sum(head.sectionSize(i) for i in range(head.count()) if not head.isSectionHidden(i))
    return shown <= table.viewport().width() and table.horizontalScrollBar().maximum() == 0


def test_columns_fit_a_1366x768_window_with_a_large_desktop_font(qtbot, sample_path):
    """The article list's Status and the claims table's Status (and codes) show whole, and
    neither table scrolls sideways, at 1366x768; also with an 11 pt desktop font."""
    from PySide6.QtWidgets import QApplication

    from annotator.gui.article_list import STATUS_LABELS
    from annotator.gui.claims_panel import ROW_STATUSES
    from annotator.gui.main_window import MainWindow
    from tests.gui.conftest import show_active

    app = QApplication.instance()
    normal = app.font()
    for points in (normal.pointSizeF(), 11.0):
        font = app.font()
        font.setPointSizeF(points)
        app.setFont(font)
        try:
            w = MainWindow()
            qtbot.addWidget(w)
            w.resize(1366, 768)
            show_active(qtbot, w)
            assert w.open_project(sample_path, coder="anna")
            qtbot.waitUntil(lambda w=w: w.session.state is not None)
            articles, claims = w.article_list.table, w.claims
            assert _fits(articles, 3, STATUS_LABELS.values()), points
            assert _no_scrolling(articles), points
            heads = claims.claims.headers()
            assert _fits(claims, len(heads) - 1, ROW_STATUSES), points
            assert _fits(claims, heads.index("Attribution"), ["Unattributed"]), points
            assert _no_scrolling(claims), points
            w.close()
        finally:
            app.setFont(normal)


def test_editor_shows_a_pending_suggestions_source_marked_as_suggested(qtbot, window):
    session, detail = window.session, window.detail
    rows = [r for r in session.state.rows if r.suggested and r.is_claim and r.source]
    row = rows[0]
    session.set_focus(row.key)
    shown = detail.source_combo.currentText()
    assert shown.startswith("suggested: ") and " ".join(row.source.split()) in shown
    kind = detail.sources.sources.type_labels[row.source_type]
    assert shown.endswith(f"({kind})")  # the suggested type's label
    assert not detail.source_combo.isEnabled()  # accepting brings it along
    channelled = [r for r in session.state.rows if r.suggested and r.is_claim
                  and session.state.suggested_channel(r.key)]
    assert channelled  # the sample's "aldus ... op Twitter"
    session.set_focus(channelled[0].key)
    assert detail.channel_combo.currentText() == \
        f"suggested: {session.state.suggested_channel(channelled[0].key)}"
    session.set_focus(row.key)
    session.accept()
    accepted = next(r for r in session.state.rows
                    if not r.suggested and (r.start, r.end) == (row.start, row.end))
    session.set_focus(accepted.key)  # accepting moved on to the next suggestion
    assert detail.source_combo.isEnabled() and accepted.source_id is not None
    assert detail.source_combo.currentData() == accepted.source_id
    assert not detail.source_combo.currentText().startswith("suggested")


def test_article_header_and_tooltip_have_no_stray_dot(qtbot, window):
    from PySide6.QtCore import Qt

    from annotator.core.model import ArticleRecord

    project = window.session.project
    project.import_records([
        ArticleRecord(text="De minister zei dat het goed gaat.", ext_id="x1", title="Kaal"),
        ArticleRecord(text="De burgemeester zei dat het regent.", ext_id="x2", title="Met krant",
                      outlet="NRC")])
    window.refresh_articles(reread=True)
    model = window.article_list.model
    seen = {}
    for ext in ("x1", "x2"):
        art = next(a for a in project.articles() if a.ext_id == ext)
        window.session.load_article(art.id)
        qtbot.waitUntil(lambda art=art: window.session.state.article.id == art.id)
        tip = model.data(model.index(model.row_of(art.id), 0), Qt.ItemDataRole.ToolTipRole)
        seen[ext] = (window.article_title.text(), tip)
    assert seen["x1"][0] == "Kaal"
    assert seen["x2"][0] == "Met krant · NRC"
    assert "\nid x1" in seen["x1"][1] and "\nNRC · id x2" in seen["x2"][1]
    assert not any(text.strip().endswith("·") or "·  ·" in text or "\n ·" in text
                   for pair in seen.values() for text in pair)


def test_claim_end_moves_with_alt_comma_and_period_as_with_alt_shift_arrows(qtbot, window):
    """Alt+Shift+arrows may never reach the window (layout switching, window moves on Linux
    desktops): Alt+, and Alt+. move the claim's end as well; the old keys still work."""
    from PySide6.QtCore import Qt

    from tests.gui.test_workspace import press, stored_claims

    key, alt, shift = Qt.Key, Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
    row = window.session.focused_row()
    path = window.session.project.path
    press(qtbot, window, key.Key_Comma, alt)
    (claim,) = stored_claims(path)
    text = window.session.state.text
    assert claim.start == row.start and text[claim.start:claim.end].endswith("Amerikanen in")
    press(qtbot, window, key.Key_Comma, alt)
    (claim,) = stored_claims(path)
    assert text[claim.start:claim.end].endswith("tegen Amerikanen")
    press(qtbot, window, key.Key_Period, alt)
    (claim,) = stored_claims(path)
    assert text[claim.start:claim.end].endswith("Amerikanen in")
    press(qtbot, window, key.Key_Right, alt | shift)
    (claim,) = stored_claims(path)
    assert claim.end == row.end
    guide_keys = {seq.toString() for seq in window.code_actions["end_left"].shortcuts()}
    assert guide_keys == {"Alt+Shift+Left", "Alt+,"}


def test_a_direct_claim_without_a_source_is_marked_until_its_source_is_linked(qtbot, window):
    """The codebook says direct and indirect claims have a source: the claims table marks one
    without, the editor and the status bar say so, and the coding goes on (nothing refused)."""
    from PySide6.QtCore import Qt

    from tests.gui.test_workspace import press, stored_claims

    K = Qt.Key
    path = window.session.project.path
    text = window.session.state.text
    start = text.index("De aanval zorgde")
    end = text.index(" slachtoffers.") + len(" slachtoffers.")
    window.view.select_codepoints(start, end)
    press(qtbot, window, K.Key_C)
    window.session.set_variable("attribution")
    press(qtbot, window, K.Key_1)  # Direct
    (claim,) = stored_claims(path)
    assert claim.values["attribution"] == "direct" and claim.source_id is None

    def source_cell() -> tuple[str, str]:
        model = window.claims.claims
        row = model.row_of(window.session.focus)
        index = model.index(row, 1)
        return index.data(), index.data(Qt.ItemDataRole.ToolTipRole) or ""

    shown, tip = source_cell()
    assert shown == "\u26a0 no source" and "linked to no source" in tip
    assert "coded direct or indirect, yet linked to no source" in window.detail.claim_text.text()
    assert "1 claim(s) coded direct or indirect, yet linked to no source" in \
        window.warning_label.text()
    s = text.index("Persagentschap Reuters")
    window.view.select_codepoints(s, s + len("Persagentschap Reuters"))
    press(qtbot, window, K.Key_S)
    qtbot.waitUntil(window.type_menu.isVisible)
    qtbot.keyClick(window.type_menu, K.Key_3)
    (claim,) = stored_claims(path)
    assert claim.source_id is not None
    shown, _ = source_cell()
    assert shown == "Persagentschap Reuters"
    assert "no source" not in window.detail.claim_text.text()
    assert "no source" not in window.warning_label.text()


def test_a_long_suggested_source_does_not_widen_the_editor(qtbot, window):
    """The source drop-down is as wide as the form, not as its longest name: showing a
    suggestion's long source must not push the panel wider and squeeze the text."""
    session, detail = window.session, window.detail
    longest = max((r for r in session.state.rows if r.suggested and r.source),
                  key=lambda r: len(r.source))
    assert len(longest.source) > 30  # "De Amerikaanse president Donald Trump"
    session.set_focus(longest.key)
    assert longest.source in detail.source_combo.currentText()
    assert longest.source in detail.source_combo.toolTip()
    box = detail.source_combo  # the window opened on the first suggestion, a long source
    assert box.sizeHint().width() < box.fontMetrics().horizontalAdvance(box.currentText())


def test_the_article_text_keeps_a_fair_share_of_a_small_window(qtbot, window):
    # a 1366x768 screen: fixed pane sizes meant for 1500 pixels left the text 390 of 1297
    from annotator.gui.main_window import MainWindow

    small = MainWindow()
    qtbot.addWidget(small)
    small.resize(1297, 705)
    small.show()
    qtbot.waitUntil(lambda: sum(small.centralWidget().sizes()) > 0)
    listing, text, right = small.centralWidget().sizes()
    assert text >= 0.4 * (listing + text + right) and listing < text
    small.close()


def test_a_coder_name_in_another_case_opens_the_existing_coder(qtbot, window, sample_path):
    from annotator.gui.main_window import MainWindow
    from tests.gui.conftest import show_active

    known = [c.name for c in window.project.coders()]
    assert "anna" in known
    window.close()
    other = MainWindow()
    qtbot.addWidget(other)
    show_active(qtbot, other)
    assert other.open_project(sample_path, coder=" Anna ")
    assert other.session.coder.name == "anna"
    assert [c.name for c in other.project.coders()] == known  # no second, empty coder
    other.close()


"""What the field test found in the coding window (issue 12.13): warnings that stay, the
article list's order, the status bar's words, undo and redo labels, the codebook editor's
columns and a coding guide made from the window's own actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from annotator.core.model import ArticleRecord


def first_own_claim(window):
    session = window.session
    session.accept()
    claim = next(c for c in session.project.claims(coder_id=session.coder.id)
                 if c.source_id is not None)
    session.set_focus(("claim", False, claim.id))
    return claim


def test_done_with_unreviewed_suggestions_warning_stays(window):
    session = window.session
    pending = sum(1 for r in session.state.rows if r.suggested)
    session.toggle_done()
    label = window.warning_label
    assert not label.isHidden()
    assert f"Marked done with {pending} suggestion(s) left unreviewed" in label.text()
    window.statusBar().showMessage("something else")  # the message that used to cover it
    session.step_focus(1)
    assert not label.isHidden() and "left unreviewed" in label.text()
    session.toggle_done()  # reopened: nothing to warn about
    assert label.isHidden()


def test_unattributed_claim_with_a_source_warns(window):
    claim = first_own_claim(window)
    window.session.set_value("attribution", "unattributed")
    stored = next(c for c in window.session.project.claims() if c.id == claim.id)
    assert stored.values["attribution"] == "unattributed"  # allowed: a warning, not a refusal
    assert "1 claim(s) coded unattributed, yet linked to a source" in window.warning_label.text()
    assert "\u26a0 coded unattributed, yet linked to a source" in window.detail.claim_text.text()
    window.session.set_value("attribution", "direct")
    assert window.warning_label.isHidden()


def test_article_list_sorted_by_date_then_title_ignoring_case(window):
    project = window.session.project
    project.import_records([
        ArticleRecord(text="Tekst een.", ext_id="b", title="beta", date="2024-01-02"),
        ArticleRecord(text="Tekst twee.", ext_id="a", title="Alpha", date="2024-01-02"),
        ArticleRecord(text="Tekst drie.", ext_id="z", title="zulu", date="2023-05-01"),
        ArticleRecord(text="Tekst vier.", ext_id="u", title="aap"),
    ])
    window.refresh_articles(reread=True)
    proxy = window.article_list.proxy
    titles = [proxy.index(r, 0).data().split("\n")[0] for r in range(proxy.rowCount())]
    mine = [t for t in titles if t in {"beta", "Alpha", "zulu", "aap"}]
    assert mine == ["zulu", "Alpha", "beta", "aap"]  # oldest first, undated last
    head = window.article_list.table.horizontalHeader()
    assert head.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


def test_status_bar_says_saved_only_after_an_edit(window):
    assert "Saved" not in window.save_label.text()
    window.session.accept()
    assert window.save_label.text().startswith("Saved ")


def test_undo_and_redo_say_which_they_did(window):
    text = window.session.state.text
    start = text.index("Persagentschap Reuters")
    window.session.set_focus(None)
    window.session.make_source(start, start + len("Persagentschap Reuters"), "news_media")
    window.undo_action.trigger()
    assert "Undo: Add source" in window.save_label.text()
    window.redo_action.trigger()
    assert "Redo: Add source" in window.save_label.text()
    assert "Undo/redo" not in window.save_label.text()


def test_codebook_editor_shows_whole_value_names(qtbot, window):
    from annotator.gui.codebook_editor import CodebookEditor

    dlg = CodebookEditor(window.session.project, window)
    qtbot.addWidget(dlg)
    dlg.show()
    tree = dlg.tree
    metrics = tree.fontMetrics()
    for i in range(tree.topLevelItemCount()):
        var = tree.topLevelItem(i)
        for item in [var] + [var.child(j) for j in range(var.childCount())]:
            depth = 2 if item.parent() else 1  # root decoration, then one level per parent
            needed = depth * tree.indentation() + metrics.horizontalAdvance(item.text(0))
            assert tree.columnWidth(0) >= needed, item.text(0)
    dlg.close()


def test_coding_guide_lists_every_key_the_window_has(window):
    window.show_help()
    guide = window.help_dialog.browser.toPlainText()
    assert guide.startswith("Coding guide: ")
    for key in ("Ctrl+Z", "Ctrl+B", "Ctrl+PgUp", "Ctrl+PgDown", "Shift+J", "Ctrl+D", "F1",
                "Alt+Shift+Left", "Ctrl+F", "Escape", "Enter", "Delete", "1 … 9"):
        assert key in guide, key
    for menu_action in window.menuBar().actions():
        for act in menu_action.menu().actions():
            for seq in act.shortcuts():
                assert seq.toString(QKeySequence.SequenceFormat.NativeText) in guide
    rows = window.key_rows()
    keys_of_actions = {seq.toString(QKeySequence.SequenceFormat.NativeText)
                       for m in window.menuBar().actions() for a in m.menu().actions()
                       for seq in a.shortcuts()}
    from annotator.gui.dialogs import GESTURES

    for keys, _ in rows:  # nothing in the table that the window does not do
        assert (keys, _) in GESTURES or keys == "1 … 9" or set(keys.split(", ")) <= \
            keys_of_actions


def test_legend_grows_for_long_codebook_labels(qtbot):
    from annotator.gui.legend import Legend

    legend = Legend()
    qtbot.addWidget(legend)
    legend.resize(400, 10)
    legend.set_types({f"t{i}": f"A rather long source type label {i}" for i in range(6)})
    legend.show()
    qtbot.waitUntil(legend.isVisible)
    lines = legend._lines(legend.width())
    assert lines >= 6
    assert legend.height() >= lines * legend.fontMetrics().height()

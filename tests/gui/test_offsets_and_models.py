"""UTF-16 (Qt) versus code points (store) with emoji; model checks; dialogs around the work."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from annotator.core.model import ArticleRecord
from tests.gui.conftest import reopen, show_active

EMOJI_TEXT = ("🎉🎉 Intro 🇳🇱 line.\n"
              "Volgens 😀 de woordvoerder is het 🚀 plan 👍🏽 mislukt, aldus de krant.\n"
              "Slot 🙂.")


@pytest.fixture
def emoji_window(qtbot, user_data, tmp_path):
    from annotator.gui.main_window import MainWindow
    from annotator.project import Project

    path = tmp_path / "emoji.annotator"
    with Project.create(path) as p:
        p.import_records([ArticleRecord(text=EMOJI_TEXT, ext_id="e1", title="Emoji")])
        aid = p.articles()[0].id
        s = EMOJI_TEXT.index("het 🚀")
        e = EMOJI_TEXT.index(", aldus")
        src = EMOJI_TEXT.index("de woordvoerder")
        p.save_suggestions(aid, {"sources": [{"start": src, "end": src + 15, "type": "person"}],
                                 "cues": [], "claims": [{"start": s, "end": e, "source": 0,
                                                         "attribution": "indirect",
                                                         "certainty": "certain"}]}, "test")
    w = MainWindow()
    qtbot.addWidget(w)
    show_active(qtbot, w)
    assert w.open_project(path, coder="anna")
    yield w, path
    w.close()


def select_with_qt(view, needle: str) -> None:
    """Select as Qt finds it: positions in UTF-16, computed by Qt, not by our map."""
    cursor = view.document().find(needle, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not cursor.isNull()
    view.setTextCursor(cursor)


def test_offsets_claim_made_after_emoji_is_stored_in_code_points(qtbot, emoji_window):
    w, path = emoji_window
    select_with_qt(w.view, "het 🚀 plan 👍🏽 mislukt")
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_C)
    with reopen(path) as p:
        (claim,) = p.claims()
    assert EMOJI_TEXT[claim.start:claim.end] == "het 🚀 plan 👍🏽 mislukt"


def test_offsets_suggestion_highlight_and_focus_cover_the_right_text(qtbot, emoji_window):
    w, _ = emoji_window
    qtbot.keyClick(w.view, Qt.Key.Key_J)
    (sel,) = w.view.extraSelections()
    assert sel.cursor.selectedText() == "het 🚀 plan 👍🏽 mislukt"
    block = w.view.document().findBlockByNumber(1)
    formats = block.layout().formats()
    bpos = block.position()
    # format ranges are UTF-16: read them back through Qt's own cursor, not Python slicing
    cursor = w.view.textCursor()
    found = []
    for f in formats:
        cursor.setPosition(bpos + f.start)
        cursor.setPosition(bpos + f.start + f.length, cursor.MoveMode.KeepAnchor)
        found.append(cursor.selectedText())
    assert "de woordvoerder" in found and "het 🚀 plan 👍🏽 mislukt" in found


def test_offsets_nudge_over_emoji_and_accept(qtbot, emoji_window):
    w, path = emoji_window
    qtbot.keyClick(w.view, Qt.Key.Key_J)
    qtbot.keyClick(w.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    with reopen(path) as p:
        (claim,) = p.claims()
    assert EMOJI_TEXT[claim.start:claim.end].startswith("🚀 plan")
    (sel,) = w.view.extraSelections()
    assert sel.cursor.selectedText().startswith("🚀 plan")


def test_models_pass_qtmodeltester(qtmodeltester, window):
    qtmodeltester.check(window.article_list.model)
    qtmodeltester.check(window.article_list.proxy)
    qtmodeltester.check(window.claims.claims)
    window.session.accept(window.session.state.rows[0].key)
    qtmodeltester.check(window.detail.sources.sources)


def test_article_list_filters_by_search_and_status(qtbot, window):
    panel = window.article_list
    panel.search.setText("iran")
    assert panel.proxy.rowCount() == 1
    panel.search.setText("nothing-like-this")
    assert panel.proxy.rowCount() == 0
    panel.search.clear()
    panel.status.setCurrentIndex(panel.status.findData("done"))
    assert panel.proxy.rowCount() == 0
    window.toggle_done()
    assert panel.proxy.rowCount() == 1


def test_claims_table_selecting_a_row_focuses_and_sorting_works(qtbot, qtmodeltester, window):
    table = window.claims
    index = table.claims.index(3, 0)
    table.setCurrentIndex(index)
    row = window.session.focused_row()
    assert row.key == window.session.state.rows[3].key
    assert window.view.extraSelections()[0].cursor.selectedText() == row.text
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    sources = [table.claims.index(i, 1).data().lower() for i in range(table.claims.rowCount())]
    assert sources == sorted(sources)
    assert table.currentIndex().data(Qt.ItemDataRole.UserRole) == row.key  # selection kept
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    window.session.accept(row.key)
    qtmodeltester.check(table.claims)


def test_sources_panel_sets_canonical_name_undoably(qtbot, window, sample_path):
    for _ in range(3):
        window.session.accept(window.session.state.rows[0].key)
    model = window.detail.sources.sources
    model.setData(model.index(0, 2), "Donald Trump")
    qtbot.waitUntil(lambda: window.session.state.sources[
        model.rows[0][0].id].canonical == "Donald Trump")
    assert window.undo_action.text() == "&Undo Change source canonical"
    with reopen(sample_path) as p:
        assert "Donald Trump" in {s.canonical for s in p.sources()}


def test_import_articles_reports_skipped_files(qtbot, window, tmp_path):
    good = tmp_path / "new.txt"
    good.write_text("Een nieuw artikel.\nDe minister zegt dat het goed gaat.", encoding="utf-8")
    bad = tmp_path / "image.png"
    bad.write_bytes(b"\x89PNG\x00\x00")
    text = window.import_articles([good, bad])
    assert "Imported 1 article(s); skipped 1" in text and "image.png" in text
    assert window.article_list.model.rowCount() == 2
    assert window.import_report.text() == text


def test_codebook_editor_refuses_orphaning_rename(qtbot, window):
    from annotator.gui.codebook_editor import CodebookEditor

    window.session.accept(window.session.state.rows[0].key)
    dlg = CodebookEditor(window.session.project, window)
    qtbot.addWidget(dlg)
    item = dlg.tree.topLevelItem(1)  # attribution
    dlg.tree.setCurrentItem(item)
    dlg.var_form.widgets["name"].setText("attrib")
    dlg._form_changed()
    assert not dlg.save()
    assert "orphan" in dlg.problem.text()
    assert window.session.project.codebook.variable("attribution") is not None


def test_codebook_editor_adds_a_variable_and_the_editor_shows_it(qtbot, window):
    from annotator.gui.codebook_editor import CodebookEditor

    dlg = CodebookEditor(window.session.project, window)
    qtbot.addWidget(dlg)
    dlg.add_variable()
    dlg.add_value()
    dlg.add_value()
    dlg.tree.setCurrentItem(dlg.tree.topLevelItem(3))
    dlg.move_item(-1)
    with qtbot.waitSignal(dlg.accepted):
        dlg.accepted.connect(window.session.projectChanged.emit)
        assert dlg.save()
    assert [v.name for v in window.session.project.codebook.variables][2] == "variable_4"
    assert "variable_4" in window.detail.var_boxes


def test_help_page_renders_the_codebook(qtbot, window):
    window.show_help()
    text = window.help_dialog.browser.toPlainText()
    assert "Certainty" in text and "Het is niet duidelijk" not in text
    assert "Explicitly unknown or unresolved" in text


def test_preannotate_runs_in_background_with_progress(qtbot, window, monkeypatch):
    from annotator.project import Project

    def fake(self, article_ids=None, *, again=False, progress=None, batch_size=32,
             should_stop=None):
        for i in range(3):
            if should_stop and should_stop():
                return i
            progress(i + 1, 3)
        return 3

    monkeypatch.setattr(Project, "suggest_articles", fake)
    with qtbot.waitSignal(window.suggestFinished, timeout=10000) as blocker:
        window.start_suggest()
    assert blocker.args == [3, ""]
    qtbot.waitUntil(lambda: window.worker is None)
    assert window.job_bar.isHidden()


def test_preannotate_reports_a_missing_pipeline(qtbot, window, monkeypatch):
    from annotator.project import Project

    def missing(self, *a, **k):
        raise ImportError("no module named annotator.nlp.suggest")

    monkeypatch.setattr(Project, "suggest_articles", missing)
    with qtbot.waitSignal(window.suggestFinished, timeout=10000) as blocker:
        window.start_suggest()
    assert "not available" in blocker.args[1]


def test_recent_projects_and_coder_are_remembered(qtbot, window, sample_path: Path):
    from annotator.gui import settings

    assert settings.remembered_coder() == "anna"
    assert sample_path.resolve() in [p.resolve() for p in settings.recent_projects()]
    assert not window.recent_menu.isEmpty()


def test_article_view_formats_blocks_as_they_scroll_into_view(qtbot, user_data, tmp_path):
    from annotator.gui.main_window import MainWindow
    from annotator.project import Project

    text = "\n".join(f"Alinea {i}: de minister zegt dat het goed gaat." for i in range(400))
    path = tmp_path / "long.annotator"
    last = text.rindex("de minister")
    with Project.create(path) as p:
        p.import_records([ArticleRecord(text=text, ext_id="long", title="Long")])
        p.save_suggestions(p.articles()[0].id, {"sources": [
            {"start": 11, "end": 22, "type": "person"},
            {"start": last, "end": last + 11, "type": "person"}], "cues": [], "claims": []},
            "test")
    w = MainWindow()
    qtbot.addWidget(w)
    show_active(qtbot, w)
    assert w.open_project(path, coder="anna")
    doc = w.view.document()
    assert doc.firstBlock().layout().formats()  # on screen: formatted
    assert not doc.lastBlock().layout().formats()  # far below: not yet
    w.view.verticalScrollBar().setValue(w.view.verticalScrollBar().maximum())
    assert doc.lastBlock().layout().formats()
    w.close()


def test_preannotate_with_nothing_left_says_how_to_redo_and_again_redoes(qtbot, window):
    """The sample is already pre-annotated: a second run says so (not "0 article(s)"), and
    Project > Pre-annotate again runs the real pipeline over every article."""
    with qtbot.waitSignal(window.suggestFinished, timeout=60000) as blocker:
        window.start_suggest()
    assert blocker.args == [0, ""]
    assert "Pre-annotate again" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.worker is None)
    with qtbot.waitSignal(window.suggestFinished, timeout=60000) as blocker:
        window.suggest_again_action.trigger()
    articles = len(window.session.project.articles())
    assert blocker.args == [articles, ""] and articles > 0
    assert window.statusBar().currentMessage() == f"Pre-annotated {articles} article(s)"
    assert window.suggest_again_action.isEnabled()


def _open_project_menu(qtbot, w) -> list:
    """Open the Project menu as a click on the menu bar would, and close it again."""
    menu = w.project_menu
    menu.popup(w.mapToGlobal(w.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    actions = [a for a in menu.actions() if not a.isSeparator()]
    menu.hide()
    return actions


def test_project_menu_needs_an_open_project(qtbot, user_data, sample_path):
    from annotator.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    show_active(qtbot, w)
    actions = _open_project_menu(qtbot, w)
    assert actions and not any(a.isEnabled() for a in actions)
    assert w.open_project(sample_path, coder="anna")
    assert all(a.isEnabled() for a in _open_project_menu(qtbot, w))
    w.close()

"""Where the keys go (issue 12.10): the text view has the focus when an article opens, so the
first J codes instead of typing into the search; Escape clears the search and returns to the
text with the open article still selected; J/K, Enter, Delete and the digits work wherever
the focus is, except in a text field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

K = Qt.Key


def key(qtbot, key_) -> None:
    """Press a key on whatever widget has the focus, as a coder's keyboard would."""
    qtbot.keyClick(QApplication.focusWidget(), key_)


def two_articles(window, tmp_path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Tweede artikel. De minister zegt dat alles goed gaat.", encoding="utf-8")
    window.import_articles([other])
    window.import_report.close()
    window.activateWindow()


def test_the_text_view_has_the_focus_when_the_project_opens(qtbot, window):
    assert QApplication.focusWidget() is window.view
    before = window.session.focus
    key(qtbot, K.Key_J)
    assert window.article_list.search.text() == ""
    assert window.session.focus != before  # J moved to the next claim


def test_escape_clears_the_search_and_keeps_the_open_article(qtbot, window, tmp_path):
    two_articles(window, tmp_path)
    opened = window.session.article_id
    window.article_list.search.setFocus()
    qtbot.keyClicks(window.article_list.search, "trump")
    assert window.article_list.proxy.rowCount() == 1
    key(qtbot, K.Key_Escape)
    panel = window.article_list
    assert panel.search.text() == "" and panel.proxy.rowCount() == 2
    assert QApplication.focusWidget() is window.view
    assert window.session.article_id == opened
    current = panel.table.currentIndex()
    assert current.isValid() and current.data(Qt.ItemDataRole.UserRole) == opened
    assert panel.table.selectionModel().isRowSelected(current.row(), current.parent())


def test_coding_keys_work_in_the_article_list_and_the_detail_editor(qtbot, window):
    session = window.session
    window.article_list.table.setFocus()
    start = session.focus
    key(qtbot, K.Key_J)
    assert session.focus != start
    key(qtbot, K.Key_K)
    assert session.focus == start
    key(qtbot, K.Key_Return)  # accepts the focused suggestion
    assert len(session.project.claims(coder_id=session.coder.id)) == 1
    claim = session.project.claims(coder_id=session.coder.id)[0]
    session.set_focus(("claim", False, claim.id))
    window.detail.source_combo.setFocus()
    key(qtbot, K.Key_2)  # the number keys' variable to the value on key 2
    var = session.project.codebook.variable(session.variable)
    value = next(v.code for v in var.values if v.shortcut == "2")
    assert session.project.claims(coder_id=session.coder.id)[0].values[var.name] == value
    key(qtbot, K.Key_Delete)
    assert session.project.claims(coder_id=session.coder.id) == []


def test_keys_type_in_a_text_field(qtbot, window):
    session = window.session
    session.accept()
    claim = session.project.claims(coder_id=session.coder.id)[0]
    session.set_focus(("claim", False, claim.id))
    note = window.detail.claim_note
    note.setFocus()
    focus = session.focus
    qtbot.keyClicks(note, "j4")
    key(qtbot, K.Key_Delete)
    assert note.text() == "j4" and session.focus == focus
    key(qtbot, K.Key_Return)  # finishes the note; does not accept or delete anything
    (after,) = session.project.claims(coder_id=session.coder.id)
    assert after.note == "j4" and after.values == claim.values


def test_escape_in_a_table_cell_editor_cancels_the_edit(qtbot, window):
    window.session.accept()  # the coder now has sources: the Sources tab lists them
    window.detail.setCurrentWidget(window.detail.sources)
    table = window.detail.sources
    index = table.model().index(0, 2)  # the canonical name, editable
    table.setCurrentIndex(index)
    table.edit(index)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not window.view
    qtbot.keyClicks(editor, "Someone")
    key(qtbot, K.Key_Escape)
    qtbot.wait(50)
    assert table.model().index(0, 2).data() == ""  # cancelled, nothing saved
    sources = window.session.project.sources(coder_id=window.session.coder.id)
    assert all(s.canonical is None for s in sources)

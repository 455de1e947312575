"""Flows around the coding: who codes, notes, export, undo across articles, tooltips."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from annotator.core.model import ArticleRecord
from tests.gui.conftest import reopen, show_active


def test_window_asks_the_coder_when_not_given(qtbot, sample_path, monkeypatch):
    from annotator.gui import dialogs, settings
    from annotator.gui.main_window import MainWindow

    asked = {}

    def fake_ask(parent, known, remembered):
        asked["remembered"] = remembered
        return "carla"

    monkeypatch.setattr(dialogs, "ask_coder", fake_ask)
    # carla is no coder of the sample yet: a new coder only when the user says so
    monkeypatch.setattr(dialogs, "confirm_new_coder",
                        lambda parent, name, known: asked.setdefault("new", name) == "carla")
    settings.remember_coder("bert")
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_project(sample_path)
    assert asked["remembered"] == "bert" and w.session.coder.name == "carla"
    assert asked["new"] == "carla"
    assert settings.remembered_coder() == "carla"
    w.close()


def test_window_a_new_coder_name_is_confirmed_or_asked_again(qtbot, sample_path, monkeypatch):
    from annotator.gui import dialogs
    from annotator.gui.main_window import MainWindow

    with reopen(sample_path) as p:
        p.ensure_coder("anna")
    answers, confirmed = ["Anna", "anna"], []
    monkeypatch.setattr(dialogs, "ask_coder", lambda *a: answers.pop(0))
    monkeypatch.setattr(dialogs, "confirm_new_coder",
                        lambda parent, name, known: confirmed.append(name) and False)
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_project(sample_path)  # "Anna": not added; asked again, "anna" exists
    assert confirmed == ["Anna"] and w.session.coder.name == "anna"
    assert [c.name for c in w.session.project.coders()] == ["anna"]
    question = dialogs.new_coder_question("Anna", ["anna", "bob"])
    assert "Did you mean “anna”?" in question and "Coders here: anna, bob." in question
    w.close()


def test_window_cancelled_coder_question_opens_nothing(qtbot, sample_path, monkeypatch):
    from annotator.gui import dialogs
    from annotator.gui.main_window import MainWindow

    monkeypatch.setattr(dialogs, "ask_coder", lambda *a: None)
    w = MainWindow()
    qtbot.addWidget(w)
    assert not w.open_project(sample_path)
    assert w.session.project is None


def test_window_claim_and_article_notes_are_saved(qtbot, window, sample_path):
    window.session.step_focus(1)
    window.session.accept()
    window.session.step_focus(-1)
    note = window.detail.claim_note
    note.setText("check the quote")
    note.editingFinished.emit()
    window.detail.article_note.setText("wire copy?")
    window.detail.article_note.editingFinished.emit()
    with reopen(sample_path) as p:
        coder = p.coder("anna")
        assert p.claims(coder_id=coder.id)[0].note == "check the quote"
        assert p.statuses(coder.id)[p.articles()[0].id][1] == "wire copy?"
    assert window.undo_action.text() == "&Undo Edit article note"


def test_window_undo_returns_to_the_article_it_changed(qtbot, window, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Tweede artikel. De minister zegt dat alles goed gaat.", encoding="utf-8")
    window.import_articles([other])
    first = window.session.article_id
    window.session.step_focus(1)
    window.session.accept()
    window.next_article()
    assert window.session.article_id != first
    window.undo_action.trigger()
    assert window.session.article_id == first
    assert all(r.suggested for r in window.session.state.rows)


def test_window_tooltip_names_the_mark(qtbot, window):
    view = window.view
    text = window.session.state.text
    pos = window.session.state.umap.to_utf16(text.index("Persagentschap Reuters") + 3)
    cursor = view.textCursor()
    cursor.setPosition(pos)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()  # on a small screen the mark may start below the fold
    point = view.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    view.viewportEvent(event)
    assert "Suggested source (News media): Persagentschap Reuters" in QToolTip.text()
    QToolTip.hideText()


def test_window_export_writes_the_coding_sheet(qtbot, window, tmp_path):
    window.session.step_focus(1)
    window.session.accept()
    target = tmp_path / "sheet.xlsx"
    assert window.export_sheet(target)
    assert target.exists() and "wrote" in window.export_report.text()


def test_window_exports_every_coders_work_or_one_coders_from_the_menu(qtbot, window, tmp_path,
                                                                       monkeypatch):
    """File > Export coding sheet offers what the CLI's --per-coder and --coder NAME give: with
    anna and bob on one article and no consensus, the analysis dataset leaves their claims
    out, every coder's work has both, and anna's only hers (here as SPSS files)."""
    import openpyxl
    import pyreadstat
    from PySide6.QtWidgets import QFileDialog

    from annotator import commands as C

    window.session.step_focus(1)
    window.session.accept()
    project = window.session.project
    bob = project.ensure_coder("bob")
    project.apply(C.add_claim, window.session.state.article.id, bob.id, 0, 10)
    answer: list[tuple[str, str]] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: answer.pop())

    def claim_coders(path: Path) -> set[str]:
        wb = openpyxl.load_workbook(path, read_only=True)
        return {row[4] for row in wb["Claims"].iter_rows(min_row=2, values_only=True)}

    answer.append((str(tmp_path / "every.xlsx"), "Excel workbook (*.xlsx)"))
    window.export_per_coder_action.trigger()
    assert claim_coders(tmp_path / "every.xlsx") == {"anna", "bob"}
    assert "each coder's work (anna, bob)" in window.export_report.text()
    answer.append((str(tmp_path / "analysis.xlsx"), "Excel workbook (*.xlsx)"))
    window.export_action.trigger()
    assert claim_coders(tmp_path / "analysis.xlsx") == set()
    assert "no consensus yet" in window.export_report.text()
    assert "anna" in window.export_mine_action.text()
    answer.append((str(tmp_path / "mine"), "SPSS, a file per table (*.sav)"))
    window.export_mine_action.trigger()
    frame, _ = pyreadstat.read_sav(str(tmp_path / "mine_claims.sav"))
    assert set(frame.coder) == {"anna"} and len(frame) == 1
    assert (tmp_path / "mine_articles.sav").exists()


def test_window_reads_back_an_edited_coding_sheet_as_one_undoable_step(qtbot, window, tmp_path):
    import openpyxl

    window.session.step_focus(1)
    window.session.accept()
    claim = window.session.project.claims(coder_id=window.session.coder.id)[0]
    target = tmp_path / "sheet.xlsx"
    assert window.export_sheet(target)
    wb = openpyxl.load_workbook(target)
    ws = wb["Claims"]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index("certainty") + 1, value="uncertain")
    ws.cell(row=2, column=header.index("note") + 1, value="checked in Excel")
    wb.save(target)
    assert window.import_sheet(target)
    (after,) = window.session.project.claims(coder_id=window.session.coder.id)
    assert after.values["certainty"] == "uncertain" and after.note == "checked in Excel"
    assert window.session.history.undo_text == "Read back sheet.xlsx"
    window.session.undo()
    (undone,) = window.session.project.claims(coder_id=window.session.coder.id)
    assert undone.values == claim.values and undone.note == claim.note
    # a sheet with a value outside the codebook is refused whole, naming row and column
    ws.cell(row=2, column=header.index("certainty") + 1, value="sure")
    wb.save(target)
    assert not window.import_sheet(target)
    assert "row 2" in window.sheet_report.text() and "certainty" in window.sheet_report.text()


def test_window_new_project_then_import(qtbot, user_data, tmp_path):
    from annotator.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    assert w.create_project(tmp_path / "study", "en", coder="dana")
    assert w.session.project.path == tmp_path / "study.annotator"
    assert w.session.state is None and w.article_list.model.rowCount() == 0
    art = tmp_path / "a.txt"
    art.write_text("A headline\nThe minister said the plan will work.", encoding="utf-8")
    w.import_articles([art])
    assert w.article_list.model.rowCount() == 1
    w.article_list.step(1)
    assert w.session.state.text.startswith("A headline")
    w.close()


def test_window_emoji_article_imported_through_project(qtbot, user_data, tmp_path: Path):
    from annotator.gui.main_window import MainWindow
    from annotator.project import Project

    path = tmp_path / "e.annotator"
    with Project.create(path) as p:
        p.import_records([ArticleRecord(text="😀 Zij zegt: 🚀 het werkt.", ext_id="x")])
    w = MainWindow()
    qtbot.addWidget(w)
    show_active(qtbot, w)
    assert w.open_project(path, coder="anna")
    cursor = w.view.document().find("het werkt")
    w.view.setTextCursor(cursor)
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_C)
    with reopen(path) as p:
        (claim,) = p.claims()
    assert "😀 Zij zegt: 🚀 het werkt."[claim.start:claim.end] == "het werkt"
    assert w.session.focused_row().text == "het werkt"
    w.view.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, QPoint(-50, -50), QPoint(0, 0)))
    w.close()


def test_window_undo_across_articles_refreshes_the_list_and_status_bar(qtbot, window, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Tweede artikel. De minister zegt dat alles goed gaat.", encoding="utf-8")
    window.import_articles([other])
    window.import_report.done(0)  # the import's report is window-modal: keys wait for it
    first = window.session.article_id
    model = window.article_list.model

    def count(article_id: int) -> int:
        return model.rows[model.row_of(article_id)].claims

    window.session.accept()
    assert count(first) == 1
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.session.article_id != first
    window.statusBar().showMessage("Nothing to accept: focus a suggestion first (J/K)", 5000)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.article_id == first
    assert count(first) == 0  # the list row follows the undo
    assert window.statusBar().currentMessage() == ""  # the other article's message is gone
    assert "Undo: Accept suggestion" in window.save_label.text()
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.session.article_id != first
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # redo: back again, counted again
    assert window.session.article_id == first and count(first) == 1
    keys = [k.toString() for k in window.redo_action.shortcuts()]
    assert len(keys) == len(set(keys)) and {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(keys)


def test_window_file_dialogs_open_in_the_projects_folder(window, sample_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []

    def fake(parent, caption, folder="", *rest):
        asked.append(folder)
        return ([], "") if caption in ("Import articles", "Merge coder files") else ("", "")

    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, fake)
    for choose in (window.choose_project, window.new_project, window.choose_imports,
                   window.choose_export, window.choose_sheet_import, window.choose_hand_in,
                   window.choose_merge):
        choose()
    assert len(asked) == 7
    assert all(Path(f).parent == sample_path.parent or Path(f) == sample_path.parent
               for f in asked), asked
    assert str(sample_path.with_suffix(".xlsx")) in asked  # the export suggests a name
    assert str(sample_path.parent / f"{sample_path.stem}-handin.annotator") in asked

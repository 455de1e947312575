"""The agreement window on a small two-coder project: the report arrives from the background
thread, the table shows the right alpha, and settling a disagreement is undoable and saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import span
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.consensus import CONSENSUS
from annotator.gui.review import AgreementWindow, open_agreement_window
from annotator.gui.review.disagreement_tab import MARKED
from annotator.project import Project
from annotator.reliability import project_report

ALPHA_COLUMN, GUIDANCE_COLUMN = 2, 4


@pytest.fixture
def window(agreement_window, review_path: Path):
    return agreement_window(review_path)


def consensus_claims(path: Path) -> list:
    with Project.open(path) as proj:
        coder = proj.coder(CONSENSUS)
        return [] if coder is None else proj.claims(coder_id=coder.id)


def on_unit(path: Path, row) -> list:
    """The consensus claims on the unit of review row `row` (the agreed units of its article
    come into the consensus with the first settling there)."""
    return [c for c in consensus_claims(path) if c.start < row.end and row.start < c.end]


def choose(window: AgreementWindow, variable: str) -> None:
    combo = window.review.variable
    combo.setCurrentIndex(combo.findData(variable))
    window.review.select(0)


def test_agreement_window_models_pass_the_model_tester(qtmodeltester, window) -> None:
    for model in (window.overview.coefficients, window.overview.spans, window.overview.pipeline,
                  window.confusion.matrix, window.confusion.categories, window.review.model,
                  window.review.proxy):
        qtmodeltester.check(model)


def test_agreement_window_shows_alpha_and_mark(window, review_path) -> None:
    with Project.open(review_path) as proj:
        expected = {v.variable: v.coefficients["krippendorff_alpha"].value
                    for v in project_report(proj, bootstrap=0).variables}
    model = window.overview.coefficients
    shown = {model.cell(r, 0).text: model.cell(r, ALPHA_COLUMN).text
             for r in range(model.rowCount())}
    assert shown["certainty"] == f"{expected['certainty']:.3f}" == "0.933"
    assert shown["attribution"] == "0.000"
    assert shown["type"] == "undefined"  # no sources: says so, with the reason as tooltip
    marks = {model.cell(r, 0).text: model.cell(r, GUIDANCE_COLUMN).text
             for r in range(model.rowCount())}
    # .933 over a handful of units is not "reliable": the verdict takes the units into account
    assert "uncertain" in marks["certainty"] and "unreliable" in marks["attribution"]
    row = next(r for r in range(model.rowCount()) if model.cell(r, 0).text == "certainty")
    assert "units (fewer than 50)" in model.cell(row, GUIDANCE_COLUMN).tooltip
    assert not window.busy.isVisible() and window.tabs.isEnabled()
    from annotator.agreement.coefficients import KAPPA_FAMILY
    from annotator.agreement.verdict import GUIDANCE

    shown = window.overview.guidance.text()
    assert GUIDANCE in shown and KAPPA_FAMILY in shown  # the definitions, not only in JSON


def test_agreement_window_confusion_heatmap(window) -> None:
    tab = window.confusion
    tab.variable.setCurrentIndex(tab.variable.findData("attribution"))
    m = tab.matrix
    labels = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert labels[:3] == ["ben: direct", "ben: indirect", "ben: unattributed"]
    # anna said indirect where ben said direct: one unit off the diagonal, coloured
    cell = m.cell(1, 0)
    assert cell.text == "1" and cell.background is not None
    assert m.cell(1, 1).text == "2"


def test_agreement_window_lists_and_filters_disagreements(window) -> None:
    tab = window.review
    assert tab.proxy.rowCount() == 3
    choose(window, MARKED)
    assert tab.proxy.rowCount() == 1
    assert tab.current().variable is None
    a, b = tab.compare.panes()
    assert a.highlighted() == span("de wapens ooit werken")
    assert "no claim" in b.heading.text()
    choose(window, "certainty")
    assert tab.proxy.rowCount() == 1
    # the emoji before the claim: highlighted in code points, right in both panes
    assert a.highlighted() == b.highlighted() == span("Iran een drone hebben neergeschoten")
    selections = a.text.extraSelections()  # UTF-16 positions: Qt's view of the text
    assert selections[0].cursor.selectedText() == "Iran een drone hebben neergeschoten"


def test_agreement_window_take_undo_redo_saves(qtbot, window, review_path) -> None:
    choose(window, "certainty")
    tab = window.review
    with qtbot.waitSignal(window.consensus_changed):
        qtbot.mouseClick(tab.settle.take_a, Qt.MouseButton.LeftButton)
    row = tab.current()
    claims = on_unit(review_path, row)
    assert [c.values["certainty"] for c in claims] == ["possible"]
    assert tab.model.consensus(tab.current()) == "possible"
    with qtbot.waitSignal(window.consensus_changed):
        qtbot.mouseClick(tab.settle.take_b, Qt.MouseButton.LeftButton)
    claims = on_unit(review_path, row)  # B replaced A: still one claim for the unit
    assert [c.values["certainty"] for c in claims] == ["probable"]
    assert (claims[0].start, claims[0].end) == span("Iran een drone hebben neergeschoten")
    with qtbot.waitSignal(window.consensus_changed):
        window.undo_action.trigger()
    assert [c.values["certainty"] for c in on_unit(review_path, row)] == ["possible"]
    with qtbot.waitSignal(window.consensus_changed):
        window.undo_action.trigger()
    assert consensus_claims(review_path) == []
    with qtbot.waitSignal(window.consensus_changed):
        window.redo_action.trigger()
    with qtbot.waitSignal(window.consensus_changed):
        window.redo_action.trigger()
    assert [c.values["certainty"] for c in on_unit(review_path, row)] == ["probable"]


def test_agreement_window_keys_and_consensus_combo(qtbot, window, review_path) -> None:
    choose(window, "attribution")
    tab = window.review
    tab.table.setFocus()
    with qtbot.waitSignal(window.consensus_changed):
        qtbot.keyClick(tab.table, Qt.Key.Key_B)
    row = tab.current()
    assert on_unit(review_path, row)[0].values["attribution"] == "direct"
    combo = tab.settle.combos["attribution"]
    assert combo.isEnabled() and combo.currentData() == "direct"
    assert not tab.settle.combos["type"].isEnabled()  # no source on this claim
    with qtbot.waitSignal(window.consensus_changed):
        combo.setCurrentIndex(combo.findData("unattributed"))
        combo.activated.emit(combo.currentIndex())
    assert on_unit(review_path, row)[0].values["attribution"] == "unattributed"
    with qtbot.waitSignal(window.consensus_changed):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert on_unit(review_path, row)[0].values["attribution"] == "direct"
    assert combo.currentData() == "direct"
    with qtbot.waitSignal(window.consensus_changed):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
    assert on_unit(review_path, row)[0].values["attribution"] == "unattributed"


def test_agreement_window_take_where_a_coder_marked_nothing(qtbot, window, review_path) -> None:
    choose(window, MARKED)
    with qtbot.waitSignal(window.consensus_changed):
        window.take("A")  # anna marked it: the consensus keeps the claim
    row = window.review.current()
    assert [c.start for c in on_unit(review_path, row)] == [span("de wapens ooit werken")[0]]
    with qtbot.waitSignal(window.consensus_changed):
        window.take("B")  # ben did not: the consensus drops it
    assert on_unit(review_path, row) == []
    assert window.review.model.consensus(window.review.current()) == "no claim"  # not empty


def test_agreement_window_coder_choice_and_reopen(qtbot, window, review_path) -> None:
    choose(window, "certainty")
    with qtbot.waitSignal(window.consensus_changed):
        window.take("A")
    row = window.review.current()
    assert CONSENSUS in [a.text() for a in window.coder_menu.actions()]
    assert window.chosen_coders() == ["anna", "ben"]
    with qtbot.waitSignal(window.report_ready, timeout=15000):
        window.set_coders(["anna", CONSENSUS])
    assert window.data.report.coders == ("anna", CONSENSUS)
    window.close()
    # the window closed its connection; the file holds the consensus claim
    claims = on_unit(review_path, row)
    assert [c.values for c in claims] == [{"attribution": "indirect", "certainty": "possible"}]


def test_open_agreement_window_shows_a_window(qtbot, review_path) -> None:
    w = open_agreement_window(None, review_path)
    qtbot.addWidget(w)
    assert w.isVisible()
    with qtbot.waitSignal(w.report_ready, timeout=15000):
        pass
    w.close()


def test_agreement_window_exports_workbook(window, tmp_path) -> None:
    import openpyxl

    target = tmp_path / "agreement.xlsx"
    window.export_workbook(target)
    wb = openpyxl.load_workbook(target, read_only=True)
    assert {"Agreement", "Confusion", "Disagreements"} <= set(wb.sheetnames)
    wb.close()


def test_agreement_window_busy_while_computing(qtbot, review_path) -> None:
    w = AgreementWindow(review_path, bootstrap=50)
    qtbot.addWidget(w)
    assert w.busy_now and not w.tabs.isEnabled()  # the report is computed off the GUI thread
    with qtbot.waitSignal(w.report_ready, timeout=15000):
        pass
    assert not w.busy_now and w.tabs.isEnabled()
    w.close()


def test_agreement_window_one_coder_says_why(qtbot, tmp_path, user_data) -> None:
    from annotator.core.model import ArticleRecord

    path = tmp_path / "one.annotator"
    with Project.create(path) as proj:
        proj.import_records([ArticleRecord(text="Een zin.", ext_id="x")])
        proj.ensure_coder("anna")
    w = AgreementWindow(path, bootstrap=0)
    qtbot.addWidget(w)
    assert "two or more coders" in w.error and w.data is None
    w.close()


def test_open_agreement_window_closes_with_its_parent(qtbot, review_path) -> None:
    from PySide6.QtWidgets import QMainWindow

    parent = QMainWindow()
    w = open_agreement_window(parent, review_path)  # deleted with its parent (and on close)
    closed = []
    w.project.db.close = lambda real=w.project.db.close: (closed.append(True), real())[1]
    with qtbot.waitSignal(w.report_ready, timeout=15000):
        pass
    parent.deleteLater()
    qtbot.waitUntil(lambda: closed == [True])


def test_agreement_window_take_all_agreed_units_is_one_undoable_step(window, qtbot,
                                                                     review_path: Path) -> None:
    window.take_agreed_action.trigger()
    agreed = consensus_claims(review_path)
    assert len(agreed) == 1  # anna and ben agree fully on one claim only
    assert window.message.text() == "Saved: Take 1 agreed unit into the consensus."
    assert agreed[0].values == {"attribution": "indirect", "certainty": "certain"}
    window.take_agreed_action.trigger()  # again: nothing new
    assert len(consensus_claims(review_path)) == 1
    window.undo_action.trigger()
    assert consensus_claims(review_path) == []


def test_agreement_window_cohen_units_column_is_filled_and_in_view(window) -> None:
    """Issue 12.13: the Units column had its numbers but stretched out of the narrow view
    (at the window's size on a 1366x768 screen; the test platform's screen is smaller)."""
    window.resize(1280, 706)
    QApplication.processEvents()
    view = window.overview.views[1]
    model = view.model()
    units = [model.index(r, 3).data() for r in range(model.rowCount())]
    assert units[:2] == ["3", "3"]
    right = view.columnViewportPosition(3) + view.columnWidth(3)
    assert right <= view.viewport().width()
    assert view.columnWidth(3) >= view.fontMetrics().horizontalAdvance("Units")


def test_window_export_and_cli_compare_the_same_coders(qtbot, review_path, tmp_path,
                                                       capsys) -> None:
    """Issue 12.6: the PI who opened the merged project (and coded nothing) is not a coder."""
    import json

    import openpyxl

    from annotator.cli import main

    with Project.open(review_path) as proj:
        proj.ensure_coder("pi")
    w = AgreementWindow(review_path, bootstrap=0)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.data is not None, timeout=15000)
    assert w.chosen_coders() == ["anna", "ben"]
    assert list(w.data.report.coders) == ["anna", "ben"]
    w.close()
    assert main(["agreement", str(review_path), "--format", "json", "--bootstrap", "0"]) == 0
    assert json.loads(capsys.readouterr().out)["coders"] == ["anna", "ben"]
    out = tmp_path / "all.xlsx"
    assert main(["export", str(review_path), "--xlsx", str(out)]) == 0
    title = openpyxl.load_workbook(out)["Agreement"]["A1"].value
    assert title == "Agreement between 2 coders: anna, ben"


def consensus_status(path: Path) -> str | None:
    with Project.open(path) as proj:
        coder = proj.coder(CONSENSUS)
        found = proj.statuses(coder.id) if coder is not None else {}
        return found[proj.articles()[0].id][0] if found else None


def test_settling_every_disagreement_marks_the_consensus_done(qtbot, window, review_path,
                                                              tmp_path) -> None:
    from annotator.cli import main

    tab = window.review
    rows = [tab.proxy.index(r, 0) for r in range(tab.proxy.rowCount())]
    assert len(rows) == 3
    for n, side in enumerate("ABB"):  # the unit ben did not mark: left out (B, "no claim")
        tab.table.selectRow(n)
        with qtbot.waitSignal(window.consensus_changed):
            window.take(side)
        assert consensus_status(review_path) == ("done" if n == 2 else "in_progress")
    assert "settled" in tab.settle.state.text() and "not settled" not in tab.settle.state.text()
    with qtbot.waitSignal(window.consensus_changed):
        window.undo_action.trigger()  # one step: the last settling and the status with it
    assert consensus_status(review_path) == "in_progress"
    with qtbot.waitSignal(window.consensus_changed):
        window.redo_action.trigger()
    window.close()
    out = tmp_path / "csv"
    assert main(["export", str(review_path), "--csv", str(out)]) == 0
    import csv
    with open(out / "articles.csv", encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert (row["coder"], row["coding_progress"]) == (CONSENSUS, "done")


def test_the_cli_counts_the_disagreements_the_window_lists(window, review_path, capsys) -> None:
    from annotator.cli import main

    shown = window.review.proxy.rowCount()
    assert main(["agreement", str(review_path), "--bootstrap", "0"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith(f"{shown} disagreements, as the agreement window lists them: "
                           "2 coded, 1 claim(s) only some coders marked")


def test_settling_brings_the_articles_agreed_units_along(qtbot, window, review_path) -> None:
    # field trial: after Take A / Take B on the disagreements, the claim both coders coded
    # alike was missing from the analysis dataset unless "Take all agreed units" was pressed
    from annotator.reliability import agreed_claim_ids

    choose(window, "certainty")
    row = window.review.current()
    ids = set(agreed_claim_ids(window.project, window.data.report))
    agreed = {(c.start, c.end) for c in window.project.claims()
              if c.id in ids and c.article_id == row.article_id}
    assert agreed  # the fixture's article has units both coders coded alike
    with qtbot.waitSignal(window.consensus_changed):
        window.take("A")
    assert agreed <= {(c.start, c.end) for c in consensus_claims(review_path)}
    with qtbot.waitSignal(window.consensus_changed):
        window.undo_action.trigger()  # one step: the settling and the agreed units with it
    assert consensus_claims(review_path) == []


def test_the_agreement_window_fits_the_screen(agreement_window, review_path) -> None:
    from PySide6.QtWidgets import QApplication

    win = agreement_window(review_path)
    room = QApplication.primaryScreen().availableGeometry()
    assert win.width() <= room.width() and win.height() <= room.height()

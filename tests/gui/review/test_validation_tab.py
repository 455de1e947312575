"""The Validation tab of the agreement window: the suggester against the consensus, the same
figures `annotator validate` computes, every name shown as plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.gui.review import AgreementWindow
from annotator.project import Project
from annotator.validation.report import validate
from tests.validation.conftest import build, gold_articles

HOSTILE = "<b>Krant</b> & <img src=x>"


@pytest.fixture
def validated_path(tmp_path: Path) -> Path:
    """Two coders and a consensus; the stored suggestions are the gold minus every fourth
    claim (no spaCy needed), under one hostile outlet name."""
    path = build(tmp_path / "study.annotator", suggest=False)
    golds = {g["id"]: g for _, g in gold_articles()}
    with Project.open(path) as proj:
        proj.db.conn.execute("UPDATE article SET outlet = ? WHERE id % 2 = 0", (HOSTILE,))
        proj.db.conn.commit()
        for article in proj.articles():
            gold = golds[article.ext_id]
            payload = {**gold, "claims": [c for n, c in enumerate(gold["claims"]) if n % 4 != 3]}
            proj.save_suggestions(article.id, payload, "gold-test", "nl")
    return path


@pytest.fixture
def window(agreement_window, validated_path: Path):
    return agreement_window(validated_path)


def run_validation(qtbot, window: AgreementWindow, against: str) -> None:
    tab = window.validation_tab
    tab.against.setCurrentIndex(tab.against.findData(against))
    with qtbot.waitSignal(window.validation_ready, timeout=30000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)


def test_validation_tab_shows_validate_figures(qtbot, qtmodeltester, window,
                                               validated_path) -> None:
    tab = window.validation_tab
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "Validation"
    assert tab.against.itemData(0) == "consensus"  # the default reference
    run_validation(qtbot, window, "consensus")
    with Project.open(validated_path) as proj:
        expected = validate(proj, "consensus", bootstrap=50)
    shown = {(tab.alpha.cell(r, 0).text, tab.alpha.cell(r, 1).text): tab.alpha.cell(r, 3).text
             for r in range(tab.alpha.rowCount())}
    for part in expected.parts:
        for v in part.agreement.variables:
            value = v.coefficients["krippendorff_alpha"].value
            assert shown[(part.label, v.variable)] == ("undefined" if value is None
                                                       else f"{value:.3f}")
    units = {(tab.units.cell(r, 0).text, tab.units.cell(r, 1).text): tab.units.cell(r, 4).text
             for r in range(tab.units.rowCount())}
    assert units[("all", "claims")] == f"{expected.overall.units['claims']['f1']:.3f}"
    assert expected.overall.units["claims"]["recall"] < 1  # the machine missed claims
    assert "as coder machine against consensus" in tab.summary.text()
    for model in (tab.units, tab.accuracy, tab.alpha):
        qtmodeltester.check(model)


def test_validation_tab_shows_names_as_plain_text(qtbot, window) -> None:
    run_validation(qtbot, window, "anna")
    tab = window.validation_tab
    outlets = {tab.alpha.data(tab.alpha.index(r, 0)) for r in range(tab.alpha.rowCount())}
    assert HOSTILE in outlets
    assert tab.summary.textFormat() == Qt.TextFormat.PlainText
    assert "against anna" in tab.summary.text()


def test_validation_tab_says_why_without_a_reference_coding(qtbot, window, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr("annotator.gui.plain.message",
                        lambda parent, title, text, warning=False: shown.append(text))
    tab = window.validation_tab
    tab.against.addItem("nobody", "nobody")
    run_validation(qtbot, window, "nobody")
    assert shown and "no coder named 'nobody'" in shown[0]
    assert tab.run_button.isEnabled()


def test_validation_tab_blind_only(qtbot, window, validated_path) -> None:
    with Project.open(validated_path) as proj:
        blind = sorted(a.id for a in proj.articles())[:3]
        proj.set_require_blind(blind)
    window.validation_tab.blind.setChecked(True)
    run_validation(qtbot, window, "consensus")
    assert window.validation is not None
    assert window.validation.overall.articles == 3
    assert list(window.validation.overall.agreement.articles) == blind

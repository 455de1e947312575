"""Assign, hand in and merge from the GUI: a coder's work goes out and comes back."""

from __future__ import annotations

import shutil

import pytest

from tests.gui.conftest import reopen


def test_exchange_assign_hand_in_and_merge_from_the_window(qtbot, window, sample_path,
                                                           tmp_path):
    pi_path = tmp_path / "pi.annotator"
    shutil.copy(sample_path, pi_path)  # the PI's project: same article, a project of its own
    with reopen(pi_path) as pi:
        pi.db.set_meta("id", "pi-project")
    assert window.assign_coders(["anna", "bob"], 1.0, 7, True)
    assert "Reliability sample: 1 article(s)" in window.exchange_report.text()
    assert window.session.project.articles()[0].require_blind
    window.session.step_focus(1)
    window.session.accept()
    handed = tmp_path / "anna-handin"
    assert window.hand_in(handed)
    assert (tmp_path / "anna-handin.annotator").exists()
    window.open_project(pi_path, coder="pi")
    qtbot.waitUntil(lambda: window.session.project.path == pi_path)
    assert window.merge_files([tmp_path / "anna-handin.annotator"])
    assert "Merged anna" in window.exchange_report.text()
    with reopen(pi_path) as pi:
        assert len(pi.claims(coder_id=pi.coder("anna").id)) == 1
    assert window.merge_files([tmp_path / "anna-handin.annotator"])  # again: nothing new
    assert "Unchanged" in window.exchange_report.text()
    # one bad file among good ones: the window says which merged and which failed (issue 11.14)
    broken = tmp_path / "broken.annotator"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert not window.merge_files([tmp_path / "anna-handin.annotator", broken])
    text = window.exchange_report.text()
    assert "Unchanged" in text and "FAILED" in text and "broken.annotator" in text


def test_exchange_a_coder_file_opens_as_its_own_coder(qtbot, sample_path, tmp_path,
                                                      monkeypatch):
    from annotator.exchange import coder_file
    from annotator.gui import dialogs, settings
    from annotator.gui.main_window import MainWindow

    with reopen(sample_path) as pi:
        bob_file = coder_file(pi, "bob", tmp_path / "bob.annotator")
    settings.remember_coder("pi")  # whoever used this computer last
    monkeypatch.setattr(dialogs, "ask_coder", lambda *a: pytest.fail("asked who is coding"))
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_project(bob_file)
    assert w.session.coder.name == "bob" and settings.remembered_coder() == "bob"
    assert "bob's coder file: coding as bob" in w.statusBar().currentMessage()
    w.close()


def test_exchange_a_coder_file_refuses_another_coder(qtbot, sample_path, tmp_path, monkeypatch):
    from annotator.exchange import coder_file
    from annotator.gui import dialogs
    from annotator.gui.main_window import MainWindow

    with reopen(sample_path) as pi:
        bob_file = coder_file(pi, "bob", tmp_path / "bob.annotator")
    shown = []
    monkeypatch.setattr(dialogs, "show_message", lambda *a, **k: shown.append(a[2]))
    w = MainWindow()
    qtbot.addWidget(w)
    assert not w.open_project(bob_file, coder="anna")
    assert w.session.project is None
    assert "this is bob's coder file" in shown[0] and "not 'anna'" in shown[0]
    with reopen(bob_file) as p:
        assert [c.name for c in p.coders()] == ["bob"]
    w.close()

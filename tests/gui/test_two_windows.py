"""Two windows on one coder (issue 11.13): an edit to a claim the other window changed or
deleted is refused with a message and the article is read again; undo and redo never
overwrite the other window's newer edit."""

from __future__ import annotations

import pytest

from tests.gui.conftest import reopen


@pytest.fixture
def second(qtbot, window, sample_path):
    from annotator.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_project(sample_path, coder="anna")
    qtbot.waitUntil(lambda: w.session.state is not None)
    yield w
    w.close()


def own_claim(window, second):
    """A claim of anna's that both windows show, focused in both."""
    window.session.accept()
    (claim,) = window.session.project.claims(coder_id=window.session.coder.id)
    for w in (window, second):
        w.session.load_article(claim.article_id)
        w.session.set_focus(("claim", False, claim.id))
    return claim


def stored(path, claim_id):
    with reopen(path) as p:
        return next((c for c in p.claims() if c.id == claim_id), None)


def test_edit_of_a_claim_deleted_in_the_other_window_is_refused(window, second, sample_path):
    claim = own_claim(window, second)
    window.session.delete_focused()
    assert stored(sample_path, claim.id) is None
    second.session.set_value("certainty", "possible")  # raised KeyError before
    assert "was deleted in another window" in second.last_error
    assert second.save_label.text().startswith("NOT saved")
    assert second.session.state.row(("claim", False, claim.id)) is None  # read again
    assert stored(sample_path, claim.id) is None


def test_edit_of_a_claim_changed_in_the_other_window_is_refused(window, second, sample_path):
    claim = own_claim(window, second)
    window.session.set_claim_field("Edit claim note", note="from window one")
    second.session.set_value("certainty", "possible")
    assert "was changed in another window" in second.last_error
    after = stored(sample_path, claim.id)
    assert after.note == "from window one"
    assert after.values["certainty"] == claim.values["certainty"]
    shown = next(c for c in second.session.state.claims if c.id == claim.id)
    assert shown.note == "from window one"  # the second window now shows the file's claim
    second.session.set_value("certainty", "possible")  # and, re-read, its edit goes through
    assert stored(sample_path, claim.id).values["certainty"] == "possible"


def test_redo_never_overwrites_the_other_windows_newer_edit(window, second, sample_path):
    claim = own_claim(window, second)
    second.session.set_claim_field("Edit claim note", note="second")
    second.undo_action.trigger()
    assert stored(sample_path, claim.id).note == ""
    window.session.load_article(claim.article_id)
    window.session.set_focus(("claim", False, claim.id))
    window.session.set_claim_field("Edit claim note", note="first, newer")
    second.redo_action.trigger()
    assert "was changed in another window" in second.last_error
    assert stored(sample_path, claim.id).note == "first, newer"
    assert not second.session.history.can_redo  # the stale step left the stack


def test_undo_never_deletes_a_claim_the_other_window_edited_since(window, second,
                                                                  sample_path):
    claim = own_claim(window, second)  # made by the first window
    second.session.set_claim_field("Edit claim note", note="kept")
    window.undo_action.trigger()  # would delete the claim the second window just edited
    assert "another window" in window.last_error
    assert stored(sample_path, claim.id).note == "kept"

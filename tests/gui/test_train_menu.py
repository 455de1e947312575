"""Project > Train suggestions: `annotator train` in the background, with progress and cancel
(issue 16). Training itself is tested in tests/learn; here the window's wiring, with the real
refusal and a stand-in trainer."""

from __future__ import annotations

import time


def test_train_menu_says_how_many_coded_articles_are_needed(qtbot, window):
    with qtbot.waitSignal(window.trainFinished, timeout=60000) as blocker:
        window.train_action.trigger()
    message, error = blocker.args
    assert message == "" and "coded article(s)" in error and "at least 10" in error
    assert window.job_bar.isHidden() and window.train_action.isEnabled()


def fake_info():
    from annotator.learn.store import ModelInfo

    return ModelInfo(name="model-x", project_id="p", language="nl", codebook_hash="h",
                     trained_at="2026-01-01", articles=12, coder="anna",
                     scores={"heldout_span_f1": 0.5})


def test_train_runs_in_background_with_epoch_progress(qtbot, window, monkeypatch):
    from annotator.learn import use
    from annotator.learn.train import Progress

    seen = []

    def fake(project, *, coder=None, progress=None, should_stop=None, **kw):
        seen.append(coder)
        for epoch in (1, 2):
            progress(Progress("spans", epoch, 2, 10.0, 0.25))
        return fake_info()

    monkeypatch.setattr(use, "train_project", fake)
    formats = []
    window.job_bar.valueChanged.connect(lambda _: formats.append(window.job_bar.format()))
    with qtbot.waitSignal(window.trainFinished, timeout=20000) as blocker:
        window.train_action.trigger()
    assert blocker.args[1] == "" and "Trained model-x on 12 article(s)" in blocker.args[0]
    assert seen == ["anna"]
    assert any("epoch" in f and "held-out F1 0.25" in f for f in formats)
    assert window.job_bar.isHidden() and window.worker is None


def test_train_cancel_keeps_previous_model(qtbot, window, monkeypatch):
    from annotator.learn import use
    from annotator.learn.train import TrainingCancelled

    def slow(project, *, should_stop=None, **kw):
        deadline = time.monotonic() + 20
        while not should_stop() and time.monotonic() < deadline:
            time.sleep(0.01)
        raise TrainingCancelled

    monkeypatch.setattr(use, "train_project", slow)
    with qtbot.waitSignal(window.trainFinished, timeout=30000) as blocker:
        window.train_action.trigger()
        window.cancel_suggest()
    assert "previous model stays in use" in blocker.args[0] and blocker.args[1] == ""

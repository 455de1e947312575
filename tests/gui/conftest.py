"""GUI fixtures: the real window on the sample project, with suggestions from the gold file.

The suggester may not be installed; the gold coding stored as the article's suggestions gives
every test the same, known suggestions.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.paths import resource

GOLD = resource("samples", "trump_iran_nl.gold.json")


def gold_payload() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture
def sample_path(user_data: Path) -> Path:
    """The sample project, built in the test's user data folder, with gold suggestions."""
    from annotator.sample import build_sample_project, sample_project_path

    path = sample_project_path()
    with build_sample_project(path, suggest=False) as project:
        aid = project.articles()[0].id
        project.save_suggestions(aid, gold_payload(), "gold-test")
    return path


@pytest.fixture
def window(qtbot, sample_path: Path):
    from annotator.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    show_active(qtbot, w)
    assert w.open_project(sample_path, coder="anna")
    qtbot.waitUntil(lambda: w.session.state is not None)
    yield w
    w.close()


def show_active(qtbot, window) -> None:
    """Show and activate: window shortcuts (A, J, C...) only fire in the active window."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def reopen(path: Path):
    from annotator.project import Project

    return Project.open(path)

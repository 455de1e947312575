"""Shared test fixtures. GUI tests run offscreen; other packages never import Qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "study.annotator"


@pytest.fixture
def project(project_path: Path):
    from annotator.project import Project

    proj = Project.create(project_path, language="nl")
    yield proj
    proj.close()


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the app's user data (sample project, settings) inside the test's folder."""
    d = tmp_path / "userdata"
    monkeypatch.setenv("XDG_DATA_HOME", str(d))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return d

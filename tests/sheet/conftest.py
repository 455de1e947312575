"""The coded two-coder study the sheet tests export and read back (tests/sheet/test_sheet_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sheet_fixtures import build_coded


@pytest.fixture
def coded(tmp_path: Path):
    data = build_coded(tmp_path / "study.annotator")
    yield data
    data.project.close()

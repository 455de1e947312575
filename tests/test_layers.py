"""The layering rule from design.md: only gui imports Qt, only nlp imports spaCy, and heavy
libraries load lazily. Checked in a fresh interpreter, since pytest-qt imports Qt in-process."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = ["annotator.project", "annotator.commands", "annotator.cli", "annotator.sample",
                "annotator.store.db", "annotator.core.codebook", "annotator.io.importers",
                "annotator.sheet.export"]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_layers_core_modules_import_neither_qt_nor_spacy_nor_pandas(module: str) -> None:
    code = (f"import sys, {module}\n"
            "bad = [m for m in ('PySide6', 'spacy', 'pandas') if m in sys.modules]\n"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_layers_cli_parser_builds_without_heavy_imports() -> None:
    code = ("import sys\nfrom annotator.cli import build_parser\nbuild_parser()\n"
            "print(','.join(m for m in ('PySide6', 'spacy', 'pandas', 'openpyxl', 'numpy')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""

"""Issue 14: one list of languages. Every command, check and menu reads core.languages; no
other module spells the list out, and each listed language has the suggester's word lists."""

from __future__ import annotations

import ast
from pathlib import Path

from annotator.core.languages import LANGUAGES
from annotator.paths import resource

PKG = Path(__file__).resolve().parents[2] / "annotator"


def _spelled_lists(path: Path) -> list[int]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and len(node.elts) >= 2 and all(
                isinstance(e, ast.Constant) and e.value in LANGUAGES for e in node.elts):
            found.append(node.lineno)
    return found


def test_no_module_spells_out_the_language_list() -> None:
    hits = {str(p.relative_to(PKG)): _spelled_lists(p) for p in PKG.rglob("*.py")
            if p != PKG / "core" / "languages.py"}
    assert {k: v for k, v in hits.items() if v} == {}


def test_every_language_has_word_lists() -> None:
    for code in LANGUAGES:
        assert resource("nlp", code, "cues.json").is_file(), code

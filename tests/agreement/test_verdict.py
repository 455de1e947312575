"""The verdict on alpha takes the bootstrap interval and the number of units into account, and
is decided in one place for the CLI, the workbook and the agreement window (issue 12.9)."""

from __future__ import annotations

import ast
import json
import random
import re
from pathlib import Path

import pytest

from annotator.agreement.coefficients import Result
from annotator.agreement.verdict import GUIDANCE, MIN_UNITS, verdict
from annotator.cli import main

ROOT = Path(__file__).resolve().parents[2] / "annotator"


@pytest.mark.parametrize(("value", "low", "units", "label"), [
    (0.869, 0.458, 13, "uncertain"),  # the field test's certainty: green before, not now
    (0.869, 0.700, 13, "uncertain"),  # a good interval over too few units
    (0.869, 0.458, 200, "uncertain"),  # enough units, but the interval reaches .458
    (0.869, 0.700, MIN_UNITS, "reliable"),
    (0.750, 0.690, 80, "tentative"),
    (0.750, 0.600, 80, "uncertain"),
    (0.600, 0.500, 80, "unreliable"),
    (0.950, None, 80, "reliable"),  # no interval: the point estimate, and it says so
    (None, None, 0, ""),
])
def test_verdict_rule(value, low, units, label) -> None:
    judged = verdict(value, low, units)
    assert judged.label == label
    if label == "uncertain":
        assert ("units" in judged.reason) == (units < MIN_UNITS)
        assert ("interval" in judged.reason) == (low is not None and low < 0.667)
    if value is not None and low is None:
        assert "point estimate only" in judged.reason


def write_matrix(path: Path, n_units: int, flips: int) -> Path:
    """Two coders over n_units binary units who disagree on `flips` of them."""
    rng = random.Random(1)
    a = [rng.choice("xy") for _ in range(n_units)]
    b = [("y" if v == "x" else "x") if i < flips else v for i, v in enumerate(a)]
    lines = ["coder," + ",".join(f"u{i}" for i in range(n_units)), "A," + ",".join(a),
             "B," + ",".join(b)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_matrix_json_and_table_say_the_verdict_and_the_rule(tmp_path, capsys) -> None:
    few = write_matrix(tmp_path / "few.csv", 13, 1)
    assert main(["agreement", "--matrix", str(few), "--bootstrap", "500"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["value"] >= 0.667 and data["verdict"] == "uncertain"
    assert "13 units" in data["verdict_reason"] and data["verdict_rule"] == GUIDANCE
    many = write_matrix(tmp_path / "many.csv", 120, 2)
    assert main(["agreement", "--matrix", str(many), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^verdict +reliable: alpha", out, re.M) and GUIDANCE in out


def test_project_table_marks_a_thin_alpha_uncertain_and_says_why(tmp_path, capsys) -> None:
    from annotator import commands
    from annotator.core.model import ArticleRecord
    from annotator.project import Project

    path = tmp_path / "p.annotator"
    text = "Minister A zei dat het zeker is. Volgens B zou het kunnen. Het is onduidelijk. " * 3
    with Project.create(path) as proj:
        proj.import_records([ArticleRecord(text=text, ext_id="a1", title="t")])
        article = proj.articles()[0].id
        for name in ("anna", "bram"):
            coder = proj.ensure_coder(name).id
            for k in range(6):
                start = 40 * k
                certainty = "certain" if k % 2 else "possible"
                if name == "bram" and k == 5:
                    certainty = "possible"
                proj.apply(commands.add_claim, article, coder, start, start + 30,
                           {"attribution": "indirect", "certainty": certainty})
            proj.apply(commands.set_article_status, article, coder, "done")
    assert main(["agreement", str(path), "--bootstrap", "200"]) == 0
    out = capsys.readouterr().out
    line = next(row for row in out.splitlines() if row.startswith("certainty"))
    assert "uncertain" in line
    assert "certainty: uncertain: alpha" in out and "only 6 units" in out
    assert GUIDANCE in out


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}


def test_one_place_decides_the_verdict() -> None:
    """No caller keeps its own thresholds or guidance text, and the window's cells no longer
    reach into io for them (issue 14)."""
    callers = [ROOT / "cli" / "agreement_cmd.py", ROOT / "io" / "agreement_export.py",
               ROOT / "gui" / "review" / "cells.py", ROOT / "gui" / "review" / "overview.py"]
    for path in callers:
        source = path.read_text(encoding="utf-8")
        assert "0.667" not in source and "0.8 " not in source and ">= .800" not in source, path
        assert "Krippendorff (2004):" not in source and "guidance (2004)" not in source, path
    assert not any(m.startswith("annotator.io") for m in _imports(callers[2]))
    assert "annotator.agreement.verdict" in _imports(callers[2])


def test_every_screen_shows_the_same_verdict() -> None:
    pytest.importorskip("PySide6")
    from annotator.gui.review import cells

    r = Result("krippendorff_alpha", "nominal", 0.869, n_units=13, n_coders=2, ci_low=0.458,
               ci_high=1.0)
    assert "uncertain" in cells.mark_cell(r).text
    assert verdict(0.869, 0.458, 13).reason in (cells.mark_cell(r).tooltip or "")

"""Which definition each coefficient follows is said in the table output, the workbook and the
window, not only in the JSON notes (issue 12.8); the figures match irrCAC, whose definitions
they follow."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from annotator.agreement import coefficients as co
from annotator.cli import main

# Gwet (2014), p. 120 (irrCAC's cac.raw4raters): 4 raters x 12 units with missing values.
GWET = [[1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, None],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 3],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]]
WEIGHTS = {"nominal": "identity", "ordinal": "ordinal", "interval": "quadratic"}


@pytest.mark.parametrize("level", list(WEIGHTS))
def test_kappa_family_matches_irrcac(level) -> None:
    pd = pytest.importorskip("pandas")
    raw = pytest.importorskip("irrCAC.raw")
    frame = pd.DataFrame({f"r{i}": [math.nan if v is None else v for v in row]
                          for i, row in enumerate(GWET)})
    cac = raw.CAC(frame, weights=WEIGHTS[level], categories=[1, 2, 3, 4, 5])
    domain = [1, 2, 3, 4, 5]
    assert co.fleiss_kappa(GWET, level, domain).value == pytest.approx(
        cac.fleiss()["est"]["coefficient_value"], abs=1e-5)
    assert co.gwet_ac1(GWET, level, domain).value == pytest.approx(
        cac.gwet()["est"]["coefficient_value"], abs=1e-5)


@pytest.mark.parametrize("level", list(WEIGHTS))
def test_cohen_weights_match_irrcac(level) -> None:
    pd = pytest.importorskip("pandas")
    raw = pytest.importorskip("irrCAC.raw")
    rng = np.random.default_rng(0)
    a = rng.integers(1, 5, 40)
    b = np.clip(a + rng.integers(-1, 2, 40), 1, 4)
    cac = raw.CAC(pd.DataFrame({"a": a.astype(float), "b": b.astype(float)}),
                  weights=WEIGHTS[level], categories=[1, 2, 3, 4])
    ours = co.cohen_kappa([a.tolist(), b.tolist()], level, domain=[1, 2, 3, 4]).value
    assert ours == pytest.approx(cac.conger()["est"]["coefficient_value"], abs=1e-5)


@pytest.fixture
def project(two_coders) -> Path:
    return two_coders("direct")


def test_table_output_states_the_definitions(project, capsys) -> None:
    assert main(["agreement", str(project), "--bootstrap", "0"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert co.KAPPA_FAMILY in out and "kappam.fleiss" in out
    assert co.COHEN_NOMINAL in out


def test_workbook_states_the_definitions(project, tmp_path, capsys) -> None:
    import openpyxl

    book = tmp_path / "agreement.xlsx"
    assert main(["agreement", str(project), "--format", "xlsx", "--out", str(book),
                 "--bootstrap", "0"]) == 0
    cells = [c for row in openpyxl.load_workbook(book)["Agreement"].iter_rows(values_only=True)
             for c in row if isinstance(c, str)]
    assert co.KAPPA_FAMILY in cells and co.COHEN_NOMINAL in cells


def test_ordinal_weights_are_named_when_a_variable_is_ordinal() -> None:
    text = " ".join(co.definitions(["nominal", "ordinal"]))
    assert "At ordinal level" in text and "Gwet's (2014) weights" in text and "kappa2" in text
    assert not any("kappa2" in d for d in co.definitions(["nominal"]))

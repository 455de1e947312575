"""`annotator agreement`: the --matrix form and the project form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main

# Krippendorff (2011) example: 4 coders x 12 units with missing values.
MATRIX = """coder,u1,u2,u3,u4,u5,u6,u7,u8,u9,u10,u11,u12
A,1,2,3,3,2,1,4,1,2,,,
B,1,2,3,3,2,2,4,1,2,5,,3
C,,3,3,3,2,3,4,2,2,5,1,
D,1,2,3,3,2,4,4,1,2,5,1,
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def matrix(tmp_path: Path) -> Path:
    path = tmp_path / "reliability.csv"
    path.write_text(MATRIX, encoding="utf-8")
    return path


@pytest.mark.parametrize(("level", "alpha"), [("nominal", 0.743), ("ordinal", 0.815),
                                              ("interval", 0.849), ("ratio", 0.797)])
def test_cli_matrix_alpha_json(capsys, matrix, level, alpha) -> None:
    code, out, _ = run(capsys, "agreement", "--matrix", str(matrix), "--level", level,
                       "--coefficient", "krippendorff_alpha", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["value"] == pytest.approx(alpha, abs=0.0005)
    assert (data["coefficient"], data["level"], data["n_units"], data["n_coders"]) == (
        "krippendorff_alpha", level, 11, 4)
    assert data["ci_low"] <= data["value"] <= data["ci_high"]
    assert "reason" not in data


def test_cli_matrix_cohen_needs_two_coders(capsys, matrix) -> None:
    code, out, _ = run(capsys, "agreement", "--matrix", str(matrix), "--coefficient",
                       "cohen_kappa", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["value"] is None and "two coders" in data["reason"]
    assert len(data["pairs"]) == 6


@pytest.mark.parametrize("coefficient", ["fleiss_kappa", "scott_pi", "gwet_ac1",
                                         "percent_agreement"])
def test_cli_matrix_other_coefficients(capsys, matrix, coefficient) -> None:
    code, out, _ = run(capsys, "agreement", "--matrix", str(matrix), "--coefficient",
                       coefficient, "--format", "json")
    assert code == 0 and json.loads(out)["value"] is not None


def test_cli_matrix_table_format(capsys, matrix) -> None:
    code, out, _ = run(capsys, "agreement", "--matrix", str(matrix), "--format", "table")
    assert code == 0 and "0.743" in out and "95% interval" in out


def test_cli_matrix_semicolons_and_decimal_commas(capsys, tmp_path) -> None:
    path = tmp_path / "nl.csv"
    path.write_text("codeur;e1;e2;e3\nA;1,5;2;3\nB;1,5;2;4\n", encoding="utf-8")
    code, out, _ = run(capsys, "agreement", "--matrix", str(path), "--level", "interval")
    assert code == 0 and json.loads(out)["n_units"] == 3


@pytest.mark.parametrize(("content", "where"), [
    ("coder,u1,u2\nA,1,2\nB,1\n", "row 3"),
    ("coder,u1,u2\nA,1,2\n,1,2\n", "row 3"),
    ("coder,u1,u2\nA,1,2\nA,1,2\n", "row 3"),
    ("coder,u1,u2\nA,1,2\nB,1,two\n", "row 3, unit u2"),
    ("", "row 1"),
    ("coder\nA\n", "row 1"),
])
def test_cli_matrix_bad_csv_names_file_and_row(capsys, tmp_path, content, where) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "agreement", "--matrix", str(path), "--level", "interval")
    assert code == 2
    assert str(path) in err and where in err


def test_cli_matrix_missing_file_exit_2(capsys, tmp_path) -> None:
    code, _, err = run(capsys, "agreement", "--matrix", str(tmp_path / "none.csv"))
    assert code == 2 and "none.csv" in err


def test_cli_needs_project_or_matrix(capsys, matrix, tmp_path) -> None:
    assert run(capsys, "agreement")[0] == 2
    assert run(capsys, "agreement", str(tmp_path / "x.annotator"), "--matrix", str(matrix))[0] == 2


@pytest.fixture
def project(two_coders) -> Path:
    return two_coders("indirect", consensus=True)


def test_cli_project_json_report(capsys, project) -> None:
    code, out, _ = run(capsys, "agreement", str(project), "--format", "json",
                       "--bootstrap", "100")
    data = json.loads(out)
    assert code == 0
    assert data["coders"] == ["anna", "bram"]  # the consensus coder is left out
    assert data["n_units"] == 2
    by_name = {v["variable"]: v for v in data["variables"]}
    assert by_name["attribution"]["coefficients"]["krippendorff_alpha"]["value"] is None
    assert by_name["certainty"]["coefficients"]["percent_agreement"]["value"] == 0.5
    assert len(by_name["certainty"]["disagreements"]) == 1
    assert data["unitizing"]["value"] == pytest.approx(1.0)
    assert data["pipeline"][0]["share_manual"] == 1.0


def test_cli_project_table_and_selection(capsys, project) -> None:
    code, out, _ = run(capsys, "agreement", str(project), "--coder", "anna", "--coder", "bram",
                       "--variable", "certainty")
    assert code == 0 and "certainty" in out and "attribution" not in out


def test_cli_project_unknown_coder_or_variable_exit_2(capsys, project) -> None:
    code, _, err = run(capsys, "agreement", str(project), "--coder", "zoe")
    assert code == 2 and "zoe" in err
    code, _, err = run(capsys, "agreement", str(project), "--variable", "nope")
    assert code == 2 and "nope" in err


def test_agreement_project_leaves_out_coders_who_coded_nothing(tmp_path, capsys) -> None:
    """A PI who only opened the project must not thin out 'articles coded by every coder'."""
    from annotator import commands
    from annotator.cli import main
    from annotator.core.model import ArticleRecord
    from annotator.project import Project

    path = tmp_path / "p.annotator"
    with Project.create(path) as p:
        art = p.import_records([ArticleRecord(text="De minister zegt dat het goed gaat.",
                                              ext_id="a")]).added[0]
        for name in ("anna", "bob"):
            c = p.ensure_coder(name).id
            p.apply(commands.add_claim, art, c, 21, 34,
                    values={"attribution": "indirect", "certainty": "certain"})
            p.apply(commands.set_article_status, art, c, "done")
        p.ensure_coder("pi")  # opened the project, coded nothing
    assert main(["agreement", str(path), "--format", "json", "--bootstrap", "0"]) == 0
    import json

    assert json.loads(capsys.readouterr().out)["coders"] == ["anna", "bob"]

"""`agreement --matrix`: what counts as missing, odd numbers, duplicate ids, many coders and the
project's own wide layout (issues 11.15 and 12.4). Figures are checked against the
independent `krippendorff` package."""

from __future__ import annotations

import json
import math
from pathlib import Path

import krippendorff
import numpy as np
import pytest

from annotator.cli import main

# Krippendorff (2011), section C: 4 observers x 12 units, "*" = missing; alpha .743 over 11.
DATA = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def reference(level: str) -> float:
    data = np.array([[np.nan if v is None else v for v in row] for row in DATA], dtype=float)
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))


def write_matrix(path: Path, missing: str, quote_header: bool = False) -> Path:
    """The example as R's write.csv writes it (quoted header, NA for missing) or with another
    missing token."""
    head = [f"u{i + 1}" for i in range(12)]
    head = [f'"{h}"' for h in ["coder", *head]] if quote_header else ["coder", *head]
    lines = [",".join(head)]
    for name, row in zip("ABCD", DATA, strict=True):
        lines.append(",".join([name, *(missing if v is None else str(v) for v in row)]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def strict_json(text: str) -> dict:
    def refuse(name: str) -> None:
        raise AssertionError(f"invalid JSON constant {name}")
    return json.loads(text, parse_constant=refuse)


def test_r_write_csv_na_is_missing_at_nominal_level(capsys, tmp_path) -> None:
    path = write_matrix(tmp_path / "r.csv", "NA", quote_header=True)
    code, out, _ = run(capsys, "agreement", "--matrix", str(path), "--level", "nominal",
                       "--bootstrap", "0")
    data = strict_json(out)
    assert code == 0
    assert data["n_units"] == 11
    assert data["value"] == pytest.approx(reference("nominal"), abs=1e-9)
    assert data["value"] == pytest.approx(0.743, abs=0.0005)  # as published


@pytest.mark.parametrize("token", ["", "NA", "na", "N/A", "#N/A", "NaN", "nan", ".", " NA "])
@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_every_missing_token_at_every_level(capsys, tmp_path, token, level) -> None:
    path = write_matrix(tmp_path / "m.csv", token)
    code, out, err = run(capsys, "agreement", "--matrix", str(path), "--level", level,
                         "--bootstrap", "0")
    assert code == 0, err
    data = strict_json(out)
    assert data["n_units"] == 11
    assert data["value"] == pytest.approx(reference(level), abs=1e-9)


def test_help_lists_the_missing_tokens(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["agreement", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for token in ("empty", "NA", "N/A", "#N/A", "NaN", "."):
        assert token in text
    assert "inf is refused" in text


@pytest.mark.parametrize("cell", ["inf", "-inf", "Infinity", "1e400"])
@pytest.mark.parametrize("level", ["ordinal", "interval", "ratio"])
def test_infinite_numbers_are_refused_with_the_cell_named(capsys, tmp_path, cell,
                                                          level) -> None:
    path = tmp_path / "inf.csv"
    path.write_text(f"coder,u1,u2,u3\nA,1,2,3\nB,1,{cell},3\n", encoding="utf-8")
    code, out, err = run(capsys, "agreement", "--matrix", str(path), "--level", level)
    assert code == 2 and out == ""
    assert str(path) in err and "row 3, unit u2" in err and "finite" in err


def test_inf_at_nominal_level_is_a_category_as_help_says(capsys, tmp_path) -> None:
    path = tmp_path / "inf.csv"
    path.write_text("coder,u1,u2,u3\nA,inf,b,a\nB,inf,b,b\n", encoding="utf-8")
    code, out, _ = run(capsys, "agreement", "--matrix", str(path), "--bootstrap", "0")
    data = strict_json(out)
    expected = krippendorff.alpha(value_counts=np.array([[2, 0, 0], [0, 2, 0], [0, 1, 1]]),
                                  level_of_measurement="nominal")
    assert code == 0 and data["n_units"] == 3
    assert data["value"] == pytest.approx(expected)


@pytest.mark.parametrize("level", ["interval", "ratio"])
@pytest.mark.parametrize("coefficient", ["krippendorff_alpha", "fleiss_kappa", "gwet_ac1",
                                         "scott_pi"])
def test_huge_values_give_valid_json_and_the_right_figure(capsys, tmp_path, level,
                                                          coefficient) -> None:
    scale = 1e200
    rows = [[1, 2, 3, 1, 5], [1, 2.5, 3, 2, 5], [1.5, 2, 3, None, 4]]
    path = tmp_path / "big.csv"
    lines = ["coder,u1,u2,u3,u4,u5"] + [
        ",".join([f"c{i}", *("" if v is None else repr(v * scale) for v in row)])
        for i, row in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    small = tmp_path / "small.csv"
    small.write_text("\n".join(["coder,u1,u2,u3,u4,u5"] + [
        ",".join([f"c{i}", *("" if v is None else repr(float(v)) for v in row)])
        for i, row in enumerate(rows)]) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "agreement", "--matrix", str(path), "--level", level,
                       "--coefficient", coefficient, "--bootstrap", "50")
    big = strict_json(out)
    assert code == 0
    _, out_small, _ = run(capsys, "agreement", "--matrix", str(small), "--level", level,
                          "--coefficient", coefficient, "--bootstrap", "50")
    assert big["value"] is not None and math.isfinite(big["value"])
    assert big["value"] == pytest.approx(strict_json(out_small)["value"], rel=1e-9)
    if coefficient == "krippendorff_alpha":
        data = np.array([[np.nan if v is None else v for v in r] for r in rows], dtype=float)
        assert big["value"] == pytest.approx(
            krippendorff.alpha(reliability_data=data, level_of_measurement=level), rel=1e-9)


def test_duplicate_unit_ids_are_refused(capsys, tmp_path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("coder,u1,u2,u1\nA,1,2,3\nB,1,2,3\n", encoding="utf-8")
    code, out, err = run(capsys, "agreement", "--matrix", str(path))
    assert code == 2 and out == ""
    assert str(path) in err and "'u1' appears twice" in err and "columns 2 and 4" in err


def test_cohen_kappa_over_too_many_coders_is_refused_at_once(capsys, tmp_path) -> None:
    path = tmp_path / "many.csv"
    lines = ["coder,u1,u2,u3"] + [f"c{i},1,2,{i % 3}" for i in range(101)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "agreement", "--matrix", str(path), "--coefficient",
                         "cohen_kappa")
    assert code == 2 and out == ""
    assert "5,050 pairs" in err and "at most 100 coders" in err and "fleiss_kappa" in err


def test_cohen_kappa_at_the_cap_still_lists_every_pair(capsys, tmp_path) -> None:
    path = tmp_path / "cap.csv"
    lines = ["coder,u1,u2,u3"] + [f"c{i},1,2,{i % 3}" for i in range(100)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "agreement", "--matrix", str(path), "--coefficient",
                       "cohen_kappa")
    assert code == 0 and len(strict_json(out)["pairs"]) == 4950


# ---- the project's own --wide file -----------------------------------------------------------

@pytest.fixture
def wide_csv(tmp_path: Path) -> Path:
    from annotator import commands
    from annotator.core.model import ArticleRecord
    from annotator.project import Project

    path = tmp_path / "p.annotator"
    text = "Minister A zei dat het zeker is. Volgens B zou het kunnen. Het is onduidelijk. " * 2
    with Project.create(path) as proj:
        proj.import_records([ArticleRecord(text=text, ext_id="a1", title="t")])
        article = proj.articles()[0].id
        spans = [(0, 32), (34, 58), (80, 112), (114, 138)]
        coding = {"anna": ["certain", "possible", "certain", "possible"],
                  "bram": ["certain", "possible", "possible", "possible"]}
        for name, values in coding.items():
            coder = proj.ensure_coder(name).id
            for (start, end), certainty in zip(spans, values, strict=True):
                proj.apply(commands.add_claim, article, coder, start, end,
                           {"attribution": "indirect", "certainty": certainty})
            proj.apply(commands.set_article_status, article, coder, "done")
    wide = tmp_path / "wide.csv"
    assert main(["agreement", str(path), "--wide", str(wide), "--bootstrap", "0"]) == 0
    return wide


def test_wide_file_without_variable_is_refused_with_a_message(capsys, wide_csv) -> None:
    capsys.readouterr()
    code, out, err = run(capsys, "agreement", "--matrix", str(wide_csv))
    assert code == 2 and out == ""
    assert "wide reliability data" in err and "--variable" in err and "certainty" in err


def test_wide_file_is_read_per_variable(capsys, wide_csv) -> None:
    capsys.readouterr()
    code, out, err = run(capsys, "agreement", "--matrix", str(wide_csv), "--variable",
                         "certainty", "--bootstrap", "0")
    data = strict_json(out)
    assert code == 0, err
    assert (data["layout"], data["n_coders"], data["n_units"]) == ("wide", 2, 4)
    # the wide file holds the codebook's numbers: alpha of the same pattern of values
    expected = krippendorff.alpha(reliability_data=np.array([[1, 2, 1, 2], [1, 2, 2, 2]]),
                                  level_of_measurement="nominal")
    assert data["value"] == pytest.approx(expected)


def test_wide_file_variable_names_sharing_a_prefix_stay_apart(capsys, wide_csv) -> None:
    """linked_source_anna is not a coder 'source_anna' of a variable 'linked'."""
    capsys.readouterr()
    code, _, err = run(capsys, "agreement", "--matrix", str(wide_csv), "--variable", "linked")
    assert code == 2 and "no column for variable 'linked'" in err
    assert "linked_source" in err and "linked_channel" in err
    code, out, _ = run(capsys, "agreement", "--matrix", str(wide_csv), "--variable",
                       "linked_source", "--bootstrap", "0")
    assert code == 0 and strict_json(out)["n_coders"] == 2

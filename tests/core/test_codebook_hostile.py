"""Issue 11.7 and 11.15: codebook names the exports use themselves, non-finite codes and YAML
alias bombs are refused at load, through `annotator new --codebook`."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.codebook import default_codebook

SHEET_COLUMNS = ["start", "note", "status", "date", "end", "coder", "Title", "claims_type_x"]


def _book(tmp_path: Path, extra: dict, suffix: str = ".json") -> Path:
    data = json.loads(default_codebook().to_json())
    data["variables"].append(extra)
    f = tmp_path / f"book{suffix}"
    f.write_text(json.dumps(data), encoding="utf-8")
    return f


def _new(tmp_path: Path, book: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["new", str(tmp_path / "p.annotator"), "--codebook", str(book)])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("name", SHEET_COLUMNS)
def test_a_variable_named_like_a_sheet_column_is_refused(tmp_path, capsys, name):
    book = _book(tmp_path, {"name": name, "level": "article", "measure": "interval"})
    code, err = _new(tmp_path, book, capsys)
    assert code != 0 and not (tmp_path / "p.annotator").exists()
    assert str(book) in err and repr(name) in err and "rename" in err


def test_names_differing_only_in_case_are_refused(tmp_path, capsys):
    book = _book(tmp_path, {"name": "Certainty", "level": "claim", "measure": "interval"})
    code, err = _new(tmp_path, book, capsys)
    assert code != 0 and "defined twice" in err


def test_the_fixed_variables_only_at_their_own_level(tmp_path, capsys):
    data = json.loads(default_codebook().to_json())
    data["variables"][0]["level"] = "article"  # `type` as an article variable
    f = tmp_path / "b.json"
    f.write_text(json.dumps(data), encoding="utf-8")
    code, err = _new(tmp_path, f, capsys)
    assert code != 0 and "'type'" in err and "source" in err


@pytest.mark.parametrize("numeric", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numeric_codes_are_refused_in_json(tmp_path, capsys, numeric):
    f = _book(tmp_path, {"name": "topic", "level": "claim", "measure": "nominal",
                         "values": [{"code": "a", "numeric": 1}, {"code": "b", "numeric": 2}]})
    f.write_text(f.read_text().replace('"numeric": 2', f'"numeric": {numeric}'))
    code, err = _new(tmp_path, f, capsys)
    assert code != 0 and str(f) in err and numeric in err


@pytest.mark.parametrize("numeric", [".nan", ".inf", "-.inf"])
def test_non_finite_numeric_codes_are_refused_in_yaml(tmp_path, capsys, numeric):
    f = tmp_path / "b.yaml"
    f.write_text("name: x\nvariables:\n  - name: topic\n    level: claim\n    values:\n"
                 f"      - {{code: a, numeric: 1}}\n      - {{code: b, numeric: {numeric}}}\n")
    code, err = _new(tmp_path, f, capsys)
    assert code != 0 and "'b'" in err and "finite" in err


def test_a_yaml_alias_bomb_is_refused_quickly(tmp_path, capsys):
    lines = ["name: bomb", 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    lines.append("variables: [*l9]")
    f = tmp_path / "bomb.yaml"
    f.write_text("\n".join(lines) + "\n")
    started = time.monotonic()
    code, err = _new(tmp_path, f, capsys)
    assert time.monotonic() - started < 5
    assert code != 0 and str(f) in err and "alias" in err


def test_a_self_referring_alias_and_a_huge_file_are_refused(tmp_path, capsys):
    f = tmp_path / "cycle.yaml"
    f.write_text("name: x\nvariables: &v [*v]\n")
    code, err = _new(tmp_path, f, capsys)
    assert code != 0 and "alias" in err
    big = tmp_path / "big.yaml"
    big.write_text("name: x\n# " + "x" * 2_000_000 + "\n")
    code, err = _new(tmp_path, big, capsys)
    assert code != 0 and "KB" in err


def test_modest_aliases_still_load(tmp_path, capsys):
    f = tmp_path / "shared.yaml"
    f.write_text("name: x\nvariables:\n  - name: tone\n    level: claim\n    values: &scale\n"
                 "      - {code: neg, numeric: 1}\n      - {code: pos, numeric: 2}\n"
                 "  - name: stance\n    level: claim\n    values: *scale\n")
    code, err = _new(tmp_path, f, capsys)
    assert code == 0, err


def test_sheet_columns_are_all_reserved():
    """The reserved list cannot drift from the columns the sheet writes."""
    from annotator.core.codebook import FIXED_LEVEL, RESERVED_NAMES
    from annotator.io.sheet_tables import CLAIM_COLUMNS, SOURCE_COLUMNS

    fixed = (set(CLAIM_COLUMNS) | set(SOURCE_COLUMNS)) - set(FIXED_LEVEL)
    assert fixed <= RESERVED_NAMES


def test_deeply_nested_yaml_is_refused_quickly(tmp_path, capsys):
    f = tmp_path / "deep.yaml"
    f.write_text("name: deep\nvariables: " + "[" * 100_000 + "\n")
    started = time.monotonic()
    code, err = _new(tmp_path, f, capsys)
    assert time.monotonic() - started < 2
    assert code != 0 and str(f) in err and "deep" in err

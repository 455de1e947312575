"""`annotator suggest FILE` and `annotator evaluate` as a user runs them."""

from __future__ import annotations

import json

from annotator.cli import main
from tests.nlp.conftest import DATA, check_contract


def test_cli_suggest_prints_contract_json(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff‘Het gaat goed’, zegt de burgemeester.\r\nVolgens de politie is er niets gebeurd.".encode())
    assert main(["suggest", str(path), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    text = "‘Het gaat goed’, zegt de burgemeester.\nVolgens de politie is er niets gebeurd."
    check_contract(text, result)
    assert len(result["claims"]) == 2


def test_cli_suggest_table_and_language_override(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("The mayor said the bridge would open in May.", encoding="utf-8")
    assert main(["suggest", str(path), "--format", "table", "--language", "en"]) == 0
    out = capsys.readouterr().out
    assert "SOURCES" in out and "The mayor" in out and "language: en" in out


def test_cli_suggest_refuses_binary_file(tmp_path, capsys):
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert main(["suggest", str(path)]) != 0
    err = capsys.readouterr().err
    assert "picture.png" in err and "binary" in err


def test_cli_evaluate_table_and_json(capsys):
    assert main(["evaluate", str(DATA / "seed"), "--format", "json"]) == 0
    figures = json.loads(capsys.readouterr().out)[str(DATA / "seed")]
    assert figures["articles"] == 1 and figures["claim_f1"] > 0.9
    assert main(["evaluate", str(DATA / "dev" / "en")]) == 0
    assert "claim_f1" in capsys.readouterr().out


def test_cli_suggest_project_stores_suggestions_once(tmp_path, capsys):
    from annotator.project import Project

    path = tmp_path / "p.annotator"
    with Project.create(path) as proj:
        proj.import_paths([DATA / "dev" / "nl" / "01_fietsbrug_vaart.txt",
                           DATA / "dev" / "en" / "01_flood_wall_delay.txt"])
    assert main(["suggest", "--project", str(path)]) == 0
    assert "2 article(s)" in capsys.readouterr().out
    assert main(["suggest", "--project", str(path)]) == 0
    assert "0 article(s)" in capsys.readouterr().out
    with Project.open(path) as proj:
        assert all(proj.suggestions(a.id) is not None for a in proj.articles())

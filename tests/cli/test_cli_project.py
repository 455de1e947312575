"""`annotator new`, `import` and `info` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main


def _articles(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("Kop\n\nDe minister zegt dat alles goed gaat.\n", encoding="utf-8")
    (folder / "b.md").write_text("# Titel\n\nVolgens Belga is het rustig.\r\n", encoding="utf-8")
    return folder


def test_cli_new_import_info_json(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    proj = tmp_path / "study.annotator"
    assert main(["new", str(proj), "--language", "nl"]) == 0
    assert main(["import", str(proj), str(_articles(tmp_path / "in")), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["info", str(proj), "--format", "json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["articles"] == 2
    assert info["coders"] == []
    assert info["language"] == "nl"


def test_cli_repeated_import_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    proj = tmp_path / "study.annotator"
    folder = _articles(tmp_path / "in")
    main(["new", str(proj)])
    main(["import", str(proj), str(folder), "--quiet"])
    before = proj.read_bytes()
    capsys.readouterr()
    assert main(["import", str(proj), str(folder), "--quiet", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["added"] == 0 and len(out["skipped"]) == 2
    main(["info", str(proj), "--format", "json"])
    assert json.loads(capsys.readouterr().out)["articles"] == 2
    assert len(before) > 0


def test_cli_new_with_a_malformed_codebook_names_it(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture) -> None:
    bad = tmp_path / "cb.yaml"
    bad.write_text("variables: 3")
    assert main(["new", str(tmp_path / "p.annotator"), "--codebook", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "variables" in err
    assert not (tmp_path / "p.annotator").exists()


def test_cli_info_on_a_non_project_is_a_clear_error(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture) -> None:
    f = tmp_path / "notes.txt"
    f.write_text("hello")
    assert main(["info", str(f)]) == 2
    assert "not an annotator project" in capsys.readouterr().err


def test_cli_console_script_runs(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "annotator", "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.startswith("annotator ")


def test_cli_import_same_named_files_in_subfolders_are_two_articles(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    root = tmp_path / "corpus"
    for outlet in ("nrc", "ad"):
        (root / outlet).mkdir(parents=True)
        (root / outlet / "001.txt").write_text(f"Bericht van {outlet}: de minister zegt iets.")
    proj = tmp_path / "p.annotator"
    main(["new", str(proj)])
    assert main(["import", str(proj), str(root), "--quiet"]) == 0
    from annotator.project import Project

    with Project.open(proj) as p:
        assert sorted(a.ext_id for a in p.articles()) == ["ad/001", "nrc/001"]


def test_cli_import_bad_row_is_reported_with_its_row(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture) -> None:
    table = tmp_path / "t.csv"
    table.write_text("id,text\n1,De minister zegt dat het gaat.\n2,\n", encoding="utf-8")
    proj = tmp_path / "p.annotator"
    main(["new", str(proj)])
    capsys.readouterr()
    assert main(["import", str(proj), str(table), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "imported 1" in out and "t.csv row 3" in out


def test_cli_import_colliding_ids_keeps_both_articles_and_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    for folder, text in (("a", "De minister zegt A."), ("b", "De minister zegt B.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "01.txt").write_text(text, encoding="utf-8")
    proj = tmp_path / "p.annotator"
    main(["new", str(proj)])
    capsys.readouterr()
    assert main(["import", str(proj), str(tmp_path / "a"), str(tmp_path / "b"), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "imported 2" in out and "id '01' was taken" in out
    from annotator.project import Project

    with Project.open(proj) as p:
        assert len({a.ext_id for a in p.articles()}) == 2


def test_cli_suggest_reads_an_html_article_as_import_does(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture) -> None:
    page = tmp_path / "a.html"
    page.write_text("<html><head><title>Kop</title><script>var x = 1;</script></head><body>"
                    "<article><p>De minister zegt dat het goed gaat.</p></article></body></html>",
                    encoding="utf-8")
    assert main(["suggest", str(page), "--format", "json", "--language", "nl"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "<" not in json.dumps(out) and out["cues"][0]["text"] == "zegt"


def test_cli_export_csv_makes_its_folder(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    proj = tmp_path / "p.annotator"
    main(["new", str(proj)])
    folder = tmp_path / "out" / "csv"
    assert main(["export", str(proj), "--csv", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "articles.csv", "claims.csv", "codebook.csv", "sources.csv", "summary.csv"]


def test_cli_gui_without_a_display_says_so(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture) -> None:
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("the display check is for Linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main([]) == 2
    assert "no display" in capsys.readouterr().err

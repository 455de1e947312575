"""`annotator new` → `import` → `info` end to end, through `annotator.cli.main`."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from annotator.cli import main
from annotator.project import Project


def make_corpus(root: Path) -> Path:
    (root / "nrc").mkdir(parents=True)
    (root / "nrc" / "001.txt").write_text("Kop één\n\nDe minister zei iets.\n", encoding="utf-8")
    (root / "nrc" / "002.md").write_bytes("# Kop twee\r\n\r\nCafé ‘x’.\r\n".encode("cp1252"))
    d = docx.Document()
    d.add_paragraph("Een Word-artikel.")
    d.save(str(root / "word.docx"))
    (root / "page.html").write_text(
        "<html><head><title>Web</title><meta property='og:site_name' content='NOS'></head>"
        "<body><article><p>Een webartikel.</p></article></body></html>", encoding="utf-8")
    (root / "table.csv").write_text(
        "id;text;krant;datum\r\nt1;Eerste rij.;AD;2024-03-05\r\nt2;;AD;\r\n"
        "t3;Reuters meldt iets.;Trouw;6 maart 2024\r\n", encoding="utf-8")
    (root / "lines.jsonl").write_text('{"id": "j1", "body": "Uit JSON."}\n{oops\n',
                                      encoding="utf-8")
    (root / "broken.txt").write_bytes(bytes(range(256)) * 4)
    return root


def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    capsys.readouterr()
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def test_new_import_info_and_import_again(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    corpus, project = make_corpus(tmp_path / "corpus"), str(tmp_path / "study.annotator")
    assert main(["new", project]) == 0
    code, outcome = cli_json(capsys, "import", project, str(corpus), "--quiet", "--format", "json")
    assert code == 0 and outcome["added"] == 7
    # "where" is the file, then the row or line of a table ("t.csv row 3")
    skipped = {(Path(s["where"].split(" row ")[0].split(" line ")[0]).name, s["reason"][:20])
               for s in outcome["skipped"]}
    assert any(" row " in s["where"] or " line " in s["where"] for s in outcome["skipped"])
    assert {name for name, _ in skipped} == {"table.csv", "lines.jsonl", "broken.txt"}
    assert any(Path(e["where"]).name == "002.md" for e in outcome["encodings"])
    _, info = cli_json(capsys, "info", project, "--format", "json")
    assert info["articles"] == 7 and info["coders"] == []

    with Project.open(project) as proj:
        before = {(a.ext_id, a.sha256, a.outlet, a.date) for a in proj.articles()}
        t3 = [a for a in proj.articles() if a.ext_id == "t3"][0]
        assert (t3.outlet, t3.date, proj.article_text(t3.id)) == (
            "Trouw", "2024-03-06", "Reuters meldt iets.")

    code, again = cli_json(capsys, "import", project, str(corpus), "--quiet", "--format", "json")
    assert again["added"] == 0 and again["shared_text"] == []
    _, info = cli_json(capsys, "info", project, "--format", "json")
    assert info["articles"] == 7
    with Project.open(project) as proj:
        assert {(a.ext_id, a.sha256, a.outlet, a.date) for a in proj.articles()} == before


def test_wire_copy_under_another_outlet_is_imported_and_flagged(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = str(tmp_path / "study.annotator")
    main(["new", project, "--language", "en"])
    first = tmp_path / "anp.csv"
    first.write_text("id,text,outlet\r\nanp-1,ANP meldt dat de minister aftreedt.,ANP\r\n",
                     encoding="utf-8")
    copy = tmp_path / "copy.csv"
    copy.write_text("id,text,outlet\r\nad-9,ANP meldt dat de minister aftreedt.,AD\r\n",
                    encoding="utf-8")
    code, outcome = cli_json(capsys, "import", project, str(first), "--quiet", "--format", "json")
    assert code == 0 and outcome["added"] == 1
    code, outcome = cli_json(capsys, "import", project, str(copy), "--quiet", "--format", "json")
    assert code == 0 and outcome["added"] == 1
    assert [s["earlier_article"] for s in outcome["shared_text"]] == [1]
    with Project.open(project) as proj:
        wire = [a for a in proj.articles() if a.ext_id == "ad-9"][0]
        assert wire.duplicate_of == 1 and wire.outlet == "AD"


def test_column_options_and_text_report(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    project = str(tmp_path / "study.annotator")
    main(["new", project])
    table = tmp_path / "export.csv"
    table.write_text("nr,artikeltekst,bron\r\n1,Tekst een.,NRC\r\n1,Tekst twee.,NRC\r\n",
                     encoding="utf-8")
    capsys.readouterr()
    assert main(["import", project, str(table), "--quiet"]) == 1
    out = capsys.readouterr().out
    assert "imported 0 article(s), skipped 1" in out and "'artikeltekst'" in out
    assert main(["import", project, str(table), "--quiet", "--text-column", "artikeltekst",
                 "--id-column", "nr", "--outlet-column", "bron", "--language", "nl"]) == 0
    out = capsys.readouterr().out
    assert "imported 1 article(s), skipped 1" in out and "export.csv" in out
    with Project.open(project) as proj:
        (article,) = proj.articles()
        assert (article.ext_id, article.outlet, article.language) == ("1", "NRC", "nl")
        assert proj.article_text(article.id) == "Tekst een."


def test_an_import_failing_half_way_leaves_the_project_as_it_was(project: Project,
                                                                 tmp_path: Path) -> None:
    table = tmp_path / "a.csv"
    table.write_text("id,text\r\n1,een\r\n2,twee\r\n3,drie\r\n", encoding="utf-8")
    project.import_paths([table])
    from annotator.io.importers import read_records

    def breaks_after_two():
        for n, rec in enumerate(read_records(tmp_path / "b.csv")):
            if n == 2:
                raise OSError("disk went away")
            yield rec

    (tmp_path / "b.csv").write_text("id,text\r\n4,vier\r\n5,vijf\r\n6,zes\r\n", encoding="utf-8")
    with pytest.raises(OSError):
        project.import_records(breaks_after_two())
    assert sorted(a.ext_id for a in project.articles()) == ["1", "2", "3"]

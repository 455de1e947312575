"""Saved web pages: the article body without page furniture, metadata from meta tags."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import ImportProblem
from annotator.core.model import ArticleRecord
from annotator.io.importers import read_records

PAGE = """<!DOCTYPE html>
<html lang="nl-NL"><head>
<meta charset="{charset}">
<title>Trump waarschuwt Iran | De Krant</title>
<meta property="og:site_name" content="De Krant">
<meta property="article:published_time" content="2020-12-24T08:15:00+01:00">
<meta name="author" content="Redactie Buitenland">
<link rel="canonical" href="https://dekrant.nl/trump-iran">
<style>p {{ color: red }}</style><script>document.write("<p>script</p>")</script>
</head><body>
<nav><p>Home | Binnenland</p></nav>
<div class="teaser"><p>Lees ook: iets anders</p></div>
<article>
  <h1>Trump waarschuwt Iran</h1>
  <p>De Amerikaanse president   heeft Iran
     gewaarschuwd, ‘aldus’ café-bezoekers.</p>
  <aside><p>Advertentie</p></aside>
  <p>Tweede regel<br>na een breuk.</p>
  <footer><p>© De Krant</p></footer>
</article>
<footer><p>Colofon</p></footer>
</body></html>
"""

BODY = ("Trump waarschuwt Iran\n\nDe Amerikaanse president heeft Iran gewaarschuwd, ‘aldus’ "
        "café-bezoekers.\n\nTweede regel\nna een breuk.")


def only(path: Path, **options: object) -> ArticleRecord | ImportProblem:
    results = list(read_records(path, **options))
    assert len(results) == 1, results
    return results[0]


def test_article_body_and_metadata(tmp_path: Path) -> None:
    f = tmp_path / "trump.html"
    f.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    rec = only(f, outlet="Other", language="en")
    assert isinstance(rec, ArticleRecord), rec
    assert rec.text == BODY
    assert (rec.title, rec.outlet, rec.date, rec.url, rec.language) == (
        "Trump waarschuwt Iran | De Krant", "De Krant", "2020-12-24",
        "https://dekrant.nl/trump-iran", "nl")
    assert rec.metadata == {"author": "Redactie Buitenland"} and rec.encoding == "utf-8"


def test_declared_charset_is_used(tmp_path: Path) -> None:
    f = tmp_path / "a.htm"
    f.write_bytes(PAGE.format(charset="windows-1252").encode("cp1252"))
    rec = only(f)
    assert isinstance(rec, ArticleRecord) and rec.text == BODY and rec.encoding == "cp1252"


def test_a_page_lying_about_its_charset_is_detected(tmp_path: Path) -> None:
    f = tmp_path / "a.html"
    f.write_bytes(PAGE.format(charset="us-ascii").encode("utf-8"))
    rec = only(f)
    assert isinstance(rec, ArticleRecord) and rec.text == BODY


def test_page_without_article_or_paragraphs(tmp_path: Path) -> None:
    f = tmp_path / "plain.html"
    f.write_text("<html><body><nav>menu</nav>Regel een<br>Regel twee</body></html>",
                 encoding="utf-8")
    rec = only(f, outlet="NOS")
    assert isinstance(rec, ArticleRecord)
    assert rec.text == "Regel een\n\nRegel twee" and rec.outlet == "NOS" and rec.title == "Regel een"


def test_empty_and_binary_pages_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>x</title><script>1</script></head></html>",
                     encoding="utf-8")
    problem = only(empty)
    assert isinstance(problem, ImportProblem) and "no article text" in str(problem)
    binary = tmp_path / "bin.html"
    binary.write_bytes(b'<meta charset="utf-8">' + bytes(range(32)) * 200)
    problem = only(binary)
    assert isinstance(problem, ImportProblem) and "binary" in str(problem)

"""Plain-text and Markdown import, encodings, and files that are not text at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import ImportProblem
from annotator.core.model import ArticleRecord
from annotator.io.importers import collect_files, read_records

TEXT = "Minister zegt ‘niets’ over café\r\n\r\nTweede alinea.\rDerde.\n"


def only(path: Path, **options: object) -> ArticleRecord | ImportProblem:
    results = list(read_records(path, **options))
    assert len(results) == 1, results
    return results[0]


def test_txt_is_one_article_named_after_the_file(tmp_path: Path) -> None:
    f = tmp_path / "nrc_001.txt"
    f.write_bytes(TEXT.encode("utf-8"))
    rec = only(f, outlet="NRC", language="nl")
    assert isinstance(rec, ArticleRecord)
    assert rec.text == "Minister zegt ‘niets’ over café\n\nTweede alinea.\nDerde.\n"
    assert (rec.ext_id, rec.title, rec.outlet, rec.language) == (
        "nrc_001", "Minister zegt ‘niets’ over café", "NRC", "nl")
    assert rec.encoding == "utf-8" and rec.where == str(f)


def test_markdown_title_drops_the_hashes_but_the_text_keeps_them(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text("\n# Kop van het stuk\n\nTekst.\n", encoding="utf-8")
    rec = only(f)
    assert isinstance(rec, ArticleRecord)
    assert rec.title == "Kop van het stuk" and rec.text.startswith("\n# Kop")


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_other_encodings_are_read_and_named(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / "a.txt"
    body = ("De minister zei dat de ‘crème brûlée’ in het café “überhaupt” niet "
            "te eten was, aldus de woordvoerder.\r\n") * 5
    f.write_bytes(body.encode(encoding))
    rec = only(f)
    assert isinstance(rec, ArticleRecord), rec
    assert rec.text == body.replace("\r\n", "\n")
    assert rec.encoding.replace("_", "-").lower() in (encoding, "windows-1252")


def test_latin1_text_is_detected(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    body = "Het kabinet wil dat de ministers à la carte kiezen, zegt één woordvoerder. " * 8
    f.write_bytes(body.encode("latin-1"))
    rec = only(f)
    assert isinstance(rec, ArticleRecord) and rec.text == body
    assert rec.encoding not in ("utf-8", "")


def test_binary_file_renamed_txt_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    problem = only(f)
    assert isinstance(problem, ImportProblem)
    assert "photo.txt" in str(problem) and "binary" in str(problem)


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t "])
def test_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    problem = only(f)
    assert isinstance(problem, ImportProblem) and "empty" in str(problem)


def test_a_200_mb_text_is_refused_without_reading_it(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with f.open("wb") as out:  # sparse: 200 MB on paper, nothing on disk
        out.truncate(200 * 1024 * 1024)
    problem = only(f)
    assert isinstance(problem, ImportProblem)
    assert "huge.txt" in str(problem) and "200 MB" in str(problem)


def test_unsupported_and_missing_files_are_named(tmp_path: Path) -> None:
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"whatever")
    problem = only(doc)
    assert isinstance(problem, ImportProblem)
    assert "old.doc" in str(problem) and ".docx" in str(problem)
    missing = only(tmp_path / "nope.txt")
    assert isinstance(missing, ImportProblem) and "no such file" in str(missing)


def test_folders_are_walked_skipping_hidden_lock_and_unknown_files(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    for name in ("b.txt", "sub/a.md", "sub/c.csv", ".git/x.txt", "~$report.docx", "notes.pdf"):
        (root / name).write_text("x", encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text("y", encoding="utf-8")
    found = collect_files([root, single, single])
    assert [f.relative_to(tmp_path).as_posix() for f in found] == [
        "corpus/b.txt", "corpus/sub/a.md", "corpus/sub/c.csv", "single.txt"]


def test_a_text_without_line_breaks_gets_a_headline_length_title(tmp_path: Path) -> None:
    from annotator.io.import_common import TITLE_FROM_TEXT, first_line_title

    words = "De gemeenteraad besloot gisteravond na een lang debat over de begroting " * 6
    title = first_line_title(words)
    assert len(title) <= TITLE_FROM_TEXT + 1 and title.endswith("\u2026")
    assert words.startswith(title[:-1]) and not title[:-1].endswith(" ")
    assert first_line_title("Korte kop\nDe tekst.") == "Korte kop"

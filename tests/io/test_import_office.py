"""Word and Excel files: good ones, broken ones, zip bombs and XML entity tricks."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from annotator.core.errors import ImportProblem
from annotator.core.model import ArticleRecord
from annotator.io import zip_guard
from annotator.io.importers import read_records

LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
                    for i in range(1, 10)) + "]>")


def only(path: Path, **options: object) -> ArticleRecord | ImportProblem:
    results = list(read_records(path, **options))
    assert len(results) == 1, results
    return results[0]


def make_docx(path: Path) -> Path:
    d = docx.Document()
    d.core_properties.title = "Trump waarschuwt Iran"
    d.core_properties.author = "Redactie"
    d.add_paragraph("Eerste alinea met ‘citaat’.")
    d.add_paragraph("")
    d.add_paragraph("Tweede alinea.")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "links", "rechts"
    d.add_paragraph("Slot.")
    d.save(str(path))
    return path


def make_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(["id", "text"])
    wb.active.append([1, "Tekst"])
    wb.save(path)
    return path


def rewrite_zip(path: Path, replace: dict[str, bytes]) -> Path:
    """Copy the zip at `path` with some members replaced or added."""
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    members.update(replace)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    rec = only(make_docx(tmp_path / "stuk.docx"), outlet="NRC")
    assert isinstance(rec, ArticleRecord), rec
    assert rec.text == "Eerste alinea met ‘citaat’.\n\nTweede alinea.\n\nlinks\trechts\n\nSlot."
    assert (rec.ext_id, rec.title, rec.outlet) == ("stuk", "Trump waarschuwt Iran", "NRC")
    assert rec.metadata == {"author": "Redactie"}


@pytest.mark.parametrize("maker, member, word", [
    (make_docx, "word/document.xml", "Slot."), (make_xlsx, "xl/worksheets/sheet1.xml", "Tekst")])
def test_billion_laughs_is_refused_before_parsing(tmp_path: Path, maker, member: str,
                                                  word: str) -> None:
    f = maker(tmp_path / f"evil{'.docx' if maker is make_docx else '.xlsx'}")
    with zipfile.ZipFile(f) as zf:
        xml = zf.read(member).decode("utf-8")
    root = xml[xml.index("?>") + 2:] if xml.startswith("<?xml") else xml
    evil = '<?xml version="1.0"?>' + LAUGHS + root.replace(word, "&lol9;")
    rewrite_zip(f, {member: evil.encode("utf-8")})
    problem = only(f)
    assert isinstance(problem, ImportProblem)
    assert f.name in str(problem) and "DTD" in str(problem) and member in str(problem)


@pytest.mark.parametrize("maker, suffix", [(make_docx, ".docx"), (make_xlsx, ".xlsx")])
def test_zip_bomb_is_refused(tmp_path: Path, maker, suffix: str) -> None:
    f = maker(tmp_path / f"bomb{suffix}")
    rewrite_zip(f, {"customXml/item9.xml": b"<a>" + b" " * (40 * 2**20) + b"</a>"})
    problem = only(f)
    assert isinstance(problem, ImportProblem)
    assert "zip bomb" in str(problem) and f.name in str(problem)


def test_too_much_data_in_total_is_refused(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zip_guard, "MAX_UNCOMPRESSED", 10_000)
    problem = only(make_docx(tmp_path / "big.docx"))
    assert isinstance(problem, ImportProblem) and "unpacks to" in str(problem)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_files_that_are_not_office_zips(tmp_path: Path, suffix: str) -> None:
    text = tmp_path / f"renamed{suffix}"
    text.write_text("just text", encoding="utf-8")
    problem = only(text)
    assert isinstance(problem, ImportProblem) and f"not a valid {suffix}" in str(problem)
    ole = tmp_path / f"old{suffix}"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    problem = only(ole)
    assert isinstance(problem, ImportProblem) and "password-protected" in str(problem)


def test_a_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    f = tmp_path / "other.docx"
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("hello.txt", "hi")
    problem = only(f)
    assert isinstance(problem, ImportProblem) and "cannot read this Word file" in str(problem)
    xlsx_as_docx = make_xlsx(tmp_path / "sheet.xlsx").rename(tmp_path / "sheet.docx")
    assert isinstance(only(xlsx_as_docx), ImportProblem)


def test_empty_document(tmp_path: Path) -> None:
    f = tmp_path / "leeg.docx"
    docx.Document().save(str(f))
    problem = only(f)
    assert isinstance(problem, ImportProblem) and "no text" in str(problem)

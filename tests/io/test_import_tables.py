"""CSV, TSV, JSON Lines and Excel tables: columns by name, bad rows, bad files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from annotator.core.errors import ImportProblem
from annotator.core.model import ArticleRecord
from annotator.io.import_dates import normalise_date
from annotator.io.import_tables import MAX_CELL_CHARS
from annotator.io.importers import read_records


def split(path: Path, **options: object) -> tuple[list[ArticleRecord], list[ImportProblem]]:
    results = list(read_records(path, **options))
    records = [r for r in results if isinstance(r, ArticleRecord)]
    return records, [r for r in results if isinstance(r, ImportProblem)]


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",",
              encoding: str = "utf-8") -> Path:
    def quote(cell: str) -> str:
        return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in '",;\t\n\r') \
            else cell
    path.write_bytes("\r\n".join(delimiter.join(quote(c) for c in row) for row in rows)
                     .encode(encoding))
    return path


ROWS = [["ID", "Headline", "Body", "Krant", "Datum", "Link", "Taal", "Rubriek"],
        ["a1", "Kop één", "Eerste tekst,\r\nmet ‘quotes’.", "NRC", "5 maart 2024",
         "https://nrc.nl/1", "nl-NL", "Binnenland"],
        ["a2", "Kop twee", "Tweede tekst.", "AD", "05-03-2024", "", "", ""]]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_columns_found_by_common_names(tmp_path: Path, delimiter: str) -> None:
    records, problems = split(write_csv(tmp_path / "a.csv", ROWS, delimiter), language="en")
    assert problems == []
    first, second = records
    assert first.text == "Eerste tekst,\nmet ‘quotes’."
    assert (first.ext_id, first.title, first.outlet, first.date, first.url, first.language) == (
        "a1", "Kop één", "NRC", "2024-03-05", "https://nrc.nl/1", "nl")
    assert first.metadata == {"Rubriek": "Binnenland"}
    assert first.where == f"{tmp_path / 'a.csv'} row 2"
    assert second.date == "05-03-2024"  # day-month or month-day: kept as given
    assert second.language == "en"  # the option fills what the row leaves open


def test_tsv_and_cp1252_and_utf16_tables(tmp_path: Path) -> None:
    tsv = write_csv(tmp_path / "a.tsv", ROWS, "\t", encoding="cp1252")
    records, problems = split(tsv)
    assert not problems and records[0].title == "Kop één" and records[0].encoding == "cp1252"
    utf16 = write_csv(tmp_path / "b.csv", ROWS, ";", encoding="utf-16")
    records, problems = split(utf16)
    assert not problems and records[0].text.endswith("‘quotes’.")
    assert records[0].encoding == "utf-16"


def test_missing_text_column_is_one_problem_naming_the_columns(tmp_path: Path) -> None:
    f = write_csv(tmp_path / "kranten.csv", [["id", "artikel", "krant"]] +
                  [[str(i), "tekst", "NRC"] for i in range(50)])
    records, problems = split(f)
    assert records == [] and len(problems) == 1
    message = str(problems[0])
    assert "kranten.csv" in message and "'artikel'" in message and "--text-column" in message
    records, problems = split(f, text_column="Artikel")
    assert len(records) == 50 and not problems


def test_a_misnamed_column_option_is_refused(tmp_path: Path) -> None:
    f = write_csv(tmp_path / "a.csv", ROWS)
    records, problems = split(f, date_column="published_at")
    assert records == [] and len(problems) == 1
    assert "'published_at'" in str(problems[0]) and "'Datum'" in str(problems[0])
    records, problems = split(f, text_column="Headline", outlet_column="Link")
    assert records[0].text == "Kop één" and records[0].outlet == "https://nrc.nl/1"
    assert records[0].metadata["Body"].startswith("Eerste")


def test_bad_rows_are_reported_by_row_and_the_rest_imported(tmp_path: Path) -> None:
    rows = [["id", "text"], ["1", "goed"], ["2", "  "], ["3", "ook goed"], ["1", "dubbel id"],
            ["", ""], ["4", "x" * 100_000]]
    records, problems = split(write_csv(tmp_path / "a.csv", rows))
    assert [r.ext_id for r in records] == ["1", "3", "4"]
    assert len(records[2].text) == 100_000
    assert [p.where for p in problems] == ["row 3", "row 5"]
    assert "empty" in str(problems[0]) and "a.csv (row 3)" in str(problems[0])
    assert "'1'" in str(problems[1]) and "row 2" in str(problems[1])


def test_a_cell_over_10_mb_skips_only_its_row(tmp_path: Path) -> None:
    rows = [["id", "text"], ["1", "goed"], ["2", "x" * (MAX_CELL_CHARS + 1)], ["3", "ook"]]
    records, problems = split(write_csv(tmp_path / "a.csv", rows))
    assert [r.ext_id for r in records] == ["1", "3"]
    assert [p.where for p in problems] == ["row 3"] and "10 MB" in str(problems[0])


@pytest.mark.parametrize("content, expected", [
    (b"", "empty"), (b"id,text\r\n", "no rows"), (b"\x00\x01\x02PK" * 300, "binary")])
def test_empty_headerless_and_binary_tables(tmp_path: Path, content: bytes,
                                            expected: str) -> None:
    f = tmp_path / "t.csv"
    f.write_bytes(content)
    records, problems = split(f)
    assert records == [] and len(problems) == 1
    assert expected in str(problems[0]) and "t.csv" in str(problems[0])


def test_jsonl_lines_and_broken_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"article_id": 7, "content": "Tekst één", "source": "NOS",
                         "published": "2024-03-05T08:00:00Z", "tags": ["a", "b"]}),
             "{broken", "", json.dumps([1, 2]),
             json.dumps({"article_id": 8, "content": "Twee", "extra": {"x": 1}})]
    f = tmp_path / "a.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records, problems = split(f)
    assert [(r.ext_id, r.outlet, r.date) for r in records] == [
        ("7", "NOS", "2024-03-05"), ("8", "", "")]
    assert records[0].metadata == {"tags": ["a", "b"]} and records[1].metadata == {"extra": {"x": 1}}
    assert records[1].title == "Twee"  # no title column: the first line, as for .txt
    assert [p.where for p in problems] == ["line 2", "line 4"]
    assert "not valid JSON" in str(problems[0]) and "a.jsonl" in str(problems[0])


def test_jsonl_without_text_key_is_one_problem(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": 1, "body_html": "<p>x</p>"}\n{"id": 2, "body_html": "y"}\n')
    records, problems = split(f)
    assert records == [] and len(problems) == 1 and "'body_html'" in str(problems[0])


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_xlsx_first_sheet_or_the_sheet_option(tmp_path: Path) -> None:
    f = write_xlsx(tmp_path / "a.xlsx", {
        "Artikelen": [["id", "titel", "tekst", "datum", "score"],
                      [12, "Kop", "Tekst\r\nregel", dt.datetime(2024, 3, 5, 9, 30), 3.5],
                      [13, "Leeg", None, None, None],
                      [None, None, None, None, None],
                      [14.0, "Derde", "Meer tekst", "2024-03-06", 1]],
        "Andere": [["body"], ["Alleen hier"]]})
    records, problems = split(f)
    assert [(r.ext_id, r.date, r.text) for r in records] == [
        ("12", "2024-03-05", "Tekst\nregel"), ("14", "2024-03-06", "Meer tekst")]
    assert records[0].metadata == {"score": 3.5} and records[0].where.endswith("a.xlsx row 2")
    assert [p.where for p in problems] == ["row 3"]
    records, problems = split(f, sheet="Andere")
    assert [r.text for r in records] == ["Alleen hier"] and not problems
    assert [r.text for r in split(f, sheet=2)[0]] == ["Alleen hier"]
    records, problems = split(f, sheet="Blad9")
    assert records == [] and "'Blad9'" in str(problems[0]) and "'Artikelen'" in str(problems[0])


def test_xlsx_missing_text_column(tmp_path: Path) -> None:
    f = write_xlsx(tmp_path / "a.xlsx", {"S": [["id", "tekstveld"], [1, "x"]]})
    records, problems = split(f)
    assert records == [] and len(problems) == 1 and "'tekstveld'" in str(problems[0])


@pytest.mark.parametrize("given, iso", [
    ("2024-03-05", "2024-03-05"), ("2024-03-05T23:59:00+01:00", "2024-03-05"),
    ("2024/3/5", "2024-03-05"), ("5 maart 2024", "2024-03-05"), ("March 5, 2024", "2024-03-05"),
    ("di 5 mrt. 2024", "2024-03-05"), ("25-03-2024", "2024-03-25"), ("03/25/2024", "2024-03-25"),
    ("05-03-2024", "05-03-2024"), ("2024-02-30", "2024-02-30"), ("gisteren", "gisteren"),
    (dt.date(2024, 3, 5), "2024-03-05"), (None, "")])
def test_dates_are_normalised_only_when_unambiguous(given: object, iso: str) -> None:
    assert normalise_date(given) == iso


def test_a_huge_table_changing_encoding_part_way_is_refused_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.io import import_encoding

    monkeypatch.setattr(import_encoding, "WHOLE_FILE_BYTES", 1000)  # "huge": detect on a sample
    monkeypatch.setattr(import_encoding, "SAMPLE_BYTES", 500)
    f = tmp_path / "mixed.csv"
    rows = b"id,text\n" + b"".join(b"%d,plain ascii text\n" % i for i in range(3000))
    f.write_bytes(rows + b"3000,caf\xe9 in latin-1\n3001,more\n")
    records, problems = split(f)
    assert 2000 < len(records) <= 3000 and records[0].encoding == "utf-8"
    assert len(problems) == 1 and problems[0].where == f"row {len(records) + 2}"
    assert "utf-8" in str(problems[0]) and problems[0].refuses_file
    # the import keeps nothing of it: half a file is not imported
    from annotator.project import Project

    with Project.create(tmp_path / "p.annotator") as proj:
        outcome = proj.import_paths([f])
        assert outcome.added == [] and proj.articles() == []
    assert "nothing from this file was imported" in outcome.skipped[-1][1]

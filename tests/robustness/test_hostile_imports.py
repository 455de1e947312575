"""Hostile input for every importer, generated with Hypothesis (issue 11, "Done when").

Each file the app reads from outside (tables: .csv .tsv .xlsx .jsonl; one-article files: .txt
.md .html .docx; whole folders; codebooks: .yaml .json; coding sheets; agreement matrices) is
fed random bytes, random encodings, odd structure, deep nesting and odd sizes, through the
command line in-process. Whatever comes in, the command ends with a clean import or a message
naming the file, never a traceback; what it stores passes the store's text check, and an import
is all or nothing per file.

Examples are few and small (the whole module runs in well under 30 s); the named regression
tests in tests/io and tests/core cover the known cases one by one.
"""

from __future__ import annotations

import codecs
import io
import json
import math
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli import main
from annotator.core.codebook import default_codebook
from annotator.core.textcheck import find_problem
from annotator.project import Project

# HOSTILE_EXAMPLES=500 for a longer hunt than CI's
EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "15"))
FAST = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1", "cp437",
             "shift_jis", "koi8-r"]
# Any character at all, lone surrogates and control characters included.
ANY_CHAR = st.characters(codec=None)
cells = st.text(ANY_CHAR, max_size=30) | st.sampled_from(
    ['"', '""', '"a', 'a"b', "\n", "\r\n", ";", ",", "\t", "\x00", "\ufeff", "=1+1", "😀",
     "_x0000_", "9" * 5000])


def _template() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="hostile-"))
    with redirect_stdout(io.StringIO()):
        assert main(["new", str(folder / "template.annotator")]) == 0
    return folder / "template.annotator"


TEMPLATE = _template()


@contextmanager
def fresh_project() -> Iterator[tuple[Path, Path]]:
    """A new project (a copy of one made once) and a folder for the input files."""
    with tempfile.TemporaryDirectory() as d:
        project = Path(d) / "p.annotator"
        shutil.copyfile(TEMPLATE, project)
        inputs = Path(d) / "in"
        inputs.mkdir()
        yield project, inputs


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))  # anything raised here is a traceback the user would see
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


def check_import(project: Path, *paths: Path) -> dict:
    """Import `paths`; assert a clean outcome naming the files, and a sound project."""
    code, out, err = run("import", str(project), *map(str, paths), "--quiet", "--format", "json")
    assert code in (0, 1), err
    report = json.loads(out)
    names = [str(p) for p in paths]
    for skip in report["skipped"]:
        assert any(skip["where"].startswith(n) for n in names), skip
        assert skip["reason"] and "\n" not in skip["reason"], skip
    with Project.open(project) as proj:
        articles = proj.articles()
        assert len(articles) == report["added"]
        for art in articles:
            text = proj.article_text(art.id)
            assert text.strip() and find_problem(text) is None
            assert art.text_length == len(text)
            for value in (art.ext_id, art.title, art.outlet, art.date, art.url):
                assert find_problem(value) is None
    if report["added"] == 0:
        assert code == 1 or report["repeats"] or not report["skipped"]
    return report


def encode(text: str, encoding: str) -> bytes:
    return codecs.encode(text, encoding, errors="replace")


# ---- tables ------------------------------------------------------------------------------
@FAST
@given(data=st.binary(max_size=3000),
       suffix=st.sampled_from([".csv", ".tsv", ".jsonl", ".xlsx", ".txt", ".md", ".html",
                               ".htm", ".docx"]))
def test_random_bytes_in_any_importer(data: bytes, suffix: str) -> None:
    with fresh_project() as (project, inputs):
        f = inputs / f"random{suffix}"
        f.write_bytes(data)
        check_import(project, f)


@FAST
@given(header=st.lists(st.sampled_from(["id", "text", "Body", "title", "outlet", "date",
                                        "published_at", "publisher", "", "text", "x;y"])
                       | st.text(ANY_CHAR, max_size=8), min_size=1, max_size=6),
       rows=st.lists(st.lists(cells, max_size=7), max_size=12),
       delimiter=st.sampled_from([",", ";", "\t", "|"]),
       quote_all=st.booleans(),
       encoding=st.sampled_from(ENCODINGS),
       newline=st.sampled_from(["\n", "\r\n", "\r"]),
       suffix=st.sampled_from([".csv", ".tsv"]))
def test_hostile_csv(header, rows, delimiter, quote_all, encoding, newline, suffix) -> None:
    def line(cells_: list[str]) -> str:
        if quote_all:
            cells_ = ['"' + c.replace('"', '""') + '"' for c in cells_]
        return delimiter.join(cells_)

    body = newline.join(line(r) for r in [header, *rows]) + newline
    with fresh_project() as (project, inputs):
        f = inputs / f"table{suffix}"
        f.write_bytes(encode(body, encoding))
        check_import(project, f)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(ANY_CHAR, max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=4),
    max_leaves=12)


@FAST
@given(lines=st.lists(
    st.dictionaries(st.sampled_from(["id", "text", "body", "title", "outlet", "date", "meta"])
                    | st.text(ANY_CHAR, max_size=6), json_values, max_size=6)
    | json_values
    | st.sampled_from(["[" * 50_000, '{"text": ' + "[" * 3000 + "]" * 3000 + "}",
                       '{"text": "x", "id": ' + "7" * 5000 + "}", '{"text": NaN}',
                       '{"text": "a\\ud800b"}', "{oops", ""]),
    max_size=8),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_hostile_jsonl(lines, encoding) -> None:
    text = "\n".join(x if isinstance(x, str) and not x[:1].isalnum() and x != ""
                     and x[0] in "[{" else json.dumps(x) for x in lines) + "\n"
    with fresh_project() as (project, inputs):
        f = inputs / "lines.jsonl"
        f.write_bytes(encode(text, encoding))
        check_import(project, f)


xlsx_cells = (st.none() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
              | st.booleans() | st.dates() | cells)


@FAST
@given(rows=st.lists(st.lists(xlsx_cells, max_size=6), max_size=8),
       header=st.lists(st.sampled_from(["id", "text", "tekst", "date", "pubdate", "source",
                                        None, "text"]), min_size=1, max_size=5))
def test_hostile_xlsx(rows, header) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [header, *rows]:
        try:
            ws.append(row)
        except Exception:  # openpyxl refuses characters XML cannot hold: not our input then
            ws.append([None])
    with fresh_project() as (project, inputs):
        f = inputs / "sheet.xlsx"
        wb.save(f)
        check_import(project, f)


@FAST
@given(members=st.dictionaries(
    st.sampled_from(["[Content_Types].xml", "word/document.xml", "xl/workbook.xml",
                     "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "_rels/.rels"]),
    st.binary(max_size=400) | st.sampled_from([
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;&a;</x>',
        b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/"
        b"main'><w:body><w:p><w:r><w:t>Tekst\x01</w:t></w:r></w:p></w:body></w:document>"]),
    max_size=5),
    suffix=st.sampled_from([".docx", ".xlsx"]))
def test_hostile_office_zips(members, suffix) -> None:
    with fresh_project() as (project, inputs):
        f = inputs / f"office{suffix}"
        with zipfile.ZipFile(f, "w") as z:
            for name, data in members.items():
                z.writestr(name, data)
        check_import(project, f)


@FAST
@given(text=st.text(ANY_CHAR, max_size=400), encoding=st.sampled_from(ENCODINGS),
       suffix=st.sampled_from([".txt", ".md", ".html"]),
       wrap=st.sampled_from(["{}", "<html><head><title>{}</title></head><body><p>{}</p></body>",
                             "<p>" * 300 + "{}"]))
def test_hostile_text_and_html(text, encoding, suffix, wrap) -> None:
    body = wrap.replace("{}", text) if suffix == ".html" else text
    with fresh_project() as (project, inputs):
        f = inputs / f"article{suffix}"
        f.write_bytes(encode(body, encoding))
        check_import(project, f)


# ---- folders -----------------------------------------------------------------------------
@settings(max_examples=max(EXAMPLES // 2, 8), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(st.tuples(st.binary(min_size=1, max_size=16).map(bytes.hex),
                                st.sampled_from([".txt", ".csv", ".jsonl", ".md"]),
                                st.binary(max_size=300)), max_size=6),
       bad_name=st.booleans())
def test_hostile_folder_imports_the_good_files_and_names_the_bad(files, bad_name) -> None:
    with fresh_project() as (project, inputs):
        good = inputs / "zz_good.txt"
        good.write_text("Een artikel dat er altijd is.\n", encoding="utf-8")
        for stem, suffix, data in files:
            (inputs / f"{stem}{suffix}").write_bytes(data)
        os.symlink("/dev/zero", inputs / "zero.txt")
        os.mkfifo(inputs / "pipe.txt")
        os.symlink(inputs / "missing.txt", inputs / "dangling.txt")
        if bad_name:
            with open(os.fsencode(inputs) + b"/naam\xe9.txt", "wb") as fh:
                fh.write(b"Tekst.\n")
        report = check_import(project, inputs)
        skipped = {s["where"] for s in report["skipped"]}
        assert {str(inputs / n) for n in ("zero.txt", "pipe.txt", "dangling.txt")} <= skipped
        with Project.open(project) as proj:
            assert "zz_good" in {a.ext_id for a in proj.articles()}


# ---- codebooks ---------------------------------------------------------------------------
def _mutated_codebook(draw_value: object, where: int, key: str) -> dict:
    data = json.loads(default_codebook().to_json())
    var = data["variables"][where % len(data["variables"])]
    if key.startswith("value."):
        if var["values"]:
            var["values"][0][key[6:]] = draw_value
    else:
        var[key] = draw_value
    return data


@FAST
@given(value=json_values | st.sampled_from(["note", "start", "Status", float("nan"),
                                            float("inf"), "", "x" * 500]),
       where=st.integers(0, 5),
       key=st.sampled_from(["name", "level", "measure", "values", "label", "value.code",
                            "value.numeric", "value.shortcut"]),
       as_yaml=st.booleans())
def test_hostile_codebook_structures(value, where, key, as_yaml) -> None:
    data = _mutated_codebook(value, where, key)
    with fresh_project() as (project, inputs):
        if as_yaml:
            import yaml

            f = inputs / "book.yaml"
            f.write_text(yaml.safe_dump(data, allow_unicode=False), encoding="utf-8")
        else:
            f = inputs / "book.json"
            f.write_text(json.dumps(data), encoding="utf-8")
        _check_codebook(inputs, f)


@FAST
@given(data=st.binary(max_size=1500) | st.text(ANY_CHAR, max_size=300).map(
    lambda t: t.encode("utf-8", "surrogatepass")),
    depth=st.integers(0, 600), aliases=st.integers(0, 12),
    suffix=st.sampled_from([".yaml", ".yml", ".json"]))
def test_hostile_codebook_files(data, depth, aliases, suffix) -> None:
    with fresh_project() as (project, inputs):
        f = inputs / f"book{suffix}"
        if aliases:  # a chain of anchors, each holding the one before ten times
            chain = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
            chain += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, aliases)]
            data = ("name: bomb\n" + "\n".join(chain) + f"\nvariables: [*a{aliases - 1}]\n"
                    ).encode()
        elif depth:
            data = b"name: deep\nvariables: " + b"[" * depth + b"]" * depth + b"\n"
        f.write_bytes(data)
        _check_codebook(inputs, f)


def _check_codebook(inputs: Path, f: Path) -> None:
    target = inputs / "new.annotator"
    code, _out, err = run("new", str(target), "--codebook", str(f))
    if code == 0:
        with Project.open(target) as proj:
            assert proj.codebook.variables
    else:
        assert code == 2 and str(f) in err and not target.exists(), err
        assert len(err.strip().splitlines()) == 1


# ---- coding sheets and agreement matrices ------------------------------------------------
@settings(max_examples=max(EXAMPLES // 3, 6), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(note=st.text(ANY_CHAR, max_size=40) | st.sampled_from(["_x0000_", "_x001B_x", "=A1"]),
       certainty=st.text(ANY_CHAR, max_size=10) | st.sampled_from(["probable", "2", "9e999"]),
       junk=st.none() | st.binary(max_size=500))
def test_hostile_coding_sheet(note, certainty, junk) -> None:
    from annotator import commands

    with fresh_project() as (project, inputs):
        with Project.open(project) as proj:
            proj.import_records(_one_article())
            art, coder = proj.articles()[0].id, proj.ensure_coder("anna").id
            proj.apply(commands.add_claim, art, coder, 0, 10)
        sheet = inputs / "sheet.xlsx"
        assert run("export", str(project), "--xlsx", str(sheet))[0] == 0
        if junk is not None:
            sheet.write_bytes(junk)
        else:
            wb = openpyxl.load_workbook(sheet)
            ws = wb["Claims"]
            cols = {c.value: c.column for c in ws[1]}
            try:
                ws.cell(2, cols["note"]).value = note
                ws.cell(2, cols["certainty"]).value = certainty
            except Exception:  # openpyxl refuses characters XML cannot hold
                return
            wb.save(sheet)
        code, _out, err = run("import-sheet", str(project), str(sheet), "--coder", "anna")
        assert code in (0, 2) and (code == 0 or str(sheet) in err), err
        with Project.open(project) as proj:
            for claim in proj.claims():
                assert find_problem(claim.note) is None


def _one_article():
    from annotator.core.model import ArticleRecord

    return [ArticleRecord(text="De minister zegt dat het goed gaat.", ext_id="a")]


@FAST
@given(rows=st.lists(st.lists(cells | st.sampled_from(["NA", "", "nan", "inf", "1e308", "1"]),
                              max_size=6), max_size=6),
       level=st.sampled_from(["nominal", "ordinal", "interval", "ratio"]),
       encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_hostile_agreement_matrix(rows, level, encoding) -> None:
    with fresh_project() as (_project, inputs):
        f = inputs / "matrix.csv"
        f.write_bytes(encode("\n".join(",".join(r) for r in rows) + "\n", encoding))
        code, out, err = run("agreement", "--matrix", str(f), "--level", level)
        assert code in (0, 2), err
        if code == 0:
            result = json.loads(out)  # valid JSON: no NaN or Infinity
            assert all(not isinstance(v, float) or math.isfinite(v) for v in result.values())
        else:
            assert str(f) in err

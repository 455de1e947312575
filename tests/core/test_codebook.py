"""The codebook: the default one, loading others, refusing malformed ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.codebook import codebook_from_json, default_codebook, load_codebook
from annotator.core.errors import CodebookError


def test_codebook_default_has_the_codes_of_the_shared_codebook() -> None:
    book = default_codebook()
    assert book.variable("type").codes() == ["person", "institution", "news_media",
                                             "social_media", "anonymous", "document"]
    assert book.variable("type").level == "source"
    assert book.variable("attribution").codes() == ["direct", "indirect", "unattributed"]
    certainty = book.variable("certainty")
    assert certainty.measure == "ordinal"
    assert certainty.codes() == ["certain", "probable", "possible", "uncertain"]
    assert all(v.definition and v.shortcut for var in book.variables for v in var.values)


def test_codebook_round_trips_through_json() -> None:
    book = default_codebook()
    assert codebook_from_json(book.to_json()) == book


def test_codebook_check_accepts_code_numeric_and_label_and_refuses_others() -> None:
    cert = default_codebook().variable("certainty")
    assert cert.check("probable") == "probable"
    assert cert.check("2") == "probable"
    assert cert.check("Probable") == "probable"
    with pytest.raises(ValueError, match="not a value of certainty"):
        cert.check("sure")


def _write(tmp_path: Path, name: str, body: str) -> Path:
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


def test_codebook_loads_a_project_codebook_from_yaml(tmp_path: Path) -> None:
    p = _write(tmp_path, "cb.yaml", """
name: Mine
variables:
  - name: topic
    level: article
    measure: nominal
    values: [{code: politics, numeric: 1}, {code: sport, numeric: 2}]
  - name: words
    level: claim
    measure: ratio
""")
    book = load_codebook(p)
    assert [v.name for v in book.at_level("article")] == ["topic"]
    assert book.variable("words").check("12") == "12"


@pytest.mark.parametrize("body, problem", [
    ("name: x\nvariables: [", "not valid YAML"),
    ("- just a list", "must be a mapping"),
    ("variables: []", "non-empty list"),
    ("variables: [{name: a, level: claim, measure: nominal, values: []}]", "has no values"),
    ("variables: [{name: a, level: nowhere}]", "'level' must be"),
    ("variables: [{name: a, level: claim, values: [{code: x, numeric: 1}, {code: x, numeric: 2}]}]",
     "duplicate code 'x'"),
    ("variables: [{name: a, level: claim, values: [{code: x}]}]", "needs a number"),
    ("variables: [{name: a, level: claim, values: [{code: x, numeric: 1}]},"
     " {name: a, level: claim, values: [{code: y, numeric: 1}]}]", "defined twice"),
])
def test_codebook_malformed_is_refused_naming_file_and_problem(tmp_path: Path, body: str,
                                                              problem: str) -> None:
    p = _write(tmp_path, "bad.yaml", body)
    with pytest.raises(CodebookError) as err:
        load_codebook(p)
    assert str(p) in str(err.value)
    assert problem in str(err.value)


def test_codebook_json_file(tmp_path: Path) -> None:
    p = _write(tmp_path, "cb.json", json.dumps(default_codebook().to_dict()))
    assert load_codebook(p) == default_codebook()
    bad = _write(tmp_path, "bad.json", "{")
    with pytest.raises(CodebookError, match="not valid JSON"):
        load_codebook(bad)

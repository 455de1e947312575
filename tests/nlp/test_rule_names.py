"""Say why: every suggestion names the rule that made it, in the JSON, the store and the GUI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.rules import rule_label, rule_labels
from annotator.nlp.suggest import suggest_text

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("lang,text,rule", [
    ("nl", "De minister zegt dat de brug in 2027 klaar is.", "reporting_verb"),
    ("nl", "‘De brug komt er pas in 2027’, zegt de wethouder.", "quote_tag"),
    ("nl", "Volgens de gemeente kost de brug vier miljoen euro.", "according_to"),
    ("nl", "Het is niet duidelijk of de provincie wil bijdragen aan de kosten.", "uncertainty_frame"),
    ("en", "The mayor said the bridge would open next year.", "reporting_verb"),
    ("en", "“We will rebuild the bridge,” the mayor said.", "quote_tag"),
    ("en", "According to Reuters, the talks collapsed on Monday.", "according_to"),
])
def test_rule_names_name_the_construction(lang: str, text: str, rule: str) -> None:
    claims = suggest_text(text, lang)["claims"]
    assert [c["rule"] for c in claims] == [rule]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_rule_names_every_suggestion_on_the_dev_set_has_a_known_rule(lang: str) -> None:
    known = set(rule_labels()) - {"other"}
    seen = set()
    for path in sorted((DATA / "dev" / lang).glob("*.txt")):
        result = suggest_text(path.read_text(encoding="utf-8"), lang)
        for kind in ("sources", "cues", "claims"):
            for item in result[kind]:
                assert item["rule"] in known, (path.name, kind, item)
                seen.add(item["rule"])
    assert len(seen) >= 6  # the set exercises many constructions, not one catch-all


def test_rule_names_have_labels_for_people() -> None:
    assert "volgens" in rule_label("according_to")
    assert rule_label("no_such_rule") == "no_such_rule"


def test_rule_names_are_stored_with_suggestions_and_shown_by_the_cli(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from annotator.cli import main
    from annotator.project import Project

    art = tmp_path / "a.txt"
    art.write_text("Kop\n\nVolgens de gemeente kost de brug vier miljoen euro.\n", encoding="utf-8")
    proj = tmp_path / "p.annotator"
    assert main(["new", str(proj), "--language", "nl"]) == 0
    assert main(["import", str(proj), str(art), "--quiet"]) == 0
    assert main(["suggest", "--project", str(proj)]) == 0
    with Project.open(proj) as p:
        sug = p.suggestions(p.articles()[0].id)
    assert [c.rule for c in sug.claims] == ["according_to"]
    assert [c.rule for c in sug.cues] == ["according_to"]
    capsys.readouterr()
    assert main(["suggest", str(art), "--format", "json", "--language", "nl"]) == 0
    assert json.loads(capsys.readouterr().out)["claims"][0]["rule"] == "according_to"
    assert main(["suggest", str(art), "--format", "table", "--language", "nl"]) == 0
    assert "rule: according_to" in capsys.readouterr().out

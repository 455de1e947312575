"""The rule engine's layout holds: one module per construction, the order in one list, no
language branch outside annotator/nlp/lang/, no module of annotator/nlp over ~400 lines, every
rule named in the lists labelled for the coder."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from annotator.core.rules import rule_labels
from annotator.nlp.discourse import Discourse
from annotator.nlp.lang import hooks
from annotator.nlp.lexicon import load
from annotator.nlp.rules import PARAGRAPH_RULES, SENTENCE_RULES, VERB_RULES
from annotator.nlp.suggest import suggest_text
from annotator.nlp.tokens import Toks

NLP = Path(__file__).resolve().parents[2] / "annotator" / "nlp"
LANG_CODES = {"nl", "en"}


def _language_tests(path: Path) -> list[int]:
    """Lines comparing something with a language code ('lang == "nl"', '"en" != code')."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare):
            parts = [node.left, *node.comparators]
            if any(isinstance(p, ast.Constant) and p.value in LANG_CODES for p in parts):
                lines.append(node.lineno)
    return lines


def test_no_language_branch_outside_lang() -> None:
    offenders = {str(p.relative_to(NLP)): _language_tests(p) for p in NLP.rglob("*.py")
                 if "lang" not in p.relative_to(NLP).parts[:1] and p.name != "langdetect.py"}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_no_module_over_400_lines() -> None:
    sizes = {str(p.relative_to(NLP)): len(p.read_text(encoding="utf-8").splitlines()) for p in NLP.rglob("*.py")}
    assert {k: n for k, n in sizes.items() if n > 400} == {}


def test_every_listed_rule_is_labelled_and_named_once_per_list() -> None:
    labels = rule_labels()
    for rules in (SENTENCE_RULES, VERB_RULES, PARAGRAPH_RULES):
        names = [r.name for r in rules]
        assert len(names) == len(set(names))
        assert all(r.trigger for r in rules)
    named = {r.name for r in VERB_RULES + PARAGRAPH_RULES} | {r.name for r in SENTENCE_RULES if r.name != "cues"}
    assert named - set(labels) == set()


def test_verb_rule_order_is_the_precedence() -> None:
    """A tag after the claim beats the complement reading: moving quote_tag after
    reporting_verb would read '..., zegt X dat' differently, so its place is part of the contract."""
    names = [r.name for r in VERB_RULES]
    assert names.index("quote_tag") < names.index("reporting_verb") == len(names) - 1
    assert all(r.modes for r in VERB_RULES if r.final)  # only a mode-bound rule ends the search unfound


@pytest.mark.parametrize("code", ["nl", "en"])
def test_discourse_carries_its_language_hooks(code: str) -> None:
    d = Discourse(load(code), Toks("", [], []))
    assert d.lang is hooks(code) and d.lang.code == code
    assert d.claims == [] and d.prev_sentence is None and d.para_claims == []


def test_hooks_carry_the_word_order_difference() -> None:
    """Dutch verb-second inversion finds the subject after the verb; the English rule does not."""
    assert hooks("nl").verb_second and not hooks("en").verb_second
    nl = suggest_text("Donderdag zei de burgemeester dat de brug in 2027 klaar is.", "nl")
    assert [s["text"] for s in nl["sources"]] == ["de burgemeester"]
    assert nl["text_length"] > 0 and nl["claims"][0]["source"] == 0

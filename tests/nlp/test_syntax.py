"""Parse rules' logic that needs no parser: pieces and offsets, noun-phrase edges, the checked
pattern data, and the add-only merge (issue 15)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from annotator.core.rules import rule_labels
from annotator.nlp.lexicon import load as load_lexicon
from annotator.nlp.syntax import loader, patterns, spans
from annotator.nlp.syntax.merge import Finding, add_findings


@dataclass
class FakeTok:
    """A token as the span builders read it, for trees written by hand."""

    i: int
    idx: int
    text: str
    dep_: str
    kids: list[FakeTok] = field(default_factory=list)

    @property
    def is_punct(self) -> bool:
        return self.dep_ == "punct"

    @property
    def children(self) -> list[FakeTok]:
        return self.kids

    @property
    def subtree(self) -> list[FakeTok]:
        return sorted([self, *(t for k in self.kids for t in k.subtree)], key=lambda t: t.i)


def fake_sentence(text: str, deps: list[str], heads: list[int]) -> list[FakeTok]:
    toks, pos = [], 0
    for i, (word, dep) in enumerate(zip(text.split(), deps, strict=True)):
        pos = text.index(word, pos)
        toks.append(FakeTok(i, pos, word, dep))
        pos += len(word)
    for tok, head in zip(toks, heads, strict=True):
        if head != tok.i:
            toks[head].kids.append(tok)
    return toks


# "The official , who spoke first , said ..." with the relative clause on "official"
OFFICIAL = fake_sentence("The official , who spoke first , said",
                         ["det", "nsubj", "punct", "nsubj", "acl:relcl", "advmod", "punct", "ROOT"],
                         [1, 7, 4, 4, 1, 4, 1, 7])


def test_syntax_pieces_are_the_lines_with_their_offsets() -> None:
    text = "Headline\n\nThe mayor said it.\n  \nLast line"
    assert spans.pieces(text) == [(0, "Headline"), (10, "The mayor said it."), (32, "Last line")]
    for start, piece in spans.pieces(text):
        assert text[start:start + len(piece)] == piece


def test_syntax_token_at_maps_a_character_to_its_token() -> None:
    starts, ends = [10, 14, 20], [13, 19, 24]
    assert spans.token_at(starts, ends, 10) == 0
    assert spans.token_at(starts, ends, 16) == 1
    assert spans.token_at(starts, ends, 13) is None  # the space between tokens
    assert spans.token_at(starts, ends, 5) is None


def test_syntax_speaker_phrase_stops_before_its_relative_clause() -> None:
    head = OFFICIAL[1]
    kept = spans.phrase_tokens(head, {"acl:relcl"})
    assert [t.text for t in kept] == ["The", "official"]  # the comma goes with the clause
    assert spans.trimmed_span(kept, {"cc", "mark"}, 100) == (100, 112)  # shifted by the piece
    # uncut, the whole subtree without its closing comma
    assert spans.trimmed_span(spans.phrase_tokens(head, set()), set(), 0) == (0, 30)


def test_syntax_trimmed_span_drops_mark_and_punctuation_and_can_be_empty() -> None:
    toks = fake_sentence("that prices rose .", ["mark", "nsubj", "ccomp", "punct"], [2, 2, 2, 2])
    assert spans.trimmed_span(toks, {"mark"}, 0) == (5, 16)
    assert spans.trimmed_span(toks[:1], {"mark"}, 0) is None


VERBS = load_lexicon("en").verbs


def rule(**over: object) -> dict:
    raw = {"name": "r", "action": "add", "verbs": {"modes": ["always"]}, "pattern": [
        {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "cue", "REL_OP": ">", "RIGHT_ID": "source", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        {"LEFT_ID": "cue", "REL_OP": ">", "RIGHT_ID": "claim", "RIGHT_ATTRS": {"DEP": "ccomp"}}]}
    raw.update(over)
    return raw


def test_syntax_pattern_anchor_gets_the_forms_of_the_selected_verbs() -> None:
    parsed = patterns.parse({"rules": [rule()]}, VERBS)
    forms = parsed.rules[0].pattern[0]["RIGHT_ATTRS"]["LOWER"]["IN"]
    assert {"said", "says", "told"} <= set(forms)
    assert "argued" not in forms  # mode complement, not selected
    by_object = patterns.verb_forms({"objects": ["np"]}, VERBS)
    assert "condemned" in by_object and "said" not in by_object


def test_syntax_pattern_verbs_with_a_particle_are_left_out() -> None:
    with_particle = {f for f, es in VERBS.items() if all(e.particle for e in es)}
    assert with_particle, "the English verb list has phrasal verbs (point out)"
    everything = {"modes": ["always", "complement", "object", "colon", "share"]}
    assert not with_particle & set(patterns.verb_forms(everything, VERBS))


@pytest.mark.parametrize("raw,message", [
    ({"action": "add"}, "without a name"),
    (rule(action="remove"), "is not one of"),
    (rule(pattern=[]), "no pattern"),
    (rule(pattern=[{"RIGHT_ID": "verb", "RIGHT_ATTRS": {}}]), "must be 'cue'"),
    (rule(pattern=[{"RIGHT_ID": "cue", "RIGHT_ATTRS": {}, "REL": ">"}]), "must have RIGHT_ID"),
    (rule(pattern=[{"RIGHT_ID": "cue", "RIGHT_ATTRS": {}}]), "needs nodes ['claim', 'source']"),
    (rule(verbs={"modes": ["no such mode"]}), "selects no reporting verb"),
])
def test_syntax_pattern_data_errors_say_what_is_wrong(raw: dict, message: str) -> None:
    with pytest.raises(patterns.ParseRuleError, match=message.replace("[", r"\[").replace("]", r"\]")):
        patterns.parse({"rules": [raw]}, VERBS)


def test_syntax_pattern_names_must_not_repeat() -> None:
    with pytest.raises(patterns.ParseRuleError, match="repeat"):
        patterns.parse({"rules": [rule(), rule()]}, VERBS)


def test_syntax_shipped_rules_load_are_documented_and_valid_for_the_matcher() -> None:
    import spacy
    from spacy.matcher import DependencyMatcher

    rules = patterns.load("en")
    assert rules is not None and rules.enabled()
    raw = json.loads(patterns.rules_path("en").read_text(encoding="utf-8"))
    assert [r.name for r in rules.rules] == [r["name"] for r in raw["rules"]]
    matcher = DependencyMatcher(spacy.blank("en").vocab, validate=True)
    for r in rules.rules:
        assert r.name in rule_labels(), f"{r.name} needs a label in resources/nlp/rules.json"
        matcher.add(r.name, [r.pattern])  # raises on a malformed pattern
    assert patterns.load("xx") is None  # a language without parse rules


def result_with_rules_claim(text: str) -> dict:
    """A token-rules result for TEXT: the quote as a claim of 'said', with no source."""
    cue = text.index("said")
    return {"text_length": len(text), "language": "en", "sources": [],
            "cues": [{"start": cue, "end": cue + 4, "text": "said", "rule": "quote_tag"}],
            "claims": [{"start": 1, "end": text.index("”"), "source": None, "cue": 0,
                        "attribution": "direct", "certainty": "certain", "rule": "quote_tag"}]}


TEXT = "“We will win,” the coach said. The mayor argued the bridge was too costly."


def test_syntax_merge_adds_a_claim_and_leaves_the_rules_items_as_they_were() -> None:
    before = result_with_rules_claim(TEXT)
    snapshot = json.loads(json.dumps(before))
    mayor, argued, bridge = TEXT.index("The mayor"), TEXT.index("argued"), TEXT.index("the bridge")
    found = Finding("parse_complement", "add", (argued, argued + 6), (mayor, mayor + 9),
                    (bridge, len(TEXT) - 1), certainty="possible")
    out = add_findings(TEXT, before, [found])
    assert before == snapshot  # the input is not changed
    assert out["claims"][0] == snapshot["claims"][0] and out["cues"][0] == snapshot["cues"][0]
    new = out["claims"][1]
    assert TEXT[new["start"]:new["end"]] == "the bridge was too costly"
    assert out["cues"][new["cue"]]["text"] == "argued"
    assert out["sources"][new["source"]] == {"start": mayor, "end": mayor + 9, "text": "The mayor",
                                             "type": "person", "rule": "parse_complement"}
    assert new["certainty"] == "possible" and new["rule"] == "parse_complement"


def test_syntax_merge_drops_a_finding_that_overlaps_a_rules_cue_or_claim() -> None:
    before = result_with_rules_claim(TEXT)
    said, coach = TEXT.index("said"), TEXT.index("the coach")
    on_cue = Finding("parse_complement", "add", (said, said + 4), (coach, coach + 9), (0, 12))
    win = TEXT.index("win")
    on_claim = Finding("parse_complement", "add", (win, win + 3), (coach, coach + 9), (1, 12))
    assert add_findings(TEXT, before, [on_cue, on_claim]) == before


def test_syntax_merge_gives_a_sourceless_rules_claim_its_speaker_only() -> None:
    before = result_with_rules_claim(TEXT)
    said, coach = TEXT.index("said"), TEXT.index("the coach")
    out = add_findings(TEXT, before, [Finding("parse_speaker", "speaker", (said, said + 4),
                                              (coach, coach + 9))])
    assert out["claims"][0]["source"] == 0 and out["sources"][0]["text"] == "the coach"
    assert len(out["claims"]) == 1 and len(out["cues"]) == 1
    # a claim that has a source keeps it
    again = add_findings(TEXT, out, [Finding("parse_speaker", "speaker", (said, said + 4), (0, 3))])
    assert again["claims"][0]["source"] == 0 and len(again["sources"]) == 1


def test_syntax_merge_reuses_the_rules_source_it_overlaps() -> None:
    text = "The mayor said it. The mayor argued the bridge was late."
    result = {"text_length": len(text), "language": "en", "claims": [], "cues": [],
              "sources": [{"start": 19, "end": 28, "text": "The mayor", "type": "person", "rule": "x"}]}
    argued = text.index("argued")
    out = add_findings(text, result, [Finding("parse_complement", "add", (argued, argued + 6),
                                              (23, 28), (argued + 7, len(text) - 1))])
    assert len(out["sources"]) == 1 and out["claims"][0]["source"] == 0


def test_syntax_without_a_parser_gives_todays_output_and_says_so_once(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from annotator.nlp.suggest import suggest_many

    monkeypatch.setenv(loader.env_var("en"), str(tmp_path))  # an empty folder: no parser
    loader.forget()
    try:
        texts = ["The mayor said the bridge would open in May.", "“It is late,” she said."]
        plain = list(suggest_many(texts, "en"))
        assert list(suggest_many(texts, "en", syntax=True)) == plain
        assert list(suggest_many(texts, "en", syntax=True)) == plain
        err = capsys.readouterr().err
        assert err.count("suggesting without syntax") == 1 and "ANNOTATOR_PARSER_EN" in err
    finally:
        loader.forget()


def test_syntax_parser_folder_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    monkeypatch.setenv("ANNOTATOR_PARSER_EN", str(tmp_path))
    assert loader.parser_folder("en") is None  # no meta.json: not a spaCy pipeline
    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    assert loader.parser_folder("en") == tmp_path


def test_syntax_cli_without_a_parser_prints_todays_suggestions(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from annotator.cli import main

    monkeypatch.setenv(loader.env_var("en"), str(tmp_path))
    loader.forget()
    art = tmp_path / "a.txt"
    art.write_text("The council said the road would close in June.\n", encoding="utf-8")
    try:
        assert main(["suggest", str(art), "--language", "en"]) == 0
        plain = capsys.readouterr().out
        assert main(["suggest", str(art), "--language", "en", "--syntax"]) == 0
        with_syntax = capsys.readouterr()
        assert with_syntax.out == plain and "without syntax" in with_syntax.err
        proj = tmp_path / "p.annotator"
        assert main(["new", str(proj), "--language", "en"]) == 0
        capsys.readouterr()
        assert main(["suggest", "--project", str(proj), "--syntax"]) != 0
        assert "--rules-only" in capsys.readouterr().err
        assert main(["suggest", "--project", str(proj), "--syntax", "--rules-only"]) == 0
    finally:
        loader.forget()

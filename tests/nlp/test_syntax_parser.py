"""Parse rules with a trained English parser (issue 15): run only where one is installed
($ANNOTATOR_PARSER_EN or resources/models/en_ud); sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.nlp.syntax import add_syntax, loader

if loader.parser_folder("en") is None:
    pytest.skip("no English parser: set ANNOTATOR_PARSER_EN to a trained spaCy pipeline "
                "(training/README.md)", allow_module_level=True)


def empty(text: str) -> dict:
    return {"text_length": len(text), "language": "en", "sources": [], "cues": [], "claims": []}


def parse_claims(text: str) -> list[tuple[str, str, str, str]]:
    """(rule, speaker, cue, claim) of what the parse rules find with no token rules beside them."""
    out = add_syntax([text], [empty(text)], "en")[0]
    return [(c["rule"], out["sources"][c["source"]]["text"], out["cues"][c["cue"]]["text"],
             text[c["start"]:c["end"]]) for c in out["claims"]]


def test_syntax_parser_speaker_is_the_subject_and_claim_its_complement_clause() -> None:
    text = "The senator, in a long statement on Friday, said the bill would fail."
    assert parse_claims(text) == [("parse_complement", "The senator", "said", "the bill would fail")]


def test_syntax_parser_speaker_stops_before_a_relative_clause() -> None:
    text = "The official, who spoke to reporters on Monday, argued that the talks had collapsed."
    assert parse_claims(text) == [("parse_complement", "The official", "argued",
                                   "the talks had collapsed")]


def test_syntax_parser_offsets_hold_in_later_paragraphs() -> None:
    text = "Bridge plan stalls\n\nLocal residents believe the bridge will never be built."
    assert parse_claims(text) == [("parse_complement", "Local residents", "believe",
                                   "the bridge will never be built")]


def test_syntax_parser_no_speaker_from_a_demonstrative_subject() -> None:
    assert parse_claims("This shows the plan works.") == []


def test_syntax_parser_gives_a_sourceless_quote_its_speaker() -> None:
    text = "“We will win the final,” the coach said on Sunday."
    cue = text.index("said")
    rules = {**empty(text),
             "cues": [{"start": cue, "end": cue + 4, "text": "said", "rule": "quote_tag"}],
             "claims": [{"start": 1, "end": text.index("”"), "source": None, "cue": 0,
                         "attribution": "direct", "certainty": "certain", "rule": "quote_tag"}]}
    out = add_syntax([text], [rules], "en")[0]
    assert out["claims"] == [{**rules["claims"][0], "source": 0}]
    assert out["sources"] == [{"start": text.index("the coach"), "end": text.index(" said"),
                               "text": "the coach", "type": "person", "rule": "parse_speaker"}]


def test_syntax_parser_never_changes_what_the_token_rules_found() -> None:
    from annotator.nlp.suggest import suggest_many

    texts = ["Council split over budget\n\nThe mayor said the budget would be cut. "
             "“It is a disgrace,” a councillor said. Residents who came to the meeting believed "
             "the library would close, and the unions insisted the cuts were illegal.",
             "Researchers reported that the river had flooded twice."]
    for plain, more in zip(suggest_many(texts, "en"), suggest_many(texts, "en", syntax=True),
                           strict=True):
        for kind in ("sources", "cues", "claims"):
            assert more[kind][:len(plain[kind])] == plain[kind]

"""English constructions met in US political news (issue 13.3): complements other than
"that" (noun phrases, to-infinitives, an object before the infinitive), and the certainty of
long direct quotes. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for, cue_of, source_of


@pytest.mark.parametrize(("text", "words", "level"), [
    # a modal in a later sentence of the quote hedges that sentence, not the quote
    ("\"We won the vote tonight. Some members may still change their minds later,\" the senator said.",
     "We won the vote tonight", "certain"),
    ("\"The plan is dead. It would never pass the House,\" the senator said.",
     "The plan is dead", "certain"),
    # a modal in the quote's first sentence still hedges it
    ("\"We may lose the vote tonight, but we will be back,\" the senator said.",
     "We may lose the vote tonight", "possible"),
])
def test_quote_certainty_comes_from_its_first_sentence(suggest, text, words, level):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert claim["attribution"] == "direct"
    assert claim["certainty"] == level


# (text, claim words, source text, cue text)
OBJECT_CASES = [
    ("The union called for a freeze on rents across the city.", "a freeze on rents across the city",
     "The union", "called for"),
    ("Ms. Park called on the governor to release the audit.", "the governor to release the audit",
     "Ms. Park", "called on"),
    ("The senator urged his colleagues to reject the budget.", "his colleagues to reject the budget",
     "The senator", "urged"),
    ("The mayor pledged to rebuild the bridge by spring.", "to rebuild the bridge by spring",
     "The mayor", "pledged"),
    ("Both parties agreed to hold another debate in October.", "to hold another debate in October",
     "Both parties", "agreed"),
    ("The governor condemned the attack on the synagogue.", "the attack on the synagogue",
     "The governor", "condemned"),
    ("The campaign plans to open twelve new offices in Ohio.", "to open twelve new offices in Ohio",
     "The campaign", "plans"),
    ("Voters want the candidates to talk about jobs.", "the candidates to talk about jobs",
     "Voters", "want"),
    ("The council praised the volunteers for their quick work.", "the volunteers for their quick work",
     "The council", "praised"),
    # an adverb between the subject and the verb belongs to the verb, not to the speaker
    ("The mayor has repeatedly pledged to lower the parking fees.", "to lower the parking fees",
     "The mayor", "pledged"),
    ("The mayor pointedly criticized the new parking fees.", "the new parking fees",
     "The mayor", "criticized"),
]


@pytest.mark.parametrize(("text", "words", "source", "cue"), OBJECT_CASES)
def test_verb_object_is_the_claim(suggest, text, words, source, cue):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert claim["attribution"] == "indirect"
    assert claim["rule"] == "verb_object"
    assert (source_of(result, claim) or ("",))[0] == source
    assert cue_of(result, claim) == cue


def test_relative_clause_with_an_object_verb_ends_at_its_comma(suggest):
    text = "The senator, who has long promised to cut taxes, spoke in Dayton on Monday."
    result = suggest(text, "en")
    claim = claim_for(text, result, "to cut taxes")
    assert text[claim["start"]:claim["end"]] == "to cut taxes"


@pytest.mark.parametrize("text", [
    "He declined to comment on the report.",
    "The mayor refused to attend the meeting.",
    "They agreed to the deal on Friday.",
    "Clinton's plans to cut taxes are popular.",
    "The coach called on Sunday to check on the team.",
    "He called his mother for dinner.",
    "Voters want change.",
    "A nurse, who asked not to be named, was at work.",
])
def test_verb_object_needs_an_object_that_is_a_claim(suggest, text):
    assert suggest(text, "en")["claims"] == []


def test_object_verb_is_no_tag_for_the_phrase_before_it(suggest):
    """"X, the top Democrat, called on Y to ...": the phrase before the verb is the speaker."""
    text = "Ann Ruiz, the top Democrat on the panel, called on the agency to publish the data."
    result = suggest(text, "en")
    claim = claim_for(text, result, "the agency to publish the data")
    assert source_of(result, claim)[0].startswith("Ann Ruiz")
    assert not any(text[c["start"]:c["end"]].startswith("Ann Ruiz") for c in result["claims"])


def test_month_abbreviation_before_a_day_ends_no_sentence(suggest):
    text = "Sales fell in the weeks to Sept. 28, the company said, blaming the warm weather."
    result = suggest(text, "en")
    claim = claim_for(text, result, "Sales fell in the weeks to Sept. 28")
    assert source_of(result, claim)[0] == "the company"


@pytest.mark.parametrize(("text", "words", "source"), [
    ("For her part, the governor said the budget was balanced.", "the budget was balanced", "the governor"),
    ("Despite the long delays, Mr. Obama said the talks would go on.", "the talks would go on", "Mr. Obama"),
    ("Ann Ruiz, a Democrat from Ohio, said the vote was rigged.", "the vote was rigged", "Ann Ruiz"),
])
def test_fronted_phrase_before_a_comma_is_not_the_speaker(suggest, text, words, source):
    result = suggest(text, "en")
    claim = claim_for(text, result, words)
    assert source_of(result, claim)[0] == source

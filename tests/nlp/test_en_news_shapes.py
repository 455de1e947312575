"""English news shapes from issue 13, part 3: tags after long appositions, clauses without
"that", and modals that hedge a clause inside the claim rather than the claim. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for, cue_of, source_of


@pytest.mark.parametrize(("text", "words", "source"), [
    ("\"The vote was rigged,\" Ann Ruiz, the mayor of Dayton, a city of 140,000, said on Monday.",
     "The vote was rigged", "Ann Ruiz"),
    ("\"We will appeal,\" the union's chief negotiator said.", "We will appeal", "the union's chief negotiator"),
    ("\"We will appeal,\" Ohio's attorney general said in a statement.", "We will appeal",
     "Ohio's attorney general"),
])
def test_quote_tag_after_appositions_and_possessives(suggest, text, words, source):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert claim["attribution"] == "direct"
    assert source_of(result, claim)[0] == source and cue_of(result, claim) == "said"


@pytest.mark.parametrize(("text", "words", "source", "cue"), [
    ("The analysts said the new tariffs could change that.", "the new tariffs could change that",
     "The analysts", "said"),
    ("The mayor said the audit would show that the money was spent.",
     "the audit would show that the money was spent", "The mayor", "said"),
    ("The study found Ohio would lose two seats.", "Ohio would lose two seats", "The study", "found"),
    ("Ms. Ruiz hoped state lawmakers would pass the bill.", "state lawmakers would pass the bill",
     "Ms. Ruiz", "hoped"),
])
def test_clause_without_that(suggest, text, words, source, cue):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert source_of(result, claim)[0] == source and cue_of(result, claim) == cue


@pytest.mark.parametrize("text", [
    "She added sugar to the tea.",
    "He noted the time on a card.",
])
def test_a_plain_object_is_no_bare_clause(suggest, text):
    assert suggest(text, "en")["claims"] == []


@pytest.mark.parametrize(("text", "words", "level"), [
    # a modal inside a relative or adverbial clause of the claim hedges that clause only
    ("The mayor said the bridge was closed before engineers could inspect it.",
     "the bridge was closed before engineers could inspect it", "certain"),
    ("The mayor says the city hired lawyers who might sue the state.",
     "the city hired lawyers who might sue the state", "certain"),
    ("The mayor says the plan failed because the council would not pay.",
     "the plan failed because the council would not pay", "certain"),
    # ... but a modal of the claim's own clause does, also after a relative clause has ended
    ("The mayor says children who were in the building may be tested.",
     "children who were in the building may be tested", "possible"),
    ("The mayor says the bridge may close before engineers arrive.",
     "the bridge may close before engineers arrive", "possible"),
    # a reportative adverb is the reporter's hedge wherever it stands
    ("Police say the man was arrested after he allegedly stole a car.",
     "the man was arrested after he allegedly stole a car", "possible"),
])
def test_modal_in_a_subordinate_clause_is_no_hedge_of_the_claim(suggest, text, words, level):
    result = suggest(text, "en")
    check_contract(text, result)
    assert claim_for(text, result, words)["certainty"] == level


def test_dash_credit_after_a_quote_names_its_speaker(suggest):
    text = ("What Voters Said\n\n"
            "“The debate was a disaster for him. He dodged every question.” ― Ana Ruiz\n"
            "“I will vote for her. She knows the issues.”― Tom Baker\n\n"
            "More reactions will follow.")
    result = suggest(text, "en")
    check_contract(text, result)
    first = claim_for(text, result, "The debate was a disaster for him. He dodged every question.")
    second = claim_for(text, result, "I will vote for her. She knows the issues.")
    assert source_of(result, first) == ("Ana Ruiz", "person") and first["cue"] is None
    assert source_of(result, second) == ("Tom Baker", "person") and second["rule"] == "dash_credit"


def test_a_dash_after_a_quote_without_a_name_is_no_credit(suggest):
    text = "The mayor spoke.\n\n“We need change in this city,” — and she meant it."
    result = suggest(text, "en")
    assert not any(c["rule"] == "dash_credit" for c in result["claims"])


@pytest.mark.parametrize(("text", "words", "source"), [
    ("In a statement, the lawyer for the family, Ann Ruiz, said the video shows a struggle.",
     "the video shows a struggle", "Ann Ruiz"),
    ("Mr. Lee, who knew that a vote would fail, told reporters the bill was dead.",
     "the bill was dead", "Mr. Lee"),
    ("The mayor, who has said that taxes are too high, said the budget was balanced.",
     "the budget was balanced", "The mayor"),
    ("Back then, the state wrongly claimed that the bridge was safe.", "the bridge was safe", "the state"),
])
def test_the_speaker_around_appositions_and_relative_clauses(suggest, text, words, source):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert source_of(result, claim)[0] == source


def test_an_adverb_and_a_comma_are_no_subject(suggest):
    result = suggest("Initially, state regulators did not consider the plan a serious option.", "en")
    assert result["claims"] == [] and result["sources"] == []


@pytest.mark.parametrize("text", [
    "The mayor watched from the front row, beside Ann Ruiz, the former secretary of state.",
    "Voters in 18 states will go to the polls in November.",
    "New York state is cutting funds for public schools.",
])
def test_a_verb_form_used_as_a_noun_is_no_cue(suggest, text):
    result = suggest(text, "en")
    assert result["claims"] == [] and result["cues"] == []


def test_a_gerund_after_a_preposition_still_reports(suggest):
    text = "The senator began by saying the plan had failed."
    result = suggest(text, "en")
    claim = claim_for(text, result, "the plan had failed")
    assert source_of(result, claim)[0] == "The senator"


@pytest.mark.parametrize(("text", "words", "source"), [
    ("He spoke with voters in Ohio and said the plan was fair.", "the plan was fair", "He"),
    ("Ann Ruiz met voters in Ohio and said the plan was fair.", "the plan was fair", "Ann Ruiz"),
])
def test_the_subject_of_coordinated_verbs(suggest, text, words, source):
    result = suggest(text, "en")
    check_contract(text, result)
    assert source_of(result, claim_for(text, result, words))[0] == source


def test_a_prepositional_phrase_is_no_speaker(suggest):
    result = suggest("But for the senator, the hearing proved to be a disaster.", "en")
    assert not any(s["text"].startswith("for") for s in result["sources"])


@pytest.mark.parametrize(("text", "words", "source", "cue"), [
    ("The senator discussed the new tax plan with reporters.", "the new tax plan", "The senator", "discussed"),
    ("The governor spoke of a long recovery for the region.", "a long recovery for the region",
     "The governor", "spoke of"),
    ("The mayor talked about the rising cost of housing.", "the rising cost of housing", "The mayor",
     "talked about"),
    ("Several economists echoed the warning from the central bank.", "the warning from the central bank",
     "Several economists", "echoed"),
    ("Local farmers worry the new rules will hurt them.", "the new rules will hurt them", "Local farmers",
     "worry"),
    ("The coach knew the team was tired.", "the team was tired", "The coach", "knew"),
    ("Investigators suspect the fire was set on purpose.", "the fire was set on purpose", "Investigators",
     "suspect"),
    ("The union urges its members to reject the offer.", "its members to reject the offer", "The union",
     "urges"),
    ("The minister understood the deal would fail.", "the deal would fail", "The minister", "understood"),
    ("The residents dispute the claim that the water is safe.", "the claim that the water is safe",
     "The residents", "dispute"),
])
def test_more_statement_verbs(suggest, text, words, source, cue):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert source_of(result, claim)[0] == source and cue_of(result, claim) == cue


@pytest.mark.parametrize("text", [
    "The neighbours are worried; many homes flooded last year.",
    "Residents of the \"old town\", are worried about the river.",
    "I know.",
])
def test_worried_as_an_adjective_is_no_cue(suggest, text):
    assert suggest(text, "en")["claims"] == []


def test_as_x_put_it(suggest):
    text = "As the mayor put it, the city is broke."
    result = suggest(text, "en")
    claim = claim_for(text, result, "the city is broke")
    assert source_of(result, claim)[0] == "the mayor" and cue_of(result, claim) == "put it"


def test_a_news_outlet_has_learned(suggest):
    text = "The governor will resign next week, the Herald has learned."
    result = suggest(text, "en")
    claim = claim_for(text, result, "The governor will resign next week")
    assert source_of(result, claim)[0] == "the Herald"


@pytest.mark.parametrize(("text", "words", "source"), [
    ("The plan is dead, Sen. Ann Ruiz (D-Ohio) said.", "The plan is dead", "Sen. Ann Ruiz"),
    ("\"The plan is dead,\" Sen. Ann Ruiz (D-Ohio) told reporters.", "The plan is dead", "Sen. Ann Ruiz"),
    ("The guard, who was on leave - was not armed, police said.", "The guard, who was on leave - was not armed",
     "police"),
    ("The vote, she told me on Friday, was rigged.", "was rigged", "she"),
])
def test_tags_with_brackets_dashes_and_addressees(suggest, text, words, source):
    result = suggest(text, "en")
    check_contract(text, result)
    assert source_of(result, claim_for(text, result, words))[0] == source


@pytest.mark.parametrize(("text", "words"), [
    ("In a written statement, the governor condemned Friday's attack.", "Friday's attack"),
    ("Despite the failed tests, the senator praised the program.", "the program"),
])
def test_a_fronted_adverbial_is_no_claim(suggest, text, words):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert not any(text[c["start"]:c["end"]].startswith(("In a", "Despite")) for c in result["claims"])


def test_goes_without_saying_is_no_cue(suggest):
    result = suggest("It goes without saying that the plan is dead.", "en")
    assert result["claims"] == [] and result["sources"] == []


def test_a_concessive_clause_ends_the_claim(suggest):
    text = "She said the campaign would stage a protest, though she admitted it was unlikely to work."
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, "the campaign would stage a protest")
    assert text[claim["start"]:claim["end"]] == "the campaign would stage a protest"


def test_a_fronted_broadcast_name_and_a_bracketed_party(suggest):
    text = "On Sunday's broadcast of \"Meet the Press,\" Gov. Ann Ruiz (D-OH) said the budget was balanced."
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, "the budget was balanced")
    assert source_of(result, claim)[0] == "Gov. Ann Ruiz"
    assert not any(text[c["start"]:c["end"]].startswith("On Sunday") for c in result["claims"])

"""English shapes the PolNeAR rules half showed the suggester missing (issue 13, "Suggestions
on real news"). Sentences written for these tests, in the style of news."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for, cue_of, source_of


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f"])
def test_a_no_break_space_parts_no_speaker_from_its_verb(suggest, space):
    text = f"\u201cWe are not just counting votes,\u201d he{space}told reporters. The mayor{space}said the vote was fair."
    result = suggest(text, "en")
    check_contract(text, result)
    quote = claim_for(text, result, "We are not just counting votes")
    assert source_of(result, quote)[0] == "he" and cue_of(result, quote) == "told"
    clause = claim_for(text, result, "the vote was fair")
    assert source_of(result, clause)[0] == "The mayor"


@pytest.mark.parametrize(("text", "words", "source", "cue"), [
    ("The governor is promising to rebuild the pier by June.", "to rebuild the pier by June",
     "The governor", "promising"),
    ("The White House has promised a veto of the bill.", "a veto of the bill", "The White House", "promised"),
    ("Both leaders vowed swift consequences for the test.", "swift consequences for the test",
     "Both leaders", "vowed"),
    ("Ms. Ruiz exhorted her supporters to vote early.", "her supporters to vote early", "Ms. Ruiz", "exhorted"),
    ("Most economists expect the bank to raise rates.", "the bank to raise rates", "Most economists", "expect"),
    ("The family asked for an independent inquiry into the crash.", "an independent inquiry into the crash",
     "The family", "asked for"),
    ("His widow pleaded for calm in the city.", "calm in the city", "His widow", "pleaded for"),
    ("The senator invoked the memory of the flood victims.", "the memory of the flood victims",
     "The senator", "invoked"),
    # a time word or an adverb may stand between the verb and its particle
    ("The mayor called Friday for an audit of the police budget.", "an audit of the police budget",
     "The mayor", "called Friday for"),
])
def test_more_verbs_whose_object_is_the_claim(suggest, text, words, source, cue):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert source_of(result, claim)[0] == source and cue_of(result, claim) == cue


def test_a_passive_to_is_still_no_report(suggest):
    text = "The mayor is said to favor the plan."
    result = suggest(text, "en")
    assert all(c["source"] is None and c["cue"] is None for c in result["claims"])


def test_a_new_clause_with_its_own_speaker_ends_the_object(suggest):
    text = "The council vowed to fight the plan, and she urged voters to reject it."
    result = suggest(text, "en")
    first = claim_for(text, result, "to fight the plan")
    assert text[first["start"]:first["end"]] == "to fight the plan"
    second = claim_for(text, result, "voters to reject it")
    assert source_of(result, second)[0] == "she" and cue_of(result, second) == "urged"


@pytest.mark.parametrize(("text", "words", "source"), [
    # a relative clause inside a fronted phrase is not the subject of the verb after it
    ("Under a sky that seemed to promise rain, the mayor warned that the parade would be cancelled.",
     "the parade would be cancelled", "the mayor"),
    ("Ms. Ruiz, the county clerk, praised the volunteers who counted the ballots and said the count was fair.",
     "the count was fair", "Ms. Ruiz"),
    # ", but X said": a coordinated clause has its own subject
    ("The host pressed him on the deficit, but the senator said the budget would balance.",
     "the budget would balance", "the senator"),
    ("The mayor agreed, but also argued that the city could not pay.", "the city could not pay", "The mayor"),
    ("The governor continues to insist, as she did on Monday, that she really, really wants to cut the tax.",
     "to cut the tax", "she"),
])
def test_the_subject_is_the_phrase_next_to_the_verb(suggest, text, words, source):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert source_of(result, claim)[0] == source


def test_a_report_in_a_fronted_clause_ends_at_its_comma(suggest):
    text = "When the firm signaled that it would sell the mines, Mr. Barrett said, \u201cwe were stunned.\u201d"
    result = suggest(text, "en")
    check_contract(text, result)
    inner = claim_for(text, result, "it would sell the mines")
    assert text[inner["start"]:inner["end"]] == "it would sell the mines"
    assert source_of(result, inner)[0] == "the firm"
    quote = claim_for(text, result, "we were stunned")
    assert source_of(result, quote)[0] == "Mr. Barrett"


@pytest.mark.parametrize(("text", "words", "source", "cue"), [
    ("\u201cOur children are thriving in these schools,\u201d the letter reads.",
     "Our children are thriving in these schools", "the letter", "reads"),
    ("\u201cThe council met in secret,\u201d the report read.", "The council met in secret", "the report", "read"),
])
def test_a_text_that_reads(suggest, text, words, source, cue):
    result = suggest(text, "en")
    claim = claim_for(text, result, words)
    assert source_of(result, claim)[0] == source and cue_of(result, claim) == cue


def test_reading_a_text_is_no_report(suggest):
    assert suggest("She read the report on the train.", "en")["claims"] == []


def test_a_closing_tag_takes_the_clause_before_it(suggest):
    """"CLAIM, a spokesman announced Monday.": the tag's speaker, not the object verb's subject."""
    text = "The campaign plans to release more records soon, a spokesman announced Monday."
    result = suggest(text, "en")
    claim = claim_for(text, result, "The campaign plans to release more records soon")
    assert source_of(result, claim)[0] == "a spokesman" and cue_of(result, claim) == "announced"


@pytest.mark.parametrize(("text", "first", "second", "speaker"), [
    ("Ms. Ruiz has vowed to close the plant, and Tom Kerr is promising to keep it open.",
     "to close the plant", "to keep it open", "Tom Kerr"),
])
def test_a_name_and_a_verb_open_a_clause_of_their_own(suggest, text, first, second, speaker):
    result = suggest(text, "en")
    one = claim_for(text, result, first)
    assert text[one["start"]:one["end"]] == first
    two = claim_for(text, result, second)
    assert source_of(result, two)[0] == speaker


def test_a_plural_source_noun_after_a_fronted_clause_is_the_subject(suggest):
    text = "Should the company fail, analysts worry that the cost could fall to taxpayers."
    result = suggest(text, "en")
    claim = claim_for(text, result, "the cost could fall to taxpayers")
    assert source_of(result, claim)[0] == "analysts"


@pytest.mark.parametrize(("text", "words", "level"), [
    ("The mayor said the pier would close in May.", "the pier would close in May", "certain"),
    ("The mayor said the pier may close.", "the pier may close", "possible"),
])
def test_the_month_may_is_no_hedge(suggest, text, words, level):
    result = suggest(text, "en")
    assert claim_for(text, result, words)["certainty"] == level


@pytest.mark.parametrize(("text", "words", "source", "cue"), [
    ("(The mayor has called for an audit of the police budget.)", "an audit of the police budget",
     "The mayor", "called for"),
    ("The senator missed the vote (her office later disclosed that she has the flu).", "she has the flu",
     "her office", "disclosed"),
])
def test_a_sentence_in_brackets_has_its_own_subject(suggest, text, words, source, cue):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert source_of(result, claim)[0] == source and cue_of(result, claim) == cue


@pytest.mark.parametrize(("text", "words", "source"), [
    ("In an interview Ms. Ruiz declared \u201cthe city will never sell the port.\u201d",
     "the city will never sell the port.", "Ms. Ruiz"),
    ("On Monday Ms. Ruiz said the port would stay public.", "the port would stay public", "Ms. Ruiz"),
])
def test_a_name_after_a_fronted_phrase_without_comma(suggest, text, words, source):
    result = suggest(text, "en")
    claim = claim_for(text, result, words)
    assert source_of(result, claim)[0] == source


def test_a_short_quote_after_a_verb_is_its_object(suggest):
    text = "The mayor called it \u201ca disaster\u201d on Monday."
    assert all(c["attribution"] != "direct" for c in suggest(text, "en")["claims"])


def test_the_object_ends_before_a_second_verb_after_an_adverb(suggest):
    text = "She urged her son to stay in the car and repeatedly said, \u201cDo not open the door.\u201d"
    result = suggest(text, "en")
    first = claim_for(text, result, "her son to stay in the car")
    assert text[first["start"]:first["end"]] == "her son to stay in the car"
    quote = claim_for(text, result, "Do not open the door")
    assert quote["attribution"] == "direct" and source_of(result, quote)[0] == "She"


def test_hoping_that(suggest):
    text = "He is hoping that the state will pay for the repairs."
    claim = claim_for(text, suggest(text, "en"), "the state will pay for the repairs")
    assert claim["rule"] == "reporting_verb"


@pytest.mark.parametrize(("text", "words", "source", "cue"), [
    ("Port Deal Could Cost The City Millions, Mayor Ruiz Says.", "Port Deal Could Cost The City Millions",
     "Mayor Ruiz", "Says"),
    ("Governor Says Bridge Will Reopen In May.", "Bridge Will Reopen In May", "Governor", "Says"),
    ("Ruiz Vows To Keep The Port Public.", "To Keep The Port Public", "Ruiz", "Vows"),
])
def test_a_headline_in_title_case_reports(suggest, text, words, source, cue):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert source_of(result, claim)[0] == source and cue_of(result, claim) == cue


def test_a_capitalised_verb_form_in_a_name_is_no_cue(suggest):
    assert suggest("She studied at Kansas State University for two years.", "en")["claims"] == []


@pytest.mark.parametrize(("text", "words", "source", "cue"), [
    # a longer subject of a clause without "that"
    ("I knew this hatred and this foul talk were wrong.", "this hatred and this foul talk were wrong", "I", "knew"),
    # a longer object before its predicate
    ("Ms. Ruiz called her vote in favor of the port deal a mistake.",
     "her vote in favor of the port deal a mistake", "Ms. Ruiz", "called"),
    # one name is a whole object
    ("The senator attacked Ruiz, saying she had misled voters.", "Ruiz", "The senator", "attacked"),
    # a second verb of the same subject ends the object
    ("The White House promised a veto and attempted to rally its allies.", "a veto", "The White House", "promised"),
    # a pronoun and its verb right after "said" open the clause; a later "that" is inside it
    ("Ruiz said she wants to close the loopholes that favor landlords.",
     "she wants to close the loopholes that favor landlords", "Ruiz", "said"),
])
def test_objects_and_clauses_of_more_lengths(suggest, text, words, source, cue):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert source_of(result, claim)[0] == source and cue_of(result, claim) == cue


def test_a_pronoun_object_alone_is_no_claim(suggest):
    assert suggest("The governor praised him.", "en")["claims"] == []


@pytest.mark.parametrize(("text", "words", "source", "cue", "level"), [
    ("Contrary to his claim that voters would learn nothing, the files were long.", "voters would learn nothing",
     "his", "claim", "possible"),
    ("Yet her promise to cut the fares inflamed the drivers.", "to cut the fares", "her", "promise", "certain"),
    ("The mayor's call for an inquiry was rejected.", "an inquiry", "The mayor", "call", "certain"),
])
def test_a_noun_of_saying_after_its_possessor(suggest, text, words, source, cue, level):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert claim["rule"] == "noun_cue" and claim["certainty"] == level
    assert source_of(result, claim)[0] == source and cue_of(result, claim) == cue


@pytest.mark.parametrize("text", [
    "His claim that was rejected by the court.",
    "The claim that voters would learn nothing was false.",
    "A call for help came at noon.",
    "Yet his determination to act alone inflamed his opponents.",
])
def test_a_noun_of_saying_needs_its_possessor_and_complement(suggest, text):
    assert suggest(text, "en")["claims"] == []


@pytest.mark.parametrize(("text", "words", "source", "cue"), [
    ("The governor has also commented on the death of the driver.", "the death of the driver",
     "The governor", "commented on"),
    ("The fund pointed to the vote in Britain as a warning.", "the vote in Britain as a warning", "The fund",
     "pointed to"),
    ("Ms. Ruiz has railed against the tax breaks for landlords.", "the tax breaks for landlords", "Ms. Ruiz",
     "railed against"),
    ("Voting rights groups have expressed concern that the purge could bar eligible voters.",
     "the purge could bar eligible voters", "Voting rights groups", "expressed concern"),
    ("The senator, who had talked about the plan for weeks, left early.", "the plan for weeks", "who",
     "talked about"),
])
def test_verbs_with_particles_and_a_relative_subject(suggest, text, words, source, cue):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert source_of(result, claim)[0] == source and cue_of(result, claim) == cue


def test_a_that_after_a_second_verb_is_that_verbs(suggest):
    text = "The White House promised a veto and tried to convince senators that the bill was flawed."
    result = suggest(text, "en")
    veto = claim_for(text, result, "a veto")
    assert text[veto["start"]:veto["end"]] == "a veto" and cue_of(result, veto) == "promised"
    assert all(cue_of(result, c) != "promised" for c in result["claims"] if c is not veto)


@pytest.mark.parametrize(("text", "words", "source"), [
    ("On Monday, however, the mayor spoke to the unions, promising to keep the port public.",
     "to keep the port public", "the mayor"),
    ("Pressed by the unions, the mayor revised her plan, promising to cut the fares.", "to cut the fares",
     "the mayor"),
    ("Lest you assume that the port is for sale, the mayor said it was not.", "the port is for sale", "you"),
    ("The firm filed in Richmond, where bankruptcy lawyers say judges move quickly.", "judges move quickly",
     "bankruptcy lawyers"),
    ("Several economists cautioned, as did the bank itself, that the forecast might change.",
     "the forecast might change", "Several economists"),
    ("Should the plant close, environmentalists fear that the river will suffer.", "the river will suffer",
     "environmentalists"),
])
def test_the_subject_after_fronted_phrases_and_asides(suggest, text, words, source):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert (source_of(result, claim) or (None,))[0] == source


@pytest.mark.parametrize("text", [
    "Editor's note: The mayor regularly speaks to the press.",
    "The senator appeared on Ms. Ruiz's show on Friday.",
    "The slowdown may prove to be a passing phase.",
])
def test_a_possessive_noun_or_a_copula_is_no_cue(suggest, text):
    assert all(c["cue"] is None for c in suggest(text, "en")["claims"])


def test_a_contracted_has_before_a_participle_still_reports(suggest):
    text = "The campaign's said that the mayor will not run."
    claim = claim_for(text, suggest(text, "en"), "the mayor will not run")
    assert claim["rule"] == "reporting_verb"


@pytest.mark.parametrize(("text", "words"), [
    ("The mayor unveiled a list of donors -- most of whom had given before -- on Friday.", "a list of donors"),
    ("Both candidates cited the figure at the forum, further raising its profile.", "the figure at the forum"),
    ("The host had denounced the annexation on air, which the network cited as proof of its openness.",
     "the annexation on air"),
])
def test_an_object_ends_before_a_dash_a_relative_or_a_participle(suggest, text, words):
    result = suggest(text, "en")
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words


@pytest.mark.parametrize(("text", "words"), [
    ("Ms. Ruiz has urged the states to raise their budgets but has said she will not force them.",
     "the states to raise their budgets"),
    ("Although the mayor has admitted using the fund, she does not defend it.", "using the fund"),
    ("He said he had fought off the flu twice and called it a common ailment.", "he had fought off the flu twice"),
])
def test_a_claim_ends_before_the_next_clause(suggest, text, words):
    result = suggest(text, "en")
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words


def test_disagrees_with(suggest):
    text = "The governor disagrees with her former boss on the bill."
    claim = claim_for(text, suggest(text, "en"), "her former boss on the bill")
    assert claim["rule"] == "verb_object"


@pytest.mark.parametrize(("text", "words", "source", "cue"), [
    ("As one reader pointed out with a chart, the gap is vast.", "the gap is vast", "one reader", "pointed out"),
    ("As many economists, including Ms. Ruiz, have noted, the tax is regressive.", "the tax is regressive",
     "many economists", "noted"),
    ("As the mayor put it in a letter to the council in May, the port is not for sale.",
     "the port is not for sale", "the mayor", "put it"),
    ("Ohio, as one of the governor's aides pointed out, rarely floods in spring.",
     "Ohio, as one of the governor's aides pointed out, rarely floods in spring", "one of the governor's aides",
     "pointed out"),
])
def test_as_clauses_with_adjuncts_and_asides(suggest, text, words, source, cue):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert source_of(result, claim)[0] == source and cue_of(result, claim) == cue


@pytest.mark.parametrize("text", [
    "As the minister said he would, the council met on Monday.",
    "As for the port, the mayor has no plans.",
])
def test_an_as_clause_that_reports_nothing(suggest, text):
    assert all(c["rule"] != "as_clause" for c in suggest(text, "en")["claims"])


@pytest.mark.parametrize(("text", "words", "source", "cue"), [
    ("The mayor said in a statement, \"We are ready to work with the council.\"",
     "We are ready to work with the council.", "The mayor", "said"),
    ("The singer joked of the museum, \"I have not seen it yet, but I will.\"",
     "I have not seen it yet, but I will.", "The singer", "joked"),
    ("The chief executive told me, \"We are a content provider and nothing else.\"",
     "We are a content provider and nothing else.", "The chief executive", "told"),
    ("Most visitors were older, she said, and \"they had waited for this day.\"",
     "they had waited for this day.", "she", "said"),
])
def test_a_quote_after_the_verb_and_a_phrase(suggest, text, words, source, cue):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert claim["attribution"] == "direct" and text[claim["start"]:claim["end"]] == words
    assert source_of(result, claim)[0] == source and cue_of(result, claim) == cue


def test_a_reported_clause_ends_before_according_to(suggest):
    text = "The mayor said the bridge would open in May, according to the minutes."
    result = suggest(text, "en")
    claim = claim_for(text, result, "the bridge would open in May")
    assert text[claim["start"]:claim["end"]] == "the bridge would open in May"
    assert source_of(result, claim)[0] == "The mayor"


@pytest.mark.parametrize(("text", "words", "source", "kind"), [
    ("Ann Ruiz, who said the port was safe, left the city.", "the port was safe", "who", "person"),
    ("The Federal Reserve, which has warned that prices will rise, met on Monday.", "prices will rise", "which",
     "institution"),
])
def test_a_relative_pronoun_is_the_source_mention_with_its_antecedents_type(suggest, text, words, source, kind):
    """As "he" is: the mention next to the claim, typed by the phrase it refers to."""
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    src = result["sources"][claim["source"]]
    assert text[src["start"]:src["end"]] == source and src["type"] == kind


@pytest.mark.parametrize(("text", "words", "cue"), [
    ("The mayor explained why she backs the port deal.", "why she backs the port deal", "explained"),
    ("The senator stressed her support of the new bridge.", "her support of the new bridge", "stressed"),
    ("The poll indicates a tightening race in Ohio.", "a tightening race in Ohio", "indicates"),
    ("The leaders vowed consequences.", "consequences", "vowed"),
    ("After the vote, the bloc aims to rely less on American troops.", "to rely less on American troops", "aims"),
])
def test_noun_phrase_objects_of_more_verbs(suggest, text, words, cue):
    result = suggest(text, "en")
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words and cue_of(result, claim) == cue


@pytest.mark.parametrize("text", ["The governor praised him.", "The mayor praised Thursday."])
def test_a_one_word_object_must_be_a_name_or_noun(suggest, text):
    assert suggest(text, "en")["claims"] == []


def test_the_subject_after_a_participle_phrase_with_an_aside(suggest):
    text = ("Pressed by the unions, as well as by the council, the mayor revised her plan, "
            "promising to cut the fares.")
    result = suggest(text, "en")
    claim = claim_for(text, result, "to cut the fares")
    assert source_of(result, claim)[0] == "the mayor"


@pytest.mark.parametrize(("text", "words", "source", "cue"), [
    ("Critics have questioned whether the port deal will survive.", "the port deal will survive", "Critics",
     "questioned"),
    ("The mayor did not say whether the bridge would reopen.", "the bridge would reopen", "The mayor", "say"),
])
def test_a_whether_clause_is_an_open_question(suggest, text, words, source, cue):
    result = suggest(text, "en")
    claim = claim_for(text, result, words)
    assert claim["certainty"] == "uncertain" and text[claim["start"]:claim["end"]] == words
    assert source_of(result, claim)[0] == source and cue_of(result, claim) == cue


def test_declining_to_say_whether_is_no_claim(suggest):
    assert suggest("He declined to say whether he would run.", "en")["claims"] == []


def test_a_quoted_word_inside_a_bare_clause(suggest):
    text = "The mayor noted the \u201cnew\u201d plan had failed."
    result = suggest(text, "en")
    claim = claim_for(text, result, "the \u201cnew\u201d plan had failed")
    assert text[claim["start"]:claim["end"]] == "the \u201cnew\u201d plan had failed"


def test_a_participle_after_a_clause_is_no_tag_with_its_speaker_after(suggest):
    text = "The crowd grew louder, and she became upset, shouting insults as she ran to the car."
    assert suggest(text, "en")["claims"] == []


@pytest.mark.parametrize(("text", "claims"), [
    ("One after another, the mining companies, including Patriot, declared bankruptcy.", 0),
    ("The plan is dead, said officials.", 1),
])
def test_a_speaker_after_a_tag_verb_is_a_name_or_a_determined_phrase(suggest, text, claims):
    assert len(suggest(text, "en")["claims"]) == claims


def test_an_as_clause_before_a_quote_makes_a_direct_claim(suggest):
    text = ("As Ann Ruiz, a tax lawyer and senior fellow at the Urban Policy Center, recently put it, "
            "\"Did the mayor lower his taxes or evade them?\"")
    result = suggest(text, "en")
    claim = claim_for(text, result, "Did the mayor lower his taxes or evade them?")
    assert claim["attribution"] == "direct" and claim["rule"] == "as_clause"
    assert source_of(result, claim)[0] == "Ann Ruiz" and cue_of(result, claim) == "put it"


def test_a_hyphenated_name_before_its_apposition_and_tag(suggest):
    text = "\"We will appeal the ruling,\" Ann Ruiz-Lopez, the city attorney, told reporters."
    result = suggest(text, "en")
    claim = claim_for(text, result, "We will appeal the ruling")
    assert source_of(result, claim)[0] == "Ann Ruiz-Lopez"


def test_a_falling_figure_declines_to_no_claim(suggest):
    text = "Sales declined to their lowest level in a decade."
    result = suggest(text, "en")
    check_contract(text, result)
    assert not any(c["cue"] is not None for c in result["claims"])


def test_a_stance_noun_without_a_possessor_is_no_cue(suggest):
    text = "The criticism of the budget grew louder."
    result = suggest(text, "en")
    check_contract(text, result)
    assert not any(c["cue"] is not None for c in result["claims"])


@pytest.mark.parametrize("opener", ["though", "although", "because", "while"])
def test_a_subordinate_clause_after_a_comma_has_its_own_subject(suggest, opener):
    text = f"The plan failed, {opener} the mayor said budget reforms would help."
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, "budget reforms would help")
    assert source_of(result, claim)[0] == "the mayor" and cue_of(result, claim) == "said"


def test_a_relative_pronoun_without_a_comma_is_the_source_mention(suggest):
    text = "The money went to Future45, a group that intends to flood the state with ads."
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, "to flood the state with ads")
    assert source_of(result, claim)[0] == "that" and cue_of(result, claim) == "intends"


def test_a_verb_without_its_preposition_is_no_cue(suggest):
    text = "Firefighters responded quickly, and the fire was out by noon."
    result = suggest(text, "en")
    check_contract(text, result)
    assert not any(c["cue"] is not None for c in result["claims"])


@pytest.mark.parametrize(("text", "words", "source", "cue"), [
    # a pronoun's contracted 's is "has", not a possessive: the verb after it reports
    ("He\u2019s called for a freeze on rents.", "a freeze on rents", "He", "called for"),
    ("She's said the plan would fail.", "the plan would fail", "She", "said"),
    # a relative clause with an auxiliary ends at its comma and its pronoun is the source mention
    ("Ms. Cole, who's called for new taxes, spoke on Monday.", "new taxes", "who", "called for"),
    ("Ms. Cole, who has said the plan would fail, spoke on Monday.", "the plan would fail", "who", "said"),
    ("The debate grew, with Ms. Cole \u2014 who\u2019s called for new taxes \u2014 leading it.", "new taxes",
     "who", "called for"),
])
def test_contracted_has_and_relative_clauses_with_auxiliaries(suggest, text, words, source, cue):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert source_of(result, claim)[0] == source and cue_of(result, claim) == cue


def test_a_possessive_s_still_makes_a_noun(suggest):
    text = "The mayor's plans to widen the road are popular."
    result = suggest(text, "en")
    check_contract(text, result)
    assert not any(c["cue"] is not None for c in result["claims"])


@pytest.mark.parametrize("text", [
    "It was praised by the mayor.",  # a pronoun subject carries nothing to code
    "The bridge was closed by noon.",  # not a verb whose object is a claim
])
def test_a_passive_without_a_claim_subject(suggest, text):
    result = suggest(text, "en")
    check_contract(text, result)
    assert not any(c.get("rule") == "passive_agent" for c in result["claims"])


def test_a_closing_mark_typed_as_the_opening_one(suggest):
    text = ("\u201cWe will win,\u201d the mayor said.\n\n\u201dFear is not a plan. "
            "I am truly afraid of what comes next.\u201d \u2015 Ana Ruiz.")
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, "Fear is not a plan. I am truly afraid of what comes next.")
    assert claim["attribution"] == "direct" and source_of(result, claim)[0] == "Ana Ruiz"


def test_a_closing_mark_after_a_word_opens_no_quote(suggest):
    text = "The mayor called it \u201ca disaster\u201d and left. Nobody said more."
    result = suggest(text, "en")
    check_contract(text, result)
    assert not any(c["attribution"] == "direct" for c in result["claims"])


@pytest.mark.parametrize(("text", "cue"), [
    ("Ms. Dean left early, tweeting, \u201cNotice the senator sniffing all the time.\u201d", "tweeting"),
    ("Ms. Dean grew angry, noting, \u201cNotice the senator sniffing all the time.\u201d", "noting"),
])
def test_a_participle_tag_after_a_clause_takes_its_subject_before_the_verb(suggest, text, cue):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, "Notice the senator sniffing all the time.")
    assert source_of(result, claim)[0] == "Ms. Dean" and cue_of(result, claim) == cue


def test_a_parenthetical_tag_before_an_object_verb(suggest):
    text = "The museum, the president said, celebrated several of his heroes."
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, "The museum, the president said, celebrated several of his heroes")
    assert source_of(result, claim)[0] == "the president" and cue_of(result, claim) == "said"


@pytest.mark.parametrize(("text", "source", "cue"), [
    ("Some note that the plan failed twice.", "Some", "note"),
    ("But many say the plan failed twice.", "many", "say"),
    ("Most agree that the plan failed twice.", "Most", "agree"),
])
def test_a_quantifier_opening_its_clause_is_the_subject(suggest, text, source, cue):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, "the plan failed twice")
    assert source_of(result, claim)[0] == source and cue_of(result, claim) == cue


@pytest.mark.parametrize("text", [
    "Some claims in the report were false.",  # a plural noun after the quantifier
    "It was an aggressive - some say rash - plan to cut costs.",  # an aside between dashes
])
def test_a_quantifier_before_a_noun_or_in_an_aside_reports_nothing(suggest, text):
    result = suggest(text, "en")
    check_contract(text, result)
    assert not any(cue_of(result, c) in ("claims", "say") for c in result["claims"] if c["cue"] is not None)


def test_a_coordinator_after_a_quote_opens_a_clause_not_a_tag(suggest):
    text = 'The tape gave no "clear evidence of a gun," but he said that the footage supports the account.'
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, "the footage supports the account")
    assert text[claim["start"]:claim["end"]] == "the footage supports the account"
    assert source_of(result, claim)[0] == "he" and cue_of(result, claim) == "said"
    assert not any(text[c["start"]:c["end"]].startswith("The tape") for c in result["claims"])


def test_views_as_a_noun_is_no_cue(suggest):
    text = "His views on trade are well known."
    result = suggest(text, "en")
    check_contract(text, result)
    assert not any(c["cue"] is not None for c in result["claims"])


def test_that_after_the_object_of_an_object_verb_is_a_relative_clause(suggest):
    text = "The senator has attacked loopholes that benefit others, and has called for a new tax."
    result = suggest(text, "en")
    check_contract(text, result)
    first = claim_for(text, result, "loopholes that benefit others")
    assert text[first["start"]:first["end"]] == "loopholes that benefit others"
    assert cue_of(result, first) == "attacked" and source_of(result, first)[0] == "The senator"
    second = claim_for(text, result, "a new tax")
    assert cue_of(result, second) == "called for"


def test_a_stance_adjective_before_a_noun_is_no_cue(suggest):
    text = "It was a critical part of the plan."
    result = suggest(text, "en")
    check_contract(text, result)
    assert not any(c["cue"] is not None for c in result["claims"])


def test_a_conditional_sentence_with_a_hedge_is_no_unattributed_claim(suggest):
    text = "If the rules survive, they will almost certainly cost the industry thousands of jobs."
    result = suggest(text, "en")
    check_contract(text, result)
    assert not any(c["attribution"] == "unattributed" for c in result["claims"])


def test_a_hedged_sentence_without_a_condition_stays_unattributed(suggest):
    text = "The ruling will almost certainly cost the industry thousands of jobs."
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, "The ruling will almost certainly cost the industry thousands of jobs")
    assert claim["attribution"] == "unattributed"

"""Dutch constructions found most missed on the widened dpg dev half (issue 13): advice and
promise verbs with a dat- or te-clause, a subject after the verb once a prepositional phrase is
fronted, a subject with its apposition before an object verb, exclamations tagged with a
shouting verb. The sentences are written for these tests (invented names and places)."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for, cue_of, source_of


@pytest.mark.parametrize(("text", "words", "speaker", "cue"), [
    ("De onderwijsinspectie adviseert dat elke school dezelfde toets gebruikt.",
     "elke school dezelfde toets gebruikt", ("De onderwijsinspectie", "institution"), "adviseert"),
    ("Daarnaast adviseert de onderwijsinspectie de toets later af te nemen.",
     "de toets later af te nemen", ("de onderwijsinspectie", "institution"), "adviseert"),
    ("De huisarts raadt ouders aan hun kinderen op tijd te laten vaccineren.",
     "hun kinderen op tijd te laten vaccineren", ("De huisarts", "person"), "raadt"),
])
def test_nl_advice_verbs_take_a_dat_or_te_clause(suggest, text, words, speaker, cue) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert claim["attribution"] == "indirect" and cue_of(result, claim) == cue
    assert source_of(result, claim) == speaker


def test_nl_te_claim_after_an_inverted_subject_leaves_the_subject_out(suggest) -> None:
    text = "Daarnaast adviseert het planbureau de toets later af te nemen."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "de toets later af te nemen")
    assert text[claim["start"]:claim["end"]] == "de toets later af te nemen"


def test_nl_separable_promise_verb_zegt_toe_with_a_possessive_te_clause(suggest) -> None:
    text = "Maar de wethouder zegt toe zijn best te blijven doen voor het buurthuis."
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "zijn best te blijven doen voor het buurthuis")
    assert cue_of(result, claim) == "zegt toe"
    assert text[claim["start"]:claim["end"]].startswith("zijn best")
    assert source_of(result, claim) == ("de wethouder", "person")


def test_nl_plain_zegt_dat_is_not_taken_for_toezeggen(suggest) -> None:
    text = "De wethouder zegt dat het buurthuis open blijft."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "het buurthuis open blijft")
    assert cue_of(result, claim) == "zegt"


def test_nl_fronted_binnen_phrase_is_not_the_subject(suggest) -> None:
    text = "Binnen twee weken verwachten de beleggers hun gezamenlijke plan te presenteren."
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "hun gezamenlijke plan te presenteren")
    assert cue_of(result, claim) == "verwachten" and claim["certainty"] == "probable"
    assert source_of(result, claim) == ("de beleggers", "person")


@pytest.mark.parametrize("text", [
    "Haico Verbeek (39), directeur van de basisschool, noemt het een kortetermijnoplossing van de politiek.",
    "Anouk de Wit, voorzitter van de bewonersgroep, noemt het plan een gemiste kans.",
])
def test_nl_subject_with_apposition_before_an_object_verb_is_no_tagged_claim(suggest, text) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claims = [text[c["start"]:c["end"]] for c in result["claims"]]
    assert not any(c.startswith(("Haico", "Anouk")) for c in claims)  # the name is no claim
    claim = claim_for(text, result, text.split(" noemt ")[1].rstrip("."))
    assert cue_of(result, claim) == "noemt"
    assert source_of(result, claim)[0] in ("Haico Verbeek", "Anouk de Wit")


def test_nl_clause_before_an_inserted_tag_is_still_a_claim(suggest) -> None:
    text = "Het plan is een gemiste kans, zegt Anouk de Wit, voorzitter van de bewonersgroep."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "Het plan is een gemiste kans")
    assert cue_of(result, claim) == "zegt" and source_of(result, claim)[0] == "Anouk de Wit"


def test_nl_exclamation_tagged_with_gilt(suggest) -> None:
    text = "Achter in de kerk komt een vrouw aanrennen. ‘Stop!’, gilt ze."
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "Stop!")
    assert claim["attribution"] == "direct" and cue_of(result, claim) == "gilt"
    assert source_of(result, claim) == ("ze", "person")


def test_nl_fronted_question_phrase_with_an_of_clause_keeps_the_subject_after_the_verb(suggest) -> None:
    text = "Op de vraag of het pand wordt verkocht antwoordt een woordvoerder van de gemeente: ‘Dat klopt niet.’"
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "Dat klopt niet.")
    assert claim["attribution"] == "direct" and cue_of(result, claim) == "antwoordt"
    assert source_of(result, claim) == ("een woordvoerder van de gemeente", "person")


def test_nl_claim_ending_in_a_relative_clause_before_its_tag(suggest) -> None:
    text = "Het was een besluit van het bestuur, dat niet wil dat leden met de pers praten, zegt ze."
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "Het was een besluit van het bestuur")
    assert cue_of(result, claim) == "zegt" and source_of(result, claim) == ("ze", "person")
    assert text[claim["start"]:claim["end"]].endswith("met de pers praten")


def test_nl_subject_with_a_relative_clause_and_an_object_is_no_tag(suggest) -> None:
    text = "Greaves, die het fonds jarenlang leidde, ontkent het."
    result = suggest(text, "nl")
    assert not result["claims"]


def test_nl_long_role_apposition_before_an_object_verb(suggest) -> None:
    text = "Mieke Zwart (44), directeur van de Montessorischool en de Daltonschool in Oost, noemt het een slecht idee."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "het een slecht idee")
    assert cue_of(result, claim) == "noemt" and source_of(result, claim)[0] == "Mieke Zwart"
    assert not any(text[c["start"]:c["end"]].startswith("Mieke") for c in result["claims"])


def test_nl_kan_beter_is_advice_not_a_hedge(suggest) -> None:
    text = "De gemeente kan beter eerst met de bewoners praten, zegt de ombudsman."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "De gemeente kan beter eerst met de bewoners praten")
    assert claim["certainty"] == "certain"


def test_nl_separable_tag_verb_with_a_bracketed_age_before_its_particle(suggest) -> None:
    text = "‘We gaan gewoon, iedereen doet het’, vult zijn vriend Sjoerd de Wit (16) aan."
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "We gaan gewoon, iedereen doet het")
    assert cue_of(result, claim) == "vult"
    assert source_of(result, claim) == ("zijn vriend Sjoerd de Wit", "person")


def test_nl_fronted_dat_clause_with_a_time_adverb_after_the_speaker(suggest) -> None:
    text = "Dat de fabriek zou sluiten, wist de ondernemingsraad allang."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "de fabriek zou sluiten")
    assert cue_of(result, claim) == "wist" and source_of(result, claim)[0] == "de ondernemingsraad"


def test_nl_stance_sentence_with_the_name_after_the_copula_gives_the_next_quote_its_speaker(suggest) -> None:
    text = "Over de nieuwe plannen is Jan de Vries erg kritisch. ‘Dit gaat nooit werken in onze wijk.’"
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "Dit gaat nooit werken in onze wijk.")
    assert claim["attribution"] == "direct" and cue_of(result, claim) is None
    assert source_of(result, claim) == ("Jan de Vries", "person")


def test_nl_sentence_with_more_than_stance_words_gives_no_speaker(suggest) -> None:
    text = "Over de plannen is Jan de Vries lang in gesprek geweest met de buren. ‘Dit gaat nooit werken.’"
    result = suggest(text, "nl")
    claim = claim_for(text, result, "Dit gaat nooit werken.")
    assert claim["source"] is None


def test_nl_dat_zegt_after_a_wish_sentence_reports_the_whole_sentence(suggest) -> None:
    text = "Het bedrijf wil een nieuwe fabriek bouwen in Brabant. Dat zegt woordvoerder Wiebe de Wit van het bedrijf."
    result = suggest(text, "nl")
    check_contract(text, result)
    outer = [c for c in result["claims"] if text[c["start"]:c["end"]].startswith("Het bedrijf wil")]
    assert len(outer) == 1 and cue_of(result, outer[0]) == "zegt"
    assert source_of(result, outer[0]) == ("woordvoerder Wiebe de Wit van het bedrijf", "person")
    inner = [c for c in result["claims"] if text[c["start"]:c["end"]] == "een nieuwe fabriek bouwen in Brabant"]
    assert len(inner) == 1 and cue_of(result, inner[0]) == "wil"  # the company's wish stays, nested


def test_nl_dat_bevestigt_after_a_tagged_quote_adds_no_second_claim(suggest) -> None:
    text = "‘We bouwen een nieuwe fabriek’, zegt directeur Kok. Dat bevestigt de gemeente."
    result = suggest(text, "nl")
    assert len(result["claims"]) == 1 and cue_of(result, result["claims"][0]) == "zegt"


@pytest.mark.parametrize(("text", "words", "cue"), [
    ("De universiteit verzoekt de gemeente om de rotonde snel aan te passen.", "de rotonde snel aan te passen",
     "verzoekt"),
    ("De universiteit vraagt de gemeente om de rotonde snel aan te passen.", "de rotonde snel aan te passen",
     "vraagt"),
])
def test_nl_requests_with_om_te_are_appeal_claims(suggest, text, words, cue) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert cue_of(result, claim) == cue and source_of(result, claim) == ("De universiteit", "institution")


@pytest.mark.parametrize("text", [
    "De bewoners vragen om hulp bij de verhuizing.",
    "Op verzoek van de bewoners wordt de weg afgesloten.",
])
def test_nl_requests_without_content_are_no_claims(suggest, text) -> None:
    assert not suggest(text, "nl")["claims"]



@pytest.mark.parametrize("text", [
    "Want, zo zegt de minister, de economie groeit nog steeds.",
    "Zo zegt de minister, de economie groeit nog steeds.",
])
def test_nl_zo_zegt_x_before_its_claim(suggest, text) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "de economie groeit nog steeds")
    assert text[claim["start"]:claim["end"]] == "de economie groeit nog steeds"
    assert source_of(result, claim) == ("de minister", "person") and "zegt" in cue_of(result, claim)


def test_nl_zo_zegt_x_inside_its_claim_gives_two_pieces(suggest) -> None:
    text = "De economie groeit, zo zegt de minister, nog steeds flink door."
    result = suggest(text, "nl")
    pieces = sorted(text[c["start"]:c["end"]] for c in result["claims"])
    assert pieces == ["De economie groeit", "nog steeds flink door"]
    assert {source_of(result, c) for c in result["claims"]} == {("de minister", "person")}


@pytest.mark.parametrize("text", [
    "Zo zegt de minister dat de economie groeit.",
    "Zo zegt de minister, die al jaren in functie is.",
])
def test_nl_zo_opening_an_example_or_a_relative_is_no_front_tag(suggest, text) -> None:
    result = suggest(text, "nl")
    assert all(c["rule"] != "inserted_tag" for c in result["claims"])


@pytest.mark.parametrize(("text", "words", "speaker", "cue"), [
    ("Bomen en bankjes op het plein, dat wil de buurman.", "Bomen en bankjes op het plein", "de buurman", "wil"),
    ("Een nieuwe brug over de rivier, dat vindt de wethouder.", "Een nieuwe brug over de rivier", "de wethouder",
     "vindt"),
])
def test_nl_left_dislocated_claim_with_dat_and_the_speaker_after_the_verb(suggest, text, words, speaker, cue) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert cue_of(result, claim) == cue and source_of(result, claim)[0] == speaker


@pytest.mark.parametrize("text", [
    "Hij kocht een groot huis, dat zegt veel.",
    "De school, dat weet iedereen, is te klein.",
])
def test_nl_dat_after_a_comma_without_a_closing_speaker_is_no_dislocation(suggest, text) -> None:
    result = suggest(text, "nl")
    assert all(c["rule"] != "retro_tag" for c in result["claims"])


@pytest.mark.parametrize(("text", "speaker"), [
    ("Dit rapport bevestigt dat de consument uiteindelijk bepaalt.", "Dit rapport"),
    ("Dit onderzoek laat wel zien dat de consument uiteindelijk bepaalt.", "Dit onderzoek"),
    ("Die partij vindt dat de consument uiteindelijk bepaalt.", "Die partij"),
])
def test_nl_demonstrative_opening_the_subject(suggest, text, speaker) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "de consument uiteindelijk bepaalt")
    assert source_of(result, claim)[0] == speaker


@pytest.mark.parametrize("text", [
    "Deze week zei de minister dat de school dicht gaat.",
    "Elk jaar zegt de minister dat de school dicht gaat.",
])
def test_nl_fronted_time_phrase_is_not_the_subject(suggest, text) -> None:
    result = suggest(text, "nl")
    claim = claim_for(text, result, "de school dicht gaat")
    assert source_of(result, claim) == ("de minister", "person")


def test_nl_second_main_clause_after_en_toch_has_its_own_subject(suggest) -> None:
    text = "De economie koelt af en toch blijft het planbureau volhouden dat de koopkracht stijgt."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "de koopkracht stijgt")
    assert source_of(result, claim)[0] == "het planbureau"


def test_nl_coordinated_subject_is_not_split(suggest) -> None:
    text = "Jan de Wit en zijn vrouw zeggen dat het huis te koud is."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "het huis te koud is")
    assert source_of(result, claim)[0].startswith("Jan de Wit")


def test_nl_coordinated_names_after_a_tag_verb_are_one_speaker(suggest) -> None:
    text = "‘We zijn heel blij met het nieuwe huis’, zeggen Jan en Marie Bakker uit Oss."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "We zijn heel blij met het nieuwe huis")
    assert source_of(result, claim)[0].startswith("Jan en Marie Bakker")


def test_nl_a_second_clause_after_the_tag_speaker_is_not_part_of_the_speaker(suggest) -> None:
    text = "‘We zijn heel blij met het nieuwe huis’, zegt Kok en De Vries knikt."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "We zijn heel blij met het nieuwe huis")
    assert source_of(result, claim)[0] == "Kok"


@pytest.mark.parametrize(("text", "words"), [
    ("‘We hebben alles gedaan wat we konden’, vertelt de eigenaar van het café.",
     "We hebben alles gedaan wat we konden"),
    ("‘Het is belangrijk in een rechtsstaat dat mensen kunnen demonstreren’, zegt de advocaat.",
     "Het is belangrijk in een rechtsstaat dat mensen kunnen demonstreren"),
    ("De gemeente belooft te kijken of er iets aan de weg gedaan kan worden.",
     "te kijken of er iets aan de weg gedaan kan worden"),
])
def test_nl_ability_kan_in_a_subordinate_clause_does_not_hedge_the_claim(suggest, text, words) -> None:
    result = suggest(text, "nl")
    assert claim_for(text, result, words)["certainty"] == "certain"


@pytest.mark.parametrize(("text", "words"), [
    ("Die strategie kan volgens de bond leiden tot meer druk op de bedrijven.",
     "Die strategie kan volgens de bond leiden tot meer druk op de bedrijven"),
    ("De bewoners klagen over de leegstand die zou ontstaan, zegt de wethouder.",
     "De bewoners klagen over de leegstand die zou ontstaan"),
])
def test_nl_main_clause_kan_and_zou_in_a_relative_still_hedge(suggest, text, words) -> None:
    result = suggest(text, "nl")
    assert claim_for(text, result, words)["certainty"] == "possible"


def test_nl_one_sentence_quote_opening_with_ik_vrees_dat_is_probable(suggest) -> None:
    text = "‘Ik vrees dat dit pas het begin van de problemen is’, zegt de burgemeester."
    result = suggest(text, "nl")
    assert claim_for(text, result, "Ik vrees dat dit pas het begin van de problemen is")["certainty"] == "probable"


def test_nl_long_quote_opening_with_ik_vrees_dat_stays_certain(suggest) -> None:
    text = "‘Ik vrees dat dit pas het begin is. Maar we gaan gewoon door met het werk’, zegt de burgemeester."
    result = suggest(text, "nl")
    assert claim_for(text, result, "Ik vrees dat dit pas het begin is.")["certainty"] == "certain"


def test_nl_sentence_and_colon_with_an_unused_cue_word_still_gives_the_quote_its_speaker(suggest) -> None:
    text = "Ook Karel de Wit is niet te spreken over het plan: ‘Het is een schande voor de wijk.’"
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "Het is een schande voor de wijk.")
    assert claim["attribution"] == "direct" and source_of(result, claim) == ("Karel de Wit", "person")


@pytest.mark.parametrize(("text", "speaker"), [
    ("‘Het is een schande voor de wijk’, zegt Van der Laan.", "Van der Laan"),
    ("Ook De Vries is niet te spreken over het plan: ‘Het is een schande voor de wijk.’", "De Vries"),
])
def test_nl_surname_with_a_capitalised_prefix_is_a_person(suggest, text, speaker) -> None:
    result = suggest(text, "nl")
    claim = claim_for(text, result, "Het is een schande voor de wijk")
    assert source_of(result, claim) == (speaker, "person")


def test_nl_newspaper_name_with_de_opening_the_sentence_stays_news_media(suggest) -> None:
    text = "De Telegraaf meldt dat de minister vandaag aftreedt."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "de minister vandaag aftreedt")
    assert source_of(result, claim) == ("De Telegraaf", "news_media")


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("Maar de wethouder is van mening dat de toets later moet komen.", "de toets later moet komen", "de wethouder"),
    ("De bond is ervan overtuigd dat de staking helpt.", "de staking helpt", "De bond"),
])
def test_nl_opinion_predicates_with_a_dat_clause(suggest, text, words, speaker) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert source_of(result, claim)[0] == speaker


def test_nl_mening_without_van_and_dat_is_no_cue(suggest) -> None:
    assert not suggest("Hij verschilt van mening met de minister over de brug.", "nl")["claims"]


def test_nl_two_word_quoted_sentence_continues_the_speaker(suggest) -> None:
    text = "‘We zijn het echt zat’, zegt bewoonster Els de Wit. ‘Niemand luistert.’"
    result = suggest(text, "nl")
    claim = claim_for(text, result, "Niemand luistert.")
    assert claim["attribution"] == "direct" and source_of(result, claim)[0] == "bewoonster Els de Wit"


def test_nl_two_word_quoted_phrase_without_a_full_stop_is_no_claim(suggest) -> None:
    text = "Het plan heet ‘Groene Buurt’ en kost vier miljoen euro."
    assert not suggest(text, "nl")["claims"]


@pytest.mark.parametrize("text", [
    "De nieuwe kar moet aan strenge eisen voldoen, voordat hij de weg op mag.",
    "De bewoners hebben grote zorgen over de nieuwe vragen die er nog liggen.",
])
def test_nl_plural_verb_form_after_an_inflected_adjective_is_a_noun(suggest, text) -> None:
    assert not suggest(text, "nl")["claims"]


def test_nl_plural_verb_after_its_subject_still_reports(suggest) -> None:
    text = "Ook de boze bewoners eisen dat de weg dicht gaat."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "de weg dicht gaat")
    assert cue_of(result, claim) == "eisen"


def test_nl_single_quote_closed_by_a_straight_double_mark(suggest) -> None:
    text = "'Heel mooi, met al dat groen\", roept bewoner Leo de Wit enthousiast. Hij woont al jaren in de wijk."
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "Heel mooi, met al dat groen")
    assert text[claim["start"]:claim["end"]] == "Heel mooi, met al dat groen"
    assert cue_of(result, claim) == "roept" and source_of(result, claim)[0] == "bewoner Leo de Wit"


def test_nl_double_marks_nested_in_a_single_quote_do_not_close_it(suggest) -> None:
    from annotator.nlp.textscan import quotes

    text = "Hij noemt het plan 'een \"slim\" idee', zegt Kok."
    qs = quotes(text, 0, len(text))
    assert [text[q.start:q.end] for q in qs] == ['een "slim" idee']


@pytest.mark.parametrize(("text", "words"), [
    ("De bond roept op tot een landelijke staking.", "een landelijke staking"),
    ("De bond dringt aan op snelle maatregelen tegen de wachtlijsten.", "snelle maatregelen tegen de wachtlijsten"),
])
def test_nl_appeal_verbs_with_a_noun_phrase_object(suggest, text, words) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert source_of(result, claim) == ("De bond", "institution")


def test_nl_roept_op_om_te_keeps_its_infinitive_claim(suggest) -> None:
    text = "De bond roept de leden op om morgen te staken."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "morgen te staken")
    assert cue_of(result, claim) == "roept"


@pytest.mark.parametrize(("text", "words", "doc"), [
    ("In de klacht werd benadrukt dat het om burgerlijke ongehoorzaamheid ging.",
     "het om burgerlijke ongehoorzaamheid ging", "de klacht"),
    ("In het rapport wordt gesteld dat de zorg in de regio te duur is.", "de zorg in de regio te duur is",
     "het rapport"),
])
def test_nl_passive_report_in_a_document_has_the_document_as_source(suggest, text, words, doc) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert source_of(result, claim) == (doc, "document")


def test_nl_passive_report_in_a_place_gets_no_place_as_source(suggest) -> None:
    text = "In Den Haag werd gezegd dat het kabinet valt."
    result = suggest(text, "nl")
    assert all(source_of(result, c) is None or source_of(result, c)[0] != "Den Haag" for c in result["claims"])


@pytest.mark.parametrize(("text", "speaker"), [
    ("‘Zo kan het echt niet langer.’ Wethouder Kok is er duidelijk over.", "Wethouder Kok"),
    ("‘Zo kan het echt niet langer.’ Ze is stellig.", "Ze"),
])
def test_nl_stance_sentence_after_a_speakerless_quote_gives_its_speaker(suggest, text, speaker) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "Zo kan het echt niet langer.")
    assert cue_of(result, claim) is None and source_of(result, claim)[0] == speaker


def test_nl_stance_sentence_about_a_thing_gives_no_speaker(suggest) -> None:
    text = "‘Zo kan het echt niet langer.’ Het plan is duidelijk."
    result = suggest(text, "nl")
    assert claim_for(text, result, "Zo kan het echt niet langer.")["source"] is None

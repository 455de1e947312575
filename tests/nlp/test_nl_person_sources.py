"""Dutch constructions that give person sources in real news (issue 13.3, part 3): speakers with
a bracketed aside or an apposition, names before a verb, speakers of an untagged quote. The
sentences are written for these tests (invented names and places)."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for, cue_of, source_of


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("De rondweg komt er, zegt wethouder Anouk Verbeek (CDA).", "De rondweg komt er", "wethouder Anouk Verbeek"),
    ("De rondweg komt er, zegt Kamerlid Bram Kok (VVD) tegen deze krant.", "De rondweg komt er",
     "Kamerlid Bram Kok"),
    ("Het dorp wil geen windmolens, aldus Els Mulder (58) van de bewonersgroep.", "Het dorp wil geen windmolens",
     "Els Mulder"),
    ("Er komt geen extra geld, voegt de woordvoerder van de provincie daaraan toe.", "Er komt geen extra geld",
     "de woordvoerder van de provincie"),
])
def test_nl_tag_speaker_with_bracketed_aside(suggest, text, words, speaker) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert claim["attribution"] == "indirect"
    assert source_of(result, claim) == (speaker, "person")
    assert len(result["claims"]) == 1


@pytest.mark.parametrize(("text", "speaker"), [
    ("Pim Zandbergen, wethouder van Zorg: ,,We sluiten geen enkel huis.''", "Pim Zandbergen"),
    ("Wethouder Pim Zandbergen (PvdA): ,,We sluiten geen enkel huis.''", "Wethouder Pim Zandbergen"),
])
def test_nl_colon_quote_after_an_apposition_or_aside(suggest, text, speaker) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "We sluiten geen enkel huis.")
    assert claim["attribution"] == "direct" and cue_of(result, claim) is None
    assert source_of(result, claim) == (speaker, "person")


def test_nl_name_before_a_verb_stops_before_the_verb(suggest) -> None:
    text = "Karel de Wit woont al veertig jaar aan de dijk. ,,Zo hoog stond het water nog nooit.''"
    result = suggest(text, "nl")
    claim = claim_for(text, result, "Zo hoog stond het water nog nooit.")
    assert source_of(result, claim) == ("Karel de Wit", "person")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Hij woont al veertig jaar aan de dijk. ,,Zo hoog stond het water nog nooit.''", "Hij"),
    ("Karel de Wit is boer. De Wit loopt over zijn land. ,,Zo hoog stond het water nog nooit.''", "De Wit"),
    ("Karel de Wit is boer. De 58-jarige De Wit loopt over zijn land. ,,Zo hoog stond het water nog nooit.''",
     "De 58-jarige De Wit"),
])
def test_nl_untagged_quote_takes_the_person_subject_of_the_sentence_before(suggest, text, speaker) -> None:
    result = suggest(text, "nl")
    claim = claim_for(text, result, "Zo hoog stond het water nog nooit.")
    assert claim["attribution"] == "direct" and cue_of(result, claim) is None
    assert source_of(result, claim) == (speaker, "person")


def test_nl_plural_they_before_a_quote_is_not_taken_for_its_speaker(suggest) -> None:
    text = ",,We zijn er klaar voor'', zegt de kok. Ze hebben de keuken verbouwd. ,,Alles is nieuw en schoon.''"
    result = suggest(text, "nl")
    claim = claim_for(text, result, "Alles is nieuw en schoon.")
    assert source_of(result, claim) == ("de kok", "person")


@pytest.mark.parametrize(("text", "words", "cue"), [
    ("Het kabinet wil dat gemeenten meer woningen bouwen.", "gemeenten meer woningen bouwen", "wil"),
    ("De boeren willen niet dat de dijk wordt verlegd.", "de dijk wordt verlegd", "willen"),
    ("De bewoners beseffen dat de renovatie lang gaat duren.", "de renovatie lang gaat duren", "beseffen"),
    ("De wethouder realiseert zich dat het plan geld kost.", "het plan geld kost", "realiseert"),
])
def test_nl_wish_and_awareness_verbs_with_a_dat_clause(suggest, text, words, cue) -> None:
    result = suggest(text, "nl")
    claim = claim_for(text, result, words)
    assert claim["attribution"] == "indirect" and cue_of(result, claim) == cue
    assert source_of(result, claim) is not None


@pytest.mark.parametrize("text", [
    "De burgemeester wil dat graag.",
    "De minister wil dat niet, zei ze eerder al.",
    "De gemeente wil dat pand slopen.",
])
def test_nl_wil_dat_with_a_demonstrative_is_no_claim(suggest, text) -> None:
    assert [c for c in suggest(text, "nl")["claims"] if c["cue"] is not None
            and suggest(text, "nl")["cues"][c["cue"]]["text"] == "wil"] == []


def test_nl_tag_after_a_wish_clause_takes_the_whole_clause(suggest) -> None:
    text = "De bewoners willen dat de gemeente meer woningen bouwt, zegt wijkagent Sanne Bos."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "De bewoners willen dat de gemeente meer woningen bouwt")
    assert cue_of(result, claim) == "zegt" and source_of(result, claim) == ("wijkagent Sanne Bos", "person")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Volgens Els Kok (D66) is het plan te duur.", "Els Kok"),
    ("Volgens de burgemeester van Zandvliet, Els Kok, is het plan te duur.", "de burgemeester van Zandvliet"),
])
def test_nl_volgens_with_an_aside_keeps_it_out_of_the_claim(suggest, text, speaker) -> None:
    result = suggest(text, "nl")
    claim = claim_for(text, result, "is het plan te duur")
    assert text[claim["start"]:claim["end"]] == "is het plan te duur"
    assert source_of(result, claim) == (speaker, "person")


def test_nl_closing_tag_takes_precedence_over_a_verb_inside_its_claim(suggest) -> None:
    text = "Ook de dorpen zouden bij het plan moeten worden toegevoegd, vindt gedeputeerde Mila Roos."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "Ook de dorpen zouden bij het plan moeten worden toegevoegd")
    assert cue_of(result, claim) == "vindt" and source_of(result, claim) == ("gedeputeerde Mila Roos", "person")
    assert len(result["claims"]) == 1


def test_nl_first_report_keeps_its_speaker_before_a_closing_tag(suggest) -> None:
    text = "De burgemeester zei dat de brug dichtgaat, meldt de omroep."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "de brug dichtgaat")
    assert cue_of(result, claim) == "zei" and source_of(result, claim) == ("De burgemeester", "person")


def test_nl_merkt_as_a_tag(suggest) -> None:
    text = ",,Niemand weet hoe dat werkt'', merkt hij. ,,Ook de ambtenaren niet.''"
    result = suggest(text, "nl")
    claim = claim_for(text, result, "Niemand weet hoe dat werkt")
    assert cue_of(result, claim) == "merkt" and source_of(result, claim) == ("hij", "person")


def test_nl_tag_with_a_colon_gives_the_quote_after_to_the_same_speaker(suggest) -> None:
    text = "Toch moet de provincie snel beslissen, zegt econoom Ruud Smit: ‘Anders raakt het dorp alle bedrijven kwijt.’"
    result = suggest(text, "nl")
    first = claim_for(text, result, "moet de provincie snel beslissen")
    quote = claim_for(text, result, "Anders raakt het dorp alle bedrijven kwijt.")
    assert source_of(result, first) == source_of(result, quote) == ("econoom Ruud Smit", "person")
    assert quote["attribution"] == "direct"


def test_nl_fronted_phrase_before_a_colon_tag_is_no_claim(suggest) -> None:
    text = "Bij de opening van de brug, zei de burgemeester: ‘Dit is een mooie dag voor iedereen.’"
    result = suggest(text, "nl")
    assert [text[c["start"]:c["end"]] for c in result["claims"]] == ["Dit is een mooie dag voor iedereen."]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Het gezin houdt volgens het Nibud 2,5 procent meer over.", "het Nibud"),
    ("Het duo beraadt zich op vervolgstappen. ,,We geven niet zomaar op.''", "Het duo"),
])
def test_nl_source_edges(suggest, text, speaker) -> None:
    result = suggest(text, "nl")
    assert speaker in [s["text"] for s in result["sources"]]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Die beslissing verbaast Jaap van der Laan: ,,Niemand heeft ons ooit iets gevraagd.''", "Jaap van der Laan"),
    ("Ook Els Mulder ziet het somber in: ,,Niemand heeft ons ooit iets gevraagd.''", "Els Mulder"),
    ("De boer heeft een duidelijke mening over het plan: ,,Niemand heeft ons ooit iets gevraagd.''", "De boer"),
])
def test_nl_sentence_and_colon_before_a_quote_gives_it_to_the_person_named(suggest, text, speaker) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "Niemand heeft ons ooit iets gevraagd.")
    assert claim["attribution"] == "direct" and cue_of(result, claim) is None
    assert source_of(result, claim) == (speaker, "person")


def test_nl_colon_list_is_no_quote(suggest) -> None:
    assert suggest("Het plan heeft drie delen: een brug, een weg en een tunnel.", "nl")["claims"] == []


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("De school sluit eerder. Tenminste, dat stellen onderzoekers van de universiteit.", "De school sluit eerder",
     "onderzoekers van de universiteit"),
    ("Het plan was geheim, stellen de zeven partijen die niet in de coalitie zitten.", "Het plan was geheim",
     "de zeven partijen"),
    ("Het plan was niet geheim, bleek deze week uit een intern onderzoek.", "Het plan was niet geheim",
     "een intern onderzoek"),
    ("Het plan was niet geheim, zo blijkt uit een intern onderzoek.", "Het plan was niet geheim", "een intern onderzoek"),
])
def test_nl_tags_after_the_claim(suggest, text, words, speaker) -> None:
    result = suggest(text, "nl")
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert source_of(result, claim)[0] == speaker


def test_nl_volgens_after_a_comma_is_a_second_claim(suggest) -> None:
    text = "De provincie noemt een bedrag van tien miljoen euro, volgens de bewoners is dat veel te weinig."
    result = suggest(text, "nl")
    first = claim_for(text, result, "een bedrag van tien miljoen euro")
    second = claim_for(text, result, "is dat veel te weinig")
    assert text[first["start"]:first["end"]] == "een bedrag van tien miljoen euro"
    assert source_of(result, second)[0] == "de bewoners"


def test_nl_tag_after_a_volgens_claim_adds_no_claim(suggest) -> None:
    text = "Volgens wethouder Kok is het plan te duur, zei hij gisteren in de raad."
    result = suggest(text, "nl")
    assert len(result["claims"]) == 1
    claim = claim_for(text, result, "is het plan te duur")
    assert source_of(result, claim) == ("wethouder Kok", "person")


@pytest.mark.parametrize(("text", "pieces"), [
    ("Het plan is, zegt wethouder Kok, een schande voor het dorp.", ["Het plan is", "een schande voor het dorp"]),
    ("Daarbovenop, zegt ze, komt nog een bonus van duizend euro.",
     ["Daarbovenop", "komt nog een bonus van duizend euro"]),
])
def test_nl_tag_inside_its_claim_gives_one_claim_per_piece(suggest, text, pieces) -> None:
    result = suggest(text, "nl")
    assert [text[c["start"]:c["end"]] for c in result["claims"]] == pieces
    assert len({c["source"] for c in result["claims"]}) == 1 and all(cue_of(result, c) == "zegt"
                                                                     for c in result["claims"])


def test_nl_tag_with_an_apposition_is_not_inside_its_claim(suggest) -> None:
    text = "De brug blijft dicht, zegt Piet Kok, woordvoerder van de provincie."
    result = suggest(text, "nl")
    assert [text[c["start"]:c["end"]] for c in result["claims"]] == ["De brug blijft dicht"]


@pytest.mark.parametrize(("text", "words", "cue"), [
    ("Wethouder Kok belooft de bibliotheek open te houden.", "de bibliotheek open te houden", "belooft"),
    ("De minister dreigt de subsidie stop te zetten.", "de subsidie stop te zetten", "dreigt"),
    ("De directeur erkent fouten te hebben gemaakt.", "fouten te hebben gemaakt", "erkent"),
])
def test_nl_te_infinitive_complement_is_the_claim(suggest, text, words, cue) -> None:
    result = suggest(text, "nl")
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words and cue_of(result, claim) == cue
    assert source_of(result, claim) is not None


@pytest.mark.parametrize(("text", "words", "cue"), [
    ("De boeren hopen op een snelle uitspraak van de rechter.", "een snelle uitspraak van de rechter", "hopen op"),
    ("De bewoners vrezen voor een nieuwe overstroming.", "een nieuwe overstroming", "vrezen voor"),
    ("De brandweer waarschuwt voor gladde wegen.", "gladde wegen", "waarschuwt voor"),
])
def test_nl_stance_verb_with_a_prepositional_object(suggest, text, words, cue) -> None:
    result = suggest(text, "nl")
    claim = claim_for(text, result, words)
    assert cue_of(result, claim) == cue and source_of(result, claim) is not None


def test_nl_stance_verb_with_dat_keeps_the_clause(suggest) -> None:
    text = "De boeren hopen dat de rechter snel uitspraak doet."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "de rechter snel uitspraak doet")
    assert cue_of(result, claim) == "hopen"


def test_nl_quote_over_paragraphs_takes_the_speaker_of_its_tag(suggest) -> None:
    text = ",,De dijk houdt het. We zijn er klaar voor.\n\n,,Maar het wordt spannend'', aldus dijkgraaf Tom Berg."
    result = suggest(text, "nl")
    first = claim_for(text, result, "De dijk houdt het. We zijn er klaar voor.")
    second = claim_for(text, result, "Maar het wordt spannend")
    assert source_of(result, first) == source_of(result, second) == ("dijkgraaf Tom Berg", "person")


def test_nl_het_before_an_adjective_is_no_inverted_subject(suggest) -> None:
    text = "Wethouder Kok vindt het belangrijk dat de bewoners meepraten."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "de bewoners meepraten")
    assert source_of(result, claim) == ("Wethouder Kok", "person")


def test_nl_vinden_with_an_object_and_a_judgement(suggest) -> None:
    text = "De bewoners vinden het nieuwe bestemmingsplan onzin."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "het nieuwe bestemmingsplan onzin")
    assert cue_of(result, claim) == "vinden" and source_of(result, claim) == ("De bewoners", "person")
    assert suggest("De politie vond het wapen in een sloot.", "nl")["claims"] == []


@pytest.mark.parametrize(("text", "words", "cue"), [
    ("De school kan niet zeggen of de daders leerlingen zijn.", "de daders leerlingen zijn", "zeggen"),
    ("De politie onderzoekt of de brand is aangestoken.", "de brand is aangestoken", "onderzoekt"),
    ("Wethouder Kok vraagt zich af of de brug ooit opengaat.", "de brug ooit opengaat", "vraagt"),
])
def test_nl_whether_clause_is_an_uncertain_claim_of_the_subject(suggest, text, words, cue) -> None:
    result = suggest(text, "nl")
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert claim["certainty"] == "uncertain" and cue_of(result, claim) == cue
    assert source_of(result, claim) is not None


def test_nl_negated_verb_without_whether_stays_no_cue(suggest) -> None:
    assert suggest("De burgemeester wilde gisteren niet zeggen hoe hoog de boete is.", "nl")["claims"] == []


@pytest.mark.parametrize(("text", "words", "cue"), [
    ("De burgemeester riep de inwoners gisteren op om binnen te blijven.", "binnen te blijven", "riep"),
    ("De provincie stelde voor om de weg te verbreden.", "de weg te verbreden", "stelde"),
    ("De provincie voorstelde om de weg te verbreden.", "de weg te verbreden", "voorstelde"),
])
def test_nl_separable_appeal_and_proposal_verbs(suggest, text, words, cue) -> None:
    result = suggest(text, "nl")
    claim = claim_for(text, result, words)
    assert cue_of(result, claim) == cue and source_of(result, claim) is not None


def test_nl_volgens_two_coordinated_sources(suggest) -> None:
    text = "Volgens Karel Kok en Els Mulder moet de brug dicht."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "moet de brug dicht")
    assert text[claim["start"]:claim["end"]] == "moet de brug dicht"
    assert source_of(result, claim)[0] == "Karel Kok en Els Mulder"


def test_nl_action_sentence_between_two_quotes_gives_both_its_subject(suggest) -> None:
    text = ",,De brug moet dicht.'' Piet Kok wijst naar de roestige pijlers. ,,Kijk maar eens goed.''"
    result = suggest(text, "nl")
    first = claim_for(text, result, "De brug moet dicht.")
    second = claim_for(text, result, "Kijk maar eens goed.")
    assert source_of(result, first) == source_of(result, second) == ("Piet Kok", "person")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Kok stuurde een brief naar de minister waarin hij hem oproept de school open te houden.", "hij"),
    ("De provincie dreigde met een boete, waarop de gemeente voorstelde om te praten.", "de gemeente"),
])
def test_nl_subject_after_a_relative_adverb(suggest, text, speaker) -> None:
    result = suggest(text, "nl")
    assert result["claims"] and source_of(result, result["claims"][-1])[0] == speaker

"""Dutch speaker names the noun-phrase scan cut short on the dpg dev half (issue 13): a leading
genitive ("'s lands rekenmeester", "'s werelds grootste bank"), the municipal executive named
as a coordination ("B en W", "burgemeester en wethouders") and two speakers joined by "en".
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for, cue_of, source_of


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("Want, zo zegt 's lands rekenmeester, de lonen stijgen dit jaar.",
     "de lonen stijgen dit jaar", "'s lands rekenmeester"),
    ("Volgens 's werelds grootste bank daalt de rente nog verder.",
     "daalt de rente nog verder", "'s werelds grootste bank"),
])
def test_nl_leading_genitive_belongs_to_the_speaker(suggest, text, words, speaker) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    found = source_of(result, claim)
    assert found is not None and found[0] == speaker


@pytest.mark.parametrize(("text", "words", "speaker", "cue"), [
    ("Het plan voldoet aan alle voorwaarden, vinden B en W.",
     "Het plan voldoet aan alle voorwaarden", "B en W", "vinden"),
    ("B en W zeggen dat de sporthal voor de zomer open gaat.",
     "de sporthal voor de zomer open gaat", "B en W", "zeggen"),
    ("Het college van burgemeester en wethouders laat weten dat de weg dicht blijft.",
     "de weg dicht blijft", "Het college van burgemeester en wethouders", "laat weten"),
])
def test_nl_b_en_w_is_one_speaker(suggest, text, words, speaker, cue) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    found = source_of(result, claim)
    assert found is not None and found[0].rstrip(".") == speaker
    assert cue_of(result, claim) == cue


def test_nl_en_w_joins_only_the_letter_w(suggest) -> None:
    text = "Het plan is te duur, zegt Bakker en Wolters wil het uitstellen."
    result = suggest(text, "nl")
    found = source_of(result, claim_for(text, result, "Het plan is te duur"))
    assert found is not None and found[0] == "Bakker"


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("Van der Laan en Berghorst hopen dat de raad het plan nog tegenhoudt.",
     "de raad het plan nog tegenhoudt", "Van der Laan en Berghorst"),
    ("De school en de gemeente hebben gezegd dat de weg dicht blijft.",
     "de weg dicht blijft", "De school en de gemeente"),
    ("Het huis is te klein, zeggen Jansen en zijn vrouw.", "Het huis is te klein", "Jansen en zijn vrouw"),
])
def test_nl_two_speakers_joined_by_en_are_one_source(suggest, text, words, speaker) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    found = source_of(result, claim_for(text, result, words))
    assert found is not None and found[0] == speaker


def test_nl_en_before_a_pronoun_opens_a_clause_of_its_own(suggest) -> None:
    text = "Het huis is te klein, zegt Jansen en hij wil snel verhuizen."
    result = suggest(text, "nl")
    found = source_of(result, claim_for(text, result, "Het huis is te klein"))
    assert found is not None and found[0] == "Jansen"


def test_nl_b_en_w_with_a_full_stop_ends_the_sentence(suggest) -> None:
    text = ("Het plan voldoet aan alle voorwaarden, vinden B en W. "
            "Dat de bouwer nog niet alle grond heeft, is volgens de gemeente geen bezwaar.")
    result = suggest(text, "nl")
    check_contract(text, result)
    first = claim_for(text, result, "Het plan voldoet aan alle voorwaarden")
    found = source_of(result, first)
    assert found is not None and found[0].rstrip(".") == "B en W"
    second = claim_for(text, result, "de bouwer nog niet alle grond heeft, is volgens de gemeente geen bezwaar")
    assert source_of(result, second) == ("de gemeente", "institution")
    assert cue_of(result, second) == "volgens"


def test_nl_a_name_s_initial_still_joins_the_name(suggest) -> None:
    text = "Het plan is goed, zegt J. Jansen."
    result = suggest(text, "nl")
    found = source_of(result, claim_for(text, result, "Het plan is goed"))
    assert found is not None and found[0] == "J. Jansen"


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("Er zijn veel boeren die zeggen dat de oogst mislukt.", "de oogst mislukt", "veel boeren"),
    ("De cijfers botsen met mopperende reizigers die in brieven aan de krant zeggen geen verbetering te zien.",
     "geen verbetering te zien", "mopperende reizigers"),
])
def test_nl_antecedent_of_die_speaks_in_a_relative_clause(suggest, text, words, speaker) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    found = source_of(result, claim_for(text, result, words))
    assert found is not None and found[0] == speaker


def test_nl_relative_clause_with_its_own_subject_keeps_no_antecedent(suggest) -> None:
    text = "De man die de buurvrouw zegt te kennen, woont hier al jaren."
    result = suggest(text, "nl")
    assert all(s["text"] != "De man die" for s in result["sources"])

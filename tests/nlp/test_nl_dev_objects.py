"""Dutch verbs whose noun-phrase object is the claim, missed on the dpg dev half (issue 13),
and a headline whose colon follows a source noun ("Kwekers: ..."):
"wijzen op" (pointing to a danger or a limit) and "verwachten" with an object (an expectation,
probable). Sentences written for these tests (invented names)."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for, cue_of, source_of


@pytest.mark.parametrize(("text", "words", "speaker", "certainty"), [
    ("De onderzoekers wijzen wel op enkele zwakke punten van de enquête.",
     "enkele zwakke punten van de enquête", ("De onderzoekers", "person"), "certain"),
    ("In de brief wijst de hogeschool ook op de onveilige kruising bij het station.",
     "de onveilige kruising bij het station", ("de hogeschool", "institution"), "certain"),
    ("Fietsenmakers verwachten een drukke zomer.", "een drukke zomer", None, "probable"),
])
def test_nl_object_of_wijzen_op_and_verwachten_is_the_claim(suggest, text, words, speaker, certainty) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert text[claim["start"]:claim["end"]] == words
    assert claim["attribution"] == "indirect" and claim["certainty"] == certainty
    found = source_of(result, claim)
    assert found is not None and (speaker is None or found == speaker)


def test_nl_wijst_erop_dat_keeps_its_dat_clause(suggest) -> None:
    text = "De wethouder wijst erop dat de brug te smal is."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "de brug te smal is")
    assert text[claim["start"]:claim["end"]] == "de brug te smal is"
    assert cue_of(result, claim) is not None and cue_of(result, claim).startswith("wijst")


@pytest.mark.parametrize("text", [
    "De bouw van de brug wordt volgend jaar verwacht.",
    "Het verwachte aantal bezoekers is hoog.",
])
def test_nl_verwacht_as_a_participle_makes_no_claim(suggest, text) -> None:
    assert suggest(text, "nl")["claims"] == []


def test_nl_wijten_finds_aan_after_a_long_object(suggest) -> None:
    text = "De onderzoekers wijten de kloof tussen plannen en gedrag vooral aan het geldgebrek van jongeren."
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "de kloof tussen plannen en gedrag vooral aan het geldgebrek van jongeren")
    assert cue_of(result, claim) == "wijten"
    assert source_of(result, claim) == ("De onderzoekers", "person")


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("Kwekers: blijf uit de bollenvelden, pas op de bloemen\n\nToeristen lopen door de velden.",
     "blijf uit de bollenvelden, pas op de bloemen", ("Kwekers", "person")),
    ("Bewoners: de nieuwe brug is veel te smal\n\nDe brug ging maandag open.",
     "de nieuwe brug is veel te smal", ("Bewoners", "person")),
])
def test_nl_headline_source_noun_and_colon_make_a_claim(suggest, text, words, speaker) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert claim["attribution"] == "indirect" and claim["cue"] is None
    assert source_of(result, claim) == speaker


def test_nl_headline_topic_and_colon_make_no_claim(suggest) -> None:
    text = "Brexit: wat het betekent voor de boeren\n\nDe boeren maken zich zorgen."
    result = suggest(text, "nl")
    check_contract(text, result)
    assert result["claims"] == []


def test_nl_het_erop_houden_dat_is_a_probable_report(suggest) -> None:
    text = "De agenten hielden het erop dat de man de weg kwijt was."
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "de man de weg kwijt was")
    assert claim["certainty"] == "probable"
    assert source_of(result, claim) == ("De agenten", "person")

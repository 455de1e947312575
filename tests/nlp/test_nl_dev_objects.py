"""Dutch verbs whose noun-phrase object is the claim, missed on the dpg dev half (issue 13):
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

"""The fronted judgement (issue 13, nl dev): "Spannend vindt X het wel." puts the judgement
before the verb and the speaker after it; the object pronoun closes the speaker. Sentences
written for these tests (invented names)."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for, cue_of, source_of


@pytest.mark.parametrize(("text", "judgement", "speaker", "cue"), [
    ("Een beetje spannend vindt Mila de Groot (15) het wel, wanneer de prik wordt gezet.",
     "Een beetje spannend", ("Mila de Groot", "person"), "vindt"),
    ("Zorgelijk noemt de wethouder het.", "Zorgelijk", ("de wethouder", "person"), "noemt"),
    ("Onzin vindt de minister dat.", "Onzin", ("de minister", "person"), "vindt"),
    ("Heel vervelend vond de buurman het niet.", "Heel vervelend", ("de buurman", "person"), "vond"),
    ("Belachelijk, vindt ze het.", "Belachelijk", ("ze", "person"), "vindt"),
])
def test_nl_fronted_judgement_is_the_claim_and_the_speaker_follows_the_verb(
        suggest, text, judgement, speaker, cue) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, judgement)
    assert text[claim["start"]:claim["end"]] == judgement
    assert claim["attribution"] == "indirect" and cue_of(result, claim) == cue
    assert source_of(result, claim) == speaker
    assert claim["rule"] == "fronted_judgement"


@pytest.mark.parametrize("text", [
    "Vorige week vond de politie het lichaam in de sloot.",  # a time phrase and a real object
    "Daarom noemt hij het een schande.",  # the judgement follows the pronoun
    "Jan Peeters vindt het jammer.",  # a name before the verb is its subject
])
def test_nl_no_fronted_judgement_without_the_construction(suggest, text) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    assert all(c.get("rule") != "fronted_judgement" for c in result["claims"])

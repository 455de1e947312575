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

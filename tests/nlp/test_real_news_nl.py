"""Dutch constructions of real news (issue 13.3) that the project's own sets lacked. The
sentences are written for these tests (invented names and places), in the style of Dutch
regional and national papers."""

from __future__ import annotations

import pytest

from annotator.nlp.textscan import quotes
from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for, cue_of, source_of


def _quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in quotes(text, 0, len(text))]


def test_nl_double_comma_quotes_pair_with_two_apostrophes_or_a_straight_mark() -> None:
    text = ",,We gaan door.'' Daarna: ,,Dat weet ik niet.\" En ,,Klaar''."
    assert _quoted(text) == ["We gaan door.", "Dat weet ik niet.", "Klaar"]


def test_nl_apostrophes_never_open_a_quote_or_merge_two() -> None:
    text = "Zo'n fiets rijdt 's avonds slecht, zegt hij over de Tornado's uit de jaren '90. 'Kort', zei ze."
    assert _quoted(text) == ["Kort"]


def test_nl_colon_quote_with_double_commas_is_direct_and_linked(suggest) -> None:
    text = "De fabriek sluit. Wethouder Pim Zandbergen: ,,Dit is een zware dag voor het dorp.''"
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "Dit is een zware dag voor het dorp.")
    assert text[claim["start"]:claim["end"]] == "Dit is een zware dag voor het dorp."
    assert claim["attribution"] == "direct"
    assert source_of(result, claim) == ("Wethouder Pim Zandbergen", "person")


def test_nl_tagged_double_comma_quote_is_direct_without_its_marks(suggest) -> None:
    text = ",,We krijgen geen antwoord van de provincie'', zegt buurtbewoner Kees Mulder."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "We krijgen geen antwoord van de provincie")
    assert text[claim["start"]:claim["end"]] == "We krijgen geen antwoord van de provincie"
    assert claim["attribution"] == "direct" and cue_of(result, claim) == "zegt"
    assert source_of(result, claim) == ("buurtbewoner Kees Mulder", "person")
    assert len(result["claims"]) == 1  # the tag is not a claim of its own


@pytest.mark.parametrize(("text", "words", "cue"), [
    ("Wethouder Anouk Verbeek noemt het plan voor de rondweg onhaalbaar.", "het plan voor de rondweg onhaalbaar", "noemt"),
    ("De vakbonden eisen voor volgend jaar een loonsverhoging van vier procent.",
     "voor volgend jaar een loonsverhoging van vier procent", "eisen"),
    ("De buren willen hun tuin aan de dijk helemaal niet kwijt.", "hun tuin aan de dijk helemaal niet kwijt", "willen"),
    ("De bewoners willen voorkomen dat de school verdwijnt.", "voorkomen dat de school verdwijnt", "willen"),
    ("De fietsersbond pleit voor een verbod op scooters in het park.", "een verbod op scooters in het park",
     "pleit voor"),
    ("De oppositie beschuldigt de burgemeester van machtsmisbruik.", "de burgemeester van machtsmisbruik",
     "beschuldigt"),
    ("De onderzoekers wijten de daling vooral aan het natte voorjaar.",
     "de daling vooral aan het natte voorjaar", "wijten"),
    ("Wethouder Bram Kok spreekt van een gemiste kans voor de stad.", "een gemiste kans voor de stad",
     "spreekt van"),
])
def test_nl_noun_phrase_objects_are_claims(suggest, text, words, cue) -> None:
    result = suggest(text, "nl")
    claim = claim_for(text, result, words)
    assert claim["attribution"] == "indirect" and cue_of(result, claim) == cue
    assert source_of(result, claim) is not None


@pytest.mark.parametrize("text", [
    "Ze noemde haar dochter Anna.",
    "De woordvoerder wil anoniem blijven.",
    "Met een nieuwe folder willen de boeren proberen de velden schoon te houden.",
    "De burgemeester wilde gisteren niet zeggen hoe hoog de boete is.",
])
def test_nl_naming_and_auxiliary_uses_are_no_claims(suggest, text) -> None:
    assert suggest(text, "nl")["claims"] == []


@pytest.mark.parametrize(("text", "words", "level"), [
    ("Het gaat goed, maar het is maar de vraag of de kopers blijven.", "de kopers blijven", "uncertain"),
    ("Of de firma zich aan de regels houdt, moet nog blijken.", "de firma zich aan de regels houdt", "uncertain"),
    ("Het dak ligt hoogstwaarschijnlijk in mei klaar.", "Het dak ligt hoogstwaarschijnlijk in mei klaar",
     "probable"),
])
def test_nl_unsourced_hedged_claims(suggest, text, words, level) -> None:
    result = suggest(text, "nl")
    claim = claim_for(text, result, words)
    assert claim["attribution"] == "unattributed" and claim["certainty"] == level

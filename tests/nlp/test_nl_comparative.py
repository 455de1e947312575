"""A reporting verb closing a comparative clause reports nothing (issue 13, nl dev): "Het is
moeilijker dan veel mensen denken", "... dan ze doen voorkomen". A quantity before the subject
("Meer dan de helft zegt dat ...") still reports. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for, cue_of


@pytest.mark.parametrize("text", [
    "Het is veel moeilijker dan veel ouders denken om een plek op de school te krijgen.",
    "Jongeren laten zich minder door hun geweten leiden dan ze doen voorkomen.",
    "De reparatie kost meer dan de meeste bewoners verwachten.",
])
def test_nl_verb_of_a_comparative_clause_makes_no_claim(suggest, text) -> None:
    result = suggest(text, "nl")
    check_contract(text, result)
    assert result["claims"] == []


@pytest.mark.parametrize("text", [
    "Meer dan de helft zegt dat de bus te laat komt.",
    "Ruim meer dan zestig procent zegt dat de bus te laat komt.",
])
def test_nl_quantity_with_dan_before_the_subject_still_reports(suggest, text) -> None:
    result = suggest(text, "nl")
    claim = claim_for(text, result, "de bus te laat komt")
    assert cue_of(result, claim) == "zegt"

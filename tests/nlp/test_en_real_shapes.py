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

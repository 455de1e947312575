"""English constructions met in US political news (issue 13.3): complements other than
"that" (noun phrases, to-infinitives, an object before the infinitive), and the certainty of
long direct quotes. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for


@pytest.mark.parametrize(("text", "words", "level"), [
    # a modal in a later sentence of the quote hedges that sentence, not the quote
    ("\"We won the vote tonight. Some members may still change their minds later,\" the senator said.",
     "We won the vote tonight", "certain"),
    ("\"The plan is dead. It would never pass the House,\" the senator said.",
     "The plan is dead", "certain"),
    # a modal in the quote's first sentence still hedges it
    ("\"We may lose the vote tonight, but we will be back,\" the senator said.",
     "We may lose the vote tonight", "possible"),
])
def test_quote_certainty_comes_from_its_first_sentence(suggest, text, words, level):
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert claim["attribution"] == "direct"
    assert claim["certainty"] == level

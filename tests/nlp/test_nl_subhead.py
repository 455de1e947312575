"""A subhead glued to the sentence after it (issue 13, nl dev: article sources that lose the
line break after a subhead): the rules read the sentence from its capitalised opener. And an
object verb with its preposition after a subject with an apposition is no tag. Sentences
written for these tests (invented names)."""

from __future__ import annotations

import re

import pytest

from annotator.nlp.lexicon import load
from annotator.nlp.tokens import Toks
from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for, cue_of, source_of


def _start(text: str) -> str:
    """The first three words of the sentence as the rules read it."""
    from annotator.nlp.subhead import sentence_start

    spans = [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]
    t = Toks(text, [s for s, _ in spans], [e for _, e in spans])
    return " ".join(t.words[sentence_start(load("nl"), t, 0, t.n):][:3])


@pytest.mark.parametrize(("text", "opens"), [
    ("Chagrijn De coalitiefracties steunen de minister.", "De coalitiefracties steunen"),
    ("Fundamentele inbreuk Wij Stoppen Kolen spreekt van een inbreuk.", "Wij Stoppen Kolen"),
    ("Geloofwaardig Daardoor is het van belang dat de weg veilig is.", "Daardoor is het"),
])
def test_nl_glued_subhead_is_left_out(text, opens) -> None:
    assert _start(text) == opens


@pytest.mark.parametrize("text", [
    "Volgens De Hond is het dossier onvolledig.",
    "Met wie Het Parool sprak, wilde niet reageren.",
    "Jan Peeters zegt dat het klaar is.",
    "Burgemeester Kok zegt dat De Vries gelijk heeft.",
])
def test_nl_sentence_without_a_subhead_keeps_its_start(text) -> None:
    assert _start(text) == " ".join(text.split()[:3])


def test_nl_apposition_subject_and_spreekt_van_object(suggest) -> None:
    text = ("Ook mochten ze niet demonstreren. Grote inbreuk Wij Stoppen Kolen, de club achter de actie, "
            "spreekt van een grote inbreuk op het demonstratierecht.")
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "een grote inbreuk op het demonstratierecht")
    assert text[claim["start"]:claim["end"]] == "een grote inbreuk op het demonstratierecht"
    assert cue_of(result, claim) == "spreekt van"
    found = source_of(result, claim)
    assert found is not None and found[0].startswith("Wij")
    assert not any(text[c["start"]:c["end"]].startswith("Grote inbreuk") for c in result["claims"])

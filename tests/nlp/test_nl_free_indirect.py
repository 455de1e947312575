"""Free indirect speech (issue 13, nl dev): an untagged sentence that carries a mark of the
speaker's reasoning (immers; a conditional Mocht opening it) goes on with the account of the
sentence before, in the same paragraph; a reporter's question with one person pronoun gives the
quote after it its speaker. Sentences written for these tests (invented names)."""

from __future__ import annotations

from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for, source_of


def test_nl_immers_continues_the_speaker_of_the_sentence_before(suggest) -> None:
    text = ("De advocaten waarschuwen dat de straf te zwaar is. "
            "De buurtbewoners hebben immers niets verkeerd gedaan.")
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "De buurtbewoners hebben immers niets verkeerd gedaan")
    assert claim["attribution"] == "indirect" and claim["cue"] is None
    assert claim["rule"] == "free_indirect"
    assert source_of(result, claim) == ("De advocaten", "person")


def test_nl_mocht_opening_continues_the_speaker(suggest) -> None:
    text = ("Voorzitter Karin Smit hoopt dat de fabriek haar plannen bijstelt. "
            "Mocht de fabriek niets doen, dan stapt de vereniging naar de rechter.")
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "Mocht de fabriek niets doen, dan stapt de vereniging naar de rechter")
    assert claim["cue"] is None and claim["rule"] == "free_indirect"
    assert source_of(result, claim) == ("Voorzitter Karin Smit", "person")


def test_nl_immers_without_a_report_before_makes_no_claim(suggest) -> None:
    text = "De brug ging vorig jaar dicht. De gemeente had immers geen geld voor onderhoud."
    result = suggest(text, "nl")
    check_contract(text, result)
    assert all(c.get("rule") != "free_indirect" for c in result["claims"])


def test_nl_immers_after_a_new_paragraph_is_not_continued(suggest) -> None:
    text = ("De advocaten waarschuwen dat de straf te zwaar is.\n\n"
            "De buurtbewoners hebben immers niets verkeerd gedaan.")
    result = suggest(text, "nl")
    check_contract(text, result)
    assert all(c.get("rule") != "free_indirect" for c in result["claims"])


def test_nl_a_question_with_immers_stays_the_reporters(suggest) -> None:
    text = "De advocaten waarschuwen dat de straf te zwaar is. Wie heeft er immers baat bij?"
    result = suggest(text, "nl")
    assert all(c.get("rule") != "free_indirect" for c in result["claims"])


def test_nl_reporters_question_with_one_pronoun_gives_the_quote_its_speaker(suggest) -> None:
    text = ("Boer Henk Dijkstra kijkt naar zijn land. Wat zou hij de minister willen zeggen? "
            "\u201cKom eens kijken hoe het hier echt gaat.\u201d")
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "Kom eens kijken hoe het hier echt gaat.")
    src = result["sources"][claim["source"]]
    assert text[src["start"]:src["end"]] == "hij"
    assert text.index("hij") == src["start"]


def test_nl_question_with_two_people_names_no_speaker(suggest) -> None:
    text = ("Boer Henk Dijkstra kijkt naar zijn land. Wat zou hij van haar plan vinden? "
            "\u201cKom eens kijken hoe het hier echt gaat.\u201d")
    result = suggest(text, "nl")
    claim = claim_for(text, result, "Kom eens kijken hoe het hier echt gaat.")
    src = result["sources"][claim["source"]] if claim["source"] is not None else None
    assert src is None or text[src["start"]:src["end"]] != "hij"


def test_nl_quote_after_a_tagged_quote_keeps_the_tags_speaker(suggest) -> None:
    text = ("Het visum geeft op beiden geen recht, ook niet na jaren werken in de VS. ,,De verhalen "
            "stromen binnen'', laat Bakker vanuit Ohio weten. ,,Er zijn heel veel gezinnen die al zijn vertrokken.\"")
    result = suggest(text, "nl")
    check_contract(text, result)
    claim = claim_for(text, result, "Er zijn heel veel gezinnen die al zijn vertrokken.")
    found = source_of(result, claim)
    assert found is not None and found[0] == "Bakker"

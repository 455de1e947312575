"""Page furniture and constructions that real news articles have and written test texts lack.
The snippets are written for these tests (invented names), in the style of agency copy."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for, cue_of, source_of


def test_real_news_dateline_is_neither_source_nor_claim(suggest):
    text = ("Kabinet zoekt geld voor dijken\n\nDEN HAAG (ANP) - Het kabinet trekt extra geld uit voor "
            "de dijken. Dat zei minister Karin Veldhoven vrijdag na de ministerraad.")
    result = suggest(text, "nl")
    check_contract(text, result)
    assert not any(s["text"].startswith(("DEN HAAG", "ANP")) for s in result["sources"])
    claim = claim_for(text, result, "Het kabinet trekt extra geld uit voor de dijken")
    assert text[claim["start"]:claim["end"]].startswith("Het kabinet")
    assert source_of(result, claim) == ("minister Karin Veldhoven", "person")


def test_real_news_english_dateline_and_apposition_speaker(suggest):
    text = ("Talks stall\n\nLONDON (Reuters) - Talks stalled on Monday.\n\n"
            "\"We will not sign this deal,\" Maria Olsen, the union's chief negotiator, said in a statement.")
    result = suggest(text, "en")
    check_contract(text, result)
    claim = claim_for(text, result, "We will not sign this deal")
    assert claim["attribution"] == "direct"
    assert source_of(result, claim) == ("Maria Olsen", "person") and cue_of(result, claim) == "said"
    assert not any(s["text"] in ("LONDON", "Reuters") for s in result["sources"])


@pytest.mark.parametrize("line", ["Foto: Belga", "© BELGAIMAGE", "Lees ook: Minister zegt dat de brug dichtgaat",
                                  "Door: Jan Peeters", "Reporting by Anna Berg; Editing by Tom Lee"])
def test_real_news_furniture_lines_give_nothing(suggest, line):
    text = f"Brug blijft dicht\n\n{line}\n\nDe brug blijft dicht, zegt de burgemeester."
    result = suggest(text)
    check_contract(text, result)
    start = text.index(line)
    assert not any(start <= x["start"] < start + len(line) for key in ("sources", "cues", "claims")
                   for x in result[key])


def test_real_news_live_blog_time_stamp_is_not_part_of_the_source(suggest):
    text = "Live\n\n9:33 p.m.: Former minister Ivo Brandt said the talks would resume on Friday."
    result = suggest(text, "en")
    claim = claim_for(text, result, "the talks would resume on Friday")
    assert source_of(result, claim)[0] == "Former minister Ivo Brandt"


def test_real_news_one_of_them_refers_back_to_anonymous_sources(suggest):
    text = ("Two officials, who spoke on condition of anonymity, said the plant would close. "
            "The decision is final, one of them said.")
    result = suggest(text, "en")
    claim = claim_for(text, result, "The decision is final")
    assert source_of(result, claim) == ("one of them", "anonymous")


def test_real_news_negated_or_infinitive_verbs_are_not_cues(suggest):
    text = "De woordvoerder wilde niet bevestigen dat er een akkoord is. Hij weigerde te zeggen wanneer."
    result = suggest(text, "nl")
    assert not result["cues"]


def test_real_news_predicative_mogelijk_is_not_a_hedge(suggest):
    text = "Nu is zo'n regeling alleen mogelijk bij een langere straf."
    assert not suggest(text, "nl")["claims"]

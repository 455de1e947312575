"""One small case per phenomenon that real Dutch and English news use to attribute claims."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import check_contract


def claim_for(text: str, result: dict, words: str) -> dict:
    """The suggested claim covering at least half of `words` (which must occur in text)."""
    start = text.index(words)
    end = start + len(words)
    for c in result["claims"]:
        overlap = min(end, c["end"]) - max(start, c["start"])
        if overlap * 2 >= min(len(words), c["end"] - c["start"]):
            return c
    raise AssertionError(f"no claim for {words!r} in {[text[c['start']:c['end']] for c in result['claims']]}")


def source_of(result: dict, claim: dict) -> tuple[str, str] | None:
    if claim["source"] is None:
        return None
    src = result["sources"][claim["source"]]
    return src["text"], src["type"]


def cue_of(result: dict, claim: dict) -> str | None:
    return None if claim["cue"] is None else result["cues"][claim["cue"]]["text"]


# (language, text, claim words, attribution, certainty, (source text, type) or None, cue or None)
CASES = [
    ("nl", "‘We gaan door met de werken’, aldus de burgemeester.", "We gaan door met de werken",
     "direct", "certain", ("de burgemeester", "person"), "aldus"),
    ("nl", "‘Het is klaar’, zegt Jan Peeters, ‘maar het was zwaar voor iedereen.’",
     "maar het was zwaar voor iedereen", "direct", "certain", ("Jan Peeters", "person"), "zegt"),
    ("nl", "Volgens de politie zijn er drie gewonden gevallen.", "zijn er drie gewonden gevallen",
     "indirect", "certain", ("de politie", "institution"), "Volgens"),
    ("nl", "Persagentschap Belga meldt dat de brug voorlopig dicht blijft.",
     "de brug voorlopig dicht blijft", "indirect", "certain", ("Persagentschap Belga", "news_media"), "meldt"),
    ("nl", "De brug blijft voorlopig dicht voor alle verkeer. Dat meldt de NOS.",
     "De brug blijft voorlopig dicht voor alle verkeer", "indirect", "certain", ("de NOS", "news_media"), "meldt"),
    ("nl", "Burgemeester An Peeters zegt dat het goed gaat. Ze benadrukt dat het budget klopt.",
     "het budget klopt", "indirect", "certain", ("Ze", "person"), "benadrukt"),
    ("nl", "Volgens ingewijden zou de minister volgende week aftreden.", "de minister volgende week aftreden",
     "indirect", "possible", ("ingewijden", "anonymous"), "Volgens"),
    ("nl", "De wethouder zei dat hij volgende week met een plan zou komen.", "hij volgende week met een plan",
     "indirect", "certain", ("De wethouder", "person"), "zei"),
    ("nl", "Het is niet duidelijk of de school na de zomer opnieuw opengaat.",
     "de school na de zomer opnieuw opengaat", "unattributed", "uncertain", None, None),
    ("nl", "De nieuwe brug gaat waarschijnlijk pas in mei open.", "De nieuwe brug gaat waarschijnlijk",
     "unattributed", "probable", None, None),
    ("nl", "De directeur ontkent dat er geld verdwenen is.", "er geld verdwenen is",
     "indirect", "certain", ("De directeur", "person"), "ontkent"),
    ("nl", "De vakbond beweert dat de directie alles wist.", "de directie alles wist",
     "indirect", "possible", ("De vakbond", "institution"), "beweert"),
    ("nl", "Uit een rapport van de inspectie blijkt dat de school tekortschiet.", "de school tekortschiet",
     "indirect", "certain", ("een rapport van de inspectie", "document"), "blijkt"),
    ("nl", "Dat de fabriek dichtgaat, werd dinsdag door de directie bevestigd.", "de fabriek dichtgaat",
     "indirect", "certain", ("de directie", "institution"), "bevestigd"),
    ("nl", "‘We hebben alles onder controle’, klinkt het bij de brandweer.", "We hebben alles onder controle",
     "direct", "certain", ("de brandweer", "institution"), "klinkt"),
    ("nl", "Een woordvoerder van het ministerie laat weten dat de regeling blijft.", "de regeling blijft",
     "indirect", "certain", ("Een woordvoerder van het ministerie", "person"), "laat weten"),
    ("nl", "Minister Karin Smit: ‘Dit plan is betaalbaar en eerlijk.’", "Dit plan is betaalbaar en eerlijk.",
     "direct", "certain", ("Minister Karin Smit", "person"), None),
    ("en", "Mayor Jane Smith visited the site. “We will rebuild every home,” she said.",
     "We will rebuild every home", "direct", "certain", ("she", "person"), "said"),
    ("en", "The plant will close next year, according to Reuters.", "The plant will close next year",
     "indirect", "certain", ("Reuters", "news_media"), "according to"),
    ("en", "Two officials who spoke on condition of anonymity said the talks had collapsed.",
     "the talks had collapsed", "indirect", "certain", ("Two officials", "anonymous"), "said"),
    ("en", "It is unclear whether the bridge will reopen before winter.", "the bridge will reopen before winter",
     "unattributed", "uncertain", None, None),
    ("en", "The suspect reportedly fled the country last week.", "The suspect reportedly fled",
     "unattributed", "possible", None, None),
    ("en", "The company denied that any data had been lost.", "any data had been lost",
     "indirect", "certain", ("The company", "institution"), "denied"),
    ("en", "The union claims that managers knew about the leak.", "managers knew about the leak",
     "indirect", "possible", ("The union", "institution"), "claims"),
    ("en", "“The count was clean,” said commission chairman Oleg Farran.", "The count was clean",
     "direct", "certain", ("commission chairman Oleg Farran", "person"), "said"),
    ("en", "Greaves, who ran the charity until 2022, denies fraud and false accounting.",
     "fraud and false accounting", "indirect", "certain", ("Greaves", None), "denies"),
    ("en", "The deal might still collapse, the club said on Friday.", "The deal might still collapse",
     "indirect", "possible", ("the club", "institution"), "said"),
    ("en", "She said the party would submit its evidence on Monday.", "the party would submit its evidence",
     "indirect", "certain", ("She", "person"), "said"),
]


@pytest.mark.parametrize(("lang", "text", "words", "att", "cert", "source", "cue"), CASES,
                         ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
def test_behaviour_attribution_pattern(suggest, lang, text, words, att, cert, source, cue):
    result = suggest(text, lang)
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert claim["attribution"] == att
    assert claim["certainty"] == cert
    found = source_of(result, claim)
    if source is None:
        assert found is None
    else:
        assert found is not None and found[0] == source[0]
        if source[1]:
            assert found[1] == source[1]
    assert cue_of(result, claim) == cue


def test_behaviour_quote_over_two_paragraphs_continues_the_speaker(suggest):
    text = ("Voorzitter Henk Bosma zei: ‘We wachten al drie jaar op die brug.\n\n"
            "‘Ouders laten hun kinderen nu over de drukke weg fietsen.’")
    result = suggest(text, "nl")
    second = claim_for(text, result, "Ouders laten hun kinderen nu over de drukke weg fietsen.")
    assert second["attribution"] == "direct" and second["cue"] is None
    assert source_of(result, second) == ("Voorzitter Henk Bosma", "person")


def test_behaviour_embedded_post_is_a_direct_claim_of_its_signer(suggest):
    text = "De club reageerde.\n\nBedankt voor alles, Dirk! 💙⚽ — Jan Peeters (@janpeeters) 9 februari 2025"
    result = suggest(text, "nl")
    claim = claim_for(text, result, "Bedankt voor alles, Dirk! 💙⚽")
    assert text[claim["start"]:claim["end"]] == "Bedankt voor alles, Dirk! 💙⚽"
    assert source_of(result, claim) == ("Jan Peeters", "person")


def test_behaviour_channel_is_an_unlinked_source(suggest):
    text = "De daders vluchtten te voet richting het station, aldus de politie op Facebook."
    result = suggest(text, "nl")
    assert ("Facebook", "social_media") in [(s["text"], s["type"]) for s in result["sources"]]
    claim = claim_for(text, result, "De daders vluchtten te voet richting het station")
    assert source_of(result, claim) == ("de politie", "institution")


def test_behaviour_scare_quotes_are_not_claims(suggest):
    text = "De oude brug, in de buurt de ‘wiebelbrug’ genoemd, werd vorig jaar afgesloten."
    assert suggest(text, "nl")["claims"] == []


def test_behaviour_plain_facts_are_not_claims(suggest):
    text = "Het festival lokte over drie dagen zo'n 18.000 bezoekers. The river burst its banks twice."
    assert suggest(text)["claims"] == []

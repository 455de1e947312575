"""Recall patterns: reporting verbs beyond the common few, inverted tags, dat-clauses, anaphoric
documents, interview frames and platforms as channels. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for, cue_of, source_of

P, INST, D = "person", "institution", "document"

# (language, text, claim words, attribution, certainty, (source text, type) or None, cue)
CASES = [
    # 1/2. inverted tags after a quote, any lexicon verb
    ("nl", "‘Het valt allemaal wel mee met die kosten’, relativeert Jan Pieters.",
     "Het valt allemaal wel mee met die kosten", "direct", "certain", ("Jan Pieters", P), "relativeert"),
    ("nl", "‘We moeten de dijk eerst versterken’, legt ze uit.", "We moeten de dijk eerst versterken",
     "direct", "certain", ("ze", P), "legt"),
    ("nl", "‘U hebt niets gedaan voor deze stad’, beet hij de minister toe.",
     "U hebt niets gedaan voor deze stad", "direct", "certain", ("hij", P), "beet"),
    ("nl", "‘Het was een zware wedstrijd voor de ploeg’, zei trainer Kees Bol na afloop.",
     "Het was een zware wedstrijd voor de ploeg", "direct", "certain", ("trainer Kees Bol", P), "zei"),
    ("nl", "‘Dit is een schande voor het hele land’, hekelt oppositieleider Mia Vos.",
     "Dit is een schande voor het hele land", "direct", "certain", ("oppositieleider Mia Vos", P), "hekelt"),
    ("nl", "‘De cijfers liegen niet’, stipt econoom Tom Baert aan.", "De cijfers liegen niet",
     "direct", "certain", ("econoom Tom Baert", P), "stipt"),
    ("nl", "‘Dat hebben we nooit beloofd aan de bewoners’, counterde de schepen.",
     "Dat hebben we nooit beloofd aan de bewoners", "direct", "certain", ("de schepen", P), "counterde"),
    ("nl", "‘Die cijfers kloppen gewoon niet’, sneerde de woordvoerder.",
     "Die cijfers kloppen gewoon niet", "direct", "certain", ("de woordvoerder", P), "sneerde"),
    ("nl", "‘Niemand heeft ons iets gevraagd over dit plan’, foetert buurtbewoner Luc Claes.",
     "Niemand heeft ons iets gevraagd over dit plan", "direct", "certain", ("buurtbewoner Luc Claes", P),
     "foetert"),
    ("nl", "De school gaat na de zomer dicht, aldus de directeur.", "De school gaat na de zomer dicht",
     "indirect", "certain", ("de directeur", P), "aldus"),
    ("nl", "‘De brug blijft dicht tot de zomer.’ Aldus de burgemeester.", "De brug blijft dicht tot de zomer.",
     "direct", "certain", ("de burgemeester", P), "Aldus"),
    ("en", "\"The bridge stays shut,\" according to the mayor.", "The bridge stays shut",
     "direct", "certain", ("the mayor", P), "according to"),
    ("nl", "‘De brug gaat volgend jaar open’, houdt de burgemeester vol.", "De brug gaat volgend jaar open",
     "direct", "certain", ("de burgemeester", P), "houdt"),
    ("nl", "‘We zijn er klaar voor’, zucht de burgemeester, ‘maar het wordt zwaar.’",
     "maar het wordt zwaar", "direct", "certain", ("de burgemeester", P), "zucht"),
    ("nl", "‘De brug moet zo snel mogelijk weer open’, gaat de burgemeester verder.",
     "De brug moet zo snel mogelijk weer open", "direct", "certain", ("de burgemeester", P), "gaat"),
    ("nl", "‘Niemand heeft hier iets aan’, weet buurtbewoner Els Maes.", "Niemand heeft hier iets aan",
     "direct", "certain", ("buurtbewoner Els Maes", P), "weet"),
    # 3. subject + verb + dat
    ("nl", "Hij stipte aan dat de begroting nog niet rond is.", "de begroting nog niet rond is",
     "indirect", "certain", ("Hij", P), "stipte"),
    ("nl", "Vos hekelde dat de regering de boeren vergeet.", "de regering de boeren vergeet",
     "indirect", "certain", ("Vos", None), "hekelde"),
    ("nl", "De minister reageerde dat hij het rapport nog moet lezen.", "hij het rapport nog moet lezen",
     "indirect", "certain", ("De minister", P), "reageerde"),
    ("nl", "De vakbond pleitte dat de lonen omhoog moeten.", "de lonen omhoog moeten",
     "indirect", "certain", ("De vakbond", INST), "pleitte"),
    ("nl", "Het ministerie van Justitie reageert dat het onderzoek loopt.", "het onderzoek loopt",
     "indirect", "certain", ("Het ministerie van Justitie", INST), "reageert"),
    ("nl", "De studie toont ook aan dat jongeren minder slapen.", "jongeren minder slapen",
     "indirect", "certain", ("De studie", D), "toont"),
    ("nl", "De burgemeester argumenteerde dat de weg te smal is.", "de weg te smal is",
     "indirect", "certain", ("De burgemeester", P), "argumenteerde"),
    ("nl", "De partij bekritiseerde dat de minister zweeg.", "de minister zweeg",
     "indirect", "certain", ("De partij", INST), "bekritiseerde"),
    ("nl", "De rechter oordeelde dat de man schuldig is.", "de man schuldig is",
     "indirect", "certain", ("De rechter", P), "oordeelde"),
    ("nl", "De inspectie constateerde dat de school tekortschiet.", "de school tekortschiet",
     "indirect", "certain", ("De inspectie", INST), "constateerde"),
    ("nl", "De advocaat voerde aan dat zijn cliënt niet aanwezig was.", "zijn cliënt niet aanwezig was",
     "indirect", "certain", ("De advocaat", P), "voerde"),
    ("nl", "De premier verkondigde dat de crisis voorbij is.", "de crisis voorbij is",
     "indirect", "certain", ("De premier", P), "verkondigde"),
    ("nl", "De directeur gaf toe dat er fouten zijn gemaakt.", "er fouten zijn gemaakt",
     "indirect", "certain", ("De directeur", P), "gaf"),
    ("nl", "De burgemeester verweet de minister dat hij niets deed.", "hij niets deed",
     "indirect", "certain", ("De burgemeester", P), "verweet"),
    ("nl", "Cijfers van het statistiekbureau laten zien dat de werkloosheid stijgt.", "de werkloosheid stijgt",
     "indirect", "certain", ("Cijfers van het statistiekbureau", D), "laten"),
    ("nl", "De minister houdt vol dat het plan doorgaat.", "het plan doorgaat",
     "indirect", "certain", ("De minister", P), "houdt"),
    ("nl", "Hij merkte daarbij op dat de brug dicht is.", "de brug dicht is",
     "indirect", "certain", ("Hij", P), "merkte"),
    ("nl", "De politie gaat ervan uit dat de dader gevlucht is.", "de dader gevlucht is",
     "indirect", "probable", ("De politie", INST), "gaat"),
    ("nl", "De burgemeester vindt het ‘onaanvaardbaar’ dat de brug dicht blijft.", "de brug dicht blijft",
     "indirect", "certain", ("De burgemeester", P), "vindt"),
    ("nl", "Volgens de brandweer, die snel ter plaatse was, is niemand gewond geraakt.",
     "is niemand gewond geraakt", "indirect", "certain", ("de brandweer", INST), "Volgens"),
    ("nl", "Het plan gaat door, zoals de minister eerder al zei.", "Het plan gaat door",
     "indirect", "certain", ("de minister", P), "zei"),
    ("nl", "Zoals de minister eerder al aangaf, gaat het plan door.", "gaat het plan door",
     "indirect", "certain", ("de minister", P), "aangaf"),
    ("en", "As the minister noted, the plan will go ahead.", "the plan will go ahead",
     "indirect", "certain", ("the minister", P), "noted"),
    ("nl", "De minister, die toegaf dat hij fouten maakte, stapt op.", "hij fouten maakte",
     "indirect", "certain", ("De minister", P), "toegaf"),
    # 4. anaphoric documents
    ("nl", "Jongeren slapen steeds minder. Dat blijkt uit een grote studie van de Universiteit Gent.",
     "Jongeren slapen steeds minder", "indirect", "certain",
     ("een grote studie van de Universiteit Gent", D), "blijkt"),
    ("nl", "De brug is onveilig. Zo blijkt uit een nieuw rapport.", "De brug is onveilig",
     "indirect", "certain", ("een nieuw rapport", D), "blijkt"),
    ("nl", "De man moet vijf jaar de cel in. Dat staat in het vonnis.", "De man moet vijf jaar de cel in",
     "indirect", "certain", ("het vonnis", D), "staat"),
    ("nl", "De brug blijft dicht tot de zomer. Dat schrijft De Standaard.", "De brug blijft dicht tot de zomer",
     "indirect", "certain", ("De Standaard", "news_media"), "schrijft"),
    ("nl", "De brug blijft nog maanden dicht. Dit bevestigde de politie.", "De brug blijft nog maanden dicht",
     "indirect", "certain", ("de politie", INST), "bevestigde"),
    ("nl", "De brug blijft nog maanden dicht. Dat werd bevestigd door de gemeente.",
     "De brug blijft nog maanden dicht", "indirect", "certain", ("de gemeente", INST), "bevestigd"),
    ("en", "The bridge will stay closed. This was confirmed by the police.", "The bridge will stay closed",
     "indirect", "certain", ("the police", INST), "confirmed"),
    # stance frames: copula + stance word, cue null
    ("nl", "De burgemeester is er zeer stellig over: ‘De brug moet open.’", "De brug moet open.",
     "direct", "certain", ("De burgemeester", P), None),
    ("nl", "‘De brug moet open’, is Jan Claes ervan overtuigd.", "De brug moet open",
     "direct", "certain", ("Jan Claes", P), None),
    ("en", "The mayor was blunt: \"The bridge must open.\"", "The bridge must open.",
     "direct", "certain", ("The mayor", P), None),
    ("nl", "‘De brug blijft dicht tot de zomer.’ Zo klinkt het bij de gemeente.", "De brug blijft dicht tot de zomer.",
     "direct", "certain", ("de gemeente", INST), "klinkt"),
    ("nl", "Jongeren slapen minder. Dat komt naar voren uit een studie van de universiteit.",
     "Jongeren slapen minder", "indirect", "certain", ("een studie van de universiteit", D), "komt"),
    # 5. interview frame
    ("nl", "We vroegen het aan burgemeester Anna de Wit. ‘Ik heb hier nooit iets over gehoord.’",
     "Ik heb hier nooit iets over gehoord.", "direct", "certain", ("burgemeester Anna de Wit", P), None),
    ("nl", "Boer Jan Mertens vertelt. ‘Elk jaar verliezen we een deel van de oogst.’",
     "Elk jaar verliezen we een deel van de oogst.", "direct", "certain", ("Boer Jan Mertens", P), "vertelt"),
    # fronted adverbial before the inverted subject
    ("nl", "Donderdag zei de burgemeester: ‘De brug gaat eindelijk open.’", "De brug gaat eindelijk open.",
     "direct", "certain", ("de burgemeester", P), "zei"),
    ("nl", "Gisteren meldde de politie dat de dader is opgepakt.", "de dader is opgepakt",
     "indirect", "certain", ("de politie", INST), "meldde"),
    ("en", "On Tuesday, the mayor said that the bridge would open.", "the bridge would open",
     "indirect", None, ("the mayor", P), "said"),
    ("en", "Yesterday the mayor said the bridge would open.", "the bridge would open",
     "indirect", None, ("the mayor", P), "said"),
    ("nl", "De minister reageerde kort. ‘Dit is een schande voor het land.’", "Dit is een schande voor het land.",
     "direct", "certain", ("De minister", P), "reageerde"),
    ("en", "The coach explained. \"We had no choice in the matter.\"", "We had no choice in the matter.",
     "direct", "certain", ("The coach", P), "explained"),
    ("nl", "Willem Bakker (67) woont al veertig jaar aan de dijk. ‘Zo erg heb ik het nooit gezien.’",
     "Zo erg heb ik het nooit gezien.", "direct", "certain", ("Willem Bakker", P), None),
    ("en", "Maria Lopez has run the bakery for twenty years. \"I have never seen prices like this.\"",
     "I have never seen prices like this.", "direct", "certain", ("Maria Lopez", P), None),
    ("nl", "‘Het is voorbij, we stoppen ermee.’ De burgemeester zucht.", "Het is voorbij, we stoppen ermee.",
     "direct", "certain", ("De burgemeester", P), "zucht"),
    # English
    ("en", "\"We will not back down on this,\" said Mary Stone, who chairs the committee.",
     "We will not back down on this", "direct", "certain", ("Mary Stone", P), "said"),
    ("en", "\"The numbers do not add up,\" he added.", "The numbers do not add up",
     "direct", "certain", ("he", P), "added"),
    ("en", "\"It was a long night for everyone,\" Tom Reed said on Tuesday.", "It was a long night for everyone",
     "direct", "certain", ("Tom Reed", P), "said"),
    ("en", "\"This is a disgrace,\" the senator fumed.", "This is a disgrace",
     "direct", "certain", ("the senator", P), "fumed"),
    ("en", "\"We are not going anywhere,\" quipped the coach.", "We are not going anywhere",
     "direct", "certain", ("the coach", P), "quipped"),
    ("en", "The union argued that wages must rise.", "wages must rise",
     "indirect", "certain", ("The union", INST), "argued"),
    ("en", "The report found that the bridge was unsafe.", "the bridge was unsafe",
     "indirect", "certain", ("The report", D), "found"),
    ("en", "The minister slammed the decision, saying it would cost jobs.", "it would cost jobs",
     "indirect", None, ("The minister", P), "saying"),
    ("en", "The mayor lamented that the town had been forgotten.", "the town had been forgotten",
     "indirect", "certain", ("The mayor", P), "lamented"),
    ("en", "The lawyer reiterated that his client was innocent.", "his client was innocent",
     "indirect", "certain", ("The lawyer", P), "reiterated"),
    ("en", "Unemployment rose sharply last month, a new study found.",
     "Unemployment rose sharply last month", "indirect", "certain", ("a new study", D), "found"),
    ("en", "Unemployment rose sharply last month. That is according to a report by the central bank.",
     "Unemployment rose sharply last month", "indirect", "certain", ("a report", D), "according to"),
    ("en", "The bridge is unsafe, engineers warned on Monday, adding that repairs could take a year.",
     "The bridge is unsafe", "indirect", "certain", ("engineers", None), "warned"),
    ("en", "The company cut its forecast, noting that demand had slowed.", "demand had slowed",
     "indirect", "certain", ("The company", INST), "noting"),
    ("en", "The company conceded that sales had fallen.", "sales had fallen",
     "indirect", "certain", ("The company", INST), "conceded"),
]


PENDING: set[str] = set()  # claim words of patterns not handled yet


@pytest.mark.parametrize(("lang", "text", "words", "att", "cert", "source", "cue"),
                         [pytest.param(*c, marks=pytest.mark.xfail(reason="pending")) if c[2] in PENDING else c
                          for c in CASES],
                         ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
def test_recall_pattern(suggest, lang, text, words, att, cert, source, cue):
    result = suggest(text, lang)
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert claim["attribution"] == att
    if cert:
        assert claim["certainty"] == cert
    found = source_of(result, claim)
    if source is None:
        assert found is None
    else:
        assert found is not None and found[0] == source[0], found
        if source[1]:
            assert found[1] == source[1], found
    found_cue = cue_of(result, claim)
    assert found_cue == cue or (cue and found_cue and found_cue.split()[0] == cue), found_cue  # "stipte aan"


@pytest.mark.parametrize(("lang", "text", "platform"), [
    ("nl", "De zanger deelde op Instagram beelden van het concert.", "Instagram"),
    ("nl", "De trainer is ontslagen. Dat heeft de club bekendgemaakt op X.", "X"),
    ("en", "The singer posted on TikTok a video of the show.", "TikTok"),
    ("nl", "De minister schreef op X dat het plan van tafel is.", "X"),
    ("nl", "Via Telegram liet de groep weten dat de aanval voorbij is.", "Telegram"),
    ("en", "The singer wrote on Instagram that the tour was cancelled.", "Instagram"),
])
def test_recall_platform_is_a_social_media_channel(suggest, lang, text, platform):
    result = suggest(text, lang)
    check_contract(text, result)
    assert (platform, "social_media") in [(s["text"], s["type"]) for s in result["sources"]]


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Hij lachte om de grap van zijn broer."),
    ("nl", "De supporters juichten toen het doel viel."),
    ("nl", "Ze noemde haar dochter Anna."),
    ("nl", "De minister stelde een nieuwe wet voor."),
    ("nl", "De boer klaagde over het weer."),
    ("nl", "De raad besloot dat de brug dicht blijft."),
    ("nl", "Hij weet dat de brug dicht blijft."),
    ("nl", "De brug is dicht. Dat klinkt logisch."),
    ("nl", "De brug is dicht. Dat weet iedereen."),
    ("en", "The crowd laughed at the joke."),
    ("en", "He called his mother on Sunday."),
    ("en", "The company continued to grow last year."),
    ("en", "She added sugar to the tea."),
    ("en", "He was charged with murder after the attack that killed three."),
    ("en", "They agreed a deal that would cut costs."),
    ("en", "The company posted profits that beat forecasts."),
    ("nl", "De politie nam de melding aan."),
    ("nl", "Hij lachte om dat grapje van zijn broer."),
])  # "pleit voor dat plan", "beschuldigt hem van fraude" are claims now: tests/nlp/test_real_news_nl.py
def test_recall_emotive_verbs_without_complement_are_not_reports(suggest, lang, text):
    assert suggest(text, lang)["claims"] == []


def test_recall_short_sentence_without_a_following_quote_is_not_a_claim(suggest):
    text = "De minister reageerde niet. De vergadering duurde lang."
    assert suggest(text, "nl")["claims"] == []

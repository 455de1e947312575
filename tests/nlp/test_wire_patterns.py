"""Wire-style news: speaker constructions of English agency copy and the typing of the speakers
(bare surnames, collective nouns, plural people, documents). Sentences written for these tests;
names, firms and places are invented."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import check_contract
from tests.nlp.test_behaviour import claim_for, cue_of, source_of

P, INST, D, A, M = "person", "institution", "document", "anonymous", "news_media"

# (language, text, claim words, attribution, certainty, (source text, type) or None, cue)
CASES = [
    ("en", "Mark Delaney, a spokesman for Norvex Energy, said the plant would reopen in March.",
     "the plant would reopen in March", "indirect", "certain", ("Mark Delaney", P), "said"),
    ("en", "\"We are not leaving,\" said Anna Ruiz, who has lived in the village for forty years.",
     "We are not leaving", "direct", "certain", ("Anna Ruiz", P), "said"),
    ("en", "Tom Hale told reporters on Tuesday that the deal was dead.", "the deal was dead",
     "indirect", "certain", ("Tom Hale", P), "told"),
    ("en", "Jane Orr told Reuters that the company had no plans to sell.", "the company had no plans to sell",
     "indirect", "certain", ("Jane Orr", P), "told"),
    ("en", "The plant will close next year, according to a statement from Norvex Energy.",
     "The plant will close next year", "indirect", "certain", ("a statement from Norvex Energy", D),
     "according to"),
    ("en", "Norvex Energy said in a statement on Monday that it had fired its chief executive.",
     "it had fired its chief executive", "indirect", "certain", ("Norvex Energy", INST), "said"),
    ("en", "The ministry said the border would remain closed.", "the border would remain closed",
     "indirect", "certain", ("The ministry", INST), "said"),
    ("en", "Police said two men had been arrested.", "two men had been arrested",
     "indirect", "certain", ("Police", INST), "said"),
    ("en", "Officials said the talks had stalled.", "the talks had stalled", "indirect", "certain",
     ("Officials", P), "said"),
    ("en", "Analysts said the bank was likely to cut rates.", "the bank was likely to cut rates",
     "indirect", "probable", ("Analysts", P), "said"),
    ("en", "Critics said the plan was unfair.", "the plan was unfair", "indirect", "certain",
     ("Critics", P), "said"),
    ("en", "Two people familiar with the matter said the bid had been withdrawn.", "the bid had been withdrawn",
     "indirect", "certain", ("Two people familiar with the matter", A), "said"),
    ("en", "The council will vote next week, Smith added.", "The council will vote next week",
     "indirect", "certain", ("Smith", P), "added"),
    ("en", "The tax was a mistake, Lee noted.", "The tax was a mistake", "indirect", "certain",
     ("Lee", P), "noted"),
    ("en", "Musk wrote in a post on X that the company would cut jobs.", "the company would cut jobs",
     "indirect", "certain", ("Musk", P), "wrote"),
    ("en", "Kovacs said the vote had been rigged.", "the vote had been rigged", "indirect", "certain",
     ("Kovacs", P), "said"),
    ("en", "The minister was quoted as saying that the budget was balanced.", "the budget was balanced",
     "indirect", "certain", ("The minister", P), "saying"),
    ("en", "The engineer testified that the brakes had failed.", "the brakes had failed",
     "indirect", "certain", ("The engineer", P), "testified"),
    ("en", "The study, published in the Lancet, found that the drug cut deaths by half.",
     "the drug cut deaths by half", "indirect", "certain", ("The study", D), "found"),
    ("en", "A report by the Harlow Institute found that rents had doubled.", "rents had doubled",
     "indirect", "certain", ("A report by the Harlow Institute", D), "found"),
    ("en", "It remains unclear whether the talks will resume.", "the talks will resume",
     "unattributed", "uncertain", None, None),
    ("en", "The White House said the president would travel to Norvelia.",
     "the president would travel to Norvelia", "indirect", "certain", ("The White House", INST), "said"),
    ("en", "Brussels said the rules would apply from January.", "the rules would apply from January",
     "indirect", "certain", ("Brussels", INST), "said"),
    ("en", "Vantiq Inc said it would cut 200 jobs.", "it would cut 200 jobs", "indirect", "certain",
     ("Vantiq Inc", INST), "said"),
    ("en", "Carmaker Dalvent Motors will cut jobs. Dalvent said the plant would close.",
     "the plant would close", "indirect", "certain", ("Dalvent", INST), "said"),
    ("en", "Peter Kovacs, the mayor, arrived late. Kovacs said the vote had been rigged.",
     "the vote had been rigged", "indirect", "certain", ("Kovacs", P), "said"),
    ("en", "\"We will fight this,\" Ruiz said, adding that the union would appeal.",
     "the union would appeal", "indirect", "certain", ("Ruiz", P), "adding"),
    ("nl", "Het chemiebedrijf Valtrex sluit de fabriek. Valtrex zegt dat er geen alternatief is.",
     "er geen alternatief is", "indirect", "certain", ("Valtrex", INST), "zegt"),
    ("nl", "Buurland Korvelia krijgt de schuld. Korvelia ontkent dat het drones stuurde.",
     "het drones stuurde", "indirect", "certain", ("Korvelia", INST), "ontkent"),
    ("nl", "Het OM zegt dat de verdachte vastzit.", "de verdachte vastzit", "indirect", "certain",
     ("Het OM", INST), "zegt"),
    ("en", "The US said the sanctions would stay.", "the sanctions would stay", "indirect", "certain",
     ("The US", INST), "said"),
    ("nl", "Analisten zeggen dat de rente stijgt.", "de rente stijgt", "indirect", "certain",
     ("Analisten", P), "zeggen"),
    ("nl", "Critici vinden dat het plan te duur is.", "het plan te duur is", "indirect", "certain",
     ("Critici", P), "vinden"),
    ("en", "Protesters said the police had used tear gas.", "the police had used tear gas", "indirect",
     "certain", ("Protesters", P), "said"),
    ("nl", "De ouders waren boos. Ze zeggen dat de school te klein is, en ze voegden eraan toe dat de gemeente "
     "niets doet.", "de gemeente niets doet", "indirect", "certain", ("ze", P), "voegden eraan toe"),
    ("nl", "De ouders waren boos. Ze zeggen dat de school te klein is, en ze voegden eraan toe dat de gemeente "
     "niets doet.", "de school te klein is", "indirect", "certain", ("Ze", P), "zeggen"),
    ("en", "Residents were angry. They said the water was brown, and they added that nobody had listened.",
     "nobody had listened", "indirect", "certain", ("they", P), "added"),
    ("nl", "Minister Anja Vos sprak met de bond. De vakbond zegt dat de lonen te laag zijn. Ze zeggen ook dat "
     "de minister niet luistert.", "de minister niet luistert", "indirect", "certain", ("Ze", INST), "zeggen"),
    ("en", "The company's shares fell, Bloomberg reported.", "The company's shares fell", "indirect", "certain",
     ("Bloomberg", M), "reported"),
    ("en", "Prices rose, the mayor said.", "Prices rose", "indirect", "certain", ("the mayor", P), "said"),
    ("en", "The company, based in Leeds, said profits fell.", "profits fell", "indirect", "certain",
     ("The company", INST), "said"),
    ("en", "\"We are looking at all options,\" a senior official told Reuters on condition of anonymity.",
     "We are looking at all options", "direct", "certain", ("a senior official", A), "told"),
    ("en", "The decision, officials said, was final.", "The decision, officials said, was final", "indirect",
     "certain", ("officials", P), "said"),
    ("en", "The plan, he said on Monday, would cost $2 billion.", "would cost $2 billion", "indirect",
     "certain", ("he", P), "said"),
    ("nl", "Premier Jan Vos reageerde op X. ‘Dit is onaanvaardbaar’, schreef hij.", "Dit is onaanvaardbaar",
     "direct", "certain", ("hij", P), "schreef"),
    ("nl", "Volgens J. Peeters is het plan dood.", "het plan dood", "indirect", "certain", ("J. Peeters", P),
     "Volgens"),
    ("en", "Vantiq, which makes payment software, said it would cooperate fully.", "it would cooperate fully",
     "indirect", "certain", ("Vantiq", INST), "said"),
    ("en", "Washington said the sanctions would stay.", "the sanctions would stay", "indirect", "certain",
     ("Washington", INST), "said"),
    ("en", "Hamas said the talks had failed.", "the talks had failed", "indirect", "certain", ("Hamas", INST), "said"),
    ("nl", "Shell meldt dat de winst daalt.", "de winst daalt", "indirect", "certain", ("Shell", INST), "meldt"),
    ("en", "A senior administration official told reporters the president would sign the bill.",
     "the president would sign the bill", "indirect", "certain", ("A senior administration official", P), "told"),
    ("en", "Jane Orr told Reuters the company had no plans to sell.", "the company had no plans to sell",
     "indirect", "certain", ("Jane Orr", P), "told"),
    ("en", "Scientists have long warned that the glacier is melting.", "the glacier is melting", "indirect",
     "certain", ("Scientists", P), "warned"),
    ("nl", "‘Dit heb ik nog nooit meegemaakt’, zegt boer Jan Mertens.\n\nOok zijn buurman is ongerust. ‘We krijgen "
     "geen steun van de overheid.’", "We krijgen geen steun van de overheid.", "direct", "certain",
     ("zijn buurman", P), None),
    ("en", "\"The water came in fast,\" said Tom Reed.\n\nAnna Ruiz has lived on the street for twenty years. "
     "\"I have never seen anything like it.\"", "I have never seen anything like it.", "direct", "certain",
     ("Anna Ruiz", P), None),
    ("nl", "Minister Jan de Wit kwam te laat. De Wit zei dat de trein vast zat.",
     "de trein vast zat", "indirect", "certain", ("De Wit", P), "zei"),
]


@pytest.mark.parametrize(("lang", "text", "words", "att", "cert", "source", "cue"), CASES)
def test_wire_pattern(suggest, lang, text, words, att, cert, source, cue):
    result = suggest(text, lang)
    check_contract(text, result)
    claim = claim_for(text, result, words)
    assert (claim["attribution"], claim["certainty"]) == (att, cert), claim
    found = source_of(result, claim)
    if source is None:
        assert found is None, found
    else:
        assert found == source, found
    assert cue_of(result, claim) == cue


@pytest.mark.parametrize(("lang", "text", "channel", "kind"), [
    ("en", "Jane Orr told Reuters that the company had no plans to sell.", "Reuters", M),
    ("en", "Norvex Energy said in a statement on Monday that it had fired its chief executive.", "a statement", D),
    ("en", "In a court filing, prosecutors said the defendant had destroyed evidence.", "a court filing", D),
])
def test_wire_channel_is_kept(suggest, lang, text, channel, kind):
    result = suggest(text, lang)
    assert (channel, kind) in [(s["text"], s["type"]) for s in result["sources"]]

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
    ("De buren willen een nieuwe speeltuin aan de dijk.", "een nieuwe speeltuin aan de dijk", "willen"),
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
    "De woordvoerster wil daar ‘om privacyredenen’ niets over kwijt.",
    "De naam van de koper noemt de makelaar niet.",
    "De officier van justitie eist drie jaar cel.",
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


def test_nl_surname_with_prefix_after_a_tag_is_the_speaker(suggest) -> None:
    text = 'De wegen zijn smal. "Daardoor rijdt iedereen te hard", zegt Van der Berkel.'
    result = suggest(text, "nl")
    claim = claim_for(text, result, "Daardoor rijdt iedereen te hard")
    assert claim["attribution"] == "direct" and cue_of(result, claim) == "zegt"
    assert source_of(result, claim) == ("Van der Berkel", "person")


def test_nl_short_object_sentence_is_a_claim_that_ends_before_the_next_verb(suggest) -> None:
    text = "De fietsersbond bepleit al jaren een lagere snelheid en is blij met het besluit dat de raad nam."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "een lagere snelheid")
    assert text[claim["start"]:claim["end"]].endswith("een lagere snelheid")
    assert source_of(result, claim) == ("De fietsersbond", "institution")
    short = "De fietsersbond bepleit al jaren een lagere snelheid."
    assert claim_for(short, suggest(short, "nl"), "een lagere snelheid")["attribution"] == "indirect"


def test_nl_a_modal_in_one_sentence_of_a_long_quote_leaves_the_quote_certain(suggest) -> None:
    text = ("De dijkgraaf is somber. ‘Het water stijgt elk jaar. Dat kan het einde van de polder betekenen.’")
    result = suggest(text, "nl")
    claim = claim_for(text, result, "Het water stijgt elk jaar. Dat kan het einde van de polder betekenen.")
    assert claim["attribution"] == "direct" and claim["certainty"] == "certain"
    short = "De dijkgraaf is somber. ‘Dit zou het einde van de polder zijn.’"
    assert claim_for(short, suggest(short, "nl"), "Dit zou het einde van de polder zijn.")["certainty"] == "possible"


@pytest.mark.parametrize("verb", ["denkt", "verwacht", "schat", "vreest"])
def test_nl_opinion_and_expectation_verbs_make_the_claim_probable(suggest, verb) -> None:
    text = f"De wethouder {verb} dat de nieuwe brug in de zomer klaar is."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "de nieuwe brug in de zomer klaar is")
    assert claim["certainty"] == "probable" and cue_of(result, claim) == verb


@pytest.mark.parametrize(("text", "words", "level"), [
    ("De krant meldde dat de wethouder het geld zou hebben verduisterd.",
     "de wethouder het geld zou hebben verduisterd", "possible"),
    ("De krant meldde dat de wethouder zou zijn afgetreden.", "de wethouder zou zijn afgetreden", "possible"),
    ("De wethouder zei dat de brug in mei open zou gaan.", "de brug in mei open zou gaan", "certain"),
    ("De wethouder zegt dat de gemeente meer zou moeten doen.", "de gemeente meer zou moeten doen", "certain"),
])
def test_nl_zou_reportative_perfect_versus_future_in_the_past_and_deontic(suggest, text, words, level) -> None:
    assert claim_for(text, suggest(text, "nl"), words)["certainty"] == level


def test_nl_denk_ik_inside_a_quote_is_probable(suggest) -> None:
    text = "‘Het wordt een zware winter, denk ik’, zegt de boer."
    claim = claim_for(text, suggest(text, "nl"), "Het wordt een zware winter, denk ik")
    assert claim["certainty"] == "probable" and claim["attribution"] == "direct"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Samengenomen berekenen de artsen dat de wachttijd halveert.", "de artsen"),
    ("Zelf ontkent ze dat ze het geld heeft gehouden.", "ze"),
    ("Turkije, dat sinds maart een nieuwe regering heeft, waarschuwde dat de grens dichtgaat.", "Turkije"),
    ("Onderzoekers vertellen de krant dat de wachttijd halveert.", "Onderzoekers"),
])
def test_nl_subject_after_the_verb_or_before_a_relative_clause(suggest, text, speaker) -> None:
    result = suggest(text, "nl")
    assert len(result["claims"]) == 1
    assert source_of(result, result["claims"][0])[0] == speaker


def test_nl_volgens_after_a_comma_reports_the_clause_after_it(suggest) -> None:
    text = "Het gaat om veel geld, volgens de ambtenaren is dat sterk overdreven."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "is dat sterk overdreven")
    assert text[claim["start"]:claim["end"]] == "is dat sterk overdreven"
    assert source_of(result, claim)[0] == "de ambtenaren" and cue_of(result, claim) == "volgens"


def test_nl_volgens_de_regels_is_no_source(suggest) -> None:
    result = suggest("De kok maakt de keuken volgens de regels schoon.", "nl")
    assert not result["sources"] and not result["claims"]


def test_nl_coordinated_dat_clauses_are_one_claim_each(suggest) -> None:
    text = "De burgemeester zei gisteren dat de brug dichtgaat, en dat de pont blijft varen."
    result = suggest(text, "nl")
    first = claim_for(text, result, "de brug dichtgaat")
    second = claim_for(text, result, "de pont blijft varen")
    assert first is not second
    assert text[first["start"]:first["end"]] == "de brug dichtgaat"
    assert text[second["start"]:second["end"]] == "de pont blijft varen"
    assert first["source"] == second["source"] and first["cue"] == second["cue"]


@pytest.mark.parametrize(("text", "channel", "kind"), [
    ("De minister laat in een reactie weten dat ze er geen voorstander van is.", "een reactie", "document"),
    ("Bewoners klagen in vakblad Bouwnieuws dat ze de buren horen.", "vakblad Bouwnieuws", "news_media"),
])
def test_nl_channel_of_a_report_is_its_own_source_mention(suggest, text, channel, kind) -> None:
    result = suggest(text, "nl")
    assert (channel, kind) in [(s["text"], s["type"]) for s in result["sources"]]
    assert len(result["claims"]) == 1 and source_of(result, result["claims"][0])[0] != channel


def test_nl_subject_after_verb_with_an_adverb_before_dat(suggest) -> None:
    text = "Overigens oordeelde de Rotterdamse Rekenkamer eerder dat het stuk geheim was."
    result = suggest(text, "nl")
    assert source_of(result, claim_for(text, result, "het stuk geheim was"))[0] == "de Rotterdamse Rekenkamer"


def test_nl_subject_after_a_fronted_auxiliary_and_new_tag_verbs(suggest) -> None:
    text = "Toch blijft het planbureau volhouden dat de lonen stijgen."
    result = suggest(text, "nl")
    claim = claim_for(text, result, "de lonen stijgen")
    assert source_of(result, claim)[0] == "het planbureau" and cue_of(result, claim) == "volhouden"
    tag = "‘Trek aan de noodrem’, zo maant Kamerlid Joke van Dam."
    claim = claim_for(tag, suggest(tag, "nl"), "Trek aan de noodrem")
    assert claim["attribution"] == "direct"

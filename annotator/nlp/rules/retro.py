"""The retro tag: "Dat meldt X." / "Dat heeft X gezegd." reports the sentence before."""

from __future__ import annotations

from annotator.nlp import complement, speakers
from annotator.nlp.discourse import Cue, Discourse, rule
from annotator.nlp.lexicon import VerbEntry
from annotator.nlp.nounphrase import np_right
from annotator.nlp.rules import quote_tag


@rule("retro_tag")
def retro(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    """Dat meldt X. / Dat heeft X gezegd. / Dat X, werd door Y bevestigd."""
    t, lex = d.t, d.lex
    lead = d.skip_lead(a, b)
    if k - 2 > lead and t.lowers[k - 1] in lex.retro_pronouns and t.words[k - 2] == "," and t.quote_of[k - 2] < 0:
        return dislocated(d, a, b, k, end, entry)
    if t.lowers[lead] not in lex.retro_pronouns or k - lead > 30:
        return False
    if entry.mode == "colon" and t.lowers[lead] in lex.complementisers:
        return False  # "Dat klinkt goed", "Dat weet iedereen": not a report of the sentence before
    agent = next((m for m in range(lead, k) if t.lowers[m] in lex.passive_agent), None)
    comma = next((m for m in range(lead, k) if t.words[m] == "," and t.quote_of[m] < 0), None)
    if agent is not None and comma is not None and comma < agent:
        src = d.add_source(np_right(lex, t, agent + 1, k), k)
        return d.add_claim(lead + 1, comma, src, Cue(k, end), "indirect", entry, t.lowers[k]) is not None
    if comma is not None or k - lead > 10 or complement.find_complement(d, k, end, b) is not None \
            or not d.prev_sentence:
        return False
    finite = lead + 1
    span = speakers.speaker_after(d, end, b) if finite == k else np_right(lex, t, finite + 1, k)
    if t.lowers[finite] in lex.passive_aux and finite < k:  # "Dat werd (door X) bevestigd (door X)."
        after = end if end < b and t.lowers[end] in lex.passive_agent else None
        agent = agent if agent is not None else after
        if agent is None:
            return False
        span = np_right(lex, t, agent + 1, k if agent < k else b)
    src = d.add_source(span)
    pa, pb = d.prev_sentence
    if src is None:
        return False
    if d.overlaps_claim(pa, pb):
        if d.relink(pa, pb, src, Cue(k, end)):
            return True
        if not inner_stance(d, pa, pb):
            return False
        # "Het bedrijf wil een fabriek bouwen. Dat zegt woordvoerder X.": the wish is the
        # subject's, the whole sentence the spokesman's (nested claims)
    return d.add_claim(d.skip_lead(pa, pb), pb, src, Cue(k, end), "indirect", entry,
                          t.lowers[k]) is not None


def dislocated(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    """"Bomen en bankjes, dat wil de Hengeloër.": the phrase before ", dat" is the claim, the
    speaker follows the verb and ends the sentence."""
    t = d.t
    span = speakers.speaker_after(d, end, b)
    if span is None or (span[1] - span[0] == 1 and t.lowers[span[0]] in d.lex.fw["determiners"]):
        return False  # "..., dat zegt veel."
    rest = quote_tag.past_parenthesis(d, span[1], b)
    while rest < b and t.lowers[rest] in d.lex.fw["time_words"]:
        rest += 1
    if rest < b and t.words[rest] not in (".", "!", "?"):
        return False  # "..., dat zegt veel over hem", "De school, dat weet iedereen, is ...": no tag
    start = d.clause_start(a, k - 2)
    if k - 2 - start < 2:
        return False
    src = d.add_source(span)
    return d.add_claim(start, k - 2, src, Cue(k, end), "indirect", entry, t.lowers[k]) is not None


def inner_stance(d: Discourse, pa: int, pb: int) -> bool:
    """The sentence before holds only indirect claims of a verb after its own subject ("Het
    bedrijf wil ...", "De bond vindt dat ..."), none from a quote, a tag or volgens."""
    s, e = d.t.char_span(pa, pb)
    inner = [c for c in d.claims[-12:] if c.start < e and s < c.end]
    starts = d.t.starts[d.skip_lead(pa, pb)]
    return bool(inner) and all(
        c.attribution == "indirect" and c.cue is not None and c.src is not None and c.rule == "reporting_verb"
        and d.t.starts[c.src.i] == starts and c.start > starts for c in inner)

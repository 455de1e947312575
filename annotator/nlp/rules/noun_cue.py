"""His claim that CLAIM / Trump's promise to CLAIM / her call for CLAIM: a noun of saying
after its possessor, the speaker, with the complement the noun takes (`claim_nouns` in
cues.json: "that" a clause, "to" an infinitive, "for" a noun phrase). Only where the
language lists claim nouns; a noun inside a claim already made is left to it."""

from __future__ import annotations

from annotator.nlp import speakers
from annotator.nlp.discourse import Cue, Discourse, rule
from annotator.nlp.rules.verb_object import infinitive_at

_POSSESSIVE = frozenset({"'s", "’s"})
_BETWEEN = 2  # "his repeated claims that": words between the possessor and the noun


def noun_cues(d: Discourse, pi: int, a: int, b: int) -> None:
    nouns = d.lex.claim_nouns
    if not nouns:
        return
    t = d.t
    for k in t.candidates("noun", a + 1, b - 2):
        if t.quote_of[k] < 0 and not d.in_claimed(k):
            noun_claim(d, a, b, k)


def possessor(d: Discourse, a: int, k: int) -> tuple[int, int] | None:
    """The speaker before the noun at k: "his", "their" or a phrase ending in 's."""
    t, lex = d.t, d.lex
    for p in range(k - 1, max(a, k - 1 - _BETWEEN) - 1, -1):
        w = t.lowers[p]
        if w in lex.claim_nouns.get("possessors", ()):
            return p, p + 1
        if t.words[p] in _POSSESSIVE:
            return speakers.np_before(d, a, p)
        if not t.is_word(p) or t.is_cap(p) or w in lex.fw["determiners"] or w in lex.verbs \
                or w in lex.fw["np_prepositions"] or w in lex.fw["stop_prepositions"]:
            return None
    return None


@rule("noun_cue")
def noun_claim(d: Discourse, a: int, b: int, k: int) -> bool:
    t, lex = d.t, d.lex
    nouns, w, m = lex.claim_nouns, t.lowers[k], k + 1
    if w in nouns.get("that", ()) and t.lowers[m] in lex.complementisers and t.is_word(m + 1) \
            and not d.lang.that_is_relative(d, m + 1):
        start = m + 1  # "his claim that voters would learn nothing"
    elif w in nouns.get("to", ()) and infinitive_at(d, m, b):
        start = m  # "her promise to cut taxes"
    elif w in nouns.get("for", ()) and t.lowers[m] == "for" and t.is_word(m + 1):
        start = m + 1  # "their call for an inquiry"
    else:
        return False
    span = possessor(d, a, k)
    if span is None:
        return False
    src = d.add_source(span, k)
    level = "possible" if w in nouns.get("possible", ()) else None
    return d.add_claim(start, complement_end(d, start, d.claim_end(start, b), start == m or t.lowers[m] == "for"), src,
                       Cue(k, k + 1), "indirect", cue_word=w, level=level) is not None


def complement_end(d: Discourse, start: int, stop: int, phrase: bool) -> int:
    """A noun's complement sits inside a larger clause: it ends at a comma ("Contrary to his
    claim that ..., there would be"), an infinitive or a phrase after "for" also at the main
    clause's verb ("The mayor's call for an inquiry was rejected", "his determination to act
    alone inflamed ...")."""
    t, fw = d.t, d.lex.fw
    finite = fw.get("finite_auxiliaries", set()) | fw.get("finite_verbs", set())
    ed = d.lang.past_participle_suffix
    for m in range(start + 2, stop):
        w = t.lowers[m]
        verb = w in finite or (ed is not None and w.endswith(ed) and len(w) > 4 and not t.is_cap(m))
        if t.quote_of[m] < 0 and (t.words[m] == "," or (phrase and verb)):
            return m
    return stop

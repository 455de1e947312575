"""A tag with its speaker after the verb set inside the claim: "Het plan is, zegt Kok, een
schande." / "Daarbovenop, zegt ze, komt nog een bonus." One claim per piece, both the
speaker's (the tag's words are in neither)."""

from __future__ import annotations

from annotator.nlp import speakers
from annotator.nlp.discourse import Cue, Discourse, rule
from annotator.nlp.lexicon import VerbEntry
from annotator.nlp.rules import quote_tag


def finite_in(d: Discourse, i: int, j: int) -> bool:
    t, lex = d.t, d.lex
    return any(t.lowers[m] in lex.fw["auxiliaries"] or (t.lowers[m] in lex.verbs and not t.is_cap(m))
               or t.lowers[m] in lex.h.get("copulas", ()) for m in range(i, j) if t.quote_of[m] < 0)


def inserted(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    t = d.t
    if not d.lang.verb_second or k - 1 <= a or t.words[k - 1] != "," or d.quote_ending_at(k - 1) is not None:
        return False  # (the cheap test first: most verbs follow no comma)
    return inserted_claims(d, a, b, k, end, entry)


@rule("inserted_tag")
def inserted_claims(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    t, lex = d.t, d.lex
    span = speakers.speaker_after(d, end, b)
    if span is None:
        return False
    c = quote_tag.past_parenthesis(d, span[1], b)
    if c + 2 >= b or t.words[c] != "," or t.quote_of[c + 1] >= 0:
        return False
    nxt = t.lowers[c + 1]
    if nxt in lex.fw["relative_pronouns"] or nxt in lex.complementisers or nxt in lex.coordinators \
            or nxt in lex.fw["conjunctions"] or d.is_reporting(c + 1):
        return False  # ", zegt Kok, die ...", ", zegt Kok, en ...": no second piece of the claim
    start = d.clause_start(a, k - 1)
    stop = d.claim_end(c + 1, b)
    if start >= k - 1 or stop - (c + 1) < 2:
        return False
    before_open = t.lowers[k - 2] in lex.fw["auxiliaries"] or t.lowers[k - 2] in lex.h.get("copulas", ()) \
        or k - 1 - start == 1  # "Het plan is, ...", "Daarbovenop, ...": the clause goes on after the tag
    if not before_open and not finite_in(d, c + 1, stop):
        return False  # ", zegt Piet Kok, woordvoerder van de gemeente.": an apposition
    src = d.add_source(span, c)
    cue = Cue(k, end)
    first = d.add_claim(start, k - 1, src, cue, "indirect", entry, t.lowers[k], chars=t.char_span(start, k - 1))
    second = d.add_claim(c + 1, stop, src, cue, "indirect", entry, t.lowers[k])
    return first is not None or second is not None

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


def opens_clause(d: Discourse, m: int) -> bool:
    """The word at m can open a main clause: not a relative pronoun, complementiser,
    coordinator or reporting verb (", zegt Kok, die ...", ", zegt Kok, en ...")."""
    t, lex = d.t, d.lex
    w = t.lowers[m]
    return not (w in lex.fw["relative_pronouns"] or w in lex.complementisers or w in lex.coordinators
                or w in lex.fw["conjunctions"] or d.is_reporting(m))


def inserted(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    t = d.t
    if d.lang.verb_second and k - 1 >= a and t.lowers[k - 1] in d.lex.fw.get("tag_particles", ()) \
            and (k - 1 == d.skip_lead(a, b) or t.words[k - 2] == ","):
        return front_tag(d, a, b, k, end, entry)
    if not d.lang.verb_second or k - 1 <= a or t.words[k - 1] != "," or d.quote_ending_at(k - 1) is not None:
        return False  # (the cheap test first: most verbs follow no comma)
    return inserted_claims(d, a, b, k, end, entry)


@rule("inserted_tag")
def front_tag(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    """"Want, zo zegt de minister, de economie groeit.": a tag opening with "zo", its speaker
    and a comma; the clause after the comma is the claim (and one before "zo", if any)."""
    t = d.t
    span = speakers.speaker_after(d, end, b)
    if span is None:
        return False
    c = quote_tag.past_parenthesis(d, span[1], b)
    if c + 2 >= b or t.words[c] != "," or t.quote_of[c + 1] >= 0 or not opens_clause(d, c + 1):
        return False  # "Zo zegt de minister dat ...": "zo" opens an example, not a tag
    stop = d.claim_end(c + 1, b)
    if stop - (c + 1) < 3:
        return False
    src = d.add_source(span, c)
    cue = Cue(k - 1, end)
    start = d.clause_start(a, k - 2) if k - 2 > a else k - 1
    first = None
    if start + 1 < k - 2:  # "De economie groeit, zo zegt de minister, nog steeds door." (not "Want, zo ...")
        first = d.add_claim(start, k - 2, src, cue, "indirect", entry, t.lowers[k], chars=t.char_span(start, k - 2))
    second = d.add_claim(c + 1, stop, src, cue, "indirect", entry, t.lowers[k])
    return first is not None or second is not None


@rule("inserted_tag")
def inserted_claims(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    t, lex = d.t, d.lex
    span = speakers.speaker_after(d, end, b)
    if span is None:
        return False
    c = quote_tag.past_parenthesis(d, span[1], b)
    if c + 2 >= b or t.words[c] != "," or t.quote_of[c + 1] >= 0:
        return False
    if not opens_clause(d, c + 1):
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

"""Volgens X ... / ..., according to X."""

from __future__ import annotations

from annotator.nlp.discourse import Cue, Discourse, rule
from annotator.nlp.nounphrase import np_right
from annotator.nlp.rules import quote_tag


@rule("according_to")
def preposition(d: Discourse, a: int, b: int, ci: int, cj: int) -> None:
    """Volgens X ... / ..., according to X."""
    t = d.t
    span = np_right(d.lex, t, cj, b)
    if not span or t.lowers[span[1] - 1] in d.lex.src.get("not_sources_after_preposition", ()):
        return  # "volgens de regels", "volgens plan": a standard, not a source
    span = coordinated(d, span, b)
    src = d.add_source(span)
    cue = Cue(ci, cj)
    lead = d.skip_lead(a, b)
    if t.lowers[lead] in d.lex.retro_pronouns and ci - lead <= 2 and d.prev_sentence \
            and all(t.lowers[m] in d.lex.passive_aux for m in range(lead + 1, ci)):
        pa, pb = d.prev_sentence  # "That is according to a report by X."
        if d.overlaps_claim(pa, pb):
            d.relink(pa, pb, src, cue)
        else:
            d.add_claim(d.skip_lead(pa, pb), pb, src, cue, "indirect")
        return
    q = d.quote_ending_at(ci) if ci > lead else None
    if q is not None and q not in d.quote_used and not quote_tag.partial_quote(d, a, q):
        d.direct(q, src, cue)  # '"...," according to the mayor'
        return
    if ci <= lead:
        start = quote_tag.past_parenthesis(d, span[1], b)  # "Volgens Kok (CDA) is ..."
        if start + 1 < b and t.words[start] == "," and t.lowers[start + 1] in d.lex.fw["relative_pronouns"]:
            tail = d.tail(start)  # "Volgens de brandweer, die snel ter plaatse was, is ..."
            start = tail + 1 if tail < b and t.words[tail] == "," else start
        elif start + 1 < b and t.words[start] == ",":
            start = apposition_end(d, start, b)  # "Volgens de burgemeester, Els Kok, is ..."
        d.add_claim(start, d.claim_end(start, b), src, cue, "indirect")
    elif t.words[ci - 1] == "," and span[1] < b and t.lowers[span[1]] in d.lex.fw["auxiliaries"]:
        d.add_claim(span[1], d.claim_end(span[1], b), src, cue, "indirect")  # "..., volgens X is dat onzin"
    elif t.words[ci - 1] == ",":
        d.add_claim(d.clause_start(a, ci - 1), ci - 1, src, cue, "indirect")
    else:
        d.add_claim(lead, d.claim_end(span[1], b), src, cue, "indirect")


def apposition_end(d: Discourse, comma: int, b: int) -> int:
    """After "Volgens X, APPOSITION," the verb that opens the claim; else the comma itself."""
    t, lex = d.t, d.lex
    appos = np_right(lex, t, comma + 1, b)
    if appos is None or appos[1] + 1 >= b or t.words[appos[1]] != "," or appos[1] - comma > 8:
        return comma
    verb = t.lowers[appos[1] + 1]
    return appos[1] + 1 if verb in lex.fw["auxiliaries"] or verb in lex.verbs else comma


def coordinated(d: Discourse, span: tuple[int, int], b: int) -> tuple[int, int]:
    """"Volgens Kok en Mulder", "volgens de bewoners en de gemeente": both are the source."""
    t, lex = d.t, d.lex
    m = span[1]
    if m + 1 >= b or t.lowers[m] not in lex.fw.get("np_coordinators", ()):
        return span
    if not (t.is_cap(m + 1) or t.lowers[m + 1] in lex.fw["determiners"]):
        return span
    second = np_right(lex, t, m + 1, b)
    return (span[0], second[1]) if second and second[1] < b else span

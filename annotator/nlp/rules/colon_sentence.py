"""A sentence ending in a colon before a quote, with no cue: "Die opstelling bevreemdt Kok:
‘...’", "Ook Kok ziet het somber in: ‘...’". The person the sentence is about speaks (cue null):
its subject when that is a person, else the last person named before the colon."""

from __future__ import annotations

from annotator.nlp import sourcetype
from annotator.nlp.discourse import Discourse, rule
from annotator.nlp.nounphrase import np_right


def person_span(d: Discourse, span: tuple[int, int] | None, a: int) -> bool:
    """A pronoun, a role noun or a name (not just the capital opening the sentence at a)."""
    if span is None:
        return False
    t, lex = d.t, d.lex
    i, j = span
    if j - i == 1 and t.lowers[i] in lex.src["person_pronouns"] and t.lowers[i] in lex.fw["pronouns"]:
        return True
    named = any(t.is_cap(m) and (m != a or t.words[m] in d.surnames) for m in range(i, j)) \
        or any(t.lowers[m] in lex.src["person_nouns"] for m in range(i, j))
    return named and sourcetype.classify(lex, t, i, j, d.surnames, j) in ("person", "anonymous")


def last_person(d: Discourse, a: int, colon: int) -> tuple[int, int] | None:
    """The last capitalised name run before the colon that types as a person."""
    t = d.t
    m = colon - 1
    while m > a:
        if t.is_cap(m) and t.quote_of[m] < 0:
            end = m + 1
            while m - 1 > a and (t.is_cap(m - 1) or t.lowers[m - 1] in d.lex.fw.get("surname_prefixes", ())):
                m -= 1
            if person_span(d, (m, end), a):
                return m, end
        m -= 1
    return None


def colon_sentence(d: Discourse, pi: int, a: int, b: int) -> None:
    t = d.t
    colon = next((m for m in t.candidates("mark", a, b) if a + 2 <= m < b - 1 and t.words[m] == ":"
                  and t.quote_of[m] < 0), None)
    if colon is not None and not d.in_claimed(colon + 1) and (not d.claimed or not t.any_candidate("cue", a, colon)):
        speaker_of_quote(d, a, colon)  # (a cue word before the colon that made no claim does not count)


@rule("colon_sentence")
def speaker_of_quote(d: Discourse, a: int, colon: int) -> None:
    t = d.t
    q = d.quote_starting_at(colon + 1)
    if q is None or q in d.quote_used or len(t.text[d.quotes[q].start:d.quotes[q].end].split()) < 3:
        return
    lead = d.skip_lead(a, colon)
    span = np_right(d.lex, t, lead, colon)
    if not person_span(d, span, a) or (span is not None and span[1] >= colon):
        span = last_person(d, lead, colon)
    d.direct(q, d.add_source(span) if span else d.last_speaker(), None)

"""A quote opening a sentence with no tag continues the last speaker (cue null)."""

from __future__ import annotations

from annotator.nlp import quote_speakers
from annotator.nlp.discourse import Discourse, Src, rule
from annotator.nlp.rules import introduced_quote, stance

_CREDIT_DASHES = frozenset({"―", "—", "–", "-"})  # '“...” ― Ana Ruiz': a credit line after the quote


@rule("quote_continuation")
def loose_quotes(d: Discourse, pi: int, a: int, b: int) -> None:
    """Quotes that open a sentence with no tag: continuations of the last speaker."""
    t = d.t
    lead = d.skip_lead(a, b)
    q = d.quote_starting_at(lead)
    if q is None or q in d.quote_used:
        return
    quote = d.quotes[q]
    words = t.text[quote.start:quote.end].split()
    if len(words) < 3 and not (len(words) == 2 and words[-1][-1:] in ".!?"):
        return  # (a two-word sentence "‘Niemand luistert.’" speaks; a quoted phrase does not)
    if dash_credit(d, q, b):
        return
    if introduced_quote.intro_speaker(d, q) or stance.stance_tag(d, q, b):
        return
    named = quote_speakers.named_before(d) or quote_speakers.stance_before(d) or question_subject(d)
    if named is not None and d.prev_sentence is not None:
        start = t.starts[d.prev_sentence[0]]  # "‘A.’ Kok wijst naar de brug. ‘B.’": A is Kok's too
        for c in reversed(d.claims[-3:]):
            if c.end <= start and c.src is None and c.cue is None and c.attribution == "direct" \
                    and start - c.end <= 3:
                c.src = named
    d.direct(q, named or d.last_speaker(), None)


def question_subject(d: Discourse) -> Src | None:
    """"Wat vindt hij van het plan? ‘...’": the reporter's question right before a speakerless
    quote names its speaker with the one person pronoun it holds (hij, zij), not a quote of its own."""
    if d.prev_sentence is None:
        return None
    t, lex = d.t, d.lex
    pa, pb = d.prev_sentence
    if t.words[pb - 1] != "?" or d.overlaps_claim(pa, pb) or any(t.quote_of[m] >= 0 for m in range(pa, pb)):
        return None
    found = [m for m in range(pa, pb) if t.lowers[m] in lex.src["person_pronouns"] and t.lowers[m] in lex.fw["pronouns"]
             and t.lowers[m] not in lex.fw["relative_pronouns"] and t.lowers[m] not in lex.src["group_pronouns"]]
    return d.add_source((found[0], found[0] + 1)) if len(found) == 1 else None


@rule("dash_credit")
def dash_credit(d: Discourse, q: int, b: int) -> bool:
    """'“...” ― Ana Ruiz' ending the sentence: a dash and a capitalised name of at most five
    words after the closing mark name the quote's speaker (cue null)."""
    t, quote = d.t, d.quotes[q]
    if not quote.closed:
        return False
    m = t.first_at_or_after(quote.close)  # the closing mark, or the mark and the dash as one token
    if m < b and t.words[m][-1:] in _CREDIT_DASHES:
        m += 1
    elif m + 1 < b and t.words[m + 1] in _CREDIT_DASHES:
        m += 2
    else:
        return False
    end = b
    while end > m and not t.is_word(end - 1):
        end -= 1
    if not 1 <= end - m <= 5 or not t.is_cap(m) or t.lowers[m] in d.lex.fw["determiners"] \
            or not all(t.is_word(x) or t.words[x] == "." for x in range(m, end)):
        return False
    return d.direct(q, d.add_source((m, end)), None) is not None

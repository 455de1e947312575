"""Stance frames: "'...', is de burgemeester stellig." / "X is stellig: '...'"."""

from __future__ import annotations

from annotator.nlp import sourcetype
from annotator.nlp.discourse import _TRAIL, Discourse, rule
from annotator.nlp.nounphrase import np_right
from annotator.nlp.tokens import CLOSE_MARKS


def stance_end(d: Discourse, m: int, b: int) -> int | None:
    """After a copula and stance words ("is stellig", "was blunt"): the next token, or None."""
    t, lex = d.t, d.lex
    if m >= b or t.lowers[m] not in lex.stance_copulas:
        return None
    m += 1
    seen = False
    while m < b and (t.lowers[m] in lex.stance_words or t.lowers[m] in lex.fw["time_words"]):
        seen = seen or t.lowers[m] in lex.stance_words
        m += 1
    return m if seen and m < b else None


@rule("stance_tag")
def stance_tag(d: Discourse, q: int, b: int) -> bool:
    """"‘...’, is de burgemeester stellig.": the speaker after a copula, cue null."""
    t, lex = d.t, d.lex
    m = t.last_before(d.quotes[q].close) + 1
    while m < b and t.words[m] and t.words[m][-1] in CLOSE_MARKS:
        m += 1
    if m + 2 >= b or t.words[m] != "," or t.lowers[m + 1] not in lex.stance_copulas:
        return False
    span = np_right(lex, t, m + 2, b)
    while span and span[1] - span[0] > 1 and t.lowers[span[1] - 1] in lex.stance_words:
        span = (span[0], span[1] - 1)  # "Jan Claes ervan (overtuigd)"
    if not span:
        return False
    k = span[1]
    seen = False
    while k < b and (t.lowers[k] in lex.stance_words or t.lowers[k] in lex.fw["time_words"]):
        seen = seen or t.lowers[k] in lex.stance_words
        k += 1
    if not seen or (k < b and t.words[k] not in _TRAIL):
        return False
    return d.direct(q, d.add_source(span), None) is not None


@rule("speaker_after_quote")
def stance_after_quote(d: Discourse, pi: int, a: int, b: int) -> None:
    """"‘...’ Wethouder Kok is er duidelijk over.": a short stance sentence with a person
    subject gives the speakerless quote of the sentence before its speaker (cue null)."""
    t, lex = d.t, d.lex
    if d.prev_sentence is None or t.words[b - 1] != ".":
        return
    span = np_right(lex, t, d.skip_lead(a, b), b)
    if span is None or stance_end(d, span[1], b) != b - 1:
        return
    kind = sourcetype.classify(lex, t, span[0], span[1], d.surnames, span[1])
    if kind not in ("person", "anonymous", sourcetype.PRONOUN):
        return
    s, e = t.char_span(*d.prev_sentence)
    loose = [c for c in d.claims[-6:] if c.start < e and s < c.end]
    if not loose or any(c.attribution != "direct" or c.cue is not None or c.src is not None for c in loose):
        return
    src = d.add_source(span)
    for c in loose:
        c.src, c.rule = src, d.current_rule()

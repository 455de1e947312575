""""Boer Jan vertelt." before a quote, and "'...' De burgemeester zucht." after one."""

from __future__ import annotations

from annotator.nlp import speakers
from annotator.nlp.discourse import Cue, Discourse, rule
from annotator.nlp.nounphrase import np_right


def introduces(d: Discourse, a: int, b: int, k: int, end: int) -> bool:
    """"Boer Jan Mertens vertelt." / "We vroegen het aan X.": a short sentence that ends soon
    after its reporting verb, without a claim of its own."""
    t, lex = d.t, d.lex
    if t.words[b - 1] not in (".", ":") or k <= d.skip_lead(a, b) or b - end > 7 or d.claimed:
        return False  # ("‘...’, laat X vanuit Y weten.": the sentence has its claim; "weten" introduces nothing)
    if any(t.quote_of[m] >= 0 or t.lowers[m] in lex.complementisers or t.words[m] == ","
           for m in range(end, b - 1)):
        return False
    m, light = end, lex.fw.get("intro_words", set())
    while m < b - 1 and (t.lowers[m] in lex.fw["time_words"] or t.lowers[m] in light):
        m += 1  # "vertelt ons het volgende", "reageerde gisteren"
    return m == b - 1 or t.lowers[m] in lex.fw["stop_prepositions"] or t.lowers[m] in lex.channel_prepositions


@rule("speaker_after_quote")
def speaker_after_quote(d: Discourse, a: int, b: int, k: int, end: int) -> bool:
    """A speakerless quote in the sentence before gets this sentence's subject and verb."""
    if d.prev_sentence is None or d.t.lowers[d.skip_lead(a, b)] in d.lex.retro_pronouns:
        return False
    s, e = d.t.char_span(*d.prev_sentence)
    loose = [c for c in d.claims[-6:] if c.start < e and s < c.end]
    if not loose or any(c.attribution != "direct" or c.cue is not None or c.src is not None for c in loose):
        return False
    src = speakers.subject(d, a, b, k, end)
    if src is None:
        return False
    cue = Cue(k, end)
    for c in loose:
        c.src, c.cue, c.rule = src, cue, d.current_rule()
    cue.rule = d.current_rule()
    d.cues.append(cue)
    d.intro = None
    return True


@rule("introduced_quote")
def intro_speaker(d: Discourse, q: int) -> bool:
    """A quote opening the sentence right after an introducing sentence."""
    if d.intro is None or d.prev_sentence is None or d.intro[1] != d.prev_sentence[1]:
        return False
    t, lex = d.t, d.lex
    ia, ib, k, end = d.intro
    d.intro = None
    if t.lowers[k] in lex.interview_verbs:  # "We vroegen het aan X": the addressee answers
        m = next((m for m in range(end, ib) if t.lowers[m] in lex.interview_prepositions), None)
        src = d.add_source(np_right(lex, t, m + 1, ib - 1)) if m is not None else None
        cue = None
    else:
        src, cue = speakers.subject(d, ia, ib, k, end), Cue(k, end)
    return src is not None and d.direct(q, src, cue) is not None

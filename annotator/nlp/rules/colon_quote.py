"""Colon quotes: X: '...' (cue null), and "Rapport: ..." in a headline."""

from __future__ import annotations

from annotator.nlp import sourcetype
from annotator.nlp.discourse import Discourse, rule
from annotator.nlp.nounphrase import np_right
from annotator.nlp.rules import stance


@rule("colon_quote")
def colon_np(d: Discourse, pi: int, a: int, b: int) -> None:
    """Headline and lead style: X: '...' (cue null); 'Rapport: ...' in a headline."""
    t, lex = d.t, d.lex
    if ":" not in t.words[a:b]:
        return
    lead = d.skip_lead(a, b)
    span = np_right(lex, t, lead, b)
    if span and span[1] < b and t.words[span[1]] != ":":
        after = stance.stance_end(d, span[1], b)  # "De burgemeester is stellig: ‘...’"
        if after is not None and t.words[after] == ":":
            q = d.quote_starting_at(after + 1)
            if q is not None and q not in d.quote_used:
                d.direct(q, d.add_source(span), None)
            return
    if not span or span[1] >= b or t.words[span[1]] != ":" or span[1] - span[0] > 8:
        return
    if d.in_claimed(span[1] + 1):
        return
    q = d.quote_starting_at(span[1] + 1)
    if q is not None and q not in d.quote_used:
        d.direct(q, d.add_source(span), None)
        return
    kind = sourcetype.classify(lex, t, span[0], span[1], d.surnames, span[1])
    if pi == 0 and kind in ("document", "news_media", "anonymous") and b - span[1] > 4:
        d.add_claim(span[1] + 1, b, d.add_source(span), None, "indirect")

"""A quote opening a sentence with no tag continues the last speaker (cue null)."""

from __future__ import annotations

from annotator.nlp import speakers
from annotator.nlp.discourse import Discourse, rule
from annotator.nlp.rules import introduced_quote, stance


@rule("quote_continuation")
def loose_quotes(d: Discourse, pi: int, a: int, b: int) -> None:
    """Quotes that open a sentence with no tag: continuations of the last speaker."""
    t = d.t
    lead = d.skip_lead(a, b)
    q = d.quote_starting_at(lead)
    if q is None or q in d.quote_used:
        return
    quote = d.quotes[q]
    if len(t.text[quote.start:quote.end].split()) < 3:
        return
    if introduced_quote.intro_speaker(d, q) or stance.stance_tag(d, q, b):
        return
    d.direct(q, speakers.named_before(d) or d.last_speaker(), None)

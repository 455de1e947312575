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
    named = speakers.named_before(d)
    if named is not None and d.prev_sentence is not None:
        start = t.starts[d.prev_sentence[0]]  # "‘A.’ Kok wijst naar de brug. ‘B.’": A is Kok's too
        for c in reversed(d.claims[-3:]):
            if c.end <= start and c.src is None and c.cue is None and c.attribution == "direct" \
                    and start - c.end <= 3:
                c.src = named
    d.direct(q, named or d.last_speaker(), None)

"""Unattributed hedged claims, and reportative zou continuing the paragraph's speaker."""

from __future__ import annotations

from annotator.nlp.certainty import hedge_hits
from annotator.nlp.discourse import Discourse, rule
from annotator.nlp.tokens import CLOSE_MARKS


def subhead(d: Discourse, pi: int, a: int, b: int) -> bool:
    """A short line without end punctuation after the headline: a subhead, not a claim."""
    t = d.t
    return pi > 0 and b - a <= 10 and t.words[b - 1] not in (".", "!", "?", "…") \
        and t.words[b - 1][-1:] not in CLOSE_MARKS


@rule("hedged_sentence")
def unattributed(d: Discourse, pi: int, a: int, b: int) -> None:
    """A sentence with a hedge and no source: unattributed claim, or a reportative
    continuation (zou) of the paragraph's last source."""
    t, lex = d.t, d.lex
    hits = [(k, lv) for k, lv in hedge_hits(lex, t, a, b) if t.quote_of[k] < 0]
    if not hits or t.words[b - 1] == "?" or subhead(d, pi, a, b):
        return
    triggers = [k for k, _ in hits if lex.unattributed.match(t.lowers, k, b)]
    zou = [k for k, _ in hits if t.lowers[k] in lex.h["zou_words"]]
    if zou and d.lang.reportative_zou and d.para_claims and d.last_speaker() \
            and not any(w in lex.h["conditional_markers"] for w in t.lowers[a:b]):
        d.add_claim(d.skip_lead(a, b), b, d.last_speaker(), None, "indirect",
                       rule="reportative_zou")
    elif (triggers or (zou and d.lang.reportative_zou)) \
            and t.lowers[d.skip_lead(a, b)] not in lex.h["conditional_markers"]:  # "If X, they will almost certainly": a condition
        d.add_claim(d.skip_lead(a, b), b, None, None, "unattributed")

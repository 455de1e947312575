"""Uncertainty frames: "Het is niet duidelijk of X" / "It is unclear whether X"."""

from __future__ import annotations

from annotator.nlp.certainty import hedge_hits
from annotator.nlp.discourse import Discourse, rule


@rule("uncertainty_frame")
def frames(d: Discourse, pi: int, a: int, b: int) -> None:
    """Het is niet duidelijk of X / It is unclear whether X / Of X, is onzeker."""
    t, lex = d.t, d.lex
    lead = d.skip_lead(a, b)
    if t.lowers[lead] in lex.h["whether_words"]:
        for m in range(lead + 1, b):
            if t.words[m] == "," and t.quote_of[m] < 0 and (
                    lex.frames_after.match(t.lowers, m + 1, b)
                    or any(lv == "uncertain" for _, lv in hedge_hits(lex, t, m + 1, b))):
                d.add_claim(lead + 1, m, None, None, "unattributed", level="uncertain")
                return
            hit = lex.frames_after.match(t.lowers, m, b)
            if hit and m > lead + 2:
                d.add_claim(lead + 1, m, None, None, "unattributed", level="uncertain")
                return
    for m in t.candidates("frame", a, b):
        if t.quote_of[m] < 0:
            hit = lex.frames_before.match(t.lowers, m, b)
            if hit:
                start = m + hit[0]
                d.add_claim(start, d.claim_end(start, b), None, None, "unattributed",
                               level="uncertain")
                return

""""X kan niet zeggen of CLAIM", "X vraagt zich af of CLAIM", "X onderzoekt of CLAIM": a
reporting verb with a whether-clause reports an open question: the clause is the claim, its
certainty `uncertain` (codebook rule 5), its speaker the verb's subject."""

from __future__ import annotations

from annotator.nlp import complement, speakers
from annotator.nlp.discourse import Cue, Discourse, rule
from annotator.nlp.lexicon import VerbEntry


@rule("whether_clause")
def whether(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    m = complement.whether_at(d, end, b)
    if m is None or m + 2 >= b:
        return False
    src = speakers.subject(d, a, b, k, end)
    if src is None:
        return False
    return d.add_claim(m + 1, d.claim_end(m + 1, b), src, Cue(k, end), "indirect", level="uncertain") is not None

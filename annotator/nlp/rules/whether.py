""""X kan niet zeggen of CLAIM", "X vraagt zich af of CLAIM", "X onderzoekt of CLAIM": a
reporting verb with a whether-clause reports an open question: the clause is the claim, its
certainty `uncertain` (codebook rule 5), its speaker the verb's subject."""

from __future__ import annotations

from annotator.nlp import complement, speakers
from annotator.nlp.discourse import Cue, Discourse, rule
from annotator.nlp.lexicon import VerbEntry


def whether(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    m = complement.whether_at(d, end, b)
    return m is not None and m + 2 < b and whether_claim(d, a, b, k, end, m)


@rule("whether_clause")
def whether_claim(d: Discourse, a: int, b: int, k: int, end: int, m: int) -> bool:
    src = speakers.subject(d, a, b, k, end)
    if src is None:
        return False
    return d.add_claim(m + 1, d.claim_end(m + 1, b), src, Cue(k, end), "indirect", level="uncertain") is not None

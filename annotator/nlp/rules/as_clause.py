"""As-clauses: "CLAIM, zoals X al zei" / "Zoals X al aangaf, CLAIM" / "As X noted, CLAIM"."""

from __future__ import annotations

from annotator.nlp.discourse import Cue, Discourse, rule
from annotator.nlp.lexicon import VerbEntry
from annotator.nlp.nounphrase import np_right
from annotator.nlp.rules import quote_tag


@rule("as_clause")
def as_clause(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    """"CLAIM, zoals X eerder al zei." / "Zoals X al aangaf, CLAIM." / "As X noted, CLAIM"."""
    t, lex = d.t, d.lex
    words = lex.as_words
    m = next((x for x in range(k - 1, max(a, k - 9) - 1, -1)
              if t.lowers[x] in words or t.words[x] in (",", ";") or t.quote_of[x] >= 0), None)
    if m is None or t.lowers[m] not in words or m + 1 >= k:
        return False
    span = np_right(lex, t, m + 1, k)
    if not span:
        return False
    lead = d.skip_lead(a, b)
    if m > lead and t.words[m - 1] == ",":
        if not quote_tag.tag_rest_ok(d, end, b):
            return False
        start, stop = d.clause_start(a, m - 1), m - 1
    elif m == lead:
        comma = end
        while comma < b and t.lowers[comma] in lex.fw["time_words"]:
            comma += 1
        if comma >= b or t.words[comma] != ",":
            return False  # "As the minister said he would, ...": not a report of what follows
        start, stop = comma + 1, d.claim_end(comma + 1, b)
    else:
        return False
    if stop - start < 2:
        return False
    src = d.add_source(span, k)
    return d.add_claim(start, stop, src, Cue(k, end), "indirect", entry, t.lowers[k]) is not None

"""Where a reporting verb's complement clause opens (dat/that, te-infinitive)."""

from __future__ import annotations

from annotator.nlp.discourse import Discourse


def find_complement(d: Discourse, k: int, end: int, b: int) -> int | None:
    t, lex = d.t, d.lex
    for m in range(end, min(b, end + 14)):
        w = t.lowers[m]
        q = t.quote_of[m]
        if q >= 0:
            quote = d.quotes[q]
            if not quote.closed or len(t.text[quote.start:quote.end].split()) > 3:
                return None
            continue  # "vindt het ‘onaanvaardbaar’ dat ...": a quoted word, not a quote
        if w in (".", ";", ":") or (w == "," and m > end + 1):
            return None
        if w in lex.complementisers:
            prev = t.lowers[m - 1]
            if m > end and (prev in lex.fw["stop_prepositions"] or prev in lex.fw["np_prepositions"]
                            or prev in lex.fw.get("clause_subordinators", ())) \
                    and not any(prev in e.particle for e in lex.verb(t.lowers[k]) if not e.takes_object):
                return None  # "lachte om dat grapje", "juichten toen dat doelpunt viel": a determiner
            if m > end and m + 1 < b and d.lang.that_is_relative(d, m + 1):
                return None  # "agreed a deal that would cut costs": a relative clause
            return m
        if w in lex.infinitive_complementisers and "te" in t.lowers[m:min(b, m + 12)]:
            return m
        if m > end and d.is_reporting(m) and t.lowers[m - 1] not in lex.fw["determiners"]:
            return None
    return None

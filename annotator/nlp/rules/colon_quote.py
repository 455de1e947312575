"""Colon quotes: X: '...' (cue null), and "Rapport: ..." in a headline."""

from __future__ import annotations

from annotator.nlp import sourcetype
from annotator.nlp.discourse import Discourse, rule
from annotator.nlp.nounphrase import np_right
from annotator.nlp.rules import stance
from annotator.nlp.rules.quote_tag import past_parenthesis


@rule("colon_quote")
def colon_np(d: Discourse, pi: int, a: int, b: int) -> None:
    """Headline and lead style: X: '...' (cue null); 'Rapport: ...' in a headline."""
    t, lex = d.t, d.lex
    if ":" not in t.words[a:b]:
        return
    lead = d.skip_lead(a, b)
    span = np_right(lex, t, lead, b)
    if span and span[1] < b and t.words[span[1]] in (",", "("):
        colon = apposition_colon(d, span[1], b)  # "Piet Kok, wethouder van Zorg: ‘...’"
        q = d.quote_starting_at(colon + 1) if colon is not None else None
        if q is not None and q not in d.quote_used:
            d.direct(q, d.add_source(span), None)
            return
    if span and span[1] < b and t.words[span[1]] != ":":
        after = stance.stance_end(d, past_parenthesis(d, span[1], b), b)  # "De burgemeester is stellig: ‘...’"
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
    if pi == 0 and (kind in ("document", "news_media", "anonymous") or headline_name(d, span)
                    or headline_source_noun(d, span)) and b - span[1] > 4:
        d.add_claim(span[1] + 1, b, d.add_source(span), None, "indirect")


def headline_name(d: Discourse, span: tuple[int, int]) -> bool:
    """"Pence: Flowers Won't Be at Debate": a short name (every word capitalised, no label such
    as "Analysis" or "Watch") before a headline's colon, where the language writes headlines so."""
    t = d.t
    i, j = span
    return d.lang.headline_name_claims and j - i <= 4 and all(t.is_cap(m) for m in range(i, j) if t.is_word(m)) \
        and " ".join(t.lowers[i:j]) not in d.lex.h.get("headline_labels", ())


def headline_source_noun(d: Discourse, span: tuple[int, int]) -> bool:
    """"Kwekers: pas op de bloemen", "Bewoners: ...": a headline's colon after a short phrase
    whose head the lists know as a source noun (a bare name, "Brexit:", is often a topic)."""
    i, j = span
    return j - i <= 3 and sourcetype.known_source_word(d.lex, d.t.lowers[j - 1])


def apposition_colon(d: Discourse, m: int, b: int) -> int | None:
    """The colon after a name's bracketed aside or comma-set apposition ("Kok (CDA):", "Kok,
    wethouder van Zorg:"), when only a noun phrase stands between them; else None."""
    t, lex = d.t, d.lex
    m = past_parenthesis(d, m, b)
    if m < b and t.words[m] == ",":
        role = np_right(lex, t, m + 1, b)
        m = role[1] if role and role[1] - m <= 10 else m
    return m if m < b and t.words[m] == ":" else None

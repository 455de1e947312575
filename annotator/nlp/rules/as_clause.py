"""As-clauses: "CLAIM, zoals X al zei" / "Zoals X al aangaf, CLAIM" / "As X noted, CLAIM"."""

from __future__ import annotations

from annotator.nlp.discourse import Cue, Discourse, rule
from annotator.nlp.lexicon import VerbEntry
from annotator.nlp.nounphrase import np_right
from annotator.nlp.rules import quote_tag

_SUBJECT_REACH = 24  # "As many tax experts, including Mr. Goldberg, have pointed out": words before the verb
_ADJUNCT_REACH = 14  # "As X put it in a statement to my colleague in July, CLAIM": words after it


def closing_comma(d: Discourse, end: int, b: int) -> int | None:
    """The comma closing an as-clause after its verb, past adjuncts ("with a telling
    side-by-side", "in a statement in July"), or None when a clause or quote comes first."""
    t, lex = d.t, d.lex
    for x in range(end, min(b, end + _ADJUNCT_REACH)):
        if t.words[x] == "," and t.quote_of[x] < 0:
            return x
        if t.quote_of[x] >= 0 or t.lowers[x] in lex.complementisers \
                or (t.lowers[x] in lex.fw["auxiliaries"] and not t.is_cap(x)) \
                or (d.is_reporting(x) and t.lowers[x - 1] not in lex.fw["determiners"]) or t.words[x] in (";", ":"):
            return None  # "As the minister said he would, ...": a clause, not an adjunct
    return None


def has_finite(d: Discourse, i: int, j: int) -> bool:
    """A finite verb in [i, j): the words before the as-clause are a clause of their own."""
    fw = d.lex.fw
    finite = fw.get("finite_auxiliaries", set()) | fw.get("finite_verbs", set())
    return any(d.t.lowers[m] in finite for m in range(i, j))


@rule("as_clause")
def as_clause(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    """"CLAIM, zoals X eerder al zei." / "Zoals X al aangaf, CLAIM." / "As X noted, CLAIM"."""
    t, lex = d.t, d.lex
    words = lex.as_words
    m = next((x for x in range(k - 1, max(a, k - 9) - 1, -1)
              if t.lowers[x] in words or t.words[x] in (",", ";") or t.quote_of[x] >= 0), None)
    lead = d.skip_lead(a, b)
    if (m is None or t.lowers[m] not in words) and t.lowers[lead] in words and k - lead <= _SUBJECT_REACH \
            and not any(t.quote_of[x] >= 0 or t.words[x] == ";" for x in range(lead, k)):
        m = lead  # "As many tax experts, including Mr. Goldberg, have pointed out, CLAIM"
    if m is None or t.lowers[m] not in words or m + 1 >= k \
            or t.lowers[m + 1] in lex.fw["stop_prepositions"] or t.lowers[m + 1] in lex.fw["np_prepositions"]:
        return False  # (not "As for RT's bent, he said": a topic)
    span = np_right(lex, t, m + 1, k)
    if not span:
        return False
    if m > lead and t.words[m - 1] == ",":
        start, after = d.clause_start(a, m - 1), closing_comma(d, end, b)
        if m - 1 - start >= 2 and quote_tag.tag_rest_ok(d, end, b):
            stop = m - 1
        elif after is not None and after + 2 < b and not has_finite(d, start, m - 1):
            stop = b  # "Hawaii, as one adviser pointed out, normally does not ...": the clause runs on over it
        else:
            return False
    elif m == lead:
        comma = closing_comma(d, end, b)
        if comma is None:
            return False  # "As the minister said he would, ...": not a report of what follows
        start, stop = comma + 1, d.claim_end(comma + 1, b)
    else:
        return False
    if stop - start < 2:
        return False
    src = d.add_source(span, k)
    q = d.quote_starting_at(start) if m == lead else None
    if q is not None and d.quote_ending_at(stop) == q:
        return d.direct(q, src, Cue(k, end)) is not None  # 'As X put it, "Did Trump lower his taxes?"'
    return d.add_claim(start, stop, src, Cue(k, end), "indirect", entry, t.lowers[k]) is not None

"""English parenthetical tags: "The decision, officials said, was final."
"""

from __future__ import annotations

from annotator.nlp import speakers
from annotator.nlp.discourse import Cue, Discourse, rule
from annotator.nlp.lexicon import VerbEntry
from annotator.nlp.nounphrase import np_right
from annotator.nlp.rules import quote_tag


@rule("parenthetical_tag")
def parenthetical(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    """English "The decision, officials said, was final.": a tag set in the middle of the
    claim; the claim runs over it from its clause start to the sentence end."""
    t, lex = d.t, d.lex
    if not d.lang.parenthetical_tags or k <= a:
        return False
    c = next((m for m in range(end, min(b, end + 8)) if t.words[m] == "," or t.quote_of[m] >= 0), None)
    if c is None or t.words[c] != "," or c + 2 >= b:
        return False
    boundary = speakers.walk_back_speaker(d, a, k)
    if t.lowers[d.skip_lead(a, b)] in lex.as_words:
        return False  # "As many experts, including X, have noted, ...": the as-clause rule reads it
    if boundary is None or boundary <= d.skip_lead(a, b) or t.words[boundary] != "," \
            or t.quote_of[boundary] >= 0 or boundary + 1 >= k:
        return False
    rest = end
    if t.lowers[k] in lex.h.get("addressee_verbs", ()) and t.lowers[rest] in lex.h.get("addressees", ()):
        rest += 1  # "The difference, he told me on Friday, is ..."
    if not quote_tag.tag_rest_ok(d, rest, c) or sum(t.is_word(m) for m in range(c + 1, b)) < 2:
        return False
    nxt = t.lowers[c + 1]
    object_verb = all(e.mode == "object" for e in lex.verb(nxt))  # "The museum, he said, celebrated X"
    if t.is_cap(c + 1) or not t.is_word(c + 1) or nxt.endswith("ing") or (nxt in lex.verbs and not object_verb) \
            or nxt in lex.coordinators or nxt in lex.fw["conjunctions"] or nxt in lex.complementisers \
            or t.quote_of[c + 1] >= 0 or d.quote_ending_at(boundary) is not None:
        return False  # '"...," he said, adding', ', but': the tag ends its claim
    start = d.clause_start(a, boundary)
    if start >= boundary or quote_tag.apposition_before(d, a, boundary):
        return False
    src = d.add_source(np_right(lex, t, boundary + 1, k) or (boundary + 1, k), k)
    return d.add_claim(start, b, src, Cue(k, end), "indirect", entry, t.lowers[k]) is not None

"""What stands before a verb-second verb and is not its subject, or is: a fronted time
phrase ("Deze week zei X"), a demonstrative opening the subject ("Dit rapport bevestigt"),
a second main clause after "en"/"maar" ("..., en toch blijft X volhouden")."""

from __future__ import annotations

from annotator.nlp.discourse import Discourse
from annotator.nlp.nounphrase import np_right


def second_main_clause(d: Discourse, lead: int, k: int) -> int | None:
    """Where a main clause coordinated by "en"/"maar" opens before the verb at k: the
    coordinator is followed by a clause adverb (`clause_adverbs`: "en toch blijft X", "maar
    daarom zegt X"), not by the second half of a subject ("Jan en zijn vrouw zeggen")."""
    t, lex = d.t, d.lex
    fw = lex.fw
    for m in range(k - 2, lead, -1):
        if t.quote_of[m] >= 0 or t.words[m] in (";", ":"):
            return None
        if t.lowers[m] in lex.coordinators and t.lowers[m + 1] in fw.get("clause_adverbs", ()):
            return d.skip_lead(m + 1, k)
    return None


def time_phrase(d: Discourse, lead: int, k: int) -> bool:
    """"Deze week", "Elk jaar" right before the verb: a fronted time phrase, not the subject."""
    t, lex = d.t, d.lex
    opening = lex.fw["determiners"] | set(lex.fw.get("time_quantifiers", ()))
    return k - lead == 2 and t.lowers[lead] in opening \
        and t.lowers[k - 1] in lex.fw.get("time_nouns", ())


def demonstrative_subject(d: Discourse, lead: int, k: int) -> tuple[int, int] | None:
    """"Dit onderzoek laat zien", "Deze partij vindt": a demonstrative and its noun right
    before the verb are the subject (not "Deze week zei X", a time phrase)."""
    t, lex = d.t, d.lex
    span = np_right(lex, t, lead, k)
    m = span[1] if span else k
    while m < k and t.lowers[m] in lex.fw["time_words"]:
        m += 1
    if span is None or m != k or t.lowers[span[1] - 1] in lex.fw.get("time_nouns", ()) \
            or t.lowers[span[1] - 1] in lex.fw["time_words"]:
        return None
    return span

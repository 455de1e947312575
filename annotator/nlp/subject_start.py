"""Where the subject of an English-order verb starts: past a fronted phrase, a coordinator or a
participle, and whether a phrase can be a subject at all (used by `speakers`)."""

from __future__ import annotations

from annotator.nlp.discourse import Discourse
from annotator.nlp.nounphrase import np_right


def plausible_subject(d: Discourse, i: int, j: int) -> bool:
    """A subject next to its verb is a noun phrase: it opens with no preposition ("for Donald
    Trump") and is not a lone verb form or adverb ("seemed", "however", "stripping out")."""
    t, fw = d.t, d.lex.fw
    first = t.lowers[i]
    last = t.lowers[j - 1]
    if first in fw["stop_prepositions"] or first in fw["np_prepositions"] or last in d.lex.coordinators \
            or last in fw.get("noun_after", ()):
        return False
    return not (j - i <= 2 and not t.is_cap(i) and first not in d.pronouns and (
        first in d.lex.verbs or first in fw["auxiliaries"] or first in fw.get("verb_adverbs", ())
        or first in fw["conjunctions"] or first.endswith("ing")))


def coordinated_clause_start(d: Discourse, lead: int, k: int) -> int | None:
    """Where the subject stands next to its verb, "..., but Obama said" (or "..., though Obama
    said") opens a clause of its own: its subject is the noun phrase after the coordinator or
    subordinator, not the words before the comma."""
    t = d.t
    if d.lang.verb_second or not d.lang.subject_next_to_verb:
        return None
    openers = d.lex.coordinators | frozenset(d.lex.fw.get("adverbial_subordinators", ()))
    for m in range(k - 3, lead, -1):
        if t.quote_of[m] >= 0 or t.words[m] in (";", ":"):
            return None
        if t.words[m] == "," and t.lowers[m + 1] in openers:  # ", though he said": a clause of its own
            span = np_right(d.lex, t, m + 2, k)
            if span is None or span[0] != m + 2 or not reaches_verb(d, span[1], k) \
                    or reaches_verb(d, m + 2, m + 3) or not plausible_subject(d, *span):
                return None  # ", but also contended": the same subject's second verb
            return m + 2
    return None


def after_fronted_participle(d: Discourse, lead: int, k: int) -> tuple[int, int] | None:
    """"Chastened by the criticism, Trump ...": a sentence opening with a past participle and
    its phrase has its subject after the first comma."""
    t, fw = d.t, d.lex.fw
    ed = d.lang.past_participle_suffix
    if ed is None or not t.lowers[lead].endswith(ed) or lead + 1 >= k \
            or t.lowers[lead + 1] not in fw["stop_prepositions"] | fw["np_prepositions"]:
        return None
    comma = next((m for m in range(lead + 2, k - 1) if t.words[m] == "," and t.quote_of[m] < 0
                  and (t.is_cap(m + 1) or t.lowers[m + 1] in fw["determiners"] or t.lowers[m + 1] in d.pronouns)),
                 None)  # (past ", as well as complaints over ...," to the subject)
    return np_right(d.lex, t, comma + 1, k) if comma is not None else None


def reaches_verb(d: Discourse, j: int, k: int) -> bool:
    """True when only auxiliaries, adverbs or a comma-set apposition lie between j and k."""
    t, lex = d.t, d.lex
    if j < t.n and t.words[j] == ",":
        return True
    return all(t.lowers[m] in lex.fw["auxiliaries"] or t.lowers[m] in lex.fw["time_words"]
               or t.lowers[m] in lex.fw.get("verb_adverbs", ()) for m in range(j, k))


def name_after_phrase(d: Discourse, lead: int, k: int) -> tuple[int, int] | None:
    """"In an interview Trump declared": after a fronted phrase with no comma, a name right
    after a lower-case noun is the subject, not the phrase's last words."""
    t, fw = d.t, d.lex.fw
    if t.lowers[lead] not in fw["stop_prepositions"] and t.lowers[lead] not in fw["np_prepositions"]:
        return None
    end = k
    while end > lead and (t.lowers[end - 1] in fw["auxiliaries"] or t.lowers[end - 1] in fw.get("verb_adverbs", ())):
        end -= 1
    m = end
    while m > lead + 1 and t.is_cap(m - 1) and t.quote_of[m - 1] < 0 and t.lowers[m - 1] not in fw["time_words"]:
        m -= 1
    if t.lowers[m - 1] in fw["time_words"] and m < end:
        return m, end  # "On Monday Obama said"
    before = t.lowers[m - 1]
    if m == end or not t.is_word(m - 1) or t.is_cap(m - 1) or before in fw["determiners"] \
            or before in fw["np_prepositions"] or before in fw["stop_prepositions"]:
        return None
    return m, end


def relative_antecedent(d: Discourse, lead: int, k: int) -> tuple[int, int] | None:
    """"morrende Nederlanders die in brieven zeggen ...", "boeren die zeggen dat ...": in a
    verb-final relative clause the reporting verb's subject is the relative pronoun's antecedent
    (fw `relative_subject_pronouns`, Dutch "die"). The pronoun must be followed by no subject of
    its own (a determiner or a name) and no other verb before the reporting verb at k."""
    t, fw = d.t, d.lex.fw
    pronouns = fw.get("relative_subject_pronouns", ())
    if not pronouns:
        return None
    r = next((m for m in range(k - 1, lead, -1) if t.lowers[m] in pronouns and t.quote_of[m] < 0), None)
    if r is None or r + 1 > k or not t.is_word(r - 1) or t.lowers[r - 1] in fw["stop_prepositions"]:
        return None
    if r + 1 < k and (t.lowers[r + 1] in fw["determiners"] or t.is_cap(r + 1)):
        return None  # "de man die de politie zegt te kennen": the clause has a subject of its own
    if any(t.lowers[m] in fw["auxiliaries"] or t.lowers[m] in d.lex.verbs or not t.is_word(m) for m in range(r + 1, k)):
        return None
    m = r - 1
    while m > lead and t.is_word(m - 1) and t.lowers[m - 1] not in fw["stop_prepositions"] \
            and t.lowers[m - 1] not in d.lex.verbs and t.lowers[m - 1] not in fw["auxiliaries"] \
            and t.lowers[m - 1] not in fw["conjunctions"] and r - m < 5:
        m -= 1
    return (m, r) if t.lowers[m] not in d.pronouns else None

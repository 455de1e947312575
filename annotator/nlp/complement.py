"""Where a reporting verb's complement clause opens (dat/that, te-infinitive, a bare clause)."""

from __future__ import annotations

from annotator.nlp.discourse import Discourse
from annotator.nlp.tokens import CLOSE_MARKS, OPEN_MARKS

QUOTE_MARKS = OPEN_MARKS | CLOSE_MARKS

_BARE_REACH = 7  # "noted the old plan had failed": how far the auxiliary of a bare clause may follow


def find_complement(d: Discourse, k: int, end: int, b: int) -> int | None:
    t, lex = d.t, d.lex
    finite = lex.fw.get("finite_auxiliaries", ())
    if end + 1 < b and t.words[end] == "," and t.lowers[end + 1] in lex.as_words:
        aside = next((m for m in range(end + 2, min(b, end + 12)) if t.words[m] == ","), None)
        if aside is not None:
            end = aside + 1  # "cautioned, as did the campaign itself, that ...": past the aside
    for m in range(end, min(b, end + 14)):
        w = t.lowers[m]
        q = t.quote_of[m]
        if q >= 0:
            quote = d.quotes[q]
            if not quote.closed or len(t.text[quote.start:quote.end].split()) > 3:
                return None
            continue  # "vindt het ‘onaanvaardbaar’ dat ...": a quoted word, not a quote
        if w in (".", ";", ":") or (w == "," and m > end + 1) or (m > end and second_verb(d, m)):
            return None  # (", and attempted to make the case that": "that" is the second verb's)
        if w in lex.complementisers:
            if m + 1 >= b or not t.is_word(m + 1) and t.quote_of[m + 1] < 0 and t.words[m + 1] != ",":
                return None  # "said the test could change that.": a pronoun ending the clause
            if m > end + 1 and (any(t.lowers[x] in finite for x in range(end, m))
                                or (d.lang.bare_clause_complement and t.lowers[end] in lex.fw["pronouns"])):
                return None  # "said the vote would show that ...", "said he wants to ... that": the clause began before "that"
            prev = t.lowers[m - 1]
            if m > end and (prev in lex.fw["stop_prepositions"] or prev in lex.fw["np_prepositions"]
                            or prev in lex.fw.get("clause_subordinators", ())) \
                    and not any(prev in e.particle for e in lex.verb(t.lowers[k]) if not e.takes_object):
                return None  # "lachte om dat grapje", "juichten toen dat doelpunt viel": a determiner
            if m > end and m + 1 < b and (d.lang.that_is_relative(d, m + 1) or object_only(d, k)):
                return None  # "agreed a deal that would cut costs", "attacked loopholes that benefit": a relative clause
            return m
        if w in lex.infinitive_complementisers and "te" in t.lowers[m:min(b, m + 12)]:
            return m
        if m > end and d.is_reporting(m) and t.lowers[m - 1] not in lex.fw["determiners"]:
            return None
    return None


def object_only(d: Discourse, k: int) -> bool:
    """The verb at k reports only through its object (mode `object`): a "that" after words
    following it opens a relative clause on that object, not a reported clause."""
    entries = d.lex.verb(d.t.lowers[k])
    return bool(entries) and all(e.mode == "object" for e in entries)


def second_verb(d: Discourse, m: int) -> bool:
    """A coordinator at m and a verb of the same subject after it ("promised a veto and attempted")."""
    t, lex = d.t, d.lex
    if t.lowers[m] not in lex.coordinators or m + 1 >= t.n or t.is_cap(m + 1):
        return False
    w, ed = t.lowers[m + 1], d.lang.past_participle_suffix
    return bool(lex.verb(w)) or w in lex.fw.get("finite_verbs", ()) or (ed is not None and w.endswith(ed) and len(w) > 4)


def bare_clause(d: Discourse, end: int, b: int) -> int | None:
    """Where a clause without "that" opens right after the verb: a pronoun and a finite verb
    ("acknowledged it was unlikely"), or a determiner phrase and an auxiliary within a few
    words ("noted the old plan had failed"). Only where the language drops "that"."""
    t, fw = d.t, d.lex.fw
    aux = fw.get("finite_auxiliaries", ())
    if not d.lang.bare_clause_complement or end + 1 >= b:
        return None
    if t.quote_of[end + 1] >= 0 and t.words[end][:1] in OPEN_MARKS:
        found = bare_clause(d, end + 1, b)  # 'said "budget reforms" and unpaid taxes would ...'
        return end if found is not None else None
    w = t.lowers[end]
    if w in fw["pronouns"]:
        nxt = t.lowers[end + 1]
        return end if nxt in aux or nxt in fw.get("finite_verbs", ()) or d.lex.verb(nxt) else None
    if w not in fw["determiners"] and t.is_word(end) and not _function_word(d, end):
        return end if _bare_subject(d, end, b) else None  # "found Trump would", "hoped electric utilities would"
    if w not in fw["determiners"] or w in d.lex.complementisers:
        return None
    for m in range(end + 1, min(b, end + _BARE_REACH)):
        if t.lowers[m] in aux:
            return end if m > end + 1 else None
        if (not t.is_word(m) and t.words[m] not in ("'s", "’s") and t.words[m][:1] not in QUOTE_MARKS) \
                or t.lowers[m] in fw["subordinators"]:
            return None  # "agreed a deal that would cut costs": a relative clause, not a report (a quoted word may stand in it)
    return None


def _function_word(d: Discourse, m: int) -> bool:
    fw, w = d.lex.fw, d.t.lowers[m]
    return any(w in fw[key] for key in ("stop_prepositions", "np_prepositions", "subordinators", "auxiliaries",
                                        "negations", "time_words", "conjunctions")) \
        or w in d.lex.coordinators or w in d.lex.complementisers


def _bare_subject(d: Discourse, end: int, b: int) -> bool:
    """A short phrase of names and nouns, then a finite auxiliary: the subject of a bare clause."""
    t, aux = d.t, d.lex.fw.get("finite_auxiliaries", ())
    for m in range(end + 1, min(b, end + 5)):
        if t.lowers[m] in aux:
            return True
        if not t.is_word(m) and t.words[m] not in ("'s", "’s") and t.words[m][:1] not in QUOTE_MARKS \
                or _function_word(d, m):
            return False
    return False


def te_clause(d: Discourse, end: int, b: int) -> bool:
    """A te-infinitive right after the verb is its complement ("belooft de school open te
    houden", "erkent fouten te hebben gemaakt"): "te" and an infinitive before the clause ends,
    with no finite verb, complementiser or quote before it. Only where the language lists its
    `te_complement_markers`."""
    t, lex = d.t, d.lex
    markers = lex.fw.get("te_complement_markers", ())
    if not markers or end >= b:
        return False
    for m in range(end, min(b - 1, end + 10)):
        w = t.lowers[m]
        if t.quote_of[m] >= 0 or w in (",", ";", ":", ".", "(") or w in lex.complementisers \
                or (w in lex.fw["auxiliaries"] and w not in lex.fw["determiners"]) \
                or (w in lex.verbs and m > end):  # (a possessive "zijn best te doen" is no auxiliary)
            return False
        if w in markers:
            return m + 1 < b and t.is_word(m + 1) and t.lowers[m + 1].endswith(
                tuple(lex.fw.get("infinitive_endings", ("en",))))
    return False


def whether_at(d: Discourse, m: int, b: int) -> int | None:
    """The "of" opening a whether-clause right after a verb ("kan niet zeggen of", "vraagt zich
    af of", "onderzoekt of"), past reflexives, particles and negations; where the language lists
    its `whether_complementisers`."""
    t, fw = d.t, d.lex.fw
    words = fw.get("whether_complementisers", ())
    if not words:
        return None
    fillers = fw.get("whether_fillers", ())
    for x in range(m, min(b - 2, m + 5)):
        if t.lowers[x] in words and t.quote_of[x] < 0:
            return x
        if t.lowers[x] not in fillers and t.lowers[x] not in fw["time_words"]:
            return None
    return None

"""X zegt dat ... / X said (that) ... / X zegt: ... : the reporting verb with its complement."""

from __future__ import annotations

from annotator.nlp import complement, speakers
from annotator.nlp.discourse import Cue, Discourse, Src, rule
from annotator.nlp.lexicon import VerbEntry
from annotator.nlp.rules import introduced_quote

_ADJUNCT_WORDS = 8  # 'said in a statement on Friday, "..."': the phrase between the verb and its quote
_BARE_QUOTE_WORDS = 4  # a shorter quote right after a verb is its object ("used 'personal' phones")


def skip_addressee(d: Discourse, m: int, b: int) -> int:
    """Past the addressee of "told": a listed noun or object pronoun, or an outlet's name."""
    t, lex = d.t, d.lex
    if m < b and t.lowers[m] in lex.h.get("addressees", ()):
        return m + 1
    hit = lex.media_names.match(t.words, m, b) if m < b and t.words[m] in lex.media_names.by_first else None
    return m + hit[0] if hit else m


def bare_start(d: Discourse, end: int, b: int) -> int | None:
    t = d.t
    m = end
    topic = d.lex.fw.get("topic_prepositions", ())
    if m + 1 < b and t.lowers[m] in topic and t.lowers[m + 1] not in d.lex.fw["time_words"] \
            and not t.words[m + 1][:1].isdigit():
        return None  # "berichtte over de brief", "wrote about": a topic, not a claim
    while m < b and t.lowers[m] in d.lex.fw["time_words"]:
        m += 1
    if m >= b or not t.is_word(m) or b - m < 2:
        return None
    return m


def find_colon(d: Discourse, end: int, b: int) -> int | None:
    t = d.t
    m = end
    while m < b and t.lowers[m] in d.lex.fw["time_words"]:
        m += 1
    if m + 1 < b and t.words[m] == "," and d.quote_starting_at(m + 1) is not None:
        return m  # 'He added, "I am truly sorry."'
    aside = comma_after_adjunct(d, m, b)
    if aside is not None:
        return aside  # 'He said in a statement, "..."', 'She joked of the museum, "..."', 'told me, "..."'
    q = d.quote_starting_at(m) if m < b else None
    if q is not None and len(t.text[d.quotes[q].start:d.quotes[q].end].split()) >= _BARE_QUOTE_WORDS:
        return m - 1  # 'Trump declared "I think NATO may be obsolete."': the quote right after the verb
    for m in range(end, min(b, end + 8)):
        if t.words[m] == ":":
            return m
        if t.lowers[m] in d.lex.complementisers or t.quote_of[m] >= 0:
            return None
    return None


def comma_after_adjunct(d: Discourse, m: int, b: int) -> int | None:
    """The comma before a quote after a short phrase that opens with a preposition or is the
    addressee ("in a statement", "of the museum", "me"): the verb introduces that quote."""
    t, lex = d.t, d.lex
    fw = lex.fw
    if m >= b or not (t.lowers[m] in fw["stop_prepositions"] or t.lowers[m] in fw["np_prepositions"]
                      or t.lowers[m] in lex.h.get("addressees", ())):
        return None
    for x in range(m + 1, min(b - 1, m + _ADJUNCT_WORDS)):
        if t.words[x] == ",":
            return x if d.quote_starting_at(x + 1) is not None else None
        if not t.is_word(x) and t.words[x] not in ("'s", "’s") or t.lowers[x] in lex.complementisers \
                or t.lowers[x] in fw["auxiliaries"] or d.is_reporting(x):
            return None
    return None


@rule("verb_colon")
def colon_claims(d: Discourse, b: int, colon: int, src: Src | None, cue: Cue, entry: VerbEntry, k: int) -> bool:
    q = d.quote_starting_at(colon + 1)
    if q is not None:
        return d.direct(q, src, cue) is not None
    return d.add_claim(colon + 1, b, src, cue, "indirect", entry, d.t.lowers[k]) is not None


def blocked(d: Discourse, a: int, b: int, k: int, end: int) -> bool:
    """A reporting verb form that reports nothing here, whatever rule would take it."""
    t, lex = d.t, d.lex
    ing = d.lang.participle_suffix
    if k > a and t.lowers[k - 1] in lex.passive_aux and end < b and t.lowers[end] == "to" \
            and not (ing and t.lowers[k].endswith(ing)):
        return True  # "is said to", "was told to": a hedge or an order, not a report ("is promising to" is one)
    if end + 1 < b and t.lowers[end] in lex.fw.get("infinitive_markers", ()) and t.lowers[end + 1] in lex.fw["auxiliaries"] \
            and all(e.certainty == "certain" for e in lex.verb(t.lowers[k])):
        return True  # "may prove to be a passing phase": a copula, not a finding
    if comparative_subject(d, a, k):
        return True  # "moeilijker dan veel Nederlanders denken": a comparison, no report
    return k > a and t.lowers[k - 1] in lex.passive_aux \
        and any(w in lex.fw["negations"] for w in t.lowers[max(a, k - 4):k]) \
        and not any(w in lex.passive_agent for w in t.lowers[a:b])  # "kon niet worden bevestigd": a hedge


def comparative_subject(d: Discourse, a: int, k: int) -> bool:
    """The verb at k closes a comparative clause: "dan" and a short subject right before it
    ("dan veel mensen denken", "dan ze doen voorkomen"), a comma-free stretch of at most five
    words, after a clause of at least three words ("Meer dan de helft zegt" is a subject)."""
    t, words = d.t, d.lex.fw.get("comparative_words", ())
    lead = d.skip_lead(a, k)
    for m in range(k - 1, max(a - 1, k - 7), -1):
        if t.words[m] in (",", ";", ":") or t.quote_of[m] >= 0:
            return False
        if t.lowers[m] in words:
            return m < k - 1 and m - lead >= 3
    return False


def object_end(d: Discourse, start: int, stop: int) -> int:
    """An object claim ends before a coordinated verb: "bepleit de norm en is blij met ..."."""
    t, lex = d.t, d.lex
    for m in range(start + 1, stop - 1):
        if t.lowers[m] in lex.coordinators and t.quote_of[m] < 0 and (
                t.lowers[m + 1] in lex.fw["auxiliaries"] or t.lowers[m + 1] in lex.verbs
                or t.lowers[m + 1] in lex.h.get("copulas", ())):
            return m
    return stop


@rule("reporting_verb")
def report(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    """X zegt dat CLAIM / X said CLAIM / X zegt: CLAIM, after the tag-like rules declined."""
    t = d.t
    comp = complement.find_complement(d, k, end, b)
    colon = find_colon(d, end, b) if comp is None else None
    if comp is None and colon is None and entry.mode == "complement":
        bare = complement.bare_clause(d, end, b)
        comp = bare - 1 if bare is not None else None  # "acknowledged it was unlikely": as if "that" stood before it
        if comp is None and not entry.takes_object and complement.te_clause(d, end, b):
            comp = end - 1  # "belooft de school open te houden": the te-infinitive is the claim
    lead = d.skip_lead(a, b)
    if comp is None and colon is None and d.lang.verb_second and k - 2 >= a and t.words[k - 1] == "," \
            and d.in_claimed(k - 2):
        return False  # "Volgens X ..., zei hij gisteren": the tag of a claim already made
    if comp is None and colon is None and lead + 1 == k and t.lowers[lead] in d.lex.retro_pronouns:
        return False  # "Dat melden ingewijden aan de krant." whose sentence before is taken: no bare claim
    if comp is None and colon is None and introduced_quote.introduces(d, a, b, k, end):
        d.intro = (a, b, k, end)  # a quote opening the next sentence is this speaker's
        if introduced_quote.speaker_after_quote(d, a, b, k, end):  # "‘...’ De burgemeester zucht."
            return True
        if not entry.takes_object:
            return False  # "X bepleit de norm.": an object verb's short sentence is its claim

    if comp is None and colon is None and entry.mode != "always" and not entry.certainty \
            and not entry.takes_object:
        return False
    if comp is None and colon is None and entry.mode == "complement" and entry.lemma in d.lex.strict_complement:
        return False
    if colon is None and entry.mode == "colon":
        return False
    found, src = speakers.vetted_subject(d, a, b, k, end)
    if not found or (src is not None and src.j - src.i == 1
                     and t.lowers[src.i] in d.lex.fw.get("existential_subjects", ())):
        return False  # "dat er een set eisen komt": existential er speaks for no one; "eisen" is a noun
    cue = Cue(k, end)
    if colon is not None:
        return colon_claims(d, b, colon, src, cue, entry, k)
    bare = max(end, src.j) if src is not None and src.i >= end else end
    if comp is None and t.lowers[k] in d.lex.h.get("addressee_verbs", ()):
        bare = skip_addressee(d, bare, b)  # "told reporters the president would sign"
    start = comp + 1 if comp is not None and not entry.takes_object else bare_start(d, bare, b)
    if start is not None and comp == end - 1 and src is not None and end <= src.i < src.j < b \
            and t.lowers[src.j] not in d.lex.complementisers:
        start = src.j  # "Daarnaast adviseert het CPB de toets af te nemen": the subject after the verb
    if start is None:
        return False
    while entry.takes_object and start < b - 1 and t.lowers[start] in entry.particle + entry.requires:
        start += 1  # "roept op tot een staking", "dringt aan op X": the particles are no part of the claim
    stop = d.claim_end(start, b)
    if entry.mode != "always" and stop + 1 < b and t.words[stop] == "," and d.is_reporting(stop + 1) \
            and t.quote_of[stop + 1] < 0:
        return False  # "De bewoners willen dat X, zegt Kok.": the tag's claim is the whole clause
    if entry.takes_object:
        stop = object_end(d, start, stop)
    stop = fronted_clause_end(d, a, b, k, start, stop)
    if relative_before(d, a, k):  # "Clinton, who has said X, spoke": the clause ends at its comma
        stop = next((m for m in range(start, stop) if t.words[m] == "," and t.quote_of[m] < 0), stop)
    found = False
    for i, j in coordinated_clauses(d, start, stop):
        found = d.add_claim(i, j, src, cue, "indirect", entry, t.lowers[k]) is not None or found
    return found


def relative_before(d: Discourse, a: int, k: int) -> bool:
    """The verb at k opens a comma-set relative clause (", who has long demanded")."""
    t, fw = d.t, d.lex.fw
    m = k - 1
    while m > a and (t.lowers[m] in fw["auxiliaries"] or t.lowers[m] in fw.get("verb_adverbs", ())
                     or t.lowers[m] in ("'s", "’s")):  # ", who's called for": a contracted "has"
        m -= 1
    return m > a and t.lowers[m] in fw["relative_pronouns"] and t.words[m - 1] == ","


def fronted_clause_end(d: Discourse, a: int, b: int, k: int, start: int, stop: int) -> int:
    """"When the firm signaled that it would sell, Mr. Barrett said ...": a reporting verb inside
    a fronted adverbial clause reports up to the comma that closes that clause, not the main one."""
    t, fw = d.t, d.lex.fw
    lead = d.skip_lead(a, b)
    if lead + 1 < k and t.lowers[lead] == "even":
        lead += 1  # "Even if", "Even though"
    if t.lowers[lead] not in fw.get("adverbial_subordinators", ()) \
            or any(t.words[m] == "," and t.quote_of[m] < 0 for m in range(lead, k)):
        return stop
    return next((m for m in range(start + 1, stop) if t.words[m] == "," and t.quote_of[m] < 0), stop)


def coordinated_clauses(d: Discourse, start: int, stop: int) -> list[tuple[int, int]]:
    """"zei dat A, en dat B": one claim per reported clause, never one running into the next."""
    t, lex = d.t, d.lex
    out, i = [], start
    for m in range(start + 1, stop - 1):
        if t.lowers[m] in lex.fw.get("complement_coordinators", ()) and t.lowers[m + 1] in lex.complementisers \
                and t.quote_of[m] < 0:
            out.append((i, m - 1 if t.words[m - 1] == "," else m))
            i = m + 2
    out.append((i, stop))
    return out

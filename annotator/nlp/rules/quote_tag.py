"""The quote tag: '...', aldus X / CLAIM, zegt X / "...," she said (the claim comes first)."""

from __future__ import annotations

from annotator.nlp import sourcetype, speakers
from annotator.nlp.discourse import _TRAIL, Cue, Discourse, Src, rule
from annotator.nlp.lexicon import VerbEntry
from annotator.nlp.nounphrase import np_right
from annotator.nlp.rules import according_to
from annotator.nlp.tokens import CLOSE_MARKS


@rule("quote_tag")
def tag(d: Discourse, a: int, b: int, ci: int, cj: int, entry: VerbEntry | None) -> bool:
    """"...", aldus X / CLAIM, zegt X / "...," she said: the claim comes first."""
    t, lex = d.t, d.lex
    boundary, src_span = ci - 1, None
    if boundary > a and t.lowers[boundary] in lex.fw.get("tag_particles", ()):
        boundary -= 1  # "..., zo zegt X" / "..., zo deelt X mee"
    if entry is not None and entry.takes_object and cj == ci + 2 and t.lowers[ci + 1] in entry.particle:
        return False  # "X, de organisatie achter de actie, spreekt van een inbreuk": the particle opens the object
    if entry is not None:  # a verb cue (not a tag word such as aldus): where is its speaker?
        found = d.lang.tag_speaker(d, a, ci, boundary)
        if found is None:
            return False
        boundary, src_span = found
    if boundary <= a or not (t.words[boundary] == "," or t.words[boundary][-1:] in CLOSE_MARKS):
        return False
    if t.words[boundary] != "," and t.text[t.starts[boundary] - 1] not in ",.!?…" \
            and not (boundary + 1 < ci and t.words[boundary + 1] == ",") and not whole_quote(d, a, b, boundary):
        return False  # "used ‘personal’ phones but stressed": a quoted word, not a tag
    relative_end = apposition_before(d, a, boundary)
    if relative_end and not d.lang.verb_second:
        return False
    q = d.quote_ending_at(boundary + 1 if t.words[boundary] != "," else boundary)
    if entry is not None and entry.mode == "object" and (q is None or src_span is None):
        return False  # "X, the top Democrat, called on Y to ...": an object verb tags only '"...," she urged'
    ing = d.lang.participle_suffix
    if src_span is None and entry is not None and ing is not None and t.lowers[ci].endswith(ing):
        return False  # "..., shouting profanities as she ...": a participle has no speaker after it
    if src_span is None:
        src_span = speakers.speaker_after(d, cj, b)
        if src_span and d.lang.tag_may_report_clause and any(
                t.lowers[m] in lex.fw.get("finite_verbs", ()) for m in range(src_span[0] + 1, src_span[1])):
            return False  # ", said profits fell": a reported clause, not a speaker after the verb
        if src_span and d.lang.tag_may_report_clause and not speaker_like(d, src_span[0]):
            return False  # "..., declared bankruptcy": a bare noun after the verb is its object
    if not src_span:
        return False
    if t.is_cap(src_span[0]) and src_span[1] + 1 < b and t.is_cap(src_span[1] + 1):
        both = according_to.coordinated(d, src_span, b)  # "..., zeggen Jan en Marie Bakker."
        if both[1] >= b or t.words[both[1]] in _TRAIL:  # (not "..., zegt Kok en De Vries knikt.")
            src_span = both
    after_src = past_parenthesis(d, max(src_span[1], cj), b)  # "..., vult Kok (16) aan."
    if entry is not None and entry.particle:
        fill = after_src
        while fill < b and t.lowers[fill] in lex.fw.get("particle_fillers", ()):
            fill += 1  # "..., voegt de woordvoerder daaraan toe."
        if fill < b and t.lowers[fill] in entry.particle:
            after_src = fill + 1  # "‘...’, houdt de burgemeester vol."
    if t.lowers[ci] in lex.h.get("addressee_verbs", ()) and after_src == cj:
        addressee = np_right(lex, t, cj, b)  # "..., three sources told Reuters."
        after_src = addressee[1] if addressee else after_src
    after_src = past_parenthesis(d, after_src, b)  # "..., zegt wethouder Kok (CDA)."
    if relative_end and not closing_speaker(d, src_span, after_src, b):
        return False  # "Greaves, die het fonds leidde, ontkent alles": the comma closed a relative clause
    if q is None and not tag_rest_ok(d, after_src, b):
        return False
    if q is None and after_src < b and t.words[after_src] == ":" and not has_verb(d, a, boundary):
        return False  # "Bij de presentatie, zei ze: ‘...’": no claim before the tag; the colon rule reads it
    if q is not None and partial_quote(d, a, q):
        q = None  # "Akkoord ‘binnen handbereik’, meldt X": a quoted phrase in a paraphrase
    if q is None and name_with_apposition(d, d.clause_start(a, boundary), boundary):
        return False  # "Kok (39), directeur van X, noemt het ...": the subject and its apposition
    src = d.add_source(src_span, d.tail(src_span[1]))
    cue = Cue(ci, cj)
    if q is not None:
        if d.direct(q, src, cue) is not None and src is not None:
            open_quote_before(d, q, src)
    else:
        start = d.clause_start(a, boundary)
        if only_a_name(d, start, boundary) or fronted_adverbial(d, start, boundary):
            return False  # "John Smith, a spokesman for X, said ...": an apposition
        d.add_claim(start, boundary, src, cue, "indirect", entry, t.lowers[ci])
    nxt = after_src
    while nxt < b and (t.lowers[nxt] in lex.fw["time_words"] or t.words[nxt] in (",", ":")
                       or (nxt > after_src and t.words[nxt - 1] == "," and t.lowers[nxt] in lex.coordinators)):
        nxt += 1  # ('"...," she said, and "I had to step back."': the quote after is hers too)
    q2 = d.quote_starting_at(nxt)
    if q2 is not None and (t.words[after_src:nxt].count(",") or t.words[after_src:nxt].count(":")):
        d.direct(q2, src, cue)
    return True


@rule("tag_after_quote")
def tag_opening(d: Discourse, a: int, b: int, k: int) -> bool:
    """A tag cue opening its own sentence reports the sentence before it."""
    if d.prev_sentence is None:
        return False
    src = d.add_source(speakers.speaker_after(d, k + 1, b))
    if src is None:
        return False
    pa, pb = d.prev_sentence
    cue = Cue(k, k + 1)
    if d.overlaps_claim(pa, pb):
        return d.relink(pa, pb, src, cue)
    return d.add_claim(d.skip_lead(pa, pb), pb, src, cue, "indirect") is not None


def speaker_like(d: Discourse, m: int) -> bool:
    """A phrase after a tag verb names a speaker when it opens with a name, an article or other
    determiner, a pronoun or a source noun ("said the mayor", "said Ruiz", "said officials")."""
    t, lex = d.t, d.lex
    w = t.lowers[m]
    return t.is_cap(m) or w in lex.fw["determiners"] or w in d.pronouns or w[:1].isdigit() \
        or sourcetype.known_source_word(lex, w) or sourcetype.known_source_word(lex, w.removesuffix("s"))


def apposition_before(d: Discourse, a: int, boundary: int) -> bool:
    """"Greaves, who ran the charity, denies ...": the comma closes an apposition."""
    t, lex = d.t, d.lex
    if t.words[boundary] != ",":
        return False
    p = next((m for m in range(boundary - 1, a, -1) if t.words[m] == "," and t.quote_of[m] < 0), None)
    if p is None or p + 1 >= boundary:
        return False
    first = t.lowers[p + 1]
    if any(t.words[m] in ("-", "—", "–") for m in range(p + 2, boundary)):
        return False  # "The officer, who was on leave - was not armed, police said": the clause closed at the dash
    return first in lex.fw["relative_pronouns"] or first[:1].isdigit()


def closing_speaker(d: Discourse, span: tuple[int, int], after: int, b: int) -> bool:
    """A pronoun or a name right after the verb that ends the sentence: "CLAIM, die ..., zegt ze."
    is a tag even though the claim ends in a relative clause."""
    t = d.t
    return (after >= b or t.words[after] in (".", "!", "?")) \
        and (t.lowers[span[0]] in d.pronouns or t.is_cap(span[0])) \
        and t.lowers[span[0]] not in d.lex.h.get("empty_subjects", ())


def only_a_name(d: Discourse, start: int, boundary: int) -> bool:
    t, fw = d.t, d.lex.fw
    finite = fw.get("finite_verbs", ())
    ed = d.lang.past_participle_suffix
    if boundary - start >= 2 and any(
            not t.is_cap(m) and (t.lowers[m] in finite or t.lowers[m] in fw["auxiliaries"]
                                 or (ed is not None and t.lowers[m].endswith(ed) and len(t.lowers[m]) > 4
                                     and t.words[m - 1] != ","))
            for m in range(start + 1, boundary)):
        return False  # "Shares fell, Bloomberg reported": a clause, not a name before its apposition
    span = np_right(d.lex, t, start, boundary)
    return boundary - start < 3 or (span is not None and span[1] >= boundary and boundary - start < 6)


def name_with_apposition(d: Discourse, start: int, boundary: int) -> bool:
    """"Haico Kok (39), directeur van de school, noemt ...": a name, a comma and a noun phrase
    up to the comma before the verb is a subject with its apposition, not a claim."""
    t, lex = d.t, d.lex
    commas = [m for m in range(start + 1, boundary) if t.words[m] == "," and t.quote_of[m] < 0]
    if len(commas) != 1 or not t.is_cap(start) or has_verb(d, start, boundary):
        return False
    if not any(t.is_cap(m) and t.lowers[m] not in lex.fw["determiners"] for m in range(start, commas[0])):
        return False  # "De bouw van de brug, een project van jaren, ...": no name before the comma
    name = np_right(lex, t, start, commas[0])
    role = np_right(lex, t, commas[0] + 1, boundary)
    role_noun = role is not None and t.lowers[role[0]] in lex.src["person_nouns"]  # "directeur van X en Y"
    return name is not None and past_parenthesis(d, name[1], commas[0]) == commas[0] \
        and role is not None and role[0] == commas[0] + 1 and (role[1] == boundary or role_noun)


def fronted_adverbial(d: Discourse, start: int, boundary: int) -> bool:
    """ "In a statement, Obama condemned ...", "Despite the tests, ...": a short phrase that opens
    with a preposition and has no finite verb is the sentence's adverbial, not a claim (only
    where the lexicon lists finite verbs)."""
    t, fw = d.t, d.lex.fw
    finite = fw.get("finite_auxiliaries", set()) | fw.get("finite_verbs", set())
    first = t.lowers[start]
    if not finite or boundary - start > 14 or not (
            first in fw["stop_prepositions"] or first in fw["np_prepositions"] or first in fw.get("adverbial_openers", ())):
        return False
    return not any((t.lowers[m] in finite and t.words[m] not in ("'s", "’s"))
                   or (d.is_reporting(m) and t.lowers[m - 1] not in fw["determiners"]) for m in range(start, boundary))


def partial_quote(d: Discourse, a: int, q: int) -> bool:
    """True when words of the journalist come before the quote in its clause."""
    t = d.t
    opening = t.first_at_or_after(d.quotes[q].open)
    start = d.clause_start(a, opening)
    words = sum(t.is_word(m) for m in range(start, opening))
    return words >= 2 and not any(t.words[m] in (":", ",") for m in range(start, opening))


def tag_rest_ok(d: Discourse, m: int, b: int) -> bool:
    """After "CLAIM, zegt X" only adverbials may follow (tegen Sporza, on Thursday, ...)."""
    t, lex = d.t, d.lex
    if m >= b or (t.words[m] in _TRAIL and t.words[m] != ":"):
        return True
    if t.words[m] == ":" and d.lang.verb_second and d.quote_starting_at(m + 1) is not None:
        return True  # "CLAIM, zegt X: ‘...’" (the speaker after its verb): the quote after is the speaker's too
    w = t.lowers[m]
    stop = next((x for x in range(m, b - 1) if t.words[x] == "," and d.is_reporting(x + 1)), b)
    if any(x in lex.complementisers for x in t.lowers[m:stop]):
        return False  # (", adding that ...": a second report of the same speaker may follow)
    if w in lex.fw["relative_pronouns"] and w not in lex.complementisers and d.lang.verb_second:
        return True  # "..., stellen de partijen die niet in het college zitten."
    if t.words[m - 1] == ")" and w in lex.fw["np_prepositions"]:
        return True  # "..., aldus Els Mulder (58) van de bewonersgroep."
    return (w in lex.fw["stop_prepositions"] or w in lex.fw["time_words"]
            or w in lex.fw["conjunctions"] or w in lex.channel_prepositions)


def past_parenthesis(d: Discourse, m: int, b: int) -> int:
    """Past a short bracketed aside after the speaker: "(CDA)", "(45)", "(D-Ohio)"."""
    t = d.t
    if m >= b or t.words[m] != "(":
        return m
    close = next((x for x in range(m + 1, min(b, m + 8)) if t.words[x] == ")"), None)
    return close + 1 if close is not None else m


def has_verb(d: Discourse, a: int, boundary: int) -> bool:
    """A finite verb or auxiliary between a and boundary: a clause, not a fronted phrase."""
    t, fw = d.t, d.lex.fw
    return any(t.lowers[m] in fw["auxiliaries"] or t.lowers[m] in fw.get("finite_verbs", ())
               for m in range(a, boundary) if t.quote_of[m] < 0)


def whole_quote(d: Discourse, a: int, b: int, boundary: int) -> bool:
    """A quote of three words or more that opens the sentence and closes at `boundary`
    ("‘De brug is te gevaarlijk’ zegt Kok."): a tag may follow it without a comma."""
    q = d.quote_ending_at(boundary + 1)
    return q is not None and q == d.quote_starting_at(d.skip_lead(a, b)) \
        and len(d.t.text[d.quotes[q].start:d.quotes[q].end].split()) >= 3


def open_quote_before(d: Discourse, q: int, src: Src) -> None:
    """A quote over paragraphs: ‘A.¶‘B’, aldus X. The unclosed, speakerless quotes of the
    paragraphs before, back to this one, are X's too."""
    k = q - 1
    while k >= 0 and not d.quotes[k].closed:
        quote = d.quotes[k]
        claim = next((c for c in reversed(d.claims[-12:]) if c.start == quote.start), None)
        if claim is None or claim.src is not None or claim.attribution != "direct":
            return
        claim.src = src
        k -= 1

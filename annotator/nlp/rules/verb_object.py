"""X called for CLAIM / X urged CLAIM (Y to Z) / X pledged CLAIM (to Z) / X condemned CLAIM:
a verb whose object is what the speaker demands, promises or says about it (issue 13.3).

Only verbs whose lexicon entry lists `objects` (cue_verbs.jsonl): `np` takes a noun-phrase
object, `to` a to-infinitive, `np_to` an object with its infinitive, `np_np` an object with
its predicate ("called the decision a mistake"). A "that" clause or a colon
after the verb is left to the reporting-verb rule. Refusals (declined, refused) are not listed:
they report an act, not a statement.
"""

from __future__ import annotations

from annotator.nlp import complement, speakers
from annotator.nlp.discourse import _TRAIL, Cue, Discourse, rule
from annotator.nlp.lexicon import VerbEntry
from annotator.nlp.rules.reporting_verb import find_colon, relative_before
from annotator.nlp.tokens import OPEN_MARKS

_POSSESSIVE = frozenset({"'s", "’s"})
_ASIDE_DASHES = frozenset({"--", "—", "–"})
_NP_TO_REACH = 10  # "urged [the leaders of both parties] to": how far the infinitive may follow


def infinitive_at(d: Discourse, m: int, b: int) -> bool:
    """A to-infinitive opens at m: "to" and a verb, not "to the voters"."""
    t, lex = d.t, d.lex
    if m + 1 < b and t.words[m + 1][:1] in OPEN_MARKS and t.quote_of[m + 1] < 0:
        m += 1  # 'to "really call out Russia"': the quote opens on the verb
    if m + 1 >= b or t.lowers[m] not in lex.fw.get("infinitive_markers", ()) and t.words[m][:1] not in OPEN_MARKS \
            or not t.is_word(m + 1):
        return False
    nxt = t.lowers[m + 1]
    headline = t.words[m] == "To" and m > 0 and t.is_word(m - 1)  # "Sanders Vows To Eliminate ..."
    return not ((t.is_cap(m + 1) and not headline) or nxt in lex.fw["determiners"] or nxt in lex.pronouns
                or nxt[:1].isdigit())


def object_start(d: Discourse, entry: VerbEntry, end: int, b: int) -> int | None:
    """Where the claim in the verb's object opens, or None when the words after it are none."""
    t, lex = d.t, d.lex
    m = end
    while m < b and t.lowers[m] in lex.fw["time_words"] and t.lowers[m] not in lex.fw["determiners"] \
            and (m + 1 >= b or t.words[m + 1] not in _POSSESSIVE):
        m += 1  # (but "condemned Friday's test": the day opens the object)
    if m + 1 >= b or not (t.is_word(m) or t.words[m][:1] in OPEN_MARKS):
        return None
    if "to" in entry.objects and infinitive_at(d, m, b):
        return m
    w = t.lowers[m]
    fw = lex.fw
    if w in fw.get("infinitive_markers", ()) or w in fw["stop_prepositions"] or w in fw["np_prepositions"] \
            or w in fw["subordinators"] or w in lex.coordinators or w in lex.complementisers \
            or w in fw["negations"]:
        return None  # "agreed to the deal", "attacked after the vote", "asked not to be named"
    if "np" in entry.objects:
        return m
    indefinite = fw.get("indefinite_articles", ())
    if "np_np" in entry.objects and w not in indefinite:
        for x in range(m + 1, min(b, m + _NP_TO_REACH)):  # "called the decision a huge win"
            if not t.is_word(x) and t.words[x] not in _POSSESSIVE \
                    or (t.lowers[x] in lex.verbs and t.lowers[x - 1] not in fw["determiners"]):
                break  # a verb ends the object ("the ruling" is a noun)
            if t.lowers[x] in indefinite and x + 1 < b and t.lowers[x + 1] not in fw.get("measure_nouns", ()):
                return m
    if "np_to" in entry.objects:
        for x in range(m + 1, min(b, m + _NP_TO_REACH)):
            if not t.is_word(x) and t.words[x] not in _POSSESSIVE:
                return None
            if infinitive_at(d, x, b):
                return m
    return None


def object_end(d: Discourse, start: int, stop: int) -> int:
    """An object ends before an adverbial clause ("... after she attacked the police"), before
    a coordinated verb of the same kind ("condemned the attack and blamed the police") and
    before a tag (", according to X")."""
    t, lex = d.t, d.lex
    adverbial = lex.fw.get("adverbial_subordinators", ())
    ing = d.lang.participle_suffix
    for m in range(start + 1, stop):
        if t.quote_of[m] >= 0:
            continue
        w = t.lowers[m]
        if w in adverbial or w in _ASIDE_DASHES:
            return m  # (and before a dash: "a list of endorsements -- most of whom had ...")
        x = m + 1
        while x < stop - 1 and (t.lowers[x] in lex.fw.get("verb_adverbs", ()) or t.lowers[x] in lex.fw["time_words"]):
            x += 1
        if w == "," and x < stop and (t.lowers[x] in lex.fw["relative_pronouns"]
                                      or (ing is not None and t.lowers[x].endswith(ing))):
            return m  # "the figure at the forum, further raising ...", "the annexation, which RT ..."
        if w in lex.coordinators and coordinated_verb(d, m + 1, stop):
            return m
        if w == "," and (tag_follows(d, m, stop) or d.speaker_opens(m + 1, stop)
                         or (m + 2 < stop and t.lowers[m + 1] in lex.fw["pronouns"])):
            return m  # (", he does not defend it": a clause of its own)
    return stop


def coordinated_verb(d: Discourse, m: int, stop: int) -> bool:
    """A second verb of the speaker after "and" ("... and blamed the police", "... and
    repeatedly says, ..."): an object verb or a reporting verb, after adverbs."""
    t, lex = d.t, d.lex
    while m < stop and (t.lowers[m] in lex.fw.get("verb_adverbs", ()) or t.lowers[m] in lex.fw["auxiliaries"]):
        m += 1  # "... but has said", "... and repeatedly says"
    if m >= stop:
        return False
    ed, w = d.lang.past_participle_suffix, t.lowers[m]
    nxt = t.lowers[m + 1] if m + 1 < stop else ""
    past = ed is not None and w.endswith(ed) and not t.is_cap(m) \
        and (nxt in lex.fw["determiners"] or nxt in lex.fw.get("infinitive_markers", ()))  # "and attempted to"
    return past or d.is_reporting(m) or any(e.objects for e in lex.verb(w))


def one_word_object(d: Discourse, m: int) -> bool:
    """"attacked Trump", "vowed consequences", "declared bankruptcy": one name or noun is a whole
    object; a pronoun or function word is not ("praised him")."""
    t, fw = d.t, d.lex.fw
    w = t.lowers[m]
    return t.is_word(m) and not w[:1].isdigit() and w not in d.pronouns and w not in fw["pronouns"] \
        and w not in fw["determiners"] and w not in fw["time_words"] and w not in d.lex.src.get("person_pronouns", ()) \
        and not any(w in fw[key] for key in ("stop_prepositions", "np_prepositions", "auxiliaries", "negations"))


def tag_follows(d: Discourse, m: int, b: int) -> bool:
    """", according to X" or ", X said" at the comma m: the tag of a report around the object
    ("Clinton plans to visit Ohio, according to an aide"), which its own rule reads."""
    t, lex = d.t, d.lex
    if lex.prepositions.match(t.lowers, m + 1, b):
        return True
    return any(e.mode == "always" for x in range(m + 1, min(b, m + 5)) for e in lex.verb(t.lowers[x]))


def contracted_has(d: Discourse, a: int, m: int) -> bool:
    """The 's at m follows a pronoun: "has" or "is", not a possessive ("he's sought", "who's called")."""
    w = d.t.lowers[m - 1] if m > a else ""
    return w in d.pronouns or w in d.lex.fw["relative_pronouns"]


@rule("verb_object")
def verb_object(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    t = d.t
    if not entry.objects or (k > a and t.lowers[k - 1] in _POSSESSIVE and not contracted_has(d, a, k - 1)):
        return False  # "Trump's plans to cut taxes": a noun (but "he's promoted", "who's called for")
    if entry.particle and t.lowers[end - 1] not in entry.particle:
        return False  # "called his mother for dinner": the particle must follow the verb
    if complement.find_complement(d, k, end, b) is not None or find_colon(d, end, b) is not None:
        return False  # "agreed that ...", "urged: ...": the reporting-verb rule reads those
    start = object_start(d, entry, end, b)
    if start is None:
        return False
    found, src = speakers.vetted_subject(d, a, b, k, end)
    if not found or (src is not None and src.i >= end):
        return False
    stop = object_end(d, start, d.claim_end(start, b))
    if relative_before(d, a, k):  # "the senator, who has pledged to cut taxes, spoke": the clause ends
        stop = next((m for m in range(start, stop) if t.words[m] == "," and t.quote_of[m] < 0), stop)
    while stop > start and t.words[stop - 1] in _TRAIL:
        stop -= 1
    name = t.char_span(start, stop) if stop - start == 1 and one_word_object(d, start) else None
    return d.add_claim(start, stop, src, Cue(k, end), "indirect", entry, t.lowers[k],  # "attacked Trump": one name
                       chars=name) is not None

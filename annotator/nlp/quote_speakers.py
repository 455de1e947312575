"""The speaker of a speakerless quote, named in the sentence before it ("Willem Bakker (67) woont
aan de dijk. '...'", "Ook over de plannen is Kok enthousiast. '...'")."""

from __future__ import annotations

from annotator.nlp import sourcetype
from annotator.nlp.discourse import Discourse, Src
from annotator.nlp.nounphrase import np_right


def named_before(d: Discourse) -> Src | None:
    """"Willem Bakker (67) woont aan de dijk. ‘...’": a full name opening the sentence before a
    speakerless quote is its speaker (cue null)."""
    if d.prev_sentence is None:
        return None
    t, lex = d.t, d.lex
    pa, pb = d.prev_sentence
    lead = d.skip_lead(pa, pb)
    span = np_right(lex, t, lead, pb)
    if not span or span[1] >= pb or d.overlaps_claim(pa, pb):
        return None
    names = [m for m in range(span[0], span[1]) if t.is_cap(m) and t.lowers[m] not in lex.fw["determiners"]]
    role = not names and pb - pa <= 8 and t.lowers[span[0]] in lex.fw["determiners"] \
        and t.lowers[span[1] - 1] in lex.src["person_nouns"]  # "Ook zijn buurman is ongerust."
    w = t.lowers[span[0]]
    if span[1] - span[0] == 1 and w in lex.src["person_pronouns"] and w in lex.fw["pronouns"] and span[0] == pa \
            and not (w in lex.src["group_pronouns"] and t.lowers[span[1]].endswith("en")):
        return d.add_source(span)  # "Hij woont al veertig jaar aan de dijk. ‘...’" (not "Ze hebben")
    known = bool(names) and names[-1] == span[1] - 1 and t.words[names[-1]] in d.surnames
    if not role and not known and (len(names) < 2 or names[0] > span[0] + 1):
        return None  # "De 45-jarige Kok", "Kok" once the text has named him: known names
    kind = sourcetype.classify(lex, t, span[0], span[1], d.surnames, span[1])
    return d.add_source(span) if kind in ("person", "anonymous") else None


def stance_before(d: Discourse) -> Src | None:
    """"Ook over de plannen is Kok enthousiast. ‘...’": a short sentence before a speakerless
    quote that ends in a copula, a named person after it (verb second) and stance words only
    gives the quote its speaker (cue null), as "Kok is stellig: ‘...’" does with a colon."""
    if d.prev_sentence is None:
        return None
    t, lex = d.t, d.lex
    pa, pb = d.prev_sentence
    end = pb
    while end > pa and not t.is_word(end - 1):
        end -= 1
    for m in range(pa + 1, end - 2):
        if t.lowers[m] not in lex.stance_copulas or t.quote_of[m] >= 0:
            continue
        span = np_right(lex, t, m + 1, end)
        while span and span[1] - span[0] > 1 and t.lowers[span[1] - 1] in lex.stance_words:
            span = (span[0], span[1] - 1)  # "Kok (enthousiast)": the stance word is no part of the name
        if not span or not t.is_cap(span[0]) or t.lowers[span[0]] in lex.fw["determiners"] or span[1] >= end:
            continue
        if all(t.lowers[x] in lex.stance_words or t.lowers[x] in lex.fw["time_words"] for x in range(span[1], end)) \
                and sourcetype.classify(lex, t, span[0], span[1], d.surnames, span[1]) in ("person", "anonymous"):
            return d.add_source(span)
    return None

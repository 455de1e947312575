"""A fronted judgement: "Spannend vindt Indi het wel." / "Zorgelijk noemt de wethouder dat."

Dutch puts the judgement first and the speaker after the verb; the object pronoun (het, dat, dit)
that the judgement is about follows the speaker, and only adverbs may come after it. The fronted
phrase is the claim (indirect), the phrase between the verb and the pronoun its speaker. The
verbs, pronouns and trailing adverbs are data (cues.json `fronted_judgement`).
"""

from __future__ import annotations

from annotator.nlp.discourse import Cue, Discourse, rule
from annotator.nlp.lexicon import VerbEntry
from annotator.nlp.nounphrase import np_right
from annotator.nlp.rules import quote_tag

_FRONT_REACH = 6  # words of the fronted judgement: "Een beetje spannend", "Best wel zorgelijk"
_SPEAKER_REACH = 10  # words between the verb and its object pronoun


@rule("fronted_judgement")
def fronted_judgement(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    t, lex, words = d.t, d.lex, d.lex.judgement
    if t.lowers[k] not in words.get("verbs", ()):
        return False
    lead = d.skip_lead(a, k)
    front = k - 1 if k - 1 > lead and t.words[k - 1] == "," else k  # "Belachelijk, vindt hij het."
    if not judgement_phrase(d, lead, front):
        return False
    obj = next((m for m in range(end + 1, min(b, end + _SPEAKER_REACH))
                if t.lowers[m].rstrip(".!?") in words["objects"]), None)  # (the tokenizer may keep "dat." whole)
    if obj is None or not (t.lowers[obj][-1] in ".!?" or only_trailers(d, obj + 1, b)):
        return False
    span = np_right(lex, t, end, obj)
    if span is None or quote_tag.past_parenthesis(d, span[1], obj) != obj:
        return False  # "Spannend vindt Indi van den Heuvel (16) het": the speaker fills the gap
    src = d.add_source(span, obj)
    return d.add_claim(lead, front, src, Cue(k, end), "indirect", entry, t.lowers[k],
                       chars=t.char_span(lead, front)) is not None  # (one word is a whole judgement)


def judgement_phrase(d: Discourse, lead: int, k: int) -> bool:
    """A few words before the verb that are no subject, clause or time phrase of their own."""
    t, fw = d.t, d.lex.fw
    if not 1 <= k - lead <= _FRONT_REACH or t.lowers[lead] in d.lex.retro_pronouns:
        return False  # "Dat vindt hij ook": the retro tag reads that
    plain = [m for m in range(lead, k) if t.quote_of[m] < 0 and t.is_word(m)]
    if any(t.words[m] in (",", ";", ":") for m in range(lead, k)) or not plain:
        return False
    closed = fw["pronouns"] | fw["auxiliaries"] | fw["time_words"] | fw["subject_fronting"] \
        | fw["stop_prepositions"] | fw["conjunctions"] | d.lex.complementisers
    if any(t.lowers[m] in closed or t.lowers[m] in d.lex.verbs for m in plain):
        return False  # "Daarom noemt ...", "Gisteren vond ...", "Op school vindt ...": no judgement
    return not any(t.is_cap(m) for m in plain[1:])  # "Jan Peeters vindt": a name is a subject


def only_trailers(d: Discourse, m: int, b: int) -> bool:
    """Nothing but adverbs between the object pronoun and the end of the sentence or a comma
    before an adverbial clause."""
    t, trailers = d.t, d.lex.judgement.get("trailers", ())
    while m < b and t.lowers[m].rstrip(".!?") in trailers:
        if t.lowers[m][-1] in ".!?":
            return True
        m += 1
    if m + 1 < b and t.words[m] == "," and t.lowers[m + 1] in d.lex.fw["clause_subordinators"]:
        return True  # "..., wanneer de verpleegkundige komt": an adverbial clause of its own
    return m >= b or t.words[m] in (".", "!", "?")

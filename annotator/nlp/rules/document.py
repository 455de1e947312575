"""Documents: "Uit X blijkt dat ..." / "..., staat in X" / "Dat staat in X"."""

from __future__ import annotations

from annotator.nlp import complement
from annotator.nlp.discourse import Cue, Discourse, rule
from annotator.nlp.lexicon import VerbEntry
from annotator.nlp.nounphrase import np_right


@rule("document")
def document(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    """Uit X blijkt dat ... / ..., staat in X / Dat staat in X."""
    t, lex = d.t, d.lex
    lead = d.skip_lead(a, b)
    after = end
    while after < b - 1 and t.lowers[after] in lex.fw["time_words"]:
        after += 1  # "..., bleek deze week uit X": a time phrase before the document
    if after + 1 < b and t.lowers[after] in lex.fw["determiners"] and t.lowers[after + 1] in lex.fw.get("time_nouns", ()) \
            and after + 2 < b and t.lowers[after + 2] in lex.document_prepositions:
        after += 2
    if t.lowers[lead] in lex.document_prepositions and lead < k:
        span = np_right(lex, t, lead + 1, k)
    elif after < b and t.lowers[after] in lex.document_prepositions:
        span = np_right(lex, t, after + 1, b)
    elif end + 2 < b and t.lowers[end] in lex.fw.get("document_particles", ()) \
            and t.lowers[end + 2] in lex.document_prepositions:  # "Dat komt naar voren uit X"
        span = np_right(lex, t, end + 3, b)
    else:
        return False
    if not span:
        return False
    comp = complement.find_complement(d, k, span[1] if span[1] > end else end, b)
    cue = Cue(k, end)
    if t.lowers[lead] in lex.retro_pronouns and lead + 1 == k:
        comp = None  # "Dat staat in een rapport dat ...": "dat" is a relative pronoun here
    if comp is not None:
        src = d.add_source(span)
        return d.add_claim(comp + 1, d.claim_end(comp + 1, b), src, cue, "indirect", entry,
                              t.lowers[k]) is not None
    if t.lowers[lead] in lex.retro_pronouns and d.prev_sentence:
        pa, pb = d.prev_sentence
        if d.overlaps_claim(pa, pb):
            return False
        src = d.add_source(span)
        return d.add_claim(pa, pb, src, cue, "indirect", entry, t.lowers[k]) is not None
    comma = k - 2 if k - 1 > a and t.lowers[k - 1] in lex.fw.get("tag_particles", ()) else k - 1
    if comma > a and t.words[comma] == ",":  # "..., (zo) blijkt uit X"
        src = d.add_source(span)
        return d.add_claim(d.clause_start(a, comma), comma, src, cue, "indirect", entry,
                              t.lowers[k]) is not None
    return False

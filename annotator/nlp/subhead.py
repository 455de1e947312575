"""A subhead glued to the sentence after it ("Chagrijn De coalitiefracties steunen ...",
"Geloofwaardig Daardoor is het van belang ..."): some article sources lose the line break
after a subhead, so one to five content words run into a sentence whose opener (an article,
pronoun or sentence adverb) is capitalised mid-sentence, where only names are. The rules read
the sentence from its opener; the subhead is left out.
"""

from __future__ import annotations

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.tokens import Toks

_REACH = 5  # words a subhead may have


def sentence_start(lex: Lexicon, t: Toks, a: int, b: int) -> int:
    """Where the sentence [a, b) opens once a glued subhead is left out (a when there is none)."""
    fw = lex.fw
    openers = fw.get("subhead_next_openers")
    if not openers or b - a < 4 or not t.is_cap(a):
        return a
    if _closed(lex, t.lowers[a]) or t.lowers[a] in openers:
        return a  # "Volgens De Hond", "In Den Haag": the sentence opens at a
    for p in range(a + 1, min(b - 2, a + _REACH + 1)):
        if not t.is_word(p) or t.quote_of[p] >= 0 or t.lowers[p] in lex.verbs or t.lowers[p] in fw["auxiliaries"]:
            return a
        if t.is_cap(p) and t.lowers[p] in openers:
            if t.lowers[p] in fw["articles"] and t.is_cap(p + 1):
                return a  # "Het Parool", "De Telegraaf": a name
            return p
    return a


def _closed(lex: Lexicon, w: str) -> bool:
    """A verb or function word: a subhead is made of content words."""
    fw = lex.fw
    return w in lex.verbs or w in fw["auxiliaries"] or w in fw["stop_prepositions"] or w in fw["np_prepositions"] \
        or w in fw["determiners"] or w in fw["pronouns"] or w in fw.get("surname_prefixes", ())

"""Noun-phrase edges without a parser: determiners, names, adjectives and "of"-phrases.

Scoring is by overlap, so an edge a word too long or short costs little; what matters is that a
phrase neither swallows the verb and claim nor stops before its head noun.
"""

from __future__ import annotations

from annotator.nlp.lang import hooks
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.tokens import Toks


def _adjective_like(lex: Lexicon, word: str) -> bool:
    """Dutch inflected adjectives end in -e (nieuwe, Amerikaanse); nouns in -ie (oppositie,
    politie) and the nouns our lists know are not adjectives."""
    listed = word in lex.fw.get("adjectives", ())  # uninflected before het-nouns: "een nieuw rapport"
    if not listed and (not lex.adjective_suffixes or not word.endswith(lex.adjective_suffixes) or word.endswith("ie")):
        return False
    src = lex.src
    return not (word in src["institution_nouns"] or word in src["person_nouns"]
                or word in src["document_nouns"] or word in src["anonymous_nouns"])


def ends_noun_phrase(lex: Lexicon, t: Toks, m: int) -> bool:
    """The word at m may end a noun phrase that a relative pronoun without a comma follows
    ("the police department which reported"): not a verb or function word ("said that")."""
    w, fw = t.lowers[m], lex.fw
    return t.is_word(m) and w not in lex.verbs and not any(
        w in fw[key] for key in ("auxiliaries", "stop_prepositions", "np_prepositions", "conjunctions",
                                 "determiners", "pronouns"))


def surname_prefix_at(lex: Lexicon, t: Toks, j: int) -> bool:
    """"zegt Van der Knaap", "Van Dijk": a capitalised surname prefix, not a preposition."""
    prefixes = lex.fw.get("surname_prefixes", ())
    return t.is_cap(j) and t.lowers[j] in prefixes and j + 1 < t.n \
        and (t.is_cap(j + 1) or t.lowers[j + 1] in prefixes)


def _stops(lex: Lexicon, t: Toks, j: int, first: bool) -> bool:
    lw = t.lowers[j]
    if t.quote_of[j] >= 0 or not t.is_word(j):
        return t.words[j] not in ("-", "&") or first
    if first:
        if surname_prefix_at(lex, t, j):
            return False
        return lw in lex.fw["stop_prepositions"] and lw not in lex.fw["determiners"]
    fw = lex.fw
    return (
        lw in lex.complementisers or lw in fw["relative_pronouns"] or lw in fw["conjunctions"]
        or lw in fw["time_words"]
        or ((lw in fw["auxiliaries"] or lw in lex.verbs) and not t.is_cap(j)  # "Theresa May"
            and t.lowers[j - 1] not in fw["articles"])  # "a report", "the claims": nouns
        or lw in lex.tags or (lw in fw["stop_prepositions"] and lw not in fw["np_prepositions"])
        or (lw in lex.prepositions.by_first and lex.prepositions.match(t.lowers, j, j + 3) is not None)
    )


def np_right(lex: Lexicon, t: Toks, i: int, end: int) -> tuple[int, int] | None:
    """The noun phrase starting at token `i` (not past `end`), as a token range."""
    if i >= end:
        return None
    if t.lowers[i] in lex.fw["pronouns"] and t.lowers[i] not in lex.fw["determiners"]:
        return i, i + 1
    j, saw_noun, saw_word = i, False, False
    limit = min(end, i + lex.max_np)
    dutch = hooks(lex.lang).compound_nouns
    src, adverbs = lex.src, lex.fw.get("np_adverbs", ())
    while j < limit:
        lw = t.lowers[j]
        if saw_word and lw in lex.fw["articles"] and j + 1 < end and not t.is_cap(j + 1) \
                and t.lowers[j - 1] not in lex.fw["np_prepositions"]:
            break  # "told the newspaper the phone was ...": a second phrase begins
        if j > i and lw in lex.fw["np_prepositions"]:
            if not _np_follows(lex, t, j + 1, end):
                break
            j, saw_noun = j + 1, False
            continue
        if j == i and lw in lex.fw.get("genitive_articles", ()) and j + 1 < end and t.is_word(j + 1):
            j += 2  # a Dutch genitive and its noun modify the head: "'s lands rekenmeester"
            continue
        if j > i and lw in ("'s", "’s", "'", "’") and j + 1 < end and t.is_word(j + 1):
            j += 1  # English possessive: "Tarvonia's main opposition party"
            continue
        hit = lex.np_connectors.match(t.lowers, j, end) if j > i and lw in lex.np_connectors.by_first else None
        if hit and lw in lex.fw["conjunctions"]:  # "B en W", "burgemeester en wethouders": one name
            j += hit[0]
            continue
        if _stops(lex, t, j, j == i):
            break
        if hit:
            j += hit[0]
            continue
        if lw in lex.fw["determiners"] or lw in adverbs:
            j += 1
            continue
        if t.words[j][:1].isdigit() and ("," in t.words[j] or "." in t.words[j]) and j > i:
            break  # "volgens het CPB 1,6 procent": an amount, no part of the name
        if dutch and saw_noun and not t.is_cap(j) and not t.words[j][:1].isdigit():
            break  # Dutch compounds are one word: two lower-case nouns in a row end the phrase
        if dutch and (j - 1 > i or (j - 1 == i and i > 0 and t.is_word(i - 1))) and t.is_cap(j - 1) \
                and not t.is_cap(j) and t.is_word(j) \
                and not t.words[j][:1].isdigit() and lw not in lex.fw.get("surname_prefixes", ()) \
                and not _adjective_like(lex, t.lowers[j - 1]):
            break  # "Piet Jansen woont ...": a lower-case word after a name is no part of it
        saw_word = True
        modifier = dutch and j + 1 < end and (t.lowers[j + 1] in src["person_nouns"]
                                             or t.lowers[j + 1] in src["institution_nouns"])
        if not (dutch and _adjective_like(lex, lw) and not t.is_cap(j)) and not modifier:
            saw_noun = saw_noun or not t.is_cap(j)  # "demissionair minister": a modifier
        j += 1
    return (i, j) if j > i else None


def _np_follows(lex: Lexicon, t: Toks, j: int, end: int) -> bool:
    if j >= end or t.quote_of[j] >= 0 or not t.is_word(j):
        return False
    lw = t.lowers[j]
    if lw in lex.fw["determiners"] or t.is_cap(j):
        return True
    return not (lw in lex.verbs or lw in lex.fw["auxiliaries"] or lw in lex.fw["time_words"]
                or lw in lex.complementisers)


def trim_np(lex: Lexicon, t: Toks, span: tuple[int, int]) -> tuple[int, int]:
    """Drop trailing prepositions or determiners a scan may have left at the end."""
    i, j = span
    while i < j - 1 and t.lowers[i] in lex.fw["conjunctions"]:
        i += 1  # ", and bond strategists warned"
    paren = next((m for m in range(i + 1, j) if t.words[m] == "("), None)
    if paren is not None:
        j = paren  # "the Inspectorate of Constabulary (HMIC": the acronym is not needed
    adverbs = lex.fw.get("verb_adverbs", ())
    while j > i + 1 and (t.lowers[j - 1] in lex.fw["determiners"]
                         or t.lowers[j - 1] in lex.fw["np_prepositions"] or not t.is_word(j - 1)
                         or (t.lowers[j - 1] in adverbs and not t.is_cap(j - 1))):
        j -= 1  # "the mayor pointedly [refused]": the adverb belongs to the verb
    return i, j


def coordinated_np(lex: Lexicon, t: Toks, span: tuple[int, int] | None, stop: int,
                   to_punctuation: bool = False) -> tuple[int, int] | None:
    """Two speakers joined by "en" as one subject ("Van der Laan en Berghorst hopen", "hopen
    Rutgers en de gemeente"): `span` grows over the coordinator when a second phrase, opening
    with a name or a determiner, runs up to `stop` (the verb, or the end of the tag) with nothing
    but auxiliaries and adverbs between (`to_punctuation`: up to the first punctuation before
    `stop`). A pronoun or verb after "en" opens a clause of its own."""
    if span is not None and to_punctuation:
        stop = next((m for m in range(span[1], stop) if not t.is_word(m)), stop)
    if span is None or span[1] + 1 >= stop or t.lowers[span[1]] not in lex.fw.get("np_coordinators", ()):
        return span
    m = span[1] + 1
    if t.lowers[m] in lex.fw["pronouns"] or not (t.is_cap(m) or t.lowers[m] in lex.fw["determiners"]):
        return span
    second = np_right(lex, t, m, stop)
    fillers = lex.fw["auxiliaries"] | set(lex.fw.get("verb_adverbs", ()))
    if second is None or any(t.lowers[x] not in fillers for x in range(second[1], stop)):
        return span
    return span[0], second[1]

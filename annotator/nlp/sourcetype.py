"""Source type of a noun phrase: news_media, social_media, anonymous, document, institution,
person; pronouns are resolved later from the mentions before them.

The head of a Dutch or English noun phrase is its last noun before any "van/of"-phrase, so the
words are read right to left and the first one a list knows decides.
"""

from __future__ import annotations

from collections.abc import Container

from annotator.nlp.lang import hooks
from annotator.nlp.lexicon import NOUN_TYPE_LISTS, Lexicon
from annotator.nlp.nounphrase import surname_prefix_at
from annotator.nlp.tokens import Toks

PRONOUN = "pronoun"
_RANK = {label: n for n, (_, label) in enumerate(NOUN_TYPE_LISTS)}  # each list has its own label


def head_end(lex: Lexicon, t: Toks, i: int, j: int) -> int:
    """End of the head part of phrase [i, j): before its first "van"/"of"-phrase or participle."""
    lang = hooks(lex.lang)
    ed = lang.past_participle_suffix
    for k in range(i + 1, j):
        lw = t.lowers[k]
        if (lw in lex.fw["np_prepositions"] or lex.np_connectors.match(t.lowers, k, j)) \
                and not _name_prefix(lex, t, k, j):
            return k
        if lw in lex.passive_agent and t.lowers[k - 1] in lex.src["document_nouns"]:
            return k  # "a report by the institute": the report is the head
        if ed is not None and not t.is_cap(k) and (lw.endswith(ed) or lw in lang.head_participles):
            return k
    return j


def _name_prefix(lex: Lexicon, t: Toks, k: int, j: int) -> bool:
    """"Piet van der Laan": a surname prefix between a first name and a surname."""
    prefixes = lex.fw.get("surname_prefixes", ())
    if t.lowers[k] not in prefixes or not t.is_cap(k - 1):
        return False
    m = k + 1
    while m < j and t.lowers[m] in prefixes and not t.is_cap(m):
        m += 1
    return m < j and t.is_cap(m) and m + 1 == j


def _word_type(lex: Lexicon, w: str, prev: str | None) -> str | None:
    types = lex.noun_types
    label = types.get(w)
    if prev:
        pair = types.get(f"{prev} {w}")
        if pair is not None and (label is None or _RANK[pair] < _RANK[label]):
            return pair  # the pair is in a list tried before the word's
    return label


def known_source_word(lex: Lexicon, w: str) -> bool:
    """A word the lists type as a source noun ("onderzoekers", "gemeentebestuur")."""
    return _word_type(lex, w, None) is not None or _suffix_type(lex, w) is not None


def _suffix_type(lex: Lexicon, w: str) -> str | None:
    if len(w) < 5:
        return None
    for pattern, label in lex.suffix_patterns:
        if pattern.search(w):
            return label
    return None


def surname_with_prefix(lex: Lexicon, t: Toks, i: int, h: int) -> bool:
    """"zegt De Vries", "Ook Van der Laan": a capitalised surname prefix before a name, not
    opening the sentence (where "De Telegraaf" or "De Lijn" would be an article and a name)."""
    return any(surname_prefix_at(lex, t, k) and k > 0 and t.is_word(k - 1) for k in range(i, h - 1))


def _names_type(lex: Lexicon, t: Toks, i: int, h: int, surnames: Container[str]) -> str | None:
    caps = [k for k in range(i, h) if t.is_cap(k) and t.lowers[k] not in lex.fw["determiners"]]
    if not caps:
        return None
    inst = lex.src["institution_name_tokens"]
    if any(t.lowers[k] in inst for k in caps):
        return "institution"
    names = lex.src.get("institution_names", ())  # Shell, Hamas, Washington, Den Haag: capitalised only
    firsts = lex.inst_name_firsts
    for k in caps:
        lw = t.lowers[k]
        if lw in names or (lw in firsts and k + 1 < h and f"{lw} {t.lowers[k + 1]}" in names):
            return "institution"
    if len(caps) >= 2 or surname_with_prefix(lex, t, i, h):
        return "person"
    word = t.words[caps[0]]
    if word in surnames:
        return "person"
    is_org = getattr(surnames, "is_org", None)
    if is_org is not None and is_org(word):
        return "institution"
    if word.isupper() and len(word) <= 5:
        return "institution"  # acronyms: OM, GGD, NAVO
    lw = t.lowers[caps[0]]
    for pattern, label in lex.suffix_patterns:
        if label != "person" and len(lw) >= 5 and pattern.search(lw):
            return label  # Rabobank, Volkspartij, Staatsministerie
    # a lone capitalised word the lists do not know: `unknown_name_type` in sources.json
    # (English wire style: "Kovacs said" is a surname; Dutch bare names are more often places,
    # clubs and companies). Countries, metonyms and known organisations are in the lists.
    return lex.unknown_name_type


def classify(lex: Lexicon, t: Toks, i: int, j: int, surnames: Container[str], tail_end: int) -> str:
    """Type of the source phrase [i, j); tokens [j, tail_end) are its comma-set apposition."""
    if j - i == 1 and t.lowers[i] in lex.pronouns:
        return PRONOUN
    if j - i <= 4 and " ".join(t.lowers[i:j]) in lex.src.get("partitive_pronouns", ()):
        return PRONOUN  # "one of them", "een van hen": one of the group named before
    if _anonymous(lex, t, i, tail_end):
        return "anonymous"
    h = head_end(lex, t, i, j)
    media = lex.media_names.by_first
    for k in range(i, h):
        if t.words[k] in media and lex.media_names.match(t.words, k, h):
            return "news_media"
    for k in range(h - 1, i - 1, -1):
        if t.lowers[k] in lex.src["social_media_names"] and t.is_cap(k):
            return "social_media"
        found = _word_type(lex, t.lowers[k], t.lowers[k - 1] if k > i else None)
        if found:
            return found
    for k in range(h - 1, i - 1, -1):
        if not t.is_cap(k) or hooks(lex.lang).suffix_types_names:
            found = _suffix_type(lex, t.lowers[k])
            if found:
                return found
    kind = _names_type(lex, t, i, h, surnames) or "person"
    if kind == "person" and j - i == 1 and j + 1 < tail_end and t.words[j] == "," \
            and t.lowers[j + 1] in lex.src.get("thing_relatives", ()):
        return "institution"  # "Vantiq, which makes payment software, said"
    return kind


def _anonymous(lex: Lexicon, t: Toks, i: int, end: int) -> bool:
    markers = lex.anonymous_markers
    positions = t.candidates("anon", i, end) if t.has_index("anon") else \
        [k for k in range(i, end) if t.lowers[k] in markers.by_first]
    return any(markers.match(t.lowers, k, end) for k in positions)

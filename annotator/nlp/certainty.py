"""Certainty of a claim from the hedges inside it and the cue that reports it.

Rules (codebook and ../shared/prior-art.md): the lowest level found wins; a cue may set a level
(beweert/claims -> possible); zou/would is reportative (possible) unless it is a
future-in-the-past after a past-tense cue, or deontic/volitional (zou graag, zou moeten); a
modal kan/could under negation is ability, not a hedge.
"""

from __future__ import annotations

from annotator.nlp.lexicon import LEVEL_RANK, Lexicon
from annotator.nlp.tokens import Toks


def hedge_hits(lex: Lexicon, t: Toks, i: int, j: int) -> list[tuple[int, str]]:
    """(token index, level) for every hedge phrase in [i, j), skipping look-alikes."""
    out: list[tuple[int, str]] = []
    h = lex.h
    skip_to = i
    for k in t.candidates("hedge", i, j):
        if k < skip_to:
            continue
        skip = lex.not_hedges.match(t.lowers, k, j)
        if skip:
            skip_to = k + skip[0]
            continue
        hit = lex.hedges.match(t.lowers, k, j)
        if hit and hit[0] == 1 and k > i and t.is_cap(k) and t.is_word(k - 1) and t.lowers[k] in lex.fw["auxiliaries"]:
            continue  # "close in May", "Theresa May": a capitalised modal inside the claim is a name
        if hit:
            length, level = hit
            if not _cancelled(lex, t, k, i, j, h):
                out.append((k, str(level)))
            skip_to = k + length
    return out


def _cancelled(lex: Lexicon, t: Toks, k: int, i: int, j: int, h: dict) -> bool:
    w = t.lowers[k]
    if w in h["negation_cancels"]:
        after, stops = k + 1, h["conditional_markers"] | lex.fw.get("clause_subordinators", set())
        while after < min(j, k + 6) and t.words[after] not in (",", ";", ":") and t.lowers[after] not in stops:
            after += 1  # "kan in z'n eentje niet": the negation may come a few words later
        near = t.lowers[max(i, k - 3):after]
        return any(x in lex.fw["negations"] for x in near)
    if w in h.get("predicative_hedges", ()):
        before = t.lowers[max(i, k - 5):k]  # "is zo'n constructie alleen mogelijk": possible, not maybe
        nxt = t.lowers[k + 1] if k + 1 < j else "."
        predicative = not t.is_word(k + 1) if k + 1 < j else True
        predicative = predicative or nxt in h["copulas"] or nxt == "om" or nxt in lex.fw["stop_prepositions"] \
            or nxt in lex.fw["np_prepositions"]
        return predicative and any(x in h["copulas"] for x in before)
    if w in h["zou_words"]:
        following = t.lowers[k + 1:min(j, k + 3)]
        return any(x in h["zou_not_reportative_after"] for x in following)
    return False


def _perfect(lex: Lexicon, t: Toks, k: int, j: int) -> bool:
    """zou + perfect ("zou het geld hebben verduisterd", "zou zijn afgetreden"): reportative
    even after a past-tense cue, where a bare "zou komen" is a future in the past."""
    aux = lex.h.get("zou_perfect_auxiliaries", ())
    window = t.lowers[k + 1:min(j, k + 6)]
    for x, w in enumerate(window):
        if w in aux:
            near = window[max(0, x - 2):x + 2]
            return w == "hebben" or any("ge" in v[:5] for v in near if v != w)
    return False


_SENTENCE_ENDS = frozenset(".?!")
_CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "-", "(", ")"})


def in_subordinate(lex: Lexicon, t: Toks, i: int, k: int) -> bool:
    """The modal at k stands in a relative or adverbial clause inside the claim ("who could",
    "because it would", "before they could"): a `subordinate_openers` word (hedges.json) before
    it in the same comma-free stretch. Prior-art rule 1: a hedge counts only where it governs
    the claim."""
    openers = lex.h.get("subordinate_openers")
    aux = lex.fw["auxiliaries"]
    modals = lex.h.get("subordinate_modals") or aux  # Dutch: ability kan, not reportative zou
    if not openers or t.lowers[k] not in modals:
        return False  # only a modal verb belongs to its clause; "after he allegedly ..." is the reporter's
    for m in range(k - 1, i - 1, -1):
        w = t.lowers[m]
        if w in _CLAUSE_BREAKS or t.words[m] in _SENTENCE_ENDS or w in aux:
            return False  # "children who had been in contact might": the relative clause ended at its verb
        if w in openers and not (m == i and w in lex.fw["determiners"]):
            return True  # (not "Die strategie kan ...": a demonstrative opening the claim)
    return False


def claim_certainty(lex: Lexicon, t: Toks, i: int, j: int, cue_level: str | None,
                    past_cue: bool) -> str:
    """Certainty level of the claim on tokens [i, j)."""
    level = "certain"
    conditional = not lex.h["conditional_markers"].isdisjoint(t.lowers[i:j])
    for k, found in hedge_hits(lex, t, i, j):
        if in_subordinate(lex, t, i, k):
            continue  # "... doctors who could leak details": the modal hedges the relative clause, not the claim
        if t.lowers[k] in lex.h["zou_words"] and past_cue and not conditional and not _perfect(lex, t, k, j):
            continue  # future in the past: "zei dat hij zou komen"; not "zou hebben verduisterd"
        if LEVEL_RANK[found] > LEVEL_RANK[level]:
            level = found
    if cue_level and LEVEL_RANK[cue_level] > LEVEL_RANK[level]:
        level = cue_level
    return level


def quote_certainty(lex: Lexicon, t: Toks, i: int, j: int) -> str:
    """Certainty of a direct quote on tokens [i, j): a hedge sets it only in the quote's first
    sentence. A modal somewhere inside a long quote ("We won. We may lose some seats later.")
    hedges its own sentence, not everything the speaker is quoted as saying."""
    end = next((m for m in range(i, j) if t.words[m] in _SENTENCE_ENDS), j)
    level = claim_certainty(lex, t, i, max(end, min(j, i + 1)), None, False)
    if all(not t.is_word(m) for m in range(end + 1, j)):  # a one-sentence quote: "Ik vrees dat ..."
        opens = any(t.lowers[i:i + len(p.split())] == p.split() for p in lex.h.get("single_quote_probable", ()))
        if opens and LEVEL_RANK["probable"] > LEVEL_RANK[level]:
            level = "probable"
    return level

"""English: word-order facts as data and the hooks the rules call where English differs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.nlp import speakers
from annotator.nlp.lang import LangHooks
from annotator.nlp.nounphrase import np_right
from annotator.nlp.tokens import CLOSE_MARKS

if TYPE_CHECKING:
    from annotator.nlp.discourse import Discourse


def apposition_speaker(d: Discourse, a: int, ci: int) -> tuple[int, tuple[int, int]] | None:
    """English '"...," Medvedev, now the deputy head of the council, said': (mark, name); also
    with several appositions ('"...," Pruitt, the attorney general of Oklahoma, one of the
    states suing, said'), where the name must follow the closing mark."""
    t = d.t
    m = ci - 1
    if m <= a or t.words[m] != ",":
        return None
    p: int | None = m
    first = True
    while p is not None:
        p = next((x for x in range(p - 1, max(a, p - 30), -1) if t.words[x] == "," or t.quote_of[x] >= 0
                  or t.words[x][-1:] in CLOSE_MARKS
                  or (d.is_reporting(x) and not t.is_cap(x) and t.lowers[x - 1] not in d.lex.fw["determiners"])),
                 None)
        if p is None or t.words[p] != "," or t.quote_of[p] >= 0 or m - p > 45:
            return None
        s = p
        while s - 1 > a and (t.is_word(s - 1) or (t.words[s - 1] == "-" and t.starts[s - 1] == t.ends[s - 2])) \
                and p - s < 6 \
                and t.quote_of[s - 1] < 0:
            s -= 1  # ("Douglas Holtz-Eakin": a hyphen inside the name)
        if s < p and t.is_cap(s) and (t.words[s - 1][-1:] in CLOSE_MARKS
                                      or (first and t.words[s - 1] == ",")):
            return s - 1, (s, p)
        first = False
    return None


def relative_that(d: Discourse, m: int) -> bool:
    """English "that" followed straight by a verb opens a relative clause, not a report."""
    t, lex = d.t, d.lex
    w = t.lowers[m]
    return not t.is_cap(m) and (w in lex.fw["auxiliaries"] or w in lex.verbs
                                or w in lex.fw.get("relative_verbs", ()))


def tag_speaker(d: Discourse, a: int, ci: int, boundary: int) -> tuple[int, tuple[int, int] | None] | None:
    """English puts the speaker before the tag verb ('"...," the council has said'), or sets a
    name with its apposition there; None when the words before the verb are no speaker."""
    appos = apposition_speaker(d, a, ci)
    if appos is not None:
        return appos
    back = speakers.walk_back_speaker(d, a, ci)
    if back is None:
        return None
    if back + 1 < ci:
        if all(d.t.lowers[m] in d.lex.fw["auxiliaries"] for m in range(back + 1, ci)):
            return None  # '"wet end", are worried': a copula and an adjective, no tag
        return back, np_right(d.lex, d.t, back + 1, ci) or (back + 1, ci)
    return back, None


HOOKS = LangHooks(
    code="en", verb_second=False, relative_subject=True, subject_next_to_verb=True,
    parenthetical_tags=True, tag_may_report_clause=True, reportative_zou=False,
    participle_suffix="ing", past_participle_suffix="ed",
    compound_nouns=False, head_participles=frozenset({"seen", "shown"}), suffix_types_names=False,
    tag_speaker=tag_speaker, that_is_relative=relative_that, bare_clause_complement=True,
    headline_name_claims=True,
)

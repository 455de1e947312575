"""Dutch: word-order facts as data and the hooks the rules call where Dutch differs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.nlp.lang import LangHooks
from annotator.nlp.nounphrase import np_right

if TYPE_CHECKING:
    from annotator.nlp.discourse import Discourse


def inverted_tag(d: Discourse, a: int, ci: int) -> tuple[int, tuple[int, int]] | None:
    """Dutch "CLAIM, had X gezegd" / "CLAIM, zo heeft X laten weten": (comma, speaker)."""
    t, lex = d.t, d.lex
    for x in range(ci - 2, max(a, ci - 9), -1):
        if t.quote_of[x] >= 0 or t.words[x] in (",", ";", ":"):
            return None
        if t.lowers[x] in lex.fw["auxiliaries"]:
            comma = x - 1
            if comma > a and t.lowers[comma] in lex.fw.get("tag_particles", ()):
                comma -= 1
            if comma <= a or t.words[comma] != ",":
                return None
            span = np_right(lex, t, x + 1, ci)
            return (comma, span) if span and span[1] == ci else None
    return None


def tag_speaker(d: Discourse, a: int, ci: int, boundary: int) -> tuple[int, tuple[int, int] | None] | None:
    """Dutch puts the speaker after the tag verb, or after an auxiliary in "had X gezegd"."""
    inverted = inverted_tag(d, a, ci)
    return inverted if inverted is not None else (boundary, None)


def that_is_relative(d: Discourse, m: int) -> bool:
    return False  # Dutch relative clauses open with "die"/"dat" + verb-final: the complement rules tell them apart


HOOKS = LangHooks(
    code="nl", verb_second=True, relative_subject=False, subject_next_to_verb=False,
    parenthetical_tags=False, tag_may_report_clause=False, reportative_zou=True,
    participle_suffix=None, past_participle_suffix=None,
    compound_nouns=True, head_participles=frozenset(), suffix_types_names=True,
    tag_speaker=tag_speaker, that_is_relative=that_is_relative,
)

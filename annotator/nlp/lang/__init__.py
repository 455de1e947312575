"""What differs between the languages the rules read, one module per language (as spaCy's
`lang/` folders): facts about word order as data (`LangHooks` fields) and small hook functions
that the rules call where a construction needs language-specific handling. The rules in
`annotator/nlp/rules/` never test which language they read."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.nlp.discourse import Discourse

# (discourse, sentence start, cue index, boundary) -> (boundary, speaker span or None), or None
TagSpeaker = Callable[["Discourse", int, int, int], "tuple[int, tuple[int, int] | None] | None"]


@dataclass(frozen=True)
class LangHooks:
    code: str
    # finite verb second: after a fronted phrase the subject follows the verb ("Donderdag zei X")
    verb_second: bool
    # a comma-set relative clause can carry the report ("the Act, which says that ...")
    relative_subject: bool
    # the subject stands right before its verb (a phrase that does not reach it is not the subject)
    subject_next_to_verb: bool
    # a tag may be set inside its claim ("The decision, officials said, was final.")
    parenthetical_tags: bool
    # words after a tag verb may be a reported clause rather than a speaker (", said profits fell")
    tag_may_report_clause: bool
    # reportative zou continues the paragraph's speaker ("Hij zou het geld hebben verduisterd")
    reportative_zou: bool
    # the present participle of a reporting verb ("adding that"), which shares the tense before it
    participle_suffix: str | None
    # the past participle ending that marks a clause, not a name ("Shares dropped, X reported")
    past_participle_suffix: str | None
    # compounds are one word: two lower-case nouns in a row end a noun phrase ("de minister vanaf")
    compound_nouns: bool
    # irregular past participles that, like the suffix, end a phrase's head ("the footage shown")
    head_participles: frozenset[str]
    # noun suffixes type capitalised words too ("Gemeentebestuur", "Belastingdienst")
    suffix_types_names: bool
    # the speaker of a tag: Dutch inversion ("CLAIM, had X gezegd"), English walk-back
    tag_speaker: TagSpeaker
    # "that" opening a relative clause, not a report ("agreed a deal that would cut costs")
    that_is_relative: Callable[[Discourse, int], bool]


_HOOKS: dict[str, LangHooks] = {}


def hooks(code: str) -> LangHooks:
    """The hooks of language `code` ("nl", "en"), from `annotator/nlp/lang/<code>.py`."""
    if code not in _HOOKS:
        _HOOKS[code] = importlib.import_module(f"annotator.nlp.lang.{code}").HOOKS
    return _HOOKS[code]

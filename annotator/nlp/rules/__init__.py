"""The attribution rules, one module per construction, and the one list that orders them.

A sentence is read by `SENTENCE_RULES` in order; the cue rule reads each cue word and hands a
reporting verb to `VERB_RULES` in order, where the first rule that finds a claim wins. A rule
earlier in a list takes precedence over a later one: that is the whole precedence, written here
and nowhere else. Each rule is a function of the `Discourse` (annotator/nlp/discourse.py), the
state it reads and changes; language differences reach it through `d.lang`
(annotator/nlp/lang/).
"""

from __future__ import annotations

from annotator.nlp.discourse import Discourse
from annotator.nlp.rules import (
    as_clause,
    channels,
    colon_quote,
    colon_sentence,
    continuation,
    cues,
    document,
    embedded_post,
    frames,
    free_indirect,
    fronted_judgement,
    hedged,
    inserted_tag,
    noun_cue,
    parenthetical,
    quote_tag,
    reporting_verb,
    retro,
    stance,
    transcript,
    verb_object,
    whether,
)
from annotator.nlp.rules.base import Construction

VERB_RULES: tuple[Construction, ...] = (
    Construction("document", "a document verb: Uit X blijkt, staat in X, figures show",
                 document.document, modes=frozenset({"document"}), final=True),
    Construction("channel", "a sharing verb: deelde op Instagram, posted on X",
                 channels.share, modes=frozenset({"share"}), final=True),
    Construction("parenthetical_tag", "a tag inside its claim: The decision, officials said, was final",
                 parenthetical.parenthetical),
    Construction("inserted_tag", "a tag inside its claim, speaker after the verb: Het plan is, zegt Kok, een schande",
                 inserted_tag.inserted),
    Construction("quote_tag", "a reporting verb after the claim: '...', zegt X / CLAIM, she said",
                 quote_tag.tag),
    Construction("as_clause", "zoals / as before the speaker: zoals X al zei, As X noted",
                 as_clause.as_clause),
    Construction("retro_tag", "Dat / That opening the sentence: Dat meldt X.",
                 retro.retro),
    Construction("fronted_judgement", "a judgement before its verb and speaker: Spannend vindt X het wel.",
                 fronted_judgement.fronted_judgement),
    Construction("verb_object", "a verb whose object is the claim: called for X, urged X to, pledged to",
                 verb_object.verb_object),
    Construction("whether_clause", "a reporting verb and a whether-clause: X kan niet zeggen of",
                 whether.whether),
    Construction("reporting_verb", "a reporting verb before its complement: X zegt dat, X said:",
                 reporting_verb.report),
)


def _cues(d: Discourse, pi: int, a: int, b: int) -> None:
    cues.read_cues(d, a, b, VERB_RULES)


SENTENCE_RULES: tuple[Construction, ...] = (
    Construction("uncertainty_frame", "Het is niet duidelijk of / It is unclear whether", frames.frames),
    Construction("transcript_speaker", "a name in capitals and a colon opening a line: WALLACE: ...",
                 transcript.transcript),
    Construction("colon_quote", "a noun phrase and a colon: X: '...'", colon_quote.colon_np),
    Construction("cues", "tag words, volgens / according to, reporting verbs", _cues),
    Construction("colon_sentence", "a sentence and a colon before a quote: Ook Kok ziet het somber in: '...'",
                 colon_sentence.colon_sentence),
    Construction("noun_cue", "a noun of saying after its possessor: his claim that, Trump's promise to",
                 noun_cue.noun_cues),
    Construction("quote_continuation", "a quote opening the sentence without a tag", continuation.loose_quotes),
    Construction("speaker_after_quote", "a stance sentence after a speakerless quote: ‘...’ Kok is er stellig over.",
                 stance.stance_after_quote, when="nothing_found"),
    Construction("free_indirect", "a mark of the speaker's reasoning after a report: ... immers ...",
                 free_indirect.free_indirect, when="nothing_found"),
    Construction("hedged_sentence", "a hedge in a sentence with no claim yet", hedged.unattributed,
                 when="nothing_found"),
    Construction("channel", "channel prepositions after a sourced claim: tegen de NOS, told CNN",
                 channels.channels, when="sourced"),
)

PARAGRAPH_RULES: tuple[Construction, ...] = (
    Construction("embedded_post", "a paragraph 'text — Name (@handle) date'", embedded_post.embedded_post),
)

__all__ = ["PARAGRAPH_RULES", "SENTENCE_RULES", "VERB_RULES", "quote_tag"]

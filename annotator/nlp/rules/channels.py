"""Channels and platforms: aan de NOS, op Twitter, in een verklaring, told Reuters, posted on X."""

from __future__ import annotations

from annotator.nlp import sourcetype
from annotator.nlp.discourse import CHANNEL_TYPES, Discourse, rule
from annotator.nlp.lexicon import VerbEntry
from annotator.nlp.nounphrase import np_right


@rule("channel")
def shared_on(d: Discourse, a: int, b: int) -> bool:
    """"deelde op Instagram beelden", "posted on X": the platform is a channel mention."""
    t, lex, found = d.t, d.lex, False
    for m in range(a, b - 1):
        if t.lowers[m] in lex.channel_prepositions and t.quote_of[m] < 0:
            hit = lex.social_names.match(t.words, m + 1, b)
            if hit:
                found = d.add_source((m + 1, m + 1 + hit[0]), m + 1 + hit[0], channel=True) is not None or found
    return found


@rule("channel")
def channels(d: Discourse, pi: int, a: int, b: int) -> None:
    """Channels of a reported claim: aan de NOS, op Twitter, in een verklaring, told Reuters."""
    t, lex = d.t, d.lex
    preps = lex.channel_prepositions
    cue_tokens = {m for c in d.cues[-6:] for m in range(c.i + 1, c.j)}
    for m in range(a, b - 1):
        if t.lowers[m] not in preps or t.quote_of[m] >= 0 or d.in_claimed(m) or m in cue_tokens:
            continue  # "stipte aan dat": the particle of the cue, not a channel
        span = np_right(lex, t, m + 1, b)
        if not span or d.in_claimed(span[0]):
            continue
        kind = sourcetype.classify(lex, t, span[0], span[1], d.surnames, span[1])
        nxt = span[1]
        if kind == "social_media" and nxt + 1 < b and t.lowers[nxt] in preps \
                and t.lowers[nxt + 1] in lex.src["social_media_names"]:
            continue  # "in a post on Telegram": the platform is the channel
        if kind in CHANNEL_TYPES:
            d.add_source(span, span[1], channel=True)


def share(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
    """A sharing verb ("deelde", "posted"): its platform is a channel, its content no claim."""
    return shared_on(d, a, b)

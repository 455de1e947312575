"""Which suggested claim a suggested channel belongs to (stdlib only).

The suggester marks a channel ("aldus de president op Twitter", "aldus een anonieme bron aan
Reuters") as a source mention of its own that no claim links to. When suggestions are stored,
each such mention is linked as the channel of the claim whose attribution it sits in or next
to: right after (or before) the claim's source or cue, or the claim itself, in the same
sentence, with at most a few words between. A quote interrupted by its tag is several claims
with one source: the channel goes to each of them. A payload whose claims already name their
channel (`"channel": index into sources`) is taken as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

CHANNEL_TYPES = frozenset({"news_media", "social_media", "document"})
CHANNEL_RULE = "channel"
MAX_GAP_WORDS = 3
MAX_GAP_CHARS = 40
_SENTENCE_END = re.compile(r"[.!?\n]")
_WORD = re.compile(r"\w+")


def gap(text: str, a: tuple[int, int], b: tuple[int, int]) -> int | None:
    """Characters between two spans when they are next to each other (same sentence, at most
    MAX_GAP_WORDS words between), else None. Overlapping spans are not next to each other."""
    left, right = (a, b) if a[0] <= b[0] else (b, a)
    if right[0] < left[1]:
        return None
    between = text[left[1]:right[0]]
    if len(between) > MAX_GAP_CHARS or _SENTENCE_END.search(between):
        return None
    if len(_WORD.findall(between)) > MAX_GAP_WORDS:
        return None
    return len(between)


def is_channel_candidate(source: Mapping[str, Any]) -> bool:
    return source.get("rule") == CHANNEL_RULE or source.get("type") in CHANNEL_TYPES


def link_channels(text: str, payload: Mapping[str, Any]) -> list[int | None]:
    """Per claim of `payload` (the shape `annotator suggest --format json` prints), the index
    of its channel among the payload's sources, or None."""
    sources: Sequence[Mapping[str, Any]] = payload.get("sources", [])
    cues: Sequence[Mapping[str, Any]] = payload.get("cues", [])
    claims: Sequence[Mapping[str, Any]] = payload.get("claims", [])
    if any(c.get("channel") is not None for c in claims):
        return [c.get("channel") for c in claims]
    out: list[int | None] = [None] * len(claims)
    used = {c.get("source") for c in claims}
    for n, src in enumerate(sources):
        if n in used or not is_channel_candidate(src):
            continue
        span = (src["start"], src["end"])
        best: tuple[int, int, str, int] | None = None  # (gap, preference, what, index)
        for k, cl in enumerate(claims):
            parts = [(0, "source", cl.get("source"), sources), (0, "cue", cl.get("cue"), cues)]
            for pref, what, ref, pool in parts:
                if ref is None or not 0 <= ref < len(pool):
                    continue
                g = gap(text, span, (pool[ref]["start"], pool[ref]["end"]))
                if g is not None and (best is None or (g, pref) < best[:2]):
                    best = (g, pref, what, ref)
            g = gap(text, span, (cl["start"], cl["end"]))
            if g is not None and (best is None or (g, 1) < best[:2]):
                best = (g, 1, "claim", k)
        if best is None:
            continue
        _, _, what, ref = best
        for k, cl in enumerate(claims):
            mine = k == ref if what == "claim" else cl.get(what) == ref
            if mine and out[k] is None:
                out[k] = n
    return out

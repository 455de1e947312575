"""Who a claim is attributed to, as nominal variables: the linked source and the channel.

A claim links to a source mention (and maybe a channel mention), spans of the article that
each coder marks for themselves, so two coders' links are never literally equal. After the
claims are aligned into units, two coders agree on a unit's link when their linked mentions
overlap, or when neither linked one. Each unit's links are therefore grouped (overlapping
mentions join, transitively) and every group gets one value: the text of its first mention,
so that across units the values are the named speakers (what chance agreement should pool),
and "(none)" for no link. Two groups in one unit with the same text stay apart (the mention's
offsets are added): they are different mentions, and the coders disagree.

Claims carry their links as `.links = {"linked_source": (start, end, text) | None, ...}`; a
claim without `.links` (or without that key) has a missing value, not "(none)".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from annotator.agreement.alignment import Alignment, Unit
from annotator.core.codebook import Variable

SOURCE, CHANNEL = "linked_source", "linked_channel"
LINKS = (SOURCE, CHANNEL)
NO_LINK = "(none)"
VARIABLES = {
    SOURCE: Variable(SOURCE, "claim", "nominal", "Linked source (who the claim is attributed "
                     "to): agree when the linked mentions overlap or neither links one"),
    CHANNEL: Variable(CHANNEL, "claim", "nominal", "Linked channel: agree when the linked "
                      "mentions overlap or neither links one"),
}
Link = tuple[int, int, str]


class LinkedClaim:
    """A claim as the engine sees it, with its link values added to its values."""

    __slots__ = ("start", "end", "uid", "origin", "values", "links")

    def __init__(self, claim: Any, extra: Mapping[str, str]):
        self.start, self.end = claim.start, claim.end
        self.uid, self.origin = getattr(claim, "uid", None), getattr(claim, "origin", "manual")
        self.values = {**(getattr(claim, "values", None) or {}), **extra}
        self.links = getattr(claim, "links", None)


def unit_links(unit: Unit, name: str) -> dict[str, str]:
    """Coder -> value of link `name` in this unit, for the coders whose claim knows its links."""
    spans: dict[str, Link | None] = {}
    for coder, claim in unit.claims.items():
        links = getattr(claim, "links", None)
        if links is not None and name in links:
            spans[coder] = links[name]
    linked = {c: s for c, s in spans.items() if s is not None}
    out = {c: NO_LINK for c, s in spans.items() if s is None}
    used: set[str] = set()
    for group in _groups(linked):
        first = min((linked[c] for c in group), key=lambda s: (s[0], -s[1]))
        value = first[2] or f"[{first[0]}:{first[1]}]"
        if value in used:
            value = f"{value} [{first[0]}:{first[1]}]"
        used.add(value)
        out.update({c: value for c in group})
    return out


def _groups(spans: Mapping[str, Link]) -> list[list[str]]:
    """Coders whose mentions overlap, joined transitively, in order of first mention."""
    coders = list(spans)
    parent = {c: c for c in coders}

    def find(c: str) -> str:
        while parent[c] != c:
            c = parent[c]
        return c

    for i, a in enumerate(coders):
        for b in coders[i + 1:]:
            sa, sb = spans[a], spans[b]
            if min(sa[1], sb[1]) > max(sa[0], sb[0]):
                parent[find(a)] = find(b)
    groups: dict[str, list[str]] = {}
    for c in coders:
        groups.setdefault(find(c), []).append(c)
    return sorted(groups.values(), key=lambda g: min(spans[c][0] for c in g))


def with_links(alignment: Alignment) -> Alignment:
    """The same alignment, each claim's values holding its unit's link values."""
    units = []
    for unit in alignment.units:
        values = {name: unit_links(unit, name) for name in LINKS}
        claims = {c: LinkedClaim(cl, {n: v[c] for n, v in values.items() if c in v})
                  for c, cl in unit.claims.items()}
        units.append(replace(unit, claims=claims))
    return replace(alignment, units=tuple(units))

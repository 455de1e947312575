"""Consistency checks on a coder's claims that the codebook alone cannot express (no Qt).

A claim coded `unattributed` says nobody is named as saying it; a linked source says
somebody is. Both can be meant (a source mentioned, the claim still the writer's own), so
the app warns and flags, it does not refuse.
"""

from __future__ import annotations

from collections.abc import Mapping

ATTRIBUTION, UNATTRIBUTED = "attribution", "unattributed"
UNATTRIBUTED_WITH_SOURCE = "unattributed_with_source"
UNATTRIBUTED_WITH_SOURCE_TEXT = "coded unattributed, yet linked to a source"


def unattributed_with_source(values: Mapping[str, str], source_id: int | None) -> bool:
    """True for a claim coded unattributed that has a linked source."""
    return source_id is not None and values.get(ATTRIBUTION) == UNATTRIBUTED

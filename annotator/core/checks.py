"""Consistency checks on a coder's claims that the codebook alone cannot express (no Qt).

A claim coded `unattributed` says nobody is named as saying it; a linked source says
somebody is. A claim coded with any other attribution (`direct`, `indirect`) has a source,
says the codebook, so one without a linked source is most likely a link the coder forgot.
Either can be meant (a source mentioned, the claim still the writer's own; a source the
article never names in a span), so the app warns and flags, it does not refuse.
"""

from __future__ import annotations

from collections.abc import Mapping

ATTRIBUTION, UNATTRIBUTED = "attribution", "unattributed"
UNATTRIBUTED_WITH_SOURCE = "unattributed_with_source"
UNATTRIBUTED_WITH_SOURCE_TEXT = "coded unattributed, yet linked to a source"


ATTRIBUTED_WITHOUT_SOURCE = "attributed_without_source"
ATTRIBUTED_WITHOUT_SOURCE_TEXT = "coded direct or indirect, yet linked to no source"
# each check: its code (the Summary sheet's value) and what it says, in the order shown
CHECKS = ((UNATTRIBUTED_WITH_SOURCE, UNATTRIBUTED_WITH_SOURCE_TEXT),
          (ATTRIBUTED_WITHOUT_SOURCE, ATTRIBUTED_WITHOUT_SOURCE_TEXT))


def unattributed_with_source(values: Mapping[str, str], source_id: int | None) -> bool:
    """True for a claim coded unattributed that has a linked source."""
    return source_id is not None and values.get(ATTRIBUTION) == UNATTRIBUTED


def attributed_without_source(values: Mapping[str, str], source_id: int | None) -> bool:
    """True for a claim coded with an attribution other than unattributed (direct,
    indirect) that has no linked source."""
    return source_id is None and values.get(ATTRIBUTION) not in (None, "", UNATTRIBUTED)


def claim_checks(values: Mapping[str, str], source_id: int | None) -> list[str]:
    """The codes of the checks a claim fails (of `CHECKS`), in their order."""
    found = {UNATTRIBUTED_WITH_SOURCE: unattributed_with_source(values, source_id),
             ATTRIBUTED_WITHOUT_SOURCE: attributed_without_source(values, source_id)}
    return [code for code, _ in CHECKS if found[code]]


def check_text(code: str) -> str:
    return dict(CHECKS)[code]

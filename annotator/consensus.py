"""Settling disagreements: copy one coder's coding into the consensus coder, undoably.

The consensus is an ordinary coder (named `consensus` by default), so it is exported, merged
and compared like any coder. Each step is a `commands.Edit` (`take_claim`, `take_agreed`,
`leave_out`, `with_status`, built in `commands` like every other edit); what status settling
gives an article (`status_for`) is decided here.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.commands import leave_out, take_agreed, take_claim, touched_articles, with_status
from annotator.core.model import CONSENSUS

__all__ = ["CONSENSUS", "leave_out", "status_for", "take_agreed", "take_claim",
           "touched_articles", "with_status"]


def status_for(settled: Iterable[bool]) -> str:
    """The consensus coder's status on an article: `done` once every disagreement there is
    settled (an article without disagreements is done as soon as it is taken), else
    `in_progress`."""
    return "done" if all(settled) else "in_progress"

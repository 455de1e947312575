"""Settling disagreements: copy one coder's coding into the consensus coder, undoably.

The consensus is an ordinary coder (named `consensus` by default), so it is exported, merged
and compared like any coder. Each step is a `commands.Edit` (`take_claim`, `take_agreed`, built
in `commands` like every other edit).
"""

from __future__ import annotations

from annotator.commands import take_agreed, take_claim
from annotator.core.model import CONSENSUS

__all__ = ["CONSENSUS", "take_agreed", "take_claim"]

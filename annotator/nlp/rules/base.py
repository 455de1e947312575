"""What a rule declares: its name (recorded on what it finds), what triggers it, and for verb
rules which verb modes of the lexicon it takes. Its priority is its place in the one ordered
list in `annotator/nlp/rules/__init__.py`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Construction:
    name: str  # the rule name suggestions record (see resources/nlp/rules.json)
    trigger: str  # what in a sentence starts it
    run: Callable[..., Any]
    # verb rules: the lexicon modes (cue_verbs.jsonl "mode") it takes; None = every mode
    modes: frozenset[str] | None = None
    # its answer stands for those modes: no later rule is tried, found or not
    final: bool = False
    # sentence rules: "always", "nothing_found" (no claim yet in the sentence) or "sourced" (a claim with a source was found)
    when: str = "always"

"""What the suggester's rule names mean, for people: labels read from resources/nlp/rules.json.

The suggester records a rule name with every suggestion (say why); the GUI and reports show the
label, so a coder sees what the pipeline did and a researcher can report it.
"""

from __future__ import annotations

import functools
import json

from annotator.paths import resource


@functools.cache
def rule_labels() -> dict[str, str]:
    """Rule name -> a short description with an example."""
    data = json.loads(resource("nlp", "rules.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def rule_label(name: str) -> str:
    """The description of `name`, or the name itself for a rule this version does not know."""
    return rule_labels().get(name, name)

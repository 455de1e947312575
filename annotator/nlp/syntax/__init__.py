"""Parse rules beside the token rules (issue 15): a trained dependency parser, loaded lazily
from a folder, and spaCy `DependencyMatcher` patterns kept as data in
`resources/nlp/<lang>/parse_rules.json`.

Opt-in: `suggest_many(..., syntax=True)`. The parse rules only add what the token rules did not
find (and may give a sourceless rules claim its speaker); without a parser the results are
exactly the token rules' and a note says so once.
"""

from __future__ import annotations

from annotator.nlp.syntax.apply import add_syntax
from annotator.nlp.syntax.loader import parser_for

__all__ = ["add_syntax", "parser_for"]

"""The parse rules of a language, read and checked from `resources/nlp/<lang>/parse_rules.json`.

Each rule is one construction: a spaCy `DependencyMatcher` pattern whose anchor node is named
`cue` (the reporting verb), with nodes named `source` (the speaker: its noun phrase becomes the
source) and, for rules that add a claim, `claim` (its subtree becomes the claim). Which verbs may
anchor a rule is data too: `verbs` selects entries of cue_verbs.jsonl by `mode` and/or by the
`objects` they allow, and the loader puts their forms into the anchor's attributes, so a rule
for objects (`condemned the attack`) matches only verbs whose object is a claim.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.nlp.lexicon import VerbEntry
from annotator.nlp.lexicon import load as load_lexicon
from annotator.paths import resource

ACTIONS = ("add", "speaker")  # add a cue + claim (+ source); give a sourceless rules claim its speaker
NEEDED_NODES = {"add": {"cue", "source", "claim"}, "speaker": {"cue", "source"}}
_PATTERN_KEYS = {"LEFT_ID", "REL_OP", "RIGHT_ID", "RIGHT_ATTRS"}


class ParseRuleError(ValueError):
    """parse_rules.json is not what the loader expects (says which rule and why)."""


@dataclass(frozen=True)
class ParseRule:
    """One construction: its name (recorded as the suggestion's `rule`), what it does, its pattern."""

    name: str
    action: str
    pattern: list[dict[str, Any]]
    enabled: bool = True


@dataclass(frozen=True)
class ParseRules:
    """A language's parse rules and the settings the span builders read."""

    rules: tuple[ParseRule, ...]
    not_speakers: frozenset[str]  # subjects that are never a speaker: it, this, there, ...
    cut_deps: frozenset[str]      # dependents cut from a speaker's noun phrase: relative clauses
    edge_deps: frozenset[str]     # dependents trimmed from a span's edges: punctuation, cc, mark
    phrase_stops: frozenset[str]  # words a speaker's phrase ends before, after its head (a comma)
    verb_certainty: dict[str, str]  # form -> the claim's certainty its verb sets

    def enabled(self) -> tuple[ParseRule, ...]:
        return tuple(r for r in self.rules if r.enabled)


def rules_path(lang: str) -> Path:
    return resource("nlp", lang, "parse_rules.json")


@functools.cache
def load(lang: str) -> ParseRules | None:
    """The checked parse rules of `lang`, or None when it has none."""
    path = rules_path(lang)
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return parse(data, load_lexicon(lang).verbs)


def parse(data: dict, verbs: dict[str, list[VerbEntry]]) -> ParseRules:
    """Check `data` (the JSON's content) and fill each anchor with the forms of its verbs."""
    rules = tuple(_rule(raw, verbs) for raw in data.get("rules", []))
    names = [r.name for r in rules]
    if len(set(names)) != len(names):
        raise ParseRuleError(f"parse rule names repeat: {sorted(n for n in names if names.count(n) > 1)}")
    certainty = {form: e.certainty for form, entries in verbs.items() for e in entries[:1] if e.certainty}
    return ParseRules(rules=rules,
                      not_speakers=frozenset(w.lower() for w in data.get("not_speakers", [])),
                      cut_deps=frozenset(data.get("noun_phrase_cut", [])),
                      edge_deps=frozenset(data.get("edge_trim", [])),
                      phrase_stops=frozenset(data.get("noun_phrase_stop", [])),
                      verb_certainty=certainty)


def verb_forms(select: dict, verbs: dict[str, list[VerbEntry]]) -> list[str]:
    """The word forms of the verbs `select` names: by mode, or by an object the verb allows.
    Verbs with a particle (`point out`) are left out: the parse does not check the particle."""
    modes, objects = set(select.get("modes", [])), set(select.get("objects", []))
    return sorted(form for form, entries in verbs.items()
                  if any((e.mode in modes or e.objects & objects) and not e.particle and not e.requires
                         for e in entries))


def _rule(raw: dict, verbs: dict[str, list[VerbEntry]]) -> ParseRule:
    name = raw.get("name")
    if not isinstance(name, str) or not name:
        raise ParseRuleError(f"a parse rule without a name: {raw!r:.80}")
    action = raw.get("action", "add")
    if action not in ACTIONS:
        raise ParseRuleError(f"{name}: action {action!r} is not one of {ACTIONS}")
    pattern = raw.get("pattern")
    if not isinstance(pattern, list) or not pattern:
        raise ParseRuleError(f"{name}: no pattern")
    for node in pattern:
        if not isinstance(node, dict) or not {"RIGHT_ID", "RIGHT_ATTRS"} <= node.keys() \
                or node.keys() - _PATTERN_KEYS:
            raise ParseRuleError(f"{name}: a node must have RIGHT_ID and RIGHT_ATTRS "
                                 f"(and LEFT_ID, REL_OP after the first): {node!r:.80}")
    if pattern[0]["RIGHT_ID"] != "cue" or "LEFT_ID" in pattern[0]:
        raise ParseRuleError(f"{name}: the first node (the anchor) must be 'cue'")
    ids = {node["RIGHT_ID"] for node in pattern}
    if missing := NEEDED_NODES[action] - ids:
        raise ParseRuleError(f"{name}: action {action!r} needs nodes {sorted(missing)}")
    forms = verb_forms(raw.get("verbs", {}), verbs)
    if not forms:
        raise ParseRuleError(f"{name}: 'verbs' selects no reporting verb")
    anchor = {**pattern[0], "RIGHT_ATTRS": {**pattern[0]["RIGHT_ATTRS"], "LOWER": {"IN": forms}}}
    return ParseRule(name=name, action=action, pattern=[anchor, *pattern[1:]],
                     enabled=bool(raw.get("enabled", True)))

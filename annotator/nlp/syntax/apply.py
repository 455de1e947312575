"""Run the parse rules over texts the token rules have already suggested for."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from annotator.nlp.syntax import patterns, spans
from annotator.nlp.syntax.loader import note_once, parser_for
from annotator.nlp.syntax.merge import Finding, add_findings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import DependencyMatcher
    from spacy.tokens import Doc

_matchers: dict[tuple[str, int], DependencyMatcher] = {}


def add_syntax(texts: Sequence[str], results: Sequence[dict], lang: str,
               batch_size: int = 64) -> list[dict]:
    """Each result with what the parse rules add to it; the results unchanged when `lang` has
    no parser or no parse rules."""
    rules = patterns.load(lang)
    if rules is None or not rules.enabled():
        note_once(lang, f"no parse rules for {lang!r} (resources/nlp/{lang}/parse_rules.json)")
        return list(results)
    nlp = parser_for(lang)
    if nlp is None:
        return list(results)
    matcher = _matcher(lang, nlp, rules)
    out = []
    for text, result, docs in zip(texts, results, _parsed(nlp, texts, batch_size), strict=True):
        found = [f for off, doc in docs for f in findings(doc, off, matcher, rules)]
        out.append(add_findings(text, result, found))
    return out


def findings(doc: Doc, offset: int, matcher: DependencyMatcher, rules: patterns.ParseRules) -> list[Finding]:
    """What the parse rules find in one parsed piece, in rule order, one finding per rule and cue."""
    vocab_strings = doc.vocab.strings
    order = {r.name: k for k, r in enumerate(rules.rules)}
    by_rule = {r.name: r for r in rules.rules}
    seen: set[tuple[str, int]] = set()
    out: list[tuple[int, int, Finding]] = []
    for match_id, token_ids in matcher(doc):
        rule = by_rule[vocab_strings[match_id]]
        nodes = {node["RIGHT_ID"]: doc[i] for node, i in zip(rule.pattern, token_ids, strict=True)}
        cue = nodes["cue"]
        if (rule.name, cue.i) in seen:
            continue
        found = _finding(rule, nodes, rules, offset)
        if found is not None:
            seen.add((rule.name, cue.i))
            out.append((order[rule.name], cue.i, found))
    return [f for _, _, f in sorted(out, key=lambda x: (x[0], x[1]))]


def _finding(rule: patterns.ParseRule, nodes: dict[str, Any], rules: patterns.ParseRules,
             offset: int) -> Finding | None:
    cue, speaker = nodes["cue"], nodes["source"]
    if speaker.lower_ in rules.not_speakers:
        return None
    phrase = spans.phrase_tokens(speaker, rules.cut_deps, rules.phrase_stops)
    source = spans.trimmed_span(phrase, rules.edge_deps, offset)
    claim = None
    if rule.action == "add":
        claim = spans.trimmed_span(list(nodes["claim"].subtree), rules.edge_deps, offset)
        if claim is None:
            return None
    cue_span = (cue.idx + offset, cue.idx + len(cue.text) + offset)
    return Finding(rule=rule.name, action=rule.action, cue=cue_span, source=source, claim=claim,
                   certainty=rules.verb_certainty.get(cue.lower_, "certain"))


def _parsed(nlp: Language, texts: Sequence[str], batch_size: int) -> Iterator[list[tuple[int, Doc]]]:
    """The parsed pieces of each text, with each piece's start, streamed through `nlp.pipe`."""
    cut = [spans.pieces(t) for t in texts]
    docs = nlp.pipe((p for ps in cut for _, p in ps), batch_size=batch_size)
    for ps in cut:
        yield [(off, next(docs)) for off, _ in ps]


def _matcher(lang: str, nlp: Language, rules: patterns.ParseRules) -> DependencyMatcher:
    key = (lang, id(nlp))
    if key not in _matchers:
        from spacy.matcher import DependencyMatcher

        matcher = DependencyMatcher(nlp.vocab, validate=True)
        for rule in rules.enabled():
            matcher.add(rule.name, [rule.pattern])
        _matchers[key] = matcher
    return _matchers[key]

"""Rules and model together (no spaCy here).

The rules are precise on the constructions they know; the model brings what they miss. The
combination is a `Policy` decided on the training articles only (`choose_policy`, over
out-of-fold predictions of an inner cross-validation, see annotator.learn.train):

- spans: every span the rules found stays, with its links; a model span joins only where no
  span of its kind is yet, and only when its score reaches the kind's threshold (`NEVER`: the
  model adds nothing of that kind). Model-only claims take the model's values, the nearest cue
  in their paragraph and a source as `link` says (`LINKS`).
- values on the rules' spans: the rules' value, unless the training folds showed the model's
  value better for that variable (`values[var] == "model"`); a variable the rules do not know
  (another codebook's codes) always takes the model's.

`choose_policy` starts from the rules alone and accepts a change only when it improves its own
measure over the training articles, lowers it in none of the inner folds, and leaves no measure
of `annotator evaluate` below the rules'; on a tie the rules' side (the stricter threshold)
wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.codebook import Codebook, default_codebook

# codebook level and payload key of the variables the rules fill
RULE_FIELDS = {("source", "type"): "sources", ("claim", "attribution"): "claims",
               ("claim", "certainty"): "claims"}
KINDS = ("sources", "cues", "claims")
KIND = {"source": "sources", "claim": "claims"}
NEVER = 1.01  # a threshold no score reaches: the model adds no span of that kind
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, NEVER)
MEASURES = ("source_f1", "cue_f1", "claim_f1", "link_acc", "type_acc", "attribution_acc",
            "certainty_acc", "certainty_level_recall")
SPAN_MEASURES = {"sources": ("source_f1",), "cues": ("cue_f1",),
                 "claims": ("claim_f1", "link_acc")}
VALUE_MEASURES = {"source.type": ("type_acc",), "claim.attribution": ("attribution_acc",),
                  "claim.certainty": ("certainty_acc", "certainty_level_recall")}
EPS = 1e-9
GATES = (0.95, 0.9, 0.8, 0.7, 0.6, 0.5)  # least probability of a model value that replaces the rules'
SCORES = "value_scores"  # key of a span's {variable: probability of the model's value}
# the source of a claim only the model found: the nearest in its paragraph, the nearest before
# it, the source of the nearest rules claim in its paragraph (an attribution going on), none
LINKS = ("nearest", "before", "claim", "none")


@dataclass
class Policy:
    """How rules and model combine: per kind the least score a model span needs to join, per
    variable whose value a rules span keeps ("rules", "model" or "model>=P", see `gate`)."""

    thresholds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(KINDS, NEVER))
    values: dict[str, str] = field(default_factory=dict)
    link: str = "nearest"

    def threshold(self, kind: str) -> float:
        return self.thresholds.get(kind, NEVER)

    def with_threshold(self, kind: str, value: float) -> Policy:
        return Policy({**self.thresholds, kind: value}, dict(self.values), self.link)

    def with_value(self, var: str, who: str) -> Policy:
        return Policy(dict(self.thresholds), {**self.values, var: who}, self.link)

    def with_link(self, link: str) -> Policy:
        return Policy(dict(self.thresholds), dict(self.values), link)


def rules_know(book: Codebook) -> set[tuple[str, str]]:
    """(level, name) of the variables whose every code the rules can suggest."""
    default = default_codebook()
    out = set()
    for level, name in RULE_FIELDS:
        mine = next((v for v in book.at_level(level) if v.name == name), None)
        theirs = next((v for v in default.at_level(level) if v.name == name), None)
        if mine is not None and theirs is not None and set(mine.codes()) <= set(theirs.codes()):
            out.add((level, name))
    return out


def learned_variables(book: Codebook) -> list[tuple[str, str]]:
    """(level, name) of the categorical source and claim variables a model can learn."""
    out = [(v.level, v.name) for v in book.at_level("source") if v.name == "type"]
    return out + [(v.level, v.name) for v in book.at_level("claim") if v.is_categorical]


def rules_policy(book: Codebook, values: dict[str, str] | None = None,
                 thresholds: dict[str, float] | None = None, link: str | None = None) -> Policy:
    """The rules alone, except for what `values`/`thresholds` say (a trained model's choices,
    possibly from an older model that recorded only thresholds): the variables the rules know
    keep the rules' value, the others take the model's."""
    known = {f"{lv}.{n}" for lv, n in rules_know(book)}
    chosen = {f"{lv}.{n}": "rules" if f"{lv}.{n}" in known else "model"
              for lv, n in learned_variables(book)}
    for var, who in (values or {}).items():
        if var in known and (who == "rules" or gate(who) is not None):
            chosen[var] = who
    out = Policy(values=chosen, link=link if link in LINKS else "nearest")
    for kind, t in (thresholds or {}).items():
        if kind in KINDS:
            out = out.with_threshold(kind, float(t))
    return out


def gate(who: str) -> float | None:
    """The least probability at which the model's value replaces the rules' (0.0 for "model",
    P for "model>=P"); None for "rules" or anything unknown."""
    if who == "model":
        return 0.0
    if who.startswith("model>="):
        try:
            p = float(who[len("model>="):])
        except ValueError:
            return None
        return p if 0.0 <= p <= 1.0 else None
    return None


def _overlaps(a: dict[str, Any], items: list[dict[str, Any]]) -> bool:
    return any(a["start"] < b["end"] and b["start"] < a["end"] for b in items)


def link_claims(text: str, payload: dict[str, Any], only: set[int] | None = None,
                link: str = "nearest") -> None:
    """Give claims (all, or the indices in `only`) the nearest cue in their paragraph and a
    source as `link` says (see LINKS), as the model itself predicts no links. `claim` links
    to the source of the nearest claim outside `only` (a rules claim)."""
    others = [c for i, c in enumerate(payload["claims"]) if only is not None and i not in only]
    for i, claim in enumerate(payload["claims"]):
        if only is not None and i not in only:
            continue
        claim["cue"] = _nearest(text, claim, payload["cues"])
        near = _nearest(text, claim, payload["sources"])
        if link == "none":
            claim["source"] = None
        elif link == "before":
            before = _nearest(text, claim, payload["sources"], before=True)
            claim["source"] = near if before is None else before
        elif link == "claim":
            j = _nearest(text, claim, others)
            claim["source"] = near if j is None else others[j].get("source")
        else:
            claim["source"] = near


def _nearest(text: str, claim: dict[str, Any], items: list[dict[str, Any]],
             before: bool = False) -> int | None:
    """The item closest to `claim` in its paragraph (only those ending before it: `before`)."""
    best, best_gap = None, None
    for j, item in enumerate(items):
        if before and item["end"] > claim["start"]:
            continue
        lo, hi = sorted((min(item["start"], claim["start"]), max(item["end"], claim["end"])))
        if "\n\n" in text[lo:hi]:
            continue
        gap = max(item["start"] - claim["end"], claim["start"] - item["end"], 0)
        if best_gap is None or gap < best_gap:
            best, best_gap = j, gap
    return best


def combine(text: str, rules: dict[str, Any], model: dict[str, Any], policy: Policy,
            on_rules: dict[str, Any] | None = None) -> tuple[dict[str, Any],
                                                             dict[str, set[int]]]:
    """The combined payload and, per kind, the indices of the spans the model added.

    `rules` is the rules' payload, `model` the model alone's (spans with scores and values),
    `on_rules` the rules' payload with the model's values on the rules' spans (needed only
    where `policy.values` says "model"; without it the rules' values stay)."""
    out: dict[str, Any] = {**rules, **{k: [dict(x) for x in rules[k]] for k in KINDS}}
    added: dict[str, set[int]] = {k: set() for k in KINDS}
    for kind in KINDS:
        least = policy.threshold(kind)
        for item in model.get(kind, []):
            if item.get("score", 1.0) >= least and not _overlaps(item, out[kind]):
                added[kind].add(len(out[kind]))
                out[kind].append(dict(item))
    if on_rules is not None:
        for var, who in policy.values.items():
            level, name = var.split(".", 1)
            key = KIND.get(level)
            gated = gate(who)
            if gated is None or key is None:
                continue
            for item, theirs in zip(out[key], on_rules[key], strict=False):
                if name in theirs and theirs.get(SCORES, {}).get(name, 1.0) >= gated:
                    item[name] = theirs[name]
                    if theirs.get("rule") and theirs["rule"] != item.get("rule"):
                        item["rule"] = theirs["rule"]
    link_claims(text, out, only=added["claims"], link=policy.link)
    return out, added


@dataclass
class Heldout:
    """Predictions on articles a model did not see (one inner fold each), with their gold."""

    texts: list[str] = field(default_factory=list)
    rules: list[dict[str, Any]] = field(default_factory=list)
    model: list[dict[str, Any]] = field(default_factory=list)
    on_rules: list[dict[str, Any]] = field(default_factory=list)
    golds: list[dict[str, Any]] = field(default_factory=list)
    folds: list[int] = field(default_factory=list)  # the inner fold each article was in

    def add(self, text: str, rules: dict[str, Any], model: dict[str, Any],
            on_rules: dict[str, Any], gold: dict[str, Any], fold: int = 0) -> None:
        for name, value in (("texts", text), ("rules", rules), ("model", model),
                            ("on_rules", on_rules), ("golds", gold), ("folds", fold)):
            getattr(self, name).append(value)


def figures(held: Heldout, policy: Policy, fold: int | None = None) -> dict[str, Any]:
    """The measures of `annotator evaluate` of the combination `policy` on `held` (on one of
    its inner folds)."""
    from annotator.nlp.evaluate import Tally, score_article

    tally = Tally()
    for text, r, m, o, gold, f in zip(held.texts, held.rules, held.model, held.on_rules,
                                      held.golds, held.folds, strict=True):
        if fold is None or f == fold:
            merged, _ = combine(text, r, m, policy, o)
            score_article(merged, gold, tally)
    return tally.figures()


def _not_below(f: dict[str, Any], floor: dict[str, Any], measures: Sequence[str]) -> bool:
    return all(floor.get(m) is None or (f.get(m) is not None and f[m] >= floor[m] - EPS)
               for m in measures)


def _total(f: dict[str, Any], measures: Sequence[str]) -> float:
    return sum(float(f.get(m) or 0.0) for m in measures)


def choose_policy(held: Heldout, start: Policy) -> tuple[Policy, dict[str, Any]]:
    """The combination for a model, from its held-out predictions on training articles.

    From `start` (the rules alone), per kind (sources, cues, claims) the threshold giving the
    best F1 of that kind (for claims: F1 plus link accuracy, with the best of `LINKS`); then per variable the rules
    know, the model's value on the rules' spans (always, or where the model is sure of it: the
    best of `GATES`) where that raises the variable's measures. A
    change is taken only when it raises its measure over all of `held`, lowers it in none of
    the inner folds and leaves every measure at least the rules'; on a tie the stricter
    threshold, the rules' value. Returns the policy and the held-out figures of the rules and
    of the chosen combination."""
    floor = figures(held, start)
    inner = sorted(set(held.folds))
    policy, now = start, floor
    now_folds = {f: figures(held, start, f) for f in inner}

    def better(cand: Policy, measures: Sequence[str]) -> tuple[dict[str, Any],
                                                               dict[int, dict[str, Any]]] | None:
        f = figures(held, cand)
        if not _not_below(f, floor, MEASURES) or _total(f, measures) <= _total(now, measures) + EPS:
            return None
        per = {i: figures(held, cand, i) for i in inner}
        if any(_total(per[i], measures) < _total(now_folds[i], measures) - EPS for i in inner):
            return None
        return f, per

    for kind in KINDS:
        for link in LINKS if kind == "claims" else (policy.link,):
            for t in sorted(THRESHOLDS, reverse=True):  # strict to loose: a tie keeps the stricter
                cand = policy.with_threshold(kind, t).with_link(link)
                got = better(cand, SPAN_MEASURES[kind])
                if got is not None:
                    policy, (now, now_folds) = cand, got
    for var in sorted(VALUE_MEASURES):
        if start.values.get(var) != "rules":
            continue  # the rules do not know this variable: the model's value already
        for who in [f"model>={g}" for g in GATES] + ["model"]:  # a tie keeps the stricter
            cand = policy.with_value(var, who)
            got = better(cand, VALUE_MEASURES[var])
            if got is not None:
                policy, (now, now_folds) = cand, got
    return policy, {"articles": len(held.texts), "inner_folds": len(inner),
                    "rules": _round(floor), "combined": _round(now)}


def _round(f: dict[str, Any]) -> dict[str, Any]:
    return {m: None if f.get(m) is None else round(float(f[m]), 4) for m in MEASURES}

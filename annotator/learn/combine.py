"""Rules and model together (no spaCy here).

The rules are precise on the constructions they know; the model brings what they miss. So the
combination keeps every span the rules found and adds the model's spans that overlap none of
them (per kind). A variable the rules fill with the project's own codes keeps the rules' value
on the rules' spans; a variable they do not know (another codebook's codes) takes the model's.
"""

from __future__ import annotations

from typing import Any

from annotator.core.codebook import Codebook, default_codebook

# codebook level and payload key of the variables the rules fill
RULE_FIELDS = {("source", "type"): "sources", ("claim", "attribution"): "claims",
               ("claim", "certainty"): "claims"}
KINDS = ("sources", "cues", "claims")


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


def _overlaps(a: dict[str, Any], items: list[dict[str, Any]]) -> bool:
    return any(a["start"] < b["end"] and b["start"] < a["end"] for b in items)


def link_claims(text: str, payload: dict[str, Any], only: set[int] | None = None) -> None:
    """Give claims (all, or the indices in `only`) the nearest source and cue in their
    paragraph, as the model itself predicts no links."""
    for i, claim in enumerate(payload["claims"]):
        if only is not None and i not in only:
            continue
        for key, field in (("sources", "source"), ("cues", "cue")):
            claim[field] = _nearest(text, claim, payload[key])


def _nearest(text: str, claim: dict[str, Any], items: list[dict[str, Any]]) -> int | None:
    best, best_gap = None, None
    for j, item in enumerate(items):
        lo, hi = sorted((min(item["start"], claim["start"]), max(item["end"], claim["end"])))
        if "\n\n" in text[lo:hi]:
            continue
        gap = max(item["start"] - claim["end"], claim["start"] - item["end"], 0)
        if best_gap is None or gap < best_gap:
            best, best_gap = j, gap
    return best


def combine(text: str, rules: dict[str, Any], model: dict[str, Any],
            thresholds: dict[str, float] | None = None) -> tuple[dict[str, Any],
                                                                dict[str, set[int]]]:
    """The rules' payload with the model's non-overlapping spans added (those scoring at least
    the kind's threshold, tuned on held-out articles when training); also, per kind, the
    indices of the added spans (their values come from the model's classifiers)."""
    out: dict[str, Any] = {**rules, **{k: [dict(x) for x in rules[k]] for k in KINDS}}
    added: dict[str, set[int]] = {k: set() for k in KINDS}
    for kind in KINDS:
        least = (thresholds or {}).get(kind, 0.0)
        for item in model.get(kind, []):
            if item.get("score", 1.0) >= least and not _overlaps(item, out[kind]):
                added[kind].add(len(out[kind]))
                out[kind].append(dict(item))
    link_claims(text, out, only=added["claims"])
    return out, added


THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)  # 1.01: the model adds nothing


def tune_thresholds(texts: list[str], rules: list[dict[str, Any]], model: list[dict[str, Any]],
                    golds: list[dict[str, Any]]) -> dict[str, float]:
    """Per kind, the least score a model span needs to join the rules: the one giving the best
    F1 of that kind on these (held-out) articles; on a tie the stricter one."""
    from annotator.nlp.evaluate import greedy_match

    out = {}
    for kind in KINDS:
        best: tuple[float, float] = (-1.0, 1.01)
        for t in THRESHOLDS:
            m = p = g = 0
            for text, r, mo, gold in zip(texts, rules, model, golds, strict=True):
                merged, _ = combine(text, r, mo, {k: t for k in KINDS})
                m += len(greedy_match(merged[kind], gold[kind], half=kind == "claims"))
                p, g = p + len(merged[kind]), g + len(gold[kind])
            f1 = 2 * m / (p + g) if p + g else 0.0
            if f1 > best[0] + 1e-9 or (abs(f1 - best[0]) <= 1e-9 and t > best[1]):
                best = (f1, t)
        out[kind] = best[1]
    return out

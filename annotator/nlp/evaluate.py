"""Score suggestions against gold codings the way issue 4 describes.

Sources and cues match a gold span one to one when they overlap (greedy, largest overlap
first); claims match when the overlap is at least half the shorter span. Reported: precision,
recall and F1 of each; source type accuracy over matched sources; attribution, certainty and
link accuracy over matched claims; and the mean of the per-level certainty recalls.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.nlp.lexicon import LEVELS

Suggester = Callable[[str, str | None], dict]


@dataclass
class Tally:
    """Counts summed over articles; the figures are computed from them."""

    counts: dict[str, int] = field(default_factory=dict)
    level_hits: dict[str, list[int]] = field(default_factory=lambda: {lv: [0, 0] for lv in LEVELS})
    articles: int = 0

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def get(self, key: str) -> int:
        return self.counts.get(key, 0)

    def figures(self) -> dict[str, float | int | None]:
        out: dict[str, float | int | None] = {"articles": self.articles}
        for kind in ("source", "cue", "claim"):
            m, p, g = self.get(f"{kind}_match"), self.get(f"{kind}_pred"), self.get(f"{kind}_gold")
            prec = m / p if p else 0.0
            rec = m / g if g else 0.0
            out[f"{kind}_p"], out[f"{kind}_r"] = prec, rec
            out[f"{kind}_f1"] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        ms, mc = self.get("source_match"), self.get("claim_match")
        out["type_acc"] = self.get("type_ok") / ms if ms else None
        for key in ("attribution", "certainty", "link"):
            out[f"{key}_acc"] = self.get(f"{key}_ok") / mc if mc else None
        recalls = [ok / n for ok, n in self.level_hits.values() if n]
        out["certainty_level_recall"] = sum(recalls) / len(recalls) if recalls else None
        for level, (ok, n) in self.level_hits.items():
            out[f"recall_{level}"] = ok / n if n else None
        return out


def overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def greedy_match(pred: list[dict], gold: list[dict], half: bool = False) -> dict[int, int]:
    """gold index -> pred index, one to one, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = overlap(p, g)
            shorter = min(p["end"] - p["start"], g["end"] - g["start"])
            if ov > 0 and (not half or ov * 2 >= shorter):
                pairs.append((ov, -gi, -pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), {}
    for _, ngi, npi in pairs:
        gi, pi = -ngi, -npi
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out[gi] = pi
    return out


def score_article(pred: dict, gold: dict, tally: Tally) -> None:
    """Add one article's comparison to `tally`."""
    tally.articles += 1
    smatch = greedy_match(pred["sources"], gold["sources"])
    cmatch = greedy_match(pred["cues"], gold["cues"])
    kmatch = greedy_match(pred["claims"], gold["claims"], half=True)
    for kind, match, key in (("source", smatch, "sources"), ("cue", cmatch, "cues"),
                             ("claim", kmatch, "claims")):
        tally.add(f"{kind}_match", len(match))
        tally.add(f"{kind}_pred", len(pred[key]))
        tally.add(f"{kind}_gold", len(gold[key]))
    for gi, pi in smatch.items():
        tally.add("type_ok", gold["sources"][gi]["type"] == pred["sources"][pi]["type"])
    for gi, pi in kmatch.items():
        g, p = gold["claims"][gi], pred["claims"][pi]
        tally.add("attribution_ok", g["attribution"] == p["attribution"])
        tally.add("certainty_ok", g["certainty"] == p["certainty"])
        expected = None if g["source"] is None else smatch.get(g["source"], -1)
        tally.add("link_ok", p["source"] == expected)
        hits = tally.level_hits.setdefault(g["certainty"], [0, 0])
        hits[1] += 1
        hits[0] += g["certainty"] == p["certainty"]


def gold_articles(folder: Path) -> Iterable[tuple[Path, dict]]:
    """(text path, gold dict) for a dev-set folder (gold.json) or seed-style *.gold.json files."""
    combined = folder / "gold.json"
    if combined.is_file():
        data = json.loads(combined.read_text(encoding="utf-8"))
        for art in data["articles"]:
            yield folder / art["text_file"], art
        return
    for path in sorted(folder.glob("*.gold.json")):
        art = json.loads(path.read_text(encoding="utf-8"))
        text_file = art.get("text_file") or path.name.replace(".gold.json", ".txt")
        yield folder / text_file, art


def evaluate_dir(folder: Path, suggest: Suggester | None = None,
                 language: str | None = None) -> dict[str, float | int | None]:
    """Figures for every article under `folder`."""
    if suggest is None:
        from annotator.nlp.suggest import suggest_text

        suggest = suggest_text
    tally = Tally()
    for text_path, gold in gold_articles(folder):
        text = text_path.read_text(encoding="utf-8")
        score_article(suggest(text, language), gold, tally)
    return tally.figures()

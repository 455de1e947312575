"""Each parse rule's effect on the English `rules` half (issue 15): kept only where it raises F1
at equal or better precision.

    ANNOTATOR_PARSER_EN=DIR python3 benchmarks/ablate_parse_rules.py [--lang en]

Parses the half once, then scores: the token rules alone, each parse rule alone on top of them,
and all enabled rules; per part of the half (a, b: split by article id, eval_real.id_part) and
for the whole half. Reads only the readable half (never the held-out one).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotator.nlp.evaluate import Tally, score_article  # noqa: E402
from annotator.nlp.suggest import suggest_many  # noqa: E402
from annotator.nlp.syntax import apply, patterns  # noqa: E402
from annotator.nlp.syntax.loader import parser_for  # noqa: E402
from annotator.nlp.syntax.merge import add_findings  # noqa: E402
from benchmarks.eval_real import READABLE, english_halves, id_part  # noqa: E402

KEYS = ("source_p", "source_r", "source_f1", "cue_f1", "claim_p", "claim_r", "claim_f1", "link_acc")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--all-rules", action="store_true", help="also rules switched off in the data")
    args = ap.parse_args(argv)
    rules, nlp = patterns.load("en"), parser_for("en")
    if rules is None or nlp is None:
        print("no parser or no parse rules for en", file=sys.stderr)
        return 1
    arts = next(a for h, a in english_halves() if h == READABLE["en"])
    texts = [t for t, _ in arts]
    base = list(suggest_many(texts, "en"))
    docs = list(apply._parsed(nlp, texts, 64))
    candidates = [r for r in rules.rules if r.enabled or args.all_rules]
    variants = {"rules": []} | {f"+{r.name}": [r] for r in candidates} | \
        {"+enabled": [r for r in rules.rules if r.enabled]}
    print(f"{'':<28}{'part':>5}  " + " ".join(f"{k:>9}" for k in KEYS))
    for label, chosen in variants.items():
        subset = dataclasses.replace(rules, rules=tuple(dataclasses.replace(r, enabled=True) for r in chosen))
        matcher = apply._matcher(f"ablate:{label}", nlp, subset) if chosen else None
        tallies = {"a": Tally(), "b": Tally(), "all": Tally()}
        for (text, gold), pred, pieces in zip(arts, base, docs, strict=True):
            found = [] if matcher is None else \
                [f for off, doc in pieces for f in apply.findings(doc, off, matcher, subset)]
            out = add_findings(text, pred, found)
            for part in (id_part(gold["id"]), "all"):
                score_article(out, gold, tallies[part])
        for part, tally in tallies.items():
            fig = tally.figures()
            print(f"{label:<28}{part:>5}  " + " ".join(f"{fig[k]:>9.3f}" for k in KEYS))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Speed of the suggester with the parse rules against the parser alone, same texts, same run
(issue 15: the whole suggester at most 1.3x the trained pipeline's `nlp.pipe`).

    ANNOTATOR_PARSER_EN=DIR python3 benchmarks/bench_syntax.py [--repeat 3]

Texts: the English `rules` half of PolNeAR (only timed, not scored). Prints the best of
`--repeat` runs of: the token rules alone; the parser's `nlp.pipe` over the same paragraphs the
parse rules read; the parser over whole texts; `suggest_many(..., syntax=True)`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotator.nlp.suggest import suggest_many  # noqa: E402
from annotator.nlp.syntax import spans  # noqa: E402
from annotator.nlp.syntax.loader import parser_for  # noqa: E402
from benchmarks.eval_real import READABLE, english_halves  # noqa: E402


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    nlp = parser_for("en")
    if nlp is None:
        return 1
    texts = [t for t, _ in next(a for h, a in english_halves() if h == READABLE["en"])]
    words = sum(len(t.split()) for t in texts)
    pieces = [p for t in texts for _, p in spans.pieces(t)]
    list(suggest_many(texts[:2], "en", syntax=True))  # warm both pipelines
    rows = {
        "token rules alone": lambda: list(suggest_many(texts, "en")),
        "parser nlp.pipe, paragraphs": lambda: list(nlp.pipe(pieces, batch_size=64)),
        "parser nlp.pipe, whole texts": lambda: list(nlp.pipe(texts, batch_size=64)),
        "suggest_many(syntax=True)": lambda: list(suggest_many(texts, "en", syntax=True)),
    }
    times = {name: best_of(args.repeat, run) for name, run in rows.items()}
    print(f"{len(texts)} texts, {words:,} words; pipeline {nlp.pipe_names}")
    base = times["parser nlp.pipe, paragraphs"]
    for name, sec in times.items():
        print(f"{name:<32}{sec:8.2f} s {words / sec:>10,.0f} words/s  {sec / base:5.2f}x the parser")
    return 0


if __name__ == "__main__":
    sys.exit(main())

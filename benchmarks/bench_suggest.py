"""Throughput of the suggestion pipeline against spaCy's tokenizer alone, on the same texts.

    python benchmarks/bench_suggest.py [--articles 2000] [--words 400] [--language nl]

Articles are assembled from the sentences of the development set (tests/data/dev), shuffled
with a fixed seed, to about `--words` words each; both runs see exactly the same texts.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "dev"


def make_articles(lang: str, count: int, words: int, seed: int = 7) -> list[str]:
    paragraphs = []
    for path in sorted((DEV / lang).glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        picked, n = [], 0
        while n < words:
            para = rng.choice(paragraphs)
            picked.append(para)
            n += len(re.findall(r"\S+", para))
        articles.append("\n\n".join(picked))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--language", choices=("nl", "en"), default="nl")
    args = parser.parse_args()

    t0 = time.perf_counter()
    import spacy

    t_import = time.perf_counter() - t0
    from annotator.nlp.pipeline import build

    t0 = time.perf_counter()
    nlp = build(args.language)
    t_build = time.perf_counter() - t0
    texts = make_articles(args.language, args.articles, args.words)
    blank = spacy.blank(args.language)

    t0 = time.perf_counter()
    n_tokens = sum(len(doc) for doc in blank.tokenizer.pipe(texts, batch_size=64))
    t_tok = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_claims = sum(len(doc.spans["claims"]) for doc in nlp.pipe(texts, batch_size=64))
    t_full = time.perf_counter() - t0

    print(f"language {args.language}: {args.articles} articles, {n_tokens:,} tokens, {n_claims:,} claims")
    print(f"spacy import {t_import:.2f} s; pipeline build {t_build:.2f} s")
    print(f"tokenizer only: {n_tokens / t_tok:>12,.0f} tokens/s ({t_tok:.2f} s)")
    print(f"full pipeline:  {n_tokens / t_full:>12,.0f} tokens/s ({t_full:.2f} s)")
    print(f"ratio full / tokenizer: {t_tok / t_full:.2f}x")


if __name__ == "__main__":
    main()

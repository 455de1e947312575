"""Throughput of the suggestion pipeline against spaCy's tokenizer alone, on the same texts.

    python benchmarks/bench_suggest.py [--articles 2000] [--words 400] [--language nl] [--real 1000]

Articles are assembled from sentences of the development set (tests/data/dev), drawn at random
with a fixed seed, to about `--words` words each, in paragraphs of one to four sentences under a
headline. Every capitalised word inside a sentence (names, places, outlets) is replaced by a
random made-up name and every number by a random one, so that the texts are as varied as real
news and the tokenizer's cache does not flatter either run (repeated paragraphs made the
tokenizer-only run unrealistically fast). Both runs see exactly the same texts.

`--real N` also times the first N real Dutch articles of the dpg corpus (the local copy of
github.com/dpgmedia/partisan-news2019 that corpora/dpg reads; the 16 articles kept for independent
evaluation are left out); without a copy it says so and skips that part. `--real 0` skips it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # this checkout's package, not an installed one
    sys.path.insert(0, str(ROOT))
DEV = ROOT / "tests" / "data" / "dev"


_SENTENCE = re.compile(r"(?<=[.!?’”\"'])\s+(?=[A-Z‘“„\"'])")
_CAPWORD = re.compile(r"(?<=[\s(‘“„\"'])[A-ZÀ-Þ][\w’'-]+")
_NUMBER = re.compile(r"\d+")
_SYLLABLES = ("ka", "ven", "dor", "mi", "lo", "tre", "sa", "bel", "ru", "win", "ga", "sten",
              "ho", "li", "mar", "de", "vo", "ren", "ti", "bra", "ek", "nu", "pol", "za")


def _name(rng: random.Random) -> str:
    word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
    return word.capitalize()


def make_articles(lang: str, count: int, words: int, seed: int = 7) -> list[str]:
    sentences = []
    for path in sorted((DEV / lang).glob("*.txt")):
        for para in path.read_text(encoding="utf-8").split("\n\n")[1:]:
            sentences += [x for x in _SENTENCE.split(para.strip()) if len(x.split()) >= 4]
    rng = random.Random(seed)

    def vary(sentence: str) -> str:
        names: dict[str, str] = {}
        sentence = _CAPWORD.sub(lambda m: names.setdefault(m.group(0), _name(rng)), sentence)
        return _NUMBER.sub(lambda m: str(rng.randint(2, 2000)), sentence)

    articles = []
    for _ in range(count):
        paras, n = [vary(rng.choice(sentences)).rstrip(".")], 0
        while n < words:
            para = " ".join(vary(rng.choice(sentences)) for _ in range(rng.randint(1, 4)))
            paras.append(para)
            n += len(para.split())
        articles.append("\n\n".join(paras))
    return articles


def dpg_texts(limit: int | None = None) -> list[str] | None:
    """The first `limit` dpg articles as the coders saw them (title, blank line, body), without
    the held-out ids; None when no copy of the repository is on this machine."""
    from corpora.dpg import common
    from corpora.snapshot import Snapshot, find_snapshot

    path = find_snapshot(common.REPO, common.ENV_VAR)
    if path is None:
        return None
    excluded = common.excluded_ids()
    texts = []
    for line in Snapshot(path).read(common.ARTICLES_FILE).splitlines():
        if line.strip():
            record = json.loads(line)
            if str(record["id"]) not in excluded:
                texts.append(common.article_text(record))
    return texts[:limit]


def measure(nlp: Language, blank: Language, texts: list[str], label: str) -> float:
    """Print tokenizer-only and full-pipeline throughput on `texts`; return the ratio.
    CPU time is printed beside wall time: on a loaded machine it is the steadier figure."""
    t0, c0 = time.perf_counter(), time.process_time()
    n_tokens = sum(len(doc) for doc in blank.tokenizer.pipe(texts, batch_size=64))  # type: ignore[union-attr,misc]
    t_tok, c_tok = time.perf_counter() - t0, time.process_time() - c0

    t0, c0 = time.perf_counter(), time.process_time()
    n_claims = sum(len(doc.spans["claims"]) for doc in nlp.pipe(texts, batch_size=64))
    t_full, c_full = time.perf_counter() - t0, time.process_time() - c0

    print(f"{label}: {len(texts)} articles, {n_tokens:,} tokens, {n_claims:,} claims")
    print(f"  tokenizer only: {n_tokens / t_tok:>12,.0f} tokens/s ({t_tok:.2f} s, cpu {c_tok:.2f} s)")
    print(f"  full pipeline:  {n_tokens / t_full:>12,.0f} tokens/s ({t_full:.2f} s, cpu {c_full:.2f} s)")
    print(f"  ratio full / tokenizer: {t_tok / t_full:.2f}x (cpu time: {c_tok / c_full:.2f}x)")
    return t_tok / t_full


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--language", choices=("nl", "en"), default="nl")
    parser.add_argument("--real", type=int, default=1000, metavar="N",
                        help="also time N real Dutch dpg articles (0: skip)")
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
    print(f"spacy import {t_import:.2f} s; pipeline build {t_build:.2f} s")
    measure(nlp, blank, texts, f"project text ({args.language})")
    if args.real <= 0:
        return
    real = dpg_texts(args.real)
    if real is None:
        print("real text: skipped, no copy of github.com/dpgmedia/partisan-news2019 "
              "(git clone it to corpora/.cache/partisan-news2019 or set $DPG_SNAPSHOT)")
        return
    nlp_nl = nlp if args.language == "nl" else build("nl")
    measure(nlp_nl, spacy.blank("nl"), real, "real text (nl, dpg)")


if __name__ == "__main__":
    main()

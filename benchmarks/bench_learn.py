"""Learning curve of `annotator train`: scores after 10, 20, 40, 80, 160 training articles.

    nice -n 10 python3 benchmarks/bench_learn.py                 # both languages, full curve
    python3 benchmarks/bench_learn.py --quick                    # 10 articles, 2 epochs, en only
    python3 benchmarks/bench_learn.py --lang nl --folds 5

English: PolNeAR `train` converted by corpora/polnear as the coders' work (the first N of a
seeded shuffle), scored on the `rules` half of PolNeAR `dev` (never `test`, never `heldout`).
Dutch: the hand-coded dpg articles (corpora/dpg), k-fold cross-validated, each fold's training
part cut to N. Rules, model and combined (the rules plus the model as the policy chosen by an
inner cross-validation on the training part says, printed per model) are scored with
annotator.nlp.evaluate; training and suggesting times are printed.
When a corpus copy is missing this says which repository to fetch and goes on (exit 0).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotator.core.codebook import default_codebook  # noqa: E402
from annotator.learn.data import TrainArticle, from_gold  # noqa: E402
from annotator.nlp.evaluate import Tally, score_article  # noqa: E402
from corpora.snapshot import find_snapshot  # noqa: E402

MODES = ("rules", "model", "combined")
KEYS = ("source_f1", "cue_f1", "claim_f1", "link_acc", "type_acc", "attribution_acc",
        "certainty_acc", "certainty_level_recall")


def english() -> tuple[list[TrainArticle], list[TrainArticle]] | None:
    from corpora.polnear import convert

    snapshot = find_snapshot(convert.REPO, convert.ENV_VAR)
    if snapshot is None:
        print(f"en: skipped, no copy of PolNeAR: fetch github.com/{convert.REPO} "
              f"(git clone it to corpora/.cache/PolNeAR or set ${convert.ENV_VAR})")
        return None
    snap = convert.Snapshot(snapshot)
    converter = convert.Converter(convert.load_rules())
    split = convert.load_split()
    dev = convert.convert_articles(snap, split["compartment"], split["halves"]["rules"], converter)
    ids = sorted(convert.compartment_articles(snap, "train"))
    random.Random(16).shuffle(ids)
    return [from_gold(t, g) for t, g in dev], ids  # type: ignore[return-value]


def english_train(ids: list[str], n: int) -> list[TrainArticle]:
    from corpora.polnear import convert

    snap = convert.Snapshot(find_snapshot(convert.REPO, convert.ENV_VAR))  # type: ignore[arg-type]
    arts = convert.convert_articles(snap, "train", [{"id": i} for i in ids[:n]],
                                    convert.Converter(convert.load_rules()))
    return [from_gold(t, g) for t, g in arts]


def dutch() -> list[TrainArticle] | None:
    from corpora.dpg import common, rebuild

    snapshot = find_snapshot(common.REPO, common.ENV_VAR)
    if snapshot is None:
        print(f"nl: skipped, no copy of the dpg corpus: fetch github.com/{common.REPO} "
              f"(git clone it to corpora/.cache/partisan-news2019 or set ${common.ENV_VAR})")
        return None
    data = common.load_annotations()
    texts = rebuild.snapshot_texts(snapshot, {a["id"] for a in data["articles"]})
    out = []
    for art in data["articles"]:
        text = rebuild.check_text(art, texts.get(art["id"]), str(snapshot))
        out.append(from_gold(text, rebuild.gold_article(art, text)))
    return out


def train_and_score(train: list[TrainArticle], test: list[TrainArticle], lang: str,
                    epochs: int, tallies: dict[str, Tally], times: dict[str, float]) -> None:
    from annotator.learn.crossval import _fold_model
    from annotator.learn.train import Settings
    from annotator.learn.use import combined_batch
    from annotator.nlp.suggest import suggest_many

    book = default_codebook()
    tmp = Path(tempfile.mkdtemp(prefix="bench-learn-"))
    try:
        t0 = time.monotonic()
        learner = _fold_model(train, lang, book, tmp, Settings(epochs=epochs), "bench")
        times["train"] += time.monotonic() - t0
        info = learner.info
        print(f"       chosen on the training part: thresholds {info.thresholds}, values "
              f"{info.values}, link {info.link}", flush=True)
        texts = [a.text for a in test]
        t0 = time.monotonic()
        rules = list(suggest_many(texts, language=lang))
        times["rules"] += time.monotonic() - t0
        t0 = time.monotonic()
        model = learner.suggest(texts)
        times["model"] += time.monotonic() - t0
        t0 = time.monotonic()
        combined = list(combined_batch(learner, book)(texts, lang))
        times["combined"] += time.monotonic() - t0
        for mode, preds in (("rules", rules), ("model", model), ("combined", combined)):
            for art, pred in zip(test, preds, strict=True):
                score_article(pred, art.gold, tallies[mode])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def row(label: str, n: int, tallies: dict[str, Tally], times: dict[str, float]) -> None:
    figs = {m: tallies[m].figures() for m in MODES}
    cells = []
    for key in ("source_f1", "cue_f1", "claim_f1"):
        cells.append(" / ".join(f"{figs[m][key]:.3f}" for m in MODES))
    print(f"{label:<3} {n:>4}  " + "   ".join(cells) +
          f"   train {times['train']:6.0f} s  suggest rules/model/comb "
          f"{times['rules']:.1f}/{times['model']:.1f}/{times['combined']:.1f} s", flush=True)
    for m in MODES:
        print("       " + m.ljust(9) + " ".join(
            f"{k}={_f(figs[m][k])}" for k in KEYS), flush=True)


def _f(v: object) -> str:
    return "-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def header() -> None:
    print("lang    N  source F1 rules/model/comb   cue F1 rules/model/comb   "
          "claim F1 rules/model/comb", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=("en", "nl", "both"), default="both")
    ap.add_argument("--sizes", default="10,20,40,80,160")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="10 articles, 2 epochs, English")
    args = ap.parse_args(argv)
    if args.quick:
        args.sizes, args.epochs, args.lang = "10", 2, "en" if args.lang == "both" else args.lang
    sizes = [int(s) for s in args.sizes.split(",")]
    header()
    if args.lang in ("en", "both"):
        got = english()
        if got is not None:
            dev, ids = got
            for n in sizes:
                tallies = {m: Tally() for m in MODES}
                times = dict.fromkeys(("train", "rules", "model", "combined"), 0.0)
                train_and_score(english_train(ids, n), dev, "en", args.epochs, tallies, times)
                row("en", n, tallies, times)
    if args.lang in ("nl", "both"):
        arts = dutch()
        if arts is not None:
            from annotator.learn.crossval import folds

            parts = folds(len(arts), args.folds)
            most = len(arts) - max(len(p) for p in parts)
            for n in sorted({min(n, most) for n in sizes}):
                tallies = {m: Tally() for m in MODES}
                times = dict.fromkeys(("train", "rules", "model", "combined"), 0.0)
                for test_idx in parts:
                    train = [a for i, a in enumerate(arts) if i not in set(test_idx)][:n]
                    train_and_score(train, [arts[i] for i in test_idx], "nl", args.epochs,
                                    tallies, times)
                row("nl", n, tallies, times)
    return 0


if __name__ == "__main__":
    sys.exit(main())

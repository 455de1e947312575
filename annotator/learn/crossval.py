"""k-fold cross-validation over coded articles: rules vs model vs combined, on the measures of
`annotator evaluate` (annotator.nlp.evaluate), plus F1 per code of the codebook's variables."""

from __future__ import annotations

import random
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.core.codebook import Codebook
from annotator.learn.combine import learned_variables
from annotator.learn.data import TrainArticle
from annotator.learn.store import ModelInfo, codebook_hash
from annotator.nlp.evaluate import Tally, greedy_match, score_article

MODES = ("rules", "model", "combined")
KIND = {"source": "sources", "claim": "claims"}


class CodeTally:
    """Per variable and code: gold, predicted and matched-with-the-same-code counts."""

    def __init__(self, variables: list[tuple[str, str]]):
        self.variables = variables
        self.counts: dict[str, dict[str, list[int]]] = {f"{lv}.{n}": {} for lv, n in variables}

    def add(self, pred: dict[str, Any], gold: dict[str, Any]) -> None:
        for level, name in self.variables:
            kind = KIND[level]
            match = greedy_match(pred[kind], gold[kind], half=kind == "claims")
            table = self.counts[f"{level}.{name}"]
            for g in gold[kind]:
                _cell(table, _code(g, name))[0] += 1
            for p in pred[kind]:
                _cell(table, p.get(name))[1] += 1
            for gi, pi in match.items():
                code = _code(gold[kind][gi], name)
                if code is not None and code == pred[kind][pi].get(name):
                    _cell(table, code)[2] += 1

    def f1(self) -> dict[str, dict[str, float | None]]:
        out: dict[str, dict[str, float | None]] = {}
        for var, table in self.counts.items():
            out[var] = {code: (2 * m / (g + p) if g + p else None)
                        for code, (g, p, m) in sorted((c, v) for c, v in table.items() if c is not None)}
        return out


def _cell(table: dict[str, list[int]], code: str | None) -> list[int]:
    return table.setdefault(code, [0, 0, 0])  # type: ignore[arg-type]


def _code(item: dict[str, Any], name: str) -> str | None:
    return (item.get("values") or {}).get(name) or item.get(name)


def folds(n: int, k: int, seed: int = 0) -> list[list[int]]:
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def cross_validate(articles: list[TrainArticle], lang: str, book: Codebook, k: int, *,
                   settings: Any = None, on_fold: Callable[[int, int], None] | None = None,
                   progress: Any = None) -> dict[str, Any]:
    """Figures per mode summed over the k test folds (each article scored once)."""
    from annotator.learn.use import combined_batch
    from annotator.nlp.codebook_fit import fit_to_codebook
    from annotator.nlp.suggest import suggest_many

    if k < 2 or k > len(articles):
        raise ValueError(f"--cv needs 2 to {len(articles)} folds (one article per fold at least)")
    variables = learned_variables(book)
    tallies = {m: Tally() for m in MODES}
    codes = {m: CodeTally(variables) for m in MODES}
    for fold, test_idx in enumerate(folds(len(articles), k)):
        test = [articles[i] for i in test_idx]
        train = [a for i, a in enumerate(articles) if i not in set(test_idx)]
        tmp = Path(tempfile.mkdtemp(prefix="annotator-cv-"))
        try:
            learner = _fold_model(train, lang, book, tmp, settings, f"cv{fold + 1}", progress)
            texts = [a.text for a in test]
            preds = {"rules": list(suggest_many(texts, language=lang)),
                     "model": learner.suggest(texts),
                     "combined": list(combined_batch(learner, book)(texts, lang))}
            for mode in MODES:
                for art, pred in zip(test, preds[mode], strict=True):
                    pred, _ = fit_to_codebook(pred, book)  # type: ignore[arg-type]
                    score_article(pred, art.gold, tallies[mode])
                    codes[mode].add(pred, art.gold)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        if on_fold:
            on_fold(fold + 1, k)
    return {"folds": k, "articles": len(articles),
            **{m: tallies[m].figures() for m in MODES},
            "per_code_f1": {m: codes[m].f1() for m in MODES}}


def _fold_model(train: list[TrainArticle], lang: str, book: Codebook, folder: Path,
                settings: Any, name: str, progress: Any = None) -> Any:
    """A model trained into `folder` for scoring only (bound to no project)."""
    from annotator.learn.predict import Learner
    from annotator.learn.train import fit

    found = fit(train, lang, book, folder, settings=settings, progress=progress)
    info = ModelInfo(name=name, project_id="", language=lang, codebook_hash=codebook_hash(book),
                     trained_at="", articles=len(train), coder="", variables=found["variables"],
                     thresholds=found["thresholds"], values=found["values"],
                     link=found["link"],
                     scores={"inner_cv": found["inner_cv"]})
    (folder / "meta.json").write_text(info.to_json(), encoding="utf-8")
    return Learner.load(folder)

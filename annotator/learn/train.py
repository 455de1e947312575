"""Fitting a project's model: the span model, then one classifier per codebook variable.

Held out: a fifth of the articles (at least two) scores every epoch; the epoch with the best
held-out span F1 is kept. Everything is written into a temporary folder; only a finished run is
swapped in (`store.swap_in`), so a cancelled, failed or killed run leaves the previous model.
"""

from __future__ import annotations

import random
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import spacy
from spacy.training import Example

from annotator.core.codebook import Codebook
from annotator.learn import spans as SP
from annotator.learn.classify import claim_cue, span_features, train_classifier
from annotator.learn.combine import learned_variables
from annotator.learn.data import MIN_ARTICLES, TrainArticle, require_enough
from annotator.learn.store import ModelInfo, codebook_hash, new_model_folder, swap_in
from annotator.nlp.evaluate import Tally, score_article


@dataclass
class Progress:
    stage: str  # "spans" or the variable being fitted
    epoch: int
    epochs: int
    loss: float
    score: float | None  # held-out mean F1 of sources, cues and claims


class TrainingCancelled(Exception):
    """The caller asked to stop; nothing was swapped in."""


OnProgress = Callable[[Progress], None]
ShouldStop = Callable[[], bool]


@dataclass
class Settings:
    epochs: int = 12
    class_epochs: int = 8
    batch_size: int = 4
    seed: int = 0
    heldout: float = 0.2


def split(articles: list[TrainArticle], settings: Settings) -> tuple[list[TrainArticle],
                                                                    list[TrainArticle]]:
    order = list(articles)
    random.Random(settings.seed).shuffle(order)
    n = max(2, round(len(order) * settings.heldout))
    return order[n:], order[:n]


def span_figures(tally: Tally) -> float:
    f = tally.figures()
    return (float(f["source_f1"] or 0) + float(f["cue_f1"] or 0) + float(f["claim_f1"] or 0)) / 3


def fit(articles: list[TrainArticle], lang: str, book: Codebook, folder: Path, *,
        settings: Settings | None = None, progress: OnProgress | None = None,
        should_stop: ShouldStop | None = None) -> dict[str, Any]:
    """Train into `folder` (spans/ and classify/<level.name>/); returns what meta.json records."""
    settings = settings or Settings()
    spacy.util.fix_random_seed(settings.seed)  # the same data gives the same model
    train_set, held = split(articles, settings)
    nlp = SP.blank_model(lang)
    refs = [SP.reference_doc(nlp, a.text, a.gold) for a in train_set]
    examples = [Example(SP.hint_doc(nlp, r, a.negatives), r)
                for r, a in zip(refs, train_set, strict=True)]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(settings.seed)
    best = -1.0
    for epoch in range(1, settings.epochs + 1):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for i in range(0, len(examples), settings.batch_size):
            if should_stop and should_stop():
                raise TrainingCancelled
            nlp.update(examples[i:i + settings.batch_size], sgd=optimizer, losses=losses,
                       drop=0.1, annotates=["span_finder"])
        score = _heldout_spans(nlp, held)
        if score > best:
            best = score
            nlp.to_disk(folder / "spans")
        if progress:
            progress(Progress("spans", epoch, settings.epochs, sum(losses.values()), score))
    thresholds = _tune(folder, lang, held)
    variables: dict[str, list[str]] = {}
    for level, name in learned_variables(book):
        if should_stop and should_stop():
            raise TrainingCancelled
        codes = book.variable(name).codes() if book.variable(name) else []  # type: ignore[union-attr]
        spacy.util.fix_random_seed(settings.seed)
        clf = train_classifier(lang, _rows(articles, level, name), codes,
                               settings.class_epochs, settings.seed)
        if clf is not None:
            (folder / "classify").mkdir(exist_ok=True)
            clf.to_disk(folder / "classify" / f"{level}.{name}")
            variables[f"{level}.{name}"] = codes
        if progress:
            progress(Progress(name, 1, 1, 0.0, None))
    return {"labels": list(SP.LABELS.values()), "variables": variables, "thresholds": thresholds,
            "heldout_span_f1": round(best, 4), "heldout_articles": len(held),
            "train_articles": len(train_set)}


def _heldout_spans(nlp: spacy.language.Language, held: list[TrainArticle]) -> float:
    tally = Tally()
    for art, doc in zip(held, nlp.pipe(a.text for a in held), strict=True):
        pred = SP.doc_payload(doc)
        pred["claims"] = [{**c, "attribution": None, "certainty": None, "source": None}
                          for c in pred["claims"]]
        pred["sources"] = [{**s, "type": None} for s in pred["sources"]]
        score_article(pred, _gold_for_scoring(art.gold), tally)
    return span_figures(tally)


def _tune(folder: Path, lang: str, held: list[TrainArticle]) -> dict[str, float]:
    """Thresholds for joining the rules, on the held-out articles with the best epoch's model."""
    from annotator.learn.combine import tune_thresholds
    from annotator.nlp.suggest import suggest_many

    nlp = spacy.load(folder / "spans")
    texts = [a.text for a in held]
    model = [SP.doc_payload(doc) for doc in nlp.pipe(texts)]
    rules = list(suggest_many(texts, language=lang))
    return tune_thresholds(texts, rules, model, [a.gold for a in held])


def _gold_for_scoring(gold: dict[str, Any]) -> dict[str, Any]:
    return {"sources": gold["sources"], "cues": gold["cues"],
            "claims": [{**c, "attribution": c.get("attribution"),
                        "certainty": c.get("certainty")} for c in gold["claims"]]}


def _rows(articles: list[TrainArticle], level: str, name: str) -> list[tuple[str, str]]:
    rows = []
    for art in articles:
        if level == "source":
            rows += [(span_features(art.text, s["start"], s["end"]), s["type"])
                     for s in art.gold["sources"] if s.get("type")]
        else:
            for c in art.gold["claims"]:
                value = c.get("values", {}).get(name) or c.get(name)
                if value:
                    rows.append((span_features(art.text, c["start"], c["end"],
                                               claim_cue(art.gold, c)), value))
    return rows


def train_model(articles: list[TrainArticle], *, lang: str, book: Codebook, project_id: str,
                coder: str, base: Path, settings: Settings | None = None,
                progress: OnProgress | None = None, should_stop: ShouldStop | None = None,
                min_articles: int = MIN_ARTICLES, where: object = None,
                extra_scores: dict[str, Any] | None = None) -> ModelInfo:
    """Train on `articles` and swap the new model in under `base`; the old one stays in use
    until the very last step."""
    require_enough(articles, min_articles, where)
    started = time.monotonic()
    tmp = new_model_folder(base)
    try:
        found = fit(articles, lang, book, tmp, settings=settings, progress=progress,
                    should_stop=should_stop)
        stamp = datetime.now(UTC)
        info = ModelInfo(
            name=stamp.strftime("model-%Y%m%d-%H%M%S"), project_id=project_id, language=lang,
            codebook_hash=codebook_hash(book), trained_at=stamp.isoformat(timespec="seconds"),
            articles=len(articles), coder=coder, labels=found["labels"],
            variables=found["variables"], thresholds=found["thresholds"],
            scores={"heldout_span_f1": found["heldout_span_f1"],
                    "heldout_articles": found["heldout_articles"], **(extra_scores or {})},
            seconds=round(time.monotonic() - started, 1), spacy_version=spacy.__version__)
        (tmp / "meta.json").write_text(info.to_json(), encoding="utf-8")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    swap_in(base, tmp, info.name)
    return info

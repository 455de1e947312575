"""Fitting a project's model: the span model, then one classifier per codebook variable.

Before that, how the model joins the rules (`combine.Policy`) is chosen by an inner
cross-validation over the training articles only: `Settings.inner_folds` models, each trained
without one fold, predict that fold, and `combine.choose_policy` decides on these predictions.
Held out for the span model: a fifth of the articles (at least two) scores every epoch; the
epoch with the best held-out span F1 is kept. Everything is written into a temporary folder; only a finished run is
swapped in (`store.swap_in`), so a cancelled, failed or killed run leaves the previous model.
"""

from __future__ import annotations

import random
import shutil
import tempfile
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
from annotator.learn.combine import Heldout, Policy, choose_policy, learned_variables, rules_policy
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
    batch_size: int = 1  # small sets: more updates per epoch, about the same time
    seed: int = 0
    heldout: float = 0.2
    inner_folds: int = 3  # the inner cross-validation choosing the combination


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
    """Train into `folder` (spans/ and classify/<level.name>/); returns what meta.json records.

    First the combination with the rules is chosen by an inner cross-validation over these
    articles (`choose`): then the span model and the classifiers are fitted on all of them."""
    settings = settings or Settings()
    policy, inner = choose(articles, lang, book, settings, progress, should_stop)
    spacy.util.fix_random_seed(settings.seed)  # the same data gives the same model
    best, n_train, n_held = _fit_spans(articles, lang, folder / "spans", settings, "spans",
                                       progress, should_stop)
    variables: dict[str, list[str]] = {}
    for (level, name), (clf, codes) in _fit_classifiers(articles, lang, book, settings,
                                                         progress, should_stop).items():
        (folder / "classify").mkdir(exist_ok=True)
        clf.to_disk(folder / "classify" / f"{level}.{name}")
        variables[f"{level}.{name}"] = codes
    return {"labels": list(SP.LABELS.values()), "variables": variables,
            "thresholds": policy.thresholds, "values": policy.values, "link": policy.link,
            "inner_cv": inner,
            "heldout_span_f1": round(best, 4), "heldout_articles": n_held,
            "train_articles": n_train}


def choose(articles: list[TrainArticle], lang: str, book: Codebook, settings: Settings,
           progress: OnProgress | None = None, should_stop: ShouldStop | None = None
           ) -> tuple[Policy, dict[str, Any]]:
    """The combination with the rules, decided on `articles` alone: `settings.inner_folds`
    models, each trained without one fold, predict that fold; `choose_policy` picks thresholds
    and values on these out-of-fold predictions (see annotator.learn.combine)."""
    held = heldout_predictions(articles, lang, book, settings, progress, should_stop)
    return choose_policy(held, rules_policy(book))


def heldout_predictions(articles: list[TrainArticle], lang: str, book: Codebook,
                        settings: Settings, progress: OnProgress | None = None,
                        should_stop: ShouldStop | None = None) -> Heldout:
    """Rules and model on every article, the model trained without the article's inner fold."""
    from annotator.learn.crossval import folds
    from annotator.nlp.suggest import suggest_many

    held = Heldout()
    k = min(settings.inner_folds, len(articles))
    if k < 2:
        return held
    rules = list(suggest_many([a.text for a in articles], language=lang))
    for i, test_idx in enumerate(folds(len(articles), k, settings.seed)):
        out = set(test_idx)
        train = [a for j, a in enumerate(articles) if j not in out]
        learner = _inner_learner(train, lang, book, settings, f"check {i + 1}/{k}", progress,
                                 should_stop)
        test = [articles[j] for j in test_idx]
        models = learner.suggest([a.text for a in test], least=0.0)
        for j, art, model in zip(test_idx, test, models, strict=True):
            held.add(art.text, rules[j], model, learner.on_rules(art.text, rules[j]),
                     art.gold, i)
    return held


def _inner_learner(train: list[TrainArticle], lang: str, book: Codebook, settings: Settings,
                   stage: str, progress: OnProgress | None,
                   should_stop: ShouldStop | None) -> Any:
    from annotator.learn.predict import Learner

    spacy.util.fix_random_seed(settings.seed)
    tmp = Path(tempfile.mkdtemp(prefix="annotator-inner-"))
    try:
        _fit_spans(train, lang, tmp / "spans", settings, stage, progress, should_stop)
        span_nlp = spacy.load(tmp / "spans")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    classifiers = {var: clf for var, (clf, _) in
                   _fit_classifiers(train, lang, book, settings, None, should_stop).items()}
    info = ModelInfo(name=stage, project_id="", language=lang, codebook_hash="", trained_at="",
                     articles=len(train), coder="")
    return Learner(tmp, info, span_nlp, classifiers)


def _fit_spans(articles: list[TrainArticle], lang: str, out: Path, settings: Settings,
               stage: str, progress: OnProgress | None,
               should_stop: ShouldStop | None) -> tuple[float, int, int]:
    """The span model, its best epoch on a held-out part written to `out`; (best held-out
    span F1, training articles, held-out articles)."""
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
            nlp.to_disk(out)
        if progress:
            progress(Progress(stage, epoch, settings.epochs, sum(losses.values()), score))
    return best, len(train_set), len(held)


def _fit_classifiers(articles: list[TrainArticle], lang: str, book: Codebook,
                     settings: Settings, progress: OnProgress | None,
                     should_stop: ShouldStop | None
                     ) -> dict[tuple[str, str], tuple[spacy.language.Language, list[str]]]:
    """One classifier per learnable variable with two codes at least: (model, codes)."""
    out = {}
    for level, name in learned_variables(book):
        if should_stop and should_stop():
            raise TrainingCancelled
        var = book.variable(name)
        codes = var.codes() if var else []
        spacy.util.fix_random_seed(settings.seed)
        clf = train_classifier(lang, _rows(articles, level, name), codes,
                               settings.class_epochs, settings.seed)
        if clf is not None:
            out[(level, name)] = (clf, codes)
        if progress:
            progress(Progress(name, 1, 1, 0.0, None))
    return out


def _heldout_spans(nlp: spacy.language.Language, held: list[TrainArticle]) -> float:
    tally = Tally()
    for art, doc in zip(held, nlp.pipe(a.text for a in held), strict=True):
        pred = {k: [x for x in v if x["score"] >= SP.ALONE]
                for k, v in SP.doc_payload(doc).items()}
        pred["claims"] = [{**c, "attribution": None, "certainty": None, "source": None}
                          for c in pred["claims"]]
        pred["sources"] = [{**s, "type": None} for s in pred["sources"]]
        score_article(pred, _gold_for_scoring(art.gold), tally)
    return span_figures(tally)


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
            values=found["values"], link=found["link"],
            scores={"heldout_span_f1": found["heldout_span_f1"],
                    "heldout_articles": found["heldout_articles"],
                    "inner_cv": found["inner_cv"], **(extra_scores or {})},
            seconds=round(time.monotonic() - started, 1), spacy_version=spacy.__version__)
        (tmp / "meta.json").write_text(info.to_json(), encoding="utf-8")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    swap_in(base, tmp, info.name)
    return info

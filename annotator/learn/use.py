"""Use cases of learning, shared by the CLI and the GUI: train a project's model, find the
model that may be used for a project, and suggest with it beside the rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.learn.combine import combine, gate, rules_policy
from annotator.learn.data import coded_articles
from annotator.learn.store import ModelInfo, check_model, current_model, models_dir

if TYPE_CHECKING:
    from annotator.learn.predict import Learner
    from annotator.learn.train import OnProgress, Settings, ShouldStop
    from annotator.project import Project

Batch = Callable[[list[str], str | None], Iterable[dict[str, Any]]]


def train_project(project: Project, *, coder: str | None = None, consensus: bool = False,
                  out: Path | None = None, settings: Settings | None = None,
                  progress: OnProgress | None = None,
                  should_stop: ShouldStop | None = None) -> ModelInfo:
    """Train on the coder's (or the consensus') done articles; the model goes beside the project
    (or under `out`) and is used from then on."""
    from annotator.learn.train import train_model

    articles = coded_articles(project, coder, consensus)
    who = "consensus" if consensus else coder or (project.coders()[0].name if project.coders()
                                                  else "")
    return train_model(articles, lang=project.language, book=project.codebook,
                       project_id=project.project_id, coder=who,
                       base=out or models_dir(project.path), settings=settings,
                       progress=progress, should_stop=should_stop, where=project.path)


def usable_model(project: Project, base: Path | None = None
                 ) -> tuple[Path | None, ModelInfo | None, str | None]:
    """(folder, info, message): the model to use, or None with the reason (stale codebook).
    A model trained for another project raises ModelRefused."""
    folder = current_model(base or models_dir(project.path))
    if folder is None:
        return None, None, None
    info, stale = check_model(folder, project.project_id, project.codebook)
    return (None, info, stale) if stale else (folder, info, None)


def combined_batch(learner: Learner, book: Any) -> Batch:
    """A batch suggester: the rules, and the model as the policy chosen when training says
    (its spans above the thresholds where the rules found none, its values where they beat
    the rules' and for the variables the rules do not know)."""
    from annotator.nlp.suggest import suggest_many

    policy = rules_policy(book, learner.info.values, learner.info.thresholds,
                          learner.info.link)
    model_values = any(gate(who) is not None for who in policy.values.values())

    def run(texts: list[str], language: str | None) -> list[dict[str, Any]]:
        rules = list(suggest_many(texts, language=language))
        out = []
        for text, r, m in zip(texts, rules, learner.suggest(texts, least=0.0),
                                 strict=True):
            theirs = learner.on_rules(text, r) if model_values else None
            merged, _ = combine(text, r, m, policy, theirs)
            out.append(merged)
        return out

    return run


def suggest_project(project: Project, *, again: bool = False, base: Path | None = None,
                    rules_only: bool = False, progress: Callable[[int, int], None] | None = None,
                    **options: Any) -> tuple[int, str | None]:
    """Suggestions for the project's articles with its model beside the rules when there is a
    usable one; (articles done, message about the model or None). `options` go on to
    Project.suggest_articles (batch_size, should_stop)."""
    from annotator.learn.predict import Learner

    folder, info, message = (None, None, None) if rules_only else usable_model(project, base)
    if folder is None or info is None:
        return project.suggest_articles(again=again, progress=progress, **options), message
    learner = Learner.load(folder)
    done = project.suggest_articles(again=again, progress=progress, **options,
                                    suggester=combined_batch(learner, project.codebook),
                                    pipeline_version=f"annotator-rules-1+model:{info.name}")
    return done, f"suggestions from the rules and the model {info.name!r} ({info.articles} " \
                 f"training articles, {info.trained_at[:10]})"

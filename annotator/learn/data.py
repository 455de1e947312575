"""Training data from a project's coded articles, in the gold shape `annotator evaluate` scores.

Positives are a coder's own annotations (origin accepted, edited or manual: all three are the
coder's decision). Negatives are the suggestions that coder rejected: the store keeps each
decision keyed by (kind, start, end) in `suggestion_decision`, so a rejected span survives a
re-run of the suggester. An article counts as coded when the coder marked it done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.core.errors import UserError

if TYPE_CHECKING:
    from annotator.project import Project

MIN_ARTICLES = 10  # fewer than this and a held-out fold has almost nothing to score
KINDS = ("source", "cue", "claim")


@dataclass
class TrainArticle:
    """One coded article: its text, the coder's coding as gold and the rejected spans."""

    text: str
    gold: dict[str, Any]
    negatives: list[tuple[str, int, int]] = field(default_factory=list)
    article_id: int | None = None


class TooFewArticles(UserError):
    """Not enough coded articles to train on."""


def coded_articles(project: Project, coder: str | None = None,
                   consensus: bool = False) -> list[TrainArticle]:
    """The articles one coder (or the consensus) marked done, as training examples."""
    from annotator.consensus import CONSENSUS

    name = CONSENSUS if consensus else coder
    coders = project.coders()
    if name is None:
        if len([c for c in coders if c.name != CONSENSUS]) > 1:
            raise UserError("this project has several coders: choose one with --coder NAME "
                            "or use --consensus", path=project.path)
        chosen = [c for c in coders if c.name != CONSENSUS]
    else:
        chosen = [c for c in coders if c.name == name]
        if not chosen:
            raise UserError(f"no coder named {name!r} in this project", path=project.path)
    if not chosen:
        raise UserError("nobody has coded an article in this project yet", path=project.path)
    cid = chosen[0].id
    done = sorted(a for a, (status, _) in project.statuses(cid).items() if status == "done")
    return [_article(project, a, cid) for a in done]


def require_enough(articles: list[TrainArticle], needed: int = MIN_ARTICLES,
                   where: object = None) -> None:
    if len(articles) < needed:
        raise TooFewArticles(
            f"only {len(articles)} coded article(s) marked done; training needs at least "
            f"{needed} ({needed - len(articles)} more)", path=where)


def _article(project: Project, article_id: int, coder_id: int) -> TrainArticle:
    text = project.article_text(article_id)
    sources = project.sources(coder_id=coder_id, article_id=article_id)
    cues = project.cues(coder_id=coder_id, article_id=article_id)
    claims = project.claims(coder_id=coder_id, article_id=article_id)
    s_index = {s.id: i for i, s in enumerate(sources)}
    c_index = {c.id: i for i, c in enumerate(cues)}
    gold: dict[str, Any] = {
        "sources": [{"start": s.start, "end": s.end, "type": s.type} for s in sources],
        "cues": [{"start": c.start, "end": c.end} for c in cues],
        "claims": [{"start": k.start, "end": k.end, "values": dict(k.values),
                    "attribution": k.values.get("attribution"),
                    "certainty": k.values.get("certainty"),
                    "source": s_index.get(k.source_id) if k.source_id is not None else None,
                    "cue": c_index.get(k.cue_id) if k.cue_id is not None else None}
                   for k in claims],
    }
    rejected = [(kind, s, e) for (kind, s, e), d in project.decisions(article_id, coder_id).items()
                if d == "rejected" and kind in KINDS]
    return TrainArticle(text, gold, rejected, article_id)


def from_gold(text: str, gold: dict[str, Any]) -> TrainArticle:
    """A training example from a gold article of a development set (benchmarks)."""
    claims = [{**c, "values": {k: c[k] for k in ("attribution", "certainty") if c.get(k)}}
              for c in gold["claims"]]
    return TrainArticle(text, {**gold, "claims": claims})

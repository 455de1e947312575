"""A project coded from the project-written gold articles of tests/data (never a publisher's
text), and tiny training settings so that every test trains in seconds."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator import commands
from annotator.core.model import ArticleRecord

DATA = Path(__file__).resolve().parent.parent / "data"
GOLD_DIRS = (DATA / "dev" / "nl", DATA / "dev_extra" / "nl")
# a project's own source types: the gold types mapped onto four codes the rules do not know
OWN_TYPES = {"person": "politician", "institution": "company", "news_media": "expert",
             "document": "expert", "social_media": "citizen", "anonymous": "citizen"}


def gold_articles(limit: int) -> list[tuple[str, str, dict]]:
    out = []
    for folder in GOLD_DIRS:
        data = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        for art in data["articles"]:
            text = (folder / art["text_file"]).read_text(encoding="utf-8")
            out.append((f"{folder.parent.name}/{art['text_file']}", text, art))
    return out[:limit]


def code_project(proj, n: int, coder: str = "ann", own_types: bool = False,
                 done: bool = True) -> list[int]:
    """Import `n` gold articles and code them as `coder` did; returns the article ids."""
    arts = gold_articles(n)
    proj.import_records([ArticleRecord(text=t, ext_id=name, language="nl")
                         for name, t, _ in arts])
    ids = {a.ext_id: a.id for a in proj.articles()}
    c = proj.ensure_coder(coder)
    for name, _, gold in arts:
        aid = ids[name]
        src_ids = []
        for s in gold["sources"]:
            typ = OWN_TYPES.get(s["type"]) if own_types else s["type"]
            edit = commands.add_source(proj.db, aid, c.id, s["start"], s["end"], typ)
            src_ids.append(edit.created("source_mention")[0])
        cue_ids = [commands.add_cue(proj.db, aid, c.id, q["start"], q["end"]).created("cue")[0]
                   for q in gold["cues"]]
        for k in gold["claims"]:
            commands.add_claim(
                proj.db, aid, c.id, k["start"], k["end"],
                values={"attribution": k["attribution"], "certainty": k["certainty"]},
                source_id=None if k["source"] is None else src_ids[k["source"]],
                cue_id=None if k["cue"] is None else cue_ids[k["cue"]])
        if done:
            commands.set_article_status(proj.db, aid, c.id, "done")
    return [ids[name] for name, _, _ in arts]


@pytest.fixture
def tiny(monkeypatch: pytest.MonkeyPatch) -> None:
    """One epoch everywhere (the CLI's default settings too) and no inner cross-validation
    unless a test asks for it (the combination is then the rules' own: tests of the choice
    itself are in test_combine and test_choose_on_training_folds_only)."""
    from annotator.learn import train

    monkeypatch.setattr(train.Settings, "__init__", _tiny_init)


def _tiny_init(self, epochs: int = 1, class_epochs: int = 1, batch_size: int = 4,
               seed: int = 0, heldout: float = 0.2, inner_folds: int = 0) -> None:
    self.epochs, self.class_epochs, self.batch_size = 1, 1, batch_size
    self.seed, self.heldout, self.inner_folds = seed, heldout, inner_folds


@pytest.fixture
def coded(project) -> Callable[..., list[int]]:
    return lambda n, **kw: code_project(project, n, **kw)


@pytest.fixture
def code() -> Callable[..., list[int]]:
    """code_project itself, for a project the test creates (another codebook)."""
    return code_project

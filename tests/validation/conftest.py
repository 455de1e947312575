"""A project coded by two coders plus a consensus, on the project's own development texts
(tests/data/dev_extra/nl), with the suggester's suggestions stored: what `validate` is for."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator import commands
from annotator.core.model import ArticleRecord
from annotator.project import Project

# dev_extra: written for the project by another author, imperfectly suggested, so the
# figures below are not all 1
DEV = Path(__file__).resolve().parents[1] / "data" / "dev_extra" / "nl"
OUTLETS = ("Courant", "Dagblad", "")


def gold_articles() -> list[tuple[str, dict[str, Any]]]:
    data = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    return [((DEV / a["text_file"]).read_text(encoding="utf-8"), a) for a in data["articles"]]


def code(proj: Project, article_id: int, coder: str, gold: dict[str, Any], *,
         drop: int = 0, shift: int = 0) -> None:
    """Code an article as `gold` says, as a coder would (the commands layer); every `drop`th
    claim left out and every `shift`th claim's certainty changed, to make coders differ."""
    coder_id = proj.ensure_coder(coder).id
    sources = [proj.apply(commands.add_source, article_id, coder_id, s["start"], s["end"],
                          s["type"]).created("source_mention")[0] for s in gold["sources"]]
    cues = [proj.apply(commands.add_cue, article_id, coder_id, c["start"], c["end"]
                       ).created("cue")[0] for c in gold["cues"]]
    for n, cl in enumerate(gold["claims"], 1):
        if drop and n % drop == 0:
            continue
        certainty = cl["certainty"]
        if shift and n % shift == 0:
            certainty = "possible" if certainty != "possible" else "certain"
        proj.apply(commands.add_claim, article_id, coder_id, cl["start"], cl["end"],
                   {"attribution": cl["attribution"], "certainty": certainty},
                   source_id=None if cl["source"] is None else sources[cl["source"]],
                   cue_id=None if cl["cue"] is None else cues[cl["cue"]])
    proj.apply(commands.set_article_status, article_id, coder_id, "done")


def build(path: Path, *, suggest: bool = True) -> Path:
    arts = gold_articles()
    with Project.create(path, language="nl") as proj:
        proj.import_records([ArticleRecord(text=text, ext_id=g["id"],
                                           outlet=OUTLETS[i % len(OUTLETS)])
                             for i, (text, g) in enumerate(arts)])
        ids = {a.ext_id: a.id for a in proj.articles()}
        for n, (_, g) in enumerate(arts):
            aid = ids[g["id"]]
            code(proj, aid, "anna", g)
            code(proj, aid, "bob", g, drop=5, shift=3)
            if n < len(arts) - 1:  # the consensus has not settled the last article yet
                code(proj, aid, "consensus", g, shift=7)
        if suggest:
            proj.suggest_articles()
    return path


@pytest.fixture(scope="session")
def coded_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("validate") / "study.annotator")


@pytest.fixture
def project_copy(coded_project: Path, tmp_path: Path) -> Path:
    """A copy each test may change."""
    target = tmp_path / "study.annotator"
    with Project.open(coded_project) as proj:
        proj.db.backup_to(target)
    return target

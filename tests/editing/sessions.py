"""An editing session on one article with stored suggestions: the setup the editing tests share."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.model import ArticleRecord
from annotator.editing.session import EditingSession
from annotator.paths import resource
from annotator.project import Project

TEXT = resource("samples", "trump_iran_nl.txt").read_text(encoding="utf-8")
GOLD = json.loads(resource("samples", "trump_iran_nl.gold.json").read_text(encoding="utf-8"))


def session_on(path: Path, payload: dict, text: str = TEXT) -> EditingSession:
    """A new project at `path` with `text` and `payload` as its suggestions, opened by anna."""
    with Project.create(path, language="nl") as proj:
        proj.import_records([ArticleRecord(text=text, ext_id="a1", title="t")])
        proj.save_suggestions(proj.articles()[0].id, payload, "test")
    session = EditingSession()
    session.set_project(Project.open(path), "anna")
    session.load_article(session.proj.articles()[0].id)
    return session

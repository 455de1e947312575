"""A two-coder project for the `annotator agreement` tests: anna and bram mark the same two
claims, agree on the first and differ on the certainty of the second."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

TEXT = "Minister A zei dat het zeker is. Volgens B zou het kunnen. Het is onduidelijk."


@pytest.fixture
def two_coders(tmp_path: Path) -> Callable[..., Path]:
    """Build the project at tmp_path/p.annotator: the second claim with `attribution` for both
    coders; with `consensus`, an (empty) consensus coder too."""
    from annotator import commands
    from annotator.core.model import ArticleRecord
    from annotator.project import Project

    def build(attribution: str, consensus: bool = False) -> Path:
        path = tmp_path / "p.annotator"
        with Project.create(path) as proj:
            proj.import_records([ArticleRecord(text=TEXT, ext_id="a1", title="t")])
            article = proj.articles()[0].id
            for name, certainty in (("anna", "certain"), ("bram", "possible")):
                coder = proj.ensure_coder(name).id
                proj.apply(commands.add_claim, article, coder, 0, 32,
                           {"attribution": "indirect", "certainty": "certain"})
                proj.apply(commands.add_claim, article, coder, 34, 58,
                           {"attribution": attribution, "certainty": certainty})
                proj.apply(commands.set_article_status, article, coder, "done")
            if consensus:
                proj.ensure_coder("consensus")
        return path

    return build

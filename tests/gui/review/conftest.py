"""A small two-coder project built through the Project API: anna and ben agree on one claim,
differ on certainty in one, on attribution in another, and ben missed one claim. Emoji before
the claims make code-point and UTF-16 offsets differ."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator import commands
from annotator.core.model import ArticleRecord
from annotator.project import Project

TEXT = ("\U0001F600\U0001F4F0 Minister Jansen zei dat de belasting omhoog gaat. "
        "Volgens Reuters zou Iran een drone hebben neergeschoten. "
        "Het is onduidelijk of de wapens ooit werken. "
        "De politie meldt dat er niemand gewond raakte.")

# span text -> anna's values, ben's values (None: ben did not mark it)
CLAIMS = {
    "de belasting omhoog gaat": ({"attribution": "indirect", "certainty": "certain"},
                                 {"attribution": "indirect", "certainty": "certain"}),
    "Iran een drone hebben neergeschoten": ({"attribution": "indirect", "certainty": "possible"},
                                            {"attribution": "indirect",
                                             "certainty": "probable"}),
    "de wapens ooit werken": ({"attribution": "unattributed", "certainty": "uncertain"}, None),
    "er niemand gewond raakte": ({"attribution": "indirect", "certainty": "certain"},
                                 {"attribution": "direct", "certainty": "certain"}),
}


def span(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


def build_project(path: Path) -> None:
    with Project.create(path, language="nl") as proj:
        proj.import_records([ArticleRecord(text=TEXT, ext_id="a1", title="Drone over Iran")])
        article = proj.articles()[0].id
        coders = [proj.ensure_coder("anna").id, proj.ensure_coder("ben").id]
        for quote, coded in CLAIMS.items():
            start, end = span(quote)
            for coder, values in zip(coders, coded, strict=True):
                if values is not None:
                    proj.apply(commands.add_claim, article, coder, start, end, values=values)
        for coder in coders:
            proj.apply(commands.set_article_status, article, coder, "done")


@pytest.fixture
def review_path(user_data: Path, tmp_path: Path) -> Path:
    path = tmp_path / "review.annotator"
    build_project(path)
    return path


@pytest.fixture
def agreement_window(qtbot):
    """Open the agreement window on a project file; waits for the first report, closes it at
    the end of the test."""
    from annotator.gui.review import AgreementWindow

    opened = []

    def open_window(path: Path) -> AgreementWindow:
        w = AgreementWindow(path, bootstrap=50)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitUntil(lambda: w.data is not None, timeout=15000)
        opened.append(w)
        return w

    yield open_window
    for w in opened:
        w.close()

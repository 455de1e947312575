"""The suggester as a coder: its suggestions accepted, every one, by a coder named `machine`.

The coding is made through the same edits a coder makes in the coding window
(`commands.accept_suggestion`, then the article marked done), in a copy of the project, so the
agreement engine reads it as it reads any coder. What fills the suggestion layer is a `Fill`:
by default the stored suggestions (what `suggest --project` wrote), running `suggest --project`'s
own code on articles that have none. Another suggester (a trained model) plugs in as another
`Fill` that writes its suggestions into the copy's layer.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator import commands
from annotator.core.model import Coder
from annotator.project import Project
from annotator.reliability import coder_claims
from annotator.store import suggestions as S

MACHINE = "machine"

Fill = Callable[[Project, list[int]], None]


def fill_missing(proj: Project, article_ids: list[int]) -> None:
    """Suggestions for the articles that have none, as `suggest --project` makes them."""
    missing = [a for a in article_ids if proj.suggestions(a) is None]
    if missing:
        proj.suggest_articles(missing)


def fill_again(proj: Project, article_ids: list[int]) -> None:
    """Fresh suggestions for every article (`suggest --project --again`), so the suggester as
    it is now is validated, not the one that made the stored suggestions."""
    proj.suggest_articles(list(article_ids))


def reference_articles(proj: Project, reference: Coder) -> list[int]:
    """The articles the reference coded, as the agreement engine counts them (finished, or
    with claims): the machine codes exactly these."""
    return sorted(a for a in coder_claims(proj, reference) if isinstance(a, int))


def free_name(proj: Project, wanted: str = MACHINE) -> str:
    """`machine`, or `machine-2`, ... when a coder already has that name."""
    taken = {c.name for c in proj.coders()}
    name, n = wanted, 1
    while name in taken:
        n += 1
        name = f"{wanted}-{n}"
    return name


def code_as_machine(proj: Project, article_ids: list[int], name: str) -> Coder:
    """Accept every suggestion of these articles as coder `name` and mark each done."""
    coder = proj.ensure_coder(name)
    for article_id in article_ids:
        for suggestion_id, _kind in S.suggestion_ids(proj.db, article_id):
            proj.apply(commands.accept_suggestion, coder.id, suggestion_id)
        proj.apply(commands.set_article_status, article_id, coder.id, "done")
    return coder

"""`validate`: the suggester as coder `machine` against a reference coder (default: the
consensus), overall and per outlet.

The agreement figures come from `reliability.project_report` on a copy of the project that
holds the machine's coding as a coder's work, so they are exactly what `annotator agreement
COPY --coder REFERENCE --coder machine [--outlet NAME]` prints for that copy
(`--machine-file` keeps it).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.agreement.report import AgreementReport
from annotator.agreement.verdict import GUIDANCE
from annotator.consensus import CONSENSUS
from annotator.core.errors import UserError
from annotator.project import Project
from annotator.reliability import project_report
from annotator.store import suggestions as S
from annotator.validation import units as U
from annotator.validation.machine import (
    Fill,
    code_as_machine,
    fill_missing,
    free_name,
    reference_articles,
)

NO_OUTLET = "(no outlet)"


@dataclass(frozen=True)
class Part:
    """The figures over one set of articles: all of them, or one outlet's."""

    outlet: str | None  # None: all articles
    articles: int
    units: dict[str, Any]
    agreement: AgreementReport

    @property
    def label(self) -> str:
        return "all" if self.outlet is None else (self.outlet or NO_OUTLET)

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "articles": self.articles, "units": self.units,
                "agreement": self.agreement.to_dict()}


@dataclass(frozen=True)
class Validation:
    reference: str
    machine: str
    suggesters: dict[str, int]  # pipeline version -> articles it suggested
    overall: Part
    outlets: tuple[Part, ...]

    @property
    def parts(self) -> tuple[Part, ...]:
        return (self.overall, *self.outlets)

    def reference_accepted(self) -> float | None:
        """Share of the reference's claims accepted from suggestions: where coders saw the
        suggestions, agreement with the machine is partly agreement with itself."""
        share = next((p for p in self.overall.agreement.pipeline if p.coder == self.reference),
                     None)
        return share.share("accepted") if share else None

    def to_dict(self) -> dict[str, Any]:
        return {"reference": self.reference, "machine": self.machine,
                "suggesters": self.suggesters, "verdict_rule": GUIDANCE,
                "reference_share_accepted": self.reference_accepted(),
                "overall": self.overall.to_dict(),
                "outlets": [p.to_dict() for p in self.outlets]}


def validate(proj: Project, against: str = CONSENSUS, variables: Sequence[str] | None = None,
             *, bootstrap: int = 1000, seed: int | None = 0, fill: Fill = fill_missing,
             keep: Path | None = None, force: bool = False, blind: bool = False) -> Validation:
    """Code the reference's articles as the machine in a temporary copy and compare; with
    `blind`, only the articles coded with the suggestions hidden (`assign`'s reliability
    sample), where the coders cannot have taken the machine's word."""
    reference = proj.coder(against)
    if reference is None:
        names = ", ".join(c.name for c in proj.coders()) or "no coders"
        hint = (" (settle disagreements in the agreement window first, or give --against "
                "CODER)" if against == CONSENSUS else "")
        raise UserError(f"no coder named {against!r} to validate against{hint}; the project "
                        f"has {names}", path=proj.path)
    with tempfile.TemporaryDirectory(prefix="annotator-validate-") as tmp:
        copy = proj.db.backup_to(Path(tmp) / "machine.annotator")
        with Project.open(copy) as work:
            articles = reference_articles(work, reference)
            if blind:
                hidden = {a.id for a in work.articles() if a.require_blind}
                articles = [a for a in articles if a in hidden]
            if not articles:
                raise UserError(f"{against!r} has coded no {'blind ' if blind else ''}articles "
                                "yet", path=proj.path)
            fill(work, articles)
            machine = free_name(work)
            code_as_machine(work, articles, machine)
            result = measure(work, against, machine, articles, variables,
                             bootstrap=bootstrap, seed=seed)
            if keep is not None:
                work.db.backup_to(keep, force=force)
    return result


def measure(work: Project, reference: str, machine: str, articles: list[int],
            variables: Sequence[str] | None, *, bootstrap: int, seed: int | None) -> Validation:
    coders = [reference, machine]
    ids = {c.name: c.id for c in work.coders()}
    outlet_of = {a.id: a.outlet for a in work.articles()}

    def part(outlet: str | None) -> Part:
        chosen = [a for a in articles if outlet is None or outlet_of.get(a) == outlet]
        scored = U.tally(work, chosen, ids[machine], ids[reference])
        report = project_report(work, coders, variables, bootstrap=bootstrap, seed=seed,
                                outlets=None if outlet is None else [outlet],
                                article_ids=articles)
        return Part(outlet, len(chosen), U.figures(scored), report)

    outlets = sorted({outlet_of.get(a, "") for a in articles})
    return Validation(reference=reference, machine=machine,
                      suggesters=S.pipeline_versions(work.db, articles),
                      overall=part(None), outlets=tuple(part(o) for o in outlets))

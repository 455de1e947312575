"""What the review screens show, as plain data (no Qt): the report, one row per disagreement
with the claim ids behind it, and the consensus coder's claim for a unit.

`build_review` runs in the worker thread on that thread's own Project; the consensus look-ups
run in the window's thread on the window's Project.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator import consensus
from annotator.agreement import links
from annotator.agreement.alignment import overlap, qualifies
from annotator.agreement.report import AgreementReport, Disagreement, unit_disagreements
from annotator.consensus import CONSENSUS
from annotator.core.model import Claim, Kind
from annotator.project import Project
from annotator.reliability import project_claims, project_report

NOT_MARKED = "(no claim)"  # a coder who coded the article but did not mark this claim


@dataclass(frozen=True)
class ClaimRef:
    """One coder's claim in a unit: enough to highlight it and to copy it."""

    id: int
    start: int
    end: int
    values: Mapping[str, Any]


@dataclass(frozen=True)
class ReviewRow:
    unit: str
    article_id: int
    start: int
    end: int
    variable: str | None  # None: one coder marked the claim, another did not
    values: Mapping[str, Any]  # coder -> value; None: no claim; absent: article not coded
    claims: Mapping[str, ClaimRef]  # coder -> claim (coders who marked it)
    title: str = ""
    quote: str = ""

    def differs(self, a: str, b: str) -> bool:
        """Do coders a and b disagree here (both coded the article)?"""
        if a not in self.values or b not in self.values:
            return False
        va, vb = self.values[a], self.values[b]
        if self.variable is None:
            return (va is None) != (vb is None)
        return va not in (None, "") and vb not in (None, "") and va != vb

    def pair(self, coders: Sequence[str]) -> tuple[str, str] | None:
        """The first pair of coders (in report order) who disagree here."""
        for i, a in enumerate(coders):
            for b in coders[i + 1:]:
                if self.differs(a, b):
                    return a, b
        return None

    def shown(self, coder: str) -> str:
        if coder not in self.values:
            return "(article not coded)"
        value = self.values[coder]
        if self.variable is None:
            return "marked" if value is not None else NOT_MARKED
        return NOT_MARKED if value is None and coder not in self.claims else str(value or "-")


@dataclass(frozen=True)
class ReviewData:
    report: AgreementReport
    rows: tuple[ReviewRow, ...]
    unit_rows: tuple[Disagreement, ...] = ()  # for the workbook's Disagreements sheet
    titles: Mapping[Hashable, str] = field(default_factory=dict)


def build_review(proj: Project, coders: Sequence[str] | None, *, bootstrap: int = 1000,
                 seed: int | None = 0) -> ReviewData:
    """The report and its disagreements (coded and unitizing), with the claims behind them."""
    report = project_report(proj, coders, bootstrap=bootstrap, seed=seed)
    claims = project_claims(proj, list(report.coders))
    units = unit_disagreements(report.alignment, claims)
    ids = _claim_ids(proj, report.coders)
    by_unit = {u.id: u for u in report.alignment.units} if report.alignment else {}
    titles = {a.id: a.title or a.ext_id for a in proj.articles()}
    found = [*units, *(d for v in report.variables for d in v.disagreements)]
    texts = {a: proj.article_text(a) for a in {d.article_id for d in found}}
    rows = [_row(d, by_unit, ids, titles, texts) for d in found]
    rows.sort(key=lambda r: (str(r.article_id), r.start, r.end, r.variable or ""))
    return ReviewData(report, tuple(rows), units, titles)


def _claim_ids(proj: Project, coders: Sequence[str]) -> dict[str, int]:
    """Claim uid -> id for these coders (the engine knows claims by uid)."""
    out: dict[str, int] = {}
    for name in coders:
        coder = proj.coder(name)
        if coder is not None:
            out.update({c.uid: c.id for c in proj.claims(coder_id=coder.id)})
    return out


def _own_values(view: Any) -> dict[str, Any]:
    """A coder's values as the comparison pane shows them: the link variables name the coder's
    own mention ("politie"), not the text their group agrees under ("de politie"), so the PI
    sees that the spans differ (field trial)."""
    values = dict(view.values)
    own = getattr(view, "links", None) or {}
    for name in links.LINKS:
        if name in own:
            link = own[name]
            values[name] = " ".join(link[2].split()) if link else links.NO_LINK
    return values


def _row(d: Disagreement, units: Mapping[str, Any], ids: Mapping[str, int],
         titles: Mapping[Hashable, str], texts: Mapping[Hashable, str]) -> ReviewRow:
    unit = units.get(d.unit)
    claims = {}
    for coder, view in (unit.claims.items() if unit is not None else ()):
        if view.uid in ids:
            claims[coder] = ClaimRef(ids[view.uid], view.start, view.end, _own_values(view))
    quote = " ".join(texts.get(d.article_id, "")[d.start:d.end].split())
    return ReviewRow(d.unit, d.article_id, d.start, d.end, d.variable, dict(d.values), claims,
                     titles.get(d.article_id, ""), quote)


# ---- the consensus coder -------------------------------------------------------------------

@dataclass(frozen=True)
class ConsensusClaim:
    claim: Claim
    values: Mapping[str, Any]  # the claim's values plus its source's type


def consensus_claims(proj: Project, article_id: int) -> list[ConsensusClaim]:
    coder = proj.coder(CONSENSUS)
    if coder is None:
        return []
    mentions = {s.id: s for s in proj.sources(coder_id=coder.id, article_id=article_id)}
    text = proj.article_text(article_id)
    out = []
    for claim in proj.claims(coder_id=coder.id, article_id=article_id):
        source = mentions.get(claim.source_id) if claim.source_id is not None else None
        extra = {"type": source.type} if source is not None else {}
        for name, link in ((links.SOURCE, source), (links.CHANNEL, mentions.get(
                claim.channel_id) if claim.channel_id is not None else None)):
            # who the consensus attributes the claim to, as the disagreement list names it
            extra[name] = " ".join(text[link.start:link.end].split()) if link else links.NO_LINK
        out.append(ConsensusClaim(claim, {**claim.values, **extra}))
    return out


def match_consensus(found: Sequence[ConsensusClaim], row: ReviewRow) -> ConsensusClaim | None:
    """The consensus claim for this unit: the best overlap with the unit or a coder's claim
    (the same rule the alignment uses: at least half of the shorter span)."""
    spans = [row, *row.claims.values()]
    best, best_overlap = None, -1
    for cc in found:
        good = [overlap(cc.claim, s) for s in spans if qualifies(cc.claim, s)]
        if good and max(good) > best_overlap:
            best, best_overlap = cc, max(good)
    return best


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def consensus_left_out(proj: Project, article_id: int) -> list[_Span]:
    """Units the consensus settled as "no claim" (`consensus.leave_out`)."""
    coder = proj.coder(CONSENSUS)
    if coder is None:
        return []
    return [_Span(s, e) for (kind, s, e), d in proj.decisions(article_id, coder.id).items()
            if kind == Kind.CLAIM and d == "rejected"]


def is_settled(row: ReviewRow, found: Sequence[ConsensusClaim], left_out: Sequence[_Span]) -> bool:
    """A disagreement is settled when the consensus has a claim for its unit, or left it out."""
    if match_consensus(found, row) is not None:
        return True
    spans = [row, *row.claims.values()]
    return any(qualifies(gone, s) for gone in left_out for s in spans)


def article_consensus_status(proj: Project, rows: Sequence[ReviewRow], article_id: int) -> str:
    """The consensus coder's status on an article, from its disagreements (`rows`)."""
    found, gone = consensus_claims(proj, article_id), consensus_left_out(proj, article_id)
    return consensus.status_for(is_settled(r, found, gone) for r in rows
                                if r.article_id == article_id)

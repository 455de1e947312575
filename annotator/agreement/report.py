"""The agreement report as plain data: per variable every coefficient, confusion matrices,
per-category agreement and the disagreements; unitizing agreement; how much the pipeline did.

Takes aligned claims and codebook variables (no database): `build_report` is what the CLI and
the GUI call, `to_dict` what they print or show. Export helpers give the reliability data as
rows (lists of dicts) for the io layer to write.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from annotator.agreement import _chance
from annotator.agreement import coefficients as co
from annotator.agreement._encode import Encoded, value_counts
from annotator.agreement.alignment import (
    Alignment,
    ClaimsByCoder,
    SpanAgreement,
    align,
    span_agreement,
)
from annotator.agreement.links import with_links
from annotator.agreement.unitizing import claims_unitizing_alpha
from annotator.agreement.verdict import GUIDANCE, result_verdict
from annotator.core.codebook import Variable
from annotator.core.model import ORIGINS

# More distinct numbers than this and a confusion matrix stops being readable.
_MAX_CONFUSION = 30
SET_COEFFICIENTS = ("krippendorff_alpha", "fleiss_kappa", "scott_pi", "gwet_ac1",
                    "percent_agreement")


@dataclass(frozen=True)
class Confusion:
    coder_a: str  # rows
    coder_b: str  # columns
    labels: tuple[Any, ...]
    counts: tuple[tuple[int, ...], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"coder_a": self.coder_a, "coder_b": self.coder_b, "labels": list(self.labels),
                "counts": [list(r) for r in self.counts]}


@dataclass(frozen=True)
class CategoryAgreement:
    """Specific agreement: of the coder pairs in which one coder used the category, the share
    in which the other used it too (2 n_kk / (n_k. + n_.k) for two coders)."""

    category: Any
    n_values: int
    agreement: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"category": self.category, "n_values": self.n_values,
                "agreement": self.agreement}


@dataclass(frozen=True)
class Disagreement:
    unit: str
    article_id: Hashable  # the project's own article id (what the window opens)
    start: int
    end: int
    variable: str | None  # None: the coders disagree on whether the claim is there at all
    values: Mapping[str, Any]  # coder -> value (None: not coded / claim not marked)
    article: Any = None  # the imported id, as the coding sheet and the exports name it
    claims: Mapping[str, Any] = field(default_factory=dict)  # coder -> claim id (uid)

    def to_dict(self) -> dict[str, Any]:
        return {"unit": self.unit,
                "article_id": self.article if self.article is not None else self.article_id,
                "start": self.start, "end": self.end, "variable": self.variable,
                "values": dict(self.values), "claim_ids": dict(self.claims)}


@dataclass(frozen=True)
class VariableReport:
    variable: str
    level: str
    coefficients: Mapping[str, co.Result]
    cohen_pairs: tuple[co.Result, ...]
    confusion: tuple[Confusion, ...]
    categories: tuple[CategoryAgreement, ...]
    disagreements: tuple[Disagreement, ...]
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        judged = result_verdict(self.coefficients["krippendorff_alpha"])
        return {"variable": self.variable, "level": self.level,
                "verdict": {"label": judged.shown, "reason": judged.reason},
                "coefficients": {k: r.to_dict() for k, r in self.coefficients.items()},
                "cohen_pairs": [r.to_dict() for r in self.cohen_pairs],
                "confusion": [c.to_dict() for c in self.confusion],
                "categories": [c.to_dict() for c in self.categories],
                "disagreements": [d.to_dict() for d in self.disagreements],
                "notes": list(self.notes)}


@dataclass(frozen=True)
class PipelineShare:
    """Where a coder's claims came from, and how many suggestions they turned down."""

    coder: str
    claims: int
    accepted: int
    edited: int
    manual: int
    suggestions_offered: int | None = None
    suggestions_rejected: int | None = None

    def share(self, origin: str) -> float | None:
        return getattr(self, origin) / self.claims if self.claims else None

    @property
    def share_rejected(self) -> float | None:
        if not self.suggestions_offered or self.suggestions_rejected is None:
            return None
        return self.suggestions_rejected / self.suggestions_offered

    def to_dict(self) -> dict[str, Any]:
        out = {"coder": self.coder, "claims": self.claims, "accepted": self.accepted,
               "edited": self.edited, "manual": self.manual,
               "suggestions_offered": self.suggestions_offered,
               "suggestions_rejected": self.suggestions_rejected,
               "share_rejected": self.share_rejected}
        out.update({f"share_{o}": self.share(o) for o in ORIGINS})
        return out


@dataclass(frozen=True)
class AgreementReport:
    coders: tuple[str, ...]
    articles: tuple[Hashable, ...]
    n_units: int
    unitizing: co.Result
    spans: tuple[SpanAgreement, ...]
    variables: tuple[VariableReport, ...]
    pipeline: tuple[PipelineShare, ...]
    alignment: Alignment | None = field(default=None, repr=False, compare=False)

    def definitions(self) -> list[str]:
        """Which definition of each coefficient the figures follow (for every output)."""
        return co.definitions([v.level for v in self.variables])

    def to_dict(self) -> dict[str, Any]:
        judged = result_verdict(self.unitizing)
        labels = self.alignment.label if self.alignment is not None else (lambda a: a)
        return {"coders": list(self.coders), "articles": [labels(a) for a in self.articles],
                "n_units": self.n_units, "verdict_rule": GUIDANCE,
                "definitions": self.definitions(),
                "unitizing": {**self.unitizing.to_dict(),
                              "verdict": {"label": judged.shown, "reason": judged.reason}},
                "spans": [s.to_dict() for s in self.spans],
                "variables": [v.to_dict() for v in self.variables],
                "pipeline": [p.to_dict() for p in self.pipeline]}


SuggestionCounts = Mapping[str, tuple[int, int]]  # coder -> (offered, rejected)


def build_report(claims: ClaimsByCoder, variables: Sequence[Variable], *,
                 coders: Sequence[str] | None = None,
                 lengths: Mapping[Hashable, int] | None = None,
                 suggestions: SuggestionCounts | None = None,
                 bootstrap: int = 1000, seed: int | None = 0,
                 article_ids: Mapping[Hashable, str] | None = None) -> AgreementReport:
    """The whole report for these coders' claims (coder -> article -> claims); `article_ids`
    names the articles in units and outputs (the imported ids)."""
    names = tuple(coders) if coders is not None else tuple(claims)
    alignment = with_links(align(claims, names, article_ids))
    return AgreementReport(
        coders=names, articles=alignment.articles, n_units=len(alignment.units),
        unitizing=claims_unitizing_alpha(claims, lengths, names),
        spans=tuple(span_agreement(claims, names)),
        variables=tuple(variable_report(alignment, v, bootstrap=bootstrap, seed=seed)
                        for v in variables),
        pipeline=pipeline_shares(claims, names, suggestions),
        alignment=alignment)


def _domain(variable: Variable, matrix: list[list[Any]]) -> tuple[list[Any] | None, list[str]]:
    """Codebook order (by numeric code) plus any value the codebook no longer lists."""
    if not variable.is_categorical or not variable.values:  # e.g. the linked source
        return None, []
    codes = [v.code for v in sorted(variable.values, key=lambda v: v.numeric)]
    extra = sorted({str(x) for row in matrix for x in row if x not in (None, "")} - set(codes))
    notes = [f"values not in the codebook: {', '.join(extra)}"] if extra else []
    return codes + extra, notes


def variable_report(alignment: Alignment, variable: Variable, *, bootstrap: int = 1000,
                    seed: int | None = 0) -> VariableReport:
    matrix = alignment.matrix(variable.name)
    domain, notes = _domain(variable, matrix)
    level = variable.measure
    try:
        enc = co.encode_data(matrix, level, domain)
    except ValueError as exc:  # e.g. text in a numeric variable: report, do not crash
        return _unreadable(variable, str(exc))
    coefficients = {"krippendorff_alpha": co.krippendorff_alpha(enc, level, bootstrap=bootstrap,
                                                               seed=seed)}
    for name in SET_COEFFICIENTS[1:]:
        coefficients[name] = co.compute(name, enc, level)
    if len(alignment.coders) == 2:
        coefficients["cohen_kappa"] = co.cohen_kappa(enc, level, coders=alignment.coders)
    return VariableReport(
        variable=variable.name, level=level, coefficients=coefficients,
        cohen_pairs=tuple(co.cohen_kappa_pairs(enc, level, names=alignment.coders)),
        confusion=confusion_matrices(enc, alignment.coders),
        categories=category_agreement(enc),
        disagreements=disagreements(alignment, variable.name), notes=tuple(notes))


def variable_notes(v: VariableReport) -> str:
    """Why coefficients are undefined (one reason shared by all said once) and other notes."""
    reasons: dict[str, list[str]] = {}
    for r in v.coefficients.values():
        if r.value is None and r.reason:
            reasons.setdefault(r.reason, []).append(r.coefficient)
    if len(reasons) == 1 and len(next(iter(reasons.values()))) == len(v.coefficients):
        notes = [f"undefined: {next(iter(reasons))}"]
    else:
        notes = [f"{', '.join(names)}: {reason}" for reason, names in reasons.items()]
    return "; ".join(dict.fromkeys([*notes, *v.notes]))


def _unreadable(variable: Variable, reason: str) -> VariableReport:
    results = {n: co.Result(n, variable.measure, None, reason) for n in SET_COEFFICIENTS}
    return VariableReport(variable.name, variable.measure, results, (), (), (), (), (reason,))


def confusion_matrices(enc: Encoded, coders: Sequence[str]) -> tuple[Confusion, ...]:
    if enc.n_categories > _MAX_CONFUSION or enc.n_categories == 0:
        return ()
    return tuple(Confusion(coders[i], coders[j], enc.labels,
                           tuple(tuple(int(x) for x in row) for row in _chance.confusion(enc, i, j)))
                 for i, j in combinations(range(enc.n_coders), 2))


def category_agreement(enc: Encoded) -> tuple[CategoryAgreement, ...]:
    if enc.n_categories == 0:
        return ()
    counts = value_counts(enc)
    m = counts.sum(axis=1, keepdims=True)
    pairable = (m >= 2).ravel()
    n, mm = counts[pairable], m[pairable]
    agreeing = (n * (n - 1)).sum(axis=0)
    possible = (n * (mm - 1)).sum(axis=0)
    out = []
    for k, label in enumerate(enc.labels):
        share = float(agreeing[k] / possible[k]) if possible[k] > 0 else None
        out.append(CategoryAgreement(label, int(n[:, k].sum()), share))
    return tuple(out)


def disagreements(alignment: Alignment, variable: str) -> tuple[Disagreement, ...]:
    """Units where the coders' values differ (among coders who coded it)."""
    out = []
    for unit in alignment.units:
        values = {c: unit.value(c, variable) for c in alignment.coders}
        given = {v for v in values.values() if v not in (None, "")}
        if len(given) > 1:
            out.append(_disagreement(alignment, unit, variable, values))
    return tuple(out)


def unit_disagreements(alignment: Alignment, claims: ClaimsByCoder) -> tuple[Disagreement, ...]:
    """Units some coders marked and others (who coded that article) did not."""
    out = []
    for unit in alignment.units:
        coded = [c for c in alignment.coders if unit.article_id in claims.get(c, {})]
        if len(coded) >= 2 and any(c not in unit.claims for c in coded):
            values = {c: ("marked" if c in unit.claims else None) for c in coded}
            out.append(_disagreement(alignment, unit, None, values))
    return tuple(out)


def _disagreement(alignment: Alignment, unit: Any, variable: str | None,
                  values: Mapping[str, Any]) -> Disagreement:
    claims = {c: unit.claim_id(c) for c in alignment.coders if c in unit.claims}
    return Disagreement(unit.id, unit.article_id, unit.start, unit.end, variable, values,
                        alignment.label(unit.article_id), claims)


def pipeline_shares(claims: ClaimsByCoder, coders: Sequence[str],
                    suggestions: SuggestionCounts | None = None) -> tuple[PipelineShare, ...]:
    """Per coder and overall ("all"): claims accepted as suggested, edited, made by hand."""
    rows = []
    for coder in coders:
        origins = [getattr(cl, "origin", "manual") for items in claims.get(coder, {}).values()
                   for cl in items]
        offered, rejected = (suggestions or {}).get(coder, (None, None))
        rows.append(PipelineShare(coder, len(origins), *(origins.count(o) for o in ORIGINS),
                                  suggestions_offered=offered, suggestions_rejected=rejected))
    total = PipelineShare("all", *(sum(getattr(r, f) for r in rows)
                                   for f in ("claims", "accepted", "edited", "manual")),
                          suggestions_offered=_sum_known(r.suggestions_offered for r in rows),
                          suggestions_rejected=_sum_known(r.suggestions_rejected for r in rows))
    return (*rows, total)


def _sum_known(values: Any) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


# --- reliability data for other tools --------------------------------------------------------

def claim_column(coder: str) -> str:
    """The wide data's column of a coder's claim ids."""
    return f"claim_id_{coder}"


def wide_rows(alignment: Alignment, variables: Sequence[str]) -> list[dict[str, Any]]:
    """One row per unit: its article's imported id, the coders' claim ids (`claim_id_coder`),
    one column per variable x coder (`variable_coder`), as KALPHA, SPSS and ReCal take;
    empty = missing."""
    rows = []
    for unit in alignment.units:
        row: dict[str, Any] = {"unit": unit.id, "article_id": alignment.label(unit.article_id),
                               "start": unit.start, "end": unit.end}
        row.update({claim_column(c): unit.claim_id(c) for c in alignment.coders})
        for var in variables:
            for coder in alignment.coders:
                row[f"{var}_{coder}"] = unit.value(coder, var)
        rows.append(row)
    return rows


def long_rows(alignment: Alignment, variables: Sequence[str]) -> list[dict[str, Any]]:
    """(unit, article, coder, claim id, variable, value) rows, as R's irr (after reshaping)
    and tidycomm's test_icr take; a coder who did not mark the unit gets value None."""
    return [{"unit": unit.id, "article_id": alignment.label(unit.article_id), "coder": coder,
             "claim_id": unit.claim_id(coder), "variable": var, "value": unit.value(coder, var)}
            for unit in alignment.units for var in variables for coder in alignment.coders]

"""Reliability of a project's coders: gathers their claims from the project for the agreement
engine (which never sees the database). Shared by `annotator agreement`, the GUI's agreement
view and the Agreement sheet of the export."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from typing import Any

from annotator.agreement import links as links_mod
from annotator.agreement.report import AgreementReport, build_report
from annotator.consensus import CONSENSUS
from annotator.core.codebook import Variable
from annotator.core.errors import UserError
from annotator.core.model import Coder
from annotator.project import Project
from annotator.store.codebook_rows import claim_ids_by_uid, coders_with_work


class _ClaimView:
    """A claim as the agreement engine sees it: its values plus its source's type, and its
    linked source and channel mentions (start, end, text) for `agreement.links`."""

    __slots__ = ("start", "end", "values", "uid", "origin", "links")

    def __init__(self, claim: Any, extra: dict[str, Any],
                 links: dict[str, tuple[int, int, str] | None] | None = None):
        self.start, self.end, self.uid, self.origin = claim.start, claim.end, claim.uid, claim.origin
        self.values = {**claim.values, **extra}
        self.links = links


def default_coders(proj: Project) -> list[str]:
    """The coders compared by default, by the CLI, the window and the export alike: those who
    coded something, but not the consensus. A name that only opened the project (a PI looking
    around) would add empty rows and shrink the articles every coder coded."""
    coded = coders_with_work(proj.db.conn)
    return [c.name for c in proj.coders() if c.name != CONSENSUS and c.id in coded]


def select_coders(proj: Project, wanted: Sequence[str] | None) -> list[Coder]:
    coders = {c.name: c for c in proj.coders()}
    if not wanted:
        return [coders[name] for name in default_coders(proj)]
    unknown = [n for n in wanted if n not in coders]
    if unknown:
        raise UserError(f"no coder named {unknown[0]!r}; the project has "
                        f"{', '.join(coders) or 'no coders'}", path=proj.path)
    return [coders[n] for n in dict.fromkeys(wanted)]


def select_variables(proj: Project, wanted: Sequence[str] | None) -> list[Variable]:
    """The codebook's claim variables, the source type, and who the claim is attributed to
    (the linked source and channel, `agreement.links`)."""
    book = proj.codebook
    links = [links_mod.VARIABLES[n] for n in links_mod.LINKS if book.variable(n) is None]
    if not wanted:
        return (book.at_level("claim") + [v for v in book.at_level("source") if v.name == "type"]
                + links)
    out = []
    for name in dict.fromkeys(wanted):
        variable = book.variable(name)
        if variable is None and name in links_mod.VARIABLES:
            out.append(links_mod.VARIABLES[name])
            continue
        if variable is None:
            raise UserError(f"no variable {name!r} in the codebook ("
                            f"{', '.join(v.name for v in book.variables)}; and "
                            f"{', '.join(links_mod.LINKS)})", path=proj.path)
        if variable.level == "article" or (variable.level == "source" and name != "type"):
            raise UserError(f"{name!r} is an {variable.level}-level variable: agreement is "
                            "measured on claims (and their source's type)", path=proj.path)
        out.append(variable)
    return out


def coder_claims(proj: Project, coder: Coder) -> dict[Hashable, list[_ClaimView]]:
    """Article -> claims, for the articles this coder finished or has claims in."""
    mentions = {s.id: s for s in proj.sources(coder_id=coder.id)}
    done = [a for a, (status, _) in proj.statuses(coder.id).items() if status == "done"]
    out: dict[Hashable, list[_ClaimView]] = {a: [] for a in done}
    texts: dict[int, str] = {}
    for claim in proj.claims(coder_id=coder.id):
        source = mentions.get(claim.source_id) if claim.source_id is not None else None
        extra = {"type": source.type} if source is not None else {}
        links = {links_mod.SOURCE: _link(proj, texts, source),
                 links_mod.CHANNEL: _link(proj, texts, mentions.get(claim.channel_id)
                                          if claim.channel_id is not None else None)}
        out.setdefault(claim.article_id, []).append(_ClaimView(claim, extra, links))
    return out


def _link(proj: Project, texts: dict[int, str], mention: Any) -> tuple[int, int, str] | None:
    """A linked mention as (start, end, its text with spaces collapsed)."""
    if mention is None:
        return None
    if mention.article_id not in texts:
        texts[mention.article_id] = proj.article_text(mention.article_id)
    quote = " ".join(texts[mention.article_id][mention.start:mention.end].split())
    return mention.start, mention.end, quote


def suggestion_counts(proj: Project, coder: Coder, articles: list[Hashable],
                       blind: set[int]) -> tuple[int, int]:
    offered = rejected = 0
    for article in articles:
        if article in blind:
            continue  # suggestions were hidden there
        found = proj.suggestions(article)
        offered += len(found.claims) if found else 0
        rejected += sum(1 for (kind, _, _), d in proj.decisions(article, coder.id).items()
                        if kind == "claim" and d == "rejected")
    return offered, rejected


def project_claims(proj: Project, coder_names: Sequence[str]) -> dict[str, dict]:
    """Coder name -> article -> claims, as the agreement engine takes them."""
    coders = select_coders(proj, coder_names)
    return {c.name: coder_claims(proj, c) for c in coders}


def project_report(proj: Project, coders: Sequence[str] | None = None,
                   variables: Sequence[str] | None = None, *, bootstrap: int = 1000,
                   seed: int | None = 0, outlets: Collection[str] | None = None,
                   article_ids: Collection[int] | None = None) -> AgreementReport:
    """The agreement report for a project (default: all coders but the consensus), over the
    articles of `outlets` and among `article_ids` only when given (per-outlet figures of
    `validate` and `agreement`; `validate --blind`)."""
    chosen = select_coders(proj, coders)
    chosen_vars = select_variables(proj, variables)
    articles = proj.articles()
    if outlets is not None:
        articles = [a for a in articles if a.outlet in outlets]
    if article_ids is not None:
        articles = [a for a in articles if a.id in article_ids]
    lengths = {a.id: a.text_length for a in articles}
    blind = {a.id for a in articles if a.require_blind}
    claims = {c.name: _only(coder_claims(proj, c), lengths) for c in chosen}
    suggestions = {c.name: suggestion_counts(proj, c, list(claims[c.name]), blind)
                   for c in chosen}
    return build_report(claims, chosen_vars, coders=[c.name for c in chosen], lengths=lengths,
                        suggestions=suggestions, bootstrap=bootstrap, seed=seed,
                        article_ids={a.id: a.ext_id for a in articles})


def _only(claims: dict[Hashable, list[_ClaimView]], articles: Collection[Hashable]
          ) -> dict[Hashable, list[_ClaimView]]:
    return {a: found for a, found in claims.items() if a in articles}


def agreed_claim_ids(proj: Project, report: AgreementReport) -> list[int]:
    """For each unit every compared coder marked and coded alike on every reported variable,
    the first coder's claim id: what `consensus.take_agreed` copies into the consensus."""
    if report.alignment is None:
        return []
    names = [v.variable for v in report.variables]
    uids = []
    for unit in report.alignment.units:
        if len(unit.claims) != len(report.coders):
            continue
        if all(len({unit.value(c, var) for c in report.coders}) == 1 for var in names):
            uids.append(unit.claims[report.coders[0]].uid)
    ids = claim_ids_by_uid(proj.db.conn)
    return [ids[u] for u in uids if u in ids]

"""The coding sheet's tables filled from a project: what to export, gathered from the store.

`select` decides which coders' work the sheet shows (the analysis dataset or each coder's, see
`annotator.sheet.picks`); `build_tables` gives the `Table`s every writer in `annotator.io`
reads. Rows stream from SQLite in article order, so at most one article's text is held.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from annotator.core.checks import CHECKS
from annotator.core.model import Coder
from annotator.io import sheet_record as R
from annotator.io.cells import parse_date, parse_stamp
from annotator.io.sheet_tables import (
    FIXED_CLAIM_VARIABLES,
    PROGRESS_CODES,
    SUGGESTED,
    Column,
    Row,
    Table,
    about_facts,
    about_table,
    claim_columns,
    claim_variables,
    codebook_table,
    source_columns,
    source_type_var,
    span_text,
    typed_value,
    validation_lists,
    var_column,
)
from annotator.project import Project
from annotator.sheet.picks import Picks, analysis_picks, coder_picks, store_picks
from annotator.store import sheet_rows as Q

ANALYSIS = "analysis"  # the Summary's coder column in the analysis dataset


@dataclass(frozen=True)
class Selection:
    """What to export: which coders, whether untouched suggestions come along, and whether it is
    the analysis dataset (one coding per article, see `annotator.sheet.picks`) or each coder's work."""

    coders: tuple[Coder, ...]
    include_suggestions: bool = False
    analysis: bool = False
    picks: Picks | None = None

    @property
    def ids(self) -> list[int]:
        return [c.id for c in self.coders]


def claims_table(project: Project, sel: Selection) -> Table:
    book = project.codebook
    variables = claim_variables(book)

    def rows() -> Iterator[Row]:
        texts = _TextCache(project)
        for r in Q.claim_rows(project.db.conn, sel.ids, variables):
            text = texts.get(r.article_id)
            vals = r.values
            yield [r.ext_id, r.title, r.outlet, parse_date(r.date), r.coder, r.uid,
                   text[r.start:r.end], r.start, r.end, span_text(text, r.source_start, r.source_end),
                   r.source_type, vals[0], vals[1], span_text(text, r.cue_start, r.cue_end),
                   r.origin, r.note, parse_stamp(r.modified), r.source_uid, r.source_name,
                   span_text(text, r.channel_start, r.channel_end),
                   *(typed_value(book, v, x) for v, x in zip(variables[2:], vals[2:], strict=True))]
        if sel.include_suggestions:
            yield from _suggestion_rows(project, sel, len(variables) - 2)

    return Table("Claims", claim_columns(book), rows)


def _suggestion_rows(project: Project, sel: Selection, extras: int) -> Iterator[Row]:
    texts = _TextCache(project)
    for r in Q.suggestion_rows(project.db.conn, sel.ids):
        a, start, end, ss, se, stype, qs, qe, attr, cert, ext, title, outlet, when = r
        text = texts.get(a)
        yield [ext, title, outlet, parse_date(when), None, None, text[start:end], start, end,
               span_text(text, ss, se), stype, attr, cert, span_text(text, qs, qe), SUGGESTED, None,
               None, None, None, None, *([None] * extras)]


class _TextCache:
    """The text of the article the rows are at (rows come in article order)."""

    def __init__(self, project: Project):
        self.project, self.text = project, ""
        self.article_id: int | None = None

    def get(self, article_id: int) -> str:
        if article_id != self.article_id:
            self.article_id, self.text = article_id, Q.article_text(self.project.db.conn, article_id)
        return self.text


def sources_table(project: Project, sel: Selection) -> Table:
    def rows() -> Iterator[Row]:
        texts = _TextCache(project)
        for a, coder, uid, start, end, stype, canonical, origin, modified, ext in Q.source_rows(
                project.db.conn, sel.ids):
            yield [uid, ext, coder, texts.get(a)[start:end], stype, canonical, start, end,
                   origin, parse_stamp(modified)]

    return Table("Sources", source_columns(project.codebook), rows)


# ---- Articles ----------------------------------------------------------------------------
def articles_table(project: Project, sel: Selection) -> Table:
    book = project.codebook
    stype = book.variable(source_type_var(book) or "")
    cert = book.variable("certainty")
    types = stype.codes() if stype else []
    levels = cert.codes() if cert and cert.is_categorical else []
    art_vars = [v.name for v in book.at_level("article")]
    cols = [Column("article_id", width=12, label="Article id"),
            Column("title", width=30, label="Article title"),
            Column("outlet", width=16, label="Outlet"),
            Column("date", "date", 11, label="Article date"), Column("coder", width=10, label="Coder"),
            Column("coding_progress", width=14, label="Coder's progress on the article",
                   codes=PROGRESS_CODES),
            Column("note", width=24, wrap=True, label="Article note"),
            Column("claims", "int", 8, label="Claims"),
            *(Column(f"claims_type_{t}", "int", 10, label=f"Claims with source type {t}")
              for t in types),
            *(Column(f"claims_certainty_{c}", "int", 10, label=f"Claims of certainty {c}")
              for c in levels),
            *(var_column(book, v) for v in art_vars)]

    def rows() -> Iterator[Row]:
        conn = project.db.conn
        for r in Q.article_rows(conn, types, levels):
            vals = (Q.article_values(conn, r.article_id, r.coder_id)
                    if art_vars and r.coder_id else {})
            yield [r.ext_id, r.title, r.outlet, parse_date(r.date), r.coder, r.status,
                   r.note or None, r.claims, *r.per_type, *r.per_level,
                   *(typed_value(book, v, vals.get(v)) for v in art_vars)]

    return Table("Articles", cols, rows)


# ---- Summary -----------------------------------------------------------------------------
NO_VALUE = "(none)"


def summary_table(project: Project, sel: Selection) -> Table:
    """Claims per source type, attribution and certainty: all outlets, then one column each."""
    book = project.codebook
    stype = source_type_var(book)
    plan = [(name, "type" if name == stype else name) for name in
            ([stype] if stype else []) + [v for v in FIXED_CLAIM_VARIABLES if book.variable(v)]]
    counts: dict[tuple[str, str, str, str], int] = Counter()  # (coder, var, value, outlet)
    names = {c.id: ANALYSIS if sel.analysis else c.name for c in sel.coders}
    for var, what in plan:
        for k, outlet, value, n in Q.summary_counts(project.db.conn, sel.ids, what):
            counts[(names[k], var, value or NO_VALUE, outlet)] += n
    flagged: dict[tuple[str, str, str], int] = Counter()  # (coder, check, outlet): to check
    for check, _ in CHECKS:
        for k, outlet, n in Q.flagged_claims(project.db.conn, sel.ids, check):
            flagged[(names[k], check, outlet)] += n
    outlets = sorted({key[3] for key in counts} | {key[2] for key in flagged})
    cols = [Column("coder", width=10), Column("variable", width=12), Column("value", width=14),
            Column("label", width=16), Column("all_outlets", "int", 11),
            *(Column(o or "(no outlet)", "int", max(10, min(len(o) + 2, 30))) for o in outlets)]

    def rows() -> Iterator[Row]:
        for coder in ([ANALYSIS] if sel.analysis else [c.name for c in sel.coders]):
            for var, _ in plan:
                variable = book.require(var)
                for code, label in [(v.code, v.label) for v in variable.values] + [(NO_VALUE, "")]:
                    per = [counts.get((coder, var, code, o), 0) for o in outlets]
                    if code == NO_VALUE and not any(per):
                        continue
                    yield [coder, "source_type" if var == stype else var, code,
                           label or None, sum(per), *per]
            for check, text in CHECKS:
                per = [flagged.get((coder, check, o), 0) for o in outlets]
                if any(per):  # a check, not a count of values: only when there is something
                    yield [coder, "check", check, f"claims {text}", sum(per), *per]

    return Table("Summary", cols, rows)


STATS_TABLES = ("Claims", "Sources", "Articles")  # one .sav/.dta file each


def stats_tables(project: Project, sel: Selection) -> list[Table]:
    """The tables of the SPSS and Stata files, one file each: the coded data, one row per claim,
    source and article (the Codebook is in their value labels, the Summary a count of them)."""
    return [claims_table(project, sel), sources_table(project, sel),
            articles_table(project, sel)]


def build_tables(project: Project, sel: Selection) -> list[Table]:
    """Claims, Sources, Articles, Codebook, Summary, the hidden About and Exported, in order."""
    book = project.codebook
    lists = validation_lists(book)
    facts = about_facts(project.project_id, project.path.name, book.name,
                        [c.name for c in sel.coders], sel.analysis, sel.include_suggestions)
    return [claims_table(project, sel), sources_table(project, sel),
            articles_table(project, sel), codebook_table(book), summary_table(project, sel),
            about_table(facts, lists), record_table(project, sel)]


def record_table(project: Project, sel: Selection) -> Table:
    """Hidden sheet: fingerprints of the exported editable cells, so that read-back applies
    only what the user changed (see `annotator.io.sheet_record`)."""
    book = project.codebook
    conn = project.db.conn

    def rows() -> Iterator[Row]:
        claims = ((r.uid, r.values, r.note)
                  for r in Q.claim_rows(conn, sel.ids, R.record_variables(book)))
        sources = ((s.uid, s.type) for s in Q.source_rows(conn, sel.ids))
        return R.record_rows(book, claims, sources)

    cols = [Column(name, width=18) for name in R.record_columns(book)]
    return Table(R.SHEET, cols, rows, hidden=True)


def select(project: Project, coder_names: Sequence[str] | None = None,
           include_suggestions: bool = False, per_coder: bool = False) -> Selection:
    """What to export: the analysis dataset by default; every coder's work with `per_coder`;
    the named coders' work with `coder_names` (unknown names are refused)."""
    from annotator.core.errors import UserError
    from annotator.core.model import CONSENSUS

    conn = project.db.conn
    if not coder_names:
        coders = tuple(project.coders())
        if per_coder:
            picks = coder_picks(conn, [c.id for c in coders])
        else:
            consensus = next((c.id for c in coders if c.name == CONSENSUS), None)
            picks = analysis_picks(conn, consensus)
        store_picks(conn, picks.rows)
        return Selection(coders, include_suggestions, not per_coder, picks)
    named: list[Coder] = []
    for name in coder_names:
        coder = project.coder(name)
        if coder is None:
            known = ", ".join(c.name for c in project.coders()) or "none"
            raise UserError(f"no coder {name!r} in the project (coders: {known})",
                            path=project.path)
        named.append(coder)
    picks = coder_picks(conn, [c.id for c in named])
    store_picks(conn, picks.rows)
    return Selection(tuple(named), include_suggestions, False, picks)

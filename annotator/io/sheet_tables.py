"""The coding sheet's tables as columns and rows of plain values, for any writer.

A `Table` has typed `Column`s and a function that yields rows (lists of str, int, float, date,
datetime or None) in column order. The xlsx, CSV and SPSS/Stata writers all read these, so the
formats hold the same data. Rows stream: at most one article's text is held at a time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from annotator import __version__
from annotator.core.checks import UNATTRIBUTED_WITH_SOURCE, UNATTRIBUTED_WITH_SOURCE_TEXT
from annotator.core.codebook import Codebook
from annotator.core.model import Coder
from annotator.io.cells import parse_date, parse_stamp
from annotator.io.sheet_picks import Picks, analysis_picks, coder_picks, store_picks
from annotator.store import sheet_rows as Q

if TYPE_CHECKING:
    from annotator.project import Project

SHEET_FORMAT = "annotator coding sheet"
SHEET_VERSION = "2"  # 2: the hidden Exported sheet records the exported values
FIXED_CLAIM_VARIABLES = ("attribution", "certainty")
CLAIM_COLUMNS = ("article_id", "title", "outlet", "date", "coder", "claim_id", "claim_text",
                 "start", "end", "source_text", "source_type", "attribution", "certainty",
                 "cue_text", "status", "note", "modified", "source_id", "source_name",
                 "channel_text")
SOURCE_COLUMNS = ("source_id", "article_id", "coder", "source_text", "type", "source_name",
                  "start", "end", "status", "modified")
SUGGESTED = "suggested"
ABOUT_LIST_COLUMN = 3  # About: key, value, a gap, then one column of codes per variable

Row = list[Any]


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # text, int, number, date, datetime
    width: float = 14
    wrap: bool = False
    variable: str | None = None  # codebook variable whose codes the column holds
    label: str = ""  # variable label for SPSS/Stata


@dataclass
class Table:
    name: str
    columns: list[Column]
    rows: Callable[[], Iterator[Row]]
    hidden: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


ANALYSIS = "analysis"  # the Summary's coder column in the analysis dataset


@dataclass(frozen=True)
class Selection:
    """What to export: which coders, whether untouched suggestions come along, and whether it is
    the analysis dataset (one coding per article, see `sheet_picks`) or each coder's work."""

    coders: tuple[Coder, ...]
    include_suggestions: bool = False
    analysis: bool = False
    picks: Picks | None = None

    @property
    def ids(self) -> list[int]:
        return [c.id for c in self.coders]


def extra_claim_variables(book: Codebook) -> list[str]:
    return [v.name for v in book.at_level("claim") if v.name not in FIXED_CLAIM_VARIABLES]


def claim_variables(book: Codebook) -> list[str]:
    """Coded claim-level columns of the Claims sheet, in sheet order."""
    return [*FIXED_CLAIM_VARIABLES, *extra_claim_variables(book)]


def _var_column(book: Codebook, name: str, column: str | None = None) -> Column:
    var = book.variable(name)
    kind = "text" if var is None or var.is_categorical else "number"
    return Column(column or name, kind, 14, variable=name if var else None,
                  label=var.label if var else name)


def _source_type_var(book: Codebook) -> str | None:
    var = book.variable("type")
    return "type" if var is not None and var.level == "source" else None


# ---- Claims ------------------------------------------------------------------------------
def claim_columns(book: Codebook) -> list[Column]:
    stype = _source_type_var(book)
    cols = [
        Column("article_id", width=12, label="Article id"),
        Column("title", width=30, label="Article title"),
        Column("outlet", width=16, label="Outlet"),
        Column("date", "date", 11, label="Article date"),
        Column("coder", width=10, label="Coder"),
        Column("claim_id", width=12, label="Claim id"),
        Column("claim_text", width=60, wrap=True, label="Claim text"),
        Column("start", "int", 7, label="Claim start offset"),
        Column("end", "int", 7, label="Claim end offset"),
        Column("source_text", width=22, label="Source text"),
        Column("source_type", width=13, variable=stype,
               label=book.require(stype).label if stype else "Source type"),
        _var_column(book, "attribution"),
        _var_column(book, "certainty"),
        Column("cue_text", width=14, label="Cue text"),
        Column("status", width=10, label="Claim origin"),
        Column("note", width=24, wrap=True, label="Note"),
        Column("modified", "datetime", 19, label="Last modified (UTC)"),
        Column("source_id", width=12, label="Source id"),
        Column("source_name", width=18, label="Source canonical name"),
        Column("channel_text", width=16, label="Channel text"),
    ]
    return cols + [_var_column(book, name) for name in extra_claim_variables(book)]


def claims_table(project: Project, sel: Selection) -> Table:
    book = project.codebook
    variables = claim_variables(book)

    def rows() -> Iterator[Row]:
        texts = _TextCache(project)
        for r in Q.claim_rows(project.db.conn, sel.ids, variables):
            text = texts.get(r.article_id)
            vals = r.values
            yield [r.ext_id, r.title, r.outlet, parse_date(r.date), r.coder, r.uid,
                   text[r.start:r.end], r.start, r.end, _span(text, r.source_start, r.source_end),
                   r.source_type, vals[0], vals[1], _span(text, r.cue_start, r.cue_end),
                   r.origin, r.note, parse_stamp(r.modified), r.source_uid, r.source_name,
                   _span(text, r.channel_start, r.channel_end),
                   *(_typed(book, v, x) for v, x in zip(variables[2:], vals[2:], strict=True))]
        if sel.include_suggestions:
            yield from _suggestion_rows(project, sel, len(variables) - 2)

    return Table("Claims", claim_columns(book), rows)


def _suggestion_rows(project: Project, sel: Selection, extras: int) -> Iterator[Row]:
    texts = _TextCache(project)
    for r in Q.suggestion_rows(project.db.conn, sel.ids):
        a, start, end, ss, se, stype, qs, qe, attr, cert, ext, title, outlet, when = r
        text = texts.get(a)
        yield [ext, title, outlet, parse_date(when), None, None, text[start:end], start, end,
               _span(text, ss, se), stype, attr, cert, _span(text, qs, qe), SUGGESTED, None,
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


def _span(text: str, start: int | None, end: int | None) -> str | None:
    return None if start is None else text[start:end]


def _typed(book: Codebook, name: str, value: str | None) -> Any:
    """A stored value as the sheet shows it: numbers for interval/ratio variables."""
    var = book.variable(name)
    if value is None or var is None or var.is_categorical:
        return value
    try:
        number = float(value)
    except ValueError:
        return value
    return int(number) if number.is_integer() else number


# ---- Sources -----------------------------------------------------------------------------
def source_columns(book: Codebook) -> list[Column]:
    stype = _source_type_var(book)
    return [Column("source_id", width=12, label="Source id"),
            Column("article_id", width=12, label="Article id"),
            Column("coder", width=10, label="Coder"),
            Column("source_text", width=30, wrap=True, label="Source text"),
            Column("type", width=13, variable=stype, label="Source type"),
            Column("source_name", width=18, label="Source canonical name"),
            Column("start", "int", 7, label="Start offset"),
            Column("end", "int", 7, label="End offset"),
            Column("status", width=10, label="Source origin"),
            Column("modified", "datetime", 19, label="Last modified (UTC)")]


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
    stype = book.variable(_source_type_var(book) or "")
    cert = book.variable("certainty")
    types = stype.codes() if stype else []
    levels = cert.codes() if cert and cert.is_categorical else []
    art_vars = [v.name for v in book.at_level("article")]
    cols = [Column("article_id", width=12), Column("title", width=30), Column("outlet", width=16),
            Column("date", "date", 11), Column("coder", width=10), Column("status", width=11),
            Column("note", width=24, wrap=True), Column("claims", "int", 8),
            *(Column(f"claims_type_{t}", "int", 10) for t in types),
            *(Column(f"claims_certainty_{c}", "int", 10) for c in levels),
            *(_var_column(book, v) for v in art_vars)]

    def rows() -> Iterator[Row]:
        conn = project.db.conn
        for r in Q.article_rows(conn, types, levels):
            vals = (Q.article_values(conn, r.article_id, r.coder_id)
                    if art_vars and r.coder_id else {})
            yield [r.ext_id, r.title, r.outlet, parse_date(r.date), r.coder, r.status,
                   r.note or None, r.claims, *r.per_type, *r.per_level,
                   *(_typed(book, v, vals.get(v)) for v in art_vars)]

    return Table("Articles", cols, rows)


# ---- Codebook ----------------------------------------------------------------------------
def codebook_table(book: Codebook) -> Table:
    cols = [Column("variable", width=14), Column("level", width=9), Column("measure", width=9),
            Column("code", width=14), Column("numeric", "number", 8), Column("label", width=20),
            Column("definition", width=80, wrap=True)]

    def rows() -> Iterator[Row]:
        for var in book.variables:
            yield [var.name, var.level, var.measure, None, None, var.label, var.definition or None]
            for v in var.values:
                yield [var.name, var.level, var.measure, v.code, v.numeric, v.label,
                       v.definition or None]

    return Table("Codebook", cols, rows)


# ---- Summary -----------------------------------------------------------------------------
NO_VALUE = "(none)"


def summary_table(project: Project, sel: Selection) -> Table:
    """Claims per source type, attribution and certainty: all outlets, then one column each."""
    book = project.codebook
    stype = _source_type_var(book)
    plan = [(name, "type" if name == stype else name) for name in
            ([stype] if stype else []) + [v for v in FIXED_CLAIM_VARIABLES if book.variable(v)]]
    counts: dict[tuple[str, str, str, str], int] = Counter()  # (coder, var, value, outlet)
    names = {c.id: ANALYSIS if sel.analysis else c.name for c in sel.coders}
    for var, what in plan:
        for k, outlet, value, n in Q.summary_counts(project.db.conn, sel.ids, what):
            counts[(names[k], var, value or NO_VALUE, outlet)] += n
    flagged: dict[tuple[str, str], int] = Counter()  # (coder, outlet): claims to check
    for k, outlet, n in Q.unattributed_with_source(project.db.conn, sel.ids):
        flagged[(names[k], outlet)] += n
    outlets = sorted({key[3] for key in counts} | {key[1] for key in flagged})
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
            per = [flagged.get((coder, o), 0) for o in outlets]
            if any(per):  # a check, not a count of values: only when there is something
                yield [coder, "check", UNATTRIBUTED_WITH_SOURCE,
                       f"claims {UNATTRIBUTED_WITH_SOURCE_TEXT}", sum(per), *per]

    return Table("Summary", cols, rows)


# ---- About -------------------------------------------------------------------------------
def about_table(project: Project, sel: Selection, lists: Mapping[str, Sequence[str]]) -> Table:
    """Hidden sheet: which project and when; the drop-down lists sit in columns D onwards."""
    stamp = datetime.now(UTC).replace(microsecond=0)
    facts = [("format", SHEET_FORMAT), ("format_version", SHEET_VERSION),
             ("project_id", project.project_id), ("project_file", project.path.name),
             ("exported_at", stamp.isoformat()), ("annotator_version", __version__),
             ("codebook", project.codebook.name),
             ("coders", ", ".join(c.name for c in sel.coders)),
             ("dataset", "analysis (consensus, else the one coder)" if sel.analysis
              else "per coder"),
             ("include_suggestions", "yes" if sel.include_suggestions else "no")]
    names = list(lists)
    cols = [Column("key", width=18), Column("value", width=40), Column("", width=2),
            *(Column(n, width=14) for n in names)]
    height = max(len(facts), *(len(v) for v in lists.values())) if lists else len(facts)

    def rows() -> Iterator[Row]:
        for i in range(height):
            fact = facts[i] if i < len(facts) else (None, None)
            yield [*fact, None, *(lists[n][i] if i < len(lists[n]) else None for n in names)]

    return Table("About", cols, rows, hidden=True)


def validation_lists(book: Codebook) -> dict[str, list[str]]:
    """Codes of each categorical variable: the drop-down lists, kept in the About sheet too."""
    return {v.name: v.codes() for v in book.variables if v.is_categorical}


def build_tables(project: Project, sel: Selection) -> list[Table]:
    """Claims, Sources, Articles, Codebook, Summary, the hidden About and Exported, in order."""
    book = project.codebook
    lists = validation_lists(book)
    return [claims_table(project, sel), sources_table(project, sel),
            articles_table(project, sel), codebook_table(book), summary_table(project, sel),
            about_table(project, sel, lists), record_table(project, sel)]


def record_table(project: Project, sel: Selection) -> Table:
    """Hidden sheet: fingerprints of the exported editable cells, so that read-back applies
    only what the user changed (see `sheet_record`)."""
    from annotator.io import sheet_record as R

    cols = [Column(name, width=18) for name in R.record_columns(project.codebook)]
    return Table(R.SHEET, cols, lambda: R.record_rows(project, sel), hidden=True)


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

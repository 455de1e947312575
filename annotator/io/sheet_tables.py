"""The coding sheet's tables as columns and rows of plain values, for any writer.

A `Table` has typed `Column`s and a function that yields rows (lists of str, int, float, date,
datetime or None) in column order. The xlsx, CSV and SPSS/Stata writers all read these, so the
formats hold the same data. This module has the sheet's layout (columns from the codebook, the
Codebook and About tables); `annotator.sheet.tables` fills the other tables from a project,
streaming: at most one article's text is held at a time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from annotator import __version__
from annotator.core.codebook import Codebook
from annotator.core.model import ARTICLE_STATUSES, NEEDS_CONSENSUS, ORIGINS
from annotator.paths import resource

SHEET_FORMAT = "annotator coding sheet"
SHEET_VERSION = "3"  # 2: the hidden Exported sheet records the exported values; 3: `status`
# became claim_origin, source_origin (Claims, Sources) and coding_progress (Articles)
FIXED_CLAIM_VARIABLES = ("attribution", "certainty")
CLAIM_COLUMNS = ("article_id", "title", "outlet", "date", "coder", "claim_id", "claim_text",
                 "start", "end", "source_text", "source_type", "attribution", "certainty",
                 "cue_text", "claim_origin", "note", "modified", "source_id", "source_name",
                 "channel_text")
SOURCE_COLUMNS = ("source_id", "article_id", "coder", "source_text", "type", "source_name",
                  "start", "end", "source_origin", "modified")
# columns renamed since: a sheet exported before still reads back (issue: Claims' and Articles'
# `status` meant different things; the one-table name stays readable there)
FORMER_NAMES = {"status": ("claim_origin", "source_origin")}
SUGGESTED = "suggested"
ORIGIN_CODES = (*ORIGINS, SUGGESTED)  # how a claim or source came about, numbered in .sav/.dta
PROGRESS_CODES = (*ARTICLE_STATUSES, NEEDS_CONSENSUS)  # the Articles table's coding_progress
# the sheet's own coded columns, listed after the codebook's variables in its Codebook table
SHEET_CODED = (("claim_origin", "claim", ORIGIN_CODES), ("source_origin", "source", ORIGINS),
               ("coding_progress", "article", PROGRESS_CODES))
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
    codes: tuple[str, ...] = ()  # a fixed list of values (not the codebook's): SPSS/Stata
    # number them 1, 2, ... with the value as label


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


def extra_claim_variables(book: Codebook) -> list[str]:
    return [v.name for v in book.at_level("claim") if v.name not in FIXED_CLAIM_VARIABLES]


def claim_variables(book: Codebook) -> list[str]:
    """Coded claim-level columns of the Claims sheet, in sheet order."""
    return [*FIXED_CLAIM_VARIABLES, *extra_claim_variables(book)]


def var_column(book: Codebook, name: str, column: str | None = None) -> Column:
    var = book.variable(name)
    kind = "text" if var is None or var.is_categorical else "number"
    return Column(column or name, kind, 14, variable=name if var else None,
                  label=var.label if var else name)


def source_type_var(book: Codebook) -> str | None:
    var = book.variable("type")
    return "type" if var is not None and var.level == "source" else None


# ---- Claims ------------------------------------------------------------------------------
def claim_columns(book: Codebook) -> list[Column]:
    stype = source_type_var(book)
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
        var_column(book, "attribution"),
        var_column(book, "certainty"),
        Column("cue_text", width=14, label="Cue text"),
        Column("claim_origin", width=12, label="Claim origin", codes=ORIGIN_CODES),
        Column("note", width=24, wrap=True, label="Note"),
        Column("modified", "datetime", 19, label="Last modified (UTC)"),
        Column("source_id", width=12, label="Source id"),
        Column("source_name", width=18, label="Source canonical name"),
        Column("channel_text", width=16, label="Channel text"),
    ]
    return cols + [var_column(book, name) for name in extra_claim_variables(book)]


# ---- Sources -----------------------------------------------------------------------------
def source_columns(book: Codebook) -> list[Column]:
    stype = source_type_var(book)
    return [Column("source_id", width=12, label="Source id"),
            Column("article_id", width=12, label="Article id"),
            Column("coder", width=10, label="Coder"),
            Column("source_text", width=30, wrap=True, label="Source text"),
            Column("type", width=13, variable=stype, label="Source type"),
            Column("source_name", width=18, label="Source canonical name"),
            Column("start", "int", 7, label="Start offset"),
            Column("end", "int", 7, label="End offset"),
            Column("source_origin", width=12, label="Source origin", codes=ORIGINS),
            Column("modified", "datetime", 19, label="Last modified (UTC)")]


def span_text(text: str, start: int | None, end: int | None) -> str | None:
    return None if start is None else text[start:end]


def typed_value(book: Codebook, name: str, value: str | None) -> Any:
    """A stored value as the sheet shows it: numbers for interval/ratio variables."""
    var = book.variable(name)
    if value is None or var is None or var.is_categorical:
        return value
    try:
        number = float(value)
    except ValueError:
        return value
    return int(number) if number.is_integer() else number


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
        yield from sheet_code_rows()

    return Table("Codebook", cols, rows)


def sheet_code_rows() -> Iterator[Row]:
    """The sheet's own coded columns in the Codebook table's layout, numbered as in .sav/.dta."""
    words = json.loads(resource("io", "sheet_codes.json").read_text(encoding="utf-8"))
    for name, level, codes in SHEET_CODED:
        about = words[name]
        yield [name, level, "nominal", None, None, about["label"], about["definition"]]
        for number, code in enumerate(codes, 1):
            yield [name, level, "nominal", code, number, code, about["values"][code]]


# ---- About -------------------------------------------------------------------------------
def about_facts(project_id: str, project_file: str, codebook: str, coders: Sequence[str],
                analysis: bool, include_suggestions: bool) -> list[tuple[str, str]]:
    """The About sheet's keys and values: which project, when, and what was exported."""
    stamp = datetime.now(UTC).replace(microsecond=0)
    return [("format", SHEET_FORMAT), ("format_version", SHEET_VERSION),
            ("project_id", project_id), ("project_file", project_file),
            ("exported_at", stamp.isoformat()), ("annotator_version", __version__),
            ("codebook", codebook), ("coders", ", ".join(coders)),
            ("dataset", "analysis (consensus, else the one coder)" if analysis else "per coder"),
            ("include_suggestions", "yes" if include_suggestions else "no")]


def about_table(facts: Sequence[tuple[str, str]], lists: Mapping[str, Sequence[str]]) -> Table:
    """Hidden sheet: which project and when; the drop-down lists sit in columns D onwards."""
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



"""Streaming reads for the coding sheet, as typed rows straight from SQLite.

`Project.claims()` builds every claim as an object with a dict of values: fine for a window,
too slow and too big for 100,000 claims. These queries join what one sheet row needs and yield
named tuples in article order, so the export holds one article's text at a time. Rows are
limited to the (article, coder) pairs in the export's pick table (`store_picks`): the analysis
dataset or each coder's work, as the use case chose them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from annotator.core.checks import (
    ATTRIBUTED_WITHOUT_SOURCE,
    ATTRIBUTION,
    UNATTRIBUTED,
    UNATTRIBUTED_WITH_SOURCE,
)

# (article id, coder id or None: nobody's rows, state or None) as the export picked them
Pick = tuple[int, int | None, str | None]


class ClaimRow(NamedTuple):
    """One claim with what its sheet row shows; `values` in the order of the asked variables."""

    article_id: int
    coder: str
    uid: str
    start: int
    end: int
    source_uid: str | None
    source_start: int | None
    source_end: int | None
    source_type: str | None
    source_name: str | None
    cue_start: int | None
    cue_end: int | None
    channel_start: int | None
    channel_end: int | None
    origin: str
    note: str
    modified: str
    ext_id: str
    title: str
    outlet: str
    date: str
    values: tuple[str | None, ...]


class SuggestionRow(NamedTuple):
    """A suggested claim no given coder decided on, with its suggested source and cue."""

    article_id: int
    start: int
    end: int
    source_start: int | None
    source_end: int | None
    source_type: str | None
    cue_start: int | None
    cue_end: int | None
    attribution: str | None
    certainty: str | None
    ext_id: str
    title: str
    outlet: str
    date: str


class SourceRow(NamedTuple):
    article_id: int
    coder: str
    uid: str
    start: int
    end: int
    type: str | None
    canonical: str | None
    origin: str
    modified: str
    ext_id: str


class ArticleRow(NamedTuple):
    """One picked (article, coder): `coder` None when no coder's rows are shown; claims counted
    in all, per asked source type and per asked certainty level."""

    article_id: int
    ext_id: str
    title: str
    outlet: str
    date: str
    coder_id: int | None
    coder: str | None
    status: str
    note: str
    claims: int
    per_type: tuple[int, ...]
    per_level: tuple[int, ...]


class OutletCount(NamedTuple):
    """Claims of one coder in one outlet with one value (None: no value)."""

    coder_id: int
    outlet: str
    value: str | None
    claims: int


class FlaggedCount(NamedTuple):
    coder_id: int
    outlet: str
    claims: int


def _marks(ids: Sequence[int]) -> str:
    return ", ".join("?" for _ in ids)


def _picked(alias: str) -> str:
    return (f" JOIN temp.export_pick p ON p.article_id = {alias}.article_id "
            f"AND p.coder_id = {alias}.coder_id")


def _cursor(conn: sqlite3.Connection) -> sqlite3.Cursor:
    cur = conn.cursor()
    cur.arraysize = 1000
    return cur


def _claim_row(_: sqlite3.Cursor, r: tuple) -> ClaimRow:
    return ClaimRow._make((*r[:21], r[21:]))


def claim_rows(conn: sqlite3.Connection, coder_ids: Sequence[int],
               variables: Sequence[str]) -> Iterator[ClaimRow]:
    """One row per picked claim of the given coders, ordered by article, coder, offsets."""
    if not coder_ids:
        return
    joins = "".join(
        f" LEFT JOIN claim_value v{i} ON v{i}.claim_id = c.id AND v{i}.variable = ?"
        for i in range(len(variables)))
    picks = "".join(f", v{i}.value" for i in range(len(variables)))
    sql = (
        "SELECT c.article_id, k.name, c.uid, c.start, c.end, "
        "s.uid, s.start, s.end, s.type, s.canonical, q.start, q.end, ch.start, ch.end, "
        f"c.origin, c.note, c.modified, a.ext_id, a.title, a.outlet, a.date{picks} "
        f"FROM claim c{_picked('c')} JOIN coder k ON k.id = c.coder_id "
        "JOIN article a ON a.id = c.article_id "
        "LEFT JOIN source_mention s ON s.id = c.source_id "
        "LEFT JOIN cue q ON q.id = c.cue_id "
        f"LEFT JOIN source_mention ch ON ch.id = c.channel_id{joins} "
        f"WHERE c.coder_id IN ({_marks(coder_ids)}) "
        "ORDER BY c.article_id, k.name, c.start, c.end, c.id")
    cur = _cursor(conn)
    cur.row_factory = _claim_row
    yield from cur.execute(sql, (*variables, *coder_ids))


def suggestion_rows(conn: sqlite3.Connection, coder_ids: Sequence[int]
                    ) -> Iterator[SuggestionRow]:
    """Suggested claims no given coder has accepted or rejected, in article order."""
    decided = ""
    if coder_ids:
        decided = (" AND NOT EXISTS (SELECT 1 FROM suggestion_decision d "
                   "WHERE d.article_id = g.article_id AND d.kind = 'claim' AND d.start = g.start "
                   f"AND d.end = g.end AND d.coder_id IN ({_marks(coder_ids)}))")
    sql = ("SELECT g.article_id, g.start, g.end, s.start, s.end, s.type, q.start, q.end, "
           "g.attribution, g.certainty, a.ext_id, a.title, a.outlet, a.date FROM suggestion g "
           "JOIN article a ON a.id = g.article_id "
           "LEFT JOIN suggestion s ON s.id = g.source_ref "
           "LEFT JOIN suggestion q ON q.id = g.cue_ref "
           f"WHERE g.kind = 'claim'{decided} ORDER BY g.article_id, g.start, g.end, g.id")
    cur = _cursor(conn)
    cur.row_factory = lambda _, r: SuggestionRow._make(r)
    yield from cur.execute(sql, tuple(coder_ids))


def source_rows(conn: sqlite3.Connection, coder_ids: Sequence[int]) -> Iterator[SourceRow]:
    """The picked source mentions of the given coders, in article order."""
    if not coder_ids:
        return
    sql = ("SELECT s.article_id, k.name, s.uid, s.start, s.end, s.type, s.canonical, s.origin, "
           f"s.modified, a.ext_id FROM source_mention s{_picked('s')} "
           "JOIN coder k ON k.id = s.coder_id "
           "JOIN article a ON a.id = s.article_id "
           f"WHERE s.coder_id IN ({_marks(coder_ids)}) "
           "ORDER BY s.article_id, k.name, s.start, s.end, s.id")
    cur = _cursor(conn)
    cur.row_factory = lambda _, r: SourceRow._make(r)
    yield from cur.execute(sql, tuple(coder_ids))


def article_text(conn: sqlite3.Connection, article_id: int) -> str:
    row = conn.execute("SELECT text FROM article WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else ""


def article_rows(conn: sqlite3.Connection, types: Sequence[str],
                 levels: Sequence[str]) -> Iterator[ArticleRow]:
    """One row per picked (article, coder), in article order, with the claims counted in all,
    per source type in `types` and per certainty level in `levels`."""
    per_type = "".join(", sum(s.type IS ?)" for _ in types)
    per_level = "".join(", sum(v.value IS ?)" for _ in levels)
    sql = ("SELECT a.id, a.ext_id, a.title, a.outlet, a.date, k.id, k.name, "
           # work without a status row (an older project's consensus) is under way, not unstarted
           "coalesce(p.state, st.status, CASE WHEN count(c.id) > 0 THEN 'in_progress' "
           "ELSE 'not_started' END), coalesce(st.note, ''), count(c.id)"
           f"{per_type}{per_level} FROM temp.export_pick p JOIN article a ON a.id = p.article_id "
           "LEFT JOIN coder k ON k.id = p.coder_id "
           "LEFT JOIN article_status st ON st.article_id = a.id AND st.coder_id = k.id "
           "LEFT JOIN claim c ON c.article_id = a.id AND c.coder_id = k.id "
           "LEFT JOIN source_mention s ON s.id = c.source_id "
           "LEFT JOIN claim_value v ON v.claim_id = c.id AND v.variable = 'certainty' "
           "GROUP BY a.id, p.coder_id ORDER BY a.id, k.name")
    split = 10 + len(types)
    cur = _cursor(conn)
    cur.row_factory = lambda _, r: ArticleRow._make((*r[:10], r[10:split], r[split:]))
    yield from cur.execute(sql, (*types, *levels))


def article_values(conn: sqlite3.Connection, article_id: int, coder_id: int) -> dict[str, str]:
    return dict(conn.execute(
        "SELECT variable, value FROM article_value WHERE article_id = ? AND coder_id = ?",
        (article_id, coder_id)))


def summary_counts(conn: sqlite3.Connection, coder_ids: Sequence[int], what: str
                   ) -> Iterator[OutletCount]:
    """Picked claims per coder, outlet and value of the source `type` or a claim variable."""
    if not coder_ids:
        return
    params: tuple[str, ...]
    if what == "type":
        join, params = "LEFT JOIN source_mention x ON x.id = c.source_id", ()
        value = "x.type"
    else:
        join = "LEFT JOIN claim_value x ON x.claim_id = c.id AND x.variable = ?"
        params, value = (what,), "x.value"
    sql = (f"SELECT c.coder_id, a.outlet, {value}, count(*) FROM claim c{_picked('c')} "
           f"JOIN article a ON a.id = c.article_id {join} "
           f"WHERE c.coder_id IN ({_marks(coder_ids)}) GROUP BY 1, 2, 3")
    for row in conn.execute(sql, (*params, *coder_ids)):
        yield OutletCount._make(row)


def unattributed_with_source(conn: sqlite3.Connection, coder_ids: Sequence[int]
                             ) -> Iterator[FlaggedCount]:
    """Picked claims per coder and outlet coded unattributed that have a linked source."""
    return _flagged(conn, coder_ids, "x.value = ? AND c.source_id IS NOT NULL")


def attributed_without_source(conn: sqlite3.Connection, coder_ids: Sequence[int]
                              ) -> Iterator[FlaggedCount]:
    """Picked claims per coder and outlet coded with an attribution other than unattributed
    (direct, indirect) that have no linked source."""
    return _flagged(conn, coder_ids, "x.value != ? AND c.source_id IS NULL")


def flagged_claims(conn: sqlite3.Connection, coder_ids: Sequence[int], check: str
                   ) -> Iterator[FlaggedCount]:
    """The counts of one check of `annotator.core.checks.CHECKS`, by its code."""
    found = {UNATTRIBUTED_WITH_SOURCE: unattributed_with_source,
             ATTRIBUTED_WITHOUT_SOURCE: attributed_without_source}[check]
    return found(conn, coder_ids)


def _flagged(conn: sqlite3.Connection, coder_ids: Sequence[int], condition: str
             ) -> Iterator[FlaggedCount]:
    """Picked claims per coder and outlet whose attribution value and source link meet
    `condition` (on `x.value`, compared with UNATTRIBUTED, and `c.source_id`)."""
    if not coder_ids:
        return
    sql = (f"SELECT c.coder_id, a.outlet, count(*) FROM claim c{_picked('c')} "
           "JOIN article a ON a.id = c.article_id "
           "JOIN claim_value x ON x.claim_id = c.id AND x.variable = ? "
           f"WHERE {condition} AND c.coder_id IN ({_marks(coder_ids)}) GROUP BY 1, 2")
    for row in conn.execute(sql, (ATTRIBUTION, UNATTRIBUTED, *coder_ids)):
        yield FlaggedCount._make(row)


# ---- the export's picks ---------------------------------------------------------------------
_WORK = ("SELECT article_id, coder_id FROM claim UNION SELECT article_id, coder_id FROM "
         "source_mention UNION SELECT article_id, coder_id FROM cue UNION SELECT article_id, "
         "coder_id FROM article_status WHERE status != 'not_started'")


def work_pairs(conn: sqlite3.Connection) -> Iterator[tuple[int, int]]:
    """(article, coder) for every coder with a claim, source, cue or begun status there."""
    yield from conn.execute(_WORK)


def unfinished_articles(conn: sqlite3.Connection, coder_id: int) -> set[int]:
    """The articles where `coder_id` has a status other than done."""
    return {r[0] for r in conn.execute(
        "SELECT article_id FROM article_status WHERE coder_id = ? AND status != 'done'",
        (coder_id,))}


def assigned_pairs(conn: sqlite3.Connection) -> Iterator[tuple[int, int]]:
    yield from conn.execute("SELECT article_id, coder_id FROM assignment")


def article_ids(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute("SELECT id FROM article ORDER BY id")]


def store_picks(conn: sqlite3.Connection, rows: Iterable[Pick]) -> None:
    """(Re)fill the temporary pick table the sheet queries join: this connection only."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS export_pick (article_id INTEGER NOT NULL, "
                 "coder_id INTEGER, state TEXT)")
    conn.execute("DELETE FROM temp.export_pick")
    conn.executemany("INSERT INTO temp.export_pick VALUES (?, ?, ?)", rows)
    conn.execute("CREATE INDEX IF NOT EXISTS temp.export_pick_key "
                 "ON export_pick (article_id, coder_id)")

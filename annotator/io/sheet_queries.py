"""Streaming reads for the coding sheet, straight from the project's SQLite connection.

`Project.claims()` builds every claim as an object with a dict of values: fine for a window,
too slow and too big for 100,000 claims. These queries join what one sheet row needs and yield
plain tuples in article order, so the export holds one article's text at a time. Rows are
limited to the (article, coder) pairs in `temp.export_pick` (see `sheet_picks`): the analysis
dataset or each coder's work.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.project import Project



def _marks(ids: Sequence[int]) -> str:
    return ", ".join("?" for _ in ids)


def _picked(alias: str) -> str:
    return (f" JOIN temp.export_pick p ON p.article_id = {alias}.article_id "
            f"AND p.coder_id = {alias}.coder_id")


def claim_rows(project: Project, coder_ids: Sequence[int],
               variables: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    """One tuple per claim of the given coders, ordered by article, coder, offsets.

    Fields: article id, coder name, uid, start, end, source (uid, start, end, type, canonical),
    cue (start, end), channel (start, end), origin, note, modified, article (ext_id, title,
    outlet, date), then one value per variable.
    """
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
    yield from _cursor(project).execute(sql, (*variables, *coder_ids))


def suggestion_rows(project: Project, coder_ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
    """Suggested claims no given coder has accepted or rejected, in article order.

    Fields: article id, start, end, source (start, end, type), cue (start, end), attribution,
    certainty, article (ext_id, title, outlet, date).
    """
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
    yield from _cursor(project).execute(sql, tuple(coder_ids))


def source_rows(project: Project, coder_ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
    """(article id, coder, uid, start, end, type, canonical, origin, modified, ext_id)."""
    if not coder_ids:
        return
    sql = ("SELECT s.article_id, k.name, s.uid, s.start, s.end, s.type, s.canonical, s.origin, "
           f"s.modified, a.ext_id FROM source_mention s{_picked('s')} "
           "JOIN coder k ON k.id = s.coder_id "
           "JOIN article a ON a.id = s.article_id "
           f"WHERE s.coder_id IN ({_marks(coder_ids)}) "
           "ORDER BY s.article_id, k.name, s.start, s.end, s.id")
    yield from _cursor(project).execute(sql, tuple(coder_ids))


def text_of(project: Project, article_id: int) -> str:
    row = project.db.conn.execute("SELECT text FROM article WHERE id = ?",
                                  (article_id,)).fetchone()
    return row[0] if row else ""


def article_rows(project: Project, types: Sequence[str],
                 levels: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    """One tuple per picked (article, coder), in article order: article id, ext_id, title,
    outlet, date, coder id, coder name (None: no coder's rows), status, note, claims, then
    claims per source type in `types` and per certainty level in `levels`."""
    per_type = "".join(", sum(s.type IS ?)" for _ in types)
    per_level = "".join(", sum(v.value IS ?)" for _ in levels)
    sql = ("SELECT a.id, a.ext_id, a.title, a.outlet, a.date, k.id, k.name, "
           "coalesce(p.state, st.status, 'not_started'), coalesce(st.note, ''), count(c.id)"
           f"{per_type}{per_level} FROM temp.export_pick p JOIN article a ON a.id = p.article_id "
           "LEFT JOIN coder k ON k.id = p.coder_id "
           "LEFT JOIN article_status st ON st.article_id = a.id AND st.coder_id = k.id "
           "LEFT JOIN claim c ON c.article_id = a.id AND c.coder_id = k.id "
           "LEFT JOIN source_mention s ON s.id = c.source_id "
           "LEFT JOIN claim_value v ON v.claim_id = c.id AND v.variable = 'certainty' "
           "GROUP BY a.id, p.coder_id ORDER BY a.id, k.name")
    yield from _cursor(project).execute(sql, (*types, *levels))


def article_values(project: Project, article_id: int, coder_id: int) -> dict[str, str]:
    return dict(project.db.conn.execute(
        "SELECT variable, value FROM article_value WHERE article_id = ? AND coder_id = ?",
        (article_id, coder_id)))


def summary_counts(project: Project, coder_ids: Sequence[int], what: str
                   ) -> Iterator[tuple[int, str, str | None, int]]:
    """(coder id, outlet, value, claims) for the source `type` or a claim variable."""
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
    yield from project.db.conn.execute(sql, (*params, *coder_ids))


def unattributed_with_source(project: Project, coder_ids: Sequence[int]
                             ) -> Iterator[tuple[int, str, int]]:
    """(coder id, outlet, claims) of claims coded unattributed that have a linked source."""
    from annotator.core.checks import ATTRIBUTION, UNATTRIBUTED

    if not coder_ids:
        return
    sql = (f"SELECT c.coder_id, a.outlet, count(*) FROM claim c{_picked('c')} "
           "JOIN article a ON a.id = c.article_id "
           "JOIN claim_value x ON x.claim_id = c.id AND x.variable = ? AND x.value = ? "
           f"WHERE c.source_id IS NOT NULL AND c.coder_id IN ({_marks(coder_ids)}) "
           "GROUP BY 1, 2")
    yield from project.db.conn.execute(sql, (ATTRIBUTION, UNATTRIBUTED, *coder_ids))


# ---- the export's picks (see sheet_picks) ---------------------------------------------------
_WORK = ("SELECT article_id, coder_id FROM claim UNION SELECT article_id, coder_id FROM "
         "source_mention UNION SELECT article_id, coder_id FROM cue UNION SELECT article_id, "
         "coder_id FROM article_status WHERE status != 'not_started'")


def work_pairs(conn: sqlite3.Connection) -> Iterator[tuple[int, int]]:
    """(article, coder) for every coder with a claim, source, cue or begun status there."""
    yield from conn.execute(_WORK)


def assigned_pairs(conn: sqlite3.Connection) -> Iterator[tuple[int, int]]:
    yield from conn.execute("SELECT article_id, coder_id FROM assignment")


def article_ids(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute("SELECT id FROM article ORDER BY id")]


def store_picks(conn: sqlite3.Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    """(Re)fill temp.export_pick (article, coder, state): this connection only."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS export_pick (article_id INTEGER NOT NULL, "
                 "coder_id INTEGER, state TEXT)")
    conn.execute("DELETE FROM temp.export_pick")
    conn.executemany("INSERT INTO temp.export_pick VALUES (?, ?, ?)", rows)
    conn.execute("CREATE INDEX IF NOT EXISTS temp.export_pick_key "
                 "ON export_pick (article_id, coder_id)")


def _cursor(project: Project) -> sqlite3.Cursor:
    cur = project.db.conn.cursor()
    cur.arraysize = 1000
    return cur

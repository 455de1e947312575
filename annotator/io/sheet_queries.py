"""Streaming reads for the coding sheet, straight from the project's SQLite connection.

`Project.claims()` builds every claim as an object with a dict of values: fine for a window,
too slow and too big for 100,000 claims. These queries join what one sheet row needs and yield
plain tuples in article order, so the export holds one article's text at a time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from annotator.project import Project


def _marks(ids: Sequence[int]) -> str:
    return ", ".join("?" for _ in ids)


def claim_rows(project: Project, coder_ids: Sequence[int],
               variables: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    """One tuple per claim of the given coders, ordered by article, coder, offsets.

    Fields: article id, coder name, uid, start, end, source (uid, start, end, type, canonical),
    cue (start, end), channel (start, end), origin, note, modified, then one value per variable.
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
        f"c.origin, c.note, c.modified{picks} "
        "FROM claim c JOIN coder k ON k.id = c.coder_id "
        "LEFT JOIN source_mention s ON s.id = c.source_id "
        "LEFT JOIN cue q ON q.id = c.cue_id "
        f"LEFT JOIN source_mention ch ON ch.id = c.channel_id{joins} "
        f"WHERE c.coder_id IN ({_marks(coder_ids)}) "
        "ORDER BY c.article_id, k.name, c.start, c.end, c.id")
    yield from _cursor(project).execute(sql, (*variables, *coder_ids))


def suggestion_rows(project: Project, coder_ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
    """Suggested claims no given coder has accepted or rejected, in article order.

    Fields: article id, start, end, source (start, end, type), cue (start, end), attribution,
    certainty.
    """
    decided = ""
    if coder_ids:
        decided = (" AND NOT EXISTS (SELECT 1 FROM suggestion_decision d "
                   "WHERE d.article_id = g.article_id AND d.kind = 'claim' AND d.start = g.start "
                   f"AND d.end = g.end AND d.coder_id IN ({_marks(coder_ids)}))")
    sql = ("SELECT g.article_id, g.start, g.end, s.start, s.end, s.type, q.start, q.end, "
           "g.attribution, g.certainty FROM suggestion g "
           "LEFT JOIN suggestion s ON s.id = g.source_ref "
           "LEFT JOIN suggestion q ON q.id = g.cue_ref "
           f"WHERE g.kind = 'claim'{decided} ORDER BY g.article_id, g.start, g.end, g.id")
    yield from _cursor(project).execute(sql, tuple(coder_ids))


def source_rows(project: Project, coder_ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
    """(article id, coder, uid, start, end, type, canonical, origin, modified) per mention."""
    if not coder_ids:
        return
    sql = ("SELECT s.article_id, k.name, s.uid, s.start, s.end, s.type, s.canonical, s.origin, "
           "s.modified FROM source_mention s JOIN coder k ON k.id = s.coder_id "
           f"WHERE s.coder_id IN ({_marks(coder_ids)}) "
           "ORDER BY s.article_id, k.name, s.start, s.end, s.id")
    yield from _cursor(project).execute(sql, tuple(coder_ids))


def article_meta(project: Project) -> dict[int, tuple[str, str, str, str]]:
    """article id -> (ext_id, title, outlet, date), without texts."""
    rows = project.db.conn.execute("SELECT id, ext_id, title, outlet, date FROM article")
    return {r[0]: r[1:] for r in rows}


def text_of(project: Project, article_id: int) -> str:
    row = project.db.conn.execute("SELECT text FROM article WHERE id = ?",
                                  (article_id,)).fetchone()
    return row[0] if row else ""


def claim_counts_by(project: Project, coder_ids: Sequence[int], what: str
                    ) -> Iterator[tuple[int, int, str | None, int]]:
    """(article id, coder id, value, count): claims grouped by source `type` or a variable."""
    if not coder_ids:
        return
    if what == "type":
        sql = ("SELECT c.article_id, c.coder_id, s.type, count(*) FROM claim c "
               "LEFT JOIN source_mention s ON s.id = c.source_id "
               f"WHERE c.coder_id IN ({_marks(coder_ids)}) GROUP BY 1, 2, 3")
        params: tuple = tuple(coder_ids)
    else:
        sql = ("SELECT c.article_id, c.coder_id, v.value, count(*) FROM claim c "
               "LEFT JOIN claim_value v ON v.claim_id = c.id AND v.variable = ? "
               f"WHERE c.coder_id IN ({_marks(coder_ids)}) GROUP BY 1, 2, 3")
        params = (what, *coder_ids)
    yield from project.db.conn.execute(sql, params)


def article_values_all(project: Project, coder_ids: Sequence[int]
                       ) -> dict[tuple[int, int], dict[str, str]]:
    out: dict[tuple[int, int], dict[str, str]] = {}
    if not coder_ids:
        return out
    for a, k, var, val in project.db.conn.execute(
            "SELECT article_id, coder_id, variable, value FROM article_value "
            f"WHERE coder_id IN ({_marks(coder_ids)})", tuple(coder_ids)):
        out.setdefault((a, k), {})[var] = val
    return out


def article_statuses_all(project: Project, coder_ids: Sequence[int]
                         ) -> dict[tuple[int, int], tuple[str, str, str]]:
    """(article id, coder id) -> (status, note, modified)."""
    if not coder_ids:
        return {}
    rows = project.db.conn.execute(
        "SELECT article_id, coder_id, status, note, modified FROM article_status "
        f"WHERE coder_id IN ({_marks(coder_ids)})", tuple(coder_ids))
    return {(a, k): (s, n, m) for a, k, s, n, m in rows}


def _cursor(project: Project) -> sqlite3.Cursor:
    cur = project.db.conn.cursor()
    cur.arraysize = 1000
    return cur

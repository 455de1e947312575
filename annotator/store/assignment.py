"""The assignment of articles to coders, and the reliability sample's blind flag."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


def has_assignment(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM assignment LIMIT 1").fetchone() is not None


def replace_assignment(c: sqlite3.Connection, rows: Iterable[tuple[int, int, bool]],
                       blind_ids: Iterable[int]) -> None:
    """Replace the assignment with `rows` (article id, coder id, in the reliability sample);
    exactly the articles `blind_ids` require blind coding afterwards."""
    c.execute("DELETE FROM assignment")
    c.executemany("INSERT INTO assignment(article_id, coder_id, reliability) VALUES (?, ?, ?)",
                  [(a, coder, int(rel)) for a, coder, rel in rows])
    c.execute("UPDATE article SET require_blind = 0")
    c.executemany("UPDATE article SET require_blind = 1 WHERE id = ?", [(a,) for a in blind_ids])


def assigned_article_ids(conn: sqlite3.Connection, coder_name: str) -> list[int] | None:
    """Article ids assigned to a coder, or None when the project has no assignment."""
    if not has_assignment(conn):
        return None
    return [r[0] for r in conn.execute(
        "SELECT a.article_id FROM assignment a JOIN coder c ON c.id = a.coder_id "
        "WHERE c.name = ? ORDER BY a.article_id", (coder_name,))]


def assigned_coder_names(conn: sqlite3.Connection) -> list[str]:
    """The coders with at least one article assigned, by name."""
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT c.name FROM assignment a JOIN coder c ON c.id = a.coder_id "
        "ORDER BY c.name")]

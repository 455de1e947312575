"""The project's codebook as stored (one JSON body), and the coded values it must keep."""

from __future__ import annotations

import sqlite3


def read_codebook(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT body FROM codebook WHERE id = 1").fetchone()
    return row[0] if row else None


def write_codebook(c: sqlite3.Connection, body: str) -> None:
    c.execute("INSERT OR REPLACE INTO codebook(id, body) VALUES (1, ?)", (body,))


def coded_values(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """(variable, value, how often) of every coded claim value, article value and source type."""
    return conn.execute(
        "SELECT variable, value, count(*) FROM claim_value GROUP BY variable, value "
        "UNION ALL SELECT variable, value, count(*) FROM article_value GROUP BY variable, value "
        "UNION ALL SELECT 'type', type, count(*) FROM source_mention WHERE type IS NOT NULL "
        "GROUP BY type").fetchall()


def coders_with_work(conn: sqlite3.Connection) -> set[int]:
    """Ids of coders who coded a claim or marked an article done."""
    return {r[0] for r in conn.execute(
        "SELECT coder_id FROM claim UNION SELECT coder_id FROM article_status "
        "WHERE status = 'done'")}


def claim_ids_by_uid(conn: sqlite3.Connection) -> dict[str, int]:
    return dict(conn.execute("SELECT uid, id FROM claim"))

"""Whole-row reads and writes by primary key: what undoable edits are made of.

An edit records each row it touches as a before and after dict (None = absent). Applying or
reverting writes those dicts back with an UPSERT (never INSERT OR REPLACE, whose implicit delete
would cascade to dependent rows).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from annotator.core.model import Kind, Role

# table -> primary key columns
KEYS: dict[str, tuple[str, ...]] = {
    "source_mention": ("id",),
    "cue": ("id",),
    "claim": ("id",),
    "claim_value": ("claim_id", "variable"),
    "article_value": ("article_id", "coder_id", "variable"),
    "article_status": ("article_id", "coder_id"),
    "suggestion_decision": ("coder_id", "article_id", "kind", "start", "end"),
}

Row = dict[str, Any]

# the domain's names for what the tables hold: the table of each kind of annotation, and the
# claim's column for each role a source mention plays (commands speak the domain's names)
KIND_TABLES: dict[str, str] = {Kind.SOURCE: "source_mention", Kind.CUE: "cue",
                               Kind.CLAIM: "claim"}
ROLE_COLUMNS: dict[str, str] = {Role.SOURCE: "source_id", Role.CHANNEL: "channel_id"}
# the claim's link columns, each with the kind of annotation it links to
LINK_KINDS: dict[str, Kind] = {"source_id": Kind.SOURCE, "channel_id": Kind.SOURCE,
                               "cue_id": Kind.CUE}


def key_of(table: str, row: Row) -> tuple:
    return tuple(row[k] for k in KEYS[table])


def get_row(conn: sqlite3.Connection, table: str, key: tuple) -> Row | None:
    where = " AND ".join(f'"{k}" = ?' for k in KEYS[table])
    cur = conn.execute(f"SELECT * FROM {table} WHERE {where}", key)
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def get_rows(conn: sqlite3.Connection, table: str, where: str, params: tuple) -> list[Row]:
    cur = conn.execute(f"SELECT * FROM {table} WHERE {where}", params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def put_row(conn: sqlite3.Connection, table: str, key: tuple, row: Row | None) -> None:
    """Make the row with `key` equal `row`, or absent when `row` is None."""
    if row is None:
        where = " AND ".join(f'"{k}" = ?' for k in KEYS[table])
        conn.execute(f"DELETE FROM {table} WHERE {where}", key)
        return
    cols = list(row)
    quoted = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    keys = KEYS[table]
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c not in keys)
    conflict = ", ".join(f'"{k}"' for k in keys)
    action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    conn.execute(f"INSERT INTO {table} ({quoted}) VALUES ({marks}) "
                 f"ON CONFLICT ({conflict}) {action}", [row[c] for c in cols])


def next_id(conn: sqlite3.Connection, table: str) -> int:
    """A fresh id; call inside the write transaction that uses it."""
    return (conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])

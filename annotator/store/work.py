"""One coder's work at the row level: the SQL that merge, coder files and their checks need.

The use cases (annotator/exchange.py) decide what to copy and when; this module owns the
tables and columns: reading a coder's rows as id-free records, copying them between files
with ids remapped, clearing them, and the merge log.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Mapping
from pathlib import Path

from annotator.store.db import now
from annotator.store.handin import ROW_COLUMNS, SPAN_COLUMNS, select

# A coder's work, table by table, with the columns that identify and carry it (ids remapped).
WORK_TABLES = ("source_mention", "cue", "claim", "claim_value", "article_value",
               "article_status", "suggestion_decision")


def work_fingerprint(conn: sqlite3.Connection, coder_id: int,
                     article_sha: dict[int, str]) -> str:
    """A digest of one coder's work, independent of row ids (articles by text hash)."""
    h = hashlib.sha256()
    for row in _work_rows(conn, coder_id, article_sha):
        h.update(json.dumps(row, sort_keys=True, default=str).encode())
    return h.hexdigest()


def _work_rows(conn: sqlite3.Connection, coder_id: int, sha: dict[int, str]) -> list:
    rows = []
    spans = {}
    for table in ("source_mention", "cue"):
        for r in conn.execute(f"SELECT id, article_id, start, end, uid, "
                              f"{'type, canonical' if table == 'source_mention' else 'NULL, NULL'}"
                              f", origin FROM {table} WHERE coder_id = ? ORDER BY uid",
                              (coder_id,)):
            spans[(table, r[0])] = r[4]
            rows.append([table, sha.get(r[1]), *r[2:]])
    for r in conn.execute("SELECT id, article_id, start, end, uid, source_id, channel_id, "
                          "cue_id, note, origin FROM claim WHERE coder_id = ? ORDER BY uid",
                          (coder_id,)):
        values = conn.execute("SELECT variable, value FROM claim_value WHERE claim_id = ? "
                              "ORDER BY variable", (r[0],)).fetchall()
        rows.append(["claim", sha.get(r[1]), r[2], r[3], r[4],
                     spans.get(("source_mention", r[5])), spans.get(("source_mention", r[6])),
                     spans.get(("cue", r[7])), r[8], r[9], values])
    for table, cols in (("article_value", "variable, value"), ("article_status", "status, note")):
        for r in conn.execute(f"SELECT article_id, {cols} FROM {table} WHERE coder_id = ? "
                              f"ORDER BY article_id, 2", (coder_id,)):
            rows.append([table, sha.get(r[0]), *r[1:]])
    rows.sort(key=lambda r: json.dumps(r, default=str))
    return rows


def conn_articles(conn: sqlite3.Connection) -> list[tuple[int, str, str, str]]:
    """(id, ext_id, outlet, sha256) of every article, in id order."""
    return [tuple(r) for r in conn.execute(
        "SELECT id, ext_id, outlet, sha256 FROM article ORDER BY id")]


def has_work(conn: sqlite3.Connection, coder_id: int) -> bool:
    return any(conn.execute(f"SELECT 1 FROM {t} WHERE coder_id = ? LIMIT 1", (coder_id,))
               .fetchone() for t in ("claim", "source_mention", "cue", "article_status"))


def describe_diff(conn: sqlite3.Connection, here_id: int, my_sha: dict[int, str],
                  other_conn: sqlite3.Connection, other_id: int, other_sha: dict[int, str]) -> str:
    mine = {json.dumps(r, default=str) for r in _work_rows(conn, here_id, my_sha)}
    theirs = {json.dumps(r, default=str) for r in _work_rows(other_conn, other_id, other_sha)}
    only_here, only_there = len(mine - theirs), len(theirs - mine)
    return f"{only_here} item(s) only in this project, {only_there} only in the file"


def _columns(names: tuple[str, ...]) -> str:
    return ", ".join(f'"{n}"' for n in names)  # our own names, quoted as identifiers


def copy_work(c: sqlite3.Connection, src: sqlite3.Connection, src_coder: int, dst_coder: int,
              target_of: Mapping[int, int]) -> tuple[int, set[int]]:
    """Copy one coder's rows, remapping article, span and suggestion ids."""
    missing: set[int] = set()
    idmap: dict[tuple[str, int], int] = {}

    def article(aid: int) -> int | None:
        target = target_of.get(aid)
        if target is None:
            missing.add(aid)
        return target

    def suggestion(art: int, kind: str, start: int, end: int) -> int | None:
        row = c.execute("SELECT id FROM suggestion WHERE article_id = ? AND kind = ? AND "
                        "start = ? AND end = ?", (art, kind, start, end)).fetchone()
        return row[0] if row else None

    n_claims = 0
    for table, kind in (("source_mention", "source"), ("cue", "cue"), ("claim", "claim")):
        columns = SPAN_COLUMNS[table]
        for row in select(src, table, columns, "WHERE coder_id = ? ORDER BY id", (src_coder,)):
            art = article(row["article_id"])
            if art is None:
                continue
            old_id = row.pop("id")
            row.update(article_id=art, coder_id=dst_coder,
                       suggestion_id=suggestion(art, kind, row["start"], row["end"])
                       if row["suggestion_id"] is not None else None)
            if table == "claim":
                for col, ref in (("source_id", "source_mention"), ("channel_id", "source_mention"),
                                 ("cue_id", "cue")):
                    row[col] = idmap.get((ref, row[col])) if row[col] is not None else None
            names = columns[1:]  # our column names, in our order; the values as parameters
            new_id = c.execute(f"INSERT INTO {table} ({_columns(names)}) "
                               f"VALUES ({', '.join('?' for _ in names)})",
                               [row[n] for n in names]).lastrowid
            assert new_id is not None  # an INSERT always gives its row id
            idmap[(table, old_id)] = new_id
            if table == "claim":
                n_claims += 1
                for cv in select(src, "claim_value", ("variable", "value"),
                                 "WHERE claim_id = ?", (old_id,)):
                    c.execute("INSERT INTO claim_value(claim_id, variable, value) "
                              "VALUES (?, ?, ?)", (new_id, cv["variable"], cv["value"]))
    for table, columns in ROW_COLUMNS.items():
        for row in select(src, table, columns, "WHERE coder_id = ?", (src_coder,)):
            art = article(row["article_id"])
            if art is None:
                continue
            row.update(article_id=art, coder_id=dst_coder)
            c.execute(f"INSERT INTO {table} ({_columns(columns)}) "
                      f"VALUES ({', '.join('?' for _ in columns)})", [row[n] for n in columns])
    return n_claims, missing


def trim_to_coder(path: Path, arts: list[int], coder_name: str, origin: str) -> None:
    """Keep the coder's articles and work only, under a new file id naming its origin."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        keep = ",".join(str(int(a)) for a in arts)
        conn.execute(f"DELETE FROM article WHERE id NOT IN ({keep})")
        conn.execute("DELETE FROM coder WHERE name != ?", (coder_name,))
        conn.execute("INSERT INTO coder(name, created_at) SELECT ?, ? WHERE NOT EXISTS "
                     "(SELECT 1 FROM coder WHERE name = ?)", (coder_name, now(), coder_name))
        conn.execute("DELETE FROM merge_log")
        conn.execute("UPDATE project SET value = ? WHERE key = 'id'", (str(uuid.uuid4()),))
        conn.execute("INSERT OR REPLACE INTO project(key, value) VALUES ('origin_project', ?)",
                     (origin,))
        conn.execute("INSERT OR REPLACE INTO project(key, value) VALUES ('coder', ?)",
                     (coder_name,))
        conn.commit()
        conn.execute("VACUUM")
    finally:
        conn.close()


def article_shas(conn: sqlite3.Connection) -> dict[int, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT id, sha256 FROM article")}


def last_merge(conn: sqlite3.Connection, coder_name: str) -> tuple[str, str] | None:
    """(origin file id, work fingerprint) of the last merge of this coder, or None."""
    row = conn.execute("SELECT origin_file_id, fingerprint FROM merge_log WHERE coder_name = ? "
                       "ORDER BY id DESC LIMIT 1", (coder_name,)).fetchone()
    return (row[0], row[1]) if row else None


def take_coder(c: sqlite3.Connection, coder_id: int | None, name: str, origin: str) -> int:
    """The coder that merged work goes to (made when new), marked as coming from `origin`."""
    if coder_id is None:
        made = c.execute("INSERT INTO coder(name, origin_file_id, created_at) VALUES (?, ?, ?)",
                         (name, origin, now())).lastrowid
        assert made is not None  # an INSERT always gives its row id
        coder_id = made
    c.execute("UPDATE coder SET origin_file_id = ? WHERE id = ?", (origin, coder_id))
    return coder_id


def clear_work(c: sqlite3.Connection, coder_id: int) -> None:
    """Delete every row of one coder's work (in the order the foreign keys need)."""
    for table in reversed(WORK_TABLES):
        if table == "claim_value":
            c.execute("DELETE FROM claim_value WHERE claim_id IN "
                      "(SELECT id FROM claim WHERE coder_id = ?)", (coder_id,))
        else:
            c.execute(f"DELETE FROM {table} WHERE coder_id = ?", (coder_id,))


def log_merge(c: sqlite3.Connection, origin: str, name: str, fingerprint: str, path: Path) -> None:
    c.execute("INSERT INTO merge_log(origin_file_id, coder_name, fingerprint, source_path, "
              "merged_at) VALUES (?, ?, ?, ?, ?)", (origin, name, fingerprint, str(path), now()))

"""Reading a coder's annotations back as core objects."""

from __future__ import annotations

from collections import defaultdict

from annotator.core.model import Claim, Cue, SourceMention
from annotator.store.db import Database


def _filter(article_id: int | None, coder_id: int | None) -> tuple[str, tuple]:
    parts, params = [], []
    if article_id is not None:
        parts.append("article_id = ?")
        params.append(article_id)
    if coder_id is not None:
        parts.append("coder_id = ?")
        params.append(coder_id)
    return (" WHERE " + " AND ".join(parts) if parts else ""), tuple(params)


def list_sources(db: Database, article_id: int | None = None,
                 coder_id: int | None = None) -> list[SourceMention]:
    where, params = _filter(article_id, coder_id)
    rows = db.conn.execute(
        "SELECT id, uid, article_id, coder_id, start, end, type, canonical, origin, "
        f"suggestion_id, modified FROM source_mention{where} ORDER BY article_id, start, end",
        params).fetchall()
    return [SourceMention(*r) for r in rows]


def list_cues(db: Database, article_id: int | None = None,
              coder_id: int | None = None) -> list[Cue]:
    where, params = _filter(article_id, coder_id)
    rows = db.conn.execute(
        "SELECT id, uid, article_id, coder_id, start, end, origin, suggestion_id, modified "
        f"FROM cue{where} ORDER BY article_id, start, end", params).fetchall()
    return [Cue(*r) for r in rows]


def list_claims(db: Database, article_id: int | None = None,
                coder_id: int | None = None) -> list[Claim]:
    where, params = _filter(article_id, coder_id)
    rows = db.conn.execute(
        "SELECT id, uid, article_id, coder_id, start, end, source_id, channel_id, cue_id, note, "
        f"origin, suggestion_id, created, modified FROM claim{where} "
        "ORDER BY article_id, start, end", params).fetchall()
    values: dict[int, dict[str, str]] = defaultdict(dict)
    vwhere = where.replace("article_id", "c.article_id").replace("coder_id", "c.coder_id")
    for cid, var, val in db.conn.execute(
            "SELECT v.claim_id, v.variable, v.value FROM claim_value v "
            f"JOIN claim c ON c.id = v.claim_id{vwhere}", params):
        values[cid][var] = val
    return [Claim(id=r[0], uid=r[1], article_id=r[2], coder_id=r[3], start=r[4], end=r[5],
                  source_id=r[6], channel_id=r[7], cue_id=r[8], values=dict(values[r[0]]),
                  note=r[9], origin=r[10], suggestion_id=r[11], created=r[12], modified=r[13])
            for r in rows]


def article_statuses(db: Database, coder_id: int) -> dict[int, tuple[str, str]]:
    """article id -> (status, note) for one coder; absent means not started."""
    rows = db.conn.execute("SELECT article_id, status, note FROM article_status "
                           "WHERE coder_id = ?", (coder_id,)).fetchall()
    return {a: (s, n) for a, s, n in rows}


def article_values(db: Database, article_id: int, coder_id: int) -> dict[str, str]:
    rows = db.conn.execute("SELECT variable, value FROM article_value "
                           "WHERE article_id = ? AND coder_id = ?",
                           (article_id, coder_id)).fetchall()
    return dict(rows)


def claim_counts(db: Database, coder_id: int) -> dict[int, int]:
    """article id -> number of this coder's claims."""
    rows = db.conn.execute("SELECT article_id, count(*) FROM claim WHERE coder_id = ? "
                           "GROUP BY article_id", (coder_id,)).fetchall()
    return dict(rows)


def annotation_counts(db: Database) -> dict[str, int]:
    """How many claims, sources, cues and suggestions the project holds (all coders)."""
    tables = {"claims": "claim", "sources": "source_mention", "cues": "cue",
              "suggestions": "suggestion"}
    return {name: db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for name, t in tables.items()}


def decisions(db: Database, article_id: int, coder_id: int) -> dict[tuple[str, int, int], str]:
    """(kind, start, end) -> 'accepted' | 'rejected' for this coder in this article."""
    rows = db.conn.execute("SELECT kind, start, end, decision FROM suggestion_decision "
                           "WHERE article_id = ? AND coder_id = ?",
                           (article_id, coder_id)).fetchall()
    return {(k, s, e): d for k, s, e, d in rows}

"""The suggestion layer: the pipeline's output per article, kept apart from coders' work."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotator.core.channels import link_channels
from annotator.core.model import SuggestedClaim, SuggestedCue, SuggestedSource, Suggestions
from annotator.store.db import Database, now


def write_suggestions(conn, article_id: int, payload: dict[str, Any], pipeline_version: str,
                      language: str) -> None:
    """Replace one article's suggestions inside the caller's transaction.

    `payload` has the shape `annotator suggest --format json` prints. Coders' annotations and
    their accept/reject decisions live elsewhere (keyed by span), so they survive a re-run.
    A suggested channel no claim links to is linked to the claim it sits next to
    (`core.channels`), so that accepting the claim carries its channel.
    """
    conn.execute("DELETE FROM suggestion_run WHERE article_id = ?", (article_id,))
    conn.execute("INSERT INTO suggestion_run(article_id, pipeline_version, language, created_at) "
                 "VALUES (?, ?, ?, ?)", (article_id, pipeline_version, language, now()))
    ids: dict[str, list[int]] = {"source": [], "cue": []}
    for kind, items in (("source", payload.get("sources", [])), ("cue", payload.get("cues", []))):
        for item in items:
            cur = conn.execute(
                "INSERT INTO suggestion(article_id, kind, start, end, type, rule) "
                "VALUES (?,?,?,?,?,?)",
                (article_id, kind, item["start"], item["end"], item.get("type"),
                 str(item.get("rule") or "")))
            ids[kind].append(cur.lastrowid)
    claims = payload.get("claims", [])
    channels: list[int | None] = [None] * len(claims)
    if claims and payload.get("sources"):
        row = conn.execute("SELECT text FROM article WHERE id = ?", (article_id,)).fetchone()
        if row is not None:
            channels = link_channels(row[0], payload)
    for cl, channel in zip(claims, channels, strict=True):
        src = ids["source"][cl["source"]] if cl.get("source") is not None else None
        cue = ids["cue"][cl["cue"]] if cl.get("cue") is not None else None
        chan = ids["source"][channel] if channel is not None else None
        conn.execute(
            "INSERT INTO suggestion(article_id, kind, start, end, attribution, certainty, "
            "source_ref, cue_ref, rule, channel_ref) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (article_id, "claim", cl["start"], cl["end"], cl.get("attribution"),
             cl.get("certainty"), src, cue, str(cl.get("rule") or ""), chan))


def save_suggestions(db: Database, batch: Iterable[tuple[int, dict[str, Any]]],
                     pipeline_version: str, language: str | None = None) -> int:
    """Store suggestions for several articles in one transaction; return how many."""
    n = 0
    with db.transaction() as c:
        for article_id, payload in batch:
            write_suggestions(c, article_id, payload, pipeline_version,
                              language or payload.get("language", ""))
            n += 1
    return n


def get_suggestions(db: Database, article_id: int) -> Suggestions | None:
    run = db.conn.execute("SELECT pipeline_version FROM suggestion_run WHERE article_id = ?",
                          (article_id,)).fetchone()
    if run is None:
        return None
    rows = db.conn.execute(
        "SELECT id, kind, start, end, type, attribution, certainty, source_ref, cue_ref, rule, "
        "channel_ref FROM suggestion WHERE article_id = ? ORDER BY start, end, id", (article_id,)).fetchall()
    sources = tuple(SuggestedSource(r[0], r[2], r[3], r[4], r[9]) for r in rows if r[1] == "source")
    cues = tuple(SuggestedCue(r[0], r[2], r[3], r[9]) for r in rows if r[1] == "cue")
    claims = tuple(SuggestedClaim(r[0], r[2], r[3], r[7], r[8], r[5], r[6], r[9], r[10])
                   for r in rows if r[1] == "claim")
    return Suggestions(article_id, run[0], sources, cues, claims)


def suggested_article_ids(db: Database) -> set[int]:
    return {r[0] for r in db.conn.execute("SELECT article_id FROM suggestion_run")}



def pipeline_versions(db: Database, article_ids: Iterable[int]) -> dict[str, int]:
    """Which suggester made the stored suggestions of these articles: version -> articles."""
    wanted = set(article_ids)
    out: dict[str, int] = {}
    for article_id, version in db.conn.execute(
            "SELECT article_id, pipeline_version FROM suggestion_run"):
        if article_id in wanted:
            out[version] = out.get(version, 0) + 1
    return out


def suggestion_ids(db: Database, article_id: int) -> list[tuple[int, str]]:
    """(id, kind) of an article's suggestions, claims first: accepting a claim adopts its
    source, cue and channel, so the unlinked sources and cues come after."""
    return [(r[0], r[1]) for r in db.conn.execute(
        "SELECT id, kind FROM suggestion WHERE article_id = ? "
        "ORDER BY kind != 'claim', start, end, id", (article_id,))]

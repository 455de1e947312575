"""Settling disagreements: copy one coder's coding into the consensus coder, undoably.

The consensus is an ordinary coder (named `consensus` by default), so it is exported, merged
and compared like any coder. Each step is a `commands.Edit`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from annotator import commands
from annotator.core.model import CONSENSUS  # noqa: F401  (its name lives in core; callers import it here too)
from annotator.store import rows as R
from annotator.store.db import Database, now


def _copy_span(b: commands._Builder, table: str, row_id: int | None, coder_id: int) -> int | None:
    """The consensus coder's span matching another coder's span: reused if present, else copied."""
    if row_id is None:
        return None
    row = R.get_row(b.conn, table, (row_id,))
    if row is None:
        return None
    found = R.get_rows(b.conn, table, "article_id = ? AND coder_id = ? AND start = ? AND end = ?",
                       (row["article_id"], coder_id, row["start"], row["end"]))
    if found:
        return found[0]["id"]
    fields = {k: row[k] for k in row if k not in ("id", "uid", "coder_id", "created", "modified")}
    return b.insert(table, {**fields, "coder_id": coder_id})


def _copy_claim(b: commands._Builder, src: dict, consensus_coder_id: int) -> int:
    """A copy of claim row `src` (with its source, channel, cue and values) for the consensus."""
    source = _copy_span(b, "source_mention", src["source_id"], consensus_coder_id)
    channel = _copy_span(b, "source_mention", src["channel_id"], consensus_coder_id)
    cue = _copy_span(b, "cue", src["cue_id"], consensus_coder_id)
    new = b.insert("claim", {"article_id": src["article_id"], "coder_id": consensus_coder_id,
                             "start": src["start"], "end": src["end"], "source_id": source,
                             "channel_id": channel, "cue_id": cue, "note": src["note"],
                             "origin": src["origin"], "suggestion_id": src["suggestion_id"]})
    for v in R.get_rows(b.conn, "claim_value", "claim_id = ?", (src["id"],)):
        b.set("claim_value", (new, v["variable"]),
              {"claim_id": new, "variable": v["variable"], "value": v["value"]})
    return new


def _drop_claim(b: commands._Builder, claim_id: int) -> None:
    """Delete a consensus claim with its values, and the mentions only it linked to that
    came with it (`commands.drop_if_unlinked`): nothing is left over in the Sources sheet."""
    row = R.get_row(b.conn, "claim", (claim_id,))
    if row is None:
        return
    for v in R.get_rows(b.conn, "claim_value", "claim_id = ?", (claim_id,)):
        b.delete("claim_value", (claim_id, v["variable"]))
    b.delete("claim", (claim_id,))
    for col, target in commands.LINKS:
        commands.drop_if_unlinked(b, target, row[col])


def take_claim(db: Database, claim_id: int, consensus_coder_id: int,
               replace_claim_id: int | None = None) -> commands.Edit:
    """Copy a coder's claim (span, links, values, note) to the consensus coder.

    `replace_claim_id`, a consensus claim for the same unit, is deleted first, so that taking
    coder B's coding after coder A's leaves one consensus claim.
    """
    def steps(b: commands._Builder) -> None:
        src = R.get_row(b.conn, "claim", (claim_id,))
        if src is None:
            raise KeyError(f"claim {claim_id} does not exist")
        if replace_claim_id is not None:
            _drop_claim(b, replace_claim_id)
        _copy_claim(b, src, consensus_coder_id)
    row = R.get_row(db.conn, "claim", (claim_id,))
    return commands.build(db, "Take coding into consensus", row["article_id"] if row else None,
                          steps)


def take_agreed(db: Database, claim_ids: list[int], consensus_coder_id: int) -> commands.Edit:
    """Copy many claims (units every coder agreed on) into the consensus in one undoable step;
    a unit where the consensus already has a claim on the same span is left as it is."""
    def steps(b: commands._Builder) -> None:
        for claim_id in claim_ids:
            src = R.get_row(b.conn, "claim", (claim_id,))
            if src is None or R.get_rows(
                    b.conn, "claim", "article_id = ? AND coder_id = ? AND start = ? AND end = ?",
                    (src["article_id"], consensus_coder_id, src["start"], src["end"])):
                continue
            _copy_claim(b, src, consensus_coder_id)
    return commands.build(db, "Take all agreed units into consensus", None, steps)


# ---- the consensus coder's status per article ----------------------------------------------
def leave_out(db: Database, article_id: int, start: int, end: int, consensus_coder_id: int,
              replace_claim_id: int | None = None) -> commands.Edit:
    """Settle a unit as "no claim": the consensus claim there (if any) is deleted and the
    decision is kept (a rejected claim of the consensus coder on the unit's span), so that
    the unit counts as settled."""
    def steps(b: commands._Builder) -> None:
        if replace_claim_id is not None:
            _drop_claim(b, replace_claim_id)
        key = (consensus_coder_id, article_id, "claim", start, end)
        done = R.get_row(b.conn, "suggestion_decision", key)
        if done is not None and done["decision"] == "rejected":
            return
        b.set("suggestion_decision", key,
              {"coder_id": consensus_coder_id, "article_id": article_id, "kind": "claim",
               "start": start, "end": end, "decision": "rejected", "decided_at": now()})
    return commands.build(db, "Leave the claim out of the consensus", article_id, steps)


def status_for(settled: Iterable[bool]) -> str:
    """The consensus coder's status on an article: `done` once every disagreement there is
    settled (an article without disagreements is done as soon as it is taken), else
    `in_progress`."""
    return "done" if all(settled) else "in_progress"


def touched_articles(edit: commands.Edit) -> list[int]:
    return sorted({row["article_id"] for ch in edit.changes for row in (ch.before, ch.after)
                   if row is not None and row.get("article_id") is not None})


def with_status(db: Database, edit: commands.Edit, consensus_coder_id: int,
                status_of: Callable[[int], str]) -> commands.Edit:
    """`edit` (applied) plus the consensus coder's status on every article it touched, as one
    undoable step: settling gives the consensus work a status the export shows."""
    changes = list(edit.changes)
    for aid in touched_articles(edit):
        status = status_of(aid)
        row = R.get_row(db.conn, "article_status", (aid, consensus_coder_id))
        if row is None or row["status"] != status:
            changes += commands.set_article_status(db, aid, consensus_coder_id, status).changes
    return commands.Edit(edit.text, changes, edit.article_id)

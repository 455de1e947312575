"""Undoable edits of a coder's work, applied and reverted through the store (no Qt).

Every user action becomes an `Edit`: a description for the Edit menu and the rows it changes,
each with its state before and after. `Edit.apply` and `Edit.revert` each run in one
transaction, so the project file always holds whole actions. The GUI wraps an Edit in a
QUndoCommand; the CLI and sheet import apply them directly.

Builders (`add_claim`, `accept_suggestion`, ...) read the current rows inside a transaction
and return the Edit *already applied*.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.core.errors import UserError
from annotator.core.model import Claim, Kind, Role, SourceMention
from annotator.core.textcheck import check_text
from annotator.store import rows as R
from annotator.store.db import Database, now

Seen = Mapping[str, Any]  # a row's columns as a window last read them (a claim: with `values`)

SPAN_TABLES = ("source_mention", "cue", "claim")
LABELS = {"source_mention": "source", "cue": "cue", "claim": "claim",
          "claim_value": "claim's value", "article_status": "article's status",
          "article_value": "article's value", "suggestion_decision": "suggestion decision"}
ELSEWHERE = ("in another window or program (two windows on one coder?); nothing was saved, "
             "and the article was read again")


class StaleEdit(UserError):
    """The rows an edit (or its undo or redo) would change are no longer what it expects:
    another window or program changed or deleted them since. Nothing is written."""


def _changed_elsewhere(table: str, row_id: object, gone: bool) -> StaleEdit:
    what = LABELS.get(table, table)
    return StaleEdit(f"this {what} was {'deleted' if gone else 'changed'} {ELSEWHERE}",
                     where=f"{what} {row_id}" if row_id is not None else None)


def _matches(current: R.Row | None, expected: R.Row | None) -> bool:
    """The row is as an edit left it (columns it names; a later schema may add others)."""
    if expected is None or current is None:
        return expected is None and current is None
    return all(current.get(k) == v for k, v in expected.items())


FREE_TEXT = ("note", "canonical")  # columns a coder types into, checked by core.textcheck


@dataclass
class RowChange:
    table: str
    key: tuple
    before: R.Row | None
    after: R.Row | None


@dataclass
class Edit:
    text: str
    changes: list[RowChange] = field(default_factory=list)
    article_id: int | None = None

    def apply(self, db: Database) -> None:
        """Redo: every row must still be as the undo left it, or nothing is written (a redo
        never overwrites what another window did in the meantime)."""
        with db.transaction() as c:
            for ch in self.changes:
                _expect(c, ch, ch.before)
                R.put_row(c, ch.table, ch.key, ch.after)

    def revert(self, db: Database) -> None:
        """Undo: every row must still be as this edit left it, or nothing is written."""
        with db.transaction() as c:
            for ch in reversed(self.changes):
                _expect(c, ch, ch.after)
                R.put_row(c, ch.table, ch.key, ch.before)

    def created(self, kind: str) -> list[int]:
        """Ids of the annotations of `kind` (a `Kind`, or a table's name) this edit creates."""
        table = R.KIND_TABLES.get(kind, kind)
        return [ch.key[0] for ch in self.changes
                if ch.table == table and ch.before is None and ch.after is not None]

    @property
    def empty(self) -> bool:
        return not self.changes


def _expect(conn, ch: RowChange, expected: R.Row | None) -> None:
    if not _matches(R.get_row(conn, ch.table, ch.key), expected):
        raise _changed_elsewhere(ch.table, ch.key[0] if len(ch.key) == 1 else None,
                                 gone=expected is not None
                                 and R.get_row(conn, ch.table, ch.key) is None)


def seen_claim(c: Claim) -> Seen:
    """A claim as a window shows it, for `seen=`: an edit on it is refused when the file's row
    differs (another window on the same coder changed or deleted it)."""
    return {"start": c.start, "end": c.end, "source_id": c.source_id,
            "channel_id": c.channel_id, "cue_id": c.cue_id, "note": c.note,
            "origin": c.origin, "modified": c.modified, "values": dict(c.values)}


def seen_source(s: SourceMention) -> Seen:
    """A source mention as a window shows it, for `seen=` (see `seen_claim`)."""
    return {"start": s.start, "end": s.end, "type": s.type, "canonical": s.canonical,
            "origin": s.origin, "modified": s.modified}


def check_seen(conn, table: str, row_id: int, seen: Seen | None) -> R.Row:
    """The row as the caller last read it (`seen`: column values, and for a claim its
    `values`), or StaleEdit: an edit is never made on a row that changed under a window."""
    row = R.get_row(conn, table, (row_id,))
    if row is None:
        raise _changed_elsewhere(table, row_id, gone=True)
    if seen is None:
        return row
    columns = {k: v for k, v in seen.items() if k != "values"}
    same = _matches(row, columns)
    if same and "values" in seen:
        stored = {v["variable"]: v["value"]
                  for v in R.get_rows(conn, "claim_value", "claim_id = ?", (row_id,))}
        same = stored == dict(seen["values"])
    if not same:
        raise _changed_elsewhere(table, row_id, gone=False)
    return row


class _Builder:
    """Collects row changes inside one transaction, writing each as it goes."""

    def __init__(self, conn, text: str, article_id: int | None):
        self.conn = conn
        self.edit = Edit(text=text, article_id=article_id)

    def set(self, table: str, key: tuple, after: R.Row | None) -> None:
        if after is not None:  # every command that writes a note passes here
            for name in FREE_TEXT:
                if after.get(name) is not None:
                    check_text(after[name], f"the {name}")
        before = R.get_row(self.conn, table, key)
        if before == after:
            return
        R.put_row(self.conn, table, key, after)
        self.edit.changes.append(RowChange(table, key, before, after))

    def insert(self, table: str, fields: dict) -> int:
        new_id = R.next_id(self.conn, table)
        stamp = now()
        row = {"id": new_id, "uid": str(uuid.uuid4()), **fields}
        if table == "claim":
            row.setdefault("created", stamp)
        else:
            row.setdefault("created", stamp)
        row["modified"] = stamp
        self.set(table, (new_id,), row)
        return new_id

    def update(self, table: str, row_id: int, changes: dict) -> None:
        before = R.get_row(self.conn, table, (row_id,))
        if before is None:
            raise _changed_elsewhere(table, row_id, gone=True)
        after = {**before, **changes}
        if after == before:
            return
        if table in SPAN_TABLES:
            after["modified"] = now()
            if before["origin"] == "accepted" and _is_substantive(changes):
                after["origin"] = "edited"  # what the pipeline suggested was changed by the coder
        self.set(table, (row_id,), after)

    def delete(self, table: str, key: tuple) -> None:
        self.set(table, key, None)


def _is_substantive(changes: dict) -> bool:
    return bool(set(changes) - {"note", "canonical", "modified"})


def build(db: Database, text: str, article_id: int | None,
          steps: Callable[[_Builder], None]) -> Edit:
    with db.transaction() as c:
        b = _Builder(c, text, article_id)
        steps(b)
    return b.edit


def _mark_in_progress(b: _Builder, article_id: int, coder_id: int) -> None:
    row = R.get_row(b.conn, "article_status", (article_id, coder_id))
    if row is None or row["status"] == "not_started":
        b.set("article_status", (article_id, coder_id),
              {"article_id": article_id, "coder_id": coder_id, "status": "in_progress",
               "note": row["note"] if row else "", "modified": now()})


# ---- spans -------------------------------------------------------------------------------
def add_source(db: Database, article_id: int, coder_id: int, start: int, end: int,
               type_: str | None, canonical: str | None = None) -> Edit:
    def steps(b: _Builder) -> None:
        b.insert("source_mention", {"article_id": article_id, "coder_id": coder_id,
                                    "start": start, "end": end, "type": type_,
                                    "canonical": canonical, "origin": "manual",
                                    "suggestion_id": None})
        _mark_in_progress(b, article_id, coder_id)
    return build(db, "Add source", article_id, steps)


def add_cue(db: Database, article_id: int, coder_id: int, start: int, end: int) -> Edit:
    def steps(b: _Builder) -> None:
        b.insert("cue", {"article_id": article_id, "coder_id": coder_id, "start": start,
                         "end": end, "origin": "manual", "suggestion_id": None})
        _mark_in_progress(b, article_id, coder_id)
    return build(db, "Add cue", article_id, steps)


def add_claim(db: Database, article_id: int, coder_id: int, start: int, end: int,
              values: dict[str, str] | None = None, source_id: int | None = None,
              cue_id: int | None = None, note: str = "") -> Edit:
    def steps(b: _Builder) -> None:
        cid = b.insert("claim", {"article_id": article_id, "coder_id": coder_id,
                                 "start": start, "end": end, "source_id": source_id,
                                 "channel_id": None, "cue_id": cue_id, "note": note,
                                 "origin": "manual", "suggestion_id": None})
        for var, val in (values or {}).items():
            if val is not None:
                b.set("claim_value", (cid, var), {"claim_id": cid, "variable": var, "value": val})
        _mark_in_progress(b, article_id, coder_id)
    return build(db, "Add claim", article_id, steps)


# (the claim's link column, the table of what it links to): its source, channel and cue
LINKS = tuple((col, R.KIND_TABLES[kind]) for col, kind in R.LINK_KINDS.items())


def _link_columns(table: str) -> list[str]:
    """The claim's columns that link to a row of `table` (a source mention: source, channel)."""
    return [col for col, target in LINKS if target == table]


def drop_if_unlinked(b: _Builder, kind: str, row_id: int | None, copied: bool = False) -> None:
    """Delete a source mention or cue (`kind`: a `Kind`, or its table's name) that no claim
    links to any more, when it only came with an accepted suggestion (origin `accepted`): the
    claim it came with was deleted or given another one. A coder's own mark (`manual`, or an
    accepted one the coder then `edited`) is never deleted this way, unless `copied` (the
    consensus coder's copy of a coder's mark, which exists only for the claim it came with).
    Part of the same Edit, so undo brings it back."""
    if row_id is None:
        return
    table = R.KIND_TABLES.get(kind, kind)
    row = R.get_row(b.conn, table, (row_id,))
    if row is None or (row["origin"] != "accepted" and not copied):
        return
    if any(R.get_rows(b.conn, "claim", f"{col} = ?", (row_id,)) for col in _link_columns(table)):
        return
    b.delete(table, (row_id,))


def update_span(db: Database, table: str, row_id: int, *, seen: Seen | None = None,
                **changes) -> Edit:
    """Change fields of a source mention, cue or claim (span, type, links, note). With
    `seen` (the row as the window shows it) a row changed since is refused (StaleEdit)."""
    label = {"source_mention": "source", "cue": "cue", "claim": "claim"}[table]
    what = "boundaries" if {"start", "end"} & set(changes) else ", ".join(changes)
    row = R.get_row(db.conn, table, (row_id,))

    def steps(b: _Builder) -> None:
        before = check_seen(b.conn, table, row_id, seen)
        b.update(table, row_id, changes)
        if table == "claim":  # a link replaced: the old mention may be left over
            for col, target in LINKS:
                if col in changes and changes[col] != before[col]:
                    drop_if_unlinked(b, target, before[col])
    return build(db, f"Change {label} {what}", row["article_id"] if row else None, steps)


def update_claim(db: Database, claim_id: int, *, seen: Seen | None = None,
                 **changes) -> Edit:
    """Change a claim's span (`start`, `end`) or `note`; links: `link_source`, `link_cue`."""
    return update_span(db, "claim", claim_id, seen=seen, **changes)


def update_source(db: Database, source_id: int, *, seen: Seen | None = None,
                  **changes) -> Edit:
    """Change a source mention's span, `type` or `canonical` name."""
    return update_span(db, "source_mention", source_id, seen=seen, **changes)


def link_source(db: Database, claim_id: int, source_id: int | None, *,
                role: Role = Role.SOURCE, seen: Seen | None = None) -> Edit:
    """Make a source mention the claim's source or channel (None: unlink it)."""
    return update_span(db, "claim", claim_id, seen=seen, **{R.ROLE_COLUMNS[role]: source_id})


def link_cue(db: Database, claim_id: int, cue_id: int | None, *,
             seen: Seen | None = None) -> Edit:
    return update_span(db, "claim", claim_id, seen=seen, cue_id=cue_id)


def delete_annotation(db: Database, kind: Kind, row_id: int, *,
                      seen: Seen | None = None) -> Edit:
    """Delete a source mention, cue or claim (see `delete_span`)."""
    return delete_span(db, R.KIND_TABLES[kind], row_id, seen=seen)


def set_claim_value(db: Database, claim_id: int, variable: str, value: str | None, *,
                    seen: Seen | None = None) -> Edit:
    def steps(b: _Builder) -> None:
        claim = check_seen(b.conn, "claim", claim_id, seen)
        after = None if value is None else {"claim_id": claim_id, "variable": variable,
                                            "value": value}
        before = R.get_row(b.conn, "claim_value", (claim_id, variable))
        if before == after:
            return
        b.set("claim_value", (claim_id, variable), after)
        b.update("claim", claim_id, {"modified": now()})
        if claim["origin"] == "accepted":
            b.update("claim", claim_id, {"origin": "edited"})
    row = R.get_row(db.conn, "claim", (claim_id,))
    return build(db, f"Set {variable} to {value or 'nothing'}",
                 row["article_id"] if row else None, steps)


def delete_span(db: Database, table: str, row_id: int, *, seen: Seen | None = None) -> Edit:
    """Delete a span; links to it are cleared explicitly so that undo restores them. A deleted
    claim takes along the source, cue and channel that only came with it as an accepted
    suggestion (`drop_if_unlinked`)."""
    def steps(b: _Builder) -> None:
        if seen is not None:
            check_seen(b.conn, table, row_id, seen)
        row = R.get_row(b.conn, table, (row_id,))
        if row is None:
            return
        if table == "claim":
            for v in R.get_rows(b.conn, "claim_value", "claim_id = ?", (row_id,)):
                b.delete("claim_value", (row_id, v["variable"]))
            b.delete(table, (row_id,))
            for col, target in LINKS:
                drop_if_unlinked(b, target, row[col])
            return
        for col in _link_columns(table):
            for cl in R.get_rows(b.conn, "claim", f"{col} = ?", (row_id,)):
                b.set("claim", (cl["id"],), {**cl, col: None})
        b.delete(table, (row_id,))
    row = R.get_row(db.conn, table, (row_id,))
    label = {"source_mention": "source", "cue": "cue", "claim": "claim"}[table]
    return build(db, f"Delete {label}", row["article_id"] if row else None, steps)


# ---- suggestions -------------------------------------------------------------------------
def _decide(b: _Builder, coder_id: int, sug: R.Row, decision: str) -> None:
    key = (coder_id, sug["article_id"], sug["kind"], sug["start"], sug["end"])
    b.set("suggestion_decision", key,
          {"coder_id": coder_id, "article_id": sug["article_id"], "kind": sug["kind"],
           "start": sug["start"], "end": sug["end"], "decision": decision, "decided_at": now()})


def _adopt(b: _Builder, coder_id: int, sug: R.Row) -> int:
    """The coder's span for a suggested source or cue: an existing one on the same span, or new."""
    table = "source_mention" if sug["kind"] == "source" else "cue"
    found = R.get_rows(b.conn, table, "article_id = ? AND coder_id = ? AND start = ? AND end = ?",
                       (sug["article_id"], coder_id, sug["start"], sug["end"]))
    if found:
        return found[0]["id"]
    fields = {"article_id": sug["article_id"], "coder_id": coder_id, "start": sug["start"],
              "end": sug["end"], "origin": "accepted", "suggestion_id": sug["id"]}
    if table == "source_mention":
        fields.update(type=sug["type"], canonical=None)
    _decide(b, coder_id, sug, "accepted")
    return b.insert(table, fields)


def accept_suggestion(db: Database, coder_id: int, suggestion_id: int,
                      claim_variables: tuple[str, ...] = ("attribution", "certainty")) -> Edit:
    """Make a suggestion the coder's own (origin `accepted`), with its source, cue and channel."""
    def steps(b: _Builder) -> None:
        found = R.get_rows(b.conn, "suggestion", "id = ?", (suggestion_id,))
        if not found:
            raise KeyError(f"suggestion {suggestion_id} does not exist")
        sug = found[0]
        if sug["kind"] != "claim":
            _adopt(b, coder_id, sug)
        else:
            linked = {}
            for ref, kind in (("source_ref", "source_id"), ("cue_ref", "cue_id"),
                              ("channel_ref", "channel_id")):
                if sug.get(ref) is not None:
                    target = R.get_rows(b.conn, "suggestion", "id = ?", (sug[ref],))[0]
                    linked[kind] = _adopt(b, coder_id, target)
            cid = b.insert("claim", {"article_id": sug["article_id"], "coder_id": coder_id,
                                     "start": sug["start"], "end": sug["end"],
                                     "source_id": linked.get("source_id"),
                                     "channel_id": linked.get("channel_id"),
                                     "cue_id": linked.get("cue_id"), "note": "",
                                     "origin": "accepted", "suggestion_id": sug["id"]})
            for var in claim_variables:
                if sug.get(var):
                    b.set("claim_value", (cid, var),
                          {"claim_id": cid, "variable": var, "value": sug[var]})
            _decide(b, coder_id, sug, "accepted")
        _mark_in_progress(b, sug["article_id"], coder_id)
    return build(db, "Accept suggestion", None, steps)


def reject_suggestion(db: Database, coder_id: int, suggestion_id: int) -> Edit:
    def steps(b: _Builder) -> None:
        sug = R.get_rows(b.conn, "suggestion", "id = ?", (suggestion_id,))
        if not sug:
            raise KeyError(f"suggestion {suggestion_id} does not exist")
        _decide(b, coder_id, sug[0], "rejected")
        _mark_in_progress(b, sug[0]["article_id"], coder_id)
    return build(db, "Reject suggestion", None, steps)


# ---- article level -----------------------------------------------------------------------
def set_article_status(db: Database, article_id: int, coder_id: int, status: str,
                       note: str | None = None) -> Edit:
    def steps(b: _Builder) -> None:
        row = R.get_row(b.conn, "article_status", (article_id, coder_id))
        b.set("article_status", (article_id, coder_id),
              {"article_id": article_id, "coder_id": coder_id, "status": status,
               "note": note if note is not None else (row["note"] if row else ""),
               "modified": now()})
    text = {"done": "Mark article done", "in_progress": "Mark article in progress",
            "not_started": "Mark article not started"}.get(status, "Set status")
    return build(db, text, article_id, steps)


def set_article_note(db: Database, article_id: int, coder_id: int, note: str) -> Edit:
    def steps(b: _Builder) -> None:
        row = R.get_row(b.conn, "article_status", (article_id, coder_id))
        b.set("article_status", (article_id, coder_id),
              {"article_id": article_id, "coder_id": coder_id,
               "status": row["status"] if row else "in_progress", "note": note,
               "modified": now()})
    return build(db, "Edit article note", article_id, steps)


def set_article_value(db: Database, article_id: int, coder_id: int, variable: str,
                      value: str | None) -> Edit:
    def steps(b: _Builder) -> None:
        after = None if value is None else {"article_id": article_id, "coder_id": coder_id,
                                            "variable": variable, "value": value}
        b.set("article_value", (article_id, coder_id, variable), after)
        _mark_in_progress(b, article_id, coder_id)
    return build(db, f"Set {variable} to {value or 'nothing'}", article_id, steps)


# ---- the consensus coder -------------------------------------------------------------------
def _copy_span(b: _Builder, table: str, row_id: int | None, coder_id: int) -> int | None:
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


def _copy_claim(b: _Builder, src: dict, consensus_coder_id: int) -> int:
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


def _drop_claim(b: _Builder, claim_id: int) -> None:
    """Delete a consensus claim with its values, and the mentions it linked to that no other
    claim links to: they were copied with it from a coder (whatever their origin there, a
    coder's manual mark too), so nothing is left over in the Sources sheet."""
    row = R.get_row(b.conn, "claim", (claim_id,))
    if row is None:
        return
    for v in R.get_rows(b.conn, "claim_value", "claim_id = ?", (claim_id,)):
        b.delete("claim_value", (claim_id, v["variable"]))
    b.delete("claim", (claim_id,))
    for col, target in LINKS:
        drop_if_unlinked(b, target, row[col], copied=True)


def take_claim(db: Database, claim_id: int, consensus_coder_id: int,
               replace_claim_id: int | None = None) -> Edit:
    """Copy a coder's claim (span, links, values, note) to the consensus coder.

    `replace_claim_id`, a consensus claim for the same unit, is deleted first, so that taking
    coder B's coding after coder A's leaves one consensus claim.
    """
    def steps(b: _Builder) -> None:
        src = R.get_row(b.conn, "claim", (claim_id,))
        if src is None:
            raise KeyError(f"claim {claim_id} does not exist")
        if replace_claim_id is not None:
            _drop_claim(b, replace_claim_id)
        _copy_claim(b, src, consensus_coder_id)
    row = R.get_row(db.conn, "claim", (claim_id,))
    return build(db, "Take coding into consensus", row["article_id"] if row else None, steps)


def take_agreed(db: Database, claim_ids: list[int], consensus_coder_id: int,
                article_id: int | None = None) -> Edit:
    """Copy many claims (units every coder agreed on; only those of `article_id` when given)
    into the consensus in one undoable step; a unit where the consensus already has a claim on
    the same span is left as it is."""
    def steps(b: _Builder) -> None:
        for claim_id in claim_ids:
            src = R.get_row(b.conn, "claim", (claim_id,))
            if src is None or (article_id is not None and src["article_id"] != article_id):
                continue
            if R.get_rows(
                    b.conn, "claim", "article_id = ? AND coder_id = ? AND start = ? AND end = ?",
                    (src["article_id"], consensus_coder_id, src["start"], src["end"])):
                continue
            _copy_claim(b, src, consensus_coder_id)
    return build(db, "Take all agreed units into consensus", None, steps)


def leave_out(db: Database, article_id: int, start: int, end: int, consensus_coder_id: int,
              replace_claim_id: int | None = None) -> Edit:
    """Settle a unit as "no claim": the consensus claim there (if any) is deleted and the
    decision is kept (a rejected claim of the consensus coder on the unit's span), so that
    the unit counts as settled."""
    def steps(b: _Builder) -> None:
        if replace_claim_id is not None:
            _drop_claim(b, replace_claim_id)
        key = (consensus_coder_id, article_id, "claim", start, end)
        done = R.get_row(b.conn, "suggestion_decision", key)
        if done is not None and done["decision"] == "rejected":
            return
        b.set("suggestion_decision", key,
              {"coder_id": consensus_coder_id, "article_id": article_id, "kind": "claim",
               "start": start, "end": end, "decision": "rejected", "decided_at": now()})
    return build(db, "Leave the claim out of the consensus", article_id, steps)


def touched_articles(edit: Edit) -> list[int]:
    """The articles whose rows `edit` changes."""
    return sorted({row["article_id"] for ch in edit.changes for row in (ch.before, ch.after)
                   if row is not None and row.get("article_id") is not None})


def with_status(db: Database, edit: Edit, consensus_coder_id: int,
                status_of: Callable[[int], str]) -> Edit:
    """`edit` (applied) plus the consensus coder's status on every article it touched, as one
    undoable step: settling gives the consensus work a status the export shows."""
    changes = list(edit.changes)
    for aid in touched_articles(edit):
        status = status_of(aid)
        row = R.get_row(db.conn, "article_status", (aid, consensus_coder_id))
        if row is None or row["status"] != status:
            changes += set_article_status(db, aid, consensus_coder_id, status).changes
    return Edit(edit.text, changes, edit.article_id)

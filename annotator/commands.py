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

    def created(self, table: str) -> list[int]:
        """Ids of rows of `table` this edit creates."""
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


LINKS = (("source_id", "source_mention"), ("channel_id", "source_mention"), ("cue_id", "cue"))


def drop_if_unlinked(b: _Builder, table: str, row_id: int | None) -> None:
    """Delete a source mention or cue that no claim links to any more, when it only came with
    an accepted suggestion (origin `accepted`): the claim it came with was deleted or given
    another one. A coder's own mark (`manual`, or an accepted one the coder then `edited`) is
    never deleted this way. Part of the same Edit, so undo brings it back."""
    if row_id is None:
        return
    row = R.get_row(b.conn, table, (row_id,))
    if row is None or row["origin"] != "accepted":
        return
    cols = ("cue_id",) if table == "cue" else ("source_id", "channel_id")
    if any(R.get_rows(b.conn, "claim", f"{col} = ?", (row_id,)) for col in cols):
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
        cols = ("cue_id",) if table == "cue" else ("source_id", "channel_id")
        for col in cols:
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

"""A coder's hand-in is untrusted: opened read-only, read through our own schema, every value checked.

`Database.open_readonly` has already compared the file's schema objects with ours (no views,
triggers or extra columns). Here the rows are read by named columns (the lists below, never the
file's own column names) and every value merge will use is checked: its type (SQLite stores
any type in any column), labels the project's codebook knows, offsets inside the article's
text, and ids that point at rows of the file. The first problem refuses the whole file, with
a message naming the file, the table and row, and what is wrong.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import Any

from annotator.core.codebook import Codebook
from annotator.core.errors import UserError
from annotator.core.text import sha256_text
from annotator.core.textcheck import find_problem

ORIGINS = ("accepted", "edited", "manual")
STATUSES = ("not_started", "in_progress", "done")

# The columns merge reads from a hand-in, per table; ids are remapped on the way in.
SPAN_COLUMNS: dict[str, tuple[str, ...]] = {
    "source_mention": ("id", "uid", "article_id", "coder_id", "start", "end", "type",
                       "canonical", "origin", "suggestion_id", "created", "modified"),
    "cue": ("id", "uid", "article_id", "coder_id", "start", "end", "origin", "suggestion_id",
            "created", "modified"),
    "claim": ("id", "uid", "article_id", "coder_id", "start", "end", "source_id", "channel_id",
              "cue_id", "note", "origin", "suggestion_id", "created", "modified"),
}
ROW_COLUMNS: dict[str, tuple[str, ...]] = {
    "article_value": ("article_id", "coder_id", "variable", "value"),
    "article_status": ("article_id", "coder_id", "status", "note", "modified"),
    "suggestion_decision": ("article_id", "coder_id", "kind", "start", "end", "decision",
                            "decided_at"),
}


class _Refusal(Exception):
    """One bad value; turned into a UserError naming the file, table and row."""


def _is_int(v: object) -> bool:
    return type(v) is int


def _is_str(v: object) -> bool:
    return type(v) is str


def _want(ok: bool, problem: str) -> None:
    if not ok:
        raise _Refusal(problem)


def _text(v: object, column: str, *, empty: bool = True, null: bool = False) -> None:
    if v is None and null:
        return
    _want(_is_str(v), f"{column} is {_kind(v)}, not text")
    _want(empty or bool(str(v).strip()), f"{column} is empty")


def _typed_text(v: object, column: str, *, null: bool = False) -> None:
    """A note or canonical name the merge copies: also the store's text check (no NUL or other
    control characters, no lone surrogates), as for every note a command writes."""
    _text(v, column, null=null)
    if v is not None:
        problem = find_problem(v, column)
        _want(problem is None, problem or "")


def _one_of(v: object, column: str, allowed: tuple[str, ...] | list[str]) -> None:
    _want(_is_str(v) and v in allowed,
          f"{column} is {v!r}, not one of {', '.join(map(str, allowed))}")


_KINDS = {int: "a whole number", float: "a real number", str: "text", bytes: "binary data"}


def _kind(v: object) -> str:
    if v is None:
        return "empty (NULL)"
    return f"{_KINDS.get(type(v), type(v).__name__)} {str(v)[:40]!r}"


def select(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], where: str = "",
           params: tuple = ()) -> list[dict[str, Any]]:
    """Rows of `table` as dicts of the named columns (names are ours, values the file's)."""
    cols = ", ".join(f'"{c}"' for c in columns)
    rows = conn.execute(f'SELECT {cols} FROM "{table}" {where}', params).fetchall()
    return [dict(zip(columns, r, strict=True)) for r in rows]


class HandinCheck:
    """Checks every value of one hand-in; `run()` raises UserError at the first bad one."""

    def __init__(self, conn: sqlite3.Connection, book: Codebook, path: object):
        self.conn, self.book, self.path = conn, book, path
        self.lengths: dict[int, int] = {}  # article id -> text length
        self.coders: set[int] = set()
        self.spans: dict[str, dict[int, tuple[int, int]]] = {}  # table -> id -> (article, coder)

    def run(self) -> None:
        try:
            self._each("project", ("key", "value"), self._project)
            self._each("article", ("id", "ext_id", "outlet", "sha256", "text", "text_length"),
                       self._article)
            self._each("coder", ("id", "name", "origin_file_id"), self._coder)
            for table, columns in SPAN_COLUMNS.items():
                self.spans[table] = {}
                self._each(table, columns, functools.partial(self._span, table))
            self._each("claim_value", ("claim_id", "variable", "value"), self._claim_value)
            for table, columns in ROW_COLUMNS.items():
                self._each(table, columns, functools.partial(self._row, table))
        except sqlite3.Error as exc:
            raise UserError(f"the hand-in cannot be read ({exc}); nothing was merged from it",
                            path=self.path) from exc

    def _each(self, table: str, columns: tuple[str, ...],
              check: Callable[[dict[str, Any]], None]) -> None:
        for n, row in enumerate(select(self.conn, table, columns), 1):
            try:
                check(row)
            except _Refusal as exc:
                rid = row.get("id", row.get("key"))
                where = f"{table} row {rid if _is_int(rid) or _is_str(rid) else n}"
                raise UserError(f"{exc}; nothing was merged from this file", path=self.path,
                                where=where) from None

    def _project(self, r: dict[str, Any]) -> None:
        _text(r["key"], "key")
        _text(r["value"], "value", empty=r["key"] != "id")

    def _article(self, r: dict[str, Any]) -> None:
        _want(_is_int(r["id"]), f"id is {_kind(r['id'])}, not a whole number")
        _text(r["ext_id"], "ext_id", empty=False)
        _text(r["outlet"], "outlet")
        _text(r["text"], "text")
        _want(r["sha256"] == sha256_text(r["text"]), "sha256 is not the hash of the text")
        _want(r["text_length"] == len(r["text"]), "text_length is not the text's length")
        self.lengths[r["id"]] = len(r["text"])

    def _coder(self, r: dict[str, Any]) -> None:
        _want(_is_int(r["id"]), f"id is {_kind(r['id'])}, not a whole number")
        _text(r["name"], "name", empty=False)
        _text(r["origin_file_id"], "origin_file_id", null=True)
        self.coders.add(r["id"])

    def _owner(self, r: dict[str, Any]) -> None:
        _want(_is_int(r["article_id"]) and r["article_id"] in self.lengths,
              f"article_id {r['article_id']!r} is no article of this file")
        _want(_is_int(r["coder_id"]) and r["coder_id"] in self.coders,
              f"coder_id {r['coder_id']!r} is no coder of this file")

    def _offsets(self, r: dict[str, Any], *, empty: bool = False) -> None:
        start, end, length = r["start"], r["end"], self.lengths[r["article_id"]]
        for name, v in (("start", start), ("end", end)):
            _want(_is_int(v), f"{name} is {_kind(v)}, not a whole number")
        _want(start >= 0 and (start <= end if empty else start < end) and end <= length,
              f"span {start}-{end} lies outside its article's text (0-{length})")

    def _span(self, table: str, r: dict[str, Any]) -> None:
        _want(_is_int(r["id"]), f"id is {_kind(r['id'])}, not a whole number")
        _text(r["uid"], "uid", empty=False)
        self._owner(r)
        self._offsets(r)
        _one_of(r["origin"], "origin", ORIGINS)
        _want(r["suggestion_id"] is None or _is_int(r["suggestion_id"]),
              f"suggestion_id is {_kind(r['suggestion_id'])}")
        _text(r["created"], "created")
        _text(r["modified"], "modified")
        if table == "source_mention":
            var = self.book.variable("type")
            if r["type"] is not None and var is not None and var.is_categorical:
                _one_of(r["type"], "type", var.codes())
            _text(r["type"], "type", null=True)
            _typed_text(r["canonical"], "canonical", null=True)
        if table == "claim":
            _typed_text(r["note"], "note")
            for col, ref in (("source_id", "source_mention"), ("channel_id", "source_mention"),
                             ("cue_id", "cue")):
                target = self.spans[ref].get(r[col]) if _is_int(r[col]) else None
                _want(r[col] is None or target == (r["article_id"], r["coder_id"]),
                      f"{col} {r[col]!r} is no {ref} of the same coder and article")
        self.spans[table][r["id"]] = (r["article_id"], r["coder_id"])

    def _value(self, level: str, variable: object, value: object) -> None:
        names = [v.name for v in self.book.at_level(level)]
        _one_of(variable, "variable", names)
        var = self.book.variable(str(variable))
        assert var is not None
        _want(_is_str(value), f"value is {_kind(value)}, not text")
        try:
            stored = var.check(value)
        except ValueError:
            stored = None
        # a categorical value is stored as its code; a number as the coder typed it
        ok = stored == value if var.is_categorical else stored is not None
        _want(ok, f"{variable} = {value!r} is not a value the codebook knows")

    def _claim_value(self, r: dict[str, Any]) -> None:
        _want(_is_int(r["claim_id"]) and r["claim_id"] in self.spans["claim"],
              f"claim_id {r['claim_id']!r} is no claim of this file")
        self._value("claim", r["variable"], r["value"])

    def _row(self, table: str, r: dict[str, Any]) -> None:
        self._owner(r)
        if table == "article_value":
            self._value("article", r["variable"], r["value"])
        elif table == "article_status":
            _one_of(r["status"], "status", STATUSES)
            _typed_text(r["note"], "note")
            _text(r["modified"], "modified")
        else:
            _one_of(r["kind"], "kind", ("source", "cue", "claim"))
            self._offsets(r, empty=True)
            _one_of(r["decision"], "decision", ("accepted", "rejected"))
            _text(r["decided_at"], "decided_at")


def check_handin(conn: sqlite3.Connection, book: Codebook, path: object) -> None:
    """Refuse (UserError naming file, table and row) a hand-in with any value merge can't trust."""
    HandinCheck(conn, book, path).run()

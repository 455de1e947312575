"""A project file's schema is checked before use: only the objects annotator makes, as it makes them.

The schema lives in the file, so a tampered file can carry a trigger (`AFTER INSERT ON article
BEGIN DELETE FROM claim; END`), a view standing in for a table, or a table with other columns,
and SQLite runs them as if they were ours. So on open, and for every hand-in, the file's tables,
indexes, triggers and views are compared with the expected ones: those a new project gets from
`schema.sql`. An older file is expected to become exactly that after its migrations; this is
tried on a copy of its schema in memory (no data, nothing written), so a file the migrations
cannot take (an `assignment` table in a version-1 file) is refused before anything changes.

The comparison is structural (columns with type, NOT NULL, default and key; foreign keys;
CHECK constraints; index columns; trigger and view text with comments and spacing removed), as
a migrated file's `CREATE TABLE` text differs from a new one's while its tables are the same.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from annotator.core.errors import UnexpectedSchemaError

Shape = dict[tuple[str, str], tuple]

# SQLite's own bookkeeping, which it may add to any database (ANALYZE, AUTOINCREMENT).
_INTERNAL_TABLES = {"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3",
                    "sqlite_stat4"}
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`[^`]*`|\[[^\]]*\]|--[^\n]*|/\*.*?\*/"
                    r"|\s+|\w+|.", re.S)
_ORDER = {"table": 0, "index": 1, "view": 2, "trigger": 3}
_CREATE = re.compile(r"\s*CREATE\s+(UNIQUE\s+)?(TABLE|INDEX|VIEW|TRIGGER)\b", re.I)


def normalize_sql(sql: str) -> list[str]:
    """The tokens of a statement, without comments and spacing (keywords upper-cased)."""
    out = []
    for tok in _TOKEN.findall(sql or ""):
        if tok.isspace() or tok.startswith("--") or tok.startswith("/*"):
            continue
        out.append(tok.upper() if tok[0].isalpha() or tok[0] == "_" else tok)
    return out


def _checks(sql: str) -> tuple[str, ...]:
    """The CHECK (...) expressions of a CREATE TABLE statement."""
    toks, found, i = normalize_sql(sql), [], 0
    while i < len(toks):
        if toks[i] == "CHECK" and i + 1 < len(toks) and toks[i + 1] == "(":
            depth, j = 0, i + 1
            while j < len(toks):
                depth += {"(": 1, ")": -1}.get(toks[j], 0)
                if depth == 0:
                    break
                j += 1
            found.append(" ".join(toks[i + 2:j]))
            i = j
        i += 1
    return tuple(sorted(found))


def _rows(conn: sqlite3.Connection, pragma: str, name: str) -> tuple:
    return tuple(tuple(r) for r in conn.execute(f"SELECT * FROM pragma_{pragma}(?)", (name,)))


def _index_shape(conn: sqlite3.Connection, name: str) -> tuple:
    return tuple(r[1:] for r in _rows(conn, "index_xinfo", name) if r[5])  # key columns only


def shape(conn: sqlite3.Connection) -> Shape:
    """Every schema object of the main database, described by what it does."""
    out: Shape = {}
    objects = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, table, sql in objects:
        if kind == "table" and name in _INTERNAL_TABLES:
            continue
        if kind == "index" and sql is None:
            continue  # made by a UNIQUE or PRIMARY KEY, described with its table
        if kind == "table":
            autos = tuple(sorted((r[2], r[3], _index_shape(conn, r[1]))
                                 for r in _rows(conn, "index_list", name) if r[3] != "c"))
            options = conn.execute("SELECT wr, strict FROM pragma_table_list(?)",
                                   (name,)).fetchone()
            out[(kind, name)] = (_rows(conn, "table_xinfo", name),
                                 _rows(conn, "foreign_key_list", name), autos, _checks(sql),
                                 tuple(options or ()))
        elif kind == "index":
            toks = normalize_sql(sql)
            where = tuple(toks[toks.index("WHERE"):]) if "WHERE" in toks else ()
            out[(kind, name)] = (table.lower(), _index_shape(conn, name), toks[1] == "UNIQUE",
                                 where)
        else:
            out[(kind, name)] = (table.lower(), tuple(normalize_sql(sql)))
    return out


@functools.lru_cache(maxsize=4)
def _expected_for(schema_text: str) -> Shape:
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(schema_text)
        return shape(conn)
    finally:
        conn.close()


def expected_shape(schema_file: Path) -> Shape:
    """The objects of a new project: those `schema.sql` makes."""
    return _expected_for(schema_file.read_text(encoding="utf-8"))


def _deny_outside(action: int, *_args: object) -> int:
    """Authorizer for the in-memory dry run: schema statements only, never ATTACH or PRAGMA."""
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH, sqlite3.SQLITE_PRAGMA):
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def migrated_shape(conn: sqlite3.Connection, statements: list[str], path: object,
                   version: int) -> Shape:
    """The shape the file's schema would have after `statements` (its migrations), tried in
    memory on a copy of the schema alone."""
    objects = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
                           ).fetchall()
    mem = sqlite3.connect(":memory:")
    mem.set_authorizer(_deny_outside)
    try:
        for kind, name, sql in sorted(objects, key=lambda o: _ORDER.get(o[0], 9)):
            if (kind == "table" and name in _INTERNAL_TABLES) or not _CREATE.match(sql) \
                    or not sqlite3.complete_statement(sql + ";"):
                raise UnexpectedSchemaError(
                    f"the project file holds {_a(kind)} {name!r} annotator does not make; it "
                    "was not opened and not changed", path=path)
            mem.execute(sql)
        if not any(kind == "table" for kind, _, _ in objects):
            statements = []  # nothing to upgrade: check_schema says the file holds no project
        for statement in statements:
            try:
                mem.execute(statement)
            except sqlite3.Error as exc:
                raise UnexpectedSchemaError(
                    f"this schema-{version} project cannot be upgraded: its tables are not "
                    f"those of schema {version} ({exc}). It was not changed; open it with the "
                    "annotator that made it, or ask its author for a clean copy (annotator "
                    "pack)", path=path) from exc
        mem.set_authorizer(None)  # our own read of the result uses pragma functions
        return shape(mem)
    except sqlite3.Error as exc:
        raise UnexpectedSchemaError(f"the project file's schema cannot be read ({exc}); it was "
                                    "not opened and not changed", path=path) from exc
    finally:
        mem.close()


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def check_schema(conn: sqlite3.Connection, path: object, *, expected: Shape,
                 actual: Callable[[], Shape] | None = None) -> None:
    """Refuse a file whose schema objects are not the expected ones, naming the first odd one."""
    try:
        found = actual() if actual else shape(conn)
    except sqlite3.Error as exc:
        raise UnexpectedSchemaError(f"the project file's schema cannot be read ({exc}); it was "
                                    "not opened and not changed", path=path) from exc
    if not any(kind == "table" for kind, _ in found):
        raise UnexpectedSchemaError(
            "the file has annotator's mark but no tables: it is empty or was damaged, and "
            "holds no project. Open another file, or make a new project (annotator new)",
            path=path)
    extra = sorted(set(found) - set(expected), key=lambda k: (_ORDER.get(k[0], 9), k[1]))
    if extra:
        kind, name = extra[0]
        on = f" on {found[extra[0]][0]}" if kind in ("trigger", "index") else ""
        raise UnexpectedSchemaError(
            f"the project file holds {_a(kind)} {name!r}{on} that annotator does not make (it "
            "may have been tampered with); it was not opened and not changed. Ask for a clean "
            "copy, or remove that object if you know where it came from", path=path)
    for key in sorted(expected, key=lambda k: (_ORDER.get(k[0], 9), k[1])):
        if key not in found:
            raise UnexpectedSchemaError(
                f"the project file lacks the {key[0]} {key[1]!r}: it is damaged or was not "
                "made by annotator; it was not opened and not changed", path=path)
        if found[key] != expected[key]:
            raise UnexpectedSchemaError(
                f"the {key[0]} {key[1]!r} in the project file is not the one annotator makes "
                "(other columns, keys or statements; it may have been tampered with); it was "
                "not opened and not changed", path=path)

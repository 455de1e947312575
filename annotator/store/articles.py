"""Articles and coders in the project file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from annotator.core.model import Article, ArticleRecord, Coder
from annotator.core.text import sha256_text
from annotator.store.db import Database, now

_ARTICLE_COLS = ("id, ext_id, title, outlet, date, url, language, sha256, text_length, "
                 "duplicate_of, metadata, require_blind")


def _article(row: tuple) -> Article:
    return Article(id=row[0], ext_id=row[1], title=row[2], outlet=row[3], date=row[4], url=row[5],
                   language=row[6], sha256=row[7], text_length=row[8], duplicate_of=row[9],
                   metadata=json.loads(row[10] or "{}"), require_blind=bool(row[11]))


def list_articles(db: Database) -> list[Article]:
    """All articles without their texts (the texts load lazily, one at a time)."""
    rows = db.conn.execute(f"SELECT {_ARTICLE_COLS} FROM article ORDER BY id").fetchall()
    return [_article(r) for r in rows]


def get_article(db: Database, article_id: int) -> Article | None:
    row = db.conn.execute(f"SELECT {_ARTICLE_COLS} FROM article WHERE id = ?",
                          (article_id,)).fetchone()
    return _article(row) if row else None


def article_text(db: Database, article_id: int) -> str:
    row = db.conn.execute("SELECT text FROM article WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise KeyError(article_id)
    return row[0]


def count_articles(db: Database) -> int:
    return db.conn.execute("SELECT count(*) FROM article").fetchone()[0]


class ImportOutcome:
    """What one import did: added article ids, skipped (where, reason), wire copies flagged."""

    def __init__(self) -> None:
        self.added: list[int] = []
        self.skipped: list[tuple[str, str]] = []
        self.shared_text: list[tuple[str, int]] = []  # (where, id of the earlier article)
        self.encodings: list[tuple[str, str]] = []  # (where, encoding) when not plain UTF-8
        self.repeats = 0  # skipped because already in the project: not a problem
        self.renamed: list[tuple[str, str]] = []  # (where, note) for ids made unique
        self.columns: list[tuple[str, str]] = []  # (file, how its columns were read)

    @property
    def problems(self) -> int:
        """Skipped for a reason other than being in the project already."""
        return len(self.skipped) - self.repeats

    def as_dict(self) -> dict:
        return {"added": len(self.added), "repeats": self.repeats, "skipped": [{"where": w, "reason": r}
                                                       for w, r in self.skipped],
                "shared_text": [{"where": w, "earlier_article": a} for w, a in self.shared_text],
                "encodings": [{"where": w, "encoding": e} for w, e in self.encodings],
                "renamed": [{"where": w, "note": n} for w, n in self.renamed],
                "columns": [{"file": w, "mapping": n} for w, n in self.columns]}


def add_articles(conn: sqlite3.Connection, records: Iterable[ArticleRecord],
                 outcome: ImportOutcome) -> None:
    """Insert records inside the caller's transaction, skipping repeats (see `ArticleInserter`)."""
    inserter = ArticleInserter(conn, outcome)
    for rec in records:
        inserter.add(rec)
    inserter.flush()


class ArticleInserter:
    """Adds records inside the caller's transaction, skipping repeats, one file at a time.

    A repeat is the same text with the same id or the same outlet; the same text under another
    outlet is a wire copy: imported, and flagged as sharing its text with the earlier article.
    `begin_file` sets a savepoint; `drop_file` undoes everything since (rows, and this
    object's view of what the project holds), so that a file refused part-way leaves nothing.
    """

    def __init__(self, conn: sqlite3.Connection, outcome: ImportOutcome):
        self.conn, self.outcome = conn, outcome
        self.stamp = now()
        self.noted_files: set[str] = set()  # a table's encoding is noted once, not per row
        # What the project holds, read once: per-row look-ups cost more than the inserts.
        self.by_sha: dict[str, list[tuple[int, str, str]]] = {}
        for aid, ext, outlet, sha in conn.execute("SELECT id, ext_id, outlet, sha256 "
                                                  "FROM article ORDER BY id"):
            self.by_sha.setdefault(sha, []).append((aid, ext, outlet))
        self.ids_taken = {ext for rows in self.by_sha.values() for _, ext, _ in rows}
        self.next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM article").fetchone()[0]
        self.pending: list[tuple] = []
        self._file: list[tuple[str, str]] = []  # (sha, ext_id) added since begin_file
        self._marks: tuple[int, ...] = ()

    def begin_file(self) -> None:
        self.flush()
        self.conn.execute("SAVEPOINT import_file")
        o = self.outcome
        self._marks = (self.next_id, o.repeats, len(o.added), len(o.skipped),
                       len(o.shared_text), len(o.encodings), len(o.renamed), len(o.columns))
        self._file = []

    def end_file(self) -> None:
        self.flush()
        self.conn.execute("RELEASE import_file")

    def drop_file(self) -> None:
        """Undo everything since `begin_file`: rows and outcome entries alike."""
        self.pending.clear()
        self.conn.execute("ROLLBACK TO import_file")
        self.conn.execute("RELEASE import_file")
        for sha, ext_id in self._file:
            self.by_sha[sha].pop()
            if not self.by_sha[sha]:
                del self.by_sha[sha]
            self.ids_taken.discard(ext_id)  # new ids are always unique, so none was there before
        o = self.outcome
        self.next_id, o.repeats = self._marks[0], self._marks[1]
        for items, n in zip((o.added, o.skipped, o.shared_text, o.encodings, o.renamed,
                             o.columns), self._marks[2:], strict=True):
            del items[n:]
        self._file = []

    def add(self, rec: ArticleRecord) -> None:
        outcome = self.outcome
        digest = sha256_text(rec.text)
        earlier = self.by_sha.get(digest, [])
        repeat = _repeat_reason(rec, earlier)
        if repeat:
            outcome.skipped.append((rec.where, repeat))
            outcome.repeats += 1
            return
        ext_id = rec.ext_id or digest[:12]
        if ext_id in self.ids_taken:
            # another text under this id (01.txt in two folders, row ids 1, 2... in two tables):
            # keep the article under an id made unique, and say so
            wanted, ext_id = ext_id, _unique_id(ext_id, rec, self.ids_taken)
            outcome.renamed.append((rec.where, f"id {wanted!r} was taken by another article; "
                                               f"imported as {ext_id!r}"))
        duplicate_of = earlier[0][0] if earlier else None
        self.pending.append((self.next_id, ext_id, rec.title, rec.outlet, rec.date, rec.url,
                             rec.language, rec.text, digest, len(rec.text), rec.source_file,
                             json.dumps(rec.metadata, ensure_ascii=False, default=str),
                             duplicate_of, self.stamp))
        self.by_sha.setdefault(digest, []).append((self.next_id, ext_id, rec.outlet))
        self.ids_taken.add(ext_id)
        self._file.append((digest, ext_id))
        outcome.added.append(self.next_id)
        self.next_id += 1
        if duplicate_of is not None:
            outcome.shared_text.append((rec.where, duplicate_of))
        source = rec.source_file or rec.where
        if (rec.encoding and rec.encoding not in ("utf-8", "utf-8-sig", "ascii")
                and source not in self.noted_files):
            self.noted_files.add(source)
            outcome.encodings.append((source, rec.encoding))
        if len(self.pending) >= _INSERT_BATCH:
            self.flush()

    def flush(self) -> None:
        _insert(self.conn, self.pending)


def _repeat_reason(rec: ArticleRecord, earlier: list[tuple[int, str, str]]) -> str | None:
    """Why `rec` is a repeat of an article the project holds, worded by what matched."""
    for aid, ext_id, _outlet in earlier:
        if rec.ext_id and ext_id == rec.ext_id:
            return (f"already in the project as article #{aid} (same text, same id "
                    f"{ext_id!r}); skipped")
    for aid, _ext_id, outlet in earlier:
        if outlet == rec.outlet:
            if outlet:
                return (f"already in the project as article #{aid} (same text, same outlet "
                        f"{outlet!r}); skipped")
            return (f"already in the project as article #{aid} (same text, and neither names "
                    "an outlet; give the outlet with --outlet or an outlet column to import "
                    "another outlet's copy); skipped")
    return None


def _unique_id(ext_id: str, rec: ArticleRecord, taken: set[str]) -> str:
    """`ext_id` prefixed with the file it came from, then numbered, until no article has it."""
    stem = Path(rec.source_file).stem if rec.source_file else ""
    base = f"{stem}:{ext_id}" if stem and stem != ext_id else ext_id
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


_INSERT_BATCH = 500  # rows held before an executemany: bounded memory for huge imports


def _insert(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    conn.executemany(
        "INSERT INTO article(id, ext_id, title, outlet, date, url, language, text, sha256, "
        "text_length, source_file, metadata, duplicate_of, imported_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    rows.clear()


def set_require_blind(db: Database, article_ids: Iterable[int], blind: bool) -> None:
    with db.transaction() as c:
        c.executemany("UPDATE article SET require_blind = ? WHERE id = ?",
                      [(int(blind), a) for a in article_ids])


# ---- coders ------------------------------------------------------------------------------
def list_coders(db: Database) -> list[Coder]:
    rows = db.conn.execute("SELECT id, name, origin_file_id FROM coder ORDER BY name").fetchall()
    return [Coder(*r) for r in rows]


def coder_by_name(db: Database, name: str) -> Coder | None:
    row = db.conn.execute("SELECT id, name, origin_file_id FROM coder WHERE name = ?",
                          (name,)).fetchone()
    return Coder(*row) if row else None


def ensure_coder(db: Database, name: str) -> Coder:
    """The coder of that name, created if new."""
    name = name.strip()
    if not name:
        raise ValueError("a coder needs a name")
    found = coder_by_name(db, name)
    if found:
        return found
    with db.transaction() as c:
        c.execute("INSERT INTO coder(name, created_at) VALUES (?, ?)", (name, now()))
    return coder_by_name(db, name)  # type: ignore[return-value]

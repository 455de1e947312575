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

    @property
    def problems(self) -> int:
        """Skipped for a reason other than being in the project already."""
        return len(self.skipped) - self.repeats

    def as_dict(self) -> dict:
        return {"added": len(self.added), "repeats": self.repeats, "skipped": [{"where": w, "reason": r}
                                                       for w, r in self.skipped],
                "shared_text": [{"where": w, "earlier_article": a} for w, a in self.shared_text],
                "encodings": [{"where": w, "encoding": e} for w, e in self.encodings],
                "renamed": [{"where": w, "note": n} for w, n in self.renamed]}


def add_articles(conn: sqlite3.Connection, records: Iterable[ArticleRecord],
                 outcome: ImportOutcome) -> None:
    """Insert records inside the caller's transaction, skipping repeats.

    A repeat is the same text with the same id or the same outlet; the same text under another
    outlet is a wire copy: imported, and flagged as sharing its text with the earlier article.
    """
    stamp = now()
    noted_files: set[str] = set()  # a table's encoding is noted once, not once per row
    # What the project holds, read once: per-row look-ups cost more than the inserts.
    by_sha: dict[str, list[tuple[int, str, str]]] = {}
    for aid, ext, outlet, sha in conn.execute("SELECT id, ext_id, outlet, sha256 FROM article "
                                              "ORDER BY id"):
        by_sha.setdefault(sha, []).append((aid, ext, outlet))
    ids_taken = {ext for rows in by_sha.values() for _, ext, _ in rows}
    next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM article").fetchone()[0]
    pending: list[tuple] = []
    for rec in records:
        digest = sha256_text(rec.text)
        earlier = by_sha.get(digest, [])
        if any(e[1] == rec.ext_id or e[2] == rec.outlet for e in earlier):
            outcome.skipped.append((rec.where, "already in the project (same text and same id "
                                               "or outlet); skipped"))
            outcome.repeats += 1
            continue
        ext_id = rec.ext_id or digest[:12]
        if ext_id in ids_taken:
            # another text under this id (01.txt in two folders, row ids 1, 2... in two tables):
            # keep the article under an id made unique, and say so
            wanted, ext_id = ext_id, _unique_id(ext_id, rec, ids_taken)
            outcome.renamed.append((rec.where, f"id {wanted!r} was taken by another article; "
                                               f"imported as {ext_id!r}"))
        duplicate_of = earlier[0][0] if earlier else None
        pending.append((next_id, ext_id, rec.title, rec.outlet, rec.date, rec.url, rec.language,
                        rec.text, digest, len(rec.text), rec.source_file,
                        json.dumps(rec.metadata, ensure_ascii=False, default=str),
                        duplicate_of, stamp))
        by_sha.setdefault(digest, []).append((next_id, ext_id, rec.outlet))
        ids_taken.add(ext_id)
        outcome.added.append(next_id)
        next_id += 1
        if duplicate_of is not None:
            outcome.shared_text.append((rec.where, duplicate_of))
        if (rec.encoding and rec.encoding not in ("utf-8", "utf-8-sig", "ascii")
                and (rec.source_file or rec.where) not in noted_files):
            noted_files.add(rec.source_file or rec.where)
            outcome.encodings.append((rec.source_file or rec.where, rec.encoding))
        if len(pending) >= _INSERT_BATCH:
            _insert(conn, pending)
    _insert(conn, pending)


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

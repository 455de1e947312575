"""Coders' work goes out and comes back: assign, coder files, hand-in (pack) and merge.

Plain Python over the store. A merge matches articles by their identity (id and outlet, with
the same text), brings a coder's work in whole per coder, and never overwrites: a conflict is
reported with what differs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import UserError
from annotator.core.outpaths import check_output
from annotator.handin import ROW_COLUMNS, SPAN_COLUMNS, check_handin, select
from annotator.project import Project
from annotator.store.db import Database, copy_database, inserted_id, now, output_error

# A coder's work, table by table, with the columns that identify and carry it (ids remapped).
WORK_TABLES = ("source_mention", "cue", "claim", "claim_value", "article_value",
               "article_status", "suggestion_decision")


# ---- assign ------------------------------------------------------------------------------
@dataclass
class Assignment:
    per_coder: dict[str, list[int]]
    reliability: list[int]


def assign(project: Project, coders: list[str], *, overlap: float = 0.2, seed: int | None = None,
           blind: bool = True, force: bool = False) -> Assignment:
    """Split the articles among coders and draw a reliability sample every coder codes.

    `overlap` is the share of articles in the sample. The sample is blind (suggestions hidden)
    unless `blind` is False. An earlier assignment is replaced only with `force`: coder files
    may already be out, and a new draw would move articles under the coders' feet.
    """
    if not coders:
        raise UserError("name at least one coder (--coder NAME)")
    if len(set(coders)) != len(coders):
        raise UserError("a coder is named twice")
    if not 0 <= overlap <= 1:
        raise UserError("--overlap must be between 0% and 100%")
    if not force and project.db.conn.execute("SELECT 1 FROM assignment LIMIT 1").fetchone():
        raise UserError("the articles are already assigned (coder files may be out); drawing "
                        "again moves articles between coders. Use --force to replace it",
                        path=project.path)
    ids = [a.id for a in project.articles()]
    rng = random.Random(seed)
    rng.shuffle(ids)
    n_rel = round(len(ids) * overlap) if len(coders) > 1 else 0
    reliability, rest = sorted(ids[:n_rel]), ids[n_rel:]
    coder_ids = {name: project.ensure_coder(name).id for name in coders}
    per_coder: dict[str, list[int]] = {name: list(reliability) for name in coders}
    for i, art in enumerate(rest):
        per_coder[coders[i % len(coders)]].append(art)
    with project.db.transaction() as c:
        c.execute("DELETE FROM assignment")
        for name, arts in per_coder.items():
            c.executemany("INSERT INTO assignment(article_id, coder_id, reliability) "
                          "VALUES (?, ?, ?)",
                          [(a, coder_ids[name], int(a in reliability)) for a in arts])
        c.execute("UPDATE article SET require_blind = 0")
        if blind:
            c.executemany("UPDATE article SET require_blind = 1 WHERE id = ?",
                          [(a,) for a in reliability])
    return Assignment({k: sorted(v) for k, v in per_coder.items()}, reliability)


def assigned_articles(project: Project, coder_name: str) -> list[int] | None:
    """Article ids assigned to a coder, or None when the project has no assignment."""
    if project.db.conn.execute("SELECT count(*) FROM assignment").fetchone()[0] == 0:
        return None
    return [r[0] for r in project.db.conn.execute(
        "SELECT a.article_id FROM assignment a JOIN coder c ON c.id = a.coder_id "
        "WHERE c.name = ? ORDER BY a.article_id", (coder_name,))]


# ---- coder files and hand-in -------------------------------------------------------------
def pack(project: Project, out: str | Path, *, force: bool = False) -> Path:
    """One clean, self-contained copy of the project (backup API: includes the WAL)."""
    return project.db.backup_to(Path(out), force=force)


def coder_file(project: Project, coder_name: str, out: str | Path, *, force: bool = False) -> Path:
    """A project file for one coder: their articles, the codebook, suggestions and their work."""
    out = Path(out)
    check_output(out, force=force, reading=(project.path,))
    arts = assigned_articles(project, coder_name)
    if arts is None:
        arts = [a.id for a in project.articles()]
    if not arts:
        raise UserError(f"coder {coder_name!r} has no articles assigned")
    tmp = out.with_name(out.name + ".building")
    try:
        tmp.unlink(missing_ok=True)
        copy_database(project.db.conn, tmp)
        _trim_to_coder(tmp, arts, coder_name, project.project_id)
        os.replace(tmp, out)  # the coder file appears whole or not at all
    except (sqlite3.Error, OSError) as exc:
        for leftover in (tmp, *(Path(str(tmp) + s) for s in ("-journal", "-wal", "-shm"))):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        raise output_error(out, exc, project.path) from exc
    return out


def _trim_to_coder(path: Path, arts: list[int], coder_name: str, origin: str) -> None:
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
        conn.execute("UPDATE project SET value = ? WHERE key = 'id'", (_new_id(),))
        conn.execute("INSERT OR REPLACE INTO project(key, value) VALUES ('origin_project', ?)",
                     (origin,))
        conn.execute("INSERT OR REPLACE INTO project(key, value) VALUES ('coder', ?)",
                     (coder_name,))
        conn.commit()
        conn.execute("VACUUM")
    finally:
        conn.close()


def _new_id() -> str:
    import uuid

    return str(uuid.uuid4())


# ---- merge -------------------------------------------------------------------------------
@dataclass
class MergeReport:
    merged: list[str] = field(default_factory=list)  # "coder from file: n claims"
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    skipped_articles: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "file: why", nothing merged from it

    def as_dict(self) -> dict:
        return {"merged": self.merged, "unchanged": self.unchanged,
                "conflicts": self.conflicts, "skipped_articles": self.skipped_articles,
                "notes": self.notes, "failed": self.failed}


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


def merge(project: Project, files: list[str | Path]) -> MergeReport:
    """Bring each coder file's annotations into the project, one transaction per coder.

    A file that cannot be merged (unreadable, tampered, a value the codebook does not know,
    a full disk) is listed in `failed` with the reason, and the other files still merge.
    """
    report = MergeReport()
    for f in files:
        path = Path(f)
        try:
            _merge_file(project, path, report)
        except UserError as exc:
            report.failed.append(str(exc) if exc.path == str(path) else f"{path}: {exc}")
    return report


def _merge_file(project: Project, path: Path, report: MergeReport) -> None:
    # read-only and checked: a hand-in is never written to, and is read through our schema
    other = Project(Database.open_readonly(path))
    try:
        check_handin(other.db.conn, project.codebook, path)
        origin = other.project_id
        if origin == project.project_id:
            raise UserError("this is the project itself, not a coder's file", path=path)
        made_from = other.db.meta("origin_project")
        if made_from and made_from != project.project_id:
            report.conflicts.append(f"{path.name}: this coder file was made from another project "
                                    f"({made_from}); nothing merged from it")
            return
        if not made_from:
            report.notes.append(f"{path.name}: not a coder file of this project (annotator "
                                "coder-file); its articles were matched by id and outlet, or by a "
                                "text found once on both sides")
        other_sha = {r[0]: r[1] for r in other.db.conn.execute("SELECT id, sha256 FROM article")}
        matched = match_articles(project.db.conn, other.db.conn, by_text=not made_from)
        for coder in other.coders():
            _merge_coder(project, other, path, origin, coder.id, coder.name, other_sha, matched,
                         report)
    finally:
        other.close()


@dataclass
class ArticleMatch:
    """Which article here each article of a coder file is, and why the others have none."""
    target: dict[int, int] = field(default_factory=dict)  # file's article id -> id here
    unmatched: dict[int, str] = field(default_factory=dict)  # file's article id -> reason


def match_articles(here: sqlite3.Connection, there: sqlite3.Connection, *,
                   by_text: bool) -> ArticleMatch:
    """Match articles by identity: the same id and outlet with the same text.

    Wire copies share a text under two outlets, so a text alone never says which article a
    coder worked on. Only for a file not made by `coder-file` (its ids may be its own) does a
    text found exactly once on both sides stand in for the identity.
    """
    mine = conn_articles(here)
    by_key = {(ext, outlet): (aid, sha) for aid, ext, outlet, sha in mine}
    by_sha: dict[str, list[int]] = {}
    for aid, _ext, _outlet, sha in mine:
        by_sha.setdefault(sha, []).append(aid)
    theirs = conn_articles(there)
    their_sha_count: dict[str, int] = {}
    for _aid, _ext, _outlet, sha in theirs:
        their_sha_count[sha] = their_sha_count.get(sha, 0) + 1
    out, taken = ArticleMatch(), set()
    for aid, ext, outlet, sha in theirs:
        name = f"article {ext!r} ({outlet or 'no outlet'})"
        found = by_key.get((ext, outlet))
        if found is not None and found[1] != sha:
            out.unmatched[aid] = f"{name} has another text here; its work was not merged"
            continue
        target = found[0] if found is not None else None
        if target is None and by_text:
            same = by_sha.get(sha, [])
            if len(same) == 1 and their_sha_count[sha] == 1:
                target = same[0]
            elif same:
                out.unmatched[aid] = (f"{name} is not in this project, and its text is that of "
                                      f"{len(same)} articles here (wire copies); not merged")
                continue
        if target is None:
            out.unmatched[aid] = f"{name} is not in this project"
        elif target in taken:
            out.unmatched[aid] = f"{name} matches an article another one of the file matched"
        else:
            out.target[aid] = target
            taken.add(target)
    return out


def conn_articles(conn: sqlite3.Connection) -> list[tuple[int, str, str, str]]:
    """(id, ext_id, outlet, sha256) of every article, in id order."""
    return [tuple(r) for r in conn.execute(
        "SELECT id, ext_id, outlet, sha256 FROM article ORDER BY id")]


def _merge_coder(project: Project, other: Project, path: Path, origin: str, other_coder: int,
                 name: str, other_sha: dict[int, str], matched: ArticleMatch,
                 report: MergeReport) -> None:
    conn = project.db.conn
    fp_new = work_fingerprint(other.db.conn, other_coder, other_sha)
    label = f"{name} from {path.name}"
    here = project.coder(name)
    last = conn.execute("SELECT origin_file_id, fingerprint FROM merge_log WHERE coder_name = ? "
                        "ORDER BY id DESC LIMIT 1", (name,)).fetchone()
    if here is not None and here.origin_file_id and here.origin_file_id != origin:
        report.conflicts.append(f"{label}: coder {name!r} came from another file "
                                f"({here.origin_file_id}); two files claim one coder name. "
                                "Nothing merged for this coder")
        return
    my_sha = {r[0]: r[1] for r in conn.execute("SELECT id, sha256 FROM article")}
    if here is not None:
        fp_here = work_fingerprint(conn, here.id, my_sha)
        has_work = _has_work(conn, here.id)
        if last is not None and fp_here != last[1]:
            report.conflicts.append(f"{label}: {name}'s work in this project was edited since "
                                    "the last merge; nothing merged for this coder. Differences: "
                                    + _describe_diff(conn, here.id, my_sha, other.db.conn,
                                                     other_coder, other_sha))
            return
        if last is None and has_work and fp_here != fp_new:
            report.conflicts.append(f"{label}: this project already holds other work by "
                                    f"{name}; nothing merged for this coder")
            return
    if last is not None and last[1] == fp_new:
        report.unchanged.append(f"{label}: already merged, nothing new")
        return
    with project.db.transaction() as c:
        cid = here.id if here else inserted_id(c.execute(
            "INSERT INTO coder(name, origin_file_id, created_at) VALUES (?, ?, ?)",
            (name, origin, now())))
        c.execute("UPDATE coder SET origin_file_id = ? WHERE id = ?", (origin, cid))
        for table in reversed(WORK_TABLES):
            if table == "claim_value":
                c.execute("DELETE FROM claim_value WHERE claim_id IN "
                          "(SELECT id FROM claim WHERE coder_id = ?)", (cid,))
            else:
                c.execute(f"DELETE FROM {table} WHERE coder_id = ?", (cid,))
        try:
            n_claims, missing = _copy_work(c, other.db.conn, other_coder, cid, matched)
        except sqlite3.IntegrityError as exc:
            raise UserError(f"{name}'s work clashes with rows this project holds ({exc}); "
                            "nothing was merged for this coder", path=path) from exc
        c.execute("INSERT INTO merge_log(origin_file_id, coder_name, fingerprint, source_path, "
                  "merged_at) VALUES (?, ?, ?, ?, ?)", (origin, name, fp_new, str(path), now()))
    report.merged.append(f"{label}: {n_claims} claims")
    report.skipped_articles.extend(f"{label}: {matched.unmatched[a]}" for a in sorted(missing))


def _has_work(conn: sqlite3.Connection, coder_id: int) -> bool:
    return any(conn.execute(f"SELECT 1 FROM {t} WHERE coder_id = ? LIMIT 1", (coder_id,))
               .fetchone() for t in ("claim", "source_mention", "cue", "article_status"))


def _describe_diff(conn, here_id, my_sha, other_conn, other_id, other_sha) -> str:
    mine = {json.dumps(r, default=str) for r in _work_rows(conn, here_id, my_sha)}
    theirs = {json.dumps(r, default=str) for r in _work_rows(other_conn, other_id, other_sha)}
    only_here, only_there = len(mine - theirs), len(theirs - mine)
    return f"{only_here} item(s) only in this project, {only_there} only in the file"


def _columns(names: tuple[str, ...]) -> str:
    return ", ".join(f'"{n}"' for n in names)  # our own names, quoted as identifiers


def _copy_work(c: sqlite3.Connection, src: sqlite3.Connection, src_coder: int, dst_coder: int,
               matched: ArticleMatch) -> tuple[int, set[int]]:
    """Copy one coder's rows, remapping article, span and suggestion ids."""
    missing: set[int] = set()
    idmap: dict[tuple[str, int], int] = {}

    def article(aid: int) -> int | None:
        target = matched.target.get(aid)
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
            new_id = inserted_id(c.execute(f"INSERT INTO {table} ({_columns(names)}) "
                                           f"VALUES ({', '.join('?' for _ in names)})",
                                           [row[n] for n in names]))
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

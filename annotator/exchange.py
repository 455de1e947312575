"""Coders' work goes out and comes back: assign, coder files, hand-in (pack) and merge.

Plain Python over the store. A merge matches articles by their identity (id and outlet, with
the same text), brings a coder's work in whole per coder, and never overwrites: a conflict is
reported with what differs.
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import UserError
from annotator.core.outpaths import check_output
from annotator.project import Project
from annotator.store.assignment import (
    assigned_article_ids,
    assigned_coder_names,
    has_assignment,
    replace_assignment,
)
from annotator.store.db import Database, copy_database, output_error
from annotator.store.handin import check_handin
from annotator.store.work import (
    article_shas,
    clear_work,
    conn_articles,
    copy_work,
    describe_diff,
    has_work,
    last_merge,
    log_merge,
    take_coder,
    trim_to_coder,
    work_fingerprint,
)


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
    if not force and has_assignment(project.db.conn):
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
        replace_assignment(c, [(a, coder_ids[name], a in reliability)
                               for name, arts in per_coder.items() for a in arts],
                           reliability if blind else [])
    return Assignment({k: sorted(v) for k, v in per_coder.items()}, reliability)


def assigned_articles(project: Project, coder_name: str) -> list[int] | None:
    """Article ids assigned to a coder, or None when the project has no assignment."""
    return assigned_article_ids(project.db.conn, coder_name)


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
        trim_to_coder(tmp, arts, coder_name, project.project_id)
        os.replace(tmp, out)  # the coder file appears whole or not at all
    except (sqlite3.Error, OSError) as exc:
        for leftover in (tmp, *(Path(str(tmp) + s) for s in ("-journal", "-wal", "-shm"))):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        raise output_error(out, exc, project.path) from exc
    return out


# ---- merge -------------------------------------------------------------------------------
@dataclass
class MergeReport:
    merged: list[str] = field(default_factory=list)  # "coder from file: n claims"
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    skipped_articles: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "file: why", nothing merged from it
    warnings: list[str] = field(default_factory=list)  # merged, but check it (a coder nobody assigned)

    def as_dict(self) -> dict:
        return {"merged": self.merged, "unchanged": self.unchanged,
                "conflicts": self.conflicts, "skipped_articles": self.skipped_articles,
                "notes": self.notes, "failed": self.failed, "warnings": self.warnings}


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
        other_sha = article_shas(other.db.conn)
        matched = match_articles(project.db.conn, other.db.conn, by_text=not made_from)
        for coder in other.coders():
            if has_work(other.db.conn, coder.id):
                _warn_unassigned(project, other, path, coder.name, report)
            _merge_coder(project, other, path, origin, coder.id, coder.name, other_sha, matched,
                         report)
    finally:
        other.close()


def _warn_unassigned(project: Project, other: Project, path: Path, name: str,
                     report: MergeReport) -> None:
    """Work by a coder the coder file was not made for, or whom this project assigned
    nothing (a name typed differently, "Anna" for "anna"): merged, with a warning."""
    own = other.own_coder()
    assigned = assigned_coder_names(project.db.conn)
    why = []
    if own is not None and name != own:
        why.append(f"this is {own}'s coder file")
    if assigned and name not in assigned:
        why.append("this project assigned no article to that name (assigned: "
                   + ", ".join(assigned) + ")")
    if why:
        report.warnings.append(f"{path.name}: work by coder {name!r}, but " + " and ".join(why)
                               + f"; it merged as coder {name!r}, kept apart from the "
                               "assigned coders")


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


def _merge_coder(project: Project, other: Project, path: Path, origin: str, other_coder: int,
                 name: str, other_sha: dict[int, str], matched: ArticleMatch,
                 report: MergeReport) -> None:
    conn = project.db.conn
    fp_new = work_fingerprint(other.db.conn, other_coder, other_sha)
    label = f"{name} from {path.name}"
    here = project.coder(name)
    last = last_merge(conn, name)
    if here is not None and here.origin_file_id and here.origin_file_id != origin:
        report.conflicts.append(f"{label}: coder {name!r} came from another file "
                                f"({here.origin_file_id}); two files claim one coder name. "
                                "Nothing merged for this coder")
        return
    my_sha = article_shas(conn)
    if here is not None:
        fp_here = work_fingerprint(conn, here.id, my_sha)
        worked = has_work(conn, here.id)
        if last is not None and fp_here != last[1]:
            report.conflicts.append(f"{label}: {name}'s work in this project was edited since "
                                    "the last merge; nothing merged for this coder. Differences: "
                                    + describe_diff(conn, here.id, my_sha, other.db.conn,
                                                     other_coder, other_sha))
            return
        if last is None and worked and fp_here != fp_new:
            report.conflicts.append(f"{label}: this project already holds other work by "
                                    f"{name}; nothing merged for this coder")
            return
    if last is not None and last[1] == fp_new:
        report.unchanged.append(f"{label}: already merged, nothing new")
        return
    with project.db.transaction() as c:
        cid = take_coder(c, here.id if here else None, name, origin)
        clear_work(c, cid)
        try:
            n_claims, missing = copy_work(c, other.db.conn, other_coder, cid, matched.target)
        except sqlite3.IntegrityError as exc:
            raise UserError(f"{name}'s work clashes with rows this project holds ({exc}); "
                            "nothing was merged for this coder", path=path) from exc
        log_merge(c, origin, name, fp_new, path)
    report.merged.append(f"{label}: {n_claims} claims")
    report.skipped_articles.extend(f"{label}: {matched.unmatched[a]}" for a in sorted(missing))



"""Which coder's work each exported article shows (issue 12.15).

The analysis dataset, the default export, has one coding per article: the consensus coder's
where it exists, otherwise the work of the one coder who coded the article. A coder who was not
assigned an article never appears for it (when the article has assignments). An article two or
more coders coded without a consensus yet is left out of the Claims and Sources rows, counted
and named by coding_progress `needs_consensus` in Articles, so nothing is counted twice. On request the
export shows every coder's work instead (per coder), one Articles row per article and coder who
was assigned it or worked on it.

The choice is written to a temporary table (`store.sheet_rows.store_picks`) that the sheet
queries join, so the rows still stream from SQLite.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.core.model import NEEDS_CONSENSUS
from annotator.store import sheet_rows as Q
from annotator.store.sheet_rows import Pick


@dataclass(frozen=True)
class Picks:
    rows: list[Pick]
    unsettled: int = 0  # articles coded by 2+ coders without a consensus
    unassigned_work: int = 0  # (article, coder) pairs with work but no assignment, left out
    consensus_open: int = 0  # articles whose consensus is picked but not done (unsettled units)

    @property
    def coder_ids(self) -> set[int]:
        return {k for _, k, _ in self.rows if k is not None}


def _pairs(found: Iterable[tuple[int, int]]) -> dict[int, set[int]]:
    by_article: dict[int, set[int]] = defaultdict(set)
    for article, coder in found:
        by_article[article].add(coder)
    return by_article


def analysis_picks(conn: sqlite3.Connection, consensus_id: int | None) -> Picks:
    """One pick per article: consensus, else the single (assigned) coder who worked on it."""
    work = _pairs(Q.work_pairs(conn))
    assigned = _pairs(Q.assigned_pairs(conn))
    rows: list[Pick] = []
    unsettled = unassigned = 0
    unfinished = set() if consensus_id is None else Q.unfinished_articles(conn, consensus_id)
    consensus_open = 0
    for article in Q.article_ids(conn):
        done = work.get(article, set())
        if consensus_id is not None and consensus_id in done:
            rows.append((article, consensus_id, None))
            consensus_open += article in unfinished
            continue
        coders = done - {consensus_id}
        if article in assigned:
            unassigned += len(coders - assigned[article])
            coders &= assigned[article]
        if len(coders) == 1:
            rows.append((article, next(iter(coders)), None))
        elif coders:
            rows.append((article, None, NEEDS_CONSENSUS))
            unsettled += 1
        else:
            only = assigned.get(article, set()) - {consensus_id}
            rows.append((article, next(iter(only)) if len(only) == 1 else None, None))
    return Picks(rows, unsettled, unassigned, consensus_open)


def coder_picks(conn: sqlite3.Connection, coder_ids: Sequence[int]) -> Picks:
    """Per coder: each (article, coder) the coder was assigned or worked on."""
    wanted = set(coder_ids)
    work = _pairs(Q.work_pairs(conn))
    assigned = _pairs(Q.assigned_pairs(conn))
    rows: list[Pick] = []
    for article in Q.article_ids(conn):
        coders = (work.get(article, set()) | assigned.get(article, set())) & wanted
        rows += [(article, k, None) for k in sorted(coders)]
    return Picks(rows)


def store_picks(conn: sqlite3.Connection, rows: Iterable[Pick]) -> None:
    """(Re)fill the temporary pick table the sheet queries join (this connection only)."""
    Q.store_picks(conn, rows)

"""Issue 14: `store/` is the only owner of SQL. No module outside it holds a query."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "annotator"
SQL = re.compile(r"\b(SELECT\b.*\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
                 r"CREATE\s+(TABLE|INDEX|TRIGGER|VIEW)|PRAGMA\s+\w+)\b", re.S)


def _queries(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
            out.append(node.lineno)
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if SQL.search(text + " x"):
                out.append(node.lineno)
    return out


def test_no_sql_outside_store() -> None:
    found = {str(p.relative_to(PKG)): _queries(p) for p in PKG.rglob("*.py")
             if "store" not in p.relative_to(PKG).parts[:1]}
    assert {k: v for k, v in found.items() if v} == {}


def test_the_scan_finds_a_query() -> None:
    assert SQL.search("SELECT id FROM claim") and SQL.search('INSERT OR REPLACE INTO project(key) VALUES (?)')
    assert not SQL.search("Select the text first")


# tables and the claim's link columns whose names are not also words of the domain (a claim, a
# cue, an article, a coder are): the window and the editing session speak of those (core.model
# Kind and Role; commands.link_source(role=...)), never of the store's names
STORE_ONLY = ("source_mention", "claim_value", "article_value", "article_status",
              "suggestion_decision", "suggestion_run", "merge_log", "source_id", "channel_id",
              "cue_id")


def test_gui_and_editing_name_no_table_or_link_column() -> None:
    found = {}
    for package in ("gui", "editing"):
        for path in (PKG / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            hits = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Constant)
                    and node.value in STORE_ONLY]
            if hits:
                found[str(path.relative_to(PKG))] = hits
    assert found == {}

"""A small corpus written by the project (the dev set's articles, repeated under new ids)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "dev"


def articles(n: int) -> list[dict]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "nl").glob("*.txt"))]
    outlets = ("De Krant", "Het Blad", "=cmd|' /C calc'!A0")
    return [{"id": f"art-{i}", "text": texts[i % len(texts)], "outlet": outlets[i % 3],
             "date": f"2019-{1 + i % 4:02d}-1{i % 10}"} for i in range(n)]


def write_jsonl(path: Path, rows: list[dict], bad_lines: tuple[str, ...] = ()) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i, r in enumerate(rows):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
            if i == 2:
                for bad in bad_lines:
                    f.write(bad + "\n")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "corpus.jsonl", articles(12), ('{"id": "x", "text": [1, 2]}', "{broken"))

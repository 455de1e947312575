"""Paths and checks shared by the dpg corpus scripts (build, rebuild, to_markup)."""

from __future__ import annotations

import json
from pathlib import Path

from corpora.snapshot import CACHE, CorpusError

HERE = Path(__file__).resolve().parent
REPO = "dpgmedia/partisan-news2019"
ENV_VAR = "DPG_SNAPSHOT"
ARTICLES_FILE = "dpgMedia2019-articles-byarticle-all.jsonl"
ANNOTATIONS = HERE / "annotations.json"
EXCLUDED = HERE / "excluded_ids.json"
CODING_DIR = Path("/work/real_ann")
OUT = CACHE / "nl"


def excluded_ids() -> set[str]:
    return set(json.loads(EXCLUDED.read_text(encoding="utf-8"))["ids"])



def refuse_excluded(art_id: str, where: object) -> None:
    if str(art_id) in excluded_ids():
        raise CorpusError(f"{where}: article {art_id} is kept for independent evaluation "
                          "(corpora/dpg/excluded_ids.json) and may not be used")


def article_text(record: dict) -> str:
    """The text the coders coded: title, blank line, body (selection.json's 'text')."""
    return f"{record['title']}\n\n{record['text']}"


def load_annotations(path: Path | None = None) -> dict:
    path = path or ANNOTATIONS
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read the annotations ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise CorpusError(f"{path}: not an annotations file (no 'articles' list)")
    for art in data["articles"]:
        refuse_excluded(art.get("id"), path)
    return data

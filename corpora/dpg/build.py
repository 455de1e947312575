#!/usr/bin/env python3
"""Hand coding of the Dutch dpg articles (.ann markup) -> corpora/dpg/annotations.json (no text).

    python3 -m corpora.dpg.build [--coding /work/real_ann] [--out corpora/dpg/annotations.json]
                                 [--skip-broken]

Reads CODING/selection.json (ids, publisher, half, coder, sha256 of each text) and every
CODING/nl/<id>.ann. Each article's plain text must have the sha256 selection.json gives, so the
standoff fits the snapshot's text. The 16 ids kept for independent evaluation are refused.
Output: standoff only (offsets, labels, links, notes), written whole or not at all.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from corpora.dpg.common import ANNOTATIONS, CODING_DIR, REPO, refuse_excluded
from corpora.markup import read_markup
from corpora.snapshot import CorpusError, sha256_text


def load_selection(coding: Path) -> dict[str, dict]:
    path = coding / "selection.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = {str(a["id"]): a for a in data["articles"]}
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise CorpusError(f"{path}: cannot read the selection ({exc})") from exc
    for art_id in entries:
        refuse_excluded(art_id, path)
    return entries


def build_one(path: Path, entry: dict) -> dict:
    """One .ann file as a standoff record, checked against its selection entry."""
    refuse_excluded(path.stem, path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read ({exc})") from exc
    text, coding = read_markup(raw, str(path))
    digest = sha256_text(text)
    if digest != entry["text_sha256"]:
        raise CorpusError(f"{path}: text sha256 {digest[:12]}... differs from selection.json's "
                          f"{entry['text_sha256'][:12]}... (the markup changed the article text)")
    return {"id": path.stem, "publisher": entry.get("publisher"), "half": entry["half"],
            "coder": entry.get("coder"), "published_at": entry.get("published_at"),
            "text_sha256": digest, "text_length": len(text), **coding}


def build(coding: Path, skip_broken: bool = False) -> tuple[dict, list[str]]:
    selection = load_selection(coding)
    articles, problems = [], []
    for path in sorted((coding / "nl").glob("*.ann")):
        try:
            refuse_excluded(path.stem, path)
            if path.stem not in selection:
                raise CorpusError(f"{path}: id not in selection.json")
            articles.append(build_one(path, selection[path.stem]))
        except CorpusError as exc:
            if not skip_broken or "independent evaluation" in str(exc):
                raise
            problems.append(str(exc))
    data = {"source": f"github.com/{REPO}", "file": "dpgMedia2019-articles-byarticle-all.jsonl",
            "text": "title + '\\n\\n' + text", "articles": articles}
    return data, problems


def write_atomic(path: Path, data: dict) -> None:
    tmp = path.with_suffix(".json.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--coding", type=Path, default=CODING_DIR)
    ap.add_argument("--out", type=Path, default=ANNOTATIONS)
    ap.add_argument("--skip-broken", action="store_true",
                    help="leave out .ann files that do not parse or match (reported)")
    args = ap.parse_args(argv)
    try:
        data, problems = build(args.coding, args.skip_broken)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for p in problems:
        print(f"skipped: {p}", file=sys.stderr)
    write_atomic(args.out, data)
    halves: dict[str, int] = {}
    for art in data["articles"]:
        halves[art["half"]] = halves.get(art["half"], 0) + 1
    print(f"{args.out}: {len(data['articles'])} articles "
          + ", ".join(f"{h} {n}" for h, n in sorted(halves.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""corpora/dpg/annotations.json + the rebuilt texts -> editable .ann markup files.

    python3 -m corpora.dpg.to_markup --out DIR [--texts corpora/.cache/nl] [--force] [ID ...]

For a later session that edits the coding: write the .ann files, edit them, then run
`python3 -m corpora.dpg.build --coding PARENT_OF_DIR` (DIR must be PARENT/nl, beside a
selection.json). Texts are read from the rebuilt cache (run corpora.dpg.rebuild first) and
checked against each article's sha256. Existing .ann files are kept unless --force.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from corpora.dpg.common import ANNOTATIONS, OUT, load_annotations
from corpora.markup import write_markup
from corpora.snapshot import CorpusError, sha256_text


def to_markup(annotations: Path, texts: Path, out: Path, ids: list[str] | None = None,
              force: bool = False) -> list[Path]:
    data = load_annotations(annotations)
    chosen = [a for a in data["articles"] if not ids or a["id"] in ids]
    missing = set(ids or []) - {a["id"] for a in chosen}
    if missing:
        raise CorpusError(f"{annotations}: no article {', '.join(sorted(missing))}")
    pages = []
    for art in chosen:  # everything is checked before anything is written
        src = texts / art["half"] / f"{art['id']}.txt"
        try:
            text = src.read_text(encoding="utf-8")
        except OSError as exc:
            raise CorpusError(f"{src}: no rebuilt text (run python3 -m corpora.dpg.rebuild)") from exc
        if sha256_text(text) != art["text_sha256"]:
            raise CorpusError(f"{src}: sha256 {sha256_text(text)[:12]}... differs from the "
                              f"annotations' {art['text_sha256'][:12]}...")
        target = out / f"{art['id']}.ann"
        if target.exists() and not force:
            raise CorpusError(f"{target}: exists; pass --force to replace it")
        pages.append((target, write_markup(text, art, str(src))))
    out.mkdir(parents=True, exist_ok=True)
    for target, page in pages:
        target.write_text(page, encoding="utf-8", newline="\n")
    return [t for t, _ in pages]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ids", nargs="*")
    ap.add_argument("--annotations", type=Path, default=ANNOTATIONS)
    ap.add_argument("--texts", type=Path, default=OUT)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args(argv)
    try:
        written = to_markup(args.annotations, args.texts, args.out, args.ids, args.force)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{args.out}: {len(written)} .ann files")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""dpg snapshot + corpora/dpg/annotations.json -> texts and gold.json per half (gitignored cache).

    python3 -m corpora.dpg.rebuild [--snapshot DIR] [--out corpora/.cache/nl]

Texts come from a local copy of github.com/dpgmedia/partisan-news2019 (title, blank line, body);
each must have the sha256 and length the annotations give, or nothing is written. Output:
OUT/<half>/<id>.txt and OUT/<half>/gold.json, the shape `annotator evaluate` reads.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from corpora.dpg.common import (
    ANNOTATIONS,
    ARTICLES_FILE,
    ENV_VAR,
    OUT,
    REPO,
    article_text,
    load_annotations,
    refuse_excluded,
)
from corpora.snapshot import CACHE, CorpusError, Snapshot, find_snapshot, sha256_text


def snapshot_texts(snapshot: Path, ids: set[str]) -> dict[str, str]:
    """id -> text for the wanted ids, read from the snapshot's JSON lines file."""
    raw = Snapshot(snapshot).read(ARTICLES_FILE)
    out = {}
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            art_id = str(record["id"])
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise CorpusError(f"{snapshot}/{ARTICLES_FILE}: line {n}: not an article ({exc})") from exc
        if art_id in ids:
            out[art_id] = article_text(record)
    return out


def check_text(art: dict, text: str | None, where: str) -> str:
    if text is None:
        raise CorpusError(f"{where}: article {art['id']} is not in the snapshot")
    digest = sha256_text(text)
    if digest != art["text_sha256"] or len(text) != art["text_length"]:
        raise CorpusError(f"{where}: article {art['id']}: snapshot text has sha256 {digest[:12]}... "
                          f"({len(text)} characters), annotations expect "
                          f"{art['text_sha256'][:12]}... ({art['text_length']}): a different "
                          "version of the corpus; the offsets would not fit")
    return text


def gold_article(art: dict, text: str) -> dict:
    """The annotation record with the span texts filled in, as gold.json holds it."""
    return {"id": art["id"], "text_file": f"{art['id']}.txt", "text_length": len(text),
            "text_sha256": art["text_sha256"], "publisher": art.get("publisher"),
            "half": art["half"], "coder": art.get("coder"),
            "sources": [{**s, "text": text[s["start"]:s["end"]]} for s in art["sources"]],
            "cues": [{**c, "text": text[c["start"]:c["end"]]} for c in art["cues"]],
            "claims": art["claims"], "notes": art.get("notes", "")}


def rebuild(snapshot: Path, annotations: Path, out: Path) -> dict[str, int]:
    data = load_annotations(annotations)
    for art in data["articles"]:
        refuse_excluded(art["id"], annotations)
    texts = snapshot_texts(snapshot, {a["id"] for a in data["articles"]})
    halves: dict[str, list[tuple[str, dict]]] = {}
    for art in data["articles"]:  # check every text before writing any
        text = check_text(art, texts.get(art["id"]), str(snapshot))
        halves.setdefault(art["half"], []).append((text, gold_article(art, text)))
    for half, arts in halves.items():
        folder = out / half
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.txt"):
            old.unlink()  # a dropped article must not linger in the half
        for text, gold in arts:
            (folder / gold["text_file"]).write_text(text, encoding="utf-8", newline="\n")
        with open(folder / "gold.json", "w", encoding="utf-8", newline="\n") as f:
            json.dump({"articles": [g for _, g in arts]}, f, ensure_ascii=False, indent=1)
            f.write("\n")
    return {h: len(a) for h, a in halves.items()}


def locate(explicit: Path | None) -> Path:
    snapshot = find_snapshot(REPO, ENV_VAR, explicit)
    if snapshot is None:
        raise CorpusError(f"no copy of the dpg corpus: git clone https://github.com/{REPO} "
                          f"{CACHE / REPO.split('/')[1]} (or set ${ENV_VAR})")
    return snapshot


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--snapshot", type=Path, help=f"copy of github.com/{REPO} (${ENV_VAR})")
    ap.add_argument("--annotations", type=Path, default=ANNOTATIONS)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    try:
        counts = rebuild(locate(args.snapshot), args.annotations, args.out)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for half, n in sorted(counts.items()):
        print(f"{args.out / half}: {n} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())

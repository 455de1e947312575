"""Rebuild UD_English-EWT's train/dev/test splits from the per-document sources (issue 15).

Copies of the repository can lack ``en_ewt-ud-train.conllu`` (too large) but still hold the
whole treebank as one ``.conllu`` file per document under ``not-to-release/sources/`` and the
ordered document lists ``not-to-release/file-lists/files.{train,dev,test}``. The treebank's own
``not-to-release/tools/build.py`` makes the released files by concatenating the documents of
each list in order; this does the same, reading a bare git snapshot, and checks the rebuilt
``dev`` and ``test`` against the released files (sentence ids and every token's annotation).

Usage: python3 training/build_ewt.py [REPO] [OUT_DIR]
  REPO    bare git of UniversalDependencies/UD_English-EWT
          (default /work/.mirror/UniversalDependencies+UD_English-EWT/repo)
  OUT_DIR where en_ewt-ud-{train,dev,test}.conllu are written (default training/corpus/raw/ewt)
Exit status 1 if a rebuilt split that is also released differs from the released file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DEFAULT_REPO = "/work/.mirror/UniversalDependencies+UD_English-EWT/repo"
SPLITS = ("train", "dev", "test")


def show(repo: str, path: str) -> str | None:
    """The text of ``path`` at HEAD, or None when the snapshot lacks the blob."""
    done = subprocess.run(
        ["git", "-C", repo, "show", f"HEAD:{path}"], capture_output=True, check=False
    )
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8")


def sentences(text: str) -> list[tuple[str, list[str]]]:
    """(sent_id, token lines) for each sentence of a CoNLL-U text."""
    out: list[tuple[str, list[str]]] = []
    sent_id, rows = "", []
    for line in text.splitlines():
        if not line.strip():
            if rows:
                out.append((sent_id, rows))
            sent_id, rows = "", []
        elif line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif not line.startswith("#"):
            rows.append(line)
    if rows:
        out.append((sent_id, rows))
    return out


def compare(split: str, built: str, released: str) -> bool:
    """Print how the rebuilt split compares with the released one; True if identical."""
    if built == released:
        print(f"  {split}: byte-identical to en_ewt-ud-{split}.conllu")
        return True
    a, b = sentences(built), sentences(released)
    ids_a, ids_b = [s for s, _ in a], [s for s, _ in b]
    print(f"  {split}: differs from the released file (bytes)")
    print(f"    sentences: rebuilt {len(a)}, released {len(b)}; same sent_id order: {ids_a == ids_b}")
    rel = dict(b)
    diff_sents = diff_rows = 0
    cols = ("ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC")
    per_col = dict.fromkeys(cols, 0)
    for sid, rows in a:
        other = rel.get(sid)
        if other is None or other == rows:
            continue
        diff_sents += 1
        for r1, r2 in zip(rows, other, strict=False):
            if r1 != r2:
                diff_rows += 1
                for c, v1, v2 in zip(cols, r1.split("\t"), r2.split("\t"), strict=False):
                    if v1 != v2:
                        per_col[c] += 1
    print(f"    sentences whose token lines differ: {diff_sents}; token lines: {diff_rows}")
    print("    by column: " + ", ".join(f"{c} {n}" for c, n in per_col.items() if n))
    return False


def check_blob(repo: str, split: str, built: Path) -> bool:
    """Without the released file's content, compare git blob hashes (the tree still names it)."""
    name = f"en_ewt-ud-{split}.conllu"
    tree = subprocess.run(
        ["git", "-C", repo, "rev-parse", f"HEAD:{name}"], capture_output=True, text=True, check=False
    )
    if tree.returncode != 0:
        print(f"  {split}: the snapshot has no {name} (nothing to compare)")
        return True
    mine = subprocess.run(
        ["git", "hash-object", str(built)], capture_output=True, text=True, check=True
    ).stdout.strip()
    same = mine == tree.stdout.strip()
    verdict = "identical to" if same else "DIFFERENT from"
    print(f"  {split}: content absent from the snapshot; git blob hash {verdict} the released {name}")
    return same


def main(argv: list[str]) -> int:
    repo = argv[1] if len(argv) > 1 else DEFAULT_REPO
    out_dir = Path(argv[2] if len(argv) > 2 else Path(__file__).parent / "corpus/raw/ewt")
    out_dir.mkdir(parents=True, exist_ok=True)
    ok = True
    for split in SPLITS:
        listing = show(repo, f"not-to-release/file-lists/files.{split}")
        if listing is None:
            raise SystemExit(f"{repo} has no not-to-release/file-lists/files.{split}")
        docs = [p.strip() for p in listing.splitlines() if p.strip()]
        parts = []
        for doc in docs:
            text = show(repo, f"not-to-release/sources/{doc}")
            if text is None:
                raise SystemExit(f"{repo} lacks not-to-release/sources/{doc}")
            parts.append(text)
        built = "".join(parts)
        (out_dir / f"en_ewt-ud-{split}.conllu").write_text(built, encoding="utf-8", newline="\n")
        sents = sentences(built)
        n_tok = sum(1 for _, rows in sents for r in rows if r.split("\t", 1)[0].isdigit())
        print(f"{split}: {len(docs)} documents, {len(sents)} sentences, {n_tok} words")
        released = show(repo, f"en_ewt-ud-{split}.conllu")
        if released is None:
            ok = check_blob(repo, split, out_dir / f"en_ewt-ud-{split}.conllu") and ok
        else:
            ok = compare(split, built, released) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

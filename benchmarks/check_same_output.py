"""Check that a speed-up leaves the suggestions unchanged: `suggest_many` JSON, text by text.

    python3 benchmarks/check_same_output.py BEFORE_REF      # e.g. main, or a commit
    python3 benchmarks/check_same_output.py --save /tmp/before.json
    python3 benchmarks/check_same_output.py --against /tmp/before.json

The texts are the project's test sets (tests/data/*/nl|en/*.txt and the seed article, each in its
folder's language), every dpg article on this machine (github.com/dpgmedia/partisan-news2019,
without the 16 ids kept for independent evaluation), as Dutch, and the PolNeAR articles that
eval_real.py scores (github.com/networkdynamics/PolNeAR, split.json's halves), as English. With BEFORE_REF, that commit's
`annotator` package and resources are exported with `git archive` to a temporary folder and run in a child
process on the same texts (its output is cached in /tmp under the commit's hash); then this
checkout's output is compared with it. Exit status 1 and the first differing texts when they differ.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent


def collect_texts() -> list[tuple[str, str, str]]:
    """(name, language, text) of every text the check runs on."""
    out = []
    for path in sorted((ROOT / "tests" / "data").glob("*/*/*.txt")):
        lang = path.parent.name
        if lang in ("nl", "en"):
            out.append((str(path.relative_to(ROOT)), lang, path.read_text(encoding="utf-8")))
    seed = ROOT / "tests" / "data" / "seed" / "article_nl.txt"
    if seed.exists():
        out.append((str(seed.relative_to(ROOT)), "nl", seed.read_text(encoding="utf-8")))
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT))
    from bench_suggest import dpg_texts

    real = dpg_texts()
    if real is None:
        print("dpg: skipped, no copy of github.com/dpgmedia/partisan-news2019")
    else:
        out += [(f"dpg#{n}", "nl", text) for n, text in enumerate(real)]
    english = polnear_texts()
    if english is None:
        print("PolNeAR: skipped, no copy of github.com/networkdynamics/PolNeAR")
    else:
        out += [(f"polnear#{art_id}", "en", text) for art_id, text in english]
    return out


def polnear_texts() -> list[tuple[str, str]] | None:
    """(id, text) of the PolNeAR articles that eval_real.py scores (both halves of split.json),
    read from the local copy; None without one."""
    from corpora.polnear import convert
    from corpora.snapshot import find_snapshot

    path = find_snapshot(convert.REPO, convert.ENV_VAR)
    if path is None:
        return None
    split = convert.load_split()
    compartment = split["compartment"]
    convert.check_compartment(compartment)
    ids = sorted({entry["id"] for half in split["halves"].values() for entry in half})
    files = convert.Snapshot(path).read_many(f"data/{compartment}/text/{i}.txt" for i in ids)
    return [(i, files[f"data/{compartment}/text/{i}.txt"]) for i in ids]


def run(root: Path, texts: list[tuple[str, str, str]]) -> list[str]:
    """The JSON of each text's suggestions from the `annotator` package under `root`."""
    sys.path.insert(0, str(root))
    from annotator.nlp.suggest import suggest_many

    results: list[str] = [""] * len(texts)
    for lang in ("nl", "en"):
        idx = [k for k, (_, lg, _) in enumerate(texts) if lg == lang]
        for k, res in zip(idx, suggest_many((texts[k][2] for k in idx), language=lang), strict=True):
            results[k] = json.dumps(res, sort_keys=True, ensure_ascii=False)
    return results


def outputs_of_ref(ref: str, texts: list[tuple[str, str, str]]) -> list[str]:
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", ref], check=True,
                         capture_output=True, text=True).stdout.strip()
    cache = Path(tempfile.gettempdir()) / f"check_same_output-{sha[:12]}-{len(texts)}.json"
    if cache.exists():
        print(f"{ref} ({sha[:12]}): cached output {cache}")
        return json.loads(cache.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", sha, "annotator", "resources"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        subprocess.run([sys.executable, __file__, "--root", tmp, "--texts", str(texts_file),
                        "--save", str(cache)], check=True)
    return json.loads(cache.read_text(encoding="utf-8"))


def compare(before: list[str], after: list[str], texts: list[tuple[str, str, str]]) -> int:
    if len(before) != len(after):
        print(f"different number of texts: {len(before)} before, {len(after)} now")
        return 1
    diff = [k for k, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    if not diff:
        print(f"same output on all {len(after)} texts")
        return 0
    print(f"{len(diff)} of {len(after)} texts differ, e.g.: "
          + ", ".join(texts[k][0] for k in diff[:10]))
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", nargs="?", help="the commit to compare this checkout with")
    parser.add_argument("--save", type=Path, help="write this checkout's output here")
    parser.add_argument("--against", type=Path, help="compare with output saved by --save")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    texts = (json.loads(args.texts.read_text(encoding="utf-8")) if args.texts
             else collect_texts())
    before = outputs_of_ref(args.ref, texts) if args.ref else None
    if before is None and args.against:
        before = json.loads(args.against.read_text(encoding="utf-8"))
    after = run(args.root, texts)
    if args.save:
        args.save.write_text(json.dumps(after), encoding="utf-8")
    return compare(before, after, texts) if before is not None else 0


if __name__ == "__main__":
    sys.exit(main())

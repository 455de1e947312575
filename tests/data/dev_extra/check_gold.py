#!/usr/bin/env python3
"""Validate the held-out dev set (tests/data/dev_extra) gold files against its article texts (stdlib only).

Usage: python3 check_gold.py DIR      (DIR holds gold.json and the NN_slug.txt files)
       python3 check_gold.py          (checks ./nl and ./en next to this script)

Checks: every article file exists and matches text_length and text_sha256; every source and cue
span is in range and its text equals text[start:end]; no span starts or ends with whitespace;
labels come from the codebook; claim source/cue indices are valid or null; unattributed claims
have neither source nor cue, attributed ones have a source; lists are sorted by offset; no
duplicate spans. Prints per-language counts. Exits 1 on any error.
"""
import collections
import hashlib
import json
import pathlib
import sys

SOURCE_TYPES = {"person", "institution", "news_media", "social_media", "anonymous", "document"}
ATTRIBUTIONS = {"direct", "indirect", "unattributed"}
CERTAINTIES = ["certain", "probable", "possible", "uncertain"]


def check_dir(d):
    errors = []
    gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
    arts = gold.get("articles")
    if not isinstance(arts, list) or not arts:
        return [f"{d}/gold.json: no articles"], None
    counts = collections.Counter()
    stypes = collections.Counter()
    att = collections.Counter()
    cert = collections.Counter()
    cross = collections.Counter()
    words = []
    ids = set()
    for art in arts:
        aid = art.get("id")
        where = f"{d.name}/{aid}"
        if aid in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(aid)
        path = d / f"{aid}.txt"
        if not path.exists():
            errors.append(f"{where}: missing {path.name}")
            continue
        raw = path.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            errors.append(f"{where}: file has a BOM")
        if b"\r" in raw:
            errors.append(f"{where}: file has CR line ends")
        text = raw.decode("utf-8")
        words.append(len(text.split()))
        if art.get("text_length") != len(text):
            errors.append(f"{where}: text_length {art.get('text_length')} != {len(text)}")
        sha = hashlib.sha256(raw).hexdigest()
        if art.get("text_sha256") != sha:
            errors.append(f"{where}: text_sha256 mismatch")

        def check_span(kind, n, sp, has_text=True):
            s, e = sp.get("start"), sp.get("end")
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                errors.append(f"{where}: {kind}[{n}] bad offsets {s}-{e}")
                return False
            if has_text and sp.get("text") != text[s:e]:
                errors.append(f"{where}: {kind}[{n}] text {sp.get('text')!r} != {text[s:e]!r}")
            if text[s].isspace() or text[e - 1].isspace():
                errors.append(f"{where}: {kind}[{n}] span has edge whitespace {text[s:e]!r}")
            return True

        for key in ("sources", "cues", "claims"):
            lst = art.get(key)
            if not isinstance(lst, list):
                errors.append(f"{where}: {key} missing")
                art[key] = []
                continue
            offs = [(x.get("start"), x.get("end")) for x in lst]
            if offs != sorted(offs, key=lambda t: (t[0] or 0, t[1] or 0)):
                errors.append(f"{where}: {key} not sorted by offset")
            if len(set(offs)) != len(offs):
                errors.append(f"{where}: duplicate {key} span")
        for n, sp in enumerate(art["sources"]):
            check_span("sources", n, sp)
            if sp.get("type") not in SOURCE_TYPES:
                errors.append(f"{where}: sources[{n}] bad type {sp.get('type')!r}")
            stypes[sp.get("type")] += 1
        for n, sp in enumerate(art["cues"]):
            check_span("cues", n, sp)
        used_cues = set()
        for n, cl in enumerate(art["claims"]):
            check_span("claims", n, cl, has_text=False)
            a, c = cl.get("attribution"), cl.get("certainty")
            if a not in ATTRIBUTIONS:
                errors.append(f"{where}: claims[{n}] bad attribution {a!r}")
            if c not in CERTAINTIES:
                errors.append(f"{where}: claims[{n}] bad certainty {c!r}")
            si, ci = cl.get("source", "missing"), cl.get("cue", "missing")
            for name, idx, lst in (("source", si, art["sources"]), ("cue", ci, art["cues"])):
                if idx is not None and not (isinstance(idx, int) and 0 <= idx < len(lst)):
                    errors.append(f"{where}: claims[{n}] bad {name} index {idx!r}")
            if a == "unattributed" and (si is not None or ci is not None):
                errors.append(f"{where}: claims[{n}] unattributed but has source/cue")
            if a in ("direct", "indirect") and si is None:
                errors.append(f"{where}: claims[{n}] {a} claim without source")
            if isinstance(ci, int):
                used_cues.add(ci)
            att[a] += 1
            cert[c] += 1
            cross[(a, c)] += 1
        for n in range(len(art["cues"])):
            if n not in used_cues:
                errors.append(f"{where}: cues[{n}] {art['cues'][n].get('text')!r} not used by any claim")
        counts["articles"] += 1
        counts["sources"] += len(art["sources"])
        counts["cues"] += len(art["cues"])
        counts["claims"] += len(art["claims"])
    summary = {
        "counts": dict(counts), "words": words,
        "source_types": dict(stypes), "attribution": dict(att), "certainty": dict(cert),
        "cross": cross,
    }
    return errors, summary


def report(d, summary):
    c = summary["counts"]
    w = summary["words"]
    print(f"== {d}")
    print(f"articles {c['articles']}  words {min(w)}-{max(w)} (total {sum(w)})  "
          f"sources {c['sources']}  cues {c['cues']}  claims {c['claims']}")
    print("sources by type: " + ", ".join(f"{t} {summary['source_types'].get(t, 0)}"
                                          for t in sorted(SOURCE_TYPES)))
    print("claims by attribution: " + ", ".join(f"{a} {summary['attribution'].get(a, 0)}"
                                                for a in ("direct", "indirect", "unattributed")))
    total = max(c["claims"], 1)
    print("claims by certainty: " + ", ".join(
        f"{k} {summary['certainty'].get(k, 0)}" for k in CERTAINTIES)
        + f"  (non-certain {100 * (total - summary['certainty'].get('certain', 0)) / total:.0f}%)")
    print("attribution x certainty: " + "; ".join(
        f"{a}/{k} {n}" for (a, k), n in sorted(summary["cross"].items())))


def main(argv, here=None):
    """Check the gold files of the set in `here` (default: this script's folder)."""
    here = here or pathlib.Path(__file__).resolve().parent
    dirs = [pathlib.Path(a) if pathlib.Path(a).is_absolute() or (pathlib.Path(a) / "gold.json").exists()
            else here / a for a in argv] or [here / "nl", here / "en"]
    all_errors = []
    for d in dirs:
        if not (d / "gold.json").exists():
            all_errors.append(f"{d}: no gold.json")
            continue
        try:
            errors, summary = check_dir(d)
        except (ValueError, KeyError, TypeError) as exc:
            errors, summary = [f"{d}: cannot read gold: {exc}"], None
        if summary:
            report(d, summary)
        all_errors += errors
    for e in all_errors:
        print("ERROR", e)
    print("OK" if not all_errors else f"{len(all_errors)} error(s)")
    return 1 if all_errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

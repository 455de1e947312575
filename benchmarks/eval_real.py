"""Score the suggester on the real development sets, per half, as `annotator evaluate` scores.

    python3 benchmarks/eval_real.py [--lang nl|en] [--json] [--top 8]
    python3 benchmarks/eval_real.py --lang en --half rules --show-misses 30

English: PolNeAR dev (github.com/networkdynamics/PolNeAR), converted by corpora/polnear and split
into `rules` (read while writing rules) and `heldout` (the estimate; never read). Dutch: the
hand-coded dpg articles (corpora/dpg/annotations.json on github.com/dpgmedia/partisan-news2019),
halves `dev` and `heldout`. Texts are rebuilt in memory from a local copy of each repository;
when a copy is missing this says which repository to fetch and goes on (exit 0).
Matching and figures come from annotator.nlp.evaluate (greedy overlap; claims need half the
shorter span). Misses and false alarms are counted by kind: sources by type, cues by word,
claims by attribution, and wrong links and certainty levels among the matched claims.
`--show-misses` prints missed and spurious items in context; it refuses held-out halves.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotator.nlp.evaluate import Tally, greedy_match, score_article  # noqa: E402
from corpora.snapshot import CorpusError, find_snapshot  # noqa: E402

READABLE = {"en": "rules", "nl": "dev"}  # the halves rules may be written from
HALVES = {"en": ("rules", "heldout"), "nl": ("dev", "heldout")}
ROWS = [  # (label, keys) of the table
    ("source P / R / F1", ("source_p", "source_r", "source_f1")),
    ("cue F1", ("cue_f1",)),
    ("claim P / R / F1", ("claim_p", "claim_r", "claim_f1")),
    ("link accuracy", ("link_acc",)),
    ("certainty acc / mean recall per level", ("certainty_acc", "certainty_level_recall")),
    ("source type accuracy (silver in en)", ("type_acc",)),
]


def english_halves() -> Iterator[tuple[str, list[tuple[str, dict]]]]:
    from corpora.polnear import convert

    snapshot = find_snapshot(convert.REPO, convert.ENV_VAR)
    if snapshot is None:
        print(f"en: skipped, no copy of PolNeAR: fetch github.com/{convert.REPO} "
              f"(git clone it to corpora/.cache/PolNeAR or set ${convert.ENV_VAR})")
        return
    snap = convert.Snapshot(snapshot)
    split = convert.load_split()
    converter = convert.Converter(convert.load_rules())
    for half in HALVES["en"]:
        yield half, convert.convert_articles(snap, split["compartment"], split["halves"][half],
                                             converter)


def dutch_halves() -> Iterator[tuple[str, list[tuple[str, dict]]]]:
    from corpora.dpg import common, rebuild

    snapshot = find_snapshot(common.REPO, common.ENV_VAR)
    if snapshot is None:
        print(f"nl: skipped, no copy of the dpg corpus: fetch github.com/{common.REPO} "
              f"(git clone it to corpora/.cache/partisan-news2019 or set ${common.ENV_VAR})")
        return
    data = common.load_annotations()
    texts = rebuild.snapshot_texts(snapshot, {a["id"] for a in data["articles"]})
    by_half: dict[str, list[tuple[str, dict]]] = {h: [] for h in HALVES["nl"]}
    for art in data["articles"]:
        text = rebuild.check_text(art, texts.get(art["id"]), str(snapshot))
        by_half.setdefault(art["half"], []).append((text, rebuild.gold_article(art, text)))
    yield from by_half.items()


class Errors:
    """Misses and false alarms by kind, and (optionally) the items themselves in context."""

    def __init__(self, keep: bool) -> None:
        self.counts: dict[str, Counter] = {k: Counter() for k in (
            "missed source", "false source", "missed cue", "false cue", "missed claim",
            "missed claim as", "false claim", "false claim rule", "wrong link", "wrong certainty")}
        self.keep = keep
        self.items: list[str] = []

    def add(self, text: str, pred: dict, gold: dict) -> None:
        sm = greedy_match(pred["sources"], gold["sources"])
        cm = greedy_match(pred["cues"], gold["cues"])
        km = greedy_match(pred["claims"], gold["claims"], half=True)
        self._spans(text, "source", gold["sources"], pred["sources"], sm,
                    lambda s: s["type"])
        self._spans(text, "cue", gold["cues"], pred["cues"], cm,
                    lambda c: text[c["start"]:c["end"]].lower())
        self._spans(text, "claim", gold["claims"], pred["claims"], km,
                    lambda k: k["attribution"])
        matched_p = set(km.values())
        for gi, g in enumerate(gold["claims"]):
            if gi not in km:
                self.counts["missed claim as"][construction(text, gold, g)] += 1
        for pi, p in enumerate(pred["claims"]):
            if pi not in matched_p:
                self.counts["false claim rule"][p.get("rule") or "?"] += 1
        for gi, pi in km.items():
            g, p = gold["claims"][gi], pred["claims"][pi]
            expected = None if g["source"] is None else sm.get(g["source"], -1)
            if p["source"] != expected:
                why = ("gold source not found" if expected == -1 else
                       "should be unlinked" if expected is None else
                       "no source" if p["source"] is None else "other source")
                self.counts["wrong link"][why] += 1
                self._keep("wrong link", why, text, g)
            if g["certainty"] != p["certainty"]:
                self.counts["wrong certainty"][f"{g['certainty']} as {p['certainty']}"] += 1
                self._keep("wrong certainty", f"{g['certainty']} as {p['certainty']}", text, g)

    def _spans(self, text: str, kind: str, gold: list, pred: list, match: dict, key) -> None:
        matched_p = set(match.values())
        for gi, g in enumerate(gold):
            if gi not in match:
                self.counts[f"missed {kind}"][key(g)] += 1
                self._keep(f"missed {kind}", key(g), text, g)
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                self.counts[f"false {kind}"][key(p)] += 1
                self._keep(f"false {kind}", key(p), text, p)

    def _keep(self, what: str, label: str, text: str, span: dict) -> None:
        if self.keep:
            s, e = span["start"], span["end"]
            ctx = (text[max(0, s - 60):s] + "[" + text[s:e][:160] + "]" + text[e:e + 40])
            self.items.append(f"{what:<15} {label:<14} {' '.join(ctx.split())}")


_COMPLEMENTISER = re.compile(r"\s*(that|whether|if|dat|of)\b", re.I)
_INFINITIVE = re.compile(r"\b(to|te)\b", re.I)
_FINITE = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|should|must|did|does|"
                     r"do|zijn|was|waren|heeft|hebben|had|wordt|worden|werd|zal|zou|moet|kan)\b",
                     re.I)


def construction(text: str, gold: dict, claim: dict) -> str:
    """A rough name for how a gold claim is attributed (for counting what the rules miss)."""
    if claim["cue"] is None:
        return f"no cue, {claim['attribution']}"
    cue = gold["cues"][claim["cue"]]
    body = text[claim["start"]:claim["end"]]
    if cue["start"] >= claim["end"]:
        return "cue after claim"
    if cue["end"] > claim["start"]:
        return "cue inside claim"
    if _COMPLEMENTISER.match(text[cue["end"]:claim["start"]]):
        return "cue + that/dat"
    if claim["attribution"] == "direct":
        return "direct, cue before"
    if _INFINITIVE.search(" ".join(body.split()[:4])):  # called on X to ..., te-infinitive
        return "to/te infinitive"
    if len(body.split()) <= 10 and not _FINITE.search(body):
        return "noun phrase"
    return "clause without that"


def score(arts: list[tuple[str, dict]], lang: str, errors: Errors, syntax: bool = False) -> dict:
    from annotator.nlp.suggest import suggest_many

    tally = Tally()
    preds = suggest_many((text for text, _ in arts), lang, syntax=syntax)
    for (text, gold), pred in zip(arts, preds, strict=True):
        score_article(pred, gold, tally)
        errors.add(text, pred, gold)
    return tally.figures()


def id_part(article_id: str) -> str:
    """'a' or 'b': a fixed split of a half by article id (CRC-32 parity, stable across runs)."""
    return "ab"[zlib.crc32(article_id.encode("utf-8")) % 2]


def fmt(value: object) -> str:
    return "-" if value is None else f"{value:.2f}".lstrip("0") if isinstance(value, float) \
        else str(value)


def print_table(results: dict[str, dict]) -> None:
    names = list(results)
    width, cell = 40, 20
    levels = ("certain", "probable", "possible", "uncertain")
    rows = [("articles / gold claims", [f"{results[n]['articles']} / {results[n]['claim_gold']}"
                                         for n in names])]
    rows += [(label, [" / ".join(fmt(results[n].get(k)) for k in keys) for n in names])
             for label, keys in ROWS]
    rows.append(("gold claims cer/pro/pos/unc",
                 ["/".join(str(results[n]["levels"].get(lv, 0)) for lv in levels) for n in names]))
    print(f"{'':<{width}}" + "".join(f"{n:>{cell}}" for n in names))
    for label, cells in rows:
        print(f"{label:<{width}}" + "".join(f"{c:>{cell}}" for c in cells))


def print_errors(name: str, errors: Errors, top: int) -> None:
    print(f"\n{name}: misses and false alarms by kind")
    for what, counter in errors.counts.items():
        total = sum(counter.values())
        common = ", ".join(f"{k} {n}" for k, n in counter.most_common(top))
        print(f"  {what:<16} {total:>4}  {common}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=("nl", "en"), action="append")
    ap.add_argument("--half", help="only this half")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--top", type=int, default=8, help="most common kinds shown per row")
    ap.add_argument("--show-misses", type=int, default=0, metavar="N",
                    help=f"print N missed/false items in context (only {READABLE})")
    ap.add_argument("--syntax", action="store_true",
                    help="add the parse rules (a parser in $ANNOTATOR_PARSER_<LANG> or resources/models)")
    ap.add_argument("--part", choices=("a", "b"),
                    help="only the articles of one part of each half, split by article id (to read "
                         "misses on one part and confirm a rule on the other)")
    args = ap.parse_args(argv)
    langs = args.lang or ["nl", "en"]
    if args.show_misses and (args.half is None or READABLE.get(langs[0]) != args.half
                             or len(langs) != 1):
        print(f"--show-misses needs one --lang and its readable --half ({READABLE}): "
              "held-out halves are never read while writing rules", file=sys.stderr)
        return 2
    started = time.perf_counter()
    results: dict[str, dict] = {}
    all_errors: dict[str, Errors] = {}
    try:
        for lang in langs:
            source = dutch_halves() if lang == "nl" else english_halves()
            for half, arts in source:
                if args.half and half != args.half:
                    continue
                if args.part:
                    arts = [a for a in arts if id_part(a[1].get("id", "")) == args.part]
                name = f"{lang} {half}" + (f" {args.part}" if args.part else "")
                errors = Errors(keep=bool(args.show_misses))
                results[name] = score(arts, lang, errors, syntax=args.syntax)
                results[name]["claim_gold"] = sum(len(g["claims"]) for _, g in arts)
                results[name]["levels"] = dict(Counter(k["certainty"] for _, g in arts
                                                       for k in g["claims"]))
                results[name]["errors"] = {k: dict(v) for k, v in errors.counts.items()}
                all_errors[name] = errors
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    if results:
        print_table(results)
        for name, errors in all_errors.items():
            print_errors(name, errors, args.top)
            for line in errors.items[: args.show_misses]:
                print("   ", line)
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

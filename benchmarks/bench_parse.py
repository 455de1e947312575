"""The trained syntax pipeline (issue 15): accuracy on a held-out UD split, speed, and news.

    python benchmarks/bench_parse.py [--model /work/models/en_ud]
        [--conllu training/corpus/raw/ewt/en_ewt-ud-test.conllu] [--polnear N] [--speed-docs N]

1. Held-out UD split (default: UD_English-EWT `test`, rebuilt by `training/build_ewt.py`; never
   trained on, `dev` was only used for early stopping). Two ways:
   - on the treebank's own words (gold tokenization; the pipeline minus its tokenizer): UPOS,
     XPOS, UAS and LAS over all words, and without punctuation (the CoNLL 2018 shared task counts
     punctuation; spaCy's scorer leaves it out);
   - on the raw text through the pipeline's own tokenizer and sentence splits, scored by spaCy's
     `Scorer` (what `spacy evaluate` prints): tokens F, POS, TAG, UAS, LAS, sentences F.
2. Speed on one core (one thread): words/s of `nlp.pipe` with the whole trained pipeline, and of
   `spacy.blank(lang)` (the bare tokenizer) on the same texts: the held-out documents' raw text
   in chunks of ten sentences, and the PolNeAR articles below if present.
3. News, silver: PolNeAR (the local copy of github.com/networkdynamics/PolNeAR) ships Stanford
   CoreNLP parses of its articles (basic dependencies, UD v1 labels). Only its `dev` and then
   `train` compartments are read, never `test`. On the first `--polnear` sentences (CoreNLP's
   words and sentence splits imposed), the share of words whose head agrees with CoreNLP, whose
   head and label agree after mapping UD v1 labels to v2, the label sets on both sides, and the
   most frequent disagreements. Not gold: CoreNLP's own error rate on news is in the same range.
   Article text is read from the local copy only and never written anywhere.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, before numpy/thinc load
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.training import Example  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = Path("/work/models/en_ud")
DEFAULT_CONLLU = ROOT / "training/corpus/raw/ewt/en_ewt-ud-test.conllu"
POLNEAR = Path("/work/.mirror/networkdynamics+PolNeAR/repo")
POLNEAR_COMPARTMENTS = ("dev", "train")  # never "test"
PUNCT = {"punct"}


# ---------------------------------------------------------------- CoNLL-U
def read_conllu(path: Path) -> list[dict]:
    """Sentences as dicts: words, spaces, upos, xpos, heads (0-based, root = itself), deps."""
    sents: list[dict] = []
    cur: dict = {"words": [], "spaces": [], "upos": [], "xpos": [], "heads": [], "deps": []}
    mwt_end, mwt_space = -1, True
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if cur["words"]:
                sents.append(cur)
            mwt_end = -1
            cur = {"words": [], "spaces": [], "upos": [], "xpos": [], "heads": [], "deps": []}
            continue
        if line.startswith("#"):
            continue
        c = line.split("\t")
        if "." in c[0]:
            continue
        if "-" in c[0]:
            mwt_end, mwt_space = int(c[0].split("-")[1]), "SpaceAfter=No" not in c[9]
            continue
        i = int(c[0])
        cur["words"].append(c[1])
        if i < mwt_end:
            cur["spaces"].append(False)
        elif i == mwt_end:
            cur["spaces"].append(mwt_space)
        else:
            cur["spaces"].append("SpaceAfter=No" not in c[9])
        cur["upos"].append(c[3])
        cur["xpos"].append(c[4])
        cur["heads"].append(int(c[6]) - 1 if c[6] != "0" else i - 1)
        cur["deps"].append("ROOT" if c[7] == "root" else c[7])
    return sents


def run_on_words(nlp: Language, sents: list[list[str]], spaces: list[list[bool]]) -> list[Doc]:
    """The pipeline minus its tokenizer on given words, one Doc per sentence."""
    docs = (Doc(nlp.vocab, words=w, spaces=s) for w, s in zip(sents, spaces, strict=True))
    return list(nlp.pipe(docs, batch_size=256))


def score_gold_tokens(nlp: Language, sents: list[dict]) -> dict[str, float]:
    docs = run_on_words(nlp, [s["words"] for s in sents], [s["spaces"] for s in sents])
    n = n_np = upos = xpos = uas = las = las_full = uas_np = las_np = 0
    for s, d in zip(sents, docs, strict=True):
        for i, t in enumerate(d):
            gh, gd = s["heads"][i], s["deps"][i]
            ok_h = t.head.i == gh
            # CoNLL 2018 LAS compares the universal part of the label (nsubj:pass ~ nsubj)
            ok_l = ok_h and t.dep_.split(":")[0].lower() == gd.split(":")[0].lower()
            n += 1
            upos += t.pos_ == s["upos"][i]
            xpos += t.tag_ == s["xpos"][i]
            uas += ok_h
            las += ok_l
            las_full += ok_h and t.dep_.lower() == gd.lower()
            if gd not in PUNCT:
                n_np += 1
                uas_np += ok_h
                las_np += ok_l
    return {
        "words": n, "UPOS": upos / n, "XPOS": xpos / n, "UAS": uas / n, "LAS": las / n,
        "LAS_full": las_full / n, "UAS_nopunct": uas_np / n_np, "LAS_nopunct": las_np / n_np,
    }


def score_raw_text(nlp: Language, sents: list[dict], chunk: int = 10) -> dict[str, float]:
    """spaCy's Scorer on the raw text (own tokenizer and sentence splits), 10 sentences a doc."""
    examples = []
    for k in range(0, len(sents), chunk):
        part = sents[k : k + chunk]
        words, spaces, heads, deps, tags, pos, starts = [], [], [], [], [], [], []
        for s in part:
            off = len(words)
            words += s["words"]
            spaces += s["spaces"][:-1] + [True]
            heads += [h + off for h in s["heads"]]
            deps += s["deps"]
            tags += s["xpos"]
            pos += s["upos"]
            starts += [True] + [False] * (len(s["words"]) - 1)
        gold = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags,
                   pos=pos, sent_starts=starts)
        examples.append(Example(nlp.make_doc(gold.text), gold))
    sc = nlp.evaluate(examples)
    keys = ("token_acc", "pos_acc", "tag_acc", "morph_acc", "dep_uas", "dep_las", "sents_f")
    return {k: sc[k] for k in keys if k in sc and sc[k] is not None}


# ---------------------------------------------------------------- speed
def words_per_second(nlp: Language, texts: list[str], repeat: int = 1) -> tuple[float, int]:
    best = float("inf")
    n = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = sum(len(d) for d in nlp.pipe(texts, batch_size=64))
        best = min(best, time.perf_counter() - t0)
    return n / best, n


def speed(nlp: Language, lang: str, texts: list[str], label: str) -> None:
    bare = spacy.blank(lang)
    words_per_second(bare, texts[:20])  # warm the tokenizer's cache like the pipeline's
    wps_bare, n = words_per_second(bare, texts, repeat=3)
    wps, _ = words_per_second(nlp, texts)
    print(f"  {label}: {len(texts)} texts, {n:,} tokens: pipeline {wps:,.0f} words/s, bare "
          f"tokenizer {wps_bare:,.0f} words/s; pipeline = {wps / wps_bare:.3f}x the tokenizer "
          f"({wps_bare / wps:.0f} times slower)")


# ---------------------------------------------------------------- PolNeAR (silver)
V1_TO_V2 = {
    "dobj": "obj", "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass", "auxpass": "aux:pass",
    "mwe": "fixed", "name": "flat", "neg": "advmod",
}
VERBAL = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "JJ", "JJR", "JJS", "RB", "RBR", "RBS", "MD"}


def v1_to_v2(label: str, head_tag: str, dep_tag: str) -> str:
    """CoreNLP UD v1 basic label -> UD v2 (EWT's scheme), as far as it maps one to one."""
    label = label.lower()
    if label == "neg" and dep_tag == "DT":
        return "det"  # "no": det in v2, "not"/"never": advmod
    if label in V1_TO_V2:
        return V1_TO_V2[label]
    if label in ("nmod:tmod", "nmod:npmod"):  # EWT 2.14+: obl:unmarked / nmod:unmarked
        return "obl:unmarked" if head_tag in VERBAL else "nmod:unmarked"
    if label.startswith("nmod") and label != "nmod:poss" and head_tag in VERBAL:
        return "obl"  # v2 split v1's nmod: obl on predicates, nmod on nouns
    return label


def polnear_sentences(limit: int) -> list[dict]:
    """CoreNLP sentences (words from the text by character offsets, basic dependencies)."""
    out: list[dict] = []
    if not POLNEAR.exists():
        return out
    for comp in POLNEAR_COMPARTMENTS:
        names = subprocess.run(
            ["git", "-C", str(POLNEAR), "ls-tree", "--name-only", f"HEAD:data/{comp}/corenlp"],
            capture_output=True, text=True, check=True,
        ).stdout.split()
        for name in sorted(names):
            raw = subprocess.run(["git", "-C", str(POLNEAR), "show",
                                  f"HEAD:data/{comp}/corenlp/{name}"],
                                 capture_output=True, check=False)
            if raw.returncode != 0:
                continue
            text_file = f"HEAD:data/{comp}/text/{name.removesuffix('.xml')}"
            text = subprocess.run(["git", "-C", str(POLNEAR), "show", text_file],
                                  capture_output=True, check=False).stdout.decode("utf-8")
            root = ET.fromstring(raw.stdout)
            for sent in root.iter("sentence"):
                toks = sent.find("tokens")
                if toks is None:
                    continue  # coreference mentions also have <sentence>
                rows = []
                for t in toks:
                    b = int(t.findtext("CharacterOffsetBegin", "0"))
                    e = int(t.findtext("CharacterOffsetEnd", "0"))
                    rows.append((text[b:e] or t.findtext("word", ""), b, e, t.findtext("POS", "")))
                if not rows or any(not w.strip() or " " in w for w, *_ in rows):
                    continue
                basic = next(d for d in sent.iter("dependencies")
                             if d.get("type") == "basic-dependencies")
                n = len(rows)
                heads, labels = list(range(n)), ["root"] * n
                for dep in basic:
                    g = int(dep.find("governor").get("idx")) - 1
                    d = int(dep.find("dependent").get("idx")) - 1
                    heads[d] = g if g >= 0 else d
                    labels[d] = dep.get("type")
                words = [w for w, *_ in rows]
                spaces = [rows[i][2] < rows[i + 1][1] for i in range(n - 1)] + [True]
                tags = [p for *_, p in rows]
                v2 = [v1_to_v2(labels[i], tags[heads[i]], tags[i]) for i in range(n)]
                out.append({"words": words, "spaces": spaces, "heads": heads, "v1": labels,
                            "v2": v2, "tags": tags})
                if len(out) >= limit:
                    return out
    return out


def compare_polnear(nlp: Language, sents: list[dict]) -> None:
    docs = run_on_words(nlp, [s["words"] for s in sents], [s["spaces"] for s in sents])
    n = n_np = uh = ul = ul_base = uh_np = ul_np = tag_ok = 0
    confusion: Counter[tuple[str, str]] = Counter()
    ours: Counter[str] = Counter()
    theirs: Counter[str] = Counter()
    theirs_v2: Counter[str] = Counter()
    for s, d in zip(sents, docs, strict=True):
        for i, t in enumerate(d):
            mine = "root" if t.dep_ == "ROOT" else t.dep_
            ours[mine] += 1
            theirs[s["v1"][i]] += 1
            theirs_v2[s["v2"][i]] += 1
            same_head = t.head.i == s["heads"][i]
            same = same_head and mine == s["v2"][i]
            base = same_head and mine.split(":")[0] == s["v2"][i].split(":")[0]
            n += 1
            uh += same_head
            ul += same
            ul_base += base
            tag_ok += t.tag_ == s["tags"][i]
            if s["v1"][i] != "punct":
                n_np += 1
                uh_np += same_head
                ul_np += same
            if same_head and not base:
                confusion[(s["v2"][i], mine)] += 1
    print(f"  {len(sents)} sentences, {n:,} words (PolNeAR {'+'.join(POLNEAR_COMPARTMENTS)}, "
          "CoreNLP basic dependencies as silver)")
    print(f"  PTB tag agreement {tag_ok / n:.3f}")
    print(f"  same head {uh / n:.3f}; same head+label (v1 mapped to v2) {ul / n:.3f}, "
          f"base labels {ul_base / n:.3f}")
    print(f"  without punctuation: same head {uh_np / n_np:.3f}, head+label {ul_np / n_np:.3f}")
    lv1, lv2 = set(theirs), set(theirs_v2)
    lo = {"root" if lab == "ROOT" else lab for lab in nlp.get_pipe("parser").labels}
    print(f"  label sets: CoreNLP {len(lv1)} labels (UD v1, {len(lv2)} after mapping), "
          f"our parser's {len(lo)} (UD v2, EWT; {len(set(ours))} of them predicted here)")
    print(f"    only CoreNLP (after mapping): {sorted(lv2 - lo)}")
    print(f"    only ours: {sorted(lo - lv2)}")
    share = sum(c for lab, c in theirs_v2.items() if lab in lo) / n
    print(f"    share of CoreNLP's words whose mapped label our parser can produce: {share:.3f}")
    print("  most frequent label disagreements where the head agrees (CoreNLP -> ours): "
          + ", ".join(f"{a}->{b} {c}" for (a, b), c in confusion.most_common(12)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    ap.add_argument("--conllu", type=Path, default=DEFAULT_CONLLU)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--polnear", type=int, default=500, help="sentences; 0 skips")
    ap.add_argument("--limit", type=int, default=0, help="held-out sentences; 0 = all")
    ap.add_argument("--speed-docs", type=int, default=0, help="0 = all held-out chunks")
    args = ap.parse_args()
    if not args.model.exists():
        sys.exit(f"no model at {args.model}: train one (training/README.md)")
    if not args.conllu.exists():
        sys.exit(f"no {args.conllu}: run training/prepare.sh (or training/build_ewt.py)")
    nlp = spacy.load(args.model)
    size = sum(p.stat().st_size for p in args.model.rglob("*") if p.is_file())
    print(f"model {args.model}: pipeline {nlp.pipe_names}, {size / 1e6:.1f} MB on disk")
    sents = read_conllu(args.conllu)
    if args.limit:
        sents = sents[: args.limit]
    print(f"\n1. held out: {args.conllu.name}, {len(sents):,} sentences")
    g = score_gold_tokens(nlp, sents)
    print(f"  gold tokens ({g['words']:,} words): UPOS {g['UPOS']:.3f}  XPOS {g['XPOS']:.3f}  "
          f"UAS {g['UAS']:.3f}  LAS {g['LAS']:.3f} (full labels {g['LAS_full']:.3f}; without punct: UAS {g['UAS_nopunct']:.3f} "
          f"LAS {g['LAS_nopunct']:.3f})")
    r = score_raw_text(nlp, sents)
    print("  raw text, own tokenizer (spaCy Scorer, no punct): "
          + "  ".join(f"{k} {v:.3f}" for k, v in r.items()))
    print("\n2. speed, one process, one thread")
    texts = []
    for k in range(0, len(sents), 10):
        part = sents[k : k + 10]
        texts.append(" ".join(
            "".join(w + (" " if sp else "") for w, sp in zip(s["words"], s["spaces"], strict=True))
            .strip() for s in part))
    if args.speed_docs:
        texts = texts[: args.speed_docs]
    speed(nlp, args.lang, texts, "held-out UD text in 10-sentence chunks")
    if args.polnear and POLNEAR.exists():
        news = polnear_sentences(args.polnear)
        print(f"\n3. news, silver (PolNeAR, {len(news)} sentences)")
        compare_polnear(nlp, news)
        texts = [" ".join("".join(w + (" " if sp else "") for w, sp in
                                  zip(s["words"], s["spaces"], strict=True)).strip()
                          for s in news[k : k + 20]) for k in range(0, len(news), 20)]
        speed(nlp, args.lang, texts, "PolNeAR sentences in 20-sentence chunks")
    elif args.polnear:
        print(f"\n3. news: no copy of PolNeAR at {POLNEAR}; skipped")


if __name__ == "__main__":
    main()

"""First try of parse rules beside the token rules, English `rules` half of PolNeAR (issue 15).

    python3 training/try_parse_rules.py MODEL_DIR [ccomp,obj,fill]

MODEL_DIR: the English parser trained by train.sh (training/output/en/model-best). Beside the
rules' suggestions: a reporting verb of resources/nlp/en/cue_verbs.jsonl that the rules left
alone and whose parse has an `nsubj` and one of the chosen complements (ccomp, xcomp, obj)
gives a cue, a claim (the complement's subtree) and a source (the subject's subtree);
`fill` gives a rules claim without a source the `nsubj` of its cue. Scored only on the `rules`
half (never the held-out half). Measured 2026-12-04 with a model of EWT dev LAS .79
(step 4,000): rules source F1 .705, claim F1 .778, link .853; + ccomp,obj,fill: source .725
(P .846 -> .835), claim .792 (P .903 -> .888), link .851. A start, not yet the +.02 the
issue asks for source F1 at equal precision: the next step is patterns as data
(DependencyMatcher) per construction, each kept only where it helps.
"""
import copy
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from annotator.nlp.evaluate import Tally, score_article  # noqa: E402
from annotator.nlp.suggest import suggest_many  # noqa: E402
from benchmarks.eval_real import english_halves  # noqa: E402

NOT_SPEAKERS = {"it", "this", "that", "which", "what", "there"}


def reporting_forms() -> set[str]:
    lines = (ROOT / "resources/nlp/en/cue_verbs.jsonl").read_text(encoding="utf-8").splitlines()
    return {f.lower() for line in lines if line.strip().startswith("{")
            for f in json.loads(line)["forms"]}


def inside(a, b, items):
    return any(a < x["end"] and x["start"] < b for x in items)

def span_of(tok):
    sub = list(tok.subtree)
    while sub and (sub[-1].is_punct or sub[-1].dep_ == "cc"):
        sub.pop()
    while sub and (sub[0].is_punct or sub[0].dep_ == "mark"):
        sub.pop(0)
    if not sub:
        return None
    return sub[0].idx, sub[-1].idx + len(sub[-1].text)

def fill_sources(text, out, doc):
    by_char = {t.idx: t for t in doc}
    for c in out["claims"]:
        if c.get("source") is not None or c.get("cue") is None:
            continue
        cue = out["cues"][c["cue"]]
        tok = by_char.get(cue["start"])
        if tok is None:
            continue
        head = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        subj = [x for x in head.children if x.dep_ in ("nsubj",)]
        if not subj or subj[0].lower_ in NOT_SPEAKERS:
            continue
        ss = span_of(subj[0])
        if ss is None or inside(*ss, [c]):
            continue
        src = None
        for j, s in enumerate(out["sources"]):
            if s["start"] < ss[1] and ss[0] < s["end"]:
                src = j
        if src is None:
            out["sources"].append({"start": ss[0], "end": ss[1], "text": text[ss[0]:ss[1]], "type": "person", "rule": "parse"})
            src = len(out["sources"]) - 1
        c["source"] = src

def add_parse(text, pred, doc, modes, forms):
    out = copy.deepcopy(pred)
    if "fill" in modes:
        fill_sources(text, out, doc)
    for tok in doc:
        if tok.lower_ not in forms or tok.pos_ != "VERB":
            continue
        if inside(tok.idx, tok.idx + len(tok.text), out["cues"]) or inside(tok.idx, tok.idx + len(tok.text), out["claims"]):
            continue
        comp = [c for c in tok.children if c.dep_ in modes]
        subj = [c for c in tok.children if c.dep_ in ("nsubj",)]
        if not comp or not subj:
            continue
        cs = span_of(comp[0])
        if cs is None or inside(*cs, out["claims"]):
            continue
        ss = span_of(subj[0])
        src = None
        for j, s in enumerate(out["sources"]):
            if ss and s["start"] < ss[1] and ss[0] < s["end"]:
                src = j
        if src is None and ss:
            if subj[0].lower_ in NOT_SPEAKERS:
                continue
            out["sources"].append({"start": ss[0], "end": ss[1], "text": text[ss[0]:ss[1]], "type": "person", "rule": "parse"})
            src = len(out["sources"]) - 1
        out["cues"].append({"start": tok.idx, "end": tok.idx + len(tok.text), "text": tok.text, "rule": "parse"})
        out["claims"].append({"start": cs[0], "end": cs[1], "source": src, "cue": len(out["cues"]) - 1,
                              "attribution": "indirect", "certainty": "certain", "rule": "parse"})
    return out

def main() -> None:
    nlp = spacy.load(sys.argv[1])
    modes = sys.argv[2].split(",") if len(sys.argv) > 2 else ["ccomp", "obj", "fill"]
    forms = reporting_forms()
    for half, arts in english_halves():
        if half != "rules":
            continue  # the held-out half is never read while writing rules
        texts = [t for t, _ in arts]
        base, plus = Tally(), Tally()
        for (text, gold), pred, doc in zip(arts, suggest_many(texts, language="en"),
                                           nlp.pipe(texts), strict=True):
            score_article(pred, gold, base)
            score_article(add_parse(text, pred, doc, modes, forms), gold, plus)
        for name, t in (("rules", base), ("rules+parse", plus)):
            f = t.figures()
            print(name, " ".join(f"{k}={f[k]:.3f}" for k in (
                "source_p", "source_r", "source_f1", "cue_f1", "claim_p", "claim_r", "claim_f1",
                "link_acc")))


if __name__ == "__main__":
    main()

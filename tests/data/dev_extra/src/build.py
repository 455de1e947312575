#!/usr/bin/env python3
"""Build the held-out dev set (tests/data/dev_extra) article texts and gold.json from the marked-up sources in this folder.

Usage: python3 build.py            (rebuilds ../nl, ../en from ./nl/*.ann, ./en/*.ann)
       python3 build.py nl         (one language only)

Markup (stdlib only, nested spans allowed; the marks never appear in the output text):
  ⟦S id type|text⟧          a source mention; type: per ins med soc ano doc
  ⟦C id|text⟧               a cue
  ⟦K src cue att cert|text⟧ a claim; src/cue are ids or '-', att: dir ind una,
                            cert: cer pro pos unc
The first line of an .ann file is '# ' followed by the article's one-line notes.
"""
import hashlib
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
TYPES = {"per": "person", "ins": "institution", "med": "news_media",
         "soc": "social_media", "ano": "anonymous", "doc": "document"}
ATT = {"dir": "direct", "ind": "indirect", "una": "unattributed"}
CERT = {"cer": "certain", "pro": "probable", "pos": "possible", "unc": "uncertain"}
OPEN_MARKS = "‘“„«'\""
CLOSE_MARKS = "’”»'\""


def parse(markup):
    out, stack, spans = [], [], []
    i = 0
    while i < len(markup):
        ch = markup[i]
        if ch == "⟦":
            j = markup.index("|", i)
            stack.append((markup[i + 1:j].split(), len(out)))
            i = j + 1
        elif ch == "⟧":
            header, start = stack.pop()
            spans.append((header, start, len(out)))
            i += 1
        else:
            out.append(ch)
            i += 1
    if stack:
        raise ValueError(f"unclosed span {stack}")
    return "".join(out), spans


def build_article(path):
    raw = path.read_text(encoding="utf-8")
    first, _, markup = raw.partition("\n")
    if not first.startswith("# "):
        raise ValueError(f"{path}: first line must be '# notes'")
    notes = first[2:].strip()
    text, spans = parse(markup)
    warnings = []
    srcs, cues, claims = [], [], []
    for header, s, e in spans:
        kind = header[0]
        if kind == "S":
            _, sid, t = header
            srcs.append((s, e, sid, TYPES[t]))
        elif kind == "C":
            _, cid = header
            cues.append((s, e, cid))
        elif kind == "K":
            _, sid, cid, a, c = header
            claims.append((s, e, sid, cid, ATT[a], CERT[c]))
        else:
            raise ValueError(f"{path}: bad header {header}")
    srcs.sort()
    cues.sort()
    claims.sort()
    sidx = {}
    for n, (_, _, sid, _) in enumerate(srcs):
        if sid in sidx:
            raise ValueError(f"{path}: duplicate source id {sid}")
        sidx[sid] = n
    cidx = {}
    for n, (_, _, cid) in enumerate(cues):
        if cid in cidx:
            raise ValueError(f"{path}: duplicate cue id {cid}")
        cidx[cid] = n
    used_s, used_c = set(), set()
    out_claims = []
    for s, e, sid, cid, a, c in claims:
        if sid != "-" and sid not in sidx or cid != "-" and cid not in cidx:
            raise ValueError(f"{path}: claim refers to unknown source {sid!r} or cue {cid!r}")
        si = None if sid == "-" else sidx[sid]
        ci = None if cid == "-" else cidx[cid]
        used_s.add(si)
        used_c.add(ci)
        span = text[s:e]
        if a == "direct":
            before = text[s - 1] if s else "\n"
            after = text[e] if e < len(text) else "\n"
            if before not in OPEN_MARKS and before != "\n":
                warnings.append(f"direct claim not after an opening mark: {span[:40]!r}")
            if after not in CLOSE_MARKS and after != "\n" and not text[e:].startswith(" — ") and not text[e:e + 2] in {",’", ",”", ",'", ",\""}:
                warnings.append(f"direct claim not before a closing mark: {span[-40:]!r}")
        low = span.lower()
        if a == "indirect" and low.split(" ", 1)[0] in {"dat", "that", "of", "whether"}:
            warnings.append(f"indirect claim starts with a complementizer: {span[:40]!r}")
        if a != "direct" and span.endswith((".", ",", ";", ":")):
            warnings.append(f"non-direct claim ends with punctuation: {span[-40:]!r}")
        if any(m in span for m in "⟦⟧|"):
            warnings.append(f"markup residue in claim: {span[:40]!r}")
        out_claims.append({"start": s, "end": e, "source": si, "cue": ci,
                           "attribution": a, "certainty": c})
    for n, (s, e, sid, t) in enumerate(srcs):
        first_word = text[s:e].split(" ", 1)[0].lower()
        if first_word in {"aan", "op", "in", "tegen", "tegenover", "via", "on", "to", "in", "via"}:
            warnings.append(f"source span starts with a preposition: {text[s:e]!r}")
        if n not in used_s:
            warnings.append(f"unlinked source (channel?) {text[s:e]!r} {t}")
    for n, (s, e, cid) in enumerate(cues):
        if n not in used_c:
            warnings.append(f"UNUSED CUE {text[s:e]!r}")
    art = {
        "id": path.stem,
        "text_file": path.stem + ".txt",
        "text_length": len(text),
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "sources": [{"start": s, "end": e, "text": text[s:e], "type": t} for s, e, _, t in srcs],
        "cues": [{"start": s, "end": e, "text": text[s:e]} for s, e, _ in cues],
        "claims": out_claims,
        "notes": notes,
    }
    return text, art, warnings


def main(here=HERE):
    """Build the sets whose .ann sources are under `here` (another set's wrapper passes its own)."""
    for lang in (sys.argv[1:] or ["nl", "en"]):
        (here.parent / lang).mkdir(exist_ok=True)
        arts = []
        for p in sorted((here / lang).glob("*.ann")):
            text, art, warnings = build_article(p)
            (here.parent / lang / (p.stem + ".txt")).write_text(text, encoding="utf-8", newline="\n")
            arts.append(art)
            words = len(text.split())
            print(f"{lang}/{p.stem}: {words} words, {len(art['sources'])} sources, "
                  f"{len(art['cues'])} cues, {len(art['claims'])} claims")
            for w in warnings:
                print("   ", w)
        with open(here.parent / lang / "gold.json", "w", encoding="utf-8", newline="\n") as f:
            json.dump({"articles": arts}, f, ensure_ascii=False, indent=1)
            f.write("\n")


if __name__ == "__main__":
    sys.exit(main())

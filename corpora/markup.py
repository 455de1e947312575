"""The inline markup the project codes articles in (tests/data/dev/src/build.py), both ways.

    ⟦S id type|text⟧          a source mention; type: per ins med soc ano doc
    ⟦C id|text⟧               a cue
    ⟦K src cue att cert|text⟧ a claim; src/cue are ids or '-'; att: dir ind una;
                              cert: cer pro pos unc
The first line of an .ann file is '# ' followed by the article's one-line notes. Spans nest.
`read_markup` gives standoff (offsets into the plain text, list indices for links);
`write_markup` turns standoff and the text back into markup a coder can edit.
"""

from __future__ import annotations

from corpora.snapshot import CorpusError

TYPES = {"per": "person", "ins": "institution", "med": "news_media",
         "soc": "social_media", "ano": "anonymous", "doc": "document"}
ATT = {"dir": "direct", "ind": "indirect", "una": "unattributed"}
CERT = {"cer": "certain", "pro": "probable", "pos": "possible", "unc": "uncertain"}
OPEN, CLOSE, BAR = "⟦", "⟧", "|"


def _short(table: dict[str, str]) -> dict[str, str]:
    return {v: k for k, v in table.items()}


def parse(markup: str, where: str) -> tuple[str, list[tuple[list[str], int, int]]]:
    """Plain text and (header words, start, end) of every span."""
    out: list[str] = []
    stack: list[tuple[list[str], int]] = []
    spans = []
    i = 0
    while i < len(markup):
        ch = markup[i]
        if ch == OPEN:
            j = markup.find(BAR, i)
            if j < 0:
                raise CorpusError(f"{where}: span header without '|' at character {i}")
            stack.append((markup[i + 1:j].split(), len(out)))
            i = j + 1
            continue
        if ch == CLOSE:
            if not stack:
                raise CorpusError(f"{where}: '⟧' without an open span at character {i}")
            header, start = stack.pop()
            spans.append((header, start, len(out)))
        else:
            out.append(ch)
        i += 1
    if stack:
        raise CorpusError(f"{where}: unclosed span {' '.join(stack[-1][0])!r}")
    return "".join(out), spans


def read_markup(raw: str, where: str) -> tuple[str, dict]:
    """(text, {sources, cues, claims, notes}) from one .ann file; ids become list indices."""
    first, _, markup = raw.partition("\n")
    if not first.startswith("# "):
        raise CorpusError(f"{where}: the first line must be '# ' and the article's notes")
    text, spans = parse(markup, where)
    srcs, cues, claims = [], [], []
    try:
        for header, s, e in spans:
            if header[0] == "S" and len(header) == 3:
                srcs.append((s, e, header[1], TYPES[header[2]]))
            elif header[0] == "C" and len(header) == 2:
                cues.append((s, e, header[1]))
            elif header[0] == "K" and len(header) == 5:
                claims.append((s, e, header[1], header[2], ATT[header[3]], CERT[header[4]]))
            else:
                raise KeyError(" ".join(header))
    except (KeyError, IndexError) as exc:
        raise CorpusError(f"{where}: bad span header {exc}") from exc
    srcs.sort()
    cues.sort()
    claims.sort()
    sidx = _index([x[2] for x in srcs], "source", where)
    cidx = _index([x[2] for x in cues], "cue", where)
    out_claims = []
    for s, e, sid, cid, att, cert in claims:
        for ref, table, kind in ((sid, sidx, "source"), (cid, cidx, "cue")):
            if ref != "-" and ref not in table:
                raise CorpusError(f"{where}: claim at {s} names {kind} {ref!r}, which is not marked")
        out_claims.append({"start": s, "end": e, "source": sidx.get(sid), "cue": cidx.get(cid),
                           "attribution": att, "certainty": cert})
    coding = {"sources": [{"start": s, "end": e, "type": t} for s, e, _, t in srcs],
              "cues": [{"start": s, "end": e} for s, e, _ in cues],
              "claims": out_claims, "notes": first[2:].strip()}
    return text, coding


def _index(ids: list[str], kind: str, where: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for n, ident in enumerate(ids):
        if ident in out:
            raise CorpusError(f"{where}: {kind} id {ident!r} is used twice")
        out[ident] = n
    return out


def _source_id(n: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[n] if n < len(letters) else f"s{n}"


def write_markup(text: str, coding: dict, where: str) -> str:
    """The .ann file for `text` coded as `coding` (standoff with list-index links)."""
    if OPEN in text or CLOSE in text:
        raise CorpusError(f"{where}: the text holds a markup bracket (⟦ or ⟧)")
    types, atts, certs = _short(TYPES), _short(ATT), _short(CERT)
    spans = []  # (start, end, header)
    for n, src in enumerate(coding["sources"]):
        spans.append((src["start"], src["end"], f"S {_source_id(n)} {types[src['type']]}"))
    for n, cue in enumerate(coding["cues"]):
        spans.append((cue["start"], cue["end"], f"C {n + 1}"))
    for k in coding["claims"]:
        sid = "-" if k["source"] is None else _source_id(k["source"])
        cid = "-" if k["cue"] is None else str(k["cue"] + 1)
        spans.append((k["start"], k["end"],
                      f"K {sid} {cid} {atts[k['attribution']]} {certs[k['certainty']]}"))
    _check_nesting(spans, where)
    opens: dict[int, list[tuple[int, str]]] = {}
    closes: dict[int, int] = {}
    for s, e, header in spans:
        opens.setdefault(s, []).append((e, header))
        closes[e] = closes.get(e, 0) + 1
    out = []
    for i in range(len(text) + 1):
        out.append(CLOSE * closes.get(i, 0))
        # the longer span opens first, so that it encloses the shorter one
        for _, header in sorted(opens.get(i, []), key=lambda x: -x[0]):
            out.append(f"{OPEN}{header}{BAR}")
        if i < len(text):
            out.append(text[i])
    notes = " ".join(coding.get("notes", "").split())
    return f"# {notes}\n" + "".join(out)


def _check_nesting(spans: list[tuple[int, int, str]], where: str) -> None:
    """Markup can only hold spans that nest or are disjoint; empty spans cannot be written."""
    ordered = sorted(spans, key=lambda x: (x[0], -x[1]))
    stack: list[tuple[int, int, str]] = []
    for s, e, header in ordered:
        if e <= s:
            raise CorpusError(f"{where}: empty span {header!r} at {s}")
        while stack and stack[-1][1] <= s:
            stack.pop()
        if stack and e > stack[-1][1]:
            raise CorpusError(f"{where}: spans {stack[-1][2]!r} and {header!r} overlap "
                              "without nesting")
        stack.append((s, e, header))

#!/usr/bin/env python3
"""PolNeAR (networkdynamics/PolNeAR, brat standoff) -> the project's gold JSON, train/dev only.

    python3 -m corpora.polnear.convert [--snapshot DIR] [--out DIR]

Writes, under the gitignored cache (corpora/.cache/en/ by default), one folder per half of
PolNeAR dev listed in split.json (`rules`, `heldout`) and `train`, each with the texts and a
gold.json that `annotator evaluate` reads. Every text's sha256 is checked against split.json.
The `test` compartment is refused: it is kept for independent evaluation and never read.
How PolNeAR's attributions become claims: README.md beside this file; the rules are data in
conversion_rules.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from corpora.snapshot import CACHE, CorpusError, Snapshot, find_snapshot, sha256_text

HERE = Path(__file__).resolve().parent
REPO = "networkdynamics/PolNeAR"
ENV_VAR = "POLNEAR_SNAPSHOT"
ALLOWED = ("train", "dev")
SPLIT_FILE = HERE / "split.json"
RULES_FILE = HERE / "conversion_rules.json"


@dataclass
class Entity:
    label: str
    fragments: list[tuple[int, int]]


@dataclass
class Event:
    kind: str  # Attribution or Attribution-no-source
    args: dict[str, list[str]] = field(default_factory=dict)


def check_compartment(name: str) -> None:
    """Refuse every compartment but train and dev (test is for independent evaluation)."""
    if name not in ALLOWED:
        raise CorpusError(f"PolNeAR compartment {name!r} refused: only {', '.join(ALLOWED)} "
                          "may be read (test is kept for independent evaluation)")


def parse_brat(ann: str, where: str = "<ann>") -> tuple[dict[str, Entity], list[Event]]:
    """Text-bound entities and events of a brat .ann file; notes and attributes are skipped."""
    entities: dict[str, Entity] = {}
    events: list[Event] = []
    for n, line in enumerate(ann.splitlines(), 1):
        if not re.match(r"[TE]\d+\t", line):
            continue  # notes, attributes, relations, and the lines of an entity text with breaks
        parts = line.split("\t")
        try:
            if line[0] == "T":
                label, _, spans = parts[1].partition(" ")
                frags = [tuple(int(x) for x in frag.split()) for frag in spans.split(";")]
                entities[parts[0]] = Entity(label, [(f[0], f[1]) for f in frags])
            elif line[0] == "E":
                args = parts[1].split()
                kind = args[0].split(":")[0]
                event = Event(kind)
                for arg in args[1:]:
                    role, _, target = arg.partition(":")
                    event.args.setdefault(re.sub(r"\d+$", "", role), []).append(target)
                events.append(event)
        except (IndexError, ValueError) as exc:
            raise CorpusError(f"{where}: line {n}: not brat standoff ({exc})") from exc
    return entities, events


def load_rules(path: Path | None = None) -> dict:
    return json.loads((path or RULES_FILE).read_text(encoding="utf-8"))


class Converter:
    """One article's PolNeAR attributions -> codebook sources, cues and claims."""

    def __init__(self, rules: dict) -> None:
        self.rules = rules
        self.actions = set(rules["action_cues"]["first_words"])
        self.refusal_words = set(rules["refusals"]["first_words"])
        self.refusal_content = re.compile(rules["refusals"]["content_pattern"])
        self.punct_cue = re.compile(rules["punctuation_cue"])
        self.marks: dict[str, dict[str, list[str]]] = {
            fam: marks for fam, marks in rules["quote_marks"].items() if fam != "about"}
        # longest first, so that '' is read as one mark and not as two apostrophes
        self.openers = sorted(((m, fam) for fam, marks in self.marks.items() for m in marks["open"]),
                              key=lambda x: -len(x[0]))
        self.lead = re.compile(r"^(?:{})\s+".format("|".join(rules["lead_words"])), re.I)
        self.skipped: dict[str, int] = {}
        types = rules["source_types"]
        self.type_res = [(kind, _words_re(types[kind])) for kind in types["order"]]
        cert = rules["certainty"]
        self.level_res = {where: [(lv, _words_re(cert[where][lv]))
                                  for lv in ("uncertain", "possible", "probable")]
                          for where in ("cue", "no_source_cue", "content")}

    # -- public ----------------------------------------------------------------------------
    def convert(self, text: str, ann: str, art_id: str, where: str = "<ann>") -> dict:
        entities, events = parse_brat(ann, where)
        for ent in entities.values():
            for s, e in ent.fragments:
                if not 0 <= s <= e <= len(text):
                    raise CorpusError(f"{where}: span {s}-{e} outside the text ({len(text)})")
        sources: dict[tuple[int, int], str] = {}
        cues: set[tuple[int, int]] = set()
        claims: list[dict] = []
        for event in events:
            self._event(text, entities, event, sources, cues, claims)
        return self._assemble(text, art_id, sources, cues, claims)

    # -- one attribution ---------------------------------------------------------------------
    def _event(self, text: str, ents: dict[str, Entity], event: Event,
               sources: dict, cues: set, claims: list) -> None:
        content = sorted(f for t in event.args.get("Content", []) if t in ents
                         for f in ents[t].fragments)
        if not content:
            return self._skip("no content")
        cue_frags = [f for t in event.args.get("Cue", []) if t in ents for f in ents[t].fragments]
        cue = _word_bounds(text, *_trim(text, *min(cue_frags))) if cue_frags else None
        cue_text = text[cue[0]:cue[1]].lower() if cue else ""
        first_word = cue_text.split()[0] if cue_text.split() else ""
        if first_word in self.actions:
            return self._skip("action cue")
        content_text = " ".join(text[s:e] for s, e in content).strip()
        if first_word in self.refusal_words and self.refusal_content.match(content_text.lower()):
            return self._skip("refusal to comment")
        if cue and self.punct_cue.match(text[cue[0]:cue[1]]):
            cue = None  # colon and dash quotes: cue null, as in the project's own sets
        src_frags = [f for t in event.args.get("Source", []) if t in ents
                     for f in ents[t].fragments]
        if event.kind == "Attribution-no-source" or not src_frags:
            return self._unattributed(text, content, cue, cue_text, claims)
        src = _word_bounds(text, *_trim(text, min(s for s, _ in src_frags),
                                        max(e for _, e in src_frags)))
        sources.setdefault(src, self.source_type(text[src[0]:src[1]]))
        if cue:
            cues.add(cue)
        for s, e, para, runs_on in self._pieces(text, content):
            claim = self._claim(text, s, e, cue_text, runs_on)
            if claim:
                # a paragraph continuing a quote has cue null (project convention)
                claim.update(source_span=src, cue_span=None if para else cue)
                claims.append(claim)
        return None

    def _unattributed(self, text: str, content: list, cue: tuple[int, int] | None,
                      cue_text: str, claims: list) -> None:
        # the hull of the pieces: a hedge cue standing between them stays inside the claim
        s, e = _trim(text, content[0][0], content[-1][1])
        body = self._strip_indirect(text, s, e)
        if body is None:
            return self._skip("empty content")
        level = (self._level(cue_text) or self._level(cue_text, "no_source_cue")
                 or self._level(self._first_clause(text[body[0]:body[1]]), "content"))
        if not level or level == "certain":
            return self._skip("no-source attribution without a hedge")
        claims.append({"start": body[0], "end": body[1], "attribution": "unattributed",
                       "certainty": level, "source_span": None, "cue_span": None})
        return None

    # -- claims --------------------------------------------------------------------------------
    def _pieces(self, text: str, frags: list[tuple[int, int]]) -> list[tuple[int, int, bool, bool]]:
        """(start, end, continues a paragraph before, runs on past its end) of each claim piece.

        Fragments are joined across gaps without words, and across a tag inside reported speech;
        a tag between quotes makes two pieces. Pieces are split at blank lines (a quote over
        paragraphs is one claim per paragraph).
        """
        merged: list[list[int]] = []
        for s, e in frags:
            gap = text[merged[-1][1]:s] if merged else ""
            # a gap without words joins; a tag inside reported speech ("The plan, she said, is
            # dead") stays inside the claim, as the project codes it; a tag between quotes splits
            if merged and (not re.search(r"\w", gap) or "\n\n" not in gap and not (
                    self._quoted(text, *merged[-1]) or self._quoted(text, s, e))):
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        out = []
        for s, e in merged:
            paras = [(s + m.start(), s + m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*",
                                                                        text[s:e])]
            for n, (ps, pe) in enumerate(paras):
                out.append((ps, pe, n > 0, n < len(paras) - 1))
        return out

    def _claim(self, text: str, s: int, e: int, cue_text: str, runs_on: bool) -> dict | None:
        s, e = _trim(text, s, e)
        lead = self.lead.match(text[s:e])
        if lead:
            s += lead.end()  # 'that "..."': the quote after the complementiser
        if s >= e:
            return None
        direct = self._direct(text, s, e, runs_on)
        if direct:
            s, e = direct
            level = self._level(cue_text) or "certain"
            kind = "direct"
        else:
            body = self._strip_indirect(text, s, e)
            if body is None:
                return None
            s, e = body
            level = (self._level(cue_text)
                     or self._level(self._first_clause(_unquoted(text[s:e])), "content")
                     or "certain")
            kind = "indirect"
        return {"start": s, "end": e, "attribution": kind, "certainty": level}

    def _direct(self, text: str, s: int, e: int, runs_on: bool = False) -> tuple[int, int] | None:
        """The span inside the marks when [s, e) is one whole quotation, else None.

        `runs_on`: the quote goes on in the next paragraph, so this one has no closing mark.
        """
        opened = self._opening(text, s)
        if opened is None:
            return None
        family, inner_s = opened
        closers = self.marks[family]["close"]
        end = e
        while end - 2 > inner_s and text[end - 1] in ",.;:" and \
                any(text.endswith(c, 0, end - 1) for c in closers):
            end -= 1  # `”.` or `”,`: punctuation after the closing mark
        inner_e = next((end - len(c) for c in closers
                        if text.endswith(c, 0, end) and end - len(c) > inner_s), None)
        if inner_e is None:
            after = text[e + 1:] if text[e:e + 1] in {",", "."} else text[e:]
            if not (runs_on or any(after.startswith(c) for c in closers)):
                return None
            inner_e = e
        inner = text[inner_s:inner_e]
        inside = self.marks[family]["open"] + (closers if family == "double" else [])
        if any(mark in inner for mark in inside):
            return None  # several quotes or quote plus paraphrase: an indirect claim
        while inner_e > inner_s and text[inner_e - 1] in ", ":
            inner_e -= 1  # English puts the tag's comma inside the mark; it is not the quote's
        return (inner_s, inner_e) if inner_e > inner_s else None

    def _opening(self, text: str, s: int) -> tuple[str, int] | None:
        """(family, start of the quoted words) when a quote opens at or just before `s`."""
        for mark, family in self.openers:
            if text.startswith(mark, s):
                return family, s + len(mark)
        for mark, family in self.openers:
            if text.endswith(mark, 0, s):
                return family, s
        return None

    def _quoted(self, text: str, s: int, e: int) -> bool:
        """Whether a content fragment starts or ends at a quote mark (direct speech)."""
        s, e = _trim(text, s, e)
        marks = {m for fam in self.marks.values() for m in fam["open"] + fam["close"]}
        near = text[max(0, s - 2):s + 2] + text[max(0, e - 3):e + 2]
        return any(m in near for m in marks)

    def _strip_indirect(self, text: str, s: int, e: int) -> tuple[int, int] | None:
        m = self.lead.match(text[s:e])
        if m:
            s += m.end()
        while e > s and text[e - 1] in ".,;: ":
            e -= 1
        return (s, e) if e > s else None

    def _first_clause(self, content: str) -> str:
        words = re.split(r"[,;:]", content, maxsplit=1)[0].split()
        return " ".join(words[: self.rules["certainty"]["content_first_clause_words"]])

    def _level(self, phrase: str, where: str = "cue") -> str | None:
        low = phrase.lower()
        return next((level for level, rx in self.level_res[where] if rx.search(low)), None)

    def source_type(self, span: str) -> str:
        low = span.lower()
        return next((kind for kind, rx in self.type_res if rx.search(low)), "person")

    def _skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1

    # -- output ---------------------------------------------------------------------------------
    @staticmethod
    def _assemble(text: str, art_id: str, sources: dict, cues: set, claims: list) -> dict:
        src_list = sorted(sources)
        cue_list = sorted(cues)
        s_index = {span: n for n, span in enumerate(src_list)}
        c_index = {span: n for n, span in enumerate(cue_list)}
        out_claims = []
        for c in sorted(claims, key=lambda c: (c["start"], c["end"])):
            out_claims.append({
                "start": c["start"], "end": c["end"],
                "source": s_index.get(c["source_span"]) if c["source_span"] else None,
                "cue": c_index.get(c["cue_span"]) if c["cue_span"] else None,
                "attribution": c["attribution"], "certainty": c["certainty"]})
        return {
            "id": art_id, "text_file": f"{art_id}.txt", "text_length": len(text),
            "text_sha256": sha256_text(text),
            "sources": [{"start": s, "end": e, "text": text[s:e], "type": sources[(s, e)]}
                        for s, e in src_list],
            "cues": [{"start": s, "end": e, "text": text[s:e]} for s, e in cue_list],
            "claims": out_claims,
            "notes": "converted from PolNeAR (silver source types and certainty)",
        }


def _words_re(words: list[str]) -> re.Pattern[str]:
    """Any of `words` as a whole word or phrase."""
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _word_bounds(text: str, s: int, e: int) -> tuple[int, int]:
    """A span that cuts a word (PolNeAR has a few, 'Clinton' marked as 't') takes the whole word."""
    if s >= e:
        return s, e
    while s > 0 and text[s - 1].isalnum() and text[s].isalnum():
        s -= 1
    while e < len(text) and text[e].isalnum() and text[e - 1].isalnum():
        e += 1
    return s, e


def _unquoted(content: str) -> str:
    """The content with quoted stretches blanked, so a modal inside a quote is no hedge."""
    return re.sub(r"“[^”]*”|\"[^\"]*\"", " ", content)


# -- the corpus -------------------------------------------------------------------------------
def load_split(path: Path | None = None) -> dict:
    return json.loads((path or SPLIT_FILE).read_text(encoding="utf-8"))


def compartment_articles(snap: Snapshot, compartment: str) -> dict[str, str]:
    """article id -> its attribution file (the first annotator's file, sorted by name)."""
    check_compartment(compartment)
    out: dict[str, str] = {}
    for path in snap.list(f"data/{compartment}/attributions"):
        art_id = Path(path).stem.rsplit("_", 1)[0]
        out.setdefault(art_id, path)
    return out


def convert_articles(snap: Snapshot, compartment: str, wanted: list[dict] | None,
                     converter: Converter) -> list[tuple[str, dict]]:
    """(text, gold article) for the compartment's articles, or the `wanted` entries of split.json."""
    available = compartment_articles(snap, compartment)
    entries = wanted if wanted is not None else [{"id": i} for i in sorted(available)]
    paths = []
    for entry in entries:
        if entry["id"] not in available:
            raise CorpusError(f"{snap.path}: PolNeAR {compartment} has no article {entry['id']}")
        paths += [f"data/{compartment}/text/{entry['id']}.txt", available[entry["id"]]]
    files = snap.read_many(paths)
    out = []
    for entry in entries:
        text = files[f"data/{compartment}/text/{entry['id']}.txt"]
        want = entry.get("text_sha256")
        if want and sha256_text(text) != want:
            raise CorpusError(f"{snap.path}: text of {entry['id']} has sha256 "
                              f"{sha256_text(text)[:12]}..., split.json expects {want[:12]}...: "
                              "a different PolNeAR version")
        ann_path = available[entry["id"]]
        out.append((text, converter.convert(text, files[ann_path], entry["id"], ann_path)))
    return out


def make_split(snap: Snapshot, seed: int = 20261203) -> dict:
    """Two fixed halves of PolNeAR dev, alternating within each publisher after a seeded shuffle."""
    import random

    rng = random.Random(seed)
    ids = sorted(compartment_articles(snap, "dev"))
    texts = snap.read_many(f"data/dev/text/{i}.txt" for i in ids)
    by_pub: dict[str, list[str]] = {}
    for i in ids:
        by_pub.setdefault(i.split("_", 1)[0], []).append(i)
    halves: dict[str, list[dict]] = {"rules": [], "heldout": []}
    turn = 0
    for pub in sorted(by_pub):
        rng.shuffle(by_pub[pub])
        for i in by_pub[pub]:
            half = ("rules", "heldout")[turn % 2]
            turn += 1
            halves[half].append({"id": i, "text_sha256": sha256_text(texts[f"data/dev/text/{i}.txt"])})
    for entries in halves.values():
        entries.sort(key=lambda x: x["id"])
    return {"source": f"github.com/{REPO}", "compartment": "dev", "seed": seed,
            "how": "make_split(): per publisher, seeded shuffle, alternate rules/heldout",
            "halves": halves}


def write_folder(folder: Path, articles: list[tuple[str, dict]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for text, art in articles:
        (folder / art["text_file"]).write_text(text, encoding="utf-8", newline="\n")
    with open(folder / "gold.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump({"articles": [art for _, art in articles]}, f, ensure_ascii=False, indent=1)
        f.write("\n")


def build(snapshot: Path, out: Path, with_train: bool = False) -> dict[str, int]:
    """Rebuild the halves (and optionally train) under `out`; returns articles per folder."""
    snap = Snapshot(snapshot)
    split = load_split()
    converter = Converter(load_rules())
    counts = {}
    for half, entries in split["halves"].items():
        arts = convert_articles(snap, split["compartment"], entries, converter)
        write_folder(out / half, arts)
        counts[half] = len(arts)
    if with_train:
        arts = convert_articles(snap, "train", None, converter)
        write_folder(out / "train", arts)
        counts["train"] = len(arts)
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--snapshot", type=Path, help=f"copy of github.com/{REPO} (${ENV_VAR})")
    ap.add_argument("--out", type=Path, default=CACHE / "en")
    ap.add_argument("--train", action="store_true", help="also convert the train compartment")
    ap.add_argument("--compartment", default="dev",
                    help="dev (the halves in split.json) or train; test is refused")
    args = ap.parse_args(argv)
    try:
        check_compartment(args.compartment)
        with_train = args.train or args.compartment == "train"
        snapshot = find_snapshot(REPO, ENV_VAR, args.snapshot)
        if snapshot is None:
            raise CorpusError(f"no copy of PolNeAR: git clone https://github.com/{REPO} "
                              f"{CACHE / 'PolNeAR'} (or set ${ENV_VAR})")
        counts = build(snapshot, args.out, with_train)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for half, n in counts.items():
        print(f"{args.out / half}: {n} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())

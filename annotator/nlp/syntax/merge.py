"""Put the parse rules' findings into the token rules' result, adding only.

A token-rule suggestion is never removed or moved: a parse finding whose cue or claim overlaps
one the rules made is dropped, and the only change to a rules claim is a speaker for one that
has none. New items go at the end of their lists, so every index a claim holds stays valid.
"""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True)
class Finding:
    """What one parse-rule match proposes, in text offsets."""

    rule: str
    action: str            # "add" (cue, claim, source) or "speaker" (source for a rules claim)
    cue: Span
    source: Span | None
    claim: Span | None = None
    certainty: str = "certain"
    source_type: str = "person"


def overlaps(a: Span, items: list[dict]) -> bool:
    return any(a[0] < x["end"] and x["start"] < a[1] for x in items)


def add_findings(text: str, result: dict, findings: list[Finding]) -> dict:
    """`result` with the findings that add something; a new dict, `result` is left as it was."""
    out = {**result, "sources": [dict(s) for s in result["sources"]],
           "cues": [dict(c) for c in result["cues"]], "claims": [dict(c) for c in result["claims"]]}
    rules_claims = list(out["claims"])  # only the token rules' claims receive a speaker
    for found in findings:
        if found.action == "speaker":
            _give_speaker(text, out, rules_claims, found)
        elif found.action == "add":
            _add_claim(text, out, found)
    return out


def _give_speaker(text: str, out: dict, rules_claims: list[dict], found: Finding) -> None:
    if found.source is None:
        return
    for claim in rules_claims:
        if claim["source"] is not None or claim["cue"] is None:
            continue
        cue = out["cues"][claim["cue"]]
        if not overlaps(found.cue, [cue]) or overlaps(found.source, [claim]):
            continue
        claim["source"] = _source_index(text, out, found)


def _add_claim(text: str, out: dict, found: Finding) -> None:
    if found.claim is None or found.source is None:
        return
    if overlaps(found.cue, out["cues"]) or overlaps(found.cue, out["claims"]) \
            or overlaps(found.claim, out["claims"]) or overlaps(found.source, [_as_item(found.claim)]):
        return
    source = _source_index(text, out, found)
    out["cues"].append({"start": found.cue[0], "end": found.cue[1],
                        "text": text[found.cue[0]:found.cue[1]], "rule": found.rule})
    out["claims"].append({"start": found.claim[0], "end": found.claim[1], "source": source,
                          "cue": len(out["cues"]) - 1, "attribution": "indirect",
                          "certainty": found.certainty, "rule": found.rule})


def _source_index(text: str, out: dict, found: Finding) -> int:
    """The source overlapping the finding's speaker, else a new one."""
    assert found.source is not None
    for k, src in enumerate(out["sources"]):
        if overlaps(found.source, [src]):
            return k
    start, end = found.source
    out["sources"].append({"start": start, "end": end, "text": text[start:end],
                           "type": found.source_type, "rule": found.rule})
    return len(out["sources"]) - 1


def _as_item(span: Span) -> dict:
    return {"start": span[0], "end": span[1]}

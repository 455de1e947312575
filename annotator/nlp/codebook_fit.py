"""Fit suggestions to a project's codebook.

The rules suggest the default codebook's codes (`type` of a source; `attribution` and `certainty`
of a claim). A project with another codebook gets only the variables and values whose codes
match: a field whose variable the codebook lacks (at that level, as a categorical variable) or
whose value it does not list is left empty (None), and a note says so. Spans and links are kept.
This module needs no spaCy.
"""

from __future__ import annotations

from typing import Any, Protocol

# payload list, field, codebook level: the variables the suggester fills
FIELDS = (("sources", "type", "source"), ("claims", "attribution", "claim"),
          ("claims", "certainty", "claim"))


class _Variable(Protocol):
    name: str
    level: str

    @property
    def is_categorical(self) -> bool: ...

    def codes(self) -> list[str]: ...


class _Codebook(Protocol):
    @property  # read-only: the Codebook is a frozen dataclass
    def name(self) -> str: ...

    def at_level(self, level: str) -> list[Any]: ...


def fit_to_codebook(payload: dict[str, Any], codebook: _Codebook) -> tuple[dict[str, Any], list[str]]:
    """A copy of `payload` holding only codes that `codebook` has, and notes on what was left out."""
    out = {**payload, "sources": [dict(s) for s in payload.get("sources", [])],
           "cues": [dict(c) for c in payload.get("cues", [])],
           "claims": [dict(c) for c in payload.get("claims", [])]}
    notes: list[str] = []
    for key, name, level in FIELDS:
        items = [item for item in out[key] if item.get(name) is not None]
        if not items:
            continue
        variable = next((v for v in codebook.at_level(level) if v.name == name), None)
        if variable is None or not variable.is_categorical:
            for item in items:
                item[name] = None
            notes.append(f"codebook {codebook.name!r} has no categorical {level} variable {name!r}: "
                         f"{len(items)} suggested {name} value(s) left empty")
            continue
        codes = set(variable.codes())
        missing: dict[str, int] = {}
        for item in items:
            if item[name] not in codes:
                missing[item[name]] = missing.get(item[name], 0) + 1
                item[name] = None
        for code, n in sorted(missing.items()):
            notes.append(f"codebook {codebook.name!r} has no value {code!r} for {name!r}: "
                         f"left empty in {n} suggestion(s)")
    return out, notes


def merge_notes(seen: dict[str, int], notes: list[str]) -> None:
    """Count notes over many articles (a project run reports each kind once)."""
    for note in notes:
        key = note.split(":", 1)[0]
        seen[key] = seen.get(key, 0) + 1

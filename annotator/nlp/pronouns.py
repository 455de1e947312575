"""After the rules: pronoun and role-noun sources take the type of the speaker they refer to."""

from __future__ import annotations

from annotator.nlp import sourcetype
from annotator.nlp.discourse import CHANNEL_TYPES, Discourse, Src


def resolve_pronouns(d: Discourse) -> None:
    """Pronoun sources take the type of the nearest speaker before them."""
    last: Src | None = None
    personal: Src | None = None  # the last person or anonymous speaker: what "he"/"hij" refers to
    anon_heads: set[str] = set()
    for src in sorted(d.sources.values(), key=lambda s: s.i):
        if src.type == "anonymous":
            anon_heads.update(w for w in d.t.lowers[src.i:src.j] if len(w) > 3)
        elif refers_back(d, src, anon_heads):
            src.type = "anonymous"
        if src.type == sourcetype.PRONOUN:
            src.type = pronoun_type(d, src, last, personal)
        if not src.channel and src.type not in CHANNEL_TYPES:
            last = src
            if src.type in ("person", "anonymous"):
                personal = src


def refers_back(d: Discourse, src: Src, anon_heads: set[str]) -> bool:
    """"the trustee" after "a former trustee ..., on condition of anonymity"."""
    words = d.t.lowers
    return (src.type == "person" and words[src.i] in ("the", "de", "die", "one", "één", "een")
            and any(w in anon_heads for w in words[src.i + 1:src.j]))


def plural_verb_near(d: Discourse, src: Src) -> bool:
    """A verb right after or before the pronoun in the plural ("ze zeggen", "zeiden ze")."""
    t = d.t
    near = [m for m in (src.j, src.i - 1) if 0 <= m < t.n]
    return any(d.lex.verb(t.lowers[m]) and t.lowers[m].endswith("en") for m in near)


def pronoun_type(d: Discourse, src: Src, last: Src | None, personal: Src | None = None) -> str:
    w = d.t.lowers[src.i]
    src_lists = d.lex.src
    if w in src_lists["person_pronouns"] and w in src_lists["group_pronouns"] and last is not None \
            and plural_verb_near(d, src):
        return last.type  # Dutch "ze zeggen", "voegden ze": a group, the nearest speaker's kind
    if w in src_lists["person_pronouns"] and personal is not None:
        return personal.type  # "he" skips an institution mentioned in between
    if last is None:
        return "person"
    if last.type in ("person", "anonymous"):
        return last.type
    if w in d.lex.src["institution_pronouns"] or w in d.lex.src["group_pronouns"]:
        return last.type
    return "person"

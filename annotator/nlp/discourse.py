"""The discourse state of one article as the rules read it, and the primitives they share.

A `Discourse` holds the text's tokens and lexicon, what has been found so far (sources, cues,
claims), and the state that carries from sentence to sentence: the previous sentence, the
paragraph's claims (for quote continuations), the sentence's speakers, a pending "X vertelt."
introduction. Every rule in `annotator/nlp/rules/` is a function of a `Discourse`; the
primitives here (add a source, add a claim, find a quote) are the only way they change it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from annotator.nlp import sourcetype
from annotator.nlp.certainty import claim_certainty, quote_certainty
from annotator.nlp.lang import LangHooks, hooks
from annotator.nlp.lexicon import Lexicon, VerbEntry
from annotator.nlp.names import LazyNames, named_as_org, person_names
from annotator.nlp.nounphrase import trim_np
from annotator.nlp.textscan import Quote
from annotator.nlp.tokens import CLOSE_MARKS, OPEN_MARKS, Toks

_TRAIL = frozenset(".,;:!?")
CHANNEL_TYPES = ("news_media", "social_media", "document")

_F = TypeVar("_F", bound=Callable[..., Any])


def rule(name: str) -> Callable[[_F], _F]:
    """Name the construction a rule function recognises: what it finds records this name (the
    innermost named rule wins), so a coder can see why a suggestion was made."""
    def wrap(fn: _F) -> _F:
        @functools.wraps(fn)
        def run(d: Discourse, *args: Any, **kwargs: Any) -> Any:
            d.rules.append(name)
            try:
                return fn(d, *args, **kwargs)
            finally:
                d.rules.pop()
        return cast(_F, run)  # functools.wraps keeps fn's signature, which mypy cannot see
    return wrap


@dataclass(eq=False)
class Src:
    i: int
    j: int
    type: str
    channel: bool = False
    rule: str = ""


@dataclass(eq=False)
class Cue:
    i: int
    j: int
    rule: str = ""


@dataclass(eq=False)
class Claim:
    start: int
    end: int
    src: Src | None
    cue: Cue | None
    attribution: str
    certainty: str
    rule: str = ""


@dataclass
class Result:
    sources: list[Src]
    cues: list[Cue]
    claims: list[Claim]


class Discourse:
    """One article being read: tokens, lexicon, language hooks, findings and carried state."""

    def __init__(self, lex: Lexicon, toks: Toks):
        self.lex, self.t = lex, toks
        self.lang: LangHooks = hooks(lex.lang)
        self.sources: dict[tuple[int, int], Src] = {}
        self.cues: list[Cue] = []
        self.claims: list[Claim] = []
        self.quotes: list[Quote] = []
        self.quote_used: set[int] = set()
        self.surnames = LazyNames(lambda: person_names(lex, toks.text, self.surnames.orgs),
                                  lambda word: named_as_org(lex, toks.text, word))
        self.prev_sentence: tuple[int, int] | None = None
        self.para_claims: list[Claim] = []
        self.prev_para_claims: list[Claim] = []
        self.claimed: list[tuple[int, int]] = []  # token ranges claimed in the current sentence
        self.sentence_srcs: list[Src] = []
        self.recent_sources: list[Src] = []
        self.claim_spans: set[tuple[int, int]] = set()
        self.intro: tuple[int, int, int, int] | None = None  # "X vertelt." before a quote
        self.sent_end = 0  # end of the sentence being read
        self.rules: list[str] = []  # the named rules running now, innermost last (see `rule`)

    def start_sentence(self, b: int) -> None:
        self.claimed, self.sentence_srcs = [], []
        self.sent_end = b

    def result(self) -> Result:
        self.surnames = LazyNames(set)  # drop the closures over self: no reference cycle left behind
        return Result(sorted(self.sources.values(), key=lambda s: s.i),
                      sorted(self.cues, key=lambda c: c.i), sorted(self.claims, key=lambda c: c.start))

    def in_claimed(self, k: int) -> bool:
        return any(i <= k < j for i, j in self.claimed)

    def skip_lead(self, a: int, b: int) -> int:
        t = self.t
        while a < b and (t.lowers[a] in self.lex.fw["leading_skip"] or t.words[a] in (",", "—", "-", "(")):
            a += 1
        return a

    def add_source(self, span: tuple[int, int] | None, tail_end: int | None = None,
                   channel: bool = False) -> Src | None:
        if not span:
            return None
        i, j = trim_np(self.lex, self.t, span)
        if (i, j) in self.sources:
            return self.sources[(i, j)]
        for s in self.recent_sources:
            if s.i < j and i < s.j:
                return s if not channel else None
        tail = tail_end if tail_end is not None else self.tail(j)
        kind = sourcetype.classify(self.lex, self.t, i, j, self.surnames, max(j, tail))
        if kind == "person" and not channel and self.anonymous_later(i, j):
            kind = "anonymous"  # "a senior official told Reuters on condition of anonymity"
        src = Src(i, j, kind, channel, self.current_rule())
        self.sources[(i, j)] = src
        self.recent_sources = [*self.recent_sources[-15:], src]  # overlaps are always local
        if kind == "person" and j - i >= 2 and self.t.is_cap(j - 1) \
                and self.t.lowers[j - 2] not in self.lex.fw["np_prepositions"]:  # not "woordvoerder van Aventus"
            self.surnames.add(self.t.words[j - 1])
        return src

    def past_before(self, k: int) -> bool:
        """A past-tense reporting verb or auxiliary shortly before an -ing participle cue at k
        ("he said, adding that", "was quoted as saying"): the participle shares its tense."""
        t, lex = self.t, self.lex
        aux = lex.h.get("past_auxiliaries", ())
        for m in range(max(0, k - 12), k):
            w = t.lowers[m]
            if w in aux or any(w in e.past for e in lex.verb(w)):
                return True
        return False

    def anonymous_later(self, i: int, j: int) -> bool:
        """A role noun (no name in it) whose sentence says later that it spoke anonymously."""
        t = self.t
        if self.sent_end <= j or not t.any_candidate("anon", j, self.sent_end):
            return False
        found = t.candidates("anon", j, self.sent_end)
        words = self.lex.src.get("anonymous_clause_markers", ())
        return any(t.lowers[m] in words for m in found) and not any(t.is_cap(m) for m in range(i + 1, j))

    def tail(self, j: int) -> int:
        """End of a comma-set apposition or relative clause right after a phrase ending at j."""
        t = self.t
        if j < t.n and (t.words[j] == "," or t.lowers[j] in self.lex.fw["relative_pronouns"]):
            k = j + 1
            while k < min(t.n, j + 16) and t.words[k] not in (",", ".", ";"):
                k += 1
            return k
        return j

    def current_rule(self) -> str:
        return self.rules[-1] if self.rules else "other"

    def add_claim(self, i: int, j: int, src: Src | None, cue: Cue | None, att: str,
                  cue_entry: VerbEntry | None = None, cue_word: str = "",
                  chars: tuple[int, int] | None = None, level: str | None = None,
                  rule: str | None = None) -> Claim | None:
        t = self.t
        while j > i and (t.words[j - 1] in _TRAIL or t.words[j - 1] in ("-", "—")):
            j -= 1
        while i < j and t.lowers[i] in self.lex.complementisers | {",", ":"}:
            i += 1
        if j - i < 2 and chars is None:
            return None
        start, end = chars if chars else t.char_span(i, j)
        if end <= start or (start, end) in self.claim_spans:
            return None
        self.claim_spans.add((start, end))
        if level is None:
            past = bool(cue_entry and cue_word in cue_entry.past)
            suffix = self.lang.participle_suffix
            if not past and cue and suffix and cue_word.endswith(suffix):
                past = self.past_before(cue.i)  # "X said, adding that ... would": future in the past
            level = claim_certainty(self.lex, t, i, j, cue_entry.certainty if cue_entry else None, past)
        claim = Claim(start, end, src, cue, att, level, rule or self.current_rule())
        if cue and cue not in self.cues:
            cue.rule = cue.rule or claim.rule
            self.cues.append(cue)
        self.claims.append(claim)
        self.claimed.append((i, j))
        self.para_claims.append(claim)
        if src:
            self.sentence_srcs.append(src)
        return claim

    def claim_end(self, start: int, b: int) -> int:
        """Where a reported clause starting at `start` stops: before "; " or a coordinated cue."""
        t, lex = self.t, self.lex
        for m in range(start, b):
            if t.quote_of[m] >= 0:
                continue
            w = t.lowers[m]
            if w == ";" or (w == ")" and "(" not in t.words[start:m]):
                return m  # (a bracket closing one opened before the claim ends it too)
            if w == "," and m + 1 < b and t.lowers[m + 1] in lex.coordinators and m + 2 < b \
                    and self.is_reporting(m + 2):
                return m
            if w in lex.coordinators and m + 1 < b and (self.is_reporting(m + 1) or any(
                    t.lowers[m + 1] in e.past for e in lex.verb(t.lowers[m + 1]))):
                return m  # ("... and called it a common ailment": a second verb of the speaker)
            if w in lex.coordinators and m + 2 < b and self.speaker_opens(m + 1, b):
                return m - 1 if t.words[m - 1] == "," else m  # ", en ze voegden eraan toe dat ...", ", and she urged"
            if w == "," and m + 1 < b and (t.lowers[m + 1] in ("maar", "but") or self.is_reporting(m + 1)
                                           or t.lowers[m + 1] in lex.fw.get("concessive_subordinators", ())):
                return m  # ", maar wil niet ...", ", saying ...", ", though she admitted ...": a new clause
            if w == "," and m + 1 < b and t.lowers[m + 1] in lex.prepositions.by_first \
                    and lex.prepositions.match(t.lowers, m + 1, b):
                return m  # "..., volgens X is dat onzin", "..., according to the minutes": another source's word
        return b

    def speaker_opens(self, m: int, b: int) -> bool:
        """A pronoun or a name and a verb of the lexicon open a clause of their own at m
        ("en ze voegden toe", "and Hillary Clinton is promising")."""
        t, lex = self.t, self.lex
        if t.lowers[m] in self.pronouns:
            x = m + 1
        else:
            x = m
            while x < b and x - m < 4 and t.is_cap(x):
                x += 1
        while m < x < b and (t.lowers[x] in lex.fw["auxiliaries"] or t.lowers[x] in lex.fw["negations"]):
            x += 1
        return m < x < b and (self.is_reporting(x) or bool(lex.verb(t.lowers[x])))

    @property
    def pronouns(self) -> frozenset[str]:
        return self.lex.pronouns

    def is_reporting(self, k: int) -> bool:
        return any(e.mode in ("always", "complement") for e in self.lex.verb(self.t.lowers[k]))

    def quote_ending_at(self, boundary: int) -> int | None:
        """Index of the quotation whose closing mark is at or just before token `boundary`."""
        t = self.t
        for m in (boundary, boundary - 1, boundary - 2):
            if 0 <= m < t.n and t.words[m] and t.words[m][-1] in CLOSE_MARKS and m > 0:
                q = t.quote_of[m - 1]
                if q >= 0 and self.quotes[q].closed:
                    return q
        return None

    def quote_starting_at(self, k: int) -> int | None:
        t = self.t
        if k + 1 < t.n and t.words[k] and (t.words[k][0] in OPEN_MARKS or t.words[k] == ",,"):
            q = t.quote_of[k + 1]
            return q if q >= 0 else None
        if k + 1 < t.n and t.words[k][:1] == "”" and t.quote_of[k + 1] >= 0:  # ”...”: a closing mark typed as opening
            q = t.quote_of[k + 1]
            return q if self.quotes[q].open == t.starts[k] else None
        return None

    def direct(self, q: int, src: Src | None, cue: Cue | None) -> Claim | None:
        if q in self.quote_used:
            return None
        quote = self.quotes[q]
        t = self.t
        start, end = quote.start, quote.end
        while end > start and t.text[end - 1] in " ,\n":
            end -= 1  # English puts the tag comma inside the closing mark
        i, j = t.first_at_or_after(start), t.last_before(end)
        claim = self.add_claim(i, max(j, i + 1), src, cue, "direct", chars=(start, end),
                               level=quote_certainty(self.lex, t, i, j))
        if claim:
            self.quote_used.add(q)
        return claim

    def last_speaker(self) -> Src | None:
        for c in reversed(self.para_claims):
            if c.src:
                return c.src
        prev = self.prev_para_claims
        if prev and prev[-1].attribution == "direct":
            return prev[-1].src
        return None

    def clause_start(self, a: int, boundary: int) -> int:
        start = a
        for i, j in self.claimed:
            if j <= boundary and j > start and i >= a:
                start = j
        return self.skip_lead(start, boundary)

    def relink(self, pa: int, pb: int, src: Src | None, cue: Cue) -> bool:
        """'Quote.' Dat zegt X. : the loose quote before gets this speaker and cue."""
        s, e = self.t.char_span(pa, pb)
        loose = [c for c in self.claims[-12:] if c.start < e and s < c.end]
        if not loose or any(c.cue is not None or c.attribution != "direct" for c in loose):
            return False
        for c in loose:
            c.src, c.cue, c.rule = src, cue, self.current_rule()
        cue.rule = self.current_rule()
        self.cues.append(cue)
        return True

    def overlaps_claim(self, i: int, j: int) -> bool:
        s, e = self.t.char_span(i, j)
        return any(c.start < e and s < c.end for c in self.claims[-12:])  # claims come in order

    def forget_sources(self, keep: set[tuple[int, int]]) -> None:
        """Drop speakers found for a cue that then yielded no claim."""
        for key in [key for key in self.sources if key not in keep]:
            src = self.sources.pop(key)
            if src in self.recent_sources:
                self.recent_sources.remove(src)
            if src in self.sentence_srcs:
                self.sentence_srcs.remove(src)

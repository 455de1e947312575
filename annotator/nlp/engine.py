"""The attribution rules: sources, cues and claims of one article.

Works on a `Toks` view (words + offsets) so it is independent of spaCy's objects and fast. The
patterns are the ones Dutch and English news use (see ../shared/prior-art.md): quote tags
("...", zegt X / aldus X / she said), "volgens X" / "according to X", "X zegt dat ...",
"Dat meldt X." for the previous sentence, colon quotes, "Uit X blijkt dat", passive "door X",
quote continuations, embedded posts, and unattributed hedged or uncertain claims.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from annotator.nlp import sourcetype
from annotator.nlp.certainty import claim_certainty, hedge_hits
from annotator.nlp.lexicon import Lexicon, VerbEntry
from annotator.nlp.nounphrase import np_right, trim_np
from annotator.nlp.textscan import _POST, Layout, Quote, text_layout
from annotator.nlp.tokens import CLOSE_MARKS, OPEN_MARKS, Toks

# "post text — Name (@handle) date": an embedded tweet or X post
_CAPRUN = re.compile(r"\b[A-ZÀ-Þ][\w'’-]+(?:\s+(?:[A-ZÀ-Þ]\.\s+|(?:van|de|der|den|von|el|le|la)\s+)?[A-ZÀ-Þ][\w'’-]+)+")
_ROLE_NAME = re.compile(r"(?<![\w-])([\w-]{2,})\s+([A-ZÀ-Þ][a-zà-ÿ'’-]+)\b(?!\s+[A-ZÀ-Þ])")
_TRAIL = frozenset(".,;:!?")
_MARK_TOKENS = frozenset(OPEN_MARKS | CLOSE_MARKS | {":"})  # quotes and colons start rules too
CHANNEL_TYPES = ("news_media", "social_media", "document")

_F = TypeVar("_F", bound=Callable[..., Any])


def rule(name: str) -> Callable[[_F], _F]:
    """Name the construction a method recognises: what it finds records this name (the
    innermost named rule wins), so a coder can see why a suggestion was made."""
    def wrap(fn: _F) -> _F:
        @functools.wraps(fn)
        def run(self: Analyzer, *args: Any, **kwargs: Any) -> Any:
            self.rules.append(name)
            try:
                return fn(self, *args, **kwargs)
            finally:
                self.rules.pop()
        return run  # type: ignore[return-value]
    return wrap


class LazyNames:
    """Personal names of the text, found only when a bare capitalised word needs typing."""

    def __init__(self, find: Callable[[], set[str]], org_context: Callable[[str], bool] | None = None):
        self.find, self.names, self.extra = find, None, set()
        self.org_context = org_context
        self.orgs: set[str] = set()
        self.not_orgs: set[str] = set()

    def __contains__(self, word: object) -> bool:
        if self.names is None:
            self.names = self.find()
        return word in self.names or word in self.extra

    def is_org(self, word: str) -> bool:
        """Named elsewhere in the text as an organisation ("carmaker Aldane", "Aldane Motors")."""
        if self.names is None:
            self.names = self.find()
        if word in self.orgs:
            return True
        if self.org_context is None or word in self.not_orgs:
            return False
        if self.org_context(word):
            self.orgs.add(word)
            return True
        self.not_orgs.add(word)
        return False

    def add(self, word: str) -> None:
        self.extra.add(word)


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


class Analyzer:
    """Runs the rules over one text; `run()` returns the mentions it found."""

    def __init__(self, lex: Lexicon, toks: Toks):
        self.lex, self.t = lex, toks
        self.sources: dict[tuple[int, int], Src] = {}
        self.cues: list[Cue] = []
        self.claims: list[Claim] = []
        self.quotes: list[Quote] = []
        self.quote_used: set[int] = set()
        self.surnames = LazyNames(lambda: self.person_names(self.t.text, self.surnames.orgs),
                                  lambda word: self.named_as_org(self.t.text, word))
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

    # ---- driver -------------------------------------------------------------------------
    def run(self, layout: Layout | None = None) -> Result:
        text, t = self.t.text, self.t
        t.keep_acronyms(self.lex.acronym_clashes)
        t.index({"cue": self.lex.cue_first_words, "hedge": self.lex.hedge_first_words,
                 "mark": _MARK_TOKENS, "anon": self.lex.anonymous_markers.by_first.keys(),
                 "frame": self.lex.frame_first_words})
        units: list[tuple[str, int, int, list[tuple[int, int]]]] = []
        for ps, pe, qs, sents in layout if layout is not None else text_layout(text):
            if not sents:
                units.append(("post", ps, pe, []))
                continue
            for q in qs:
                t.mark_quote(len(self.quotes), q.start, q.end)
                self.quotes.append(q)
            spans = [(t.first_at_or_after(a), t.last_before(b)) for a, b in sents]
            units.append(("para", ps, pe, [s for s in spans if s[1] > s[0]]))
        for pi, (kind, ps, pe, sents) in enumerate(units):
            self.prev_para_claims, self.para_claims = self.para_claims or self.prev_para_claims, []
            if kind == "post":
                self.embedded_post(ps, pe)
                continue
            for a, b in sents:
                self.sentence(pi, a, b)
                self.prev_sentence = (a, b)
        self.resolve_pronouns()
        self.surnames = LazyNames(set)  # drop the closures over self: no reference cycle left behind
        return Result(sorted(self.sources.values(), key=lambda s: s.i),
                      sorted(self.cues, key=lambda c: c.i), sorted(self.claims, key=lambda c: c.start))

    def sentence(self, pi: int, a: int, b: int) -> None:
        before = len(self.claims)
        self.claimed, self.sentence_srcs = [], []
        self.sent_end = b
        t = self.t
        if not (t.candidates("any", a, b) or t.lowers[self.skip_lead(a, b)] in self.lex.h["whether_words"]):
            return  # nothing any rule could start from: most sentences of a real article
        self.frames(a, b)
        self.colon_np(pi, a, b)
        nxt = a
        for k in t.candidates("cue", a, b):
            if k >= nxt and t.quote_of[k] < 0 and not self.in_claimed(k):
                nxt = self.try_cue(a, b, k)
        self.loose_quotes(a, b)
        if len(self.claims) == before:
            self.unattributed(pi, a, b)
        if len(self.claims) > before and any(c.src for c in self.claims[before:]):
            self.channels(a, b)

    def try_cue(self, a: int, b: int, k: int) -> int:
        t, lex = self.t, self.lex
        lw = t.lowers[k]
        if lw in lex.tags:
            if not self.tag(a, b, k, k + 1, None) and k == self.skip_lead(a, b):
                self.tag_opening(a, b, k)  # "‘...’ Aldus de burgemeester."
            return k + 1
        hit = lex.prepositions.match(t.lowers, k, b)
        if hit:
            self.preposition(a, b, k, k + hit[0])
            return k + hit[0]
        if not self.cue_position_ok(a, b, k):
            return k + 1
        for entry in lex.verb(lw):
            end = self.verb_span(b, k, entry)
            if end:
                before = set(self.sources)
                if self.verb(a, b, k, end, entry):
                    return end
                self.forget_sources(before)
        return k + 1

    def cue_position_ok(self, a: int, b: int, k: int) -> bool:
        """A verb form reports only as a finite, affirmative verb in running text: not "State
        Department" mid-sentence, not "declined to say" / "om te vertellen", not "did not confirm"."""
        t, lex = self.t, self.lex
        lead = self.skip_lead(a, b)
        if k > lead and t.is_cap(k) and not self.title_case(a, b):
            return False
        if k > a and t.lowers[k - 1] in lex.fw.get("infinitive_markers", ()):
            return False
        for m in range(k - 1, max(a, k - 4) - 1, -1):
            if t.words[m] in (",", ";", ":") or t.quote_of[m] >= 0:
                break
            if t.lowers[m] in lex.fw["negations"]:
                return False
        return True

    def title_case(self, a: int, b: int) -> bool:
        """English headlines capitalise every word: "Minister Says Talks Will Resume"."""
        t = self.t
        words = [m for m in range(a, b) if t.is_word(m) and len(t.words[m]) > 3]
        return len(words) >= 2 and sum(t.is_cap(m) for m in words) * 4 >= len(words) * 3

    def forget_sources(self, keep: set[tuple[int, int]]) -> None:
        """Drop speakers found for a cue that then yielded no claim."""
        for key in [key for key in self.sources if key not in keep]:
            src = self.sources.pop(key)
            if src in self.recent_sources:
                self.recent_sources.remove(src)
            if src in self.sentence_srcs:
                self.sentence_srcs.remove(src)

    def person_names(self, text: str, orgs: set[str] | None = None) -> set[str]:
        """Last words of capitalised runs that look like personal names ("Karin Oudshoorn"), so
        that a later bare "Oudshoorn" is typed as a person, not an organisation. Names the text
        gives as organisations ("Aldane Motors", "het chemiebedrijf Armacor") go to `orgs`."""
        lex, out = self.lex, set()
        orgs = set() if orgs is None else orgs
        known = lex.name_stop_words
        inst = lex.src["institution_name_tokens"]
        for m in _CAPRUN.finditer(text):
            words = [w for w in m.group(0).split() if w[:1].isupper() and not w.endswith(".")]
            while words and words[0].lower() in known:
                words = words[1:]
            if len(words) < 2:
                continue
            if any(w.lower() in inst for w in words[1:]):
                orgs.add(words[0])
            elif not lex.media_names.match(words, 0, len(words)):
                out.add(words[-1])
        persons = lex.src["person_nouns"]
        for m in _ROLE_NAME.finditer(text):  # "minister Bijleveld", "premier Rutte", "Superintendent Jones"
            name = m.group(2)
            if m.group(1).lower() in persons and name.lower() not in known and name.lower() not in inst \
                    and not name.isupper():
                out.add(name)
        return out

    def named_as_org(self, text: str, word: str) -> bool:
        """The text gives `word` right after an institution noun somewhere: "carmaker Aldane",
        "het chemiebedrijf Armacor", "buurland Drevania"."""
        lex = self.lex
        inst_nouns = lex.src["institution_nouns"]
        org_suffix = [p for p, label in lex.suffix_patterns if label == "institution"]
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if at > 0 and text[at - 1] == " " and (end >= len(text) or not text[end].isalnum()):
                before = text[max(0, at - 40):at - 1].rsplit(None, 1)
                noun = before[-1].lower() if before else ""
                if len(noun) >= 3 and (noun in inst_nouns or any(p.search(noun) for p in org_suffix)):
                    return True
            at = text.find(word, end)
        return False

    # ---- helpers --------------------------------------------------------------------------
    def in_claimed(self, k: int) -> bool:
        return any(i <= k < j for i, j in self.claimed)

    def skip_lead(self, a: int, b: int) -> int:
        t = self.t
        while a < b and (t.lowers[a] in self.lex.fw["leading_skip"] or t.words[a] in (",", "—", "-")):
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
        if kind == "person" and j - i >= 2 and self.t.is_cap(j - 1):
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
            if not past and cue and cue_word.endswith("ing") and self.lex.lang == "en":
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
            if w == ";":
                return m
            if w == "," and m + 1 < b and t.lowers[m + 1] in lex.coordinators and m + 2 < b \
                    and self.is_reporting(m + 2):
                return m
            if w in lex.coordinators and m + 1 < b and self.is_reporting(m + 1):
                return m
            if w in lex.coordinators and m + 2 < b and self.is_reporting(m + 2) and t.lowers[m + 1] in self.pronouns:
                return m - 1 if t.words[m - 1] == "," else m  # ", en ze voegden eraan toe dat ..."
            if w == "," and m + 1 < b and (t.lowers[m + 1] in ("maar", "but") or self.is_reporting(m + 1)):
                return m  # ", maar wil niet ...", ", saying ...": a new clause of the speaker
        return b

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
        if k < t.n and t.words[k] and t.words[k][0] in OPEN_MARKS and k + 1 < t.n:
            q = t.quote_of[k + 1]
            return q if q >= 0 else None
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
                               level=claim_certainty(self.lex, t, i, j, None, False))
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

    def named_before(self) -> Src | None:
        """"Willem Bakker (67) woont aan de dijk. ‘...’": a full name opening the sentence before a
        speakerless quote is its speaker (cue null)."""
        if self.prev_sentence is None:
            return None
        t, lex = self.t, self.lex
        pa, pb = self.prev_sentence
        lead = self.skip_lead(pa, pb)
        span = np_right(lex, t, lead, pb)
        if not span or span[1] >= pb or self.overlaps_claim(pa, pb):
            return None
        names = [m for m in range(span[0], span[1]) if t.is_cap(m) and t.lowers[m] not in lex.fw["determiners"]]
        role = not names and pb - pa <= 8 and t.lowers[span[0]] in lex.fw["determiners"] \
            and t.lowers[span[1] - 1] in lex.src["person_nouns"]  # "Ook zijn buurman is ongerust."
        if not role and (len(names) < 2 or names[0] > span[0] + 1):
            return None
        kind = sourcetype.classify(lex, t, span[0], span[1], self.surnames, span[1])
        return self.add_source(span) if kind in ("person", "anonymous") else None

    # ---- patterns ---------------------------------------------------------------------------
    def verb_span(self, b: int, k: int, entry: VerbEntry) -> int | None:
        """End of the cue starting at k, or None when a separable verb lacks its particle."""
        t = self.t
        if k > 0 and t.is_cap(k) and t.is_word(k - 1):
            return None  # "Velinsk State University": a capitalised name, not a verb
        if k > 0 and t.lowers[k - 1] in self.lex.fw["determiners"] and t.lowers[k - 1] not in ("dat", "that", "die") \
                and not (t.lowers[k - 1] in self.lex.retro_pronouns and (k == 1 or not t.is_word(k - 2))):
            return None  # "the claims", "de post": a noun, not a verb; "Dit meldt X." is a report
        for word in entry.requires:
            if word not in t.lowers[max(0, k - 3):min(b, k + 6)]:
                return None
        if entry.blocked_before and any(w in entry.blocked_before for w in t.lowers[max(0, k - 4):k]):
            return None  # "op de hoogte gesteld": not a report
        if entry.blocked_particles:
            for m in range(k + 1, min(b, k + 9)):
                w = t.lowers[m]
                if w in self.lex.complementisers or t.quote_of[m] >= 0 or w in (",", ":", ";"):
                    break
                if w in entry.blocked_particles and (m + 1 >= b or not t.is_word(m + 1)
                                                     or t.lowers[m + 1] in self.lex.complementisers):
                    return None  # "schrijven bronnen toe aan": attribute, not write
        if not entry.particle or t.lowers[k] in entry.particle_optional:
            return k + 1
        for m in range(k + 1, min(b, k + 8)):
            if t.lowers[m] in entry.particle:
                between = t.lowers[k + 1:m]
                close = all(w in ("eraan", "erop", "er", "niet", "ook", "nog", "al") for w in between)
                return m + 1 if close else k + 1
            if t.lowers[m] in self.lex.complementisers or t.quote_of[m] >= 0:
                break
        if k > 0 and t.lowers[k - 1] in entry.particle:
            return k + 1
        return None

    @rule("quote_tag")
    def tag(self, a: int, b: int, ci: int, cj: int, entry: VerbEntry | None) -> bool:
        """"...", aldus X / CLAIM, zegt X / "...," she said: the claim comes first."""
        t, lex = self.t, self.lex
        boundary, src_span = ci - 1, None
        if boundary > a and t.lowers[boundary] in lex.fw.get("tag_particles", ()):
            boundary -= 1  # "..., zo zegt X" / "..., zo deelt X mee"
        inverted = self.inverted_tag(a, ci) if lex.lang == "nl" and entry is not None else None
        if inverted is not None:
            boundary, src_span = inverted
        elif lex.lang == "en" and entry is not None:
            appos = self.apposition_speaker(a, ci)
            if appos is not None:
                boundary, src_span = appos
            else:
                boundary = self.walk_back_speaker(a, ci)
                if boundary is None:
                    return False
                if boundary + 1 < ci:
                    src_span = np_right(lex, t, boundary + 1, ci) or (boundary + 1, ci)
        if boundary <= a or not (t.words[boundary] == "," or t.words[boundary][-1:] in CLOSE_MARKS):
            return False
        if t.words[boundary] != "," and t.text[t.starts[boundary] - 1] not in ",.!?…" \
                and not (boundary + 1 < ci and t.words[boundary + 1] == ","):
            return False  # "used ‘personal’ phones but stressed": a quoted word, not a tag
        if self.apposition_before(a, boundary):
            return False
        q = self.quote_ending_at(boundary + 1 if t.words[boundary] != "," else boundary)
        if src_span is None:
            src_span = self.speaker_after(cj, b)
            if src_span and lex.lang == "en" and any(
                    t.lowers[m] in lex.fw.get("finite_verbs", ()) for m in range(src_span[0] + 1, src_span[1])):
                return False  # ", said profits fell": a reported clause, not a speaker after the verb
        if not src_span:
            return False
        after_src = max(src_span[1], cj)
        if entry is not None and after_src < b and t.lowers[after_src] in entry.particle:
            after_src += 1  # "‘...’, houdt de burgemeester vol."
        if t.lowers[ci] in lex.h.get("addressee_verbs", ()) and after_src == cj:
            addressee = np_right(lex, t, cj, b)  # "..., three sources told Reuters."
            after_src = addressee[1] if addressee else after_src
        if q is None and not self.tag_rest_ok(after_src, b):
            return False
        if q is not None and self.partial_quote(a, q):
            q = None  # "Akkoord ‘binnen handbereik’, meldt X": a quoted phrase in a paraphrase
        src = self.add_source(src_span, self.tail(src_span[1]))
        cue = Cue(ci, cj)
        if q is not None:
            self.direct(q, src, cue)
        else:
            start = self.clause_start(a, boundary)
            if self.only_a_name(start, boundary):
                return False  # "John Smith, a spokesman for X, said ...": an apposition
            self.add_claim(start, boundary, src, cue, "indirect", entry, t.lowers[ci])
        nxt = after_src
        while nxt < b and (t.lowers[nxt] in lex.fw["time_words"] or t.words[nxt] == ","):
            nxt += 1
        q2 = self.quote_starting_at(nxt)
        if q2 is not None and t.words[after_src:nxt].count(","):
            self.direct(q2, src, cue)
        return True

    @rule("parenthetical_tag")
    def parenthetical(self, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
        """English "The decision, officials said, was final.": a tag set in the middle of the
        claim; the claim runs over it from its clause start to the sentence end."""
        t, lex = self.t, self.lex
        if lex.lang != "en" or k <= a:
            return False
        c = next((m for m in range(end, min(b, end + 8)) if t.words[m] == "," or t.quote_of[m] >= 0), None)
        if c is None or t.words[c] != "," or c + 2 >= b:
            return False
        boundary = self.walk_back_speaker(a, k)
        if boundary is None or boundary <= self.skip_lead(a, b) or t.words[boundary] != "," \
                or t.quote_of[boundary] >= 0 or boundary + 1 >= k:
            return False
        if not self.tag_rest_ok(end, c) or sum(t.is_word(m) for m in range(c + 1, b)) < 2:
            return False
        nxt = t.lowers[c + 1]
        if t.is_cap(c + 1) or not t.is_word(c + 1) or nxt.endswith("ing") or nxt in lex.verbs \
                or nxt in lex.coordinators or nxt in lex.fw["conjunctions"] or nxt in lex.complementisers \
                or t.quote_of[c + 1] >= 0 or self.quote_ending_at(boundary) is not None:
            return False  # '"...," he said, adding', ', but': the tag ends its claim
        start = self.clause_start(a, boundary)
        if start >= boundary or self.apposition_before(a, boundary):
            return False
        src = self.add_source(np_right(lex, t, boundary + 1, k) or (boundary + 1, k), k)
        return self.add_claim(start, b, src, Cue(k, end), "indirect", entry, t.lowers[k]) is not None

    @rule("as_clause")
    def as_clause(self, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
        """"CLAIM, zoals X eerder al zei." / "Zoals X al aangaf, CLAIM." / "As X noted, CLAIM"."""
        t, lex = self.t, self.lex
        words = lex.as_words
        m = next((x for x in range(k - 1, max(a, k - 9) - 1, -1)
                  if t.lowers[x] in words or t.words[x] in (",", ";") or t.quote_of[x] >= 0), None)
        if m is None or t.lowers[m] not in words or m + 1 >= k:
            return False
        span = np_right(lex, t, m + 1, k)
        if not span:
            return False
        lead = self.skip_lead(a, b)
        if m > lead and t.words[m - 1] == ",":
            if not self.tag_rest_ok(end, b):
                return False
            start, stop = self.clause_start(a, m - 1), m - 1
        elif m == lead:
            comma = end
            while comma < b and t.lowers[comma] in lex.fw["time_words"]:
                comma += 1
            if comma >= b or t.words[comma] != ",":
                return False  # "As the minister said he would, ...": not a report of what follows
            start, stop = comma + 1, self.claim_end(comma + 1, b)
        else:
            return False
        if stop - start < 2:
            return False
        src = self.add_source(span, k)
        return self.add_claim(start, stop, src, Cue(k, end), "indirect", entry, t.lowers[k]) is not None

    @rule("tag_after_quote")
    def tag_opening(self, a: int, b: int, k: int) -> bool:
        """A tag cue opening its own sentence reports the sentence before it."""
        if self.prev_sentence is None:
            return False
        src = self.add_source(self.speaker_after(k + 1, b))
        if src is None:
            return False
        pa, pb = self.prev_sentence
        cue = Cue(k, k + 1)
        if self.overlaps_claim(pa, pb):
            return self.relink(pa, pb, src, cue)
        return self.add_claim(self.skip_lead(pa, pb), pb, src, cue, "indirect") is not None

    def apposition_before(self, a: int, boundary: int) -> bool:
        """"Greaves, who ran the charity, denies ...": the comma closes an apposition."""
        t, lex = self.t, self.lex
        if t.words[boundary] != ",":
            return False
        p = next((m for m in range(boundary - 1, a, -1) if t.words[m] == "," and t.quote_of[m] < 0), None)
        if p is None or p + 1 >= boundary:
            return False
        first = t.lowers[p + 1]
        return first in lex.fw["relative_pronouns"] or first[:1].isdigit()

    def only_a_name(self, start: int, boundary: int) -> bool:
        t, fw = self.t, self.lex.fw
        finite = fw.get("finite_verbs", ())
        if boundary - start >= 2 and any(
                not t.is_cap(m) and (t.lowers[m] in finite or t.lowers[m] in fw["auxiliaries"]
                                     or (self.lex.lang == "en" and t.lowers[m].endswith("ed") and len(t.lowers[m]) > 4
                                         and t.words[m - 1] != ","))
                for m in range(start + 1, boundary)):
            return False  # "Shares fell, Bloomberg reported": a clause, not a name before its apposition
        span = np_right(self.lex, t, start, boundary)
        return boundary - start < 3 or (span is not None and span[1] >= boundary and boundary - start < 6)

    def partial_quote(self, a: int, q: int) -> bool:
        """True when words of the journalist come before the quote in its clause."""
        t = self.t
        opening = t.first_at_or_after(self.quotes[q].open)
        start = self.clause_start(a, opening)
        words = sum(t.is_word(m) for m in range(start, opening))
        return words >= 2 and not any(t.words[m] in (":", ",") for m in range(start, opening))

    def inverted_tag(self, a: int, ci: int) -> tuple[int, tuple[int, int]] | None:
        """Dutch "CLAIM, had X gezegd" / "CLAIM, zo heeft X laten weten": (comma, speaker)."""
        t, lex = self.t, self.lex
        for x in range(ci - 2, max(a, ci - 9), -1):
            if t.quote_of[x] >= 0 or t.words[x] in (",", ";", ":"):
                return None
            if t.lowers[x] in lex.fw["auxiliaries"]:
                comma = x - 1
                if comma > a and t.lowers[comma] in lex.fw.get("tag_particles", ()):
                    comma -= 1
                if comma <= a or t.words[comma] != ",":
                    return None
                span = np_right(lex, t, x + 1, ci)
                return (comma, span) if span and span[1] == ci else None
        return None

    def apposition_speaker(self, a: int, ci: int) -> tuple[int, tuple[int, int]] | None:
        """English '"...," Medvedev, now the deputy head of the council, said': (mark, name)."""
        t = self.t
        m = ci - 1
        if m <= a or t.words[m] != ",":
            return None
        p = next((x for x in range(m - 1, max(a, m - 20), -1) if t.words[x] == "," or t.quote_of[x] >= 0
                  or t.words[x][-1:] in CLOSE_MARKS), None)
        if p is None or t.words[p] != "," or t.quote_of[p] >= 0:
            return None
        s = p
        while s - 1 > a and t.is_word(s - 1) and p - s < 5 and t.quote_of[s - 1] < 0:
            s -= 1
        if s == p or not t.is_cap(s) or not (t.words[s - 1] == "," or t.words[s - 1][-1:] in CLOSE_MARKS):
            return None
        return s - 1, (s, p)

    def walk_back_speaker(self, a: int, ci: int) -> int | None:
        """English "..., the council has said": the token before the speaker, or None when
        the words before the verb are a relative clause or apposition, not a speaker."""
        t, lex = self.t, self.lex
        m = ci - 1
        if m > a and t.lowers[m] in lex.coordinators:
            return None  # "said ... but stressed": a second verb of the same speaker
        while m > a and (t.is_word(m) or (t.lowers[m] in ("'", "’") and t.is_word(m - 1))) \
                and ci - m <= 8 and t.quote_of[m] < 0:
            w = t.lowers[m]
            if w in lex.fw["relative_pronouns"] or w in lex.fw["subordinators"] \
                    or (self.is_reporting(m) and not t.is_cap(m)):
                return None
            m -= 1
        return m

    def speaker_after(self, cj: int, b: int) -> tuple[int, int] | None:
        """The speaker after a tag cue; "het" in Flemish "klinkt het bij X" points on to X."""
        t, lex = self.t, self.lex
        if cj < b and t.lowers[cj] in lex.complementisers:
            return None
        while cj < b - 1 and t.lowers[cj] in lex.fw["time_words"] and t.lowers[cj] not in lex.fw["determiners"]:
            cj += 1  # "aldus nog het parket", "zegt ook de minister"
        if cj < b and (t.lowers[cj] in lex.fw["np_prepositions"] or t.lowers[cj] in lex.fw["stop_prepositions"]) \
                and t.lowers[cj] not in lex.fw["determiners"]:
            return None  # "said of the expulsions": no speaker here
        span = np_right(lex, t, cj, b)
        if span and t.lowers[span[0]] in lex.h.get("empty_subjects", ()):
            m = span[0] + 1
            if m < b and t.lowers[m] in lex.fw["stop_prepositions"] | lex.fw["np_prepositions"]:
                span = np_right(lex, t, m + 1, b) or span
        return span

    def tag_rest_ok(self, m: int, b: int) -> bool:
        """After "CLAIM, zegt X" only adverbials may follow (tegen Sporza, on Thursday, ...)."""
        t, lex = self.t, self.lex
        if m >= b or (t.words[m] in _TRAIL and t.words[m] != ":"):
            return True
        w = t.lowers[m]
        stop = next((x for x in range(m, b - 1) if t.words[x] == "," and self.is_reporting(x + 1)), b)
        if any(x in lex.complementisers for x in t.lowers[m:stop]):
            return False  # (", adding that ...": a second report of the same speaker may follow)
        return (w in lex.fw["stop_prepositions"] or w in lex.fw["time_words"]
                or w in lex.fw["conjunctions"] or w in lex.channel_prepositions)

    def clause_start(self, a: int, boundary: int) -> int:
        start = a
        for i, j in self.claimed:
            if j <= boundary and j > start and i >= a:
                start = j
        return self.skip_lead(start, boundary)

    @rule("according_to")
    def preposition(self, a: int, b: int, ci: int, cj: int) -> None:
        """Volgens X ... / ..., according to X."""
        t = self.t
        span = np_right(self.lex, t, cj, b)
        if not span:
            return
        src = self.add_source(span)
        cue = Cue(ci, cj)
        lead = self.skip_lead(a, b)
        if t.lowers[lead] in self.lex.retro_pronouns and ci - lead <= 2 and self.prev_sentence \
                and all(t.lowers[m] in self.lex.passive_aux for m in range(lead + 1, ci)):
            pa, pb = self.prev_sentence  # "That is according to a report by X."
            if self.overlaps_claim(pa, pb):
                self.relink(pa, pb, src, cue)
            else:
                self.add_claim(self.skip_lead(pa, pb), pb, src, cue, "indirect")
            return
        q = self.quote_ending_at(ci) if ci > lead else None
        if q is not None and q not in self.quote_used and not self.partial_quote(a, q):
            self.direct(q, src, cue)  # '"...," according to the mayor'
            return
        if ci <= lead:
            start = span[1]
            if start + 1 < b and t.words[start] == "," and t.lowers[start + 1] in self.lex.fw["relative_pronouns"]:
                tail = self.tail(start)  # "Volgens de brandweer, die snel ter plaatse was, is ..."
                start = tail + 1 if tail < b and t.words[tail] == "," else start
            self.add_claim(start, self.claim_end(start, b), src, cue, "indirect")
        elif t.words[ci - 1] == ",":
            self.add_claim(self.clause_start(a, ci - 1), ci - 1, src, cue, "indirect")
        else:
            self.add_claim(lead, self.claim_end(span[1], b), src, cue, "indirect")

    @rule("reporting_verb")
    def verb(self, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
        t = self.t
        if k > a and t.lowers[k - 1] in self.lex.passive_aux and end < b and t.lowers[end] == "to":
            return False  # "is said to", "was told to": a hedge or an order, not a report
        if k > a and t.lowers[k - 1] in self.lex.passive_aux \
                and any(w in self.lex.fw["negations"] for w in t.lowers[max(a, k - 4):k]) \
                and not any(w in self.lex.passive_agent for w in t.lowers[a:b]):
            return False  # "kon niet worden bevestigd": no speaker, a hedge
        if entry.mode == "document":
            return self.document(a, b, k, end, entry)
        if entry.mode == "share":
            return self.shared_on(a, b)
        if self.parenthetical(a, b, k, end, entry):
            return True
        if self.tag(a, b, k, end, entry):
            return True
        if self.as_clause(a, b, k, end, entry):
            return True
        if self.retro(a, b, k, end, entry):
            return True
        comp = self.find_complement(k, end, b)
        colon = self.find_colon(end, b) if comp is None else None
        lead = self.skip_lead(a, b)
        if comp is None and colon is None and lead + 1 == k and t.lowers[lead] in self.lex.retro_pronouns:
            return False  # "Dat melden ingewijden aan de krant." whose sentence before is taken: no bare claim
        if comp is None and colon is None and self.introduces(a, b, k, end):
            self.intro = (a, b, k, end)  # a quote opening the next sentence is this speaker's
            return self.speaker_after_quote(a, b, k, end)  # "‘...’ De burgemeester zucht."

        if comp is None and colon is None and entry.mode != "always" and not entry.certainty:
            return False
        if comp is None and colon is None and entry.mode == "complement" and entry.lemma in self.lex.strict_complement:
            return False
        if colon is None and entry.mode == "colon":
            return False
        src = self.subject(a, b, k, end)
        if src is None:
            return False
        cue = Cue(k, end)
        if colon is not None:
            return self.colon_claims(b, colon, src, cue, entry, k)
        bare = max(end, src.j) if src.i >= end else end
        if comp is None and t.lowers[k] in self.lex.h.get("addressee_verbs", ()):
            bare = self.skip_addressee(bare, b)  # "told reporters the president would sign"
        start = comp + 1 if comp is not None else self.bare_start(bare, b)
        if start is None:
            return False
        stop = self.claim_end(start, b)
        if k >= a + 2 and t.lowers[k - 1] in self.lex.fw["relative_pronouns"] and t.words[k - 2] == ",":
            stop = next((m for m in range(start, stop) if t.words[m] == "," and t.quote_of[m] < 0), stop)
        return self.add_claim(start, stop, src, cue, "indirect", entry, self.t.lowers[k]) is not None

    def introduces(self, a: int, b: int, k: int, end: int) -> bool:
        """"Boer Jan Mertens vertelt." / "We vroegen het aan X.": a short sentence that ends soon
        after its reporting verb, without a claim of its own."""
        t, lex = self.t, self.lex
        if t.words[b - 1] not in (".", ":") or k <= self.skip_lead(a, b) or b - end > 7:
            return False
        if any(t.quote_of[m] >= 0 or t.lowers[m] in lex.complementisers or t.words[m] == ","
               for m in range(end, b - 1)):
            return False
        m, light = end, lex.fw.get("intro_words", set())
        while m < b - 1 and (t.lowers[m] in lex.fw["time_words"] or t.lowers[m] in light):
            m += 1  # "vertelt ons het volgende", "reageerde gisteren"
        return m == b - 1 or t.lowers[m] in lex.fw["stop_prepositions"] or t.lowers[m] in lex.channel_prepositions

    @rule("speaker_after_quote")
    def speaker_after_quote(self, a: int, b: int, k: int, end: int) -> bool:
        """A speakerless quote in the sentence before gets this sentence's subject and verb."""
        if self.prev_sentence is None or self.t.lowers[self.skip_lead(a, b)] in self.lex.retro_pronouns:
            return False
        s, e = self.t.char_span(*self.prev_sentence)
        loose = [c for c in self.claims[-6:] if c.start < e and s < c.end]
        if not loose or any(c.attribution != "direct" or c.cue is not None or c.src is not None for c in loose):
            return False
        src = self.subject(a, b, k, end)
        if src is None:
            return False
        cue = Cue(k, end)
        for c in loose:
            c.src, c.cue, c.rule = src, cue, self.current_rule()
        cue.rule = self.current_rule()
        self.cues.append(cue)
        self.intro = None
        return True

    @rule("introduced_quote")
    def intro_speaker(self, q: int) -> bool:
        """A quote opening the sentence right after an introducing sentence."""
        if self.intro is None or self.prev_sentence is None or self.intro[1] != self.prev_sentence[1]:
            return False
        t, lex = self.t, self.lex
        ia, ib, k, end = self.intro
        self.intro = None
        if t.lowers[k] in lex.interview_verbs:  # "We vroegen het aan X": the addressee answers
            m = next((m for m in range(end, ib) if t.lowers[m] in lex.interview_prepositions), None)
            src = self.add_source(np_right(lex, t, m + 1, ib - 1)) if m is not None else None
            cue = None
        else:
            src, cue = self.subject(ia, ib, k, end), Cue(k, end)
        return src is not None and self.direct(q, src, cue) is not None

    @rule("channel")
    def shared_on(self, a: int, b: int) -> bool:
        """"deelde op Instagram beelden", "posted on X": the platform is a channel mention."""
        t, lex, found = self.t, self.lex, False
        for m in range(a, b - 1):
            if t.lowers[m] in lex.channel_prepositions and t.quote_of[m] < 0:
                hit = lex.social_names.match(t.words, m + 1, b)
                if hit:
                    found = self.add_source((m + 1, m + 1 + hit[0]), m + 1 + hit[0], channel=True) is not None or found
        return found

    def skip_addressee(self, m: int, b: int) -> int:
        """Past the addressee of "told": a listed noun or object pronoun, or an outlet's name."""
        t, lex = self.t, self.lex
        if m < b and t.lowers[m] in lex.h.get("addressees", ()):
            return m + 1
        hit = lex.media_names.match(t.words, m, b) if m < b and t.words[m] in lex.media_names.by_first else None
        return m + hit[0] if hit else m

    def bare_start(self, end: int, b: int) -> int | None:
        t = self.t
        m = end
        topic = self.lex.fw.get("topic_prepositions", ())
        if m + 1 < b and t.lowers[m] in topic and t.lowers[m + 1] not in self.lex.fw["time_words"] \
                and not t.words[m + 1][:1].isdigit():
            return None  # "berichtte over de brief", "wrote about": a topic, not a claim
        while m < b and t.lowers[m] in self.lex.fw["time_words"]:
            m += 1
        if m >= b or not t.is_word(m) or b - m < 2:
            return None
        return m

    def find_complement(self, k: int, end: int, b: int) -> int | None:
        t, lex = self.t, self.lex
        for m in range(end, min(b, end + 14)):
            w = t.lowers[m]
            q = t.quote_of[m]
            if q >= 0:
                quote = self.quotes[q]
                if not quote.closed or len(t.text[quote.start:quote.end].split()) > 3:
                    return None
                continue  # "vindt het ‘onaanvaardbaar’ dat ...": a quoted word, not a quote
            if w in (".", ";", ":") or (w == "," and m > end + 1):
                return None
            if w in lex.complementisers:
                prev = t.lowers[m - 1]
                if m > end and (prev in lex.fw["stop_prepositions"] or prev in lex.fw["np_prepositions"]
                                or prev in lex.fw.get("clause_subordinators", ())) \
                        and not any(prev in e.particle for e in lex.verb(t.lowers[k])):
                    return None  # "lachte om dat grapje", "juichten toen dat doelpunt viel": a determiner
                if lex.lang == "en" and m > end and m + 1 < b and self.relative_that(m + 1):
                    return None  # "agreed a deal that would cut costs": a relative clause
                return m
            if w in lex.infinitive_complementisers and "te" in t.lowers[m:min(b, m + 12)]:
                return m
            if m > end and self.is_reporting(m) and t.lowers[m - 1] not in lex.fw["determiners"]:
                return None
        return None

    def relative_that(self, m: int) -> bool:
        """English "that" followed straight by a verb opens a relative clause, not a report."""
        t, lex = self.t, self.lex
        w = t.lowers[m]
        return not t.is_cap(m) and (w in lex.fw["auxiliaries"] or w in lex.verbs
                                    or w in lex.fw.get("relative_verbs", ()))

    def find_colon(self, end: int, b: int) -> int | None:
        t = self.t
        m = end
        while m < b and t.lowers[m] in self.lex.fw["time_words"]:
            m += 1
        if m + 1 < b and t.words[m] == "," and self.quote_starting_at(m + 1) is not None:
            return m  # 'He added, "I am truly sorry."'
        for m in range(end, min(b, end + 8)):
            if t.words[m] == ":":
                return m
            if t.lowers[m] in self.lex.complementisers or t.quote_of[m] >= 0:
                return None
        return None

    @rule("verb_colon")
    def colon_claims(self, b: int, colon: int, src: Src, cue: Cue, entry: VerbEntry, k: int) -> bool:
        q = self.quote_starting_at(colon + 1)
        if q is not None:
            return self.direct(q, src, cue) is not None
        return self.add_claim(colon + 1, b, src, cue, "indirect", entry, self.t.lowers[k]) is not None

    def subject(self, a: int, b: int, k: int, end: int) -> Src | None:
        """The speaker of a reporting verb at k: before it, or after it in Dutch inversion."""
        t, lex = self.t, self.lex
        if k > a and (t.lowers[k - 1] in lex.coordinators or t.words[k - 1] == ",") and self.sentence_srcs:
            return self.sentence_srcs[-1]
        if k - 2 > a and t.lowers[k - 1] in self.pronouns and t.lowers[k - 2] in lex.coordinators:
            return self.add_source((k - 1, k), k)  # "..., en ze voegden eraan toe dat": ze speaks
        lead = self.skip_lead(a, k)
        if lead >= k:
            return self.add_source(np_right(lex, t, end, b))
        clause = lex.fw.get("clause_subordinators", set()) | lex.complementisers
        preps = lex.fw["stop_prepositions"] | lex.fw["np_prepositions"]
        subs = [m for m in range(lead + 1, k) if t.quote_of[m] < 0 and t.lowers[m] in clause
                and t.lowers[m - 1] not in preps]  # "op dat tijdstip": a determiner
        if lex.lang == "en" and k - 2 > lead and t.lowers[k - 1] in lex.fw["relative_pronouns"] \
                and t.words[k - 2] == ",":
            return self.add_source(self.np_before(lead, k - 2), k)  # "the Act, which says that"
        for m in reversed(subs):
            span = np_right(lex, t, m + 1, k)
            if span:
                return self.add_source(span, k)
        fronted = t.lowers[lead] in lex.fw["subject_fronting"] or t.lowers[lead] in lex.fw["time_words"]
        if lex.lang == "nl" and k - 1 > lead and t.words[k - 1] == "," and end < b and (
                fronted or t.lowers[lead] in lex.fw.get("clause_subordinators", ())):
            return self.add_source(np_right(lex, t, end, b))  # "Sinds X is beëdigd, maakt de N-VA ..."
        fronted_pp = lex.lang == "nl" and fronted and t.lowers[lead] in lex.fw["stop_prepositions"]
        if fronted and (fronted_pp or lex.lang == "en" or lead + 1 >= k or not t.is_cap(lead + 1)):  # "Op X schreef Y", "Donderdag zei Y"
            commas = [m for m in range(lead, k) if t.words[m] == "," and t.quote_of[m] < 0]
            if lex.lang == "en" and commas:
                return self.add_source(np_right(lex, t, commas[-1] + 1, k), k)
            if lex.lang == "en":
                return self.add_source(self.np_before(lead, k), k)  # "Yesterday the mayor said"
            finite = next((m for m in range(lead + 1, k + 1) if t.lowers[m] in lex.fw["auxiliaries"]
                           or t.lowers[m] in lex.verbs), k)
            stop = k if finite < k else b
            return self.add_source(np_right(lex, t, finite + 1 if finite < k else end, stop))
        span = np_right(lex, t, lead, k)
        if lex.lang == "en" and span and span[1] < k - 1 and t.words[k - 1] == "," and t.lowers[k].endswith("ing"):
            fw = lex.fw
            for m in range(span[0] + 1, span[1]):  # "The company cut its forecast": the verb before a determiner
                if t.lowers[m + 1] in fw["determiners"] and not t.is_cap(m) and t.lowers[m] not in fw["np_prepositions"] \
                        and t.lowers[m] not in fw["stop_prepositions"] and t.lowers[m] not in fw["determiners"]:
                    span = (span[0], m)
                    break
            return self.add_source(span, k)  # "The minister slammed the plan, saying ..."
        if lex.lang == "en" and span and not self.reaches_verb(span[1], k) \
                and t.lowers[span[1]] not in lex.fw["relative_pronouns"]:
            if any(t.lowers[m] in lex.fw["subordinators"] for m in range(span[1], k)):
                span = self.np_before(lead, k) or span  # "Oil rose after Israel said ..."
            else:
                span = self.np_before_aux(lead, k)  # "Figures filed with the commission show"
        return self.add_source(self.apposition_name(span, k) or span, k)

    def reaches_verb(self, j: int, k: int) -> bool:
        """True when only auxiliaries, adverbs or a comma-set apposition lie between j and k."""
        t, lex = self.t, self.lex
        if j < t.n and t.words[j] == ",":
            return True
        return all(t.lowers[m] in lex.fw["auxiliaries"] or t.lowers[m] in lex.fw["time_words"]
                   for m in range(j, k))

    def np_before_aux(self, lead: int, k: int) -> tuple[int, int]:
        m = k
        while m > lead + 1 and self.t.lowers[m - 1] in self.lex.fw["auxiliaries"]:
            m -= 1
        return lead, m

    def np_before(self, lead: int, k: int) -> tuple[int, int] | None:
        """The English subject right before its verb, read backwards over name and noun words."""
        t, lex = self.t, self.lex
        m = k - 1
        while m > lead and t.lowers[m] in lex.fw["auxiliaries"]:
            m -= 1
        end, fw = m + 1, lex.fw
        while m >= lead and t.quote_of[m] < 0 and (t.is_word(m) or t.lowers[m] in ("'s", "’s")):
            w = t.lowers[m]
            head = m == end - 1 and m > lead and t.lowers[m - 1] not in fw["pronouns"]
            if (w in fw["stop_prepositions"] and w not in fw["np_prepositions"]) or w in fw["subordinators"] \
                    or w in fw["conjunctions"] or (w in lex.verbs and not t.is_cap(m) and not head) \
                    or w in fw["auxiliaries"]:
                break
            if w in fw["articles"] and not (m > lead and t.lowers[m - 1] in fw["np_prepositions"]):
                m -= 1
                break  # "the 1911 Official Secrets Act": the article opens the phrase
            m -= 1
        start = m + 1
        while start < end and t.lowers[start] in fw["np_prepositions"]:
            start += 1
        return (start, end) if start < end else None

    def apposition_name(self, span: tuple[int, int] | None, k: int) -> tuple[int, int] | None:
        """"De advocaat van X, Marieke Kool, stelt": the name nearest the cue is the speaker."""
        t = self.t
        if not span or span[1] >= k - 2 or t.words[span[1]] != "," or t.words[k - 1] != ",":
            return None
        inner = range(span[1] + 1, k - 1)
        names = [m for m in inner if t.is_cap(m)]
        if len(names) >= 2 and all(t.is_cap(m) or t.lowers[m] in ("van", "de", "der", "den", "ter", "el", "von")
                                   for m in inner):
            return span[1] + 1, k - 1
        return None

    @rule("retro_tag")
    def retro(self, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
        """Dat meldt X. / Dat heeft X gezegd. / Dat X, werd door Y bevestigd."""
        t, lex = self.t, self.lex
        lead = self.skip_lead(a, b)
        if t.lowers[lead] not in lex.retro_pronouns or k - lead > 30:
            return False
        if entry.mode == "colon" and t.lowers[lead] in lex.complementisers:
            return False  # "Dat klinkt goed", "Dat weet iedereen": not a report of the sentence before
        agent = next((m for m in range(lead, k) if t.lowers[m] in lex.passive_agent), None)
        comma = next((m for m in range(lead, k) if t.words[m] == "," and t.quote_of[m] < 0), None)
        if agent is not None and comma is not None and comma < agent:
            src = self.add_source(np_right(lex, t, agent + 1, k), k)
            return self.add_claim(lead + 1, comma, src, Cue(k, end), "indirect", entry, t.lowers[k]) is not None
        if comma is not None or k - lead > 10 or self.find_complement(k, end, b) is not None \
                or not self.prev_sentence:
            return False
        finite = lead + 1
        span = self.speaker_after(end, b) if finite == k else np_right(lex, t, finite + 1, k)
        if t.lowers[finite] in lex.passive_aux and finite < k:  # "Dat werd (door X) bevestigd (door X)."
            after = end if end < b and t.lowers[end] in lex.passive_agent else None
            agent = agent if agent is not None else after
            if agent is None:
                return False
            span = np_right(lex, t, agent + 1, k if agent < k else b)
        src = self.add_source(span)
        pa, pb = self.prev_sentence
        if src is None:
            return False
        if self.overlaps_claim(pa, pb):
            return self.relink(pa, pb, src, Cue(k, end))
        return self.add_claim(self.skip_lead(pa, pb), pb, src, Cue(k, end), "indirect", entry,
                              t.lowers[k]) is not None

    def relink(self, pa: int, pb: int, src: Src, cue: Cue) -> bool:
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

    @rule("document")
    def document(self, a: int, b: int, k: int, end: int, entry: VerbEntry) -> bool:
        """Uit X blijkt dat ... / ..., staat in X / Dat staat in X."""
        t, lex = self.t, self.lex
        lead = self.skip_lead(a, b)
        if t.lowers[lead] in lex.document_prepositions and lead < k:
            span = np_right(lex, t, lead + 1, k)
        elif end < b and t.lowers[end] in lex.document_prepositions:
            span = np_right(lex, t, end + 1, b)
        elif end + 2 < b and t.lowers[end] in lex.fw.get("document_particles", ()) \
                and t.lowers[end + 2] in lex.document_prepositions:  # "Dat komt naar voren uit X"
            span = np_right(lex, t, end + 3, b)
        else:
            return False
        if not span:
            return False
        comp = self.find_complement(k, span[1] if span[1] > end else end, b)
        cue = Cue(k, end)
        if t.lowers[lead] in lex.retro_pronouns and lead + 1 == k:
            comp = None  # "Dat staat in een rapport dat ...": "dat" is a relative pronoun here
        if comp is not None:
            src = self.add_source(span)
            return self.add_claim(comp + 1, self.claim_end(comp + 1, b), src, cue, "indirect", entry,
                                  t.lowers[k]) is not None
        if t.lowers[lead] in lex.retro_pronouns and self.prev_sentence:
            pa, pb = self.prev_sentence
            if self.overlaps_claim(pa, pb):
                return False
            src = self.add_source(span)
            return self.add_claim(pa, pb, src, cue, "indirect", entry, t.lowers[k]) is not None
        if k > a and t.words[k - 1] == ",":
            src = self.add_source(span)
            return self.add_claim(self.clause_start(a, k - 1), k - 1, src, cue, "indirect", entry,
                                  t.lowers[k]) is not None
        return False

    @rule("colon_quote")
    def colon_np(self, pi: int, a: int, b: int) -> None:
        """Headline and lead style: X: '...' (cue null); 'Rapport: ...' in a headline."""
        t, lex = self.t, self.lex
        if ":" not in t.words[a:b]:
            return
        lead = self.skip_lead(a, b)
        span = np_right(lex, t, lead, b)
        if span and span[1] < b and t.words[span[1]] != ":":
            stance = self.stance_end(span[1], b)  # "De burgemeester is stellig: ‘...’"
            if stance is not None and t.words[stance] == ":":
                q = self.quote_starting_at(stance + 1)
                if q is not None and q not in self.quote_used:
                    self.direct(q, self.add_source(span), None)
                return
        if not span or span[1] >= b or t.words[span[1]] != ":" or span[1] - span[0] > 8:
            return
        if self.in_claimed(span[1] + 1):
            return
        q = self.quote_starting_at(span[1] + 1)
        if q is not None and q not in self.quote_used:
            self.direct(q, self.add_source(span), None)
            return
        kind = sourcetype.classify(lex, t, span[0], span[1], self.surnames, span[1])
        if pi == 0 and kind in ("document", "news_media", "anonymous") and b - span[1] > 4:
            self.add_claim(span[1] + 1, b, self.add_source(span), None, "indirect")

    def stance_end(self, m: int, b: int) -> int | None:
        """After a copula and stance words ("is stellig", "was blunt"): the next token, or None."""
        t, lex = self.t, self.lex
        if m >= b or t.lowers[m] not in lex.stance_copulas:
            return None
        m += 1
        seen = False
        while m < b and (t.lowers[m] in lex.stance_words or t.lowers[m] in lex.fw["time_words"]):
            seen = seen or t.lowers[m] in lex.stance_words
            m += 1
        return m if seen and m < b else None

    @rule("stance_tag")
    def stance_tag(self, q: int, b: int) -> bool:
        """"‘...’, is de burgemeester stellig.": the speaker after a copula, cue null."""
        t, lex = self.t, self.lex
        m = t.last_before(self.quotes[q].close) + 1
        while m < b and t.words[m] and t.words[m][-1] in CLOSE_MARKS:
            m += 1
        if m + 2 >= b or t.words[m] != "," or t.lowers[m + 1] not in lex.stance_copulas:
            return False
        span = np_right(lex, t, m + 2, b)
        while span and span[1] - span[0] > 1 and t.lowers[span[1] - 1] in lex.stance_words:
            span = (span[0], span[1] - 1)  # "Jan Claes ervan (overtuigd)"
        if not span:
            return False
        k = span[1]
        seen = False
        while k < b and (t.lowers[k] in lex.stance_words or t.lowers[k] in lex.fw["time_words"]):
            seen = seen or t.lowers[k] in lex.stance_words
            k += 1
        if not seen or (k < b and t.words[k] not in _TRAIL):
            return False
        return self.direct(q, self.add_source(span), None) is not None

    @rule("quote_continuation")
    def loose_quotes(self, a: int, b: int) -> None:
        """Quotes that open a sentence with no tag: continuations of the last speaker."""
        t = self.t
        lead = self.skip_lead(a, b)
        q = self.quote_starting_at(lead)
        if q is None or q in self.quote_used:
            return
        quote = self.quotes[q]
        if len(t.text[quote.start:quote.end].split()) < 3:
            return
        if self.intro_speaker(q) or self.stance_tag(q, b):
            return
        self.direct(q, self.named_before() or self.last_speaker(), None)

    @rule("uncertainty_frame")
    def frames(self, a: int, b: int) -> None:
        """Het is niet duidelijk of X / It is unclear whether X / Of X, is onzeker."""
        t, lex = self.t, self.lex
        lead = self.skip_lead(a, b)
        if t.lowers[lead] in lex.h["whether_words"]:
            for m in range(lead + 1, b):
                if t.words[m] == "," and t.quote_of[m] < 0 and (
                        lex.frames_after.match(t.lowers, m + 1, b)
                        or any(lv == "uncertain" for _, lv in hedge_hits(lex, t, m + 1, b))):
                    self.add_claim(lead + 1, m, None, None, "unattributed", level="uncertain")
                    return
                hit = lex.frames_after.match(t.lowers, m, b)
                if hit and m > lead + 2:
                    self.add_claim(lead + 1, m, None, None, "unattributed", level="uncertain")
                    return
        for m in t.candidates("frame", a, b):
            if t.quote_of[m] < 0:
                hit = lex.frames_before.match(t.lowers, m, b)
                if hit:
                    start = m + hit[0]
                    self.add_claim(start, self.claim_end(start, b), None, None, "unattributed",
                                   level="uncertain")
                    return

    def subhead(self, pi: int, a: int, b: int) -> bool:
        """A short line without end punctuation after the headline: a subhead, not a claim."""
        t = self.t
        return pi > 0 and b - a <= 10 and t.words[b - 1] not in (".", "!", "?", "…") \
            and t.words[b - 1][-1:] not in CLOSE_MARKS

    @rule("hedged_sentence")
    def unattributed(self, pi: int, a: int, b: int) -> None:
        """A sentence with a hedge and no source: unattributed claim, or a reportative
        continuation (zou) of the paragraph's last source."""
        t, lex = self.t, self.lex
        hits = [(k, lv) for k, lv in hedge_hits(lex, t, a, b) if t.quote_of[k] < 0]
        if not hits or t.words[b - 1] == "?" or self.subhead(pi, a, b):
            return
        triggers = [k for k, _ in hits if lex.unattributed.match(t.lowers, k, b)]
        zou = [k for k, _ in hits if t.lowers[k] in lex.h["zou_words"]]
        if zou and lex.lang == "nl" and self.para_claims and self.last_speaker() \
                and not any(w in lex.h["conditional_markers"] for w in t.lowers[a:b]):
            self.add_claim(self.skip_lead(a, b), b, self.last_speaker(), None, "indirect",
                           rule="reportative_zou")
        elif triggers or (zou and lex.lang == "nl"):
            self.add_claim(self.skip_lead(a, b), b, None, None, "unattributed")

    @rule("embedded_post")
    def embedded_post(self, ps: int, pe: int) -> None:
        t = self.t
        self.claimed, self.sentence_srcs = [], []
        m = _POST.match(t.text, ps, pe)
        if not m:
            return
        i, j = t.first_at_or_after(m.start("name")), t.last_before(m.end("name"))
        src = self.add_source((i, j), j) if j > i else None
        bi, bj = t.first_at_or_after(m.start("body")), t.last_before(m.end("body"))
        self.add_claim(bi, max(bj, bi + 1), src, None, "direct", chars=(m.start("body"), m.end("body")),
                       level="certain")

    @rule("channel")
    def channels(self, a: int, b: int) -> None:
        """Channels of a reported claim: aan de NOS, op Twitter, in een verklaring, told Reuters."""
        t, lex = self.t, self.lex
        preps = lex.channel_prepositions
        cue_tokens = {m for c in self.cues[-6:] for m in range(c.i + 1, c.j)}
        for m in range(a, b - 1):
            if t.lowers[m] not in preps or t.quote_of[m] >= 0 or self.in_claimed(m) or m in cue_tokens:
                continue  # "stipte aan dat": the particle of the cue, not a channel
            span = np_right(lex, t, m + 1, b)
            if not span or self.in_claimed(span[0]):
                continue
            kind = sourcetype.classify(lex, t, span[0], span[1], self.surnames, span[1])
            nxt = span[1]
            if kind == "social_media" and nxt + 1 < b and t.lowers[nxt] in preps \
                    and t.lowers[nxt + 1] in lex.src["social_media_names"]:
                continue  # "in a post on Telegram": the platform is the channel
            if kind in CHANNEL_TYPES:
                self.add_source(span, span[1], channel=True)

    def resolve_pronouns(self) -> None:
        """Pronoun sources take the type of the nearest speaker before them."""
        last: Src | None = None
        personal: Src | None = None  # the last person or anonymous speaker: what "he"/"hij" refers to
        anon_heads: set[str] = set()
        for src in sorted(self.sources.values(), key=lambda s: s.i):
            if src.type == "anonymous":
                anon_heads.update(w for w in self.t.lowers[src.i:src.j] if len(w) > 3)
            elif self.refers_back(src, anon_heads):
                src.type = "anonymous"
            if src.type == sourcetype.PRONOUN:
                src.type = self.pronoun_type(src, last, personal)
            if not src.channel and src.type not in CHANNEL_TYPES:
                last = src
                if src.type in ("person", "anonymous"):
                    personal = src

    def refers_back(self, src: Src, anon_heads: set[str]) -> bool:
        """"the trustee" after "a former trustee ..., on condition of anonymity"."""
        words = self.t.lowers
        return (src.type == "person" and words[src.i] in ("the", "de", "die", "one", "één", "een")
                and any(w in anon_heads for w in words[src.i + 1:src.j]))

    def plural_verb_near(self, src: Src) -> bool:
        """A verb right after or before the pronoun in the plural ("ze zeggen", "zeiden ze")."""
        t = self.t
        near = [m for m in (src.j, src.i - 1) if 0 <= m < t.n]
        return any(self.lex.verb(t.lowers[m]) and t.lowers[m].endswith("en") for m in near)

    def pronoun_type(self, src: Src, last: Src | None, personal: Src | None = None) -> str:
        w = self.t.lowers[src.i]
        src_lists = self.lex.src
        if w in src_lists["person_pronouns"] and w in src_lists["group_pronouns"] and last is not None \
                and self.plural_verb_near(src):
            return last.type  # Dutch "ze zeggen", "voegden ze": a group, the nearest speaker's kind
        if w in src_lists["person_pronouns"] and personal is not None:
            return personal.type  # "he" skips an institution mentioned in between
        if last is None:
            return "person"
        if last.type in ("person", "anonymous"):
            return last.type
        if w in self.lex.src["institution_pronouns"] or w in self.lex.src["group_pronouns"]:
            return last.type
        return "person"

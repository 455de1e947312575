"""Load the per-language word lists and rules from `resources/nlp/<lang>/`.

Everything a researcher may want to extend is data; this module only turns the files into sets
and small phrase tries that the rules can query quickly.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from annotator.core.languages import LANGUAGES  # noqa: F401  (re-exported)
from annotator.paths import resource

LEVELS = ("certain", "probable", "possible", "uncertain")  # high to low
LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS)}


@dataclass(frozen=True)
class VerbEntry:
    """One reporting verb: how it behaves and which forms are past tense."""

    lemma: str
    mode: str  # always | complement | colon | document
    certainty: str | None
    past: frozenset[str]
    particle: tuple[str, ...] = ()
    particle_optional: frozenset[str] = frozenset()
    requires: tuple[str, ...] = ()
    blocked_particles: frozenset[str] = frozenset()
    blocked_before: frozenset[str] = frozenset()
    # what of its object is the claim: np (condemned X), to (pledged to X), np_to (urged X to Y)
    objects: frozenset[str] = frozenset()
    # its noun-phrase object is the claim, "dat" or not: "noemt het plan kansloos", "eist een debat"
    takes_object: bool = False
    # an auxiliary when its clause ends in an infinitive: "wil anoniem blijven" is no wish
    not_with_infinitive: bool = False
    # names when its clause ends in a name: "noemde haar dochter Anna"
    not_ending_in_name: bool = False


class PhraseTable:
    """Multi-word phrases over lower-cased tokens: a dict keyed by first word, then by second."""

    def __init__(self, phrases: Mapping[str, object] | list[str]):
        items = phrases.items() if isinstance(phrases, Mapping) else ((p, True) for p in phrases)
        self.by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for phrase, value in items:
            words = tuple(phrase.split())
            if words:
                self.by_first.setdefault(words[0], []).append((words, value))
        # first word -> (value of the one-word phrase or None, second word -> longer phrases)
        self._index: dict[str, tuple[object, dict[str, list[tuple[tuple[str, ...], object]]]]] = {}
        for first, entries in self.by_first.items():
            entries.sort(key=lambda e: -len(e[0]))  # longest match first
            single = next((v for w, v in entries if len(w) == 1), None)
            longer: dict[str, list[tuple[tuple[str, ...], object]]] = {}
            for w, v in entries:
                if len(w) > 1:
                    longer.setdefault(w[1], []).append((w, v))
            self._index[first] = (single, longer)

    def match(self, words: list[str], i: int, end: int) -> tuple[int, object] | None:
        """Longest phrase starting at `i` (not past `end`): (length, value) or None."""
        hit = self._index.get(words[i])
        if hit is None:
            return None
        single, longer = hit
        if longer and i + 1 < end:
            for phrase, value in longer.get(words[i + 1], ()):
                n = len(phrase)
                if i + n <= end and (n == 2 or tuple(words[i + 2:i + n]) == phrase[2:]):
                    return n, value
        return (1, single) if single is not None else None

    def first_words(self) -> set[str]:
        return set(self.by_first)


# source-type noun lists in the order they are tried: the first list that has a word types it
NOUN_TYPE_LISTS = (("social_media_nouns", "social_media"), ("anonymous_nouns", "anonymous"),
                   ("document_nouns", "document"), ("news_media_nouns", "news_media"),
                   ("person_nouns", "person"), ("institution_nouns", "institution"))


@dataclass
class Lexicon:
    lang: str
    verbs: dict[str, list[VerbEntry]]
    prepositions: PhraseTable
    tags: set[str]
    complementisers: set[str]
    infinitive_complementisers: set[str]
    document_prepositions: set[str]
    coordinators: set[str]
    passive_agent: set[str]
    retro_pronouns: set[str]
    passive_aux: set[str]
    channel_prepositions: set[str]
    fw: dict[str, set[str]]
    np_connectors: PhraseTable
    max_np: int
    media_names: PhraseTable  # case-sensitive
    social_names: PhraseTable  # case-sensitive
    src: dict[str, set[str]]
    inst_suffixes: tuple[str, ...]
    person_suffixes: tuple[str, ...]
    doc_suffixes: tuple[str, ...]
    media_suffixes: tuple[str, ...]
    anonymous_markers: PhraseTable
    hedges: PhraseTable  # value: level
    unattributed: PhraseTable  # value: level
    not_hedges: PhraseTable
    frames_before: PhraseTable
    frames_after: PhraseTable
    h: dict[str, set[str]] = field(default_factory=dict)
    adjective_suffixes: tuple[str, ...] = ()
    interview_verbs: frozenset[str] = frozenset()
    interview_prepositions: frozenset[str] = frozenset()
    stance_copulas: frozenset[str] = frozenset()
    stance_words: frozenset[str] = frozenset()
    strict_complement: frozenset[str] = frozenset()
    as_words: frozenset[str] = frozenset()
    judgement: dict[str, frozenset[str]] = field(default_factory=dict)  # "Spannend vindt X het": verbs, objects, trailers
    free_indirect: dict[str, frozenset[str]] = field(default_factory=dict)  # "..., immers": markers, openers
    claim_nouns: dict[str, frozenset[str]] = field(default_factory=dict)  # "his claim that": noun -> complement
    unknown_name_type: str = "institution"  # a lone capitalised word no list or context types
    _cue_first: frozenset[str] | None = None
    _suffixes: list[tuple[re.Pattern[str], str]] | None = None
    _hedge_first: frozenset[str] | None = None
    _frame_first: frozenset[str] | None = None
    _name_stop: frozenset[str] | None = None
    _acronym_clashes: frozenset[str] | None = None
    _pronouns: frozenset[str] | None = None
    _inst_firsts: frozenset[str] | None = None
    _noun_types: dict[str, str] | None = None

    def verb(self, lower: str) -> list[VerbEntry]:
        return self.verbs.get(lower, [])

    @property
    def suffix_patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """Word endings per type as compiled patterns (compounds: sectorfederatie, vakbondsman);
        the ending must leave at least three letters in front of it."""
        if self._suffixes is None:
            groups = ((self.doc_suffixes, "document"), (self.media_suffixes, "news_media"),
                      (self.inst_suffixes, "institution"), (self.person_suffixes, "person"))
            self._suffixes = [
                (re.compile(r"^.{3,}(?:" + "|".join(map(re.escape, sorted(sfx, key=len, reverse=True))) + ")$"), label)
                for sfx, label in groups if sfx]
        return self._suffixes

    @property
    def noun_types(self) -> dict[str, str]:
        """Word or two-word phrase -> the source type of the first NOUN_TYPE_LISTS list that has
        it (one look-up instead of two per list)."""
        if self._noun_types is None:
            self._noun_types = {}
            for key, label in reversed(NOUN_TYPE_LISTS):  # earlier lists overwrite later ones
                self._noun_types.update(dict.fromkeys(self.src[key], label))
        return self._noun_types

    @property
    def pronouns(self) -> frozenset[str]:
        if self._pronouns is None:
            src = self.src
            self._pronouns = frozenset(src["person_pronouns"] | src["group_pronouns"] | src["institution_pronouns"])
        return self._pronouns

    @property
    def inst_name_firsts(self) -> frozenset[str]:
        """First words of the multi-word `institution_names` (tel aviv, downing street)."""
        if self._inst_firsts is None:
            self._inst_firsts = frozenset(n.split()[0] for n in self.src.get("institution_names", ()) if " " in n)
        return self._inst_firsts

    @property
    def acronym_clashes(self) -> frozenset[str]:
        """Function words and pronouns that an all-capital acronym may spell (OM, US, IS)."""
        if self._acronym_clashes is None:
            src = self.src
            self._acronym_clashes = frozenset().union(
                *self.fw.values(), src["person_pronouns"], src["group_pronouns"], src["institution_pronouns"])
        return self._acronym_clashes

    @property
    def name_stop_words(self) -> frozenset[str]:
        """Words that open a capitalised run without being part of a personal name."""
        if self._name_stop is None:
            fw, src = self.fw, self.src
            self._name_stop = frozenset(
                fw["determiners"] | fw["leading_skip"] | fw["stop_prepositions"] | fw["conjunctions"]
                | src["institution_nouns"] | src["person_nouns"] | src["news_media_nouns"]
                | src["document_nouns"] | fw["time_words"]
                | (fw["np_prepositions"] - fw.get("surname_prefixes", frozenset())))  # "Bij Aventus"
        return self._name_stop

    @property
    def cue_first_words(self) -> frozenset[str]:
        """Words at which a cue may start: verb forms, tags and first words of prepositions."""
        if self._cue_first is None:
            self._cue_first = frozenset(self.verbs) | self.tags | self.prepositions.first_words()
        return self._cue_first

    @property
    def claim_noun_words(self) -> frozenset[str]:
        """Nouns of saying that take a complement ("claim" that, "promise" to, "call" for)."""
        return frozenset().union(*(self.claim_nouns.get(c, ()) for c in ("that", "to", "for")))

    @property
    def hedge_first_words(self) -> frozenset[str]:
        if self._hedge_first is None:
            self._hedge_first = frozenset(self.hedges.first_words() | self.not_hedges.first_words())
        return self._hedge_first

    @property
    def frame_first_words(self) -> frozenset[str]:
        if self._frame_first is None:
            self._frame_first = frozenset(self.frames_before.first_words())
        return self._frame_first


def _read_json(lang: str, name: str) -> dict:
    path: Path = resource("nlp", lang, name)
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _read_verbs(lang: str) -> dict[str, list[VerbEntry]]:
    verbs: dict[str, list[VerbEntry]] = {}
    path = resource("nlp", lang, "cue_verbs.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        raw = json.loads(line)
        entry = VerbEntry(
            lemma=raw["lemma"], mode=raw.get("mode", "complement"),
            certainty=raw.get("certainty"), past=frozenset(raw.get("past", ())),
            particle=tuple(raw.get("particle", ())),
            particle_optional=frozenset(raw.get("particle_optional_forms", ())),
            requires=tuple(raw.get("requires", ())),
            blocked_particles=frozenset(raw.get("blocked_particles", ())),
            blocked_before=frozenset(raw.get("blocked_before", ())),
            objects=frozenset(raw.get("objects", ())),
            takes_object=bool(raw.get("object", False)),
            not_with_infinitive=bool(raw.get("not_with_infinitive", False)),
            not_ending_in_name=bool(raw.get("not_ending_in_name", False)),
        )
        for form in raw["forms"]:
            verbs.setdefault(form.lower(), []).append(entry)
    return verbs


def _levels(table: dict) -> dict[str, str]:
    return {phrase.lower(): level for level in LEVELS if level in table for phrase in table[level]}


def stopwords(lang: str) -> set[str]:
    """Frequent words of `lang`, for language detection."""
    text = resource("nlp", lang, "stopwords.txt").read_text(encoding="utf-8")
    return {w.strip().lower() for w in text.splitlines() if w.strip()}


@cache
def load(lang: str) -> Lexicon:
    """The lexicon of `lang` ("nl" or "en"), read once per process."""
    cues = _read_json(lang, "cues.json")
    fw_raw = _read_json(lang, "function_words.json")
    src_raw = _read_json(lang, "sources.json")
    hedges = _read_json(lang, "hedges.json")
    lower = {k: {w.lower() for w in v} for k, v in src_raw.items() if isinstance(v, list)}
    fw = {k: {w.lower() for w in v} for k, v in fw_raw.items() if isinstance(v, list)}
    return Lexicon(
        lang=lang,
        verbs=_read_verbs(lang),
        prepositions=PhraseTable(cues["prepositions"]),
        tags=set(cues["tags"]),
        complementisers=set(cues["complementisers"]),
        infinitive_complementisers=set(cues["infinitive_complementisers"]),
        document_prepositions=set(cues["document_prepositions"]),
        coordinators=set(cues["coordinators"]),
        passive_agent=set(cues["passive_agent"]),
        retro_pronouns=set(cues["retro_pronouns"]),
        passive_aux=set(cues.get("passive_aux", [])),
        channel_prepositions=set(cues.get("channel_prepositions", [])),
        fw=fw,
        np_connectors=PhraseTable(fw_raw.get("np_connectors", [])),
        max_np=int(fw_raw.get("max_np_tokens", 12)),
        media_names=PhraseTable(src_raw["news_media_names"]),
        social_names=PhraseTable(src_raw["social_media_names"]),
        src=lower,
        inst_suffixes=tuple(src_raw.get("institution_suffixes", ())),
        person_suffixes=tuple(src_raw.get("person_suffixes", ())),
        doc_suffixes=tuple(src_raw.get("document_suffixes", ())),
        media_suffixes=tuple(src_raw.get("news_media_suffixes", ())),
        anonymous_markers=PhraseTable([m.lower() for m in src_raw["anonymous_markers"]]),
        hedges=PhraseTable(_levels(hedges)),
        unattributed=PhraseTable(_levels(hedges["unattributed_triggers"])),
        not_hedges=PhraseTable([p.lower() for p in hedges["not_hedges"]]),
        frames_before=PhraseTable([p.lower() for p in hedges["uncertain_frames_before"]]),
        frames_after=PhraseTable([p.lower() for p in hedges["uncertain_frames_after"]]),
        h={k: {w.lower() for w in v} for k, v in hedges.items() if isinstance(v, list)},
        adjective_suffixes=tuple(fw_raw.get("adjective_suffixes", ())),
        interview_verbs=frozenset(w.lower() for w in cues.get("interview_verbs", ())),
        interview_prepositions=frozenset(w.lower() for w in cues.get("interview_prepositions", ())),
        stance_copulas=frozenset(w.lower() for w in cues.get("stance_copulas", ())),
        stance_words=frozenset(w.lower() for w in cues.get("stance_words", ())),
        strict_complement=frozenset(cues.get("strict_complement", ())),
        as_words=frozenset(cues.get("as_words", ())),
        judgement={k: frozenset(v) for k, v in cues.get("fronted_judgement", {}).items()},
        free_indirect={k: frozenset(v) for k, v in cues.get("free_indirect", {}).items()},
        claim_nouns={k: frozenset(v) for k, v in cues.get("claim_nouns", {}).items() if isinstance(v, list)},
        unknown_name_type=str(src_raw.get("unknown_name_type", "institution")),
    )

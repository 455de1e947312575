"""Whether a word at k is a cue here: a finite, affirmative reporting verb in running text, with its particle."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.nlp import complement, speakers
from annotator.nlp.discourse import Discourse
from annotator.nlp.lexicon import VerbEntry
from annotator.nlp.rules import according_to, quote_tag, reporting_verb
from annotator.nlp.rules.base import Construction


def cue_position_ok(d: Discourse, a: int, b: int, k: int) -> bool:
    """A verb form reports only as a finite, affirmative verb in running text: not "State
    Department" mid-sentence, not "declined to say" / "om te vertellen", not "did not confirm"."""
    t, lex = d.t, d.lex
    lead = d.skip_lead(a, b)
    if k > lead and t.is_cap(k) and not title_case(d, a, b):
        return False
    if k > a and t.lowers[k - 1] in lex.fw.get("infinitive_markers", ()):
        return False
    if noun_use(d, a, b, k):
        return False
    for m in range(k - 1, max(a, k - 4) - 1, -1):
        if t.words[m] in (",", ";", ":") or t.quote_of[m] >= 0:
            break
        if t.lowers[m] in lex.fw["negations"]:
            return complement.whether_at(d, k + 1, b) is not None  # "kan niet zeggen of": an open question
    return True


def noun_use(d: Discourse, a: int, b: int, k: int) -> bool:
    """Where the subject stands next to its verb, a verb form after a preposition or a number
    ("secretary of state", "18 states") or before a finite auxiliary ("New York state is") is
    a noun."""
    t, fw = d.t, d.lex.fw
    if plural_after_adjective(d, a, k):
        return True  # "moet aan strenge eisen voldoen": a plural noun after an inflected adjective
    if not d.lang.subject_next_to_verb:
        return False
    prev = t.lowers[k - 1] if k > a else ""
    ing = d.lang.participle_suffix
    if (prev in fw.get("noun_after", ()) and not (ing and t.lowers[k].endswith(ing))) or prev[:1].isdigit() \
            or prev in fw.get("not_reporting_after", ()):
        return True  # ("by saying": a gerund after a preposition still reports; "goes without saying" not)
    w = t.lowers[k]
    if prev in ("'s", "’s") and k >= a + 2 and t.lowers[k - 2] not in d.pronouns and not (ing and w.endswith(ing)) \
            and not any(w in e.past for e in d.lex.verb(w)) and w not in d.lex.claim_noun_words:
        return True  # "Editor's note", "Mr. King's show": a possessive's noun (but "Trump's said", "he's saying")
    return k + 1 < b and t.lowers[k + 1] in fw.get("finite_auxiliaries", ())


def plural_after_adjective(d: Discourse, a: int, k: int) -> bool:
    """A plural verb form ("eisen", "vragen") right after an inflected adjective ("strenge",
    "nieuwe") is a noun; where the language lists `inflected_adjective_endings` and
    `plural_endings` (function_words.json)."""
    t, fw = d.t, d.lex.fw
    adj, plural = tuple(fw.get("inflected_adjective_endings", ())), tuple(fw.get("plural_endings", ()))
    if not adj or not plural or k <= a or t.is_cap(k - 1) or not t.lowers[k].endswith(plural):
        return False
    prev = t.lowers[k - 1]
    lists = ("determiners", "auxiliaries", "pronouns", "time_words", "stop_prepositions", "np_prepositions",
             "leading_skip", "subject_fronting", "conjunctions", "relative_pronouns")
    return len(prev) >= 5 and prev.endswith(adj) and not prev.endswith(("ee", "ie")) \
        and prev not in d.lex.verbs and not any(prev in fw.get(key, ()) for key in lists)


def title_case(d: Discourse, a: int, b: int) -> bool:
    """English headlines capitalise every word: "Minister Says Talks Will Resume"."""
    t = d.t
    words = [m for m in range(a, b) if t.is_word(m) and len(t.words[m]) > 3]
    return len(words) >= 2 and sum(t.is_cap(m) for m in words) * 4 >= len(words) * 3


def verb_span(d: Discourse, b: int, k: int, entry: VerbEntry, a: int | None = None) -> int | None:
    """End of the cue starting at k, or None when a separable verb lacks its particle."""
    t = d.t
    if k > 0 and t.is_cap(k) and t.is_word(k - 1) and (a is None or not title_case(d, a, b)):
        return None  # "Velinsk State University": a capitalised name, not a verb (but "Graham Says" in a headline)
    if k > 0 and t.lowers[k - 1] in d.lex.fw["determiners"] and t.lowers[k - 1] not in ("dat", "that", "die") \
            and not (t.lowers[k - 1] in d.lex.retro_pronouns and (k == 1 or not t.is_word(k - 2))) \
            and not quantifier_subject(d, k):
        return None  # "the claims", "de post": a noun, not a verb; "Dit meldt X." is a report
    for word in entry.requires:
        if word not in t.lowers[max(0, k - 3):min(b, k + 11)]:  # "wijten de kloof tussen A en B vooral aan"
            return None
    if entry.not_with_infinitive and ends_in_infinitive(d, k, b):
        return None  # "wil anoniem blijven", "wilde niet zeggen": an auxiliary, not a wish
    if entry.not_ending_in_name and ends_in_name(d, k, b):
        return None
    if entry.blocked_before and any(w in entry.blocked_before for w in t.lowers[max(0, k - 4):k]):
        return None  # "op de hoogte gesteld": not a report
    if entry.blocked_particles:
        for m in range(k + 1, min(b, k + 9)):
            w = t.lowers[m]
            if w in d.lex.complementisers or t.quote_of[m] >= 0 or w in (",", ":", ";"):
                break
            if w in entry.blocked_particles and (m + 1 >= b or not t.is_word(m + 1)
                                                 or t.lowers[m + 1] in d.lex.complementisers):
                return None  # "schrijven bronnen toe aan": attribute, not write
    if not entry.particle or t.lowers[k] in entry.particle_optional:
        return k + 1
    m, limit = k + 1, k + 8
    while m < min(b, limit):
        if t.words[m] == "(":
            limit += 3  # "vult Sjoerd de Wit (16) aan": a bracketed aside does not count
        if t.lowers[m] in entry.particle:
            between = t.lowers[k + 1:m]
            light = d.lex.fw["time_words"] | d.lex.fw.get("verb_adverbs", frozenset())  # "called Friday for"
            close = all(w in ("eraan", "erop", "er", "niet", "ook", "nog", "al") or w in light for w in between)
            return m + 1 if close else k + 1
        if t.lowers[m] in d.lex.complementisers or t.quote_of[m] >= 0:
            break
        m += 1
    if k > 0 and t.lowers[k - 1] in entry.particle:
        return k + 1
    return None


def quantifier_subject(d: Discourse, k: int) -> bool:
    """"Some say", "Many note that": a quantifier opening its clause is the subject of a plain
    verb form after it ("some claims", with -s, stays a noun)."""
    t = d.t
    return t.lowers[k - 1] in d.lex.fw.get("quantifier_subjects", ()) and not t.lowers[k].endswith("s") \
        and (k == 1 or t.lowers[k - 2] in d.lex.coordinators
             or not t.is_word(k - 2) and t.words[k - 2] not in ("-", "—", "–", "("))  # "a bold - some say rash - plan"


def short_quote(d: Discourse, q: int) -> bool:
    """A quoted phrase inside a clause ("wil daar ‘in het belang van het onderzoek’ niets kwijt")."""
    quote = d.quotes[q]
    return quote.closed and len(d.t.text[quote.start:quote.end].split()) <= 6


def clause_last(d: Discourse, k: int, b: int) -> tuple[int, int | None]:
    """The last word of the verb's clause (up to punctuation, a subordinator or a coordinator)
    and where a complementiser stopped it, if one did."""
    t, lex = d.t, d.lex
    stops = lex.fw.get("clause_subordinators", ())
    m = k + 1
    while m < b and (t.quote_of[m] < 0 or short_quote(d, t.quote_of[m])) \
            and t.words[m] not in (",", ";", ":", ".", "(") \
            and t.lowers[m] not in stops and t.lowers[m] not in lex.coordinators:
        if t.lowers[m] in lex.complementisers and m > k + 1 and t.quote_of[m] < 0:
            return m - 1, m
        m += 1
    return m - 1, None


def ends_in_infinitive(d: Discourse, k: int, b: int) -> bool:
    """An auxiliary use: "wil anoniem blijven", "wilde (niet) bevestigen dat"; but a wish in
    "willen voorkomen dat ...", where the clause after is the claim."""
    t, lex = d.t, d.lex
    if k + 2 < b and t.lowers[k + 1] in lex.complementisers:
        after = t.lowers[k + 2]
        if not t.is_word(k + 2) or after in lex.fw.get("demonstrative_followers", ()) \
                or after in lex.fw["negations"] or after in lex.verbs or after in lex.fw["auxiliaries"]:
            return True  # "wil dat graag", "wil dat zeggen": a demonstrative, no wish of a clause
        if clause_opening(d, k + 2):
            return False  # "wil dat gemeenten meer bouwen": the clause is the wish
    last, comp = clause_last(d, k, b)
    if comp is not None:
        between = t.lowers[k + 1:comp]
        if all(w in lex.fw["negations"] or w in lex.fw["time_words"] or w in lex.fw.get("verb_adverbs", ())
               for w in between):
            return False  # "wil niet dat de brug dichtgaat", "wil ook graag dat": still a wish
        return d.is_reporting(last) or any(w in lex.fw["negations"] for w in between)
    if any(d.is_reporting(x) or t.lowers[x] in lex.fw["negations"] for x in range(k + 1, last + 1)):
        return True  # "wilde niet zeggen hoe hoog ...", "wil daar niets over kwijt": a refusal
    return last > k and t.lowers[last].endswith(tuple(lex.fw.get("infinitive_endings", ()))) \
        and not t.is_cap(last) and t.lowers[last - 1] not in lex.fw["determiners"]


def clause_opening(d: Discourse, m: int) -> bool:
    """The word after "dat" opens a clause (a determiner, pronoun, name or plural noun), not a
    noun that "dat" determines ("wil dat huis kopen")."""
    t, fw = d.t, d.lex.fw
    w = t.lowers[m]
    return w in fw["determiners"] or w in fw["pronouns"] or t.is_cap(m) or w in ("er", "hier", "daar") \
        or (w.endswith(("en", "s")) and len(w) > 3)


def ends_in_name(d: Discourse, k: int, b: int) -> bool:
    """ "noemde haar dochter Anna": naming, not the judgement of "noemde het plan kansloos";
    "De naam noemt het bedrijf niet": withholding it."""
    last, comp = clause_last(d, k, b)
    return comp is None and last > k and (d.t.is_cap(last) or d.t.lowers[last] in d.lex.fw["negations"])


def read_cues(d: Discourse, a: int, b: int, verb_rules: Sequence[Construction]) -> None:
    """Every cue word of the sentence, left to right, outside quotes and claims already made."""
    t = d.t
    nxt = a
    found = t.candidates("cue", a, b)
    last = closing_tag(d, a, b, found)
    if last is not None:
        before = len(d.claims)
        try_cue(d, a, b, last, verb_rules)  # "CLAIM met toegevoegd, vindt hij.": the closing tag first
        last = last if len(d.claims) > before else None
    for k in found:
        if k >= nxt and k != last and t.quote_of[k] < 0 and not d.in_claimed(k):
            nxt = try_cue(d, a, b, k, verb_rules)


def closing_tag(d: Discourse, a: int, b: int, found: Sequence[int]) -> int | None:
    """A reporting verb right after a comma that closes the sentence with its speaker
    ("..., vindt hij.", "..., zegt Kok, wethouder van Zorg."), when the clause before it has
    other cue words but no reporting verb with its own "dat" or colon; else None."""
    t, lex = d.t, d.lex
    cands = [k for k in found if t.quote_of[k] < 0]
    if len(cands) < 2:
        return None
    k = cands[-1]
    if lex.prepositions.match(t.lowers, cands[0], b) and cands[0] == d.skip_lead(a, b):
        return None  # "Volgens X ..., zei hij": the opening volgens attributes the claim
    if k - 1 <= a or b - k > 14 or t.is_cap(k) or not d.is_reporting(k):
        return None
    if t.words[k - 1] != "," and d.lang.subject_next_to_verb:
        back = speakers.walk_back_speaker(d, a, k)  # "..., a spokesman announced Monday."
        if back is None or t.words[back] != "," or k - back > 6 or t.lowers[back + 1] in lex.coordinators \
                or not quote_tag.tag_rest_ok(d, k + 1, b):
            return None  # (", and Clinton is promising to ...": a clause of its own, no tag)
    elif t.words[k - 1] != ",":
        return None
    if any(t.words[m] in (",", ":") or t.lowers[m] in lex.complementisers for m in (x + 1 for x in cands[:-1])) \
            or any(t.lowers[m] in lex.complementisers for m in range(k + 1, b)):
        return None  # "Hij zei dat ..., meldt X": the first report keeps its speaker
    return k


def try_cue(d: Discourse, a: int, b: int, k: int, verb_rules: Sequence[Construction]) -> int:
    """Read the cue at k (tag word, preposition or reporting verb); return where to go on."""
    t, lex = d.t, d.lex
    lw = t.lowers[k]
    if lw in lex.tags:
        if not quote_tag.tag(d, a, b, k, k + 1, None) and k == d.skip_lead(a, b):
            quote_tag.tag_opening(d, a, b, k)  # "‘...’ Aldus de burgemeester."
        return k + 1
    hit = lex.prepositions.match(t.lowers, k, b)
    if hit:
        according_to.preposition(d, a, b, k, k + hit[0])
        return k + hit[0]
    if not cue_position_ok(d, a, b, k):
        return k + 1
    for entry in lex.verb(lw):
        end = verb_span(d, b, k, entry, a)
        if end:
            before = set(d.sources)
            if read_verb(d, a, b, k, end, entry, verb_rules):
                return end
            d.forget_sources(before)
    return k + 1


def read_verb(d: Discourse, a: int, b: int, k: int, end: int, entry: VerbEntry,
              verb_rules: Sequence[Construction]) -> bool:
    """The verb rules in their order: the first that finds a claim wins; a `final` rule's
    answer stands for the verb modes it takes."""
    if reporting_verb.blocked(d, a, b, k, end):
        return False
    for construction in verb_rules:
        if construction.modes is not None and entry.mode not in construction.modes:
            continue
        found = construction.run(d, a, b, k, end, entry)
        if found or construction.final:
            return bool(found)
    return False

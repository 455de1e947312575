"""Who speaks: the subject of a reporting verb, the speaker after a tag, the name before a quote."""

from __future__ import annotations

from annotator.nlp import nounphrase, sourcetype
from annotator.nlp.discourse import Discourse, Src
from annotator.nlp.fronting import demonstrative_subject, second_main_clause, time_phrase
from annotator.nlp.nounphrase import coordinated_np, np_right, surname_prefix_at
from annotator.nlp.subject_start import (
    after_fronted_participle,
    coordinated_clause_start,
    name_after_phrase,
    plausible_subject,
    reaches_verb,
    relative_antecedent,
)


def speaker_after(d: Discourse, cj: int, b: int) -> tuple[int, int] | None:
    """The speaker after a tag cue; "het" in Flemish "klinkt het bij X" points on to X."""
    t, lex = d.t, d.lex
    if cj < b and t.lowers[cj] in lex.complementisers:
        return None
    while cj < b - 1 and t.lowers[cj] in lex.fw["time_words"] and t.lowers[cj] not in lex.fw["determiners"]:
        cj += 1  # "aldus nog het parket", "zegt ook de minister"
    if cj < b and (t.lowers[cj] in lex.fw["np_prepositions"] or t.lowers[cj] in lex.fw["stop_prepositions"]) \
            and t.lowers[cj] not in lex.fw["determiners"] and not surname_prefix_at(lex, t, cj):
        return None  # "said of the expulsions": no speaker here
    span = np_right(lex, t, cj, b)
    span = coordinated_np(lex, t, span, b, to_punctuation=True)  # "vinden Jansen en Willemsen.": both speak
    if span and t.lowers[span[0]] in lex.h.get("empty_subjects", ()):
        m = span[0] + 1
        if m < b and t.lowers[m] in lex.fw["stop_prepositions"] | lex.fw["np_prepositions"]:
            span = np_right(lex, t, m + 1, b) or span
    return span


def subject(d: Discourse, a: int, b: int, k: int, end: int) -> Src | None:
    """The speaker of a reporting verb at k: before it, or after it in Dutch inversion."""
    return find_subject(d, a, b, k, end)


def vetted_subject(d: Discourse, a: int, b: int, k: int, end: int) -> tuple[bool, Src | None]:
    """(found, speaker): as `subject`, but a phrase that cannot be a subject next to its verb
    (see `plausible_subject`) is dropped, the claim kept without a speaker: (True, None)."""
    before = set(d.sources)
    src = find_subject(d, a, b, k, end)
    if src is None or not d.lang.subject_next_to_verb or plausible_subject(d, src.i, src.j):
        return src is not None, src
    if (src.i, src.j) not in before:
        d.forget_sources(before)
    t, fw = d.t, d.lex.fw
    j = src.j
    if t.lowers[j - 1] in d.lex.coordinators or t.lowers[j - 1] in fw.get("noun_after", ()):
        cut = first_verb(d, src.i + 1, src.j)  # "He spoke with voters and [said]", "She began by [saying]"
        if cut is None and t.lowers[src.i] in d.pronouns:
            cut = src.i + 1
        if cut is not None and plausible_subject(d, src.i, cut):
            return True, d.add_source((src.i, cut), k)
        return True, None
    while j > src.i + 1 and (t.lowers[j - 1] in fw["auxiliaries"] or t.lowers[j - 1] in fw.get("verb_adverbs", ())):
        j -= 1  # "Recent polls have similarly [found]": the auxiliary and adverb belong to the verb
    if j < src.j and plausible_subject(d, src.i, j):
        return True, d.add_source((src.i, j), k)
    return True, None


def first_verb(d: Discourse, i: int, j: int) -> int | None:
    """The first word in [i, j) that looks like a finite verb: listed, or lower case in -ed."""
    t, fw = d.t, d.lex.fw
    ed = d.lang.past_participle_suffix
    finite = fw.get("finite_auxiliaries", set()) | fw.get("finite_verbs", set())
    for m in range(i, j):
        w = t.lowers[m]
        if not t.is_cap(m) and (w in finite or w in d.lex.verbs or (ed and w.endswith(ed) and len(w) > 4)):
            return m
    return None


def find_subject(d: Discourse, a: int, b: int, k: int, end: int) -> Src | None:
    t, lex = d.t, d.lex
    if k > a and (t.lowers[k - 1] in lex.coordinators or t.words[k - 1] == ",") and d.sentence_srcs:
        prev = d.sentence_srcs[-1]
        if t.words[k - 1] == "," and t.lowers[prev.i] in lex.fw["relative_pronouns"] and prev.i - 1 > a:
            return d.add_source(np_before(d, d.skip_lead(a, k), prev.i - 1), k)  # "The mayor, who has said X, said"
        return prev
    if k - 2 > a and t.lowers[k - 1] in d.pronouns and t.lowers[k - 2] in lex.coordinators:
        return d.add_source((k - 1, k), k)  # "..., en ze voegden eraan toe dat": ze speaks
    lead = d.skip_lead(a, k)
    second = second_main_clause(d, lead, k) if d.lang.verb_second else None
    if second is not None:
        lead = second  # "De economie koelt af en toch blijft het CPB volhouden dat": the second clause's
    if lead >= k:
        return d.add_source(np_right(lex, t, end, b))
    lead = coordinated_clause_start(d, lead, k) or lead
    if d.lang.subject_next_to_verb and not d.lang.verb_second and lead + 1 < k \
            and t.lowers[lead] in lex.fw.get("adverbial_subordinators", ()) \
            and not any(t.words[m] == "," for m in range(lead, k)):
        lead += 1  # "Lest you assume that", "If voters believe that": the subordinator opens no subject
    bracket = next((m for m in range(k - 1, lead - 1, -1) if t.words[m] in ("(", ")")), None)
    if bracket is not None and t.words[bracket] == "(" and bracket + 1 < k:
        lead = bracket + 1  # "Clinton stumbled (her campaign later disclosed that ...)": the aside has its own subject
    if d.lang.subject_next_to_verb and lead + 2 == k and t.words[k - 1] == "," \
            and t.lowers[lead] in lex.fw.get("verb_adverbs", ()):
        return None  # "Initially, state regulators ...": no subject before the word, so no verb
    clause = lex.fw.get("clause_subordinators", set()) | lex.complementisers
    preps = lex.fw["stop_prepositions"] | lex.fw["np_prepositions"]
    subs = [m for m in range(lead + 1, k) if t.quote_of[m] < 0 and t.lowers[m] in clause
            and t.lowers[m - 1] not in preps]  # "op dat tijdstip": a determiner
    r = k
    while r - 1 > lead and (t.lowers[r - 1] in lex.fw["auxiliaries"] or t.lowers[r - 1] in lex.fw.get("verb_adverbs", ())
                            or t.lowers[r - 1] in ("'s", "’s")):
        r -= 1  # "Trump, who had talked about": the auxiliary stands between the pronoun and the verb
    if d.lang.relative_subject and r - 2 > lead and t.lowers[r - 1] in lex.fw["relative_pronouns"] \
            and (t.words[r - 2] in (",", "—", "–") or nounphrase.ends_noun_phrase(lex, t, r - 2)):
        return relative_source(d, lead, r - 1, k)  # "the Act, which says that", "a PAC that intends to"
    rel = relative_before_verb(d, lead, k) if d.lang.relative_subject and subs else None
    if rel is not None:
        subs = [m for m in subs if m < rel]  # "Mr. Obama, who understood that ..., told": not that clause's subject
    if not d.lang.relative_subject and t.words[k - 1] == "," and subs and t.words[subs[0] - 1] == "," \
            and t.lowers[subs[0]] in lex.fw["relative_pronouns"] and subs[0] - 1 > lead:
        return d.add_source(np_right(lex, t, lead, subs[0] - 1), k)  # "Turkije, dat sinds ..., waarschuwde"
    if (antecedent := relative_antecedent(d, lead, k)) is not None:
        return d.add_source(antecedent, k)  # "boeren die zeggen dat ...": the antecedent speaks
    if d.lang.verb_second and lead + 1 == k and t.lowers[lead] not in d.pronouns \
            and t.words[lead] not in d.surnames and not sourcetype.known_source_word(lex, t.lowers[lead]):
        after = inverted_subject(d, end, b)
        if after:
            return d.add_source(after)  # "Samengenomen berekenen de artsen dat ..."
    for m in reversed(subs):
        span = np_right(lex, t, m + 1, k)
        if span and d.lang.subject_next_to_verb and not all(
                t.words[x] == "," or reaches_verb(d, x, x + 1) for x in range(span[1], k)):
            continue  # "under a sky that seemed to ..., Obama warned": that clause's words are no subject
        if span:
            return d.add_source(span, k)
    if d.lang.verb_second and lead + 1 < k and t.lowers[lead] in lex.fw["auxiliaries"] and not t.is_cap(lead + 1) \
            and t.lowers[lead + 1] in lex.fw["articles"]:
        return d.add_source(np_right(lex, t, lead + 1, k), k)  # "Toch blijft het CPB volhouden dat"
    fronted = t.lowers[lead] in lex.fw["subject_fronting"] or t.lowers[lead] in lex.fw["time_words"]
    if fronted and lead + 1 < k and t.lowers[lead] in lex.fw["determiners"]:
        span = demonstrative_subject(d, lead, k)
        if span is not None:
            return d.add_source(span, k)  # "Dit rapport bevestigt dat ...": "Dit" opens the subject
    if d.lang.verb_second and k - 1 > lead and t.words[k - 1] == "," and end < b and (
            fronted or t.lowers[lead] in lex.fw.get("clause_subordinators", ())):
        return d.add_source(np_right(lex, t, end, b))  # "Sinds X is beëdigd, maakt de N-VA ..."
    fronted_pp = d.lang.verb_second and fronted and t.lowers[lead] in lex.fw["stop_prepositions"]
    if fronted and (fronted_pp or not d.lang.verb_second or lead + 1 >= k or not t.is_cap(lead + 1)):  # "Op X schreef Y", "Donderdag zei Y"
        commas = [m for m in range(lead, k) if t.words[m] == "," and t.quote_of[m] < 0]
        if not d.lang.verb_second and commas:
            last = commas[-1] if commas[-1] < k - 1 or len(commas) == 1 else commas[0]
            span = np_right(lex, t, d.skip_lead(last + 1, k), k)  # "In a statement, one of the attorneys, Jo Bam, said"
            return d.add_source(apposition_name(d, span, k) or span, k)
        if not d.lang.verb_second:
            return d.add_source(name_after_phrase(d, lead, k) or np_before(d, lead, k), k)  # "Yesterday the mayor said"
        finite = next((m for m in range(lead + 1, k + 1) if t.lowers[m] in lex.fw["auxiliaries"]
                       or t.lowers[m] in lex.verbs), k)
        if embedded_clause(d, lead + 1, finite):
            finite = k  # "Op de vraag of het pand wordt verkocht antwoordt X": "wordt" ends the of-clause
        stop = k if finite < k else b
        span = np_right(lex, t, finite + 1 if finite < k else end, stop)
        if span is None and finite < k and t.lowers[finite] in lex.passive_aux:
            span = passive_document(d, lead, finite)  # "In de klacht werd benadrukt dat": the document
        return d.add_source(span)
    if d.lang.verb_second and time_phrase(d, lead, k):
        return d.add_source(np_right(lex, t, end, b))  # "Deze week zei de minister": the subject follows
    after_comma = subject_after_comma(d, lead, k)
    if after_comma is not None:
        return d.add_source(after_comma, k)  # "More than anything else, Mr. Obama believes"
    span = coordinated_np(lex, t, np_right(lex, t, lead, k), k)
    ing = d.lang.participle_suffix
    if ing and span and span[1] <= k - 1 and t.words[k - 1] == "," and t.lowers[k].endswith(ing):
        span = after_fronted_participle(d, lead, k) or span  # "Chastened by the criticism, Trump revised ..., promising"
        fw = lex.fw
        for m in range(span[0] + 1, span[1]):  # "The company cut its forecast", "Dean left early": the verb
            if t.lowers[m] in fw.get("finite_verbs", ()) and not t.is_cap(m) or t.lowers[m + 1] in fw["determiners"] \
                    and not t.is_cap(m) and t.lowers[m] not in fw["np_prepositions"] \
                    and t.lowers[m] not in fw["stop_prepositions"] and t.lowers[m] not in fw["determiners"]:
                span = (span[0], m)
                break
        return d.add_source(span, k)  # "The minister slammed the plan, saying ..."
    if d.lang.subject_next_to_verb and span and not reaches_verb(d, span[1], k) \
            and t.lowers[span[1]] not in lex.fw["relative_pronouns"]:
        if any(t.lowers[m] in lex.fw["subordinators"] for m in range(span[1], k)):
            span = np_before(d, lead, k) or span  # "Oil rose after Israel said ..."
        else:
            span = np_before_aux(d, lead, k)  # "Figures filed with the commission show"
    return d.add_source(apposition_name(d, span, k) or span, k)


def embedded_clause(d: Discourse, i: int, j: int) -> bool:
    """A complementiser, whether-word or relative pronoun in [i, j): the verbs after it, up to
    the main verb, close that verb-final clause and are not the main clause's."""
    t, fw = d.t, d.lex.fw
    words = d.lex.complementisers | set(fw.get("whether_complementisers", ())) | set(fw["relative_pronouns"])
    return any(t.lowers[m] in words and t.quote_of[m] < 0 for m in range(i, j))


def passive_document(d: Discourse, lead: int, finite: int) -> tuple[int, int] | None:
    """"In het rapport wordt gesteld dat ...": a passive report with no agent whose fronted
    "in"/"uit" phrase names a document; that document is the source."""
    t, lex = d.t, d.lex
    if t.lowers[lead] not in lex.document_prepositions:
        return None
    span = np_right(lex, t, lead + 1, finite)
    if span is None or span[1] != finite:
        return None
    return span if sourcetype.classify(lex, t, span[0], span[1], d.surnames, span[1]) == "document" else None


def relative_source(d: Discourse, lead: int, r: int, k: int) -> Src | None:
    """"Mr. Lee, who said that ...": the relative pronoun is the source mention next to its claim,
    as "he" is; it takes the type of the phrase it refers to."""
    before = np_before(d, lead, r - 1)
    src = d.add_source((r, r + 1), k)
    if src is not None and before is not None:
        src.type = sourcetype.classify(d.lex, d.t, before[0], before[1], d.surnames, before[1])
    return src


def relative_before_verb(d: Discourse, lead: int, k: int) -> int | None:
    """The comma opening ", who ... ," that closes right before the verb at k, or None."""
    t, lex = d.t, d.lex
    if k - 3 <= lead or t.words[k - 1] != ",":
        return None
    found = None
    for m in range(k - 2, max(lead, k - 30), -1):
        if t.quote_of[m] >= 0 or t.words[m] in (";", ":"):
            break
        if t.words[m] == ",":
            if not (m > lead and t.lowers[m + 1] in lex.fw["relative_pronouns"] and t.lowers[m + 1] != "that"):
                break
            found = m  # ", who was in Brussels, where she met ...,": the first relative clause opens it
    return found


def subject_after_comma(d: Discourse, lead: int, k: int) -> tuple[int, int] | None:
    """Where the subject stands next to its verb, a fronted phrase set off by a comma ("For his
    part, the senator said") is not the subject: the noun phrase after the last comma is."""
    t = d.t
    if d.lang.verb_second or not d.lang.subject_next_to_verb:
        return None
    comma = next((m for m in range(k - 1, lead, -1) if t.words[m] == "," and t.quote_of[m] < 0), None)
    if comma is None or comma + 1 >= k or not t.is_word(comma + 1):
        return None
    fw, first = d.lex.fw, t.lowers[comma + 1]
    if any(first in fw[key] for key in ("relative_pronouns", "conjunctions", "auxiliaries", "stop_prepositions",
                                        "np_prepositions", "subordinators", "leading_skip")) \
            or first in d.lex.coordinators or first in d.lex.verbs:
        return None  # ", but has said", ", despite ...": no noun phrase opens the clause
    src = d.lex.src
    if not (t.is_cap(comma + 1) or first in fw["determiners"] or first in d.pronouns
            or first in src["person_nouns"] or first in src["institution_nouns"]
            or (comma + 2 == k and (sourcetype.known_source_word(d.lex, first)
                                    or sourcetype.known_source_word(d.lex, first.removesuffix("s"))))):
        # ", analysts worry", ", environmentalists worry"
        return None  # ", despite admitting": the phrase must look like a speaker
    span = np_right(d.lex, t, comma + 1, k)
    if span is None or span[0] != comma + 1 or not reaches_verb(d, span[1], k):
        return None
    return span


def inverted_subject(d: Discourse, end: int, b: int) -> tuple[int, int] | None:
    """After one fronted word, a pronoun or an article phrase right before "dat" is the
    subject: "Zelf ontkent ze dat", "Samengenomen berekenen de artsen dat"."""
    t, lex = d.t, d.lex
    if end >= b or not (t.lowers[end] in d.pronouns or t.lowers[end] in lex.fw["articles"]):
        return None
    span = np_right(lex, t, end, b)
    if span is None:
        return None
    if t.lowers[span[0]] in lex.src["institution_pronouns"] and span[1] - span[0] == 2 \
            and not t.is_cap(span[0] + 1) and not sourcetype.known_source_word(lex, t.lowers[span[0] + 1]):
        return None  # "Kok vindt het belangrijk dat": "het" is no subject here
    m = span[1]
    while m < b and (t.lowers[m] in lex.fw["time_words"] or t.lowers[m] in lex.fw.get("np_adverbs", ())):
        m += 1  # "Overigens oordeelde de Rekenkamer eerder dat"
    return span if m < b and t.lowers[m] in lex.complementisers else None


def np_before_aux(d: Discourse, lead: int, k: int) -> tuple[int, int]:
    m = k
    while m > lead + 1 and d.t.lowers[m - 1] in d.lex.fw["auxiliaries"]:
        m -= 1
    return lead, m


def np_before(d: Discourse, lead: int, k: int) -> tuple[int, int] | None:
    """The English subject right before its verb, read backwards over name and noun words."""
    t, lex = d.t, d.lex
    m = k - 1
    adverbs = lex.fw.get("verb_adverbs", ())
    while m > lead and (t.lowers[m] in lex.fw["auxiliaries"] or t.lowers[m] in adverbs
                        or (t.lowers[m] in ("'s", "’s") and t.lowers[m - 1] in d.pronouns)):
        m -= 1  # "who has repeatedly said", "he's said": neither the auxiliary nor the adverb is the subject
    if m > lead and t.words[m] == ")":  # "Gov. Mike Pence (R-IN) said": the bracket is left out
        opening = next((x for x in range(m - 1, max(lead, m - 8), -1) if t.words[x] == "("), None)
        if opening is not None and opening > lead and t.is_cap(opening - 1):
            m = opening - 1
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


def apposition_name(d: Discourse, span: tuple[int, int] | None, k: int) -> tuple[int, int] | None:
    """"De advocaat van X, Marieke Kool, stelt": the name nearest the cue is the speaker."""
    t = d.t
    if not span or span[1] >= k - 2 or t.words[span[1]] != "," or t.words[k - 1] != ",":
        return None
    inner = range(span[1] + 1, k - 1)
    names = [m for m in inner if t.is_cap(m)]
    if len(names) >= 2 and all(t.is_cap(m) or t.lowers[m] in ("van", "de", "der", "den", "ter", "el", "von")
                               for m in inner):
        return span[1] + 1, k - 1
    return None


def walk_back_speaker(d: Discourse, a: int, ci: int) -> int | None:
    """English "..., the council has said": the token before the speaker, or None when
    the words before the verb are a relative clause or apposition, not a speaker."""
    t, lex = d.t, d.lex
    m = ci - 1
    if m > a and t.lowers[m] in lex.coordinators:
        return None  # "said ... but stressed": a second verb of the same speaker
    while m > a and (t.is_word(m) or (t.lowers[m] in ("'", "’", "'s", "’s") and t.is_word(m - 1))
                     or t.words[m] == ")") and ci - m <= 12 and t.quote_of[m] < 0:
        if t.words[m] == ")":  # "Sen. Lindsey Graham (R-S.C.) said": a party and state in brackets
            opening = next((x for x in range(m - 1, max(a, m - 8), -1) if t.words[x] == "("), None)
            if opening is None or opening - 1 <= a or not t.is_cap(opening - 1):
                return None
            m = opening - 1
            continue
        w = t.lowers[m]
        if w in lex.fw["relative_pronouns"] or w in lex.fw["subordinators"] or (w in lex.coordinators and not t.is_word(m - 1)) \
                or (d.is_reporting(m) and not t.is_cap(m) and t.lowers[m - 1] not in lex.fw["determiners"]):
            return None  # ('"...," but he said that': a clause of its own; but "the report read": a noun after its article)
        m -= 1
    return m

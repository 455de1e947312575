"""Paragraphs, quotations and sentences found on the raw text (no spaCy needed).

Quotes are paired per paragraph with a table of mark families; an opening mark left unclosed
runs to the end of its paragraph (news style for quotes continuing in the next paragraph), so an
odd number of marks never breaks anything. Sentences never split inside a quotation.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import cache

from annotator.paths import resource

# opening mark -> closing marks that may end it; ",," and "''" are the two-character marks of
# Dutch regional papers (,,Zo gaat het.'' / ,,Zo gaat het.")
_PAIRS: dict[str, tuple[str, ...]] = {
    "‘": ("’",), "“": ("”",), "„": ("”", "“"), "«": ("»",), "'": ("'",), '"': ('"',), "‹": ("›",),
    "‚": ("’", "‘"), ",,": ("''", '"', "”", "’’"), "''": ("''",),
    "”": ("”", "“"),  # a closing mark typed as the opening one ("”Fear. I am afraid,” she said)
}
# closers accepted when a paragraph has no proper one: real texts mix curly and straight marks
_FALLBACK: dict[str, tuple[str, ...]] = {
    "“": ('"',), '"': ("”", "“", "''"), "„": ('"',), "«": ('"',), "‹": ("'",), "''": ('"', "”"),
}
# closers of another family that end a quote when they come before its own ('...": regional
# papers mix straight marks); a straight double mark that can close is never an apostrophe
_MIXED: dict[str, tuple[str, ...]] = {"'": ('"',)}
_CLOSERS = set("’”»'\"›“‘")
_WORD = re.compile(r"\w", re.UNICODE)
_ELISION = re.compile(r"(?:[stnkr]|\d\d)(?!\w)")  # 's avonds, 't, 'n, '90: an apostrophe, not a quote
_BOUNDARY = re.compile(r"[.!?…]+[’”»'\")]*\s+")
_ABBREV = {
    "dr", "mr", "mrs", "ms", "prof", "st", "nr", "ca", "vs", "jr", "sr", "bijv", "o.a", "e.g",
    "i.e", "mevr", "dhr", "drs", "ir", "ing", "mgr", "gen", "lt", "col", "sgt", "gov", "sen",
    "rep", "no", "inc", "ltd", "co", "corp", "resp", "zgn", "m.a.w", "t.a.v", "etc", "ongev",
}
# month abbreviations end no sentence before a day: "the 13 weeks to Sept. 28", "the Sept. 11 memorial"
_MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_ACRONYM = re.compile(r"(?:[A-Z]\.)+[A-Z]")  # U.S. U.N. U.K.: mid-sentence far more often than at the end
MAX_SENTENCE_CHARS = 4000  # a runaway "sentence" (no punctuation) is cut to keep rules linear


@dataclass(frozen=True)
class Quote:
    open: int  # index of the opening mark
    close: int  # index of the closing mark, or paragraph end when unclosed
    closed: bool
    width: int = 1  # characters of the opening mark (2 for ",,")

    @property
    def start(self) -> int:
        return self.open + self.width

    @property
    def end(self) -> int:
        return self.close


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end); every line of a news text is its own paragraph."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos = end + 1
    return out


def _is_word(ch: str) -> bool:
    return bool(_WORD.match(ch))


def _can_open(text: str, i: int, start: int, end: int, width: int = 1) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + width] if i + width < end else " "
    if after.isspace() or (width == 2 and not (after.isalnum() or after in "….(")):
        return False
    if text[i] in "'’‘" and (_is_word(before) or _ELISION.match(text, i + 1)):
        return False  # apostrophe: I've, zo'n, 's avonds, 't, de jaren '90
    return before.isspace() or before in "([{—–-:/" or i == start or before in "‘“„«"


def _can_close(text: str, i: int, start: int, end: int, width: int = 1) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + width] if i + width < end else " "
    if before.isspace():
        return False
    if text[i] in "'’" and _is_word(after):
        return False  # apostrophe inside a word
    return not _is_word(after)


# every branch opens with a literal, so the regex engine skips ahead to the next candidate
# character; ",," preceded by a comma is refused by the look-behind at its end (",,,")
_MARKS = re.compile(",,(?!,)(?<!,,,)|''|’’|[‘“„«'\"‹‚’”»›]")


def _closer(text: str, marks: list[tuple[int, str]], idx: int, closers: tuple[str, ...],
            start: int, end: int) -> int | None:
    return next((x for x in range(idx + 1, len(marks)) if marks[x][1] in closers
                 and _can_close(text, marks[x][0], start, end, len(marks[x][1]))), None)


def quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotations in text[start:end] (one paragraph), outermost only."""
    marks = [(m.start(), m.group()) for m in _MARKS.finditer(text, start, end)]
    out: list[Quote] = []
    n, idx = len(marks), 0
    while idx < n:
        i, mark = marks[idx]
        if mark in _PAIRS and _can_open(text, i, start, end, len(mark)):
            nxt = _closer(text, marks, idx, _PAIRS[mark], start, end)
            mixed = _closer(text, marks, idx, _MIXED[mark], start, end) if mark in _MIXED else None
            if mixed is not None and (nxt is None or mixed < nxt) \
                    and not any(marks[x][1] in _MIXED[mark] for x in range(idx + 1, mixed)):  # (not 'een "slim" plan')
                nxt = mixed  # 'Heel mooi", roept X: a straight double mark closes first, not an apostrophe later
            if nxt is None and mark in _FALLBACK:
                nxt = _closer(text, marks, idx, _FALLBACK[mark], start, end)
            if nxt is None:
                out.append(Quote(i, end, False, len(mark)))
                return out
            out.append(Quote(i, marks[nxt][0], True, len(mark)))
            idx = nxt + 1
            continue
        idx += 1
    return out


def sentences(text: str, start: int, end: int, qs: list[Quote]) -> list[tuple[int, int]]:
    """Sentences of one paragraph as (start, end), never split inside a quotation."""
    opens = [q.open for q in qs]  # the quotes are disjoint and in order: bisect for the one around
    closes = [q.close for q in qs]
    out, s = [], start
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
        if cut >= end or not (_starts_sentence(text[cut]) or text.startswith(",,", cut)):
            continue
        last = _rstrip(text, m.start(), m.end()) - 1  # the final mark of ". ’ " runs
        x = bisect.bisect_left(opens, last) - 1  # the last quote opening before `last`
        if (x >= 0 and last < closes[x]) or _is_abbreviation(text, m.start(), s, cut):
            continue
        out.append((s, _rstrip(text, s, m.end())))
        s = cut
    if s < end:
        out.append((s, end))
    return [piece for a, b in out for piece in _cap(a, b)]


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in _PAIRS or ch in "(‹"


_PLATFORM_LETTER_BEFORE = frozenset(("op", "on", "via"))  # "schreef op X. De minister ..."


def _is_abbreviation(text: str, dot: int, floor: int, cut: int | None = None) -> bool:
    j = dot
    while j > floor and not text[j - 1].isspace():
        j -= 1
    raw = text[j:dot].strip("(")
    word = raw.lower()
    if len(word) == 1 and word.isalpha() and cut is not None:
        if cut < len(text) and not text[cut].isalpha():
            return False  # an initial is followed by a name, not by a quote mark or a digit
        prev = text[max(floor, j - 5):j].split()
        if len(prev) >= 2 and prev[-1] in ("en", "&") and len(prev[-2]) == 1 and prev[-2].isupper():
            return False  # "vinden B en W. Dat ...": a pair of letters, not a name's initial
        return not (prev and prev[-1].lower() in _PLATFORM_LETTER_BEFORE)
    if word in _MONTHS and cut is not None and cut < len(text) and text[cut].isdigit():
        return True
    return word in _ABBREV or (len(word) == 1 and word.isalpha()) or bool(_ACRONYM.fullmatch(raw))


def _rstrip(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1].isspace():
        e -= 1
    return e


def _cap(a: int, b: int) -> list[tuple[int, int]]:
    if b - a <= MAX_SENTENCE_CHARS:
        return [(a, b)]
    return [(x, min(x + MAX_SENTENCE_CHARS, b)) for x in range(a, b, MAX_SENTENCE_CHARS)]


_POST = re.compile(r"(?P<body>.+?)\s+[—–]\s+(?P<name>[^()\n]{2,80}?)\s+\(@\w{1,30}\)[^\n]*$", re.M)

Layout = list[tuple[int, int, list[Quote], list[tuple[int, int]]]]

# "LONDON (Reuters) -", "DEN HAAG (ANP) -", "LEWISTON, Maine (AP) —", "Sep. 6—", "11:00 p.m.:"
_LEAD = re.compile(r"""(?:
   [A-ZÀ-Þ][A-ZÀ-Þ'’.\-]+(?:[ \-/][A-ZÀ-Þ][A-ZÀ-Þ'’.\-]+){0,3}
   (?:,\s*[A-ZÀ-Þ][\w.'’\-]+(?:\s[A-ZÀ-Þ][\w.'’\-]+)?)?
   \s*(?:\([^()\n]{1,30}\))?\s*[-–—]+\s*
 | (?:[A-Z][a-z]{2,8}\.?\s\d{1,2}|\d{1,2}\s[a-z]{3,9})\s*[-–—]+\s*
 | \d{1,2}[:.h]\d{2}(?:\s*(?:a\.m\.|p\.m\.|am|pm|AM|PM|uur|u))?(?:\s*[A-Z]{2,4})?\s*[:\-–—|•]\s*
)""", re.X)


@cache
def _furniture() -> tuple[tuple[str, ...], frozenset[str], re.Pattern[str]]:
    with resource("nlp", "layout.json").open(encoding="utf-8") as handle:
        raw = json.load(handle)
    credit = re.compile(r"\s(?:" + "|".join(map(re.escape, raw["credit_markers"])) + r")[^.!?‘’“”\"']{0,60}$")
    return tuple(raw["skip_line_prefixes"]), frozenset(raw["byline_words"]), credit


def furniture(text: str, ps: int, pe: int) -> bool:
    """True for captions, credits, bylines and "read more" lines: not the article's text."""
    prefixes, byline, _ = _furniture()
    if text.startswith(prefixes, ps):
        return True
    words = text[ps:pe].split(None, 9)  # ten pieces: more than nine words, no need to split them all
    return (len(words) <= 9 and words[0] in byline and text[pe - 1] not in ".!?:"
            and all(w[:1].isupper() or w in ("and", "en", "&", "und") for w in words[1:]))


def lead_end(text: str, ps: int, pe: int) -> int:
    """Where a paragraph's text starts after a dateline or a live-blog time stamp."""
    c0, c1 = text[ps], text[ps + 1:ps + 2]
    if not (c0.isdigit() or (c0.isupper() and (c1.isupper() or any(ch.isdigit() for ch in text[ps:ps + 12])))):
        return ps  # cheap test first: most paragraphs open with an ordinary word
    m = _LEAD.match(text, ps, pe)
    return m.end() if m and m.end() < pe else ps


def credit_start(text: str, ps: int, pe: int) -> int:
    """Where a trailing photo credit ("... © BELGAIMAGE") starts, else the paragraph's end."""
    lo = max(ps, pe - 80)  # a credit is the short tail of a caption line
    m = _furniture()[2].search(text, lo, pe)
    return m.start() if m and m.start() > ps else pe


def text_layout(text: str) -> Layout:
    """(start, end, quotes, sentences) per paragraph; an embedded post has no sentences.
    Captions, bylines and "read more" lines get no sentences either (they are skipped), and
    a dateline or time stamp in front of a paragraph is left out of its first sentence."""
    out: Layout = []
    for ps, pe in paragraphs(text):
        if text.find("(@", ps, pe) >= 0 and _POST.match(text, ps, pe):
            out.append((ps, pe, [], []))
            continue
        if furniture(text, ps, pe):
            out.append((ps, pe, [], []))
            continue
        qs = quotes(text, ps, pe)
        start, end = lead_end(text, ps, pe), credit_start(text, ps, pe)
        out.append((ps, pe, qs, sentences(text, start, end, [q for q in qs if q.open >= start])))
    return out

"""Transcript lines: "WALLACE: Let's start with the debate." A speaker's name in capitals and a
colon open the line; what follows is the speaker's (cue null). The line may sit inside the quote
that carries a whole transcript ('"WALLACE: ...'). Names in capitals only, so that a headline
("Budget: the talks resume") or a label ("Note: ...") is not read as a speaker."""

from __future__ import annotations

from annotator.nlp.discourse import Discourse, rule

_MAX_NAME = 3  # "SEN. ANN RUIZ" at most; a longer capital run is a shouted headline


def caps_name_end(d: Discourse, m: int, b: int) -> int | None:
    """End of a run of capitalised-only words starting at m and followed by a colon."""
    t = d.t
    j = m
    while j < b and j - m < _MAX_NAME and t.words[j].isalpha() and t.words[j].isupper() and len(t.words[j]) > 1:
        j += 1
    return j if m < j < b and t.words[j] == ":" else None


@rule("transcript_speaker")
def transcript(d: Discourse, pi: int, a: int, b: int) -> None:
    t = d.t
    m = d.skip_lead(a, b)
    q = d.quote_starting_at(m)
    if q is not None:
        m += 1  # the opening mark of a quoted transcript
    j = caps_name_end(d, m, b)
    if j is None or j + 2 >= b or d.in_claimed(j + 1):
        return
    if q is not None and q in d.quote_used:
        q = None  # (an open quote runs to its paragraph's end: a transcript's lines often never close)
    src = d.add_source((m, j))
    if q is not None:
        start, end = t.starts[j + 1], d.quotes[q].end
        while end > start and t.text[end - 1] in " ,\n":
            end -= 1
        if d.add_claim(j + 1, b, src, None, "indirect", chars=(start, end)) is not None:
            d.quote_used.add(q)
        return
    d.add_claim(j + 1, b, src, None, "indirect")

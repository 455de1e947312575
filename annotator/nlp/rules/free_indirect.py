"""Free indirect speech: a sentence that goes on with the account of the sentence before
without a tag of its own ("De verdachten hebben zich immers niet kunnen verdedigen.",
"Mocht Shell niets doen, dan dient de club een nieuwe motie in.").

Most untagged sentences after a report are the reporter's own narration, so the rule takes
only a sentence that carries a mark of the speaker's reasoning (cues.json `free_indirect`:
`markers` anywhere, such as the particle immers; `openers` opening it, such as conditional
Mocht), right after a sentence of the same paragraph whose claim has a speaker. The claim is
the whole sentence, that speaker's, with no cue.
"""

from __future__ import annotations

from annotator.nlp.discourse import Discourse, Src, rule


@rule("free_indirect")
def free_indirect(d: Discourse, pi: int, a: int, b: int) -> None:
    t, words = d.t, d.lex.free_indirect
    if not t.has_index("free_indirect") or not t.any_candidate("free_indirect", a, b):
        return  # (most sentences: no marker at all, looked up in the index)
    lead = d.skip_lead(a, b)
    marked = t.lowers[lead] in words.get("openers", ()) or any(
        t.lowers[m] in words.get("markers", ()) and t.quote_of[m] < 0 for m in t.candidates("free_indirect", lead, b))
    if not marked or t.words[b - 1] == "?" or any(t.quote_of[m] >= 0 for m in range(lead, b)):
        return  # (a question is the reporter's; a quote has rules of its own)
    src = account_speaker(d)
    if src is not None:
        d.add_claim(lead, b, src, None, "indirect")


def account_speaker(d: Discourse) -> Src | None:
    """The speaker of the last claim in the sentence just before, if that sentence is in this
    paragraph and reported someone."""
    if d.prev_sentence is None:
        return None
    start, end = d.t.char_span(*d.prev_sentence)
    for claim in reversed(d.para_claims):
        if claim.start < end and start < claim.end:
            return claim.src if claim.attribution != "unattributed" else None
        if claim.end <= start:
            return None
    return None

"""Embedded posts: "text — Name (@handle) date" is a direct claim of the name."""

from __future__ import annotations

from annotator.nlp.discourse import Discourse, rule
from annotator.nlp.textscan import _POST


@rule("embedded_post")
def embedded_post(d: Discourse, ps: int, pe: int) -> None:
    t = d.t
    d.claimed, d.sentence_srcs = [], []
    m = _POST.match(t.text, ps, pe)
    if not m:
        return
    i, j = t.first_at_or_after(m.start("name")), t.last_before(m.end("name"))
    src = d.add_source((i, j), j) if j > i else None
    bi, bj = t.first_at_or_after(m.start("body")), t.last_before(m.end("body"))
    d.add_claim(bi, max(bj, bi + 1), src, None, "direct", chars=(m.start("body"), m.end("body")),
                   level="certain")

"""The attribution rules' driver: reads one article paragraph by paragraph and sentence by
sentence, running the ordered rules of `annotator/nlp/rules/` over a `Discourse`.

Works on a `Toks` view (words + offsets) so it is independent of spaCy's objects and fast. The
patterns are the ones Dutch and English news use (see ../shared/prior-art.md); each lives in its
own module under `rules/`, their precedence in `rules/__init__.py`.
"""

from __future__ import annotations

from annotator.nlp import pronouns, subhead
from annotator.nlp.discourse import Claim, Cue, Discourse, Result, Src
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.rules import PARAGRAPH_RULES, SENTENCE_RULES
from annotator.nlp.textscan import Layout, text_layout
from annotator.nlp.tokens import CLOSE_MARKS, OPEN_MARKS, WIDE_MARKS, Toks

_MARK_TOKENS = frozenset(OPEN_MARKS | CLOSE_MARKS | WIDE_MARKS | {":"})  # quotes and colons start rules too

__all__ = ["Analyzer", "Claim", "Cue", "Result", "Src"]


class Analyzer:
    """Runs the rules over one text; `run()` returns the mentions it found."""

    def __init__(self, lex: Lexicon, toks: Toks):
        self.lex, self.t = lex, toks
        self.d = Discourse(lex, toks)

    def run(self, layout: Layout | None = None) -> Result:
        d, t = self.d, self.t
        self.index()
        units: list[tuple[str, int, int, list[tuple[int, int]]]] = []
        for ps, pe, qs, sents in layout if layout is not None else text_layout(t.text):
            if not sents:
                units.append(("post", ps, pe, []))
                continue
            for q in qs:
                t.mark_quote(len(d.quotes), q.start, q.end)
                d.quotes.append(q)
            spans = [(subhead.sentence_start(self.lex, t, t.first_at_or_after(a), t.last_before(b)),
                      t.last_before(b)) for a, b in sents]
            units.append(("para", ps, pe, [s for s in spans if s[1] > s[0]]))
        for pi, (kind, ps, pe, sents) in enumerate(units):
            d.prev_para_claims, d.para_claims = d.para_claims or d.prev_para_claims, []
            if kind == "post":
                for construction in PARAGRAPH_RULES:
                    construction.run(d, ps, pe)
                continue
            for a, b in sents:
                self.sentence(pi, a, b)
                d.prev_sentence = (a, b)
        pronouns.resolve_pronouns(d)
        return d.result()

    def index(self) -> None:
        """Index the words every rule starts from, so that a sentence with none is skipped."""
        t, lex = self.t, self.lex
        t.keep_acronyms(lex.acronym_clashes)
        t.index({"cue": lex.cue_first_words, "hedge": lex.hedge_first_words,
                 "mark": _MARK_TOKENS, "anon": lex.anonymous_markers.by_first.keys(),
                 "frame": lex.frame_first_words, "noun": lex.claim_noun_words,
                 "free_indirect": frozenset().union(*lex.free_indirect.values())})

    def sentence(self, pi: int, a: int, b: int) -> None:
        d, t = self.d, self.t
        before = len(d.claims)
        d.start_sentence(b)
        if not (t.candidates("any", a, b) or t.lowers[d.skip_lead(a, b)] in self.lex.h["whether_words"]):
            return  # nothing any rule could start from: most sentences of a real article
        for construction in SENTENCE_RULES:
            if construction.when == "nothing_found" and len(d.claims) > before:
                continue
            if construction.when == "sourced" and not any(c.src for c in d.claims[before:]):
                continue
            construction.run(d, pi, a, b)

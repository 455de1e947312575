"""What one coder sees of one article, read from the project: spans, pending suggestions, rows.

Plain Python (no Qt): the views and models adapt it. Offsets are code points, as stored;
`umap` converts them for Qt.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from annotator.core.channels import CHANNEL_RULE
from annotator.core.checks import CHECKS, claim_checks
from annotator.core.model import (
    Article,
    Claim,
    Cue,
    SourceMention,
    SuggestedCue,
    SuggestedSource,
    Suggestions,
)
from annotator.core.text import Utf16Map
from annotator.project import Project

Key = tuple[str, bool, int]  # (kind, suggested, id): a coder's row id or a suggestion id


@dataclass(frozen=True)
class Mark:
    """One highlight: a coder's span or a pending suggestion."""

    kind: str  # "source" | "cue" | "claim"
    id: int
    suggested: bool
    start: int
    end: int
    type: str | None = None
    rule: str = ""  # a suggestion's rule name: why the suggester proposed it
    channel: bool = False  # a source mention used (or suggested) as a claim's channel

    @property
    def key(self) -> Key:
        return (self.kind, self.suggested, self.id)


@dataclass(frozen=True)
class ClaimRow:
    """One row of the claims table: a coder's claim or a pending suggested claim."""

    key: Key
    start: int
    end: int
    text: str
    source: str
    source_type: str
    values: dict[str, str]
    status: str  # suggested | accepted | edited | manual | suggested source | suggested cue
    note: str = ""
    source_id: int | None = None
    cue_id: int | None = None
    channel_id: int | None = None
    rule: str = ""  # a suggestion's rule name: why the suggester proposed it

    @property
    def suggested(self) -> bool:
        return self.key[1]

    @property
    def is_claim(self) -> bool:
        """A claim (the coder's or suggested), not a suggested source or cue of no claim."""
        return self.key[0] == "claim"


@dataclass
class ArticleState:
    article: Article
    text: str
    claims: list[Claim]
    sources: dict[int, SourceMention]
    cues: dict[int, Cue]
    suggestions: Suggestions | None
    decisions: dict[tuple[str, int, int], str]
    blind: bool
    status: str = "not_started"
    note: str = ""
    article_values: dict[str, str] = field(default_factory=dict)

    umap: Utf16Map | None = None

    def __post_init__(self) -> None:
        if self.umap is None:
            self.umap = Utf16Map(self.text)
        self.marks = self._marks()
        self.rows = self._rows()
        self._rows_by_key = {r.key: r for r in self.rows}

    # ---- pending suggestions --------------------------------------------------------------
    def _taken(self) -> set[tuple[str, int, int]]:
        """Spans the coder already has, per kind: a suggestion there is no longer pending."""
        out = {("claim", c.start, c.end) for c in self.claims}
        out |= {("source", s.start, s.end) for s in self.sources.values()}
        out |= {("cue", c.start, c.end) for c in self.cues.values()}
        return out

    def _pending(self) -> tuple[list, list, list]:
        if self.blind or self.suggestions is None:
            return [], [], []
        taken = self._taken()

        def open_(kind: str, s) -> bool:
            k = (kind, s.start, s.end)
            return k not in self.decisions and k not in taken

        claims = [c for c in self.suggestions.claims if open_("claim", c)]
        # a suggested source, cue or channel only of claims already decided is noise: hide it
        wanted = {r for c in claims for r in (c.source, c.cue, c.channel)}
        referenced = {r for c in self.suggestions.claims for r in (c.source, c.cue, c.channel)}
        sources = [s for s in self.suggestions.sources if open_("source", s)
                   and (s.id in wanted or s.id not in referenced)]
        cues = [c for c in self.suggestions.cues if open_("cue", c)
                and (c.id in wanted or c.id not in referenced)]
        return claims, sources, cues

    def _marks(self) -> list[Mark]:
        # a channel: a mention a claim has as its channel, or that the suggester saw as one
        sug = self.suggestions
        sug_claims = sug.claims if sug else ()
        sug_channels = {c.channel for c in sug_claims}
        channel_spans = {(s.start, s.end) for s in (sug.sources if sug else ())
                         if s.id in sug_channels or s.rule == CHANNEL_RULE}
        channels = {c.channel_id for c in self.claims}
        out = [Mark("source", s.id, False, s.start, s.end, s.type,
                    channel=s.id in channels or (s.start, s.end) in channel_spans)
               for s in self.sources.values()]
        out += [Mark("cue", c.id, False, c.start, c.end) for c in self.cues.values()]
        out += [Mark("claim", c.id, False, c.start, c.end) for c in self.claims]
        claims, sources, cues = self._pending()
        self.pending_claims = claims
        referenced = {r for c in sug_claims for r in (c.source, c.cue, c.channel)}
        # a pending source or cue no suggested claim links to is reviewed on its own (J, A, R)
        self.pending_alone = [("source", s) for s in sources if s.id not in referenced] + [
            ("cue", c) for c in cues if c.id not in referenced]
        out += [Mark("source", s.id, True, s.start, s.end, s.type, s.rule,
                     channel=(s.start, s.end) in channel_spans) for s in sources]
        out += [Mark("cue", c.id, True, c.start, c.end, rule=c.rule) for c in cues]
        out += [Mark("claim", c.id, True, c.start, c.end, rule=c.rule) for c in claims]
        return out

    # ---- rows -----------------------------------------------------------------------------
    def source_label(self, source_id: int | None) -> str:
        s = self.sources.get(source_id) if source_id is not None else None
        if s is None:
            return ""
        return s.canonical or self.text[s.start:s.end]

    def _rows(self) -> list[ClaimRow]:
        rows = []
        for c in self.claims:
            src = self.sources.get(c.source_id) if c.source_id is not None else None
            rows.append(ClaimRow(("claim", False, c.id), c.start, c.end, self.text[c.start:c.end],
                                 self.source_label(c.source_id), (src.type or "") if src else "",
                                 dict(c.values), c.origin, c.note, c.source_id, c.cue_id,
                                 c.channel_id))
        sug = {s.id: s for s in self.suggestions.sources} if self.suggestions else {}
        for c in self.pending_claims:
            pending_src = sug.get(c.source) if c.source is not None else None
            values = {k: v for k, v in (("attribution", c.attribution),
                                        ("certainty", c.certainty)) if v}
            rows.append(ClaimRow(("claim", True, c.id), c.start, c.end, self.text[c.start:c.end],
                                 self.text[pending_src.start:pending_src.end] if pending_src else "",
                                 (pending_src.type or "") if pending_src else "", values, "suggested",
                                 rule=c.rule))
        for kind, m in self.pending_alone:
            span = self.text[m.start:m.end]
            rows.append(ClaimRow((kind, True, m.id), m.start, m.end, span,
                                 span if kind == "source" else "",
                                 (m.type or "") if kind == "source" else "", {},
                                 f"suggested {kind}", rule=m.rule))
        rows.sort(key=lambda r: (r.start, r.end, r.suggested))
        return rows

    def warnings(self) -> list[str]:
        """What the coder should know about this article's coding, until it is fixed."""
        out = []
        pending = sum(1 for r in self.rows if r.suggested)
        if self.status == "done" and pending:
            out.append(f"Marked done with {pending} suggestion(s) left unreviewed: they do not "
                       "count as coding")
        found = Counter(code for c in self.claims for code in claim_checks(c.values, c.source_id))
        out += [f"{found[code]} claim(s) {text}" for code, text in CHECKS if found[code]]
        return out

    def row(self, key: Key | None) -> ClaimRow | None:
        return self._rows_by_key.get(key) if key else None

    def marks_at(self, pos: int) -> list[Mark]:
        """Marks covering code-point offset `pos`, innermost (shortest) first."""
        hits = [m for m in self.marks if m.start <= pos < m.end]
        return sorted(hits, key=lambda m: m.end - m.start)

    def suggested_claim(self, suggestion_id: int):
        return next((c for c in self.pending_claims if c.id == suggestion_id), None)

    def suggested_links(self, key: Key) -> list[tuple[int, int]]:
        """The spans of a pending suggested claim's source, cue and channel."""
        sug = self.suggested_claim(key[2]) if key[0] == "claim" and key[1] else None
        if sug is None or self.suggestions is None:
            return []
        by_id: dict[int, SuggestedSource | SuggestedCue] = {s.id: s for s in self.suggestions.sources}
        by_id.update({c.id: c for c in self.suggestions.cues})
        return [(by_id[i].start, by_id[i].end) for i in (sug.source, sug.cue, sug.channel)
                if i is not None and i in by_id]

    def suggested_channel(self, key: Key) -> str:
        """The text of a pending suggested claim's channel, "" when it has none."""
        sug = self.suggested_claim(key[2]) if key[0] == "claim" and key[1] else None
        if sug is None or sug.channel is None or self.suggestions is None:
            return ""
        found = next((s for s in self.suggestions.sources if s.id == sug.channel), None)
        return self.text[found.start:found.end] if found is not None else ""

    def source_list(self) -> list[SourceMention]:
        return sorted(self.sources.values(), key=lambda s: (s.start, s.end))


def load_article_state(project: Project, article_id: int, coder_id: int, blind: bool,
                       previous: ArticleState | None = None) -> ArticleState:
    """Read the article for this coder. With `previous` (the same article, before an edit),
    the text, its offset map and the suggestions are reused: edits never change them."""
    old = previous if previous is not None and previous.article.id == article_id else None
    article = old.article if old is not None else project.article(article_id)
    if article is None:
        raise KeyError(article_id)
    status, note = project.statuses(coder_id).get(article_id, ("not_started", ""))
    return ArticleState(
        article=article,
        text=old.text if old is not None else project.article_text(article_id),
        umap=old.umap if old is not None else None,
        claims=project.claims(coder_id=coder_id, article_id=article_id),
        sources={s.id: s for s in project.sources(coder_id=coder_id, article_id=article_id)},
        cues={c.id: c for c in project.cues(coder_id=coder_id, article_id=article_id)},
        suggestions=old.suggestions if old is not None else project.suggestions(article_id),
        decisions=project.decisions(article_id, coder_id),
        blind=blind or article.require_blind,
        status=status,
        note=note,
        article_values=project.article_values(article_id, coder_id),
    )

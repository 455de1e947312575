"""Coded test projects for the coding-sheet tests, built through the Project API and commands.

Imported by the test_export_* and test_sheet_* modules; holds no tests itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from annotator import commands as C
from annotator.core.codebook import Codebook, codebook_from_dict, default_codebook
from annotator.core.model import ArticleRecord
from annotator.project import Project

TEXT_1 = ("Minister Jansen said the bridge will open in May. According to officials, the cost "
          "may rise. On Twitter the mayor wrote that it is unclear whether trams will run.")
TEXT_2 = "The police confirmed the arrest. A spokeswoman said more arrests are likely."


def extended_codebook(extra_values: int = 0) -> Codebook:
    """The default codebook plus two claim-level variables (one categorical, one numeric)."""
    data = json.loads(default_codebook().to_json())
    topics = [{"code": "politics", "numeric": 1, "label": "Politics"},
              {"code": "economy", "numeric": 2, "label": "Economy"}]
    topics += [{"code": f"topic_with_a_long_code_{i:03d}", "numeric": 10 + i, "label": f"T{i}"}
               for i in range(extra_values)]
    data["variables"] = [*data["variables"],
        {"name": "topic", "level": "claim", "measure": "nominal", "label": "Topic",
         "values": topics},
        {"name": "intensity", "level": "claim", "measure": "interval", "label": "Intensity"},
    ]
    return codebook_from_dict(data)


@dataclass
class Coded:
    """A small coded project and the ids a test needs."""

    project: Project
    path: Path
    articles: list[int]
    coders: dict[str, int]
    claims: dict[str, int] = field(default_factory=dict)  # label -> claim id
    sources: dict[str, int] = field(default_factory=dict)

    def claim(self, label: str):
        return next(c for c in self.project.claims() if c.id == self.claims[label])

    def source(self, label: str):
        return next(s for s in self.project.sources() if s.id == self.sources[label])


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def build_coded(path: Path, codebook: Codebook | None = None) -> Coded:
    proj = Project.create(path, language="en", codebook=codebook or extended_codebook())
    proj.import_records([
        ArticleRecord(text=TEXT_1, ext_id="nrc-001", title="Bridge delayed", outlet="NRC",
                      date="2024-03-05"),
        ArticleRecord(text=TEXT_2, ext_id="tel-002", title="Arrest", outlet="Telegraaf",
                      date="2024-03-06"),
    ])
    arts = [a.id for a in proj.articles()]
    anna, bob = proj.ensure_coder("anna"), proj.ensure_coder("bob")
    data = Coded(proj, path, arts, {"anna": anna.id, "bob": bob.id})
    src = proj.apply(C.add_source, arts[0], anna.id, *span(TEXT_1, "Minister Jansen"), "person",
                     "Jansen").created("source_mention")[0]
    chan = proj.apply(C.add_source, arts[0], anna.id, *span(TEXT_1, "Twitter"),
                      "social_media").created("source_mention")[0]
    cue = proj.apply(C.add_cue, arts[0], anna.id, *span(TEXT_1, "said")).created("cue")[0]
    data.sources.update(jansen=src, twitter=chan)
    data.claims["bridge"] = proj.apply(
        C.add_claim, arts[0], anna.id, *span(TEXT_1, "the bridge will open in May"),
        values={"attribution": "indirect", "certainty": "certain", "topic": "politics",
                "intensity": "3"}, source_id=src, cue_id=cue, note="check the date"
    ).created("claim")[0]
    data.claims["cost"] = proj.apply(
        C.add_claim, arts[0], anna.id, *span(TEXT_1, "the cost may rise"),
        values={"attribution": "indirect", "certainty": "possible"}).created("claim")[0]
    tram = proj.apply(C.add_claim, arts[0], anna.id, *span(TEXT_1, "trams will run"),
                      values={"certainty": "uncertain"})
    data.claims["trams"] = tram.created("claim")[0]
    proj.apply(C.update_span, "claim", data.claims["trams"], channel_id=chan)
    data.sources["police"] = proj.apply(C.add_source, arts[1], bob.id,
                                        *span(TEXT_2, "The police"),
                                        "institution").created("source_mention")[0]
    data.claims["arrest"] = proj.apply(
        C.add_claim, arts[1], bob.id, *span(TEXT_2, "confirmed the arrest"),
        values={"attribution": "indirect", "certainty": "certain"},
        source_id=data.sources["police"]).created("claim")[0]
    proj.apply(C.set_article_status, arts[1], bob.id, "done")
    _suggest(proj, arts[1], data)
    return data


def _suggest(proj: Project, article_id: int, data: Coded) -> None:
    """Two suggested claims in article 2: bob accepts one, the other stays untouched."""
    s1, e1 = span(TEXT_2, "A spokeswoman")
    s2, e2 = span(TEXT_2, "more arrests are likely")
    s3, e3 = span(TEXT_2, "The police confirmed the arrest")
    proj.save_suggestions(article_id, {
        "sources": [{"start": s1, "end": e1, "type": "person"}],
        "cues": [],
        "claims": [{"start": s2, "end": e2, "source": 0, "attribution": "indirect",
                    "certainty": "probable"},
                   {"start": s3, "end": e3, "attribution": "unattributed",
                    "certainty": "certain"}],
    }, "test-1", "en")
    sug = proj.suggestions(article_id)
    accepted = next(c for c in sug.claims if c.start == s3)
    edit = proj.apply(C.accept_suggestion, data.coders["bob"], accepted.id)
    data.claims["accepted"] = edit.created("claim")[0]


def store_unchecked(proj: Project, text: str, ext_id: str = "a") -> int:
    """Store an article past the import checks, as a project written before them (or by an
    older annotator) may hold one: exports must still cope with what it stored."""
    from annotator.store import articles as AR

    outcome = AR.ImportOutcome()
    with proj.db.transaction() as c:
        AR.add_articles(c, [ArticleRecord(text=text, ext_id=ext_id)], outcome)
    return outcome.added[0]


def set_note_unchecked(proj: Project, claim_id: int, note: str) -> None:
    """A claim note written past the command checks (an older project's)."""
    with proj.db.transaction() as c:
        c.execute("UPDATE claim SET note = ? WHERE id = ?", (note, claim_id))

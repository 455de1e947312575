"""Suggestions fill only the variables and values a project's codebook has, and say so."""

from __future__ import annotations

from annotator.core.codebook import Codebook, Value, Variable, default_codebook
from annotator.nlp.codebook_fit import fit_to_codebook
from tests.nlp.conftest import DATA

PAYLOAD = {
    "text_length": 40,
    "sources": [{"start": 0, "end": 5, "text": "Piet", "type": "person"},
                {"start": 6, "end": 13, "text": "Reuters", "type": "news_media"}],
    "cues": [{"start": 14, "end": 18, "text": "zegt"}],
    "claims": [{"start": 19, "end": 40, "source": 0, "cue": 0, "attribution": "indirect",
                "certainty": "possible"}],
}


def _values(*codes: str) -> tuple[Value, ...]:
    return tuple(Value(code, n, code.title()) for n, code in enumerate(codes, 1))


def other_codebook() -> Codebook:
    """A project codebook with a narrower source type, no certainty and a renamed attribution."""
    return Codebook("Own study", (
        Variable("type", "source", "nominal", "Type", values=_values("person", "institution")),
        Variable("how", "claim", "nominal", "How", values=_values("direct", "indirect")),
        Variable("tone", "claim", "ordinal", "Tone", values=_values("neg", "pos")),
    ))


def test_codebook_fit_default_codebook_changes_nothing():
    fitted, notes = fit_to_codebook(PAYLOAD, default_codebook())
    assert fitted == PAYLOAD and notes == []


def test_codebook_fit_keeps_matching_codes_and_empties_the_rest():
    fitted, notes = fit_to_codebook(PAYLOAD, other_codebook())
    assert [s["type"] for s in fitted["sources"]] == ["person", None]  # news_media is not a value
    claim = fitted["claims"][0]
    assert claim["attribution"] is None and claim["certainty"] is None  # no such variables
    assert (claim["start"], claim["end"], claim["source"], claim["cue"]) == (19, 40, 0, 0)
    assert PAYLOAD["sources"][1]["type"] == "news_media"  # the input is not changed
    text = " ".join(notes)
    assert "'news_media'" in text and "'attribution'" in text and "'certainty'" in text


def test_codebook_fit_project_stores_only_codes_of_its_codebook(tmp_path):
    from annotator.project import Project

    with Project.create(tmp_path / "p.annotator", codebook=other_codebook()) as proj:
        proj.import_paths([DATA / "dev" / "nl" / "01_fietsbrug_vaart.txt"])
        assert proj.suggest_articles() == 1
        assert any("certainty" in note for note in proj.suggestion_notes)
        stored = proj.suggestions(proj.articles()[0].id)
    assert stored is not None and stored.claims
    assert {s.type for s in stored.sources} <= {"person", "institution", None}
    assert all(c.attribution is None and c.certainty is None for c in stored.claims)

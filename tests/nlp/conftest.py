"""Shared fixtures for the nlp tests (never import Qt here)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="session")
def suggest():
    from annotator.nlp.suggest import suggest_text

    return suggest_text


def check_contract(text: str, result: dict) -> None:
    """Offsets exact, indices valid, codes from the default codebook."""
    import json

    json.loads(json.dumps(result, ensure_ascii=False))
    assert result["text_length"] == len(text)
    for key in ("sources", "cues"):
        for item in result[key]:
            assert 0 <= item["start"] < item["end"] <= len(text)
            assert item["text"] == text[item["start"]:item["end"]]
    types = {"person", "institution", "news_media", "social_media", "anonymous", "document"}
    assert all(s["type"] in types for s in result["sources"])
    for c in result["claims"]:
        assert 0 <= c["start"] < c["end"] <= len(text)
        assert c["source"] is None or 0 <= c["source"] < len(result["sources"])
        assert c["cue"] is None or 0 <= c["cue"] < len(result["cues"])
        assert c["attribution"] in {"direct", "indirect", "unattributed"}
        assert c["certainty"] in {"certain", "probable", "possible", "uncertain"}
        if c["attribution"] == "unattributed":
            assert c["source"] is None

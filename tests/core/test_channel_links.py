"""A suggested channel ("aldus X op Twitter") is linked to the claim it sits next to."""

from __future__ import annotations

import json

from annotator.core.channels import link_channels
from annotator.paths import resource

TEXT = resource("samples", "trump_iran_nl.txt").read_text(encoding="utf-8")
GOLD = json.loads(resource("samples", "trump_iran_nl.gold.json").read_text(encoding="utf-8"))


def linked(payload: dict, text: str = TEXT) -> dict[str, str]:
    out = {}
    for claim, ch in zip(payload["claims"], link_channels(text, payload), strict=True):
        if ch is not None:
            out[text[claim["start"]:claim["end"]][:20]] = payload["sources"][ch]["text"]
    return out


def test_channels_link_to_the_claim_whose_source_they_follow() -> None:
    got = linked(GOLD)
    assert got["Onze ambassade in Ba"] == "Twitter"  # aldus de ... president op Twitter
    assert got["Raad eens van waar d"] == "Twitter"  # aldus Trump op Twitter
    # "aldus een anonieme bron aan Reuters": every claim of that source gets the channel
    assert got["Er zouden binnenkort"] == "Reuters"
    assert got["Ze zouden wel allema"] == "Reuters"
    assert len(got) == 4  # sources of claims are never channels, nothing else is linked


def test_a_channel_in_another_sentence_is_not_linked() -> None:
    text = "Jan zegt dat het regent. Later ging hij naar Twitter."
    payload = {"sources": [{"start": 0, "end": 3, "type": "person"},
                           {"start": text.index("Twitter"), "end": len(text) - 1,
                            "type": "social_media", "rule": "channel"}],
               "cues": [{"start": 4, "end": 8}],
               "claims": [{"start": 13, "end": 23, "source": 0, "cue": 0}]}
    assert link_channels(text, payload) == [None]


def test_claims_that_name_their_channel_are_taken_as_they_are() -> None:
    payload = {**GOLD, "claims": [{**c, "channel": None} for c in GOLD["claims"]]}
    payload["claims"][0] = {**payload["claims"][0], "channel": 2}
    assert link_channels(TEXT, payload) == [2] + [None] * (len(GOLD["claims"]) - 1)

"""Rules and model together, without spaCy (annotator.learn.combine)."""

from __future__ import annotations

import json

from annotator.core.codebook import codebook_from_dict, default_codebook
from annotator.learn.combine import combine, rules_know, tune_thresholds

TEXT = "Jan zei dat het regent. Piet meldde dat de zon schijnt."


def payload(sources, cues, claims):
    return {"sources": sources, "cues": cues, "claims": claims}


def test_combine_adds_model_spans_the_rules_missed_and_links_them():
    rules = payload([{"start": 0, "end": 3, "type": "person", "rule": "r1"}],
                    [{"start": 4, "end": 7, "rule": "r1"}],
                    [{"start": 12, "end": 22, "source": 0, "cue": 0, "rule": "r1"}])
    model = payload([{"start": 0, "end": 3, "score": 0.9, "rule": "model:m"},
                     {"start": 24, "end": 28, "score": 0.9, "rule": "model:m"}],
                    [{"start": 29, "end": 35, "score": 0.4, "rule": "model:m"}],
                    [{"start": 40, "end": 54, "score": 0.95, "rule": "model:m"}])
    out, added = combine(TEXT, rules, model, {"sources": 0.5, "cues": 0.5, "claims": 0.5})
    assert [s["rule"] for s in out["sources"]] == ["r1", "model:m"]
    assert added == {"sources": {1}, "cues": set(), "claims": {1}}
    assert len(out["cues"]) == 1  # below its threshold
    assert out["claims"][1]["source"] == 1 and out["claims"][1]["cue"] == 0
    assert out["claims"][0] == rules["claims"][0]


def test_rules_know_only_variables_whose_codes_they_suggest():
    assert rules_know(default_codebook()) == {("source", "type"), ("claim", "attribution"),
                                              ("claim", "certainty")}
    data = json.loads(default_codebook().to_json())
    data["variables"][0]["values"] = [{"code": "expert", "numeric": 1}, {"code": "citizen",
                                                                         "numeric": 2}]
    assert ("source", "type") not in rules_know(codebook_from_dict(data))


def test_tuned_thresholds_keep_rules_alone_when_the_model_only_adds_noise():
    gold = payload([{"start": 0, "end": 3}], [], [])
    rules = payload([{"start": 0, "end": 3}], [], [])
    model = payload([{"start": 24, "end": 28, "score": 0.99}], [], [])
    assert tune_thresholds([TEXT], [rules], [model], [gold])["sources"] > 1.0
    gold2 = payload([{"start": 0, "end": 3}, {"start": 24, "end": 28}], [], [])
    assert tune_thresholds([TEXT], [rules], [model], [gold2])["sources"] <= 0.99

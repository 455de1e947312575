"""Rules and model together, without spaCy (annotator.learn.combine): the combination keeps
the rules' suggestions unless held-out training articles show the model better."""

from __future__ import annotations

import json

from annotator.core.codebook import codebook_from_dict, default_codebook
from annotator.learn.combine import (
    NEVER,
    SCORES,
    Heldout,
    Policy,
    choose_policy,
    combine,
    gate,
    rules_know,
    rules_policy,
)

TEXT = "Jan zei dat het regent. Piet meldde dat de zon schijnt."
LOOSE = Policy({"sources": 0.5, "cues": 0.5, "claims": 0.5})


def payload(sources, cues, claims):
    return {"sources": sources, "cues": cues, "claims": claims}


def src(start, end, typ="person", **kw):
    return {"start": start, "end": end, "type": typ, **kw}


def claim(start, end, source=None, cue=None, certainty="certain", attribution="indirect",
          **kw):
    return {"start": start, "end": end, "source": source, "cue": cue, "certainty": certainty,
            "attribution": attribution, **kw}


def test_combine_adds_model_spans_the_rules_missed_and_links_them():
    rules = payload([src(0, 3, rule="r1")], [{"start": 4, "end": 7, "rule": "r1"}],
                    [claim(12, 22, 0, 0, rule="r1")])
    model = payload([src(0, 3, None, score=0.9, rule="model:m"),
                     src(24, 28, "institution", score=0.9, rule="model:m")],
                    [{"start": 29, "end": 35, "score": 0.4, "rule": "model:m"}],
                    [claim(40, 54, certainty="possible", score=0.95, rule="model:m")])
    out, added = combine(TEXT, rules, model, LOOSE)
    assert [s["rule"] for s in out["sources"]] == ["r1", "model:m"]
    assert added == {"sources": {1}, "cues": set(), "claims": {1}}
    assert len(out["cues"]) == 1  # below its threshold
    assert out["claims"][1]["source"] == 1 and out["claims"][1]["cue"] == 0
    assert out["claims"][1]["certainty"] == "possible"  # a model-only claim: the model's value
    assert out["sources"][1]["type"] == "institution"
    assert out["claims"][0] == rules["claims"][0]


def test_combine_never_drops_or_recodes_a_rule_suggestion_the_model_disagrees_with():
    rules = payload([src(0, 3, "person", rule="r1")], [{"start": 4, "end": 7, "rule": "r1"}],
                    [claim(12, 22, 0, 0, certainty="certain", rule="r1")])
    # the model has other boundaries for the same spans, very sure, and other values
    model = payload([src(0, 7, "institution", score=0.99)], [{"start": 4, "end": 11,
                                                               "score": 0.99}],
                    [claim(8, 23, certainty="possible", score=0.99)])
    theirs = payload([src(0, 3, "institution", rule="r1+model:m")], rules["cues"],
                     [claim(12, 22, 0, 0, certainty="possible", rule="r1+model:m")])
    for policy in (LOOSE, rules_policy(default_codebook())):
        out, added = combine(TEXT, rules, model, policy, theirs)
        assert out == rules and added == {"sources": set(), "cues": set(), "claims": set()}
    # only a policy chosen on evidence (values: certainty from the model) changes a value
    out, _ = combine(TEXT, rules, model, LOOSE.with_value("claim.certainty", "model"), theirs)
    assert out["claims"][0]["certainty"] == "possible"
    assert out["claims"][0]["rule"] == "r1+model:m"
    assert out["sources"] == rules["sources"] and out["claims"][0]["source"] == 0


def test_rules_know_only_variables_whose_codes_they_suggest():
    assert rules_know(default_codebook()) == {("source", "type"), ("claim", "attribution"),
                                              ("claim", "certainty")}
    data = json.loads(default_codebook().to_json())
    data["variables"][0]["values"] = [{"code": "expert", "numeric": 1}, {"code": "citizen",
                                                                         "numeric": 2}]
    book = codebook_from_dict(data)
    assert ("source", "type") not in rules_know(book)
    # another codebook's source types always come from the model, even if a model said rules
    assert rules_policy(book, {"source.type": "rules"}).values["source.type"] == "model"
    assert rules_policy(default_codebook()).values == {
        "source.type": "rules", "claim.attribution": "rules", "claim.certainty": "rules"}
    assert rules_policy(default_codebook()).thresholds == dict.fromkeys(
        ("sources", "cues", "claims"), NEVER)


def held(rows):
    h = Heldout()
    for rules, model, gold in rows:
        h.add(TEXT, rules, model, rules, gold)
    return h


START = rules_policy(default_codebook())


def test_chosen_policy_keeps_rules_alone_when_the_model_only_adds_noise():
    gold = payload([src(0, 3)], [], [])
    rules = payload([src(0, 3)], [], [])
    model = payload([src(24, 28, score=0.99)], [], [])
    policy, report = choose_policy(held([(rules, model, gold)]), START)
    assert policy.thresholds["sources"] == NEVER
    assert report["combined"] == report["rules"]


def test_chosen_threshold_lets_in_the_model_spans_that_help_and_not_the_noise():
    gold = payload([src(0, 3), src(24, 28)], [], [])
    rules = payload([src(0, 3)], [], [])
    model = payload([src(24, 28, score=0.97), src(40, 44, score=0.55)], [], [])
    policy, report = choose_policy(held([(rules, model, gold)]), START)
    assert 0.55 < policy.thresholds["sources"] <= 0.97
    assert report["combined"]["source_f1"] > report["rules"]["source_f1"]


def test_model_claims_that_would_lower_link_accuracy_stay_out():
    # the model finds the gold's second claim, but links it to the wrong source: claim F1
    # would rise and link accuracy fall below the rules', so the claims stay the rules'
    gold = payload([src(0, 3), src(24, 28)], [], [claim(12, 22, 0), claim(40, 54, 1)])
    rules = payload([src(0, 3)], [], [claim(12, 22, 0)])
    model = payload([], [], [claim(40, 54, score=0.9)])
    policy, report = choose_policy(held([(rules, model, gold)]), START)
    assert policy.thresholds["claims"] == NEVER
    assert report["combined"]["link_acc"] == report["rules"]["link_acc"] == 1.0
    # with the source found too, the model's claim links right and comes in
    model2 = payload([src(24, 28, score=0.9)], [], [claim(40, 54, score=0.9)])
    policy, report = choose_policy(held([(rules, model2, gold)]), START)
    assert policy.thresholds["sources"] <= 0.9 and policy.thresholds["claims"] <= 0.9
    assert report["combined"]["claim_f1"] == 1.0 and report["combined"]["link_acc"] == 1.0


def test_model_values_replace_the_rules_only_where_they_are_better():
    gold = payload([], [], [claim(12, 22, certainty="possible", attribution="direct"),
                            claim(40, 54, certainty="certain", attribution="direct")])
    rules = payload([], [], [claim(12, 22, certainty="certain", attribution="direct"),
                             claim(40, 54, certainty="certain", attribution="direct")])
    theirs = payload([], [], [claim(12, 22, certainty="possible", attribution="direct"),
                              claim(40, 54, certainty="certain", attribution="indirect")])
    h = Heldout()
    h.add(TEXT, rules, payload([], [], []), theirs, gold)
    policy, report = choose_policy(h, START)
    # better: 2 of 2 instead of 1 of 2 (no probabilities given: the strictest gate ties "model")
    assert gate(policy.values["claim.certainty"]) is not None
    assert policy.values["claim.attribution"] == "rules"  # worse
    assert policy.values["source.type"] == "rules"  # no evidence either way: the rules
    assert report["combined"]["certainty_level_recall"] == 1.0


def test_a_model_value_replaces_the_rules_only_where_the_model_is_sure_of_it():
    # the model is right, and sure (.9), on the hedged claim; wrong, and unsure (.6), on the
    # plain one: taking its values always would be no better than the rules, taking them
    # only at .7 or above is right on both
    gold = payload([], [], [claim(12, 22, certainty="possible"), claim(40, 54)])
    rules = payload([], [], [claim(12, 22), claim(40, 54)])
    theirs = payload([], [], [claim(12, 22, certainty="possible", **{SCORES: {"certainty": .9}}),
                              claim(40, 54, certainty="probable",
                                    **{SCORES: {"certainty": .6}})])
    h = Heldout()
    h.add(TEXT, rules, payload([], [], []), theirs, gold)
    policy, report = choose_policy(h, START)
    assert 0.6 < (gate(policy.values["claim.certainty"]) or 0.0) <= 0.9
    assert report["combined"]["certainty_acc"] == 1.0 and report["rules"]["certainty_acc"] == .5
    out, _ = combine(TEXT, rules, payload([], [], []), policy, theirs)
    assert [c["certainty"] for c in out["claims"]] == ["possible", "certain"]
    assert SCORES not in out["claims"][0]  # the probabilities stay out of the suggestions
    out, _ = combine(TEXT, rules, payload([], [], []), policy.with_value("claim.certainty",
                                                                         "model"), theirs)
    assert [c["certainty"] for c in out["claims"]] == ["possible", "probable"]


def test_gate_reads_the_policy_words_and_refuses_anything_else():
    assert gate("model") == 0.0 and gate("model>=0.8") == 0.8
    assert gate("rules") is None and gate("model>=x") is None and gate("model>=2") is None
    kept = rules_policy(default_codebook(), values={"claim.certainty": "model>=0.7",
                                                    "source.type": "model>=abc"})
    assert kept.values["claim.certainty"] == "model>=0.7"
    assert kept.values["source.type"] == "rules"


def test_a_change_that_helps_overall_but_hurts_an_inner_fold_is_refused():
    # fold 0 (three articles): the model's source is right; fold 1: it is wrong. Pooled,
    # source F1 rises (.73 -> .93), but in fold 1 it falls (1.0 -> .67)
    gold = payload([src(0, 3), src(24, 28)], [], [])
    rules = payload([src(0, 3)], [], [])
    good = payload([src(24, 28, score=0.9)], [], [])
    h = Heldout()
    for _ in range(3):
        h.add(TEXT, rules, good, rules, gold, fold=0)
    gold1 = payload([src(0, 3)], [], [])
    h.add(TEXT, rules, payload([src(24, 28, score=0.9)], [], []), rules, gold1, fold=1)
    one_fold = Heldout(h.texts, h.rules, h.model, h.on_rules, h.golds, [0] * 4)
    assert choose_policy(one_fold, START)[0].thresholds["sources"] <= 0.9  # pooled: it helps
    assert choose_policy(h, START)[0].thresholds["sources"] == NEVER  # fold 1 says no


def test_the_source_of_a_model_only_claim_is_linked_as_the_training_folds_say():
    text = "Anna zei: dit klopt echt. Anna zei toen: ja het regent nu hier echt, Bob lacht."
    at = text.index
    anna1, anna2, bob = (0, 4), (at("Anna zei t"), at("Anna zei t") + 4), (at("Bob"), at("Bob") + 3)
    c1 = (at("dit"), at("echt.") + 4)
    c2 = (at("ja het"), at("echt,") + 4)
    gold = payload([src(*anna1), src(*anna2), src(*bob)], [],
                   [claim(*c1, source=0), claim(*c2, source=1)])
    rules = payload([src(*anna1), src(*anna2), src(*bob)], [], [claim(*c1, source=0)])
    model = payload([], [], [claim(*c2, score=0.9)])
    h = Heldout()
    h.add(text, rules, model, rules, gold)
    policy, report = choose_policy(h, START)
    # the nearest source is Bob (wrong, and link accuracy would fall below the rules'): the
    # claim comes in with the source before it
    assert policy.thresholds["claims"] <= 0.9 and policy.link == "before"
    assert report["combined"]["claim_f1"] == 1.0 and report["combined"]["link_acc"] == 1.0
    out, _ = combine(text, rules, model, policy)
    assert out["claims"][1]["source"] == 1
    nearest, _ = combine(text, rules, model, policy.with_link("nearest"))
    assert nearest["claims"][1]["source"] == 2

"""The scorer follows issue 4: one-to-one greedy overlap, half-overlap for claims, links."""

from __future__ import annotations

from annotator.nlp.evaluate import Tally, greedy_match, score_article


def span(start, end, **extra):
    return {"start": start, "end": end, **extra}


def test_evaluate_greedy_match_is_one_to_one_by_largest_overlap():
    gold = [span(0, 10), span(12, 20)]
    pred = [span(5, 15)]  # overlaps gold 0 by 5 and gold 1 by 3
    assert greedy_match(pred, gold) == {0: 0}


def test_evaluate_claims_need_half_of_the_shorter_span():
    gold = [span(0, 100)]
    assert greedy_match([span(95, 125)], gold, half=True) == {}
    assert greedy_match([span(95, 125)], gold) == {0: 0}
    assert greedy_match([span(50, 60)], gold, half=True) == {0: 0}


def test_evaluate_links_follow_the_source_match():
    gold = {"sources": [span(0, 5, type="person")], "cues": [span(6, 10)],
            "claims": [span(11, 40, source=0, cue=0, attribution="indirect", certainty="certain")]}
    good = {"sources": [span(0, 4, type="person")], "cues": [span(6, 10)],
            "claims": [span(12, 40, source=0, cue=0, attribution="indirect", certainty="possible")]}
    tally = Tally()
    score_article(good, gold, tally)
    figures = tally.figures()
    assert figures["link_acc"] == 1.0 and figures["claim_f1"] == 1.0
    assert figures["certainty_acc"] == 0.0 and figures["certainty_level_recall"] == 0.0
    bad = {**good, "claims": [{**good["claims"][0], "source": None}]}
    tally = Tally()
    score_article(bad, gold, tally)
    assert tally.figures()["link_acc"] == 0.0

"""The span classifiers (annotator.learn.classify): a rare code (most claims are `certain`)
is still learned from the words that mark it."""

from __future__ import annotations

import random

from annotator.learn.classify import predict_scored, train_classifier

WORDS = ["de", "het", "een", "kabinet", "minister", "zegt", "morgen", "vandaag", "plan", "nieuwe", "regels", "school", "water"]


def rows_like(rng: random.Random, extra: list[str]) -> str:
    return " ".join(rng.sample(WORDS, 5) + extra + ["c_zei"])


def test_a_rare_code_with_its_own_words_is_learned_beside_a_common_one():
    rng = random.Random(1)
    rows = [(rows_like(rng, []), "certain") for _ in range(300)]
    rows += [(rows_like(rng, ["misschien"]), "possible") for _ in range(30)]  # 1 in 11
    nlp = train_classifier("nl", rows, ["certain", "possible", "probable"], epochs=8)
    assert nlp is not None
    hedged = predict_scored(nlp, [rows_like(rng, ["misschien"]) for _ in range(20)])
    plain = predict_scored(nlp, [rows_like(rng, []) for _ in range(20)])
    # spaCy's default training (Adam at 0.001, batches of 64) learned none of them
    assert sum(code == "possible" for code, _ in hedged) >= 15
    assert all(code == "certain" for code, _ in plain)
    assert all(0.5 < p <= 1.0 for _, p in hedged + plain)


def test_one_code_only_gives_no_classifier():
    assert train_classifier("nl", [("a b", "certain")] * 5, ["certain", "possible"]) is None

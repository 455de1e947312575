"""benchmarks/eval_real.py: skips with the repository to fetch; scores halves; guards held-out."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from corpora import snapshot
from corpora.dpg import common
from corpora.polnear import convert

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def eval_real(tmp_path, monkeypatch):
    """The script as a module, with no corpus copy anywhere it looks."""
    monkeypatch.setattr(snapshot, "MIRRORS", tmp_path / "mirrors")
    monkeypatch.setattr(snapshot, "CACHE", tmp_path / "cache")
    monkeypatch.delenv(convert.ENV_VAR, raising=False)
    monkeypatch.delenv(common.ENV_VAR, raising=False)
    spec = importlib.util.spec_from_file_location("eval_real", REPO / "benchmarks/eval_real.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "eval_real", module)
    spec.loader.exec_module(module)
    return module


def test_missing_copies_name_the_repositories_and_exit_0(eval_real, capsys):
    assert eval_real.main([]) == 0
    out = capsys.readouterr().out
    assert "en: skipped, no copy of PolNeAR: fetch github.com/networkdynamics/PolNeAR" in out
    assert "nl: skipped, no copy of the dpg corpus: fetch github.com/dpgmedia/partisan-news2019" in out


def test_show_misses_refuses_held_out_halves(eval_real, capsys):
    assert eval_real.main(["--lang", "en", "--half", "heldout", "--show-misses", "5"]) == 2
    assert "held-out halves are never read" in capsys.readouterr().err


def test_scores_each_half_and_counts_misses(eval_real, tmp_path, monkeypatch, capsys):
    """A two-article PolNeAR copy (project-written text), one article per half."""
    texts = {
        "pub_a": "Dam holds\n\nThe mayor said the dam would hold. Varenne thinks it is safe.\n",
        "pub_b": "Road closed\n\nThe police said the road was closed.\n",
    }
    anns = {
        "pub_a": "T1\tSource 11 20\tThe mayor\nT2\tCue 21 25\tsaid\nT3\tContent 26 44\tthe dam"
                 " would hold\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
                 "T4\tSource 46 53\tVarenne\nT5\tCue 54 60\tthinks\nT6\tContent 61 71\tit is "
                 "safe\nE2\tAttribution:T5 Source:T4 Cue:T5 Content:T6\n",
        "pub_b": "T1\tSource 13 23\tThe police\nT2\tCue 24 28\tsaid\nT3\tContent 29 48\tthe road"
                 " was closed\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n",
    }
    root = tmp_path / "cache" / "PolNeAR"
    for name, text in texts.items():
        (root / "data/dev/text").mkdir(parents=True, exist_ok=True)
        (root / "data/dev/attributions").mkdir(parents=True, exist_ok=True)
        (root / "data/dev/text" / f"{name}.txt").write_text(text, encoding="utf-8")
        (root / "data/dev/attributions" / f"{name}_x1.ann").write_text(anns[name])
    split = tmp_path / "split.json"
    split.write_text(json.dumps({"compartment": "dev", "halves": {
        "rules": [{"id": "pub_a", "text_sha256": snapshot.sha256_text(texts["pub_a"])}],
        "heldout": [{"id": "pub_b", "text_sha256": snapshot.sha256_text(texts["pub_b"])}]}}))
    monkeypatch.setattr(convert, "SPLIT_FILE", split)
    assert eval_real.main(["--lang", "en", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert set(results) == {"en rules", "en heldout"}
    rules = results["en rules"]
    assert rules["articles"] == 1 and rules["claim_gold"] == 2
    missed = sum(rules["errors"]["missed claim"].values())
    assert missed == round(2 * (1 - rules["claim_r"]))
    assert eval_real.main(["--lang", "en", "--half", "rules", "--show-misses", "3"]) == 0
    out = capsys.readouterr().out
    assert "source P / R / F1" in out and "en heldout" not in out


def test_missed_claims_are_named_by_construction(eval_real):
    text = "Keel said that the dam held. Keel called for a recount. Keel urged them to go. “Go,” she said."
    def claim(part, cue):
        s = text.index(part)
        return {"start": s, "end": s + len(part), "cue": cue, "source": None,
                "attribution": "direct" if part == "Go" else "indirect", "certainty": "certain"}
    cues = [{"start": text.index(w), "end": text.index(w) + len(w)}
            for w in ("said", "called for", "urged", "she said")]
    gold = {"cues": cues}
    got = [eval_real.construction(text, gold, claim(p, c)) for p, c in (
        ("the dam held", 0), ("a recount", 1), ("them to go", 2), ("Go", 3), ("Go", None))]
    assert got == ["cue + that/dat", "noun phrase", "to/te infinitive", "cue after claim",
                   "no cue, direct"]

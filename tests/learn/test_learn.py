"""`annotator train`, the model beside the project, `suggest --project` with it and
`evaluate --cv` (issue 16). Tiny models: one epoch, a dozen project-written articles."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.codebook import codebook_from_dict, default_codebook
from annotator.learn.store import POINTER, models_dir
from annotator.project import Project

pytestmark = pytest.mark.usefixtures("tiny")
REPO = Path(__file__).resolve().parents[2]


def own_codebook():
    """The default codebook with four source types of the project's own."""
    data = json.loads(default_codebook().to_json())
    data["name"] = "Four source types"
    data["variables"][0]["values"] = [
        {"code": c, "numeric": i + 1, "label": c.title()}
        for i, c in enumerate(("politician", "expert", "citizen", "company"))]
    return codebook_from_dict(data)


def meta(project_path: Path) -> dict:
    base = models_dir(project_path)
    name = json.loads((base / POINTER).read_text())["model"]
    return json.loads((base / name / "meta.json").read_text())


def test_train_small_project_keeps_model_bound_to_project(project, project_path, coded, capsys):
    coded(12)
    pid, book_json = project.project_id, project.codebook.to_json()
    project.close()
    assert main(["train", str(project_path), "--quiet"]) == 0
    info = meta(project_path)
    assert info["project_id"] == pid and info["articles"] == 12 and info["coder"] == "ann"
    assert info["codebook_hash"] and info["trained_at"] and "heldout_span_f1" in info["scores"]
    assert set(info["variables"]) == {"source.type", "claim.attribution", "claim.certainty"}
    # the combination with the rules (no inner folds in these tiny runs: the rules alone)
    assert info["values"] == dict.fromkeys(info["variables"], "rules")
    assert set(info["thresholds"]) == {"sources", "cues", "claims"} and "inner_cv" in info["scores"]
    assert book_json  # the codebook hash binds the model to this codebook (stale test below)
    assert "12 articles of ann" in capsys.readouterr().out


def test_train_too_few_articles_says_how_many_are_needed(project, project_path, coded, capsys):
    coded(4)
    project.close()
    assert main(["train", str(project_path)]) == 2
    err = capsys.readouterr().err
    assert "only 4 coded article(s)" in err and "at least 10" in err and "6 more" in err
    assert not (models_dir(project_path) / POINTER).exists()


def test_train_counts_only_done_articles(project, project_path, coded, capsys):
    coded(12, done=False)
    project.close()
    assert main(["train", str(project_path)]) == 2
    assert "only 0 coded article(s) marked done" in capsys.readouterr().err


def test_model_of_another_project_is_refused(project, project_path, coded, tmp_path, capsys):
    coded(12)
    project.close()
    assert main(["train", str(project_path), "--quiet"]) == 0
    other = tmp_path / "other.annotator"
    Project.create(other, language="nl").close()
    code = main(["suggest", "--project", str(other), "--model", str(models_dir(project_path))])
    assert code == 2
    assert "trained for another project" in capsys.readouterr().err


def test_changed_codebook_makes_model_stale_and_rules_suggest(project, project_path, coded,
                                                              capsys):
    coded(12)
    project.close()
    assert main(["train", str(project_path), "--quiet"]) == 0
    with Project.open(project_path) as proj:
        data = json.loads(proj.codebook.to_json())
        data["variables"][0]["definition"] = "changed after training"
        proj.set_codebook(codebook_from_dict(data))
    capsys.readouterr()
    assert main(["suggest", "--project", str(project_path), "--again"]) == 0
    err = capsys.readouterr().err
    assert "stale" in err and "rules only" in err and "annotator train" in err
    with Project.open(project_path) as proj:
        sugs = [proj.suggestions(a.id) for a in proj.articles()]
    assert all(s.pipeline_version == "annotator-rules-1" for s in sugs)
    assert not any("model:" in x.rule for s in sugs for x in (*s.sources, *s.cues, *s.claims))


def test_own_codebook_gets_suggestions_for_its_codes_marked_as_model(project_path, code, capsys):
    with Project.create(project_path, language="nl", codebook=own_codebook()) as proj:
        code(proj, 12, own_types=True)
    assert main(["train", str(project_path), "--quiet"]) == 0
    name = meta(project_path)["name"]
    assert main(["suggest", "--project", str(project_path), "--again"]) == 0
    assert f"the model '{name}'" in capsys.readouterr().err
    with Project.open(project_path) as proj:
        sugs = [proj.suggestions(a.id) for a in proj.articles()]
    sources = [x for s in sugs for x in s.sources]
    assert sources and {x.type for x in sources} <= {"politician", "expert", "citizen", "company"}
    # the rules know no such types: every type is the model's, and the suggestion says so
    assert all(f"model:{name}" in x.rule for x in sources if x.type)
    assert all(s.pipeline_version.endswith(f"model:{name}") for s in sugs)


def test_cancelled_training_leaves_previous_model(project, project_path, coded):
    from annotator.learn.train import TrainingCancelled
    from annotator.learn.use import train_project

    coded(12)
    first = train_project(project)
    with pytest.raises(TrainingCancelled):
        train_project(project, should_stop=lambda: True)
    assert meta(project_path)["name"] == first.name
    assert not list(models_dir(project_path).glob(".training-*"))


KILL = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {repo!r})
    from annotator.learn import train
    from annotator.learn.use import train_project
    from annotator.project import Project
    def die(progress):
        os._exit(9)  # as a kill -9 in the middle of training: no cleanup runs
    with Project.open({path!r}) as proj:
        train_project(proj, settings=train.Settings(epochs=1, class_epochs=1), progress=die)
""")


def test_killed_training_leaves_previous_model_in_use(project, project_path, coded):
    from annotator.learn.predict import Learner
    from annotator.learn.use import train_project, usable_model

    coded(12)
    first = train_project(project)
    script = KILL.format(repo=str(REPO), path=str(project_path))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=300)
    assert done.returncode == 9, done.stderr.decode()
    assert list(models_dir(project_path).glob(".training-*"))  # the killed run's leftover
    folder, info, message = usable_model(project)
    assert message is None and info is not None and info.name == first.name
    assert Learner.load(folder).suggest(["De minister zei dat het goed gaat."])


def test_evaluate_cv_reports_modes_and_per_code_f1(project_path, code, capsys):
    with Project.create(project_path, language="nl", codebook=own_codebook()) as proj:
        code(proj, 12, own_types=True)
    assert main(["evaluate", "--cv", "2", "--format", "json", str(project_path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["folds"] == 2 and out["articles"] == 12
    for mode in ("rules", "model", "combined"):
        assert out[mode]["articles"] == 12
        assert {"source_f1", "cue_f1", "claim_f1", "link_acc", "certainty_acc"} <= set(out[mode])
    codes = out["per_code_f1"]["model"]["source.type"]
    assert set(codes) <= {"politician", "expert", "citizen", "company"} and codes
    assert "claim.attribution" in out["per_code_f1"]["combined"]


def test_evaluate_cv_wants_a_project_file(tmp_path, capsys):
    assert main(["evaluate", "--cv", "3", str(tmp_path)]) == 2
    assert "one project file" in capsys.readouterr().err


class Recorder:
    """A stand-in for an inner model: remembers what it was trained on, predicts nothing."""

    seen: list[set[str]] = []

    def __init__(self, train):
        self.trained = {a.text for a in train}
        Recorder.seen.append(self.trained)

    def suggest(self, texts, least=0.5):
        assert not self.trained & set(texts), "an inner model predicted its own training text"
        return [{"sources": [], "cues": [], "claims": []} for _ in texts]

    def on_rules(self, text, rules):
        assert text not in self.trained
        return rules


def test_choose_on_training_folds_only(monkeypatch):
    """The combination is decided on out-of-fold predictions of the training articles: each
    is predicted once, by an inner model that did not see it, and cross-validation's test
    folds never reach the choice."""
    from annotator.learn import crossval, train
    from annotator.learn.data import from_gold
    from tests.learn.conftest import gold_articles

    arts = [from_gold(text, gold) for _, text, gold in gold_articles(9)]
    Recorder.seen = []
    monkeypatch.setattr(train, "_inner_learner", lambda tr, *a, **k: Recorder(tr))
    held = train.heldout_predictions(arts, "nl", default_codebook(), train.Settings(inner_folds=3))
    assert sorted(held.texts) == sorted(a.text for a in arts)  # each article once
    assert len(Recorder.seen) == 3 and all(len(s) == 6 for s in Recorder.seen)

    # evaluate --cv: the model of each fold, and so its combination, sees its training part
    from annotator.learn.store import ModelInfo

    def fold_model(tr, *args, **kwargs):
        learner = Recorder(tr)
        learner.info = ModelInfo("cv", "", "nl", "", "", len(tr), "")  # type: ignore[attr-defined]
        return learner

    Recorder.seen = []
    monkeypatch.setattr(crossval, "_fold_model", fold_model)
    out = crossval.cross_validate(arts, "nl", default_codebook(), 3)
    assert out["combined"] == out["rules"]  # a model predicting nothing changes nothing
    for trained, test_idx in zip(Recorder.seen, crossval.folds(len(arts), 3), strict=True):
        assert len(trained) == 6 and not trained & {arts[j].text for j in test_idx}


def test_train_refuses_one_inner_fold(project_path, capsys):
    assert main(["train", str(project_path), "--inner-folds", "1"]) == 2
    assert "--inner-folds must be 0 or at least 2" in capsys.readouterr().err

"""assign, coder-file, pack and merge: coders' work goes out and comes back, never lost."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator import commands
from annotator.cli import main
from annotator.core.errors import UserError
from annotator.core.model import ArticleRecord
from annotator.exchange import assign, coder_file, merge, pack
from annotator.project import Project


@pytest.fixture
def pi(project: Project) -> Project:
    project.import_records([ArticleRecord(text=f"Artikel {i}. De minister zegt dat het gaat.",
                                          ext_id=f"a{i}", outlet="NOS") for i in range(10)])
    return project


def _code(p: Project, coder: str, article_ext: str, certainty: str) -> None:
    c = p.ensure_coder(coder)
    art = next(a for a in p.articles() if a.ext_id == article_ext)
    p.apply(commands.add_claim, art.id, c.id, 11, 40,
            values={"attribution": "indirect", "certainty": certainty})


def test_exchange_assign_splits_and_draws_a_blind_reliability_sample(pi: Project) -> None:
    result = assign(pi, ["anna", "bob"], overlap=0.2, seed=1)
    assert len(result.reliability) == 2
    a, b = set(result.per_coder["anna"]), set(result.per_coder["bob"])
    assert a & b == set(result.reliability)
    assert a | b == {x.id for x in pi.articles()}
    assert {x.id for x in pi.articles() if x.require_blind} == set(result.reliability)
    with pytest.raises(UserError, match="already assigned"):
        assign(pi, ["anna", "bob"], overlap=0.2, seed=2)  # coder files may be out: no redraw
    again = assign(pi, ["anna", "bob"], overlap=0.2, seed=1, force=True)
    assert again.per_coder == result.per_coder


def test_exchange_round_trip_coder_file_pack_merge(pi: Project, tmp_path: Path) -> None:
    assign(pi, ["anna", "bob"], overlap=0.2, seed=3)
    anna_file = coder_file(pi, "anna", tmp_path / "anna.annotator")
    with Project.open(anna_file) as anna:
        assert anna.project_id != pi.project_id
        assert [c.name for c in anna.coders()] == ["anna"]
        first = anna.articles()[0].ext_id
        _code(anna, "anna", first, "possible")
        handed = pack(anna, tmp_path / "anna-handin.annotator")
    report = merge(pi, [handed])
    assert report.conflicts == [] and len(report.merged) == 1
    (claim,) = pi.claims(coder_id=pi.coder("anna").id)
    assert claim.values["certainty"] == "possible"
    assert pi.article(claim.article_id).ext_id == first
    # merging the same file again changes nothing
    again = merge(pi, [handed])
    assert again.merged == [] and len(again.unchanged) == 1
    # a later file from the same coder brings the newer work
    with Project.open(anna_file) as anna:
        _code(anna, "anna", first, "certain")
        later = pack(anna, tmp_path / "anna-later.annotator")
    merge(pi, [later])
    assert sorted(c.values["certainty"] for c in pi.claims(coder_id=pi.coder("anna").id)) == [
        "certain", "possible"]


def test_exchange_merge_refuses_when_the_pis_copy_was_edited(pi: Project, tmp_path: Path) -> None:
    f = coder_file(pi, "anna", tmp_path / "anna.annotator")
    with Project.open(f) as anna:
        _code(anna, "anna", "a1", "possible")
    merge(pi, [f])
    claim = pi.claims()[0]
    pi.apply(commands.set_claim_value, claim.id, "certainty", "uncertain")  # PI edits anna's copy
    with Project.open(f) as anna:
        _code(anna, "anna", "a2", "certain")
    report = merge(pi, [f])
    assert len(report.conflicts) == 1 and "edited since the last merge" in report.conflicts[0]
    assert [c.values["certainty"] for c in pi.claims()] == ["uncertain"]


def test_exchange_merge_refuses_two_files_claiming_one_coder(pi: Project, tmp_path: Path) -> None:
    f1 = coder_file(pi, "anna", tmp_path / "one.annotator")
    f2 = coder_file(pi, "anna", tmp_path / "two.annotator")
    for f, cert in ((f1, "possible"), (f2, "probable")):
        with Project.open(f) as p:
            _code(p, "anna", "a1", cert)
    merge(pi, [f1])
    report = merge(pi, [f2])
    assert "two files claim one coder name" in report.conflicts[0]
    assert [c.values["certainty"] for c in pi.claims()] == ["possible"]


def test_exchange_pack_includes_edits_still_in_the_wal(pi: Project, tmp_path: Path) -> None:
    """A plain copy of the .annotator file alone can miss edits in the -wal file; pack cannot."""
    for i in range(50):
        _code(pi, "anna", f"a{i % 10}", "certain")
    shutil.copy(pi.path, tmp_path / "plain.annotator")
    packed = pack(pi, tmp_path / "packed.annotator")
    with Project.open(packed) as p:
        assert len(p.claims()) == 50


def test_exchange_cli(pi: Project, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = str(pi.path)
    assert main(["assign", path, "--coder", "anna", "--coder", "bob", "--overlap", "20%",
                 "--seed", "7", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["reliability"]) == 2
    bob = tmp_path / "bob.annotator"
    assert main(["coder-file", path, "--coder", "bob", str(bob)]) == 0
    with Project.open(bob) as p:
        _code(p, "bob", p.articles()[0].ext_id, "probable")
    handin = tmp_path / "bob-in.annotator"
    assert main(["pack", str(bob), str(handin)]) == 0
    capsys.readouterr()
    assert main(["merge", path, str(handin), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["merged"][0].endswith("1 claims")


def test_exchange_merge_refuses_a_coder_file_of_another_project(pi: Project, tmp_path: Path) -> None:
    other = Project.create(tmp_path / "other.annotator")
    other.import_records([ArticleRecord(text=f"Artikel {i}. De minister zegt dat het gaat.",
                                        ext_id=f"a{i}", outlet="NOS") for i in range(3)])
    f = coder_file(other, "zed", tmp_path / "zed.annotator")
    other.close()
    with Project.open(f) as z:
        _code(z, "zed", "a1", "certain")
    report = merge(pi, [f])
    assert "made from another project" in report.conflicts[0]
    assert pi.coder("zed") is None


# ---- issue 11.4: articles are matched by identity (id and outlet), then text ----------------
WIRE = "Den Haag. De minister zegt dat het kabinet de regels versoepelt."


@pytest.fixture
def wire(project: Project) -> Project:
    """Two wire copies (same text, two outlets) and an unrelated article."""
    project.import_records([ArticleRecord(text=WIRE, ext_id="nos-1", outlet="NOS"),
                            ArticleRecord(text=WIRE, ext_id="anp-1", outlet="ANP"),
                            ArticleRecord(text="Iets anders. De minister zegt dat het regent.",
                                          ext_id="x", outlet="NOS")])
    return project


def test_exchange_merge_keeps_work_on_the_wire_copy_it_was_done_on(wire: Project,
                                                                    tmp_path: Path) -> None:
    f = coder_file(wire, "anna", tmp_path / "anna.annotator")
    with Project.open(f) as anna:
        _code(anna, "anna", "anp-1", "possible")  # the second copy only
    report = merge(wire, [f])
    assert report.conflicts == [] and report.merged
    (claim,) = wire.claims(coder_id=wire.coder("anna").id)
    assert wire.article(claim.article_id).ext_id == "anp-1"


def test_exchange_merge_a_coder_who_coded_both_wire_copies(wire: Project, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture) -> None:
    f = coder_file(wire, "anna", tmp_path / "anna.annotator")
    with Project.open(f) as anna:
        _code(anna, "anna", "nos-1", "possible")
        _code(anna, "anna", "anp-1", "certain")
    assert main(["merge", str(wire.path), str(f)]) == 0
    assert "merged anna" in capsys.readouterr().out
    got = {wire.article(c.article_id).ext_id: c.values["certainty"]
           for c in wire.claims(coder_id=wire.coder("anna").id)}
    assert got == {"nos-1": "possible", "anp-1": "certain"}
    # the statuses (one per article and coder) came along for both copies
    assert len(wire.statuses(wire.coder("anna").id)) == 2
    assert merge(wire, [f]).unchanged  # and merging again is a no-op


def test_exchange_merge_of_a_foreign_file_never_matches_wire_copies_by_text(
        wire: Project, tmp_path: Path) -> None:
    """A file not made by coder-file whose article ids differ: a text shared by two articles
    here is ambiguous, so that work is reported as skipped, never put on the first copy."""
    own = Project.create(tmp_path / "own.annotator")
    own.import_records([ArticleRecord(text=WIRE, ext_id="mine-1", outlet="Trouw"),
                        ArticleRecord(text="Iets anders. De minister zegt dat het regent.",
                                      ext_id="mine-2", outlet="Trouw")])
    _code(own, "zoe", "mine-1", "possible")
    _code(own, "zoe", "mine-2", "certain")
    own.close()
    report = merge(wire, [tmp_path / "own.annotator"])
    assert report.failed == []
    (claim,) = wire.claims(coder_id=wire.coder("zoe").id)
    assert wire.article(claim.article_id).ext_id == "x"  # the unique text matched
    assert any("mine-1" in s and "2 articles" in s for s in report.skipped_articles)

"""Settling a disagreement into the consensus coder, with undo."""

from __future__ import annotations

from annotator import commands
from annotator.consensus import CONSENSUS, take_claim
from annotator.core.model import ArticleRecord
from annotator.project import Project

TEXT = "Reuters meldt dat de president geen bewijs heeft."


def test_consensus_take_a_then_b_leaves_one_claim_and_undo_restores(project: Project) -> None:
    art = project.import_records([ArticleRecord(text=TEXT, ext_id="a")]).added[0]
    anna, bob = project.ensure_coder("anna").id, project.ensure_coder("bob").id
    cons = project.ensure_coder(CONSENSUS).id
    src = project.apply(commands.add_source, art, anna, 0, 7, "news_media").created(
        "source_mention")[0]
    a = project.apply(commands.add_claim, art, anna, 18, 48, source_id=src,
                      values={"attribution": "indirect", "certainty": "certain"}).created("claim")[0]
    b = project.apply(commands.add_claim, art, bob, 18, 48,
                      values={"attribution": "indirect", "certainty": "possible"}).created("claim")[0]
    take_a = project.apply(take_claim, a, cons)
    (c,) = project.claims(coder_id=cons)
    assert c.values["certainty"] == "certain"
    assert project.sources(coder_id=cons)[0].type == "news_media"
    assert c.source_id == project.sources(coder_id=cons)[0].id
    take_b = project.apply(take_claim, b, cons, replace_claim_id=c.id)
    (c2,) = project.claims(coder_id=cons)
    assert c2.values["certainty"] == "possible"
    take_b.revert(project.db)
    (c3,) = project.claims(coder_id=cons)
    assert c3.values["certainty"] == "certain" and c3.id == c.id
    take_a.revert(project.db)
    assert project.claims(coder_id=cons) == []
    assert len(project.claims(coder_id=anna)) == 1  # the coders' own work is never touched


def test_consensus_take_agreed_copies_only_units_coded_alike(project: Project) -> None:
    from annotator.consensus import take_agreed
    from annotator.reliability import agreed_claim_ids, project_report

    text = "Reuters meldt dat de president geen bewijs heeft. De minister zegt dat het klopt."
    art = project.import_records([ArticleRecord(text=text, ext_id="a")]).added[0]
    coders = {n: project.ensure_coder(n).id for n in ("anna", "bob")}
    first, second = (18, 48), (text.index("het klopt"), len(text) - 1)
    for name, cert in (("anna", "certain"), ("bob", "possible")):
        project.apply(commands.add_claim, art, coders[name], *first,
                      values={"attribution": "indirect", "certainty": "certain"})
        project.apply(commands.add_claim, art, coders[name], *second,
                      values={"attribution": "indirect", "certainty": cert})
        project.apply(commands.set_article_status, art, coders[name], "done")
    report = project_report(project, ["anna", "bob"], bootstrap=0)
    ids = agreed_claim_ids(project, report)
    cons = project.ensure_coder(CONSENSUS).id
    edit = project.apply(take_agreed, ids, cons)
    assert [(c.start, c.end) for c in project.claims(coder_id=cons)] == [first]
    assert project.apply(take_agreed, ids, cons).empty  # taking again changes nothing
    edit.revert(project.db)
    assert project.claims(coder_id=cons) == []


def test_settling_gives_the_consensus_a_status_and_undo_removes_it(project: Project) -> None:
    from annotator.consensus import leave_out, status_for, with_status

    art = project.import_records([ArticleRecord(text=TEXT, ext_id="a")]).added[0]
    anna, cons = project.ensure_coder("anna").id, project.ensure_coder(CONSENSUS).id
    a = project.apply(commands.add_claim, art, anna, 18, 48).created("claim")[0]
    assert status_for([True, False]) == "in_progress" and status_for([True, True]) == "done"
    assert status_for([]) == "done"  # nothing to settle: taken means done
    take = with_status(project.db, project.apply(take_claim, a, cons), cons,
                       lambda aid: "in_progress")
    assert project.statuses(cons)[art][0] == "in_progress"
    out = with_status(project.db, project.apply(leave_out, art, 0, 7, cons), cons,
                      lambda aid: "done")
    assert project.statuses(cons)[art][0] == "done"
    assert project.decisions(art, cons) == {("claim", 0, 7): "rejected"}
    assert project.apply(leave_out, art, 0, 7, cons).empty  # left out already
    out.revert(project.db)
    assert project.statuses(cons)[art][0] == "in_progress" and project.decisions(art, cons) == {}
    take.revert(project.db)
    assert art not in project.statuses(cons) and project.claims(coder_id=cons) == []


def test_retaking_a_unit_leaves_no_copied_source_behind(project: Project) -> None:
    # field trial: bram's "de politie" (his own mark), Take B, then Take A (anna's "politie"):
    # "de politie" stayed in the consensus, linked to nothing, and showed in the Sources sheet
    text = "Volgens de politie waren er geen gewonden."
    art = project.import_records([ArticleRecord(text=text, ext_id="a")]).added[0]
    anna, bram = project.ensure_coder("anna").id, project.ensure_coder("bram").id
    cons = project.ensure_coder(CONSENSUS).id
    claim_span = (text.index("er geen"), len(text) - 1)
    ids = {}
    for coder, start in ((anna, text.index("politie")), (bram, text.index("de politie"))):
        src = project.apply(commands.add_source, art, coder, start, text.index(" waren"),
                            "institution").created("source_mention")[0]
        ids[coder] = project.apply(commands.add_claim, art, coder, *claim_span,
                                   source_id=src).created("claim")[0]
    project.apply(take_claim, ids[bram], cons)
    (c,) = project.claims(coder_id=cons)
    project.apply(take_claim, ids[anna], cons, replace_claim_id=c.id)
    assert [(s.start, s.end) for s in project.sources(coder_id=cons)] == [
        (text.index("politie"), text.index(" waren"))]
    assert len(project.sources(coder_id=bram)) == 1  # the coder's own mark stays his


def test_take_agreed_for_one_article_leaves_the_others(project: Project) -> None:
    from annotator.consensus import take_agreed

    arts = project.import_records([ArticleRecord(text=TEXT + x, ext_id=x) for x in "ab"]).added
    anna = project.ensure_coder("anna").id
    claims = [project.apply(commands.add_claim, art, anna, 18, 48).created("claim")[0]
              for art in arts]
    cons = project.ensure_coder(CONSENSUS).id
    project.apply(take_agreed, claims, cons, arts[1])
    assert [c.article_id for c in project.claims(coder_id=cons)] == [arts[1]]

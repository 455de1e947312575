"""A coder file codes as its own coder only, and merge warns about work by a coder nobody
assigned (a name typed differently: "Anna" for "anna")."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator import commands
from annotator.cli import main
from annotator.core.errors import UserError
from annotator.core.model import ArticleRecord
from annotator.editing.session import EditingSession
from annotator.exchange import assign, coder_file, merge, pack
from annotator.project import Project


@pytest.fixture
def pi(project: Project) -> Project:
    project.import_records([ArticleRecord(text=f"Artikel {i}. De minister zegt dat het gaat.",
                                          ext_id=f"a{i}", outlet="NOS") for i in range(4)])
    assign(project, ["anna", "bob"], overlap=0.5, seed=1)
    return project


def test_a_coder_file_opens_as_its_coder_and_refuses_another_name(pi: Project,
                                                                  tmp_path: Path) -> None:
    anna_file = coder_file(pi, "anna", tmp_path / "anna.annotator")
    session = EditingSession()
    with pytest.raises(UserError, match="this is anna's coder file.*not 'Anna'"):
        session.set_project(Project.open(anna_file), "Anna")
    assert session.project is None
    session.set_project(Project.open(anna_file), "anna")
    assert session.me.name == "anna" and session.proj.own_coder() == "anna"
    assert [c.name for c in session.proj.coders()] == ["anna"]  # no coder made on the way
    session.close()
    pi.check_coder("anyone")  # the PI's project names no coder of its own


def test_merge_warns_about_work_by_a_coder_nobody_assigned(pi: Project, tmp_path: Path,
                                                           capsys) -> None:
    anna_file = coder_file(pi, "anna", tmp_path / "anna.annotator")
    with Project.open(anna_file) as anna:  # as an older annotator let it happen
        wrong = anna.ensure_coder("Anna")
        anna.apply(commands.add_claim, anna.articles()[0].id, wrong.id, 11, 40)
        handed = pack(anna, tmp_path / "anna-handin.annotator")
    report = merge(pi, [handed])
    (warning,) = report.warnings
    assert "work by coder 'Anna', but this is anna's coder file and this project assigned " \
           "no article to that name (assigned: anna, bob)" in warning
    assert main(["merge", str(pi.path), str(handed)]) == 0
    assert "WARNING anna-handin.annotator: work by coder 'Anna'" in capsys.readouterr().out


def test_merge_of_the_assigned_coders_work_warns_nothing(pi: Project, tmp_path: Path) -> None:
    anna_file = coder_file(pi, "anna", tmp_path / "anna.annotator")
    with Project.open(anna_file) as anna:
        me = anna.coder("anna")
        anna.apply(commands.add_claim, anna.articles()[0].id, me.id, 11, 40)
        handed = pack(anna, tmp_path / "anna-handin.annotator")
    report = merge(pi, [handed])
    assert report.warnings == [] and len(report.merged) == 1

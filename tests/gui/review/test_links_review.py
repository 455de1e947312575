"""The consensus step settles who a claim is attributed to (issue 12.7): the disagreement list
shows linked-source rows, taking a coder's coding copies the link, and the consensus column
names the source."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "agreement"))

from test_links import at, project  # noqa: E402,F401  (the fixture)

from annotator.agreement.links import NO_LINK, SOURCE  # noqa: E402
from annotator.consensus import CONSENSUS  # noqa: E402
from annotator.gui.review import AgreementWindow, settle  # noqa: E402
from annotator.gui.review.data import build_review, consensus_claims  # noqa: E402
from annotator.project import Project  # noqa: E402


def test_take_settles_the_linked_source(user_data, project) -> None:  # noqa: F811
    with Project.open(project) as proj:
        data = build_review(proj, None, bootstrap=0)
        rows = [r for r in data.rows if r.variable == SOURCE]
        assert sorted(r.values["anna"] for r in rows) == ["Jansen", "Reuters"]
        assert all(r.values["bob"] == NO_LINK for r in rows)
        reuters = next(r for r in rows if r.values["anna"] == "Reuters")
        edit = settle.take(proj, reuters, "anna")
        assert edit is not None
        found = consensus_claims(proj, reuters.article_id)
        assert [c.values[SOURCE] for c in found] == ["Reuters"]
        cons = proj.coder(CONSENSUS)
        linked = [s for s in proj.sources(coder_id=cons.id) if s.id == found[0].claim.source_id]
        assert [(s.start, s.end) for s in linked] == [at("Reuters")]


def test_window_lists_linked_source_disagreements(qtbot, user_data,
                                                  project) -> None:  # noqa: F811
    w = AgreementWindow(project, bootstrap=0)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.data is not None, timeout=15000)
    combo = w.review.variable
    assert combo.findData(SOURCE) >= 0
    combo.setCurrentIndex(combo.findData(SOURCE))
    assert w.review.proxy.rowCount() == 2
    names = {w.overview.coefficients.cell(r, 0).text
             for r in range(w.overview.coefficients.rowCount())}
    assert SOURCE in names
    w.close()


def test_the_comparison_names_each_coders_own_mention(user_data, tmp_path) -> None:
    from annotator import commands
    from annotator.core.model import ArticleRecord

    text = "Volgens de politie waren er geen gewonden bij het ongeluk."
    path = tmp_path / "p.annotator"
    with Project.create(path) as proj:
        art = proj.import_records([ArticleRecord(text=text, ext_id="a")]).added[0]
        claim = (text.index("er geen"), len(text) - 1)
        for name, source, cert in (("anna", "politie", "certain"),
                                   ("bram", "de politie", "possible")):
            coder = proj.ensure_coder(name).id
            start = text.index(source)
            src = proj.apply(commands.add_source, art, coder, start, start + len(source),
                             "institution").created("source_mention")[0]
            proj.apply(commands.add_claim, art, coder, *claim, source_id=src,
                       values={"attribution": "indirect", "certainty": cert})
            proj.apply(commands.set_article_status, art, coder, "done")
        data = build_review(proj, ["anna", "bram"], bootstrap=0)
        (row,) = [r for r in data.rows if r.variable == "certainty"]
        assert row.claims["anna"].values[SOURCE] == "politie"
        assert row.claims["bram"].values[SOURCE] == "de politie"
        assert not [r for r in data.rows if r.variable == SOURCE]  # overlapping: they agree

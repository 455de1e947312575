"""Who a claim is attributed to is compared (issue 12.7): the linked source and the channel
are nominal variables after claim alignment, in the report, the reliability data, the
disagreement list and the consensus step."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import krippendorff
import numpy as np
import pytest

from annotator import commands
from annotator.agreement.alignment import Unit
from annotator.agreement.links import CHANNEL, NO_LINK, SOURCE, unit_links
from annotator.cli import main
from annotator.core.model import ArticleRecord
from annotator.project import Project

TEXT = ("Minister Jansen zei dat de belasting omhoog gaat. Volgens Reuters zou Iran een drone "
        "hebben neergeschoten. Jansen meldt dat er niemand gewond raakte. Het is onduidelijk "
        "of de wapens werken.")


def at(quote: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(quote, after)
    return start, start + len(quote)


class Claim:
    def __init__(self, links):
        self.start, self.end, self.values, self.uid, self.links = 0, 5, {}, None, links


def test_overlapping_mentions_agree_and_separate_ones_do_not() -> None:
    first, second = at("Jansen"), at("Jansen", 20)
    unit = Unit("u", 1, 0, 5, {
        "a": Claim({SOURCE: (0, 15, "Minister Jansen")}),  # overlaps b's "Jansen"
        "b": Claim({SOURCE: (*first, "Jansen")}),
        "c": Claim({SOURCE: (*second, "Jansen")}),  # the same name, another mention
        "d": Claim({SOURCE: None}),
        "e": Claim({}),  # knows no links: missing, not "(none)"
    })
    values = unit_links(unit, SOURCE)
    assert values["a"] == values["b"] == "Minister Jansen"
    assert values["c"] not in (values["a"], NO_LINK) and values["c"].startswith("Jansen")
    assert values["d"] == NO_LINK and "e" not in values


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """anna links the claims to speakers; bob links the first (an overlapping mention) and
    leaves two without a source; neither links the last. Codes are the same everywhere."""
    path = tmp_path / "links.annotator"
    values = {"attribution": "indirect", "certainty": "certain"}
    with Project.create(path) as proj:
        proj.import_records([ArticleRecord(text=TEXT, ext_id="art-1", title="t")])
        article = proj.articles()[0].id
        plan = {"anna": [at("Minister Jansen"), at("Reuters"), at("Jansen", 20), None],
                "bob": [at("Jansen"), None, None, None]}
        claims = [at("de belasting omhoog gaat"), at("Iran een drone hebben neergeschoten"),
                  at("er niemand gewond raakte"), at("de wapens werken")]
        for name, sources in plan.items():
            coder = proj.ensure_coder(name).id
            for span, source in zip(claims, sources, strict=True):
                sid = None
                if source is not None:
                    sid = proj.apply(commands.add_source, article, coder, *source,
                                     "person").created("source_mention")[0]
                cid = proj.apply(commands.add_claim, article, coder, *span, values=values,
                                 source_id=sid).created("claim")[0]
                if name == "anna" and span == claims[1]:  # anna also names the channel
                    ch = proj.apply(commands.add_source, article, coder, *at("Reuters"),
                                    "media").created("source_mention")[0]
                    proj.apply(commands.update_span, "claim", cid, channel_id=ch)
            proj.apply(commands.set_article_status, article, coder, "done")
    return path


def test_report_compares_the_linked_source(project, capsys) -> None:
    assert main(["agreement", str(project), "--format", "json", "--bootstrap", "0"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_name = {v["variable"]: v for v in data["variables"]}
    source = by_name[SOURCE]
    # the same values coded everywhere: only the links disagree
    assert by_name["certainty"]["disagreements"] == []
    anna = ["Minister Jansen", "Reuters", "Jansen", NO_LINK]
    bob = ["Minister Jansen", NO_LINK, NO_LINK, NO_LINK]
    codes = {v: i for i, v in enumerate(sorted(set(anna + bob)))}
    expected = krippendorff.alpha(reliability_data=np.array(
        [[codes[v] for v in anna], [codes[v] for v in bob]]), level_of_measurement="nominal")
    alpha = source["coefficients"]["krippendorff_alpha"]
    assert alpha["value"] == pytest.approx(expected) and alpha["n_units"] == 4
    found = {d["unit"]: d["values"] for d in source["disagreements"]}
    assert sorted(found.values(), key=str) == [{"anna": "Jansen", "bob": NO_LINK},
                                               {"anna": "Reuters", "bob": NO_LINK}]
    channel = by_name[CHANNEL]["disagreements"]
    assert [d["values"] for d in channel] == [{"anna": "Reuters", "bob": NO_LINK}]


def test_table_and_reliability_data_carry_the_linked_source(project, tmp_path, capsys) -> None:
    wide, long, book = tmp_path / "w.csv", tmp_path / "l.csv", tmp_path / "a.xlsx"
    assert main(["agreement", str(project), "--bootstrap", "0", "--wide", str(wide),
                 "--long", str(long), "--format", "xlsx", "--out", str(book)]) == 0
    with open(wide, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r[f"{SOURCE}_anna"] for r in rows] == ["Minister Jansen", "Reuters", "Jansen",
                                                   NO_LINK]
    with open(long, encoding="utf-8", newline="") as fh:
        linked = [r for r in csv.DictReader(fh) if r["variable"] == SOURCE]
    assert {(r["coder"], r["value"]) for r in linked} >= {("bob", NO_LINK), ("anna", "Reuters")}
    import openpyxl

    dis = list(openpyxl.load_workbook(book, read_only=True)["Disagreements"]
               .iter_rows(values_only=True))
    assert sum(1 for r in dis if r[4] == SOURCE) == 2
    capsys.readouterr()
    assert main(["agreement", str(project), "--bootstrap", "0"]) == 0
    assert any(line.startswith(SOURCE) for line in capsys.readouterr().out.splitlines())


def test_consensus_takes_only_units_that_agree_on_the_source_too(project) -> None:
    from annotator.reliability import agreed_claim_ids, project_report

    with Project.open(project) as proj:
        report = project_report(proj, bootstrap=0)
        agreed = agreed_claim_ids(proj, report)
        anna = proj.coder("anna").id
        starts = sorted(c.start for c in proj.claims(coder_id=anna) if c.id in agreed)
    assert starts == [at("de belasting omhoog gaat")[0], at("de wapens werken")[0]]


def test_variable_option_selects_the_linked_source(project, capsys) -> None:
    assert main(["agreement", str(project), "--variable", SOURCE, "--format", "json",
                 "--bootstrap", "0"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [v["variable"] for v in data["variables"]] == [SOURCE]

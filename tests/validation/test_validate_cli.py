"""`annotator validate`: the suggester as coder `machine` against the consensus; its figures
are the ones `annotator agreement` gives when the machine's coding is a coder's work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator import commands, exchange
from annotator.cli import main
from annotator.project import Project
from annotator.store import suggestions as S
from tests.validation.conftest import DEV, OUTLETS

BOOT = ("--bootstrap", "200", "--seed", "3")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return json.loads(out)


def handed_in_machine(project: Path, tmp: Path, articles: list[int]) -> Path:
    """The machine's coding made the way a human coder's arrives: a coder file for `machine`,
    every suggestion of the consensus's articles accepted there through the commands layer
    and each marked done, packed and merged into a copy of the project."""
    merged = tmp / "merged.annotator"
    with Project.open(project) as proj:
        proj.db.backup_to(merged)
        exchange.coder_file(proj, "machine", tmp / "machine.annotator")
    with Project.open(tmp / "machine.annotator") as mine:
        coder = mine.ensure_coder("machine")
        for article in articles:
            found = mine.suggestions(article)
            assert found is not None
            for sug in (*found.claims, *found.sources, *found.cues):
                mine.apply(commands.accept_suggestion, coder.id, sug.id)
            mine.apply(commands.set_article_status, article, coder.id, "done")
        exchange.pack(mine, tmp / "machine-handin.annotator")
    with Project.open(merged) as proj:
        report = exchange.merge(proj, [tmp / "machine-handin.annotator"])
    assert report.merged and not report.failed and not report.conflicts
    return merged


def without_claim_ids(value: object) -> object:
    """The report with the machine's claim ids left out: the machine handed in through a coder
    file gets new claim ids, the figures stay the same."""
    if isinstance(value, dict):
        return {k: without_claim_ids(v) for k, v in value.items() if k not in ("claim_ids", "claims", "claim_id")}
    if isinstance(value, list):
        return [without_claim_ids(v) for v in value]
    return value


def consensus_articles(project: Path) -> list[int]:
    with Project.open(project) as proj:
        cons = proj.coder("consensus")
        assert cons is not None
        return sorted(a for a, (s, _) in proj.statuses(cons.id).items() if s == "done")


def test_validate_matches_agreement_on_the_machine_handed_in_as_a_coder(
        capsys, coded_project: Path, tmp_path: Path) -> None:
    articles = consensus_articles(coded_project)
    merged = handed_in_machine(coded_project, tmp_path, articles)
    ours = run_json(capsys, "validate", str(coded_project), "--format", "json", *BOOT)
    theirs = run_json(capsys, "agreement", str(merged), "--coder", "consensus", "--coder",
                      "machine", "--format", "json", *BOOT)
    assert ours["machine"] == "machine" and ours["reference"] == "consensus"
    agreement = ours["overall"]["agreement"]
    with Project.open(coded_project) as proj:  # reliability data names articles by imported id
        imported = [proj.article(a).ext_id for a in articles]
    assert agreement["articles"] == theirs["articles"] == imported
    for key in ("coders", "n_units", "unitizing", "spans", "variables"):
        assert without_claim_ids(agreement[key]) == without_claim_ids(theirs[key]), key
    alphas = {v["variable"]: v["coefficients"]["krippendorff_alpha"]
              for v in agreement["variables"]}
    assert set(alphas) == {"attribution", "certainty", "type", "linked_source", "linked_channel"}
    assert all(a["ci_low"] <= a["value"] <= a["ci_high"] for v, a in alphas.items()
               if v in ("attribution", "certainty", "type"))
    assert alphas["certainty"]["value"] < 1  # the machine and the consensus do differ
    for part in ours["outlets"]:  # and per outlet, as `agreement --outlet` gives
        theirs = run_json(capsys, "agreement", str(merged), "--coder", "consensus", "--coder",
                          "machine", "--outlet", part["outlet"], "--format", "json", *BOOT)
        for key in ("articles", "n_units", "unitizing", "variables"):
            assert without_claim_ids(part["agreement"][key]) == without_claim_ids(theirs[key]), \
                (part["outlet"], key)
    assert [p["outlet"] for p in ours["outlets"]] == sorted(OUTLETS)
    assert sum(p["articles"] for p in ours["outlets"]) == len(articles)


def test_validate_machine_file_is_the_coding_agreement_reads(capsys, coded_project: Path,
                                                             tmp_path: Path) -> None:
    kept = tmp_path / "with-machine.annotator"
    ours = run_json(capsys, "validate", str(coded_project), "--format", "json",
                    "--machine-file", str(kept), *BOOT)
    theirs = run_json(capsys, "agreement", str(kept), "--coder", "consensus", "--coder",
                      "machine", "--format", "json", *BOOT)
    assert ours["overall"]["agreement"]["variables"] == theirs["variables"]
    with Project.open(coded_project) as proj:  # the project itself is not changed
        assert proj.coder("machine") is None


def test_validate_units_are_evaluate_against_a_coder_who_coded_the_gold(
        capsys, coded_project: Path) -> None:
    # anna coded every article exactly as the gold says: the machine's unit figures against
    # her are what `annotator evaluate` says about the suggester on the gold folder
    ours = run_json(capsys, "validate", str(coded_project), "--against", "anna", "--format",
                    "json", "--bootstrap", "0")
    gold = run_json(capsys, "evaluate", str(DEV), "--format", "json")[str(DEV)]
    units = ours["overall"]["units"]
    assert units["articles"] == gold["articles"]
    for kind, key in (("sources", "source"), ("cues", "cue"), ("claims", "claim")):
        assert (units[kind]["precision"], units[kind]["recall"], units[kind]["f1"]) == \
            pytest.approx((gold[f"{key}_p"], gold[f"{key}_r"], gold[f"{key}_f1"]))
    for name in ("type", "attribution", "certainty", "link"):
        assert units["accuracy"][name] == pytest.approx(gold[f"{name}_acc"])
    assert units["claims"]["f1"] < 1


def test_validate_table_names_the_figures(capsys, coded_project: Path) -> None:
    code, out, _ = run(capsys, "validate", str(coded_project), *BOOT)
    assert code == 0
    assert "machine (the suggester: annotator-rules-1" in out and "against consensus" in out
    for word in ("precision", "recall", "F1", "sources", "cues", "claims", "certainty",
                 "95% interval", "Courant", "Dagblad", "(no outlet)"):
        assert word in out, word


def test_validate_suggests_articles_without_suggestions_in_the_copy_only(
        capsys, project_copy: Path) -> None:
    with Project.open(project_copy) as proj:
        proj.db.conn.execute("DELETE FROM suggestion_run")
        proj.db.conn.commit()
    ours = run_json(capsys, "validate", str(project_copy), "--format", "json", *BOOT)
    assert sum(ours["suggesters"].values()) == ours["overall"]["articles"]
    with Project.open(project_copy) as proj:
        assert S.suggested_article_ids(proj.db) == set()


@pytest.mark.parametrize(("argv", "message"), [
    (("--against", "nobody"), "no coder named 'nobody'"),
    (("--format", "xlsx"), "--format xlsx and --out"),
    (("--out", "x.xlsx"), "--format xlsx and --out"),
])
def test_validate_refuses_with_a_message(capsys, coded_project: Path, argv, message) -> None:
    code, out, err = run(capsys, "validate", str(coded_project), *argv)
    assert code == 2 and message in err and out == ""


def test_validate_without_consensus_says_what_to_do(capsys, tmp_path: Path) -> None:
    path = tmp_path / "empty.annotator"
    Project.create(path).close()
    code, _, err = run(capsys, "validate", str(path))
    assert code == 2 and "no coder named 'consensus'" in err and "--against CODER" in err


def test_validate_a_coder_named_machine_is_left_alone(capsys, project_copy: Path) -> None:
    with Project.open(project_copy) as proj:
        proj.ensure_coder("machine")
    ours = run_json(capsys, "validate", str(project_copy), "--format", "json", *BOOT)
    assert ours["machine"] == "machine-2"


def alpha_cells(path: Path) -> dict[tuple[str, str], float | None]:
    """(outlet, variable) -> the alpha in the Validation sheet's agreement block."""
    from openpyxl import load_workbook

    ws = load_workbook(path, read_only=True)["Validation"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r[:4] == ["Outlet", "Variable", "Level",
                                                           "Krippendorff's alpha"])
    return {(r[0], r[1]): r[3] for r in rows[start + 1:] if r[0]}


def test_validate_xlsx_holds_the_json_figures(capsys, coded_project: Path,
                                              tmp_path: Path) -> None:
    out = tmp_path / "validation.xlsx"
    code, _, err = run(capsys, "validate", str(coded_project), "--format", "xlsx", "--out",
                       str(out), *BOOT)
    assert code == 0 and f"wrote {out}" in err
    data = run_json(capsys, "validate", str(coded_project), "--format", "json", *BOOT)
    cells = alpha_cells(out)
    for part in [data["overall"], *data["outlets"]]:
        label = "all" if part["outlet"] is None else (part["outlet"] or "(no outlet)")
        for v in part["agreement"]["variables"]:
            assert cells[(label, v["variable"])] == pytest.approx(
                v["coefficients"]["krippendorff_alpha"]["value"])


def test_export_validation_sheet_shows_validate_figures(capsys, coded_project: Path,
                                                        tmp_path: Path) -> None:
    from openpyxl import load_workbook

    plain, with_sheet = tmp_path / "sheet.xlsx", tmp_path / "sheet-validated.xlsx"
    assert run(capsys, "export", str(coded_project), "--xlsx", str(plain))[0] == 0
    assert "Validation" not in load_workbook(plain, read_only=True).sheetnames
    code, out, err = run(capsys, "export", str(coded_project), "--xlsx", str(with_sheet),
                         "--validation")
    assert code == 0, err
    assert "Validation" in out
    names = load_workbook(with_sheet, read_only=True).sheetnames
    assert names.index("Agreement") < names.index("Validation") < names.index("About")
    data = run_json(capsys, "validate", str(coded_project), "--format", "json")
    cells = alpha_cells(with_sheet)
    for v in data["overall"]["agreement"]["variables"]:
        assert cells[("all", v["variable"])] == pytest.approx(
            v["coefficients"]["krippendorff_alpha"]["value"])


def test_export_validation_needs_the_workbook(capsys, coded_project: Path,
                                              tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", str(coded_project), "--csv", str(tmp_path / "csv"),
                       "--validation", "anna")
    assert code == 2 and "give --xlsx too" in err


def test_validate_blind_takes_only_articles_coded_without_suggestions(
        capsys, project_copy: Path) -> None:
    with Project.open(project_copy) as proj:
        blind = sorted(a.id for a in proj.articles())[:4]
        blind_ids = [proj.article(a).ext_id for a in blind]  # reliability data: imported ids
        proj.set_require_blind(blind)
    ours = run_json(capsys, "validate", str(project_copy), "--blind", "--format", "json", *BOOT)
    assert ours["overall"]["articles"] == 4
    assert ours["overall"]["agreement"]["articles"] == blind_ids
    everything = run_json(capsys, "validate", str(project_copy), "--format", "json", *BOOT)
    assert everything["overall"]["articles"] > 4

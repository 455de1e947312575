"""Export the coding sheet: gather a project's work and write it as xlsx, CSV, SPSS, Stata.

SPSS and Stata get one file per table (`sav=study.sav` writes study_claims.sav,
study_sources.sav, study_articles.sav; `annotator.io.stats_export.stats_path`).

`export_project(project, xlsx=..., csv_dir=..., sav=..., dta=...)` checks every target first,
selects what to export (`annotator.sheet.tables`), computes the agreement report for the
workbook, and has the writers of `annotator.io` write each format; it returns their
`ExportReport`: row counts per sheet and notes on each cell that had to be changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.checks import CHECKS
from annotator.core.errors import UserError
from annotator.core.outpaths import check_output
from annotator.io import sheet_export as SE
from annotator.io.sheet_export import CSV_NAMES, ExportReport
from annotator.io.stats_export import stats_targets
from annotator.project import Project
from annotator.sheet.tables import STATS_TABLES, Selection, build_tables, select, stats_tables
from annotator.store import sheet_rows as Q

if TYPE_CHECKING:
    from annotator.agreement.report import AgreementReport


def export_project(project: Project, *, xlsx: Path | None = None, csv_dir: Path | None = None,
                   csv_bom: bool = True, sav: Path | None = None, dta: Path | None = None,
                   coders: Sequence[str] | None = None, per_coder: bool = False,
                   include_suggestions: bool = False, force: bool = False,
                   validation: Mapping[str, Any] | None = None) -> ExportReport:
    """Write every format asked for; refuse before writing when a target cannot be written.

    By default the Claims, Sources, Articles and Summary tables are the analysis dataset (one
    coding per article: the consensus, else the one coder's); `per_coder` or `coders` gives
    every (or the named) coder's work instead. `validation` (`Validation.to_dict()` of
    `annotator validate`) adds a Validation sheet."""
    if not any((xlsx, csv_dir, sav, dta)):
        raise UserError("nothing to export: give --xlsx, --csv, --sav or --dta")
    if validation is not None and xlsx is None:
        raise UserError("the Validation sheet goes into the workbook: give --xlsx too")
    for target in (xlsx, *stats_targets(STATS_TABLES, sav=sav, dta=dta)):
        if target is not None:
            check_output(target, force=force, reading=(project.path,))
    if csv_dir is not None:
        for name in CSV_NAMES.values():
            check_output(Path(csv_dir) / name, force=force, reading=(project.path,))
    if csv_dir is not None:
        try:
            Path(csv_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"cannot make the CSV folder ({exc.strerror})", path=csv_dir) from exc
    sel = select(project, coders, include_suggestions, per_coder)
    report = ExportReport()
    _note_checks(project, sel, report)
    _describe(sel, report)
    if xlsx:
        write_xlsx(project, sel, Path(xlsx), report, force=force, validation=validation)
    if csv_dir:
        SE.write_csv(build_tables(project, sel), Path(csv_dir), report, bom=csv_bom, force=force)
    if sav or dta:
        from annotator.io.stats_export import write_stats

        write_stats(stats_tables(project, sel), project.codebook, sav=sav, dta=dta,
                    report=report, force=force)
    return report


def write_xlsx(project: Project, sel: Selection, path: Path, report: ExportReport, *,
               force: bool = False, validation: Mapping[str, Any] | None = None) -> None:
    """The workbook of the selection, with the Agreement sheet when coders can be compared."""
    SE.write_xlsx(build_tables(project, sel), project.codebook, path, report,
                  project_id=project.project_id, project_file=project.path.name, force=force,
                  agreement=agreement_of(project, sel), validation=validation)


def agreement_of(project: Project, sel: Selection) -> AgreementReport | None:
    """The agreement report of the selection, when two or more coders coded common articles."""
    from annotator.reliability import default_coders, project_report

    # the coders the CLI and the window compare: of the selection, those who coded something
    compared = set(default_coders(project))
    names = [c.name for c in sel.coders if c.name in compared]
    if len(names) < 2:
        return None
    agreement = project_report(project, names)
    return agreement if agreement.articles else None


def _note_checks(project: Project, sel: Selection, report: ExportReport) -> None:
    """Say what the Summary sheet flags for checking (claims unattributed with a source,
    direct or indirect ones with none): a warning, the export goes on."""
    for code, text in CHECKS:
        n = sum(r.claims for r in Q.flagged_claims(project.db.conn, sel.ids, code))
        if n:
            report.note(f"{n} claim(s) {text}: check them (Summary sheet, variable 'check', "
                        f"value {code})")


def _describe(sel: Selection, report: ExportReport) -> None:
    if not sel.analysis:
        report.dataset = "each coder's work (" + ", ".join(c.name for c in sel.coders) + ")"
        return
    report.dataset = ("analysis: per article the consensus where it exists, else the one "
                      "coder's work (for every coder's: export --per-coder, or in the window "
                      "File > Export coding sheet > Every coder's work)")
    picks = sel.picks
    if picks is not None and picks.unsettled:
        report.note(f"{picks.unsettled:,} article(s) coded by two or more coders have no "
                    "consensus yet: their claims and sources are left out (coding_progress "
                    "needs_consensus in Articles); settle them in the agreement window, or "
                    "export --per-coder")
    if picks is not None and picks.consensus_open:
        report.note(f"{picks.consensus_open:,} article(s) have a consensus still in progress "
                    "(disagreements not yet settled): their rows show the consensus so far "
                    "(coding_progress in_progress); settle the rest in the agreement window")
    if picks is not None and picks.unassigned_work:
        report.note(f"work of {picks.unassigned_work:,} coder(s) on articles not assigned to them "
                    "is left out of the analysis dataset")

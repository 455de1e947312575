"""`annotator export` (the coding sheet: xlsx, CSV, SPSS, Stata) and `annotator import-sheet`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the coding sheet (xlsx, CSV, SPSS .sav, Stata .dta)")
    p.add_argument("project", type=Path)
    p.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="the workbook to write")
    p.add_argument("--coder", action="append", metavar="NAME",
                   help="export this coder's work only; repeat for more")
    p.add_argument("--per-coder", action="store_true",
                   help="every coder's work, a row per coder (default: the analysis dataset, "
                        "per article the consensus where it exists, else the one coder's work)")
    p.add_argument("--csv", type=Path, metavar="OUT_DIR", dest="csv_dir",
                   help="also write the tables as UTF-8 CSV files into this folder")
    p.add_argument("--csv-bom", action="store_true", default=True,
                   help="start each CSV file with a UTF-8 byte order mark, so that Excel "
                        "reads the text right (the default; kept for older scripts)")
    p.add_argument("--csv-no-bom", action="store_false", dest="csv_bom",
                   help="plain UTF-8 CSV without the byte order mark (for tools that keep the "
                        "mark as part of the first column name)")
    p.add_argument("--include-suggestions", action="store_true",
                   help="add untouched suggested claims (claim_origin 'suggested', no coder)")
    p.add_argument("--sav", type=Path, metavar="OUT.sav",
                   help="SPSS files, one per table: OUT_claims.sav, OUT_sources.sav, "
                        "OUT_articles.sav")
    p.add_argument("--dta", type=Path, metavar="OUT.dta",
                   help="Stata files, one per table: OUT_claims.dta, OUT_sources.dta, "
                        "OUT_articles.dta")
    p.add_argument("--validation", nargs="?", const="consensus", metavar="CODER",
                   help="add a Validation sheet to the workbook: the suggester against this "
                        "coder (default: consensus), as `annotator validate` computes it; "
                        "an option, since it may run the suggester and takes a while")
    p.add_argument("--force", action="store_true",
                   help="replace an output that is another annotator project (never the one read)")
    p.set_defaults(func=run_export)

    p = sub.add_parser("import-sheet",
                       help="read the coded values a coder edited in the coding sheet back")
    p.add_argument("project", type=Path)
    p.add_argument("sheet", type=Path, metavar="SHEET.xlsx")
    p.add_argument("--coder", required=True, metavar="NAME",
                   help="apply the rows of this coder")
    p.set_defaults(func=run_import_sheet)


def run_export(args: argparse.Namespace) -> int:
    from annotator.project import Project
    from annotator.sheet.export import export_project

    with Project.open(args.project) as proj:
        validation = _validation(proj, args)
        report = export_project(proj, xlsx=args.xlsx, csv_dir=args.csv_dir, csv_bom=args.csv_bom,
                                sav=args.sav, dta=args.dta, coders=args.coder, per_coder=args.per_coder,
                                include_suggestions=args.include_suggestions, force=args.force,
                                validation=validation)
    print("\n".join(report.lines()))
    return 0


def _validation(proj: Any, args: argparse.Namespace) -> dict[str, Any] | None:
    if args.validation is None:
        return None
    from annotator.core.errors import UserError
    from annotator.validation.report import validate

    if args.xlsx is None:
        raise UserError("the Validation sheet goes into the workbook: give --xlsx too")
    return validate(proj, args.validation).to_dict()


def run_import_sheet(args: argparse.Namespace) -> int:
    from annotator.project import Project
    from annotator.sheet.readback import import_sheet

    with Project.open(args.project) as proj:
        result = import_sheet(proj, args.sheet, args.coder)
    print("\n".join(result.lines()))
    return 0

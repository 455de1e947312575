"""`annotator agreement`: reliability of a project's coders, or of a reliability-data CSV.

    annotator agreement PROJECT [--coder NAME ...] [--variable NAME ...] [--format table|json]
    annotator agreement PROJECT --format xlsx --out FILE.xlsx [--wide FILE.xlsx|.csv]
                                [--long FILE.csv]
    annotator agreement --matrix FILE.csv --level LEVEL --coefficient NAME [--format json|table]

The matrix CSV has one row per coder (first cell the coder's name) and one column per unit
(header row: unit ids); the project's own --wide file is read too (with --variable). The
rules for missing and odd cells are in `annotator.io.reliability_matrix`.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

LEVELS = ("nominal", "ordinal", "interval", "ratio")
COEFFICIENTS = ("krippendorff_alpha", "cohen_kappa", "fleiss_kappa", "scott_pi", "gwet_ac1",
                "percent_agreement")
# Cohen's kappa is listed for every pair of coders: 100 coders make 4,950 pairs, already more
# than anyone reads; 10,000 would make 50 million and run for minutes.
MAX_COHEN_CODERS = 100


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "agreement", help="agreement between coders (a project, or a reliability-data CSV)",
        description="Agreement between coders: Krippendorff's alpha with a bootstrap interval, "
                    "Cohen's kappa per pair, Fleiss' kappa, Scott's pi, Gwet's AC1, percent "
                    "agreement, and agreement on the claim spans.")
    p.add_argument("project", nargs="?", type=Path, help="the project file")
    p.add_argument("--coder", action="append", help="a coder to compare (repeat; default: all "
                   "except the consensus coder)")
    p.add_argument("--variable", action="append", help="a codebook variable, or linked_source / "
                   "linked_channel (who the claim is attributed to: coders agree when their "
                   "linked mentions overlap or neither links one); repeat; default: the claim "
                   "variables, the source type, linked_source and linked_channel. With --matrix "
                   "on a --wide file: the variable to read")
    p.add_argument("--outlet", action="append", metavar="NAME",
                   help="only the articles of this outlet (repeat for more; \"\" for articles "
                        "without one): the per-outlet figures of `annotator validate`")
    p.add_argument("--matrix", type=Path, metavar="FILE.csv",
                   help="reliability data instead of a project: a row per coder (first cell "
                        "the name), a column per unit (header: unique unit ids); or the wide "
                        "file --wide writes, with --variable. Missing: "
                        f"{missing_help()} (any case); at ordinal, interval and ratio level "
                        "every other cell must be a finite number (inf is refused), at nominal "
                        "level it is a category")
    p.add_argument("--level", choices=LEVELS, default="nominal",
                   help="level of measurement of the --matrix values (default nominal)")
    p.add_argument("--coefficient", choices=COEFFICIENTS, default="krippendorff_alpha",
                   help="coefficient for --matrix (default krippendorff_alpha); cohen_kappa "
                        f"lists every pair, for at most {MAX_COHEN_CODERS} coders")
    p.add_argument("--bootstrap", type=int, default=1000, metavar="N",
                   help="bootstrap resamples for alpha's interval (default 1000; 0: none)")
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    p.add_argument("--format", choices=("table", "json", "xlsx"), default=None, dest="fmt",
                   help="output (default: json for --matrix, table for a project); xlsx writes "
                        "the report as a workbook to --out")
    p.add_argument("--out", type=Path, metavar="FILE.xlsx",
                   help="the workbook for --format xlsx (sheets Agreement, Confusion, "
                        "Disagreements, Reliability data, Value codes)")
    p.add_argument("--wide", type=Path, metavar="FILE.xlsx|.csv",
                   help="also write the reliability data wide: a row per unit, a column per "
                        "variable and coder (SPSS/KALPHA, ReCal); codes as the codebook's numbers")
    p.add_argument("--long", type=Path, metavar="FILE.csv",
                   help="also write the reliability data long: unit, coder, variable, value "
                        "(R's irr, tidycomm's test_icr)")
    p.set_defaults(func=run_agreement)


def missing_help() -> str:
    from annotator.io.reliability_matrix import missing_help as tokens

    return tokens()


def dumps(data: Any) -> str:
    """Strict JSON: a non-finite number becomes null (JSON has no NaN) rather than `NaN`."""
    return json.dumps(_finite(data), ensure_ascii=False, default=str, allow_nan=False)


def _finite(data: Any) -> Any:
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: _finite(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(v) for v in data]
    return data


def run_agreement(args: argparse.Namespace) -> int:
    from annotator.core.errors import UserError

    if (args.matrix is None) == (args.project is None):
        raise UserError("give either a project file or --matrix FILE.csv")
    if args.bootstrap < 0:
        raise UserError("--bootstrap must be 0 or more")
    if args.matrix is not None:
        if args.fmt == "xlsx" or args.out or args.wide or args.long or args.outlet:
            raise UserError("--format xlsx, --out, --wide, --long and --outlet need a project "
                            "file")
        return _run_matrix(args)
    _check_outputs(args)
    return _run_project(args)


def _run_matrix(args: argparse.Namespace) -> int:
    from annotator.agreement import coefficients as co
    from annotator.core.errors import UserError
    from annotator.io.reliability_matrix import read_matrix

    if args.variable and len(args.variable) > 1:
        raise UserError("--matrix reads one variable at a time: give --variable once")
    matrix = read_matrix(args.matrix, args.level, args.variable[0] if args.variable else None)
    names, units = matrix.coders, matrix.units
    rows: Any = matrix.rows  # cells per coder, or the float array below: coefficients take either
    if args.coefficient == "cohen_kappa" and len(names) > MAX_COHEN_CODERS:
        raise UserError(f"cohen_kappa is listed per pair of coders: {len(names)} coders make "
                        f"{len(names) * (len(names) - 1) // 2:,} pairs (at most "
                        f"{MAX_COHEN_CODERS} coders); use fleiss_kappa or krippendorff_alpha "
                        "for many coders", path=args.matrix)
    if args.level != "nominal":
        import numpy as np

        rows = np.array(rows, dtype=float)  # NaN = missing; skips per-cell work downstream
    options = {"bootstrap": args.bootstrap, "seed": args.seed}
    if args.coefficient == "krippendorff_alpha":
        result = co.krippendorff_alpha(rows, args.level, **options)
    elif args.coefficient == "cohen_kappa":
        pair = (names[0], names[1]) if len(names) == 2 else None
        result = co.cohen_kappa(rows, args.level, coders=pair)
    else:
        result = co.compute(args.coefficient, rows, args.level)
    out = {**result.to_dict(), "file": str(args.matrix), "units_in_file": len(units),
           "layout": matrix.layout}
    if args.coefficient == "krippendorff_alpha":
        from annotator.agreement.verdict import GUIDANCE, result_verdict

        judged = result_verdict(result)
        out.update(verdict=judged.shown, verdict_reason=judged.reason, verdict_rule=GUIDANCE)
    if args.coefficient == "cohen_kappa" and len(names) > 2:
        out["pairs"] = [r.to_dict() for r in co.cohen_kappa_pairs(rows, args.level, names=names)]
    if (args.fmt or "json") == "json":
        print(dumps(out))
    else:
        print(format_result(out))
    return 0


def _num(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_result(out: dict[str, Any]) -> str:
    """One result as aligned `label  value` lines."""
    lines = [("coefficient", out["coefficient"]), ("level", out["level"]),
             ("value", _num(out["value"]))]
    if out["value"] is None:
        lines.append(("reason", out.get("reason", "")))
    if out.get("ci_low") is not None:
        lines.append(("95% interval", f"{_num(out['ci_low'])} to {_num(out['ci_high'])} "
                      f"({out['n_resamples']} resamples)"))
        lines.append(("P(alpha < .667)", _num(out["p_below_667"])))
        lines.append(("P(alpha < .800)", _num(out["p_below_800"])))
    lines += [("units", str(out["n_units"])), ("coders", str(out["n_coders"]))]
    if "verdict" in out:
        lines += [("verdict", f"{out['verdict']}: {out['verdict_reason']}"),
                  ("verdict rule", out["verdict_rule"])]
    if out.get("note"):
        lines.append(("note", out["note"]))
    width = max(len(label) for label, _ in lines)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in lines)


# --- a project ----------------------------------------------------------------------------------

def _run_project(args: argparse.Namespace) -> int:
    from annotator.agreement.report import unit_disagreements
    from annotator.core.errors import UserError
    from annotator.project import Project
    from annotator.reliability import project_claims, project_report

    if not args.project.exists():
        raise UserError("no such project file", path=args.project)
    with Project.open(args.project) as proj:
        report = project_report(proj, args.coder, args.variable, bootstrap=args.bootstrap,
                                seed=args.seed, outlets=args.outlet)
        claims = project_claims(proj, list(report.coders))
        codebook = proj.codebook
        # a report without an alignment has no units (as the exports read it too)
        units = (unit_disagreements(report.alignment, claims)
                 if report.alignment is not None else ())
        texts = _disagreement_texts(proj, report, units) if args.fmt == "xlsx" else {}
    _write_files(args, report, units, texts, codebook)
    if args.fmt == "xlsx":
        print(f"wrote {args.out}", file=sys.stderr)
    elif args.fmt == "json":
        out = {**report.to_dict(), "unit_disagreements": [d.to_dict() for d in units]}
        print(dumps(out))
    else:
        print(format_report(report, len(units)))
    return 0


def _check_outputs(args: argparse.Namespace) -> None:
    from annotator.core.errors import UserError

    if args.fmt == "xlsx" and args.out is None:
        raise UserError("--format xlsx needs --out FILE.xlsx")
    if args.out is not None and args.fmt != "xlsx":
        raise UserError("--out is for --format xlsx")
    if args.out is not None and args.out.suffix.lower() != ".xlsx":
        raise UserError("the workbook must end in .xlsx", path=args.out)
    if args.wide is not None and args.wide.suffix.lower() not in (".xlsx", ".csv"):
        raise UserError("--wide writes .xlsx or .csv", path=args.wide)
    if args.long is not None and args.long.suffix.lower() != ".csv":
        raise UserError("--long writes .csv", path=args.long)


def _disagreement_texts(proj: Any, report: Any, units: Any) -> dict[Any, str]:
    """Article texts for the Disagreements sheet's quotes (only articles that have one)."""
    wanted = {d.article_id for d in units}
    wanted |= {d.article_id for v in report.variables for d in v.disagreements}
    return {a: proj.article_text(a) for a in wanted}


def _write_files(args: argparse.Namespace, report: Any, units: Any, texts: dict[Any, str],
                 codebook: Any) -> None:
    from annotator.io import agreement_export as X

    if args.fmt == "xlsx":
        X.write_agreement_workbook(args.out, report, unit_disagreements=units, texts=texts,
                                   codebook=codebook)
    if args.wide is not None:
        n = X.write_wide(args.wide, report, codebook)
        print(f"wrote {args.wide} ({n} units)", file=sys.stderr)
    if args.long is not None:
        n = X.write_long_csv(args.long, report)
        print(f"wrote {args.long} ({n} rows)", file=sys.stderr)


def format_report(report: Any, unmarked: int = 0) -> str:
    """The report as text; `unmarked`: the claims only some coders marked (unitizing
    disagreements), which the agreement window lists beside the coded ones."""
    from annotator.agreement.verdict import GUIDANCE, result_verdict

    lines = [f"{len(report.coders)} coders ({', '.join(report.coders)}), "
             f"{len(report.articles)} articles coded by two or more, {report.n_units} units"]
    u = report.unitizing
    # uα needs articles every compared coder coded: say over which, so a thin base shows
    base = f" over {u.note}" if u.note else ""
    lines.append(f"claim spans: unitizing alpha {_num(u.value)}{base}"
                 + (f" ({u.reason}; compare fewer coders with --coder)" if u.value is None
                    else f", {result_verdict(u).label}"))
    lines += [f"  {s.coder_a} vs {s.coder_b}: F1 {_num(s.f1)}, precision {_num(s.precision)}, "
              f"recall {_num(s.recall)} ({s.matched} matched of {s.n_a} and {s.n_b})"
              for s in report.spans]
    lines += ["", _variable_table(report.variables)]
    lines += [f"  {v.variable}: {judged.label}: {judged.reason}" for v in report.variables
              if (judged := result_verdict(v.coefficients["krippendorff_alpha"])).label
              == "uncertain"]
    lines.append(f"  {GUIDANCE}")
    lines += [f"  {d}" for d in report.definitions()]
    lines += [f"  {v.variable}: alpha undefined: {v.coefficients['krippendorff_alpha'].reason}"
              for v in report.variables if v.coefficients["krippendorff_alpha"].value is None]
    for v in report.variables:
        for r in v.cohen_pairs:
            lines.append(f"  {v.variable}: Cohen's kappa {r.coders[0]} vs {r.coders[1]} "
                         f"{_num(r.value)} ({r.n_units} units)")
    lines += ["", "pipeline (share of claims): coder  accepted  edited  manual  "
              "suggestions rejected"]
    for p in report.pipeline:
        lines.append(f"  {p.coder}: {_num(p.share('accepted'))}  {_num(p.share('edited'))}  "
                     f"{_num(p.share('manual'))}  {_num(p.share_rejected)}  ({p.claims} claims)")
    count = sum(len(v.disagreements) for v in report.variables)
    lines.append(f"\n{count + unmarked} disagreements, as the agreement window lists them: "
                 f"{count} coded, {unmarked} claim(s) only some coders marked "
                 "(--format json lists them)")
    return "\n".join(lines)


def _variable_table(variables: Any) -> str:
    from annotator.agreement.verdict import result_verdict

    head = ("variable", "level", "alpha", "95% interval", "verdict", "Fleiss", "Scott", "AC1",
            "agree", "units")
    rows = [head]
    for v in variables:
        c = v.coefficients
        alpha = c["krippendorff_alpha"]
        interval = (f"{_num(alpha.ci_low)} to {_num(alpha.ci_high)}" if alpha.ci_low is not None
                    else "-")
        rows.append((v.variable, v.level, _num(alpha.value), interval,
                     result_verdict(alpha).label,
                     _num(c["fleiss_kappa"].value), _num(c["scott_pi"].value),
                     _num(c["gwet_ac1"].value), _num(c["percent_agreement"].value),
                     str(alpha.n_units)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
                     for r in rows)

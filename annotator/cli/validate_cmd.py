"""`annotator validate`: the suggester as one more coder, against the coders' reference.

    annotator validate PROJECT [--against consensus|CODER] [--variable NAME ...]
                       [--format table|json|xlsx] [--out FILE.xlsx] [--again]
                       [--machine-file FILE.annotator] [--bootstrap N] [--seed N]

Unit precision, recall and F1 per kind (matched as `annotator evaluate` matches), and
Krippendorff's alpha with its bootstrap interval per variable after claim alignment (as
`annotator agreement` computes it), over all articles the reference coded and per outlet.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate", help="the suggester as one more coder, against the coders' consensus",
        description="Treat the suggester (the suggestions `suggest --project` stores) as one "
                    "more coder, `machine`, on the articles the reference coded: unit "
                    "precision, recall and F1 of sources, cues and claims, and Krippendorff's "
                    "alpha per variable between machine and reference after claim alignment, "
                    "overall and per outlet. The machine's coding is built in a temporary copy; "
                    "the project is not changed.")
    p.add_argument("project", type=Path, help="the project file")
    p.add_argument("--against", default="consensus", metavar="consensus|CODER",
                   help="the reference coder (default: consensus)")
    p.add_argument("--variable", action="append", help="a codebook variable (repeat; default: "
                   "the claim variables and the source type)")
    p.add_argument("--again", action="store_true",
                   help="run the suggester afresh on those articles (default: the stored "
                        "suggestions; articles without any are suggested)")
    p.add_argument("--blind", action="store_true",
                   help="only the articles coded with the suggestions hidden (the reliability "
                        "sample `assign` draws): there the coders cannot have taken the "
                        "machine's word")
    p.add_argument("--bootstrap", type=int, default=1000, metavar="N",
                   help="bootstrap resamples for alpha's interval (default 1000; 0: none)")
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    p.add_argument("--format", choices=("table", "json", "xlsx"), default="table", dest="fmt")
    p.add_argument("--out", type=Path, metavar="FILE.xlsx", help="the workbook for --format xlsx")
    p.add_argument("--machine-file", type=Path, metavar="FILE.annotator",
                   help="also keep the copy of the project with the machine's coding as coder "
                        "`machine` (open it with `annotator agreement` or the GUI)")
    p.add_argument("--force", action="store_true", help="replace an existing --out or "
                   "--machine-file")
    p.set_defaults(func=run_validate)


def _check(args: argparse.Namespace) -> None:
    from annotator.core.errors import UserError
    from annotator.core.outpaths import check_output

    if not args.project.exists():
        raise UserError("no such project file", path=args.project)
    if args.bootstrap < 0:
        raise UserError("--bootstrap must be 0 or more")
    if (args.fmt == "xlsx") != (args.out is not None):
        raise UserError("--format xlsx and --out FILE.xlsx go together")
    if args.out is not None:
        if args.out.suffix.lower() != ".xlsx":
            raise UserError("the workbook must end in .xlsx", path=args.out)
        check_output(args.out, force=args.force, reading=(args.project,))
    if args.machine_file is not None:
        check_output(args.machine_file, force=args.force, reading=(args.project,))


def run_validate(args: argparse.Namespace) -> int:
    from annotator.cli.agreement_cmd import dumps
    from annotator.project import Project
    from annotator.validation.machine import fill_again, fill_missing
    from annotator.validation.report import validate

    _check(args)
    with Project.open(args.project) as proj:
        result = validate(proj, args.against, args.variable, bootstrap=args.bootstrap,
                          seed=args.seed, fill=fill_again if args.again else fill_missing,
                          keep=args.machine_file, force=args.force, blind=args.blind)
    if args.machine_file is not None:
        print(f"wrote {args.machine_file} (coder {result.machine!r} beside the others)",
              file=sys.stderr)
    if args.fmt == "xlsx":
        from annotator.io.validation_export import write_validation_workbook

        write_validation_workbook(args.out, result.to_dict(), force=args.force)
        print(f"wrote {args.out}", file=sys.stderr)
    elif args.fmt == "json":
        print(dumps(result.to_dict()))
    else:
        print(format_validation(result))
    return 0


def _num(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_validation(result: Any) -> str:
    from annotator.agreement.verdict import GUIDANCE

    versions = ", ".join(f"{v} ({n} articles)" for v, n in result.suggesters.items()) or "-"
    lines = [f"{result.machine} (the suggester: {versions}) against {result.reference}: "
             f"{result.overall.articles} articles, {len(result.outlets)} outlet(s)"]
    share = result.reference_accepted()
    if share:
        lines.append(f"note: {share:.0%} of {result.reference}'s claims were accepted from "
                     "suggestions; agreement there is partly the machine's with itself")
    lines += ["", "units (matched as `annotator evaluate` does)", _units_table(result.parts),
              "", "accuracy over matched units", _accuracy_table(result.parts), "",
              "agreement after claim alignment (as `annotator agreement --coder "
              f"{result.reference} --coder {result.machine}` on the --machine-file)",
              _alpha_table(result.parts), f"  {GUIDANCE}"]
    return "\n".join(lines)


def _table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                     for r in rows)


def _units_table(parts: Any) -> str:
    from annotator.validation.units import KINDS

    rows = [("outlet", "kind", "precision", "recall", "F1", "matched", "machine", "reference")]
    for part in parts:
        for kind, _ in KINDS:
            u = part.units[kind]
            rows.append((part.label, kind, _num(u["precision"]), _num(u["recall"]),
                         _num(u["f1"]), str(u["matched"]), str(u["machine"]),
                         str(u["reference"])))
    return _table(rows)


def _accuracy_table(parts: Any) -> str:
    rows = [("outlet", "source type", "attribution", "certainty", "link")]
    rows += [(p.label, *(_num(p.units["accuracy"][k])
                         for k in ("type", "attribution", "certainty", "link"))) for p in parts]
    return _table(rows)


def _alpha_table(parts: Any) -> str:
    from annotator.agreement.verdict import result_verdict

    rows = [("outlet", "variable", "level", "alpha", "95% interval", "verdict", "units")]
    for part in parts:
        report = part.agreement
        u = report.unitizing
        rows.append((part.label, "claim spans (unitizing)", "", _num(u.value), "-",
                     result_verdict(u).label if u.value is not None else (u.reason or ""),
                     str(report.n_units)))
        for v in report.variables:
            a = v.coefficients["krippendorff_alpha"]
            interval = f"{_num(a.ci_low)} to {_num(a.ci_high)}" if a.ci_low is not None else "-"
            verdict = result_verdict(a).label if a.value is not None else (a.reason or "")
            rows.append((part.label, v.variable, v.level, _num(a.value), interval, verdict,
                         str(a.n_units)))
    return _table(rows)

"""`annotator assign`, `coder-file`, `pack` and `merge`: coders' work goes out and comes back."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _percent(text: str) -> float:
    value = float(text.rstrip("%"))
    return value / 100 if text.endswith("%") or value > 1 else value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("assign", help="split articles among coders, with a reliability sample")
    p.add_argument("project", type=Path)
    p.add_argument("--coder", action="append", required=True, help="a coder (repeat)")
    p.add_argument("--overlap", type=_percent, default=0.2,
                   help="share of articles every coder codes, e.g. 20%% (default)")
    p.add_argument("--seed", type=int, help="random seed, for a reproducible draw")
    p.add_argument("--force", action="store_true",
                   help="replace an earlier assignment (coder files already out get stale)")
    p.add_argument("--not-blind", action="store_true",
                   help="show suggestions in the reliability sample too")
    p.add_argument("--format", choices=("text", "json"), default="text", dest="fmt")
    p.set_defaults(func=run_assign)

    p = sub.add_parser("coder-file", help="write a coder's own project file")
    p.add_argument("project", type=Path)
    p.add_argument("--coder", required=True)
    p.add_argument("out", type=Path)
    p.add_argument("--force", action="store_true",
                   help="replace OUT even when it is another annotator project (never the one read)")
    p.set_defaults(func=run_coder_file)

    p = sub.add_parser("pack", help="write one clean, self-contained copy to hand in")
    p.add_argument("project", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--force", action="store_true",
                   help="replace OUT even when it is another annotator project (never the one read)")
    p.set_defaults(func=run_pack)

    p = sub.add_parser("merge", help="bring coders' files into this project")
    p.add_argument("project", type=Path)
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--format", choices=("text", "json"), default="text", dest="fmt")
    p.set_defaults(func=run_merge)


def run_assign(args: argparse.Namespace) -> int:
    from annotator.exchange import assign
    from annotator.project import Project

    with Project.open(args.project) as proj:
        result = assign(proj, args.coder, overlap=args.overlap, seed=args.seed,
                        blind=not args.not_blind, force=args.force)
    if args.fmt == "json":
        print(json.dumps({"per_coder": result.per_coder, "reliability": result.reliability}))
        return 0
    print(f"reliability sample: {len(result.reliability)} article(s), coded by every coder"
          + ("" if args.not_blind else ", suggestions hidden"))
    for name, arts in result.per_coder.items():
        print(f"  {name}: {len(arts)} article(s)")
    return 0


def run_coder_file(args: argparse.Namespace) -> int:
    from annotator.exchange import coder_file
    from annotator.project import Project

    with Project.open(args.project) as proj:
        out = coder_file(proj, args.coder, args.out, force=args.force)
    print(f"wrote {out} for {args.coder}")
    return 0


def run_pack(args: argparse.Namespace) -> int:
    from annotator.exchange import pack
    from annotator.project import Project

    with Project.open(args.project) as proj:
        out = pack(proj, args.out, force=args.force)
    print(f"wrote {out}: hand this file in")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    from annotator.exchange import merge
    from annotator.project import Project

    with Project.open(args.project) as proj:
        report = merge(proj, args.files)
    if args.fmt == "json":
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for line in report.merged:
            print(f"merged {line}")
        for line in report.unchanged:
            print(f"unchanged {line}")
        for line in report.skipped_articles:
            print(f"skipped {line}")
        for line in report.notes:
            print(f"note: {line}")
        for line in report.warnings:
            print(f"WARNING {line}")
        for line in report.conflicts:
            print(f"CONFLICT {line}")
        for line in report.failed:
            print(f"FAILED {line}")
    if report.failed:
        # what merged stays merged (listed above); say that the others did not
        print(f"annotator: error: {len(report.failed)} of {len(args.files)} file(s) could not be "
              "merged (FAILED above); nothing was merged from those", file=sys.stderr)
        return 2
    return 1 if report.conflicts else 0

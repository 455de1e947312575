"""`annotator new`, `import`, `info` and `gui`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotator.cli.progress import ProgressBar
from annotator.core.languages import LANGUAGES


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create a project file")
    p.add_argument("project", type=Path)
    p.add_argument("--language", choices=LANGUAGES, default="nl",
                   help="main language of the articles (default nl)")
    p.add_argument("--codebook", type=Path, help="a codebook in YAML or JSON (default: built in)")
    p.set_defaults(func=run_new)

    p = sub.add_parser("import", help="import articles from files and folders")
    p.add_argument("project", type=Path)
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--text-column", help="table column holding the article text")
    p.add_argument("--id-column", help="table column holding the article id")
    p.add_argument("--title-column")
    p.add_argument("--outlet-column")
    p.add_argument("--date-column")
    p.add_argument("--url-column")
    p.add_argument("--language-column")
    p.add_argument("--sheet", help="worksheet of an .xlsx to read (name or number; default first)")
    p.add_argument("--outlet", help="outlet for every imported article without one")
    p.add_argument("--language", choices=LANGUAGES, help="language of the imported articles")
    p.add_argument("--format", choices=("text", "json"), default="text", dest="fmt")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run_import)

    p = sub.add_parser("info", help="what a project holds")
    p.add_argument("project", type=Path)
    p.add_argument("--format", choices=("text", "json"), default="text", dest="fmt")
    p.set_defaults(func=run_info)

    p = sub.add_parser("gui", help="open the coding window")
    p.add_argument("project", type=Path, nargs="?")
    p.add_argument("--sample", action="store_true",
                   help="open the bundled sample project (a copy in your user data folder)")
    p.add_argument("--coder", help="code as this coder (else the window asks)")
    p.set_defaults(func=run_gui)


def run_new(args: argparse.Namespace) -> int:
    from annotator.project import Project

    with Project.create(args.project, language=args.language, codebook=args.codebook) as proj:
        print(f"created {args.project} (project {proj.project_id}, codebook "
              f"{proj.codebook.name!r}, language {proj.language})")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from annotator.project import Project

    options = {k: v for k, v in vars(args).items()
               if k.endswith("_column") or k in ("outlet", "language", "sheet")}
    options = {k: v for k, v in options.items() if v}
    with Project.open(args.project) as proj:
        bar = None if args.quiet else ProgressBar("importing", stream=sys.stderr)
        outcome = proj.import_paths(args.paths, progress=bar.update if bar else None, **options)
        if bar:
            bar.finish()
    if args.fmt == "json":
        print(json.dumps(outcome.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(f"imported {len(outcome.added)} article(s), skipped {len(outcome.skipped)}")
        for where, reason in outcome.skipped:
            print(f"  skipped {where}: {reason}")
        for where, earlier in outcome.shared_text:
            print(f"  note: {where} has the same text as article #{earlier} (another outlet)")
        for where, enc in outcome.encodings:
            print(f"  note: {where} was read as {enc}")
        for where, note in outcome.renamed:
            print(f"  note: {where}: {note}")
        for where, note in outcome.columns:
            print(f"  {where}: {note}")
    # exit 1 only when nothing could be imported for a real problem (repeats are fine)
    return 1 if outcome.problems and not outcome.added else 0


def run_info(args: argparse.Namespace) -> int:
    from annotator.core.checks import check_text
    from annotator.project import Project

    with Project.open(args.project) as proj:
        info = proj.info()
    if args.fmt == "json":
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    print(f"project   {info['path']} ({info['project_id']})")
    print(f"codebook  {info['codebook']}; language {info['language']}")
    print(f"articles  {info['articles']} ({info['suggested_articles']} with suggestions)")
    print(f"annotations: {info['claims']} claims, {info['sources']} sources, {info['cues']} cues")
    for c in info["coders"]:
        print(f"  coder {c['name']}: {c['claims']} claims, {c['articles_done']} articles done, "
              f"{c['articles_in_progress']} in progress")
        for code, n in c["checks"].items():
            if n:  # what the export flags too: worth a look before exporting
                print(f"    check: {n} claim(s) {check_text(code)} ({code})")
    if not info["coders"]:
        print("  no coders yet")
    return 0


def run_gui(args: argparse.Namespace) -> int:
    import os

    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        # Qt would abort the process with a core dump; say what is wrong instead
        print("annotator: error: no display to open the window on (DISPLAY is not set). Run it "
              "in a desktop session, or use the command line: annotator --help",
              file=sys.stderr)
        return 2
    from annotator.gui.app import qt_problem, run

    problem = qt_problem()
    if problem:
        print(f"annotator: error: {problem}", file=sys.stderr)
        return 2

    return run(project=args.project, sample=bool(getattr(args, "sample", False)),
               coder=getattr(args, "coder", None))

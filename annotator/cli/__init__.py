"""The `annotator` command: one subcommand per module, registered here.

Each `annotator/cli/<name>_cmd.py` module has `register(subparsers)` adding its subcommand(s)
with `set_defaults(func=...)`; `func(args)` returns the exit code. Heavy imports stay inside the
functions so that `annotator --help` is fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from annotator import __version__
from annotator.core.errors import UserError

# Modules that add subcommands, in the order `--help` lists them.
COMMAND_MODULES = (
    "project_cmd",    # new, import, info, gui
    "suggest_cmd",    # suggest, evaluate
    "export_cmd",     # export, import-sheet
    "agreement_cmd",  # agreement
    "exchange_cmd",   # assign, coder-file, pack, merge
    "validate_cmd",   # validate
    "corpus_cmd",     # code-corpus
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Code news articles for sources, attribution and certainty.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"annotator.cli.{name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        # no subcommand: open the GUI, as a desktop user double-clicking would expect
        from annotator.cli.project_cmd import run_gui

        return run_gui(argparse.Namespace(project=None, sample=False, coder=None))
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("annotator: interrupted; everything finished so far is saved", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

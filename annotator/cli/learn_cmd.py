"""`annotator train`: fit the project's own suggestion model on its coded articles."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.core.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="train suggestions on the project's coded articles")
    p.add_argument("project", type=Path)
    who = p.add_mutually_exclusive_group()
    who.add_argument("--coder", metavar="NAME", help="learn from this coder's done articles")
    who.add_argument("--consensus", action="store_true",
                     help="learn from the consensus coder's done articles")
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="keep the model here (default: PROJECT.models beside the project)")
    p.add_argument("--epochs", type=int, default=12, help="passes over the data (default 12)")
    p.add_argument("--inner-folds", type=int, metavar="K",
                   help="folds of the cross-validation on the training articles that decides how "
                        "the model joins the rules (default 3; 0: the model adds no spans and "
                        "fills only the variables the rules do not know)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run_train)


def run_train(args: argparse.Namespace) -> int:
    from annotator.learn.train import Settings, TrainingCancelled
    from annotator.learn.use import train_project
    from annotator.project import Project

    if args.epochs < 1:
        raise UserError("--epochs must be at least 1")
    if args.inner_folds is not None and (args.inner_folds == 1 or args.inner_folds < 0):
        raise UserError("--inner-folds must be 0 or at least 2")
    inner = {} if args.inner_folds is None else {"inner_folds": args.inner_folds}
    bar = None if args.quiet else EpochBar()
    with Project.open(args.project) as proj:
        try:
            info = train_project(proj, coder=args.coder, consensus=args.consensus, out=args.out,
                                 settings=Settings(epochs=args.epochs, **inner),
                                 progress=bar.update if bar else None)
        except (KeyboardInterrupt, TrainingCancelled):
            print("\nannotator: training stopped; the previous model (if any) stays in use",
                  file=sys.stderr)
            return 130
    if bar:
        bar.finish()
    print(f"model {info.name}: {info.articles} articles of {info.coder}, "
          f"held-out span F1 {info.scores.get('heldout_span_f1', 0):.3f}, {info.seconds:.0f} s")
    return 0


class EpochBar:
    """epoch n/N, loss and held-out score, redrawn in place on stderr."""

    def __init__(self) -> None:
        self.shown = False

    def update(self, p: Any) -> None:
        width = 20
        filled = width * p.epoch // p.epochs if p.epochs else width
        score = "-" if p.score is None else f"{p.score:.3f}"
        sys.stderr.write(f"\r{p.stage:<12} [{'#' * filled}{'.' * (width - filled)}] epoch "
                         f"{p.epoch}/{p.epochs}  loss {p.loss:10.1f}  held-out F1 {score}   ")
        sys.stderr.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\n")

"""A stand-in for the app: applies a stream of edits to a project as the GUI does, printing
`ack N` after edit N is committed, so a test can kill it at any moment and check what survived.

Usage: python editor_process.py PROJECT ARTICLE_ID CODER_ID START_N
"""

from __future__ import annotations

import sys

from annotator import commands
from annotator.project import Project


def main() -> None:
    path, article, coder, first = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    project = Project.open(path)
    n = first
    while True:
        edit = project.apply(commands.add_claim, article, coder, n % 50, n % 50 + 5,
                             values={"certainty": "certain"}, note=f"edit {n}")
        if n % 3 == 0:
            # an undo and redo in between, as a coder would
            edit.revert(project.db)
            edit.apply(project.db)
        print(f"ack {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Validate the hold-out set (tests/data/holdout) gold files against its article texts.

The validator is dev_extra's (one copy of the code); this runs it on this folder.
Usage: python3 check_gold.py [nl|en]
"""
import pathlib
import runpy
import sys

HERE = pathlib.Path(__file__).resolve().parent
checker = runpy.run_path(str(HERE.parent / "dev_extra" / "check_gold.py"))

if __name__ == "__main__":
    sys.exit(checker["main"](sys.argv[1:], here=HERE))

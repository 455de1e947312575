#!/usr/bin/env python3
"""Build the hold-out set (tests/data/holdout) article texts and gold.json from the marked-up
sources in this folder, with dev_extra's builder (one copy of the code).
Usage: python3 build.py [nl|en]
"""
import pathlib
import runpy

HERE = pathlib.Path(__file__).resolve().parent
builder = runpy.run_path(str(HERE.parents[1] / "dev_extra" / "src" / "build.py"))

if __name__ == "__main__":
    builder["main"](here=HERE)

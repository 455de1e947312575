"""Subcommands (not yet built): see annotator/cli/__init__.py for the contract."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Nothing registered yet."""

"""Run the test suite as on a machine without Qt: PySide6, shiboken6 and pytest-qt cannot be
imported (a meta-path finder refuses them, as a missing package would), so every test outside
tests/gui must pass without Qt and tests/gui must skip cleanly (issue 14).

Usage: python3 .ci/without_qt.py [pytest args]   (also used by tests/test_headless.py)
"""

from __future__ import annotations

import importlib.abc
import sys

BLOCKED = ("PySide6", "shiboken6", "pytestqt")


class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):  # noqa: ANN001, ANN201
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named '{name}' (blocked: running without Qt)", name=name)
        return None


def block() -> None:
    for name in [m for m in sys.modules if m.split(".")[0] in BLOCKED]:
        del sys.modules[name]
    sys.meta_path.insert(0, NoQt())


if __name__ == "__main__":
    block()
    if sys.argv[1:2] == ["-m"]:  # python3 .ci/without_qt.py -m annotator gui ...
        import runpy

        sys.argv = sys.argv[2:]
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    else:
        import pytest

        sys.exit(pytest.main(["-p", "no:pytest-qt", "-p", "no:cacheprovider",
                              "-W", "ignore::pytest.PytestConfigWarning", *sys.argv[1:]]))

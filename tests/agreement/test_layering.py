"""The agreement engine stays plain Python + numpy: no Qt, no database, no pandas."""

from __future__ import annotations

import subprocess
import sys


def test_agreement_imports_no_qt_store_or_pandas() -> None:
    code = ("import sys, annotator.agreement.report, annotator.agreement.unitizing; "
            "bad = [m for m in ('PySide6', 'annotator.store', 'pandas', 'sqlite3') "
            "if m in sys.modules]; print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == ""

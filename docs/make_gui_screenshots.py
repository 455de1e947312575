"""Make the GUI screenshots in docs/ from the sample project (run under Xvfb for real fonts):

    xvfb-run -s "-screen 0 1500x950x24" python docs/make_gui_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent


def settle(app, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    tmp = tempfile.mkdtemp()
    os.environ["XDG_DATA_HOME"] = tmp  # a fresh sample project, the real home untouched
    os.environ["XDG_CONFIG_HOME"] = tmp
    from PySide6.QtWidgets import QApplication

    from annotator.gui.main_window import MainWindow
    from annotator.sample import build_sample_project, sample_project_path

    app = QApplication(sys.argv[:1])
    project = build_sample_project(sample_project_path())
    window = MainWindow()
    window.resize(1500, 950)
    window.move(0, 0)
    window.show()
    window.set_project(project, "anna")
    s = window.session
    for _ in range(4):  # the coder has confirmed the first claims (focus moves on by itself)...
        s.accept()
    s.set_variable("certainty")
    s.set_value("certainty", "certain")
    row = next(r for r in s.state.rows if "binnenkort" in r.text)
    s.set_focus(row.key)  # ...and looks at the anonymous source's claim
    settle(app)
    window.grab().save(str(DOCS / "workspace.png"))

    text = s.state.text
    start = text.index("Chris Miller")
    window.view.select_codepoints(start, start + len("Chris Miller en Mike Pompeo"))
    window.make_source()
    settle(app)
    app.primaryScreen().grabWindow(0).copy(window.frameGeometry()).save(
        str(DOCS / "workspace-source-type.png"))
    window.type_menu.close()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Project data is shown as plain text (issue 11.8): a title, outlet, coder name, codebook
label or note that looks like HTML is shown as those characters, never rendered."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from tests.gui.conftest import show_active
from tests.gui.hostile import DEV_ZERO, HARMLESS, build_hostile_project, html_leaks

ROOT = Path(__file__).resolve().parents[2]


def test_coding_window_shows_html_in_project_data_as_plain_text(qtbot, user_data, tmp_path):
    from annotator.gui.codebook_editor import CodebookEditor
    from annotator.gui.main_window import MainWindow

    path = tmp_path / "hostile.annotator"
    payload = build_hostile_project(path)
    w = MainWindow()
    qtbot.addWidget(w)
    show_active(qtbot, w)
    assert w.open_project(path, coder=payload)
    qtbot.waitUntil(lambda: w.session.state is not None)
    w.session.step_focus(1)
    assert payload in w.article_title.text()
    assert w.article_title.textFormat() == Qt.TextFormat.PlainText
    assert payload in w.coder_label.text()
    w.show_help()
    guide = w.help_dialog.browser
    assert payload in guide.toPlainText()  # the codebook's labels, shown as typed
    editor = CodebookEditor(w.session.project, w)
    qtbot.addWidget(editor)
    editor.show()
    editor.tree.setCurrentItem(editor.tree.topLevelItem(0).child(0))
    start = w.session.state.text.index("Minister")
    w.view.select_codepoints(start, start + 8)
    w.make_source()  # the type menu lists the codebook's (hostile) labels
    assert html_leaks(w, w.help_dialog, editor, w.type_menu) == []
    w.type_menu.close()
    # the text view's tooltip on the source mention
    view, state = w.view, w.session.state
    cursor = view.textCursor()
    cursor.setPosition(state.umap.to_utf16(state.text.index("Reuters") + 2))
    view.setTextCursor(cursor)
    point = view.cursorRect(cursor).center()
    view.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point)))
    assert "&lt;img" in QToolTip.text() and "<img" not in QToolTip.text()
    QToolTip.hideText()
    editor.close()
    w.close()


def test_agreement_window_shows_html_in_coder_names_as_plain_text(qtbot, user_data, tmp_path):
    from annotator.gui.review import AgreementWindow

    path = tmp_path / "hostile.annotator"
    payload = build_hostile_project(path)
    w = AgreementWindow(path, bootstrap=20)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.data is not None, timeout=20000)
    assert payload in w.chosen_coders() and "anna" in w.chosen_coders()
    w.review.select(0)
    assert w.review.current() is not None
    w.tabs.setCurrentWidget(w.confusion)
    assert payload in w.confusion.caption.text().replace("&lt;", "<").replace("&gt;", ">")
    assert html_leaks(w) == []
    w.close()


def _memory_cap() -> None:
    """Before the fix Qt read /dev/zero until memory ran out: fail fast (bad_alloc) under a
    cap rather than wake the machine's OOM killer."""
    import resource

    cap = 4 * 1024 ** 3
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def test_opening_a_project_full_of_dev_zero_images_neither_hangs_nor_aborts(tmp_path):
    """The attack as it was filed: `<img src="/dev/zero">` everywhere, both windows opened and
    painted in a real process (before the fix Qt read /dev/zero until bad_alloc)."""
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from tests.gui.hostile import build_hostile_project
        from annotator.gui.main_window import MainWindow
        from annotator.gui.review import AgreementWindow
        path = Path({str(tmp_path / "zero.annotator")!r})
        build_hostile_project(path, {DEV_ZERO!r})
        app = QApplication([])
        w = MainWindow(); w.show()
        assert w.open_project(path, coder={DEV_ZERO!r})
        w.session.step_focus(1); w.show_help(); app.processEvents(); w.grab()
        w.help_dialog.grab()
        a = AgreementWindow(path, bootstrap=10); a.show()
        while a.data is None and not a.error:
            app.processEvents()
        a.review.select(0); app.processEvents(); a.grab()
        a.tabs.setCurrentIndex(1); a.grab()
        print("opened", a.chosen_coders())
        a.close(); w.close()
    """)
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=180, env=env, cwd=ROOT, preexec_fn=_memory_cap)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "opened" in done.stdout and DEV_ZERO in done.stdout


def test_tooltips_escape_what_they_show():
    from annotator.gui import plain

    assert plain.tip(HARMLESS) == ('<p style="white-space:pre-wrap">&lt;img src="file:///'
                                   'nonexistent/annotator-audit.png"&gt;&lt;b&gt;bold'
                                   '&lt;/b&gt;</p>')

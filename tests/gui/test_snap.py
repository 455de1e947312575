"""A dragged selection snaps to word edges; Alt keeps the exact characters (issue 12.12).
The text has emoji before and inside the selection, so code points and UTF-16 differ."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from annotator.core.model import ArticleRecord
from annotator.editing import spans
from tests.gui.conftest import show_active

TEXT = ("\U0001F600\U0001F4F0 Volgens het Pentagon werd de Iraanse generaal Qassem "
        "Soleimani\U0001F44D\U0001F3FD gedood.")


@pytest.fixture
def emoji_window(qtbot, user_data, tmp_path):
    from annotator.gui.main_window import MainWindow
    from annotator.project import Project

    path = tmp_path / "emoji.annotator"
    with Project.create(path, language="nl") as p:
        p.import_records([ArticleRecord(text=TEXT, ext_id="e1", title="Emoji")])
    w = MainWindow()
    qtbot.addWidget(w)
    show_active(qtbot, w)
    assert w.open_project(path, coder="anna")
    qtbot.waitUntil(lambda: w.session.state is not None)
    yield w
    w.close()


def point_of(view, codepoint: int) -> QPointF:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.state.umap.to_utf16(codepoint))
    return QPointF(view.cursorRect(cursor).center())


def drag(view, a: int, b: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Press at code point `a`, move to `b` with the button held, release there."""
    left, port = Qt.MouseButton.LeftButton, view.viewport()
    start, end = point_of(view, a), point_of(view, b)
    for kind, pos, buttons in ((QEvent.Type.MouseButtonPress, start, left),
                               (QEvent.Type.MouseMove, end, left),
                               (QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)):
        event = QMouseEvent(kind, pos, port.mapToGlobal(pos), left if kind != QEvent.Type.
                            MouseMove else Qt.MouseButton.NoButton, buttons, modifiers)
        QApplication.sendEvent(port, event)


def test_a_drag_snaps_to_whole_words(emoji_window):
    view = emoji_window.view
    a = TEXT.index("de Iraanse") + 1  # inside "de"
    b = TEXT.index("Soleimani") + 6  # inside "Soleimani"
    drag(view, a, b)
    start, end = view.selection_codepoints()
    assert TEXT[start:end] == "de Iraanse generaal Qassem Soleimani"
    emoji_window.session.make_source(start, end, "person")
    (source,) = emoji_window.session.project.sources()
    assert TEXT[source.start:source.end] == "de Iraanse generaal Qassem Soleimani"


def test_alt_keeps_the_exact_characters(emoji_window):
    view = emoji_window.view
    a, b = TEXT.index("de Iraanse") + 1, TEXT.index("Soleimani") + 6
    drag(view, a, b, Qt.KeyboardModifier.AltModifier)
    start, end = view.selection_codepoints()
    assert TEXT[start:end] == "e Iraanse generaal Qassem Soleim"


def test_snap_stops_at_emoji_and_punctuation():
    s = TEXT.index("Soleimani")
    assert spans.snap(TEXT, s + 2, s + 4) == (s, s + len("Soleimani"))  # emoji ends the word
    p = TEXT.index("Pentagon")
    assert spans.snap(TEXT, p - 4, p + 3) == (p - 4, p + len("Pentagon"))  # "het " kept
    assert spans.snap(TEXT, 0, 2) == (0, 2)  # only emoji: nothing to widen

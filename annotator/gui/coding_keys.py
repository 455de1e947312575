"""The coding keys: one key per action, as QActions in the Code menu.

Single letters are window shortcuts (a line edit with focus takes printable keys itself, so
typing a note never triggers them). Enter and Delete would also fire inside line edits, so
they act only on the text view and the claims table (`bind_local`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

Spec = tuple[str, str | list[str], str]  # (menu text, shortcut(s), method name on the window)

CODE_ACTIONS: list[Spec | None] = [
    ("&Accept suggestion", "A", "accept"),
    ("&Reject suggestion", "R", "reject"),
    None,
    ("&Next claim or suggestion", ["J", "N"], "next_claim"),
    ("&Previous claim or suggestion", ["K", "P"], "previous_claim"),
    ("Next &suggestion", "Shift+J", "next_suggestion"),
    None,
    ("Make &claim of selection", "C", "make_claim"),
    ("Make s&ource of selection…", "S", "make_source"),
    ("Make c&ue of selection", "U", "make_cue"),
    ("Make c&hannel of selection…", "H", "make_channel"),
    None,
    ("Claim start one word left", "Alt+Left", "start_left"),
    ("Claim start one word right", "Alt+Right", "start_right"),
    ("Claim end one word left", "Alt+Shift+Left", "end_left"),
    ("Claim end one word right", "Alt+Shift+Right", "end_right"),
    None,
    ("Next &variable for number keys", "V", "next_variable"),
    ("Previous variable for number keys", "Shift+V", "previous_variable"),
    None,
    ("Mark article &done", "Ctrl+D", "toggle_done"),
    ("Next article", "Ctrl+PgDown", "next_article"),
    ("Previous article", "Ctrl+PgUp", "previous_article"),
]


def add_code_actions(window: QWidget, menu: QMenu) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in CODE_ACTIONS:
        if spec is None:
            menu.addSeparator()
            continue
        text, keys, name = spec
        act = QAction(text, window)
        act.setShortcuts([QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)])
        slot = getattr(window, name)
        act.triggered.connect(lambda _checked=False, slot=slot: slot())  # drop `checked`
        menu.addAction(act)
        actions[name] = act
    for digit in "123456789":
        act = QAction(f"Set value {digit}", window)
        act.setShortcut(QKeySequence(digit))
        act.triggered.connect(lambda _c=False, d=digit: window.number_key(d))
        window.addAction(act)  # not in a menu: the detail editor shows what each digit means
        actions[f"digit{digit}"] = act
    return actions


class LocalKeys(QObject):
    """Keys that act only while the text view or the claims table has focus. An event filter,
    not a QShortcut: the text view claims Return for itself before shortcuts see it."""

    def __init__(self, parent: QObject, keys: dict[int, Callable[[], None]]):
        super().__init__(parent)
        self.keys = keys

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.KeyPress and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            slot = self.keys.get(event.key())
            if slot is not None:
                slot()
                return True
        return False


def bind_local(widgets: list[QWidget], keys: dict[int, Callable[[], None]]) -> LocalKeys:
    filt = LocalKeys(widgets[0], keys)
    for w in widgets:
        w.installEventFilter(filt)
    return filt

"""The coding keys: one key per action, as QActions in the Code menu.

Single letters and digits are window shortcuts (a line edit with focus takes printable keys
itself, so typing a note never triggers them). Enter, Delete and Escape are no shortcuts (the
widget with focus would take them first): `WindowKeys` catches them for the whole window,
wherever the focus is, except in a text field, where they keep their usual meaning.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

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
    # Alt+Shift switches the keyboard layout, and Alt+Shift+arrows move windows, on common
    # Linux desktops (which then never pass them on): Alt+, and Alt+. (the < and > keys) too
    ("Claim end one word left", ["Alt+Shift+Left", "Alt+,"], "end_left"),
    ("Claim end one word right", ["Alt+Shift+Right", "Alt+."], "end_right"),
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


def is_text_field(widget: QObject | None) -> bool:
    """A widget the user types into: keys there type (or edit), they do not code."""
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return True
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return False


class WindowKeys(QObject):
    """Keys that act anywhere in `window` except in a text field: an application event filter,
    as Return and Delete reach the focused widget (a table, a combo, a button) before any
    shortcut would. `escape` acts in text fields too (it leaves them)."""

    def __init__(self, window: QWidget, keys: dict[int, Callable[[], None]],
                 escape: Callable[[QWidget], bool] | None = None):
        super().__init__(window)
        self.window = window
        self.keys = keys
        self.escape = escape
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.KeyPress or not isinstance(obj, QWidget):
            return False
        if obj.window() is not self.window or QApplication.activePopupWidget() is not None:
            return False
        focus = QApplication.focusWidget()
        if focus is not None and obj is not focus:
            return False  # a key the focused widget ignored, passed on to its parents
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if event.key() == Qt.Key.Key_Escape and self.escape is not None:
            return self.escape(obj)
        slot = self.keys.get(event.key())
        if slot is None or is_text_field(obj):
            return False
        slot()
        return True

"""Project data shown as plain text, never as rich text.

Qt renders a label, a tooltip or a message box as HTML when its text merely *looks* like HTML
(`Qt.mightBeRichText`): an imported title `<img src="/dev/zero">` made Qt read /dev/zero until
it ran out of memory. Labels that show project data are made `PlainText`; tooltips (which
have no text-format switch) get the data escaped inside a rich-text paragraph; texts that
are HTML on purpose escape every piece of data they contain (`esc`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def esc(value: object) -> str:
    """Data for an HTML string: every `<`, `>` and `&` shown as itself."""
    return html.escape(str(value), quote=False)


def tip(text: str | None) -> str | None:
    """A tooltip that shows `text` literally, line breaks kept."""
    if not text:
        return text
    return f'<p style="white-space:pre-wrap">{esc(text)}</p>'


def label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that never interprets its text as HTML."""
    out = QLabel(parent)
    out.setTextFormat(Qt.TextFormat.PlainText)
    out.setText(text)
    return out


def rich_label(parent: QWidget | None = None) -> QLabel:
    """A QLabel for HTML this code writes; the caller escapes the data in it with `esc`."""
    out = QLabel(parent)
    out.setTextFormat(Qt.TextFormat.RichText)
    return out


def joined(*parts: str) -> str:
    """Parts with " · " between them, the empty ones left out (an article without an outlet
    shows no dangling "·")."""
    return " · ".join(p for p in (p.strip() for p in parts) if p)


def mnemonic(text: str) -> str:
    """Text for a button or menu item: `&` in the data is shown, not taken as a shortcut."""
    return text.replace("&", "&&")


def message(parent: QWidget | None, title: str, text: str, warning: bool = False) -> QMessageBox:
    """A window-modal message in plain text that does not block the caller."""
    box = QMessageBox(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
                      title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.open()
    return box

"""Small dialogs: who is coding, what an import did, the codebook help page, About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.core.codebook import Codebook
from annotator.gui import plain
from annotator.store.articles import ImportOutcome


def ask_coder(parent: QWidget, known: list[str], remembered: str) -> str | None:
    """The coder's name: each coder's work is kept apart, so ask on every project opened."""
    names = list(dict.fromkeys(([remembered] if remembered else []) + known))
    name, ok = QInputDialog.getItem(
        parent, "Who is coding?", "Your coder name (your work is kept apart from others'):",
        names, 0, True)
    name = name.strip()
    return name if ok and name else None


def start_in(project_path: Path | None, name: str = "") -> str:
    """Where a file dialog opens: the open project's folder (with a suggested file `name`),
    else the folder of the most recent project, never the folder the app was started from."""
    from annotator.gui import settings

    folder = project_path.parent if project_path is not None else next(
        (p.parent for p in settings.recent_projects() if p.parent.is_dir()), None)
    if folder is None:
        return name
    return str(folder / name) if name else str(folder)


def new_coder_question(name: str, known: list[str]) -> str:
    same = next((k for k in known if k.casefold() == name.casefold()), None)
    lines = [f"There is no coder “{name}” in this project."]
    if same:
        lines.append(f"Did you mean “{same}”? Names are kept exactly as typed.")
    if known:
        lines.append("Coders here: " + ", ".join(known) + ".")
    lines.append(f"Add “{name}” as a new coder? Their work is kept apart from everyone "
                 "else's.")
    return "\n".join(lines)


def confirm_new_coder(parent: QWidget, name: str, known: list[str]) -> bool:
    """Ask before the prompt's name becomes a new coder (No: ask the name again)."""
    box = QMessageBox(QMessageBox.Icon.Question, "New coder?", new_coder_question(name, known),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def outcome_text(outcome: ImportOutcome) -> str:
    lines = [f"Imported {len(outcome.added)} article(s); skipped {len(outcome.skipped)}."]
    lines += [f"• Skipped {where}: {reason}" for where, reason in outcome.skipped]
    lines += [f"• Note: {where} has the same text as article #{earlier} (another outlet)"
              for where, earlier in outcome.shared_text]
    lines += [f"• Note: {where} was read as {enc}" for where, enc in outcome.encodings]
    lines += [f"• Note: {where}: {note}" for where, note in outcome.renamed]
    lines += [f"• {where}: {note}" for where, note in outcome.columns]
    return "\n".join(lines)


def show_message(parent: QWidget, title: str, text: str, warning: bool = False) -> QMessageBox:
    """A window-modal message that does not block the caller (tests and workers go on)."""
    return plain.message(parent, title, text, warning)


KeyRow = tuple[str, str]  # (keys as the user types them, what they do)

# What the keys act on, besides the menus' own shortcuts (which the window lists itself).
GESTURES: list[KeyRow] = [
    ("Enter", "Accept the focused suggestion (as A)"),
    ("Delete", "Reject the focused suggestion, or delete your own focused claim"),
    ("Escape", "Clear the article search (or close Find) and go back to the text"),
    ("Drag over text", "Select it; the selection snaps to whole words (hold Alt for exact "
                       "characters)"),
    ("Click a claim in the text", "Focus it"),
    ("Click a source in the text", "Make it the focused claim's source (a channel: its "
                                   "channel) when the claim has none yet"),
    ("Ctrl+click a source", "Make it the focused claim's source or channel, replacing the "
                            "one it has"),
]


def guide_html(book: Codebook, keys: list[KeyRow]) -> str:
    """The coding guide: the keys (as the window defines them) and the codebook. HTML written
    here; every piece of project data in it is escaped."""
    e = plain.esc
    out = [f"<h1>Coding guide: {e(book.name)}</h1>",
           "<p>Every edit is saved to the project file at once and can be undone. Keys work "
           "wherever the focus is, except while typing in a text field.</p>",
           "<h2>Keys</h2>", _table(("Key", "Does"), keys)]
    for level in ("source", "claim", "article"):
        for var in book.at_level(level):
            out += [f"<h2>{e(var.label)} (<code>{e(var.name)}</code>, {e(level)} level, "
                    f"{e(var.measure)})</h2>", f"<p>{e(var.definition)}</p>"]
            if var.values:
                out.append(_table(("Key", "Value", "Meaning"),
                                  [(v.shortcut or "", f"{v.label} ({v.code})", v.definition)
                                   for v in var.values]))
    return "\n".join(out)


def _table(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    e = plain.esc
    cells = "".join(f"<th align='left'>{e(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table border='1' cellspacing='0' cellpadding='4'><tr>{cells}</tr>{body}</table>"


class HelpDialog(QDialog):
    def __init__(self, book: Codebook, keys: list[KeyRow], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Coding guide and keys")
        self.resize(760, 640)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(guide_html(book, keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)


def about(parent: QWidget) -> None:
    QMessageBox.about(parent, "About annotator",
                      f"<h3>annotator {__version__}</h3><p>Code news articles for sources, "
                      "attribution and certainty: read, confirm suggested claims, code them "
                      "with the keyboard.</p><p>Every edit is saved to the project file at "
                      "once.</p><p>MIT licence.</p>")

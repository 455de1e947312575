"""Small dialogs: who is coding, what an import did, the codebook help page, About."""

from __future__ import annotations

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
from annotator.store.articles import ImportOutcome


def ask_coder(parent: QWidget, known: list[str], remembered: str) -> str | None:
    """The coder's name: each coder's work is kept apart, so ask on every project opened."""
    names = list(dict.fromkeys(([remembered] if remembered else []) + known))
    name, ok = QInputDialog.getItem(
        parent, "Who is coding?", "Your coder name (your work is kept apart from others'):",
        names, 0, True)
    name = name.strip()
    return name if ok and name else None


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
    box = QMessageBox(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
                      title, text, QMessageBox.StandardButton.Ok, parent)
    box.open()
    return box


def codebook_markdown(book: Codebook) -> str:
    """The codebook as a coding guide: variables, their values, definitions and keys."""
    out = [f"# {book.name}", "", "## Keys", "",
           "| key | does |", "|---|---|",
           "| J / N, K / P | next / previous claim or suggestion |",
           "| A or Enter | accept the focused suggestion |",
           "| R, or Delete on a suggestion | reject it (Delete on your own claim deletes it) |",
           "| select text, then C / S / U / H | make it a claim / source (pick its type) / cue /"
           " channel of the focused claim |",
           "| click a source in the text | make it the focused claim's source |",
           "| Alt+Left / Alt+Right | move the focused claim's start one word |",
           "| Alt+Shift+Left / Alt+Shift+Right | move its end one word |",
           "| V / Shift+V | next / previous variable for the number keys |",
           "| 1, 2, 3 ... | set that variable (the shortcuts below) |",
           "| Ctrl+D | mark the article done (again: reopen) |",
           "| Ctrl+F, Ctrl+= / Ctrl+- | find, zoom |", ""]
    for level in ("source", "claim", "article"):
        for var in book.at_level(level):
            out += [f"## {var.label} (`{var.name}`, {level} level, {var.measure})", "",
                    var.definition, ""]
            if var.values:
                out += ["| key | value | meaning |", "|---|---|---|"]
                out += [f"| {v.shortcut or ''} | **{v.label}** (`{v.code}`) | {v.definition} |"
                        for v in var.values]
                out.append("")
    return "\n".join(out)


class HelpDialog(QDialog):
    def __init__(self, book: Codebook, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Coding guide")
        self.resize(760, 640)
        self.browser = QTextBrowser()
        self.browser.setMarkdown(codebook_markdown(book))
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

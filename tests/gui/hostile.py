"""A project whose every piece of data is HTML: article title, outlet and id, coder name,
codebook labels and definitions, notes, a source's canonical name.

Qt shows a string as rich text when it looks like HTML; `<img src="/dev/zero">` then makes Qt
read /dev/zero until it runs out of memory. The tests audit every label, tooltip and message
of both windows for HTML that Qt would render, so a harmless image path is enough there; one
subprocess test opens the real thing with /dev/zero."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QMessageBox,
    QWidget,
)

from annotator import commands
from annotator.core.codebook import default_codebook
from annotator.core.model import ArticleRecord
from annotator.project import Project

HARMLESS = '<img src="file:///nonexistent/annotator-audit.png"><b>bold</b>'
DEV_ZERO = '<img src="/dev/zero">'
TEXT = ("\U0001F600 Minister Jansen zei dat de belasting omhoog gaat. "
        "Volgens Reuters zou Iran een drone hebben neergeschoten.")
QUOTES = ("de belasting omhoog gaat", "Iran een drone hebben neergeschoten")


def hostile_codebook(payload: str):
    book = default_codebook()
    variables = []
    for var in book.variables:
        values = tuple(dataclasses.replace(v, label=f"{payload}{v.code}", definition=payload)
                       for v in var.values)
        variables.append(dataclasses.replace(var, label=f"{payload}{var.name}",
                                             definition=payload, values=values))
    return dataclasses.replace(book, name=payload, variables=tuple(variables))


def build_hostile_project(path: Path, payload: str = HARMLESS) -> str:
    """Two coders ("anna" and one named `payload`) coding one article; returns `payload`."""
    with Project.create(path, language="nl") as proj:
        proj.set_codebook(hostile_codebook(payload))
        proj.import_records([ArticleRecord(text=TEXT, ext_id=payload, title=payload,
                                           outlet=payload, date="2024-01-02")])
        article = proj.articles()[0].id
        coders = [proj.ensure_coder("anna").id, proj.ensure_coder(payload).id]
        for n, coder in enumerate(coders):
            src = proj.apply(commands.add_source, article, coder, TEXT.index("Reuters"),
                             TEXT.index("Reuters") + 7, "news_media", payload).created(
                "source_mention")[0]
            for i, quote in enumerate(QUOTES):
                start = TEXT.index(quote)
                values = {"attribution": "indirect",
                          "certainty": "certain" if i == 0 or n == 0 else "possible"}
                proj.apply(commands.add_claim, article, coder, start, start + len(quote),
                           values=values, source_id=src, note=payload)
            proj.apply(commands.set_article_status, article, coder, "done", note=payload)
    return payload


def _renders_html(text: str | None, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    if not text or "<img" not in text:
        return False
    return fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText
                                             and GuiQt.mightBeRichText(text))


def _model_tips(model: QAbstractItemModel, where: str) -> list[str]:
    out = []
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = model.columnCount() if orientation == Qt.Orientation.Horizontal \
            else model.rowCount()
        for i in range(count):
            if _renders_html(model.headerData(i, orientation, Qt.ItemDataRole.ToolTipRole)):
                out.append(f"{where}: header tooltip {i}")

    def walk(parent: QModelIndex) -> None:
        for r in range(model.rowCount(parent)):
            for c in range(model.columnCount(parent)):
                index = model.index(r, c, parent)
                if _renders_html(index.data(Qt.ItemDataRole.ToolTipRole)):
                    out.append(f"{where}: tooltip of cell {r},{c}")
                if c == 0 and model.rowCount(index) > 0:
                    walk(index)
    walk(QModelIndex())
    return out


def html_leaks(*roots: QWidget) -> list[str]:
    """Every place under `roots` (and the open message boxes) where Qt would render data as
    HTML: labels, message boxes, widget and action tooltips, item tooltips in views and
    combo boxes."""
    widgets: list[QWidget] = []
    for root in (*roots, *[w for w in QApplication.topLevelWidgets()
                           if isinstance(w, QMessageBox)]):
        widgets += [root, *root.findChildren(QWidget)]
    out = []
    for w in widgets:
        name = f"{type(w).__name__} {w.objectName()!r}"
        if isinstance(w, QLabel) and _renders_html(w.text(), w.textFormat()):
            out.append(f"{name}: label text")
        if isinstance(w, QMessageBox) and _renders_html(w.text(), w.textFormat()):
            out.append(f"{name}: message text")
        if _renders_html(w.toolTip()):
            out.append(f"{name}: tooltip")
        if isinstance(w, QAbstractItemView | QComboBox) and w.model() is not None:
            out += _model_tips(w.model(), name)
        for action in w.findChildren(QAction):
            if _renders_html(action.toolTip()):
                out.append(f"{name}: action {action.text()!r} tooltip")
    return sorted(set(out))

"""The codebook editor: variables and their values in a tree, a form for the selected one.

Saving validates the whole codebook (`codebook_from_dict`) and hands it to
`Project.set_codebook`, which refuses changes that would orphan coded values; the reason is
shown in the dialog and nothing changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import LEVELS, MEASURES, Codebook, codebook_from_dict
from annotator.core.errors import UserError
from annotator.gui import plain
from annotator.project import Project

DATA = Qt.ItemDataRole.UserRole
VAR_FIELDS = ("name", "label", "level", "measure", "definition")
VALUE_FIELDS = ("code", "label", "numeric", "shortcut", "definition")


class FieldForm(QWidget):
    """Line edits (or combos) for one kind of item; `changed` writes back into the item."""

    def __init__(self, fields: tuple[str, ...], choices: dict[str, tuple[str, ...]],
                 on_change) -> None:
        super().__init__()
        self.widgets: dict[str, Any] = {}
        form = QFormLayout(self)
        for f in fields:
            if f in choices:
                w = QComboBox()
                w.addItems(list(choices[f]))
                w.currentTextChanged.connect(on_change)
            elif f == "definition":
                w = QPlainTextEdit()
                w.setMaximumHeight(90)
                w.textChanged.connect(on_change)
            else:
                w = QLineEdit()
                w.textEdited.connect(on_change)
            self.widgets[f] = w
            form.addRow(f.capitalize(), w)

    def load(self, data: dict) -> None:
        for f, w in self.widgets.items():
            w.blockSignals(True)
            value = "" if data.get(f) is None else str(data.get(f))
            if isinstance(w, QComboBox):
                w.setCurrentText(value)
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(value)
            else:
                w.setText(value)
            w.blockSignals(False)

    def values(self) -> dict:
        out = {}
        for f, w in self.widgets.items():
            if isinstance(w, QComboBox):
                out[f] = w.currentText()
            elif isinstance(w, QPlainTextEdit):
                out[f] = w.toPlainText()
            else:
                out[f] = w.text()
        return out


class CodebookEditor(QDialog):
    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.setWindowTitle("Codebook")
        self.resize(820, 560)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Variable / value", "Label", "Key / level"])
        head = self.tree.header()  # names and keys never cut off; the label takes the rest
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.name_edit = QLineEdit(project.codebook.name)
        self.var_form = FieldForm(VAR_FIELDS, {"level": LEVELS, "measure": MEASURES},
                                  self._form_changed)
        self.value_form = FieldForm(VALUE_FIELDS, {}, self._form_changed)
        self.forms = QStackedWidget()
        self.forms.addWidget(QLabel("Select a variable or a value to edit it."))
        self.forms.addWidget(self.var_form)
        self.forms.addWidget(self.value_form)
        self.problem = plain.label()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B00020;")
        self._layout()
        self._load(project.codebook)
        self.tree.currentItemChanged.connect(self._show_item)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for text, slot in (("Add variable", self.add_variable), ("Add value", self.add_value),
                           ("Remove", self.remove), ("Up", lambda: self.move_item(-1)),
                           ("Down", lambda: self.move_item(1))):
            b = QPushButton(text)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.tree, 3)
        body.addWidget(self.forms, 2)
        top = QFormLayout()
        top.addRow("Codebook name", self.name_edit)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(body, 1)
        lay.addLayout(buttons)
        lay.addWidget(self.problem)
        lay.addWidget(box)

    # ---- tree <-> data --------------------------------------------------------------------
    def _load(self, book: Codebook) -> None:
        self.tree.clear()
        for var in book.variables:
            item = self._item(None, {f: getattr(var, f) for f in VAR_FIELDS})
            for v in var.values:
                self._item(item, {f: getattr(v, f) for f in VALUE_FIELDS})
        self.tree.expandAll()

    def _item(self, parent: QTreeWidgetItem | None, data: dict) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        item.setData(0, DATA, data)
        self._label(item)
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    @staticmethod
    def _label(item: QTreeWidgetItem) -> None:
        d = item.data(0, DATA)
        item.setText(0, str(d.get("name") or d.get("code") or ""))
        item.setText(1, str(d.get("label") or ""))
        item.setText(2, str(d.get("shortcut") or "") if "code" in d else str(d.get("level")))
        item.setToolTip(0, plain.tip(str(d.get("definition") or "")))

    def codebook_dict(self) -> dict:
        variables = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            var = dict(item.data(0, DATA))
            var["values"] = [self._value(item.child(j).data(0, DATA))
                             for j in range(item.childCount())]
            variables.append(var)
        book = self.project.codebook
        return {"name": self.name_edit.text().strip() or book.name, "version": book.version,
                "variables": variables}

    @staticmethod
    def _value(d: dict) -> dict:
        out = dict(d)
        raw = str(out.get("numeric", "")).strip()
        try:
            out["numeric"] = int(raw) if raw.lstrip("-").isdigit() else float(raw)
        except ValueError:
            out["numeric"] = raw  # refused by validation with a message naming the value
        out["shortcut"] = out.get("shortcut") or None
        return out

    # ---- editing --------------------------------------------------------------------------
    def _show_item(self, item: QTreeWidgetItem | None, _prev=None) -> None:
        if item is None:
            self.forms.setCurrentIndex(0)
            return
        form = self.value_form if item.parent() else self.var_form
        form.load(item.data(0, DATA))
        self.forms.setCurrentWidget(form)

    def _form_changed(self, *_args) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        form = self.value_form if item.parent() else self.var_form
        item.setData(0, DATA, {**item.data(0, DATA), **form.values()})
        self._label(item)

    def add_variable(self) -> None:
        n = self.tree.topLevelItemCount() + 1
        item = self._item(None, {"name": f"variable_{n}", "label": f"Variable {n}",
                                 "level": "claim", "measure": "nominal", "definition": ""})
        self.tree.setCurrentItem(item)

    def add_value(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        var = item.parent() or item
        n = var.childCount() + 1
        child = self._item(var, {"code": f"value_{n}", "label": f"Value {n}", "numeric": n,
                                 "shortcut": str(n) if n < 10 else None, "definition": ""})
        var.setExpanded(True)
        self.tree.setCurrentItem(child)

    def remove(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        else:
            parent.removeChild(item)

    def move_item(self, step: int) -> None:
        """Up/Down (not `move`: that is QWidget.move, which placing the dialog calls)."""
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is None:
            i = self.tree.indexOfTopLevelItem(item)
            if 0 <= i + step < self.tree.topLevelItemCount():
                self.tree.takeTopLevelItem(i)
                self.tree.insertTopLevelItem(i + step, item)
        else:
            i = parent.indexOfChild(item)
            if 0 <= i + step < parent.childCount():
                parent.takeChild(i)
                parent.insertChild(i + step, item)
        self.tree.setCurrentItem(item)

    def save(self) -> bool:
        """Validate and store; on refusal say why and keep the dialog open."""
        try:
            book = codebook_from_dict(self.codebook_dict())
            self.project.set_codebook(book)
        except UserError as exc:
            self.problem.setText(f"Not saved: {exc}")
            return False
        self.accept()
        return True

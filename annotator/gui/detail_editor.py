"""The detail editor, generated from the codebook: the focused claim's source, channel and
one control per claim-level variable (definitions as tooltips), its note; the article's
status, article-level variables and note; and the article's source list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.checks import check_text, claim_checks
from annotator.core.codebook import Codebook, Variable
from annotator.core.model import Role
from annotator.gui import plain
from annotator.gui.session import Session
from annotator.gui.sources_panel import SourcesPanel

NONE = "—"
SUGGESTED_MARK = "suggested: "  # before a pending suggestion's source or channel
NAME_CHARS = 16  # a source drop-down's minimum width, in characters
SOURCE_TIP = "The claim's source (or click a source in the text)"
CHANNEL_TIP = "Where the source said it (H on a selection)"
KEYS_HELP = ("Keys: J/K next/previous · A or Enter accept · R reject · select text, then "
             "C claim, S source, U cue, H channel · click a source to link it (Ctrl+click to replace) · "
             "Alt+←/→ move start, Alt+Shift+←/→ or Alt+, / Alt+. move end · V next variable · "
             "1–9 set it · "
             "Ctrl+D done · Ctrl+Z undo · F1 coding guide")


def value_combo(var: Variable) -> QComboBox:
    box = QComboBox()
    box.addItem(NONE, None)
    for v in var.values:
        key = f"{v.shortcut}  " if v.shortcut else ""
        box.addItem(f"{key}{v.label}", v.code)
        box.setItemData(box.count() - 1, plain.tip(v.definition or v.label),
                        Qt.ItemDataRole.ToolTipRole)
    box.setToolTip(plain.tip(var.definition))
    return box


def name_combo() -> QComboBox:
    """A drop-down of source names: as wide as the form gives it, not as its longest name (a
    long suggested source would widen the whole right-hand panel and squeeze the text)."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(NAME_CHARS)
    return box


def set_combo(box: QComboBox, data) -> None:
    box.blockSignals(True)
    box.setCurrentIndex(max(0, box.findData(data)))
    box.blockSignals(False)


class DetailEditor(QTabWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.claim_box = QGroupBox("Focused claim")
        self.claim_text = QLabel("No claim focused. J/K moves through claims and suggestions.")
        self.claim_text.setWordWrap(True)
        self.claim_text.setTextFormat(Qt.TextFormat.PlainText)
        self.claim_form = QFormLayout()
        self.source_combo = QComboBox()
        self.channel_combo = QComboBox()
        self.claim_note = QLineEdit(placeholderText="Note on this claim")
        self.var_boxes: dict[str, QComboBox] = {}
        self.var_labels: dict[str, QLabel] = {}
        self.article_box = QGroupBox("Article")
        self.article_form = QFormLayout()
        self.status_label = plain.rich_label()
        self.done_button = QPushButton("Mark done (Ctrl+D)")
        self.article_note = QLineEdit(placeholderText="Note on this article")
        self.article_boxes: dict[str, QComboBox] = {}
        self.sources = SourcesPanel()
        self.sources.sources.on_edit = self._edit_source
        self._build()
        session.focusChanged.connect(self.refresh)
        session.stateChanged.connect(self.refresh)
        session.articleLoaded.connect(self.refresh)
        session.variableChanged.connect(self._show_variable)
        session.projectChanged.connect(self.rebuild)

    def _build(self) -> None:
        claim = QWidget()
        lay = QVBoxLayout(claim)
        lay.addWidget(self.claim_text)
        lay.addLayout(self.claim_form)
        lay.addStretch(1)
        keys = QLabel(KEYS_HELP)
        keys.setWordWrap(True)
        keys.setStyleSheet("color: #555; font-size: 11px;")
        lay.addWidget(keys)
        self.addTab(claim, "Claim")
        art = QWidget()
        alay = QVBoxLayout(art)
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.done_button)
        alay.addLayout(row)
        alay.addLayout(self.article_form)
        alay.addStretch(1)
        self.addTab(art, "Article")
        self.addTab(self.sources, "Sources")
        self.done_button.clicked.connect(self.session.toggle_done)

    # ---- built from the codebook ----------------------------------------------------------
    def rebuild(self) -> None:
        book = self.session.project.codebook if self.session.project else None
        for form in (self.claim_form, self.article_form):
            while form.rowCount():
                form.removeRow(0)
        self.source_combo, self.channel_combo = name_combo(), name_combo()
        self.claim_note = QLineEdit(placeholderText="Note on this claim")
        self.article_note = QLineEdit(placeholderText="Note on this article")
        self.source_combo.activated.connect(lambda _i: self._link(Role.SOURCE, self.source_combo))
        self.channel_combo.activated.connect(
            lambda _i: self._link(Role.CHANNEL, self.channel_combo))
        self.claim_note.editingFinished.connect(self._claim_note)
        self.article_note.editingFinished.connect(
            lambda: self.session.set_article_note(self.article_note.text()))
        self.claim_form.addRow("Source", self.source_combo)
        self.claim_form.addRow("Channel", self.channel_combo)
        self.var_boxes, self.var_labels, self.article_boxes = {}, {}, {}
        if book is not None:
            self._add_variables(book)
        self.claim_form.addRow("Note", self.claim_note)
        self.article_form.addRow("Note", self.article_note)
        self._show_variable()
        self.refresh()

    def _add_variables(self, book: Codebook) -> None:
        for var in book.at_level("claim"):
            box = value_combo(var)
            label = plain.label(var.label)
            label.setToolTip(plain.tip(var.definition))
            box.activated.connect(lambda _i, n=var.name, b=box: self._set_value(n, b))
            self.claim_form.addRow(label, box)
            self.var_boxes[var.name], self.var_labels[var.name] = box, label
        for var in book.at_level("article"):
            box = value_combo(var)
            box.activated.connect(lambda _i, n=var.name, b=box:
                                  self.session.set_article_value(n, b.currentData()))
            label = plain.label(var.label)
            label.setToolTip(plain.tip(var.definition))
            self.article_form.addRow(label, box)
            self.article_boxes[var.name] = box
        src = book.variable("type")
        self.sources.sources.type_labels = {v.code: v.label for v in src.values} if src else {}

    def _show_variable(self) -> None:
        for name, label in self.var_labels.items():
            focused = name == self.session.variable
            var = self.session.project.codebook.variable(name) if self.session.project else None
            text = var.label if var else name
            label.setText(f"▸ {text} (number keys)" if focused else text)
            font = label.font()
            font.setBold(focused)
            label.setFont(font)

    # ---- showing the focused claim and the article ----------------------------------------
    def refresh(self) -> None:
        state = self.session.state
        row = self.session.focused_row()
        self._fill_source_combos()
        if row is None:
            self.claim_text.setText("No claim focused. J/K moves through claims and "
                                    "suggestions; select text and press C to make one.")
        else:
            what = "Suggested claim (A accepts, R rejects)" if row.suggested and row.is_claim \
                else f"{row.status.capitalize()} (A accepts, R rejects)" if row.suggested \
                else f"Claim ({row.status})"
            checks = [] if row.suggested else claim_checks(row.values, row.source_id)
            warn = "".join(f"\n\u26a0 {check_text(code)}: check the attribution or the source"
                           for code in checks)
            self.claim_text.setText(f"{what}:\n“{' '.join(row.text.split())}”{warn}")
        for name, box in self.var_boxes.items():
            set_combo(box, row.values.get(name) if row else None)
            box.setEnabled(row is not None and row.is_claim)
        for box in (self.source_combo, self.channel_combo, self.claim_note):
            box.setEnabled(row is not None and not row.suggested)
        if not self.claim_note.hasFocus():
            self.claim_note.setText(row.note if row else "")
        if row is not None and not row.suggested:
            set_combo(self.source_combo, row.source_id)
            set_combo(self.channel_combo, row.channel_id)
        elif row is not None and row.is_claim and state is not None:
            self._show_suggested(row.source, row.source_type, state.suggested_channel(row.key))
        if state is not None:
            self._refresh_article()

    def _refresh_article(self) -> None:
        state = self.session.state
        assert state is not None
        label = {"done": "Done", "in_progress": "In progress"}.get(state.status, "Not started")
        blind = " · blind coding (suggestions hidden)" if state.blind else ""
        self.status_label.setText(f"<b>{label}</b>{blind}")
        self.done_button.setText("Reopen (Ctrl+D)" if state.status == "done"
                                 else "Mark done (Ctrl+D)")
        if not self.article_note.hasFocus():
            self.article_note.setText(state.note)
        for name, box in self.article_boxes.items():
            set_combo(box, state.article_values.get(name))
        self.sources.sources.set_rows([(s, state.text[s.start:s.end])
                                       for s in state.source_list()])

    def _fill_source_combos(self) -> None:
        state = self.session.state
        for box, tip in ((self.source_combo, SOURCE_TIP), (self.channel_combo, CHANNEL_TIP)):
            box.setToolTip(tip)
            box.blockSignals(True)
            box.clear()
            box.addItem(NONE, None)
            if state is not None:
                for s in state.source_list():
                    box.addItem(state.source_label(s.id), s.id)
            box.blockSignals(False)

    def _show_suggested(self, source: str, source_type: str, channel: str) -> None:
        """A pending suggestion's source and channel, marked as suggested (the controls stay
        off until it is accepted, which brings them along)."""
        kind = self.sources.sources.type_labels.get(source_type, source_type)
        for box, text, what in ((self.source_combo, source, "source"),
                                (self.channel_combo, channel, "channel")):
            if not text:
                continue
            shown = f"{SUGGESTED_MARK}{' '.join(text.split())}"
            shown += f" ({kind})" if what == "source" and kind else ""
            box.blockSignals(True)
            box.addItem(shown, None)
            box.setCurrentIndex(box.count() - 1)
            box.blockSignals(False)
            box.setToolTip(plain.tip(f"The suggested {what}: {' '.join(text.split())}\n"
                                     "A accepts the claim with it"))

    # ---- edits ----------------------------------------------------------------------------
    def _set_value(self, name: str, box: QComboBox) -> None:
        self.session.set_variable(name)
        self.session.set_value(name, box.currentData())

    def _link(self, role: Role, box: QComboBox) -> None:
        self.session.link_source(box.currentData(), role)

    def _claim_note(self) -> None:
        row = self.session.focused_row()
        if row is not None and not row.suggested and self.claim_note.text() != row.note:
            self.session.set_claim_field("Edit claim note", note=self.claim_note.text())

    def _edit_source(self, source_id: int, field: str, value: str | None) -> None:
        self.session.set_source_field(source_id, **{field: value})

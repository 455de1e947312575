"""Settling a disagreement into the consensus coder: the edits (no Qt), the undo command that
wraps them, and the panel with Take A / Take B and the consensus values."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from annotator import commands, consensus
from annotator.commands import Edit
from annotator.gui import plain
from annotator.gui.review.data import (
    ConsensusClaim,
    ReviewRow,
    article_consensus_status,
    consensus_claims,
    match_consensus,
)
from annotator.gui.undo import EditCommand
from annotator.project import Project

NONE_VALUE = "\u2013 none \u2013"


# ---- the edits -----------------------------------------------------------------------------

def current_consensus(proj: Project, row: ReviewRow) -> ConsensusClaim | None:
    return match_consensus(consensus_claims(proj, row.article_id), row)


def take(proj: Project, row: ReviewRow, coder: str, agreed: Collection[int] = ()) -> Edit | None:
    """The consensus takes `coder`'s claim for this unit (replacing an earlier consensus
    claim), or, when that coder marked nothing here, drops the consensus claim. The units of
    the article every coder agreed on (`agreed`: claim ids) come along in the same step: a
    consensus holding only the settled disagreements left the agreed claims out of the
    analysis dataset (field trial)."""
    cons = proj.ensure_coder(consensus.CONSENSUS)
    existing = current_consensus(proj, row)
    claim = row.claims.get(coder)
    if claim is not None:
        edit = consensus.take_claim(proj.db, claim.id, cons.id,
                                    existing.claim.id if existing else None)
        edit.text = f"Take {coder}'s coding into the consensus"
    else:
        edit = consensus.leave_out(proj.db, row.article_id, row.start, row.end, cons.id,
                                   existing.claim.id if existing else None)
        edit.text = f"Take {coder}'s coding (no claim) into the consensus"
    if agreed:
        more = consensus.take_agreed(proj.db, list(agreed), cons.id, row.article_id)
        edit = Edit(edit.text, [*edit.changes, *more.changes], edit.article_id)
    return None if edit.empty else edit


def set_value(proj: Project, row: ReviewRow, variable: str, value: str | None) -> Edit | None:
    """Change one consensus value of this unit (None when there is no consensus claim yet)."""
    existing = current_consensus(proj, row)
    if existing is None:
        return None
    spec = proj.codebook.variable(variable)
    if spec is not None and spec.level == "source":  # the source type lives on the source
        if existing.claim.source_id is None:
            return None
        edit = commands.update_source(proj.db, existing.claim.source_id, type=value)
    else:
        edit = commands.set_claim_value(proj.db, existing.claim.id, variable, value)
    edit.text = f"Consensus {variable}: {value or 'none'}"
    return None if edit.empty else edit


def with_consensus_status(proj: Project, edit: Edit, rows: Sequence[ReviewRow]) -> Edit:
    """`edit` plus the consensus coder's status on the articles it touched (done once every
    disagreement there is settled), in one undoable step."""
    cons = proj.ensure_coder(consensus.CONSENSUS)
    return consensus.with_status(proj.db, edit, cons.id,
                                 lambda aid: article_consensus_status(proj, rows, aid))


def review_command(proj: Project, edit: Edit,
                   after: Callable[[Edit, str | None], None]) -> EditCommand:
    """The workspace's undo command for one Edit, reporting to the review window's callback."""
    return EditCommand(proj.db, edit, None, lambda cmd, exc: after(cmd.edit, exc and str(exc)))


# ---- the panel -----------------------------------------------------------------------------

class SettlePanel(QWidget):
    """Take A / Take B, and one combo box per variable holding the consensus value."""

    take_requested = Signal(str)  # "A" or "B"
    value_chosen = Signal(str, object)  # variable, code or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.take_a = QPushButton("Take A")
        self.take_b = QPushButton("Take B")
        self.take_a.setObjectName("take_a")
        self.take_b.setObjectName("take_b")
        self.take_a.clicked.connect(lambda: self.take_requested.emit("A"))
        self.take_b.clicked.connect(lambda: self.take_requested.emit("B"))
        self.state = plain.label()
        self.state.setWordWrap(True)
        self.values = QHBoxLayout()  # one label and combo per variable
        self.combos: dict[str, QComboBox] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        row.addWidget(QLabel("<b>Consensus:</b>"))
        row.addWidget(self.take_a)
        row.addWidget(self.take_b)
        row.addSpacing(12)
        row.addLayout(self.values)
        row.addSpacing(12)
        row.addWidget(self.state, 1)
        self.set_enabled(False)

    def set_variables(self, choices: Mapping[str, Sequence[str]]) -> None:
        """One combo per variable, listing its codes (codebook order) and "none"."""
        while self.values.count():
            item = self.values.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.combos = {}
        for variable, codes in choices.items():
            combo = QComboBox()
            combo.setObjectName(f"consensus_{variable}")
            combo.addItem(NONE_VALUE, None)
            for code in codes:
                combo.addItem(code, code)
            combo.activated.connect(lambda i, v=variable, c=combo:
                                    self.value_chosen.emit(v, c.itemData(i)))
            self.combos[variable] = combo
            self.values.addWidget(plain.label(variable))
            self.values.addWidget(combo)

    def set_pair(self, pair: tuple[str, str] | None) -> None:
        a, b = pair or ("A", "B")
        self.take_a.setText(f"Take A ({plain.mnemonic(a)})" if pair else "Take A")
        self.take_b.setText(f"Take B ({plain.mnemonic(b)})" if pair else "Take B")

    def show_consensus(self, found: ConsensusClaim | None, locked: Collection[str] = (),
                       left_out: bool = False) -> None:
        """Show the consensus values; `locked` variables cannot be edited here (a source type
        when the consensus claim has no source); `left_out`: settled as "no claim"."""
        for variable, combo in self.combos.items():
            value = found.values.get(variable) if found else None
            i = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(max(i, 0))
            combo.setEnabled(found is not None and variable not in locked)
            combo.setToolTip("the consensus claim has no source to give a type"
                             if found is not None and variable in locked else "")
        if found is None and left_out:
            self.state.setText("settled: the consensus has no claim here")
        elif found is None:
            self.state.setText("not settled yet: take A or B, then adjust the values")
        else:
            self.state.setText("settled: the consensus coder has a claim here")

    def set_enabled(self, on: bool) -> None:
        self.take_a.setEnabled(on)
        self.take_b.setEnabled(on)
        if not on:
            self.state.setText("choose a disagreement")
            for combo in self.combos.values():
                combo.setEnabled(False)

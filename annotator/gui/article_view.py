"""The article text, read-only, with layered highlights, a framed focused claim and tooltips.

Positions inside Qt are UTF-16 units; every conversion goes through the state's `Utf16Map`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.core.rules import rule_label
from annotator.editing import spans
from annotator.editing.article_state import ArticleState, Mark
from annotator.gui import plain, styles
from annotator.gui.highlight import LayerHighlighter, Span16

KIND_NAMES = {"source": "Source", "cue": "Cue", "claim": "Claim"}
FOCUS_MARGIN_LINES = 3  # the focused claim keeps this many lines from the view's edges


class ArticleView(QPlainTextEdit):
    markClicked = Signal(object, bool)  # noqa: N815 (Qt naming) the Mark clicked, Ctrl held

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(18)
        font = QFont(self.font())
        font.setPointSizeF(12.5)
        self.setFont(font)
        self.setMouseTracking(True)
        self.highlighter = LayerHighlighter(self.document())
        self.state: ArticleState | None = None
        self._frames: list[tuple[int, int, str, bool]] = []  # utf16 start, end, colour, solid
        self._type_labels: dict[str, str] = {}
        self.verticalScrollBar().valueChanged.connect(self.reveal_visible)

    # ---- content --------------------------------------------------------------------------
    def set_type_labels(self, labels: dict[str, str]) -> None:
        self._type_labels = labels

    def show_state(self, state: ArticleState) -> None:
        """A new article: spans first, then the text, so each block is formatted once."""
        self.state = state
        self._frames = []
        self.setExtraSelections([])
        self.highlighter.set_spans(self._spans(state), refresh=False, lazy=True)
        self.setPlainText(state.text)
        self.reveal_visible()

    def reveal_visible(self, *_args) -> None:
        """Format the blocks on screen, and one screen more below, before they are painted."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        limit = 2 * self.viewport().height()
        last = block
        while last.isValid() and top <= limit:
            top += self.blockBoundingRect(last).height()
            last = last.next()
        end = last.blockNumber() if last.isValid() else self.document().blockCount() - 1
        self.highlighter.reveal(block.blockNumber(), end)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.reveal_visible()

    def update_state(self, state: ArticleState) -> None:
        """Same text, changed marks: re-format only the blocks whose marks changed."""
        self.state = state
        self.highlighter.set_spans(self._spans(state))
        self.viewport().update()

    @staticmethod
    def _spans(state: ArticleState) -> list[Span16]:
        u = state.umap
        return [(u.to_utf16(m.start), u.to_utf16(m.end),
                 styles.style_of(m.kind, m.suggested, m.type)) for m in state.marks]

    # ---- focus ----------------------------------------------------------------------------
    def focus_span(self, start: int | None, end: int | None,
                   linked: list[tuple[int, int]] = ()) -> None:
        """Fill and frame the focused claim (code points), frame its source and cue, scroll."""
        if self.state is None or start is None or end is None:
            self._frames = []
            self.setExtraSelections([])
            self.viewport().update()
            return
        u = self.state.umap
        s16, e16 = u.to_utf16(start), u.to_utf16(end)
        sel = QTextEdit.ExtraSelection()
        sel.cursor = QTextCursor(self.document())
        sel.cursor.setPosition(s16)
        sel.cursor.setPosition(e16, QTextCursor.MoveMode.KeepAnchor)
        sel.format.setBackground(QColor(styles.FOCUS_FILL))
        sel.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        self.setExtraSelections([sel])
        self._frames = [(s16, e16, styles.FOCUS_FRAME, True)]
        self._frames += [(u.to_utf16(a), u.to_utf16(b), styles.LINK_FRAME, False)
                         for a, b in linked]
        self.bring_into_view(s16, e16)
        self.viewport().update()

    def bring_into_view(self, s16: int, e16: int) -> None:
        """Show the span with room around it: left where it is when it is on screen a margin
        from the edges (no jump on J), else centred (a long one: its start a margin from the
        top), never against the top edge where the eye loses it. The text cursor ends at its
        start, for the keys that move it."""
        margin = FOCUS_MARGIN_LINES * self.fontMetrics().lineSpacing()
        top, bottom = self._span_rows(s16, e16)
        room = self.viewport().height()
        if top < margin or bottom > room - margin:
            if bottom - top + 2 * margin <= room:
                self._place_cursor((s16 + e16) // 2)
                self.centerCursor()
            else:  # QPlainTextEdit scrolls by lines
                bar = self.verticalScrollBar()
                bar.setValue(bar.value() + round((top - margin) /
                                                 self.fontMetrics().lineSpacing()))
        self._place_cursor(s16)

    def _span_rows(self, s16: int, e16: int) -> tuple[int, int]:
        """The span's top and bottom in viewport pixels."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(s16)
        top = self.cursorRect(cursor).top()
        cursor.setPosition(e16)
        return top, self.cursorRect(cursor).bottom()

    def _place_cursor(self, position: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        self.setTextCursor(cursor)  # scrolls only when the position is off screen

    def selection_codepoints(self) -> tuple[int, int] | None:
        c = self.textCursor()
        if self.state is None or not c.hasSelection():
            return None
        u = self.state.umap
        return u.to_codepoint(c.selectionStart()), u.to_codepoint(c.selectionEnd())

    def select_codepoints(self, start: int, end: int) -> None:
        """Select a span given in code points (as a coder's mouse would)."""
        assert self.state is not None
        u = self.state.umap
        c = QTextCursor(self.document())
        c.setPosition(u.to_utf16(start))
        c.setPosition(u.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(c)

    # ---- painting frames (a QTextCharFormat has no box) ----------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if not self._frames:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for s16, e16, colour, solid in self._frames:
            pen = QPen(QColor(colour), 2.0 if solid else 1.5)
            if not solid:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            for rect in self._line_rects(s16, e16):
                painter.drawRoundedRect(rect, 3, 3)
        painter.end()

    def _line_rects(self, s16: int, e16: int) -> list[QRectF]:
        doc = self.document()
        out = []
        block = doc.findBlock(s16)
        height = self.viewport().height()
        while block.isValid() and block.position() < e16:
            geo = self.blockBoundingGeometry(block).translated(self.contentOffset())
            if geo.top() > height:
                break
            if geo.bottom() >= 0 and block.isVisible():
                out += self._block_rects(block, geo.topLeft(), s16, e16)
            block = block.next()
        return out

    @staticmethod
    def _block_rects(block, origin, s16: int, e16: int) -> list[QRectF]:
        layout = block.layout()
        bpos = block.position()
        a, b = max(s16, bpos) - bpos, min(e16, bpos + block.length() - 1) - bpos
        rects = []
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            l0, l1 = line.textStart(), line.textStart() + line.textLength()
            if l1 <= a or l0 >= b:
                continue
            x0 = line.cursorToX(max(a, l0))[0]
            x1 = line.cursorToX(min(b, l1))[0]
            r = QRectF(x0, line.y(), x1 - x0, line.height()).translated(origin)
            rects.append(r.adjusted(-2, 0, 2, 0))
        return rects

    # ---- mouse: tooltips and clicks ------------------------------------------------------
    def mark_at(self, pos16: int) -> list[Mark]:
        if self.state is None:
            return []
        return self.state.marks_at(self.state.umap.to_codepoint(pos16))

    def describe(self, mark: Mark) -> str:
        assert self.state is not None
        text = self.state.text[mark.start:mark.end]
        if len(text) > 80:
            text = text[:77] + "..."
        what = KIND_NAMES[mark.kind]
        if mark.kind == "source":
            what += f" ({self._type_labels.get(mark.type or '', mark.type or 'no type')})"
        if mark.suggested:
            what = "Suggested " + what[0].lower() + what[1:]
            if mark.rule:
                text += f"\n    why: {rule_label(mark.rule)}"
        return f"{what}: {text}"

    def viewportEvent(self, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip:
            pos16 = self.cursorForPosition(event.pos()).position()
            marks = self.mark_at(pos16)
            if marks:
                QToolTip.showText(event.globalPos(),
                                 plain.tip("\n".join(self.describe(m) for m in marks)),
                                  self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def snap_selection(self) -> None:
        """Widen the selection to whole words (code points in, code points out: the edges
        never split a surrogate pair)."""
        span = self.selection_codepoints()
        if span is None or self.state is None:
            return
        start, end = spans.snap(self.state.text, *span)
        if (start, end) != span:
            self.select_codepoints(start, end)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.textCursor().hasSelection():
            # a dragged selection snaps to words; with Alt held it keeps exact characters
            if not event.modifiers() & Qt.KeyboardModifier.AltModifier:
                self.snap_selection()
            return
        marks = self.mark_at(self.cursorForPosition(event.position().toPoint()).position())
        if marks:
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.markClicked.emit(marks[0], ctrl)

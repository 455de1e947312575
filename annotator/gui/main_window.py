"""The coding workspace: article list | text with legend | claims table and detail editor."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import UserError
from annotator.core.model import Kind, Role
from annotator.editing.article_state import Mark
from annotator.gui import dialogs, plain, settings, styles
from annotator.gui.article_list import ArticleListPanel, ArticleRow
from annotator.gui.article_view import ArticleView
from annotator.gui.claims_panel import ClaimsPanel
from annotator.gui.coding_keys import WindowKeys, add_code_actions, is_text_field
from annotator.gui.detail_editor import DetailEditor
from annotator.gui.exchange_menu import ExchangeMenuMixin
from annotator.gui.find_bar import FindBar
from annotator.gui.legend import Legend
from annotator.gui.menus import FileMenuMixin
from annotator.gui.screen import fitting_size
from annotator.gui.session import Session
from annotator.gui.worker import SuggestWorker, TrainWorker, start_worker
from annotator.project import Project

BLIND_MENU = "&Blind coding (hide suggestions)"
FORCED_BLIND_MENU = "&Blind coding (required for this article)"
FORCED_BLIND = ("Blind coding is required for this article (it is in the reliability sample): "
                "the pipeline's suggestions are hidden, and cannot be shown. Select text and "
                "press C to mark a claim.")


def swatch(colour: QColor) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(colour)
    return QIcon(pix)


SPLIT = (0.17, 0.42, 0.41)  # article list, text, claims and editor: shares of the width


def known_spelling(name: str, known: list[str]) -> str:
    """`name` as an existing coder spells it when they differ only in case or surrounding
    spaces (`--coder Anna` made a second, empty coder beside "anna": field trial)."""
    wanted = name.strip().casefold()
    return next((k for k in known if k.casefold() == wanted), name.strip())


class MainWindow(FileMenuMixin, ExchangeMenuMixin, QMainWindow):
    suggestFinished = Signal(int, str)  # noqa: N815 (Qt naming) articles done, error or ""
    trainFinished = Signal(str, str)  # noqa: N815 (Qt naming) message, error or ""

    def __init__(self) -> None:
        super().__init__()
        self.session = Session(self)
        self.project: Project | None = None
        self.worker: SuggestWorker | TrainWorker | None = None
        self.worker_thread: threading.Thread | None = None
        self.last_error = ""
        self.type_menu: QMenu | None = None
        self._articles: list = []
        self.setWindowTitle("annotator")
        self.resize(self._initial_size())
        self._build_widgets()
        self._share_width(self.width())
        self._build_status_bar()
        self._build_menus()
        self._connect()

    # ---- building -------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.article_list = ArticleListPanel()
        self.view = ArticleView()
        self.legend = Legend()
        self.find_bar = FindBar(self.view)
        self.claims = ClaimsPanel()
        self.detail = DetailEditor(self.session)
        center = QWidget()
        lay = QVBoxLayout(center)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.article_title = plain.label()
        self.article_title.setStyleSheet("font-size: 15px; font-weight: 600; padding: 6px 8px;")
        self.article_title.setWordWrap(True)
        lay.addWidget(self.article_title)
        lay.addWidget(self.legend)
        lay.addWidget(self.find_bar)
        lay.addWidget(self.view, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.claims)
        right.addWidget(self.detail)
        right.setSizes([420, 380])
        split = QSplitter()
        split.addWidget(self.article_list)
        split.addWidget(center)
        split.addWidget(right)
        for pane, share in enumerate(SPLIT):  # a resized window keeps the shares
            split.setStretchFactor(pane, round(share * 100))
        self.split = split
        self.setCentralWidget(split)

    def _build_status_bar(self) -> None:
        self.save_label = plain.label("No project open")
        self.warning_label = plain.label()  # stays until the coder fixes what it says
        self.warning_label.setObjectName("warning_label")
        self.warning_label.setStyleSheet("color: #A05A00; font-weight: bold;")
        self.warning_label.hide()
        self.coder_label = plain.label()
        self.job_bar = QProgressBar()
        self.job_bar.setMaximumWidth(220)
        self.job_cancel = QPushButton("Cancel")
        bar = self.statusBar()
        bar.addWidget(self.save_label, 1)
        bar.addPermanentWidget(self.warning_label)
        bar.addPermanentWidget(self.job_bar)
        bar.addPermanentWidget(self.job_cancel)
        bar.addPermanentWidget(self.coder_label)
        self.job_bar.hide()
        self.job_cancel.hide()
        self.job_cancel.clicked.connect(self.cancel_suggest)

    def _build_menus(self) -> None:
        self.build_file_menu()
        edit = self.menuBar().addMenu("&Edit")
        self.undo_action, self.redo_action = self.session.undo_actions(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        # Ctrl+Shift+Z and Ctrl+Y on every platform, each once: a key bound twice to one
        # action is ambiguous and does nothing (the platform's Redo may be Ctrl+Y already)
        redo_keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                     QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
        self.redo_action.setShortcuts(list({k.toString(): k for k in redo_keys}.values()))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self._add(edit, "&Find…", "Ctrl+F", self.find_bar.open_bar)
        self._add(edit, "&Delete focused claim / reject suggestion", None,
                  self.session.delete_focused)
        self.code_actions = add_code_actions(self, self.menuBar().addMenu("&Code"))
        view = self.menuBar().addMenu("&View")
        self._add(view, "Zoom &in", ["Ctrl+=", "Ctrl++"], lambda: self.zoom(1))
        self._add(view, "Zoom &out", "Ctrl+-", lambda: self.zoom(-1))
        self.blind_action = QAction(BLIND_MENU, self, checkable=True)
        self.blind_action.setShortcut(QKeySequence("Ctrl+B"))
        self.blind_action.toggled.connect(self.session.set_blind)
        view.addAction(self.blind_action)
        # Ctrl+B on an article the project codes blind: the action is disabled, so say why
        self.forced_blind_key = QShortcut(QKeySequence("Ctrl+B"), self, self._forced_blind_note)
        self.forced_blind_key.setEnabled(False)
        proj = self.menuBar().addMenu("&Project")
        self.suggest_action = self._add(proj, "&Pre-annotate all articles", None,
                                        self.start_suggest)
        self.suggest_again_action = self._add(proj, "Pre-annotate &again (replace suggestions)",
                                              None, lambda: self.start_suggest(again=True))
        self.train_action = self._add(proj, "&Train suggestions", None, self.start_train)
        self._add(proj, "Edit &codebook…", None, self.edit_codebook)
        self._add(proj, "&Agreement between coders…", None, self.show_agreement)
        self.build_exchange_actions(proj)
        self.project_menu = proj
        proj.aboutToShow.connect(self._project_menu_state)
        help_ = self.menuBar().addMenu("&Help")
        self._add(help_, "&Coding guide and keys", "F1", self.show_help)
        self._add(help_, "&About annotator", None, lambda: dialogs.about(self))
        self.window_keys = WindowKeys(self, {
            Qt.Key.Key_Return: self.accept, Qt.Key.Key_Enter: self.accept,
            Qt.Key.Key_Delete: self.session.delete_focused}, escape=self.escape)

    def _initial_size(self) -> QSize:
        """1500 x 950, or less so that the whole window fits on a small screen."""
        return fitting_size(1500, 950)

    def _share_width(self, width: int) -> None:
        """The article list, the text and the claims panel share the window's width as
        SPLIT says. Fixed sizes that fitted a 1500-pixel window left the text, the coder's
        main work surface, only 390 pixels of a 1366-pixel screen (the splitter takes what
        is missing from its stretching pane)."""
        self.split.setSizes([int(width * share) for share in SPLIT])

    def _add(self, menu: QMenu, text: str, keys, slot) -> QAction:
        act = QAction(text, self)
        if keys:
            act.setShortcuts([QKeySequence(k) for k in ([keys] if isinstance(keys, str)
                                                        else keys)])
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def _connect(self) -> None:
        s = self.session
        s.projectChanged.connect(self._project_changed)
        s.articleLoaded.connect(self._article_loaded)
        s.stateChanged.connect(self._state_changed)
        s.focusChanged.connect(self._focus_changed)
        s.saved.connect(self._saved)
        s.failed.connect(self._failed)
        s.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.article_list.articleSelected.connect(s.load_article)
        self.claims.rowFocused.connect(lambda key: s.set_focus(tuple(key)))
        self.view.markClicked.connect(self._mark_clicked)

    # ---- opening --------------------------------------------------------------------------
    def open_project(self, path: Path, coder: str | None = None) -> bool:
        try:
            project = Project.open(path)
        except UserError as exc:
            dialogs.show_message(self, "Cannot open project", str(exc), warning=True)
            return False
        return self.set_project(project, coder)

    def open_sample(self, coder: str | None = None) -> bool:
        from annotator.sample import open_sample_project

        return self.set_project(open_sample_project(), coder)

    def set_project(self, project: Project, coder: str | None = None) -> bool:
        # a coder's own file (annotator coder-file) opens as its coder, and as no other
        own = project.own_coder()
        if coder and not own:  # given on the command line: no question to catch a variant
            coder = known_spelling(coder, [c.name for c in project.coders()])
        name = coder or own or self._ask_coder(project)
        if not name:
            project.close()
            return False
        self.stop_suggest()
        try:
            self.session.set_project(project, name)
        except UserError as exc:
            project.close()
            dialogs.show_message(self, "Cannot open project", str(exc), warning=True)
            return False
        self.project = project
        settings.remember_coder(name)
        settings.add_recent_project(project.path)
        self.update_recent_menu()  # only a project that opened is a recent one
        if own:
            self.statusBar().showMessage(f"{project.path.name} is {own}'s coder file: coding "
                                         f"as {own}", 8000)
        return True

    def _ask_coder(self, project: Project) -> str | None:
        """Who is coding, on a project file: a name that is no coder yet is added only when
        the user confirms it (a typo must not become a coder the PI never assigned)."""
        known = [c.name for c in project.coders()]
        while True:
            name = dialogs.ask_coder(self, known, settings.remembered_coder())
            if not name or name in known or dialogs.confirm_new_coder(self, name, known):
                return name

    def _project_changed(self) -> None:
        project = self.session.project
        assert project is not None
        book = project.codebook
        src = book.variable("type")
        labels = {v.code: v.label for v in src.values} if src else {}
        self.legend.set_types(labels)
        self.view.set_type_labels(labels)
        self.claims.set_codebook(book)
        self.coder_label.setText(f"Coder: {self.session.coder.name}")
        self.update_export_menu()
        self.setWindowTitle(f"{project.path.name} — annotator")
        self.save_label.setStyleSheet("color: #555555;")
        self.save_label.setText("Every edit is written to the project file at once")
        self.refresh_articles(reread=True)
        self.update_recent_menu()
        if self.article_list.model.rows:
            self.article_list.step(1)
        self.view.setFocus()  # the first key codes; it does not go into the search box

    def refresh_articles(self, reread: bool = False) -> None:
        """Statuses and claim counts after an edit; the article records only when `reread`
        (after an import), as reading thousands of them after each keystroke would show."""
        project, coder = self.session.project, self.session.coder
        if project is None or coder is None:
            return
        if reread or not self._articles:
            self._articles = project.articles()
        statuses = project.statuses(coder.id)
        counts = project.claim_counts(coder.id)
        self.article_list.set_rows([
            ArticleRow(a, statuses.get(a.id, ("not_started", ""))[0], counts.get(a.id, 0))
            for a in self._articles])

    # ---- following the session ------------------------------------------------------------
    def _article_loaded(self) -> None:
        state = self.session.state
        assert state is not None
        a = state.article
        self.article_title.setText(plain.joined(a.title or a.ext_id or "", a.outlet, a.date))
        self.view.show_state(state)
        self.claims.set_rows(state.rows, self.session.focus)
        self.article_list.select_article(a.id)
        self._show_blind(state)
        self._show_warnings(state)
        self.statusBar().clearMessage()  # what was said about the article shown before
        if state.article.require_blind:
            self.statusBar().showMessage(FORCED_BLIND, 8000)
        if not is_text_field(QApplication.focusWidget()):  # not while the coder types a search
            self.view.setFocus()

    def _show_blind(self, state) -> None:
        """A forced-blind article: View > Blind coding ticked and disabled with the reason, the
        claims table saying why it is empty, Ctrl+B answering instead of doing nothing."""
        forced = state.article.require_blind
        self.blind_action.blockSignals(True)  # the coder's own choice (session.blind) stays
        self.blind_action.setChecked(forced or self.session.blind)
        self.blind_action.blockSignals(False)
        self.blind_action.setEnabled(not forced)
        self.blind_action.setText(FORCED_BLIND_MENU if forced else BLIND_MENU)
        self.blind_action.setToolTip(FORCED_BLIND if forced else
                                     "Hide the pipeline's suggestions while you code")
        self.forced_blind_key.setEnabled(forced)
        if state.blind:
            self.claims.set_empty_text(FORCED_BLIND if forced else
                                       "Blind coding is on (View > Blind coding, Ctrl+B): the "
                                       "pipeline's suggestions are hidden. Select text and "
                                       "press C to mark a claim.")
        else:
            self.claims.set_empty_text("No claims yet: select text in the article and press C "
                                       "to mark one.")

    def _show_warnings(self, state) -> None:
        text = " · ".join(f"\u26a0 {w}" for w in state.warnings())
        self.warning_label.setText(text)
        self.warning_label.setVisible(bool(text))

    def _forced_blind_note(self) -> None:
        self.statusBar().showMessage(FORCED_BLIND, 8000)

    def escape(self, widget: QWidget) -> bool:
        """Escape: clear the article search, keep the open article selected in the list, and
        give the text view the focus. Find and a table's cell editor (which cancel on their
        own Escape) are left alone."""
        if self.find_bar.isAncestorOf(widget) or (
                widget is not self.article_list.search and is_text_field(widget)
                and isinstance(widget.parent() and widget.parent().parent(), QAbstractItemView)):
            return False
        self.article_list.search.clear()
        if self.session.article_id is not None:
            self.article_list.select_article(self.session.article_id)
        self.view.setFocus()
        return True

    def _state_changed(self) -> None:
        state = self.session.state
        assert state is not None
        self.view.update_state(state)
        self.claims.set_rows(state.rows, self.session.focus)
        self._show_blind(state)
        self._show_warnings(state)
        self.refresh_articles()

    def _focus_changed(self) -> None:
        row = self.session.focused_row()
        self.claims.show_focus(self.session.focus)
        if row is None:
            self.view.focus_span(None, None)
            return
        self.view.focus_span(row.start, row.end, self._linked_spans(row))

    def _linked_spans(self, row) -> list[tuple[int, int]]:
        state = self.session.state
        out = []
        for sid in (row.source_id, row.channel_id):
            if sid is not None and sid in state.sources:
                out.append((state.sources[sid].start, state.sources[sid].end))
        if row.cue_id is not None and row.cue_id in state.cues:
            out.append((state.cues[row.cue_id].start, state.cues[row.cue_id].end))
        return out + state.suggested_links(row.key)

    def _saved(self, text: str) -> None:
        self.save_label.setStyleSheet("color: #1B7F3B;")
        self.save_label.setText(text)

    def _failed(self, text: str) -> None:
        self.last_error = text
        self.save_label.setStyleSheet("color: #B00020; font-weight: bold;")
        self.save_label.setText(text)
        dialogs.show_message(self, "The edit was not saved", text, warning=True)

    def _mark_clicked(self, mark: Mark, replace: bool = False) -> None:
        """A claim: focus it. A source: the focused claim's source or channel if it has none,
        Ctrl+click (`replace`) to replace the one it has (`EditingSession.click_source`)."""
        if mark.kind == Kind.CLAIM:
            self.session.set_focus(mark.key)
        elif not self.session.click_source(mark, replace):
            self.statusBar().showMessage(self.view.describe(mark), 5000)

    # ---- coding keys (names used by coding_keys.CODE_ACTIONS) -----------------------------
    def accept(self) -> None:
        self.session.accept()

    def reject(self) -> None:
        self.session.reject()

    def next_claim(self) -> None:
        self.session.step_focus(1)

    def previous_claim(self) -> None:
        self.session.step_focus(-1)

    def next_suggestion(self) -> None:
        self.session.step_focus(1, only_suggested=True)

    def _selection(self) -> tuple[int, int] | None:
        span = self.view.selection_codepoints()
        if span is None:
            self.statusBar().showMessage("Select text in the article first", 5000)
        return span

    def make_claim(self) -> None:
        span = self._selection()
        if span:
            self.session.make_claim(*span)

    def make_cue(self) -> None:
        span = self._selection()
        if span:
            self.session.make_cue(*span)

    def make_source(self, role: Role = Role.SOURCE) -> None:
        span = self._selection()
        if span is None or self.session.project is None:
            return
        self.type_menu = self._type_menu(span, role)
        rect = self.view.cursorRect()
        self.type_menu.popup(self.view.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 4)))

    def make_channel(self) -> None:
        self.make_source(Role.CHANNEL)

    def _type_menu(self, span: tuple[int, int], role: Role) -> QMenu:
        """Ask the source's type: the codebook's types, each on its shortcut digit."""
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        menu.addSection("Channel type" if role == Role.CHANNEL else "Source type")
        var = self.session.project.codebook.variable("type")
        for v in var.values if var else ():
            act = menu.addAction(swatch(styles.source_colour(v.code)),
                                 f"&{v.shortcut}  {plain.mnemonic(v.label)}" if v.shortcut
                                 else plain.mnemonic(v.label))
            act.setToolTip(plain.tip(v.definition))
            act.triggered.connect(lambda _c=False, code=v.code:
                                  self.session.make_source(*span, code, role))
        menu.addAction("No type").triggered.connect(
            lambda: self.session.make_source(*span, None, role))
        return menu

    def start_left(self) -> None:
        self.session.nudge("start", -1)

    def start_right(self) -> None:
        self.session.nudge("start", 1)

    def end_left(self) -> None:
        self.session.nudge("end", -1)

    def end_right(self) -> None:
        self.session.nudge("end", 1)

    def next_variable(self) -> None:
        self.session.cycle_variable(1)

    def previous_variable(self) -> None:
        self.session.cycle_variable(-1)

    def number_key(self, digit: str) -> None:
        self.session.set_value_by_shortcut(digit)

    def toggle_done(self) -> None:
        self.session.toggle_done()

    def next_article(self) -> None:
        self.article_list.step(1)

    def previous_article(self) -> None:
        self.article_list.step(-1)

    def zoom(self, step: int) -> None:
        if step > 0:
            self.view.zoomIn(1)
        else:
            self.view.zoomOut(1)

    def _project_menu_state(self) -> None:
        """Project actions need an open project; the background jobs also an idle worker, so that
        nothing in the menu is enabled and then silently does nothing."""
        has, busy = self.session.project is not None, self.worker is not None
        for action in self.project_menu.actions():
            if not action.isSeparator():
                action.setEnabled(has and not (busy and action in self._job_actions()))

    def _job_actions(self) -> tuple[QAction, ...]:
        """The Project menu's background jobs: one runs at a time."""
        return (self.suggest_action, self.suggest_again_action, self.train_action)

    def _set_jobs_enabled(self, enabled: bool) -> None:
        for action in self._job_actions():
            action.setEnabled(enabled)

    # ---- background pre-annotation --------------------------------------------------------
    def start_suggest(self, again: bool = False) -> None:
        if self.session.project is None or self.worker is not None:
            return
        self.worker = SuggestWorker(self.session.project.path, again)
        self.worker.progress.connect(self._suggest_progress)
        self.worker.finished.connect(self._suggest_finished)
        self.job_bar.setRange(0, 0)
        self.job_bar.setFormat("Pre-annotating… loading the pipeline")
        self.job_bar.show()
        self.job_cancel.show()
        self._set_jobs_enabled(False)
        self.worker_thread = start_worker(self.worker, self)

    def _suggest_progress(self, done: int, total: int) -> None:
        self.job_bar.setRange(0, max(total, 1))
        self.job_bar.setValue(done)
        self.job_bar.setFormat("Pre-annotating %v of %m")

    def _suggest_finished(self, done: int, error: str) -> None:
        self.job_bar.hide()
        self.job_cancel.hide()
        self._set_jobs_enabled(True)
        self.worker, self.worker_thread = None, None  # the thread ends by itself
        if error:
            dialogs.show_message(self, "Pre-annotation", error, warning=True)
        elif done == 0:  # nothing to do is not an error, but say why and what would redo it
            self.statusBar().showMessage(
                "Every article already has suggestions: Project > Pre-annotate again "
                "replaces them", 12000)
        else:
            self.statusBar().showMessage(f"Pre-annotated {done} article(s)", 8000)
        self.session.reload(suggestions_changed=True)
        self.suggestFinished.emit(done, error)

    # ---- background training (annotator train) -------------------------------------------
    def start_train(self) -> None:
        if self.session.project is None or self.worker is not None:
            return
        coder = self.session.coder.name if self.session.coder else None
        self.worker = TrainWorker(self.session.project.path, coder)
        self.worker.progress.connect(self._train_progress)
        self.worker.finished.connect(self._train_finished)
        self.job_bar.setRange(0, 0)
        self.job_bar.setFormat("Training suggestions… reading the coded articles")
        self.job_bar.show()
        self.job_cancel.show()
        self._set_jobs_enabled(False)
        self.worker_thread = start_worker(self.worker, self, name="train")

    def _train_progress(self, stage: str, epoch: int, epochs: int, score: float) -> None:
        self.job_bar.setRange(0, max(epochs, 1))
        self.job_bar.setValue(epoch)
        held = f", held-out F1 {score:.2f}" if score >= 0 else ""
        self.job_bar.setFormat(f"Training {stage}: epoch %v of %m{held}")

    def _train_finished(self, message: str, error: str) -> None:
        self.job_bar.hide()
        self.job_cancel.hide()
        self._set_jobs_enabled(True)
        self.worker, self.worker_thread = None, None
        if error:
            dialogs.show_message(self, "Train suggestions", error, warning=True)
        else:
            self.statusBar().showMessage(message, 10000)
        self.trainFinished.emit(message, error)

    def cancel_suggest(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.job_bar.setFormat("Stopping after this batch…")

    def stop_suggest(self) -> None:
        """Stop and wait for the worker (before closing or switching projects)."""
        if self.worker is not None and self.worker_thread is not None:
            self.worker.stop()
            self.worker_thread.join(timeout=60)  # it stops after the batch in hand
            self.worker, self.worker_thread = None, None

    # ---- dialogs --------------------------------------------------------------------------
    def show_help(self) -> None:
        if self.session.project is None:
            return
        self.help_dialog = dialogs.HelpDialog(self.session.project.codebook, self.key_rows(),
                                              self)
        self.help_dialog.show()

    def key_rows(self) -> list[dialogs.KeyRow]:
        """The guide's key table, read from the window's own actions, so it lists exactly the
        keys that work: the coding keys first (Code menu, digits, keys without a menu item),
        then Edit, View, Help, Project and File."""
        fixed = {self.undo_action: "Undo the last edit (the Edit menu names it)",
                 self.redo_action: "Redo the edit just undone",
                 self.blind_action: "Blind coding: hide the suggestions (always on for "
                                    "articles in the reliability sample)",
                 self.code_actions["toggle_done"]: "Mark the article done (again: reopen it)"}
        menus = {a.menu().title().replace("&", ""): a.menu() for a in self.menuBar().actions()
                 if a.menu() is not None}
        order = ["Code", "Edit", "View", "Help", "Project", "File"]
        rows = self._menu_rows(menus.pop("Code"), fixed) if "Code" in menus else []
        if any(a.shortcut().toString() == "1" for a in self.actions()):
            rows.append(("1 … 9", "Set the variable marked ▸ (V / Shift+V choose it) to the "
                                  "value with that shortcut in the codebook (below)"))
        rows += dialogs.GESTURES
        for title in sorted(menus, key=lambda t: order.index(t) if t in order else len(order)):
            rows += self._menu_rows(menus[title], fixed)
        return rows

    @staticmethod
    def _menu_rows(menu: QMenu, fixed: dict) -> list[dialogs.KeyRow]:
        rows = []
        for act in menu.actions():
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                             for k in act.shortcuts())
            if keys:
                text = fixed.get(act) or act.text().replace("&&", "\0").replace("&", "") \
                    .replace("\0", "&").rstrip("…")
                rows.append((keys, text))
        return rows

    def edit_codebook(self) -> None:
        if self.session.project is None:
            return
        from annotator.gui.codebook_editor import CodebookEditor

        self.codebook_dialog = CodebookEditor(self.session.project, self)
        self.codebook_dialog.accepted.connect(self.session.projectChanged.emit)
        self.codebook_dialog.open()

    def show_agreement(self) -> None:
        """The agreement review window, when this installation has it."""
        if self.session.project is None:
            return
        try:
            from annotator.gui.review.window import AgreementWindow
        except ImportError:
            self.statusBar().showMessage("The agreement window is not available", 5000)
            return
        self.agreement_window = AgreementWindow(self.session.project.path, self)
        self.agreement_window.show()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.stop_suggest()
        self.session.close()
        super().closeEvent(event)

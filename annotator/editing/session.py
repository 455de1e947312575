"""A coder's editing session without Qt: project, coder, current article, focus, the variable
the number keys set, undo history and saving.

Every action builds a `commands` Edit (applied and saved at once), records it in the
`History`, re-reads the article and announces the change as an event (`session.events`):
project_changed, article_loaded, state_changed, focus_changed, variable_changed,
history_changed, saved(text), failed(text), message(text). Views redraw from those events only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from annotator import commands
from annotator.commands import Edit
from annotator.core.errors import UserError
from annotator.core.model import Coder, Kind, Role
from annotator.editing import spans
from annotator.editing.article_state import ArticleState, ClaimRow, Key, load_article_state
from annotator.editing.events import Events
from annotator.editing.history import History, Step, combine
from annotator.project import Project

EVENTS = ("project_changed", "article_loaded", "state_changed", "focus_changed",
          "variable_changed", "history_changed", "saved", "failed", "message")


class EditingSession:
    def __init__(self) -> None:
        self.events = Events(*EVENTS)
        self.project: Project | None = None
        self.coder: Coder | None = None
        self.state: ArticleState | None = None
        self.focus: Key | None = None
        self.variable: str | None = None
        self.blind = False
        self._seen: commands.Seen | None = None  # the focused claim as shown, for the edit in hand
        self.history = History(self._after, lambda: self.events.emit("history_changed"))
        self._pending_focus: Key | None = None

    # ---- project and article --------------------------------------------------------------
    def set_project(self, project: Project, coder_name: str) -> None:
        """Code `project` as `coder_name`; a coder file refuses any name but its own
        (UserError, and the project open before stays open)."""
        project.check_coder(coder_name)
        if self.project is not None:
            self.project.close()
        self.project = project
        self.coder = project.ensure_coder(coder_name)
        self.state = None
        self.focus = None
        self.history.clear()
        claim_vars = project.codebook.at_level("claim")
        self.variable = claim_vars[0].name if claim_vars else None
        self.events.emit("project_changed")

    def close(self) -> None:
        if self.project is not None:
            self.project.close()
            self.project = None
            self.state = None

    @property
    def proj(self) -> Project:
        """The open project, in code that runs only while one is open."""
        assert self.project is not None
        return self.project

    @property
    def me(self) -> Coder:
        assert self.coder is not None
        return self.coder

    @property
    def article_id(self) -> int | None:
        return self.state.article.id if self.state else None

    def load_article(self, article_id: int) -> None:
        if self.project is None or self.coder is None:
            return
        self.state = load_article_state(self.project, article_id, self.me.id, self.blind)
        # ready for A/R at once: focus the first pending suggestion, if any
        self.focus = next((r.key for r in self.state.rows if r.suggested), None)
        self.events.emit("article_loaded")
        self.events.emit("focus_changed")

    def reload(self, suggestions_changed: bool = False) -> None:
        """Re-read the article after an edit (the text and suggestions stay, unless told)."""
        if self.project is None or self.coder is None or self.state is None:
            return
        old_rows = [r.key for r in self.state.rows]
        self.state = load_article_state(self.project, self.state.article.id, self.me.id,
                                        self.blind,
                                        None if suggestions_changed else self.state)
        self.events.emit("state_changed")
        if self.focus is not None and self.state.row(self.focus) is None:
            # the focused row went away (accepted, rejected, undone): focus its neighbour
            i = old_rows.index(self.focus) if self.focus in old_rows else 0
            rows = self.state.rows
            self.focus = rows[min(i, len(rows) - 1)].key if rows else None
        self.events.emit("focus_changed")

    def set_blind(self, blind: bool) -> None:
        self.blind = blind
        if self.state is not None:
            self.reload(suggestions_changed=True)

    # ---- running edits --------------------------------------------------------------------
    def run(self, build: Callable[[], Edit | list[Edit]], text: str | None = None) -> Edit | None:
        """Apply an edit now (it is saved when this returns) and make it undoable."""
        if self.project is None:
            return None
        try:
            result = build()
        except UserError as exc:
            self._failed(exc)
            if isinstance(exc, commands.StaleEdit):
                self._reread()
            return None
        edit = combine(text or result[-1].text, result) if isinstance(result, list) else result
        if edit.empty:
            return edit
        self.history.push(edit, self.article_id)
        self._saved(edit.text)
        self.reload()
        return edit

    def undo(self) -> None:
        if self.project is not None:
            self.history.undo(self.project.db)

    def redo(self) -> None:
        if self.project is not None:
            self.history.redo(self.project.db)

    def _after(self, cmd: Step, error: UserError | None) -> None:
        """After an undo or redo: show the article it touched and whether it was saved."""
        if error is not None:
            self._failed(error)
            if isinstance(error, commands.StaleEdit):
                self._reread(cmd.article_id)
                return
        else:
            self._saved(f"{cmd.last}: {cmd.edit.text}")
        if cmd.article_id is not None and cmd.article_id != self.article_id:
            self.load_article(cmd.article_id)
            self.events.emit("state_changed")  # the coding changed too: counts, statuses
        else:
            self.reload()

    def _reread(self, article_id: int | None = None) -> None:
        """Show the article as the file has it now (another window changed it)."""
        aid = article_id if article_id is not None else self.article_id
        focus = self.focus
        if aid is not None:
            self.load_article(aid)
        if self.state is not None and self.state.row(focus) is not None:
            self.set_focus(focus)  # the claim is still there: keep it focused

    def seen(self, kind: Kind, row_id: int) -> commands.Seen | None:
        """The claim or source as this window shows it: an edit made on it is refused when the
        file's row differs (another window on the same coder changed or deleted it)."""
        state = self.state
        if state is None:
            return None
        if kind == Kind.CLAIM:
            c = next((c for c in state.claims if c.id == row_id), None)
            return None if c is None else commands.seen_claim(c)
        s = state.sources.get(row_id) if kind == Kind.SOURCE else None
        return None if s is None else commands.seen_source(s)

    def _saved(self, what: str) -> None:
        self.events.emit("saved", f"Saved {datetime.now():%H:%M:%S} ({what})")

    def _failed(self, exc: UserError) -> None:
        self.events.emit("failed", f"NOT saved: {exc}")

    def apply(self, builder: Callable[..., Edit], *args, **kwargs) -> Callable[[], Edit]:
        assert self.project is not None
        return lambda: self.proj.apply(builder, *args, **kwargs)

    # ---- focus ----------------------------------------------------------------------------
    def focused_row(self) -> ClaimRow | None:
        return self.state.row(self.focus) if self.state else None

    def set_focus(self, key: Key | None) -> None:
        if key != self.focus:
            self.focus = key
            self.events.emit("focus_changed")

    def step_focus(self, step: int, only_suggested: bool = False) -> None:
        if self.state is None:
            return
        rows = [r for r in self.state.rows if r.suggested or not only_suggested]
        if not rows:
            return
        keys = [r.key for r in rows]
        if self.focus in keys:
            i = keys.index(self.focus) + step
        else:  # from the focused row's position among all rows
            cur = self.focused_row()
            pos = cur.start if cur else -1
            after = [k for k, r in zip(keys, rows, strict=True) if r.start > pos]
            i = keys.index(after[0]) if after and step > 0 else (len(keys) - 1 if step < 0 else 0)
        self.set_focus(keys[max(0, min(i, len(keys) - 1))])

    def cycle_variable(self, step: int = 1) -> None:
        if self.project is None:
            return
        names = [v.name for v in self.project.codebook.at_level("claim")]
        if not names:
            return
        i = names.index(self.variable) if self.variable in names else -1
        self.set_variable(names[(i + step) % len(names)])

    def set_variable(self, name: str) -> None:
        self.variable = name
        self.events.emit("variable_changed")

    # ---- suggestions ----------------------------------------------------------------------
    def accept(self, key: Key | None = None) -> None:
        self._decide(commands.accept_suggestion, "accept", key)

    def reject(self, key: Key | None = None) -> None:
        self._decide(commands.reject_suggestion, "reject", key)

    def _decide(self, builder: Callable[..., Edit], verb: str, key: Key | None) -> None:
        """Accept or reject the suggestion at `key` (the focused one), then move on."""
        key = key or self.focus
        if key is None or not key[1] or self.coder is None:
            self.events.emit("message", f"Nothing to {verb}: focus a suggestion first (J/K)")
            return
        row = self.state.row(key) if self.state else None
        self.run(self.apply(builder, self.me.id, key[2]))
        self._focus_next_after(row.start if row else 0)

    def _focus_next_after(self, where: int) -> None:
        """After a decision, move on to the next pending suggestion after it in the text."""
        if self.state is None:
            return
        nxt = next((r.key for r in self.state.rows if r.suggested and r.start >= where), None)
        nxt = nxt or next((r.key for r in self.state.rows if r.suggested), None)
        self.set_focus(nxt or self.focus)

    def _claim_id(self, edits: list[Edit]) -> int | None:
        """The focused claim's id, accepting it first when it is a suggestion."""
        row = self.focused_row()
        if row is None or self.coder is None or self.project is None:
            return None
        if not row.suggested:
            self._seen = self.seen(Kind.CLAIM, row.key[2])
            return row.key[2]
        self._seen = None  # made in this very step: nothing else can have changed it
        edit = self.proj.apply(commands.accept_suggestion, self.me.id, row.key[2])
        edits.append(edit)
        created = edit.created(Kind.CLAIM)
        return created[0] if created else None

    def _on_claim(self, text: str, change: Callable[[int], Edit]) -> None:
        """Run `change` on the focused claim; on a suggestion, accept it in the same step."""
        row = self.focused_row()
        if row is None or not row.is_claim:
            self.events.emit("message", "No claim focused: pick one in the list or with J/K"
                             if row is None else f"This is a {row.status}, not a claim: A "
                             "accepts it, R rejects it; J moves on to a claim")
            return
        made: list[Edit] = []

        def build() -> list[Edit]:
            cid = self._claim_id(made)
            if cid is None:
                return made
            made.append(change(cid))
            self._pending_focus = (Kind.CLAIM, False, cid)
            return made

        self._pending_focus = None
        self.run(build, text)
        if self._pending_focus:
            self.set_focus(self._pending_focus)

    # ---- claim edits ----------------------------------------------------------------------
    def set_value(self, variable: str, code: str | None) -> None:
        self._on_claim(f"Set {variable} to {code or 'nothing'}", lambda cid: self.proj.apply(
            commands.set_claim_value, cid, variable, code, seen=self._seen))

    def set_value_by_shortcut(self, key: str) -> None:
        if self.project is None or self.variable is None:
            return
        var = self.project.codebook.variable(self.variable)
        value = next((v for v in var.values if v.shortcut == key), None) if var else None
        if value is None:
            self.events.emit("message", f"{var.label if var else 'This variable'} has no value on key {key}")
            return
        assert var is not None
        self.set_value(var.name, value.code)

    def set_claim_field(self, text: str, **changes) -> None:
        """Change the focused claim's span (`start`, `end`) or `note`."""
        self._on_claim(text, lambda cid: self.proj.apply(
            commands.update_claim, cid, seen=self._seen, **changes))

    def nudge(self, edge: str, step: int) -> None:
        row = self.focused_row()
        if row is None or self.state is None:
            self.events.emit("message", "No claim focused to adjust")
            return
        start, end = spans.nudge(self.state.text, row.start, row.end, edge, step)
        if (start, end) != (row.start, row.end):
            self.set_claim_field("Change claim boundaries", start=start, end=end)

    def delete_focused(self) -> None:
        row = self.focused_row()
        if row is None:
            return
        if row.suggested:
            self.reject(row.key)
            return
        self.run(self.apply(commands.delete_annotation, Kind.CLAIM, row.key[2],
                            seen=self.seen(Kind.CLAIM, row.key[2])))

    # ---- new spans from a selection -------------------------------------------------------
    def _span(self, start: int, end: int) -> tuple[int, int] | None:
        if self.state is None:
            return None
        start, end = spans.trim(self.state.text, start, end)
        if end <= start:
            self.events.emit("message", "Select some text first")
            return None
        return start, end

    def make_claim(self, start: int, end: int) -> None:
        span = self._span(start, end)
        if span is None or self.coder is None:
            return
        edit = self.run(self.apply(commands.add_claim, self.article_id, self.me.id, *span))
        if edit and edit.created(Kind.CLAIM):
            self.set_focus((Kind.CLAIM, False, edit.created(Kind.CLAIM)[0]))

    def make_source(self, start: int, end: int, type_: str | None,
                    role: Role = Role.SOURCE) -> None:
        """A new source mention; it becomes the focused claim's source (or channel)."""
        span = self._span(start, end)
        if span is None or self.coder is None:
            return
        label = "Add channel" if role == Role.CHANNEL else "Add source"
        self._make_linked(label, Kind.SOURCE,
                          lambda: self.proj.apply(commands.add_source, self.article_id,
                                                  self.me.id, *span, type_),
                          lambda cid, sid: self.proj.apply(commands.link_source, cid, sid,
                                                           role=role, seen=self._seen))

    def make_cue(self, start: int, end: int) -> None:
        span = self._span(start, end)
        if span is None or self.coder is None:
            return
        self._make_linked("Add cue", Kind.CUE, lambda: self.proj.apply(
            commands.add_cue, self.article_id, self.me.id, *span),
            lambda cid, cue: self.proj.apply(commands.link_cue, cid, cue, seen=self._seen))

    def _make_linked(self, text: str, kind: Kind, add: Callable[[], Edit],
                     link: Callable[[int, int], Edit]) -> None:
        """Add a source or cue; with a claim focused, link it to the claim in the same step."""
        row = self.focused_row()
        if row is None or not row.is_claim:
            self.run(add, text)
            return
        made: list[Edit] = []

        def build() -> list[Edit]:
            cid = self._claim_id(made)
            made.append(add())
            new_id = made[-1].created(kind)[0]
            if cid is not None:
                made.append(link(cid, new_id))
                self._pending_focus = (Kind.CLAIM, False, cid)
            return made

        self._pending_focus = None
        self.run(build, text)
        if self._pending_focus:
            self.set_focus(self._pending_focus)

    def link_source(self, source_id: int | None, role: Role = Role.SOURCE) -> None:
        """Make a source mention the focused claim's source or channel (None: unlink)."""
        text = "Set channel" if role == Role.CHANNEL else "Link source to claim"
        self._on_claim(text, lambda cid: self.proj.apply(
            commands.link_source, cid, source_id, role=role, seen=self._seen))

    # ---- sources and article --------------------------------------------------------------
    def set_source_field(self, source_id: int, **changes) -> None:
        """Change a source mention's span, `type` or `canonical` name."""
        self.run(self.apply(commands.update_source, source_id,
                            seen=self.seen(Kind.SOURCE, source_id), **changes))

    def toggle_done(self) -> None:
        if self.state is None or self.coder is None:
            return
        status = "in_progress" if self.state.status == "done" else "done"
        pending = sum(1 for r in self.state.rows if r.suggested)
        self.run(self.apply(commands.set_article_status, self.article_id, self.me.id, status))
        if status == "done" and pending:
            # allowed (a coder may disagree with every suggestion), but never by accident
            # the warning itself stays in the status bar (the window's warning label)
            self.events.emit("message", "Marked done; Ctrl+D again reopens the article")

    def set_article_note(self, note: str) -> None:
        if self.state is None or self.coder is None or note == self.state.note:
            return
        self.run(self.apply(commands.set_article_note, self.article_id, self.me.id, note))

    def set_article_value(self, variable: str, value: str | None) -> None:
        if self.state is None or self.coder is None:
            return
        self.run(self.apply(commands.set_article_value, self.article_id, self.me.id,
                            variable, value))

    def click_source(self, mark, replace: bool = False) -> bool:
        """A click on a source mark with a claim focused: it becomes the claim's source (a
        channel mark: its channel) when the claim has none yet. A claim that has one keeps it
        unless `replace` (Ctrl+click): a stray click never relinks. False when the claim
        already has this very mention."""
        row = self.focused_row()
        state = self.state
        if mark.kind != Kind.SOURCE or row is None or not row.is_claim or state is None:
            return False
        role = Role.CHANNEL if mark.channel else Role.SOURCE
        current = self._linked_span(row, role)
        if current == (mark.start, mark.end):
            return False
        if current is not None and not replace:
            self.events.emit("message", f"Ctrl+click makes “{state.text[mark.start:mark.end]}” "
                             f"the claim's {role} instead of “{state.text[slice(*current)]}”")
            return True
        self.link_mark(mark)
        return True

    def _linked_span(self, row: ClaimRow, role: Role) -> tuple[int, int] | None:
        """The span of the claim's source or channel (a suggested claim: the suggested one)."""
        state = self.state
        assert state is not None
        if not row.suggested:
            sid = row.channel_id if role == Role.CHANNEL else row.source_id
            s = state.sources.get(sid) if sid is not None else None
            return (s.start, s.end) if s else None
        sug = state.suggested_claim(row.key[2])
        ref = (sug.channel if role == Role.CHANNEL else sug.source) if sug else None
        found = next((s for s in state.suggestions.sources if s.id == ref), None) \
            if state.suggestions and ref is not None else None
        return (found.start, found.end) if found else None

    def link_mark(self, mark) -> None:
        """Make a clicked source (the coder's or a suggested one) the focused claim's source;
        a channel mark (op Twitter) becomes its channel, never its source."""
        if mark.kind != Kind.SOURCE:
            return
        role = Role.CHANNEL if mark.channel else Role.SOURCE
        text = "Set channel" if role == Role.CHANNEL else "Link source to claim"
        if not mark.suggested:
            self.link_source(mark.id, role)
            return

        def change(cid: int) -> Edit:
            adopt = self.proj.apply(commands.accept_suggestion, self.me.id, mark.id)
            sid = adopt.created(Kind.SOURCE)
            if not sid:  # the coder already had this span: find it
                sid = [s.id for s in self.proj.sources(self.me.id, self.article_id)
                       if (s.start, s.end) == (mark.start, mark.end)]
            link = self.proj.apply(commands.link_source, cid, sid[0], role=role,
                                   seen=self._seen)
            return combine(text, [adopt, link])

        self._on_claim(text, change)

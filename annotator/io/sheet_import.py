"""Read a coding sheet edited in Excel back as the changes to one coder's annotations.

`read_changes(project, path, coder)` reads the claim-level coded columns and `note` of the
Claims sheet and `type` of the Sources sheet, for the rows of that coder, matched by claim and
source id. Only cells the user changed since the export count (the hidden Exported sheet holds
fingerprints of what was exported, see `sheet_record`): an older sheet never reverts later
edits, and a cell changed both in the sheet and in the project is a conflict. Everything is checked first against the codebook; any problem is reported with
sheet, row and column, and then nothing is applied. Otherwise `annotator.sheet.readback` applies
every change as an undoable Edit (the same ones the window makes), all in one transaction.
Spans and texts are not edited through the sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from openpyxl.utils import get_column_letter

from annotator.core.codebook import Codebook, Variable
from annotator.core.errors import UserError
from annotator.core.model import Claim, Coder, SourceMention
from annotator.core.textcheck import find_problem
from annotator.io import sheet_reader as SR
from annotator.io import sheet_record as R
from annotator.io.cells import as_in_sheet
from annotator.io.sheet_tables import (
    FORMER_NAMES,
    SHEET_FORMAT,
    SUGGESTED,
    claim_columns,
    claim_variables,
    source_columns,
)

MAX_PROBLEMS = 200


class SheetImportError(UserError):
    """The sheet cannot be read back; `problems` lists each one (sheet, row, column: what)."""

    def __init__(self, path: Path, problems: list[str]):
        self.problems = problems
        shown = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown)
        body = "\n  ".join(shown) + (f"\n  ... and {more} more" if more else "")
        super().__init__(f"nothing was applied; {len(problems)} problem(s):\n  {body}",
                         path=path)


CLAIM, SOURCE = "claim", "source"  # what a change edits


@dataclass(frozen=True)
class Change:
    """One value to set: `what` is a claim variable, `note` or the source `type`."""

    kind: str  # CLAIM or SOURCE
    row_id: int
    what: str
    value: str | None
    where: str


@dataclass
class SheetChanges:
    """What a checked sheet asks for: the changes, and notes on what was not read."""

    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        claims = {c.row_id for c in self.changes if c.kind == CLAIM}
        sources = {c.row_id for c in self.changes if c.kind == SOURCE}
        out = [f"applied {len(self.changes)} change(s) to {len(claims)} claim(s) and "
               f"{len(sources)} source(s)"]
        return out + [f"  note: {n}" for n in self.notes]


class SheetProject(Protocol):
    """What reading a sheet back needs to know of the project (`annotator.project.Project`)."""

    @property
    def path(self) -> Path: ...
    @property
    def project_id(self) -> str: ...
    @property
    def codebook(self) -> Codebook: ...
    def claims(self) -> list[Claim]: ...
    def sources(self, coder_id: int | None = None) -> list[SourceMention]: ...
    def article_text(self, article_id: int) -> str: ...


class _Reader:
    """Checks a workbook against the project and collects changes and problems."""

    def __init__(self, project: SheetProject, path: Path, coder: Coder):
        self.project, self.path, self.coder = project, path, coder
        self.book = project.codebook
        self.changes: list[Change] = []
        self.problems: list[str] = []
        self.notes: list[str] = []
        self.ignored: list[str] = []
        self.sources: dict[int, Any] = {}  # the coder's source mentions by id
        self.record: R.Record | None = None
        self.gone = 0  # untouched rows of claims or sources deleted since the export
        self._text: tuple[int, str] = (-1, "")

    def problem(self, sheet: str, row: int, column: int | None, name: str, text: str) -> None:
        col = f", column {get_column_letter(column + 1)} ({name})" if column is not None else ""
        self.problems.append(f"{sheet} row {row}{col}: {text}")

    # ---- whole workbook ------------------------------------------------------------------
    def read(self) -> None:
        wb = SR.open_workbook(self.path)
        try:
            self.check_about(wb)
            self.record = R.read_record(wb)
            if self.record is None:
                self.notes.append("this sheet has no record of the exported values (written by "
                                  "an older annotator): cells were compared with the project's "
                                  "current values, so an edit made in the project after the "
                                  "export is overwritten by the sheet's value")
            self.read_claims(wb["Claims"])
            if "Sources" in wb.sheetnames:
                self.read_sources(wb["Sources"])
            else:
                self.notes.append("no Sources sheet; source types were not read")
            if self.gone:
                self.notes.append(f"{self.gone} untouched row(s) of claims or sources deleted in "
                                  "the project since the export were skipped")
        finally:
            wb.close()

    def check_about(self, wb: Any) -> None:
        if "About" not in wb.sheetnames or "Claims" not in wb.sheetnames:
            raise UserError("not a coding sheet exported by annotator (it needs the Claims and "
                            "the hidden About sheet)", path=self.path)
        facts = SR.about_facts(wb["About"])
        if facts.get("format") != SHEET_FORMAT:
            raise UserError("the About sheet does not describe an annotator coding sheet",
                            path=self.path)
        theirs, ours = facts.get("project_id", ""), self.project.project_id
        if theirs != ours:
            raise UserError(
                f"this workbook was exported from another project (id {theirs or 'missing'}, "
                f"file {facts.get('project_file') or '?'}), not from {self.project.path.name} "
                f"(id {ours}); nothing was applied", path=self.path)

    def columns(self, ws: Any, expected: list[str]) -> dict[str, int]:
        """Column index by name, after checking that the header names exactly the columns."""
        found: dict[str, int] = {}
        for i, name in enumerate(SR.header(ws)):
            if name is None or name == "":
                continue
            name = _current_name(name, expected)
            if name in found:
                self.problem(ws.title, 1, i, name, "this column name appears twice")
            elif name not in expected:
                self.problem(ws.title, 1, i, name, f"unknown column {name!r}; keep the exported "
                             "column names (expected " + ", ".join(expected) + ")")
            found.setdefault(name, i)
        for name in expected:
            if name not in found:
                self.problems.append(f"{ws.title} row 1: the column {name!r} is missing "
                                     "(renamed or deleted?)")
        return found

    def check_merged(self, ws: Any, cols: dict[str, int], read: list[str]) -> None:
        wanted = {cols[n]: n for n in read if n in cols}
        for min_col, min_row, max_col, max_row in SR.merged_ranges(ws):
            hit = [wanted[c - 1] for c in range(min_col, max_col + 1) if c - 1 in wanted]
            if hit and max_row >= 2:
                self.problem(ws.title, max(min_row, 2), min_col - 1, hit[0],
                             f"merged cells ({get_column_letter(min_col)}{min_row}:"
                             f"{get_column_letter(max_col)}{max_row}); unmerge them")

    # ---- Claims --------------------------------------------------------------------------
    def read_claims(self, ws: Any) -> None:
        cols = self.columns(ws, [c.name for c in claim_columns(self.book)])
        variables = [v for v in claim_variables(self.book) if self.book.variable(v)]
        if self.problems:
            return
        self.check_merged(ws, cols, ["coder", "claim_id", "claim_origin", "note", *variables])
        claims = {c.uid: c for c in self.project.claims()}
        self.sources = {s.id: s for s in self.project.sources(coder_id=self.coder.id)}
        mine = {c.uid for c in claims.values() if c.coder_id == self.coder.id}
        seen: dict[str, int] = {}
        for number, cells in SR.data_rows(ws):
            uid = self.row_key(ws, number, cells, cols, "claim_id", "claim_origin")
            if uid is None:
                continue
            if uid not in claims and self.record is not None and self.record.has(ws.title, uid):
                self.deleted(ws, number, cells, cols, uid, R.claim_fields(self.book))
                continue
            claim = self.find(ws, number, cols["claim_id"], "claim_id", uid, claims, seen)
            if claim is None:
                continue
            for name in variables:
                self.coded(ws, number, cells, cols[name], self.book.require(name),
                           claim.values.get(name), (CLAIM, claim.id, uid))
            self.note(ws, number, cells, cols["note"], claim, uid)
            self.read_only(ws, number, cells, cols, claim)
        if self.ignored:
            self.notes.append("changes to spans, texts and other read-only columns were ignored "
                              "(the sheet does not edit them): " + "; ".join(self.ignored[:20])
                              + (f"; and {len(self.ignored) - 20} more"
                                 if len(self.ignored) > 20 else ""))
        missing = len(mine - set(seen))
        if missing:
            self.notes.append(f"{missing} claim(s) of {self.coder.name} are not in the sheet; "
                              "they stay as they are")

    def row_key(self, ws: Any, number: int, cells: tuple, cols: dict[str, int],
                key: str, origin: str) -> str | None:
        """The row's id if it is one of this coder's rows to read, else None."""
        coder = self.text(ws, number, cells, cols["coder"], "coder")
        made = self.text(ws, number, cells, cols[origin], origin)
        if coder != self.coder.name or made == SUGGESTED:
            return None
        uid = self.text(ws, number, cells, cols[key], key)
        if not uid:
            self.problem(ws.title, number, cols[key], key,
                         f"empty; each row of {self.coder.name} needs its {key}")
        return uid or None

    def find(self, ws: Any, number: int, col: int, name: str, uid: str, known: dict,
             seen: dict[str, int]) -> Any:
        item = known.get(uid)
        if item is None:
            self.problem(ws.title, number, col, name, f"no {name[:-3]} {uid!r} in this project")
        elif item.coder_id != self.coder.id:
            self.problem(ws.title, number, col, name,
                         f"{name[:-3]} {uid!r} belongs to another coder, not {self.coder.name}")
        elif uid in seen:
            self.problem(ws.title, number, col, name,
                         f"{name[:-3]} {uid!r} appears twice (also row {seen[uid]})")
        else:
            seen[uid] = number
            return item
        return None

    def coded(self, ws: Any, number: int, cells: tuple, col: int, var: Variable,
              stored: str | None, target: tuple[str, int, str]) -> None:
        try:
            value = self.code_in(cells, col, var)
        except (SR.Problem, ValueError) as exc:
            self.problem(ws.title, number, col, var.name, str(exc))
            return
        if self.changed(ws, number, col, var.name, target[2], value, stored,
                        fallback=value != stored):
            self.add(target[0], target[1], var.name, value, ws, number)

    @staticmethod
    def code_in(cells: tuple, col: int, var: Variable) -> str | None:
        raw = SR.cell_value(_cell(cells, col))
        return var.check(raw.strip() if isinstance(raw, str) else raw)

    @staticmethod
    def note_in(cells: tuple, col: int) -> str:
        raw = SR.cell_value(_cell(cells, col))
        return "" if raw is None else str(raw)

    def note(self, ws: Any, number: int, cells: tuple, col: int, claim: Any, uid: str) -> None:
        try:
            text = self.note_in(cells, col)
        except SR.Problem as exc:
            self.problem(ws.title, number, col, "note", str(exc))
            return
        problem = find_problem(text, "the note")  # _x0000_ in a cell reads back as NUL
        if problem:
            self.problem(ws.title, number, col, "note", problem)
            return
        if self.changed(ws, number, col, R.NOTE, uid, text, claim.note,
                        fallback=text not in (claim.note, as_in_sheet(claim.note))):
            self.add(CLAIM, claim.id, "note", text, ws, number)

    def changed(self, ws: Any, number: int, col: int, field: str, uid: str, value: str | None,
                stored: str | None, *, fallback: bool) -> bool:
        """Whether to apply `value`: the user changed the cell since the export and the project
        did not change it meanwhile (that is a conflict, reported). `fallback` decides for a
        sheet without a record of the exported values."""
        exported = self.record.get(ws.title, uid, field) if self.record is not None else None
        if exported is None:
            return fallback
        at_export, in_sheet = exported
        if R.fingerprint(value) == in_sheet or value == stored:
            return False  # untouched, or already so in the project
        if R.fingerprint(stored) != at_export:
            self.problem(ws.title, number, col, field,
                         f"conflict: changed in the sheet (to {_show(value)}) and in the project "
                         f"since the export (now {_show(stored)}); type the project's value to "
                         "keep it, or export a new sheet")
            return False
        if at_export != in_sheet:
            self.problem(ws.title, number, col, field,
                         "this text was cut or cleaned for Excel at export, so the cell does not "
                         "hold all of it; edit it in the app instead")
            return False
        return True

    def deleted(self, ws: Any, number: int, cells: tuple, cols: dict[str, int], uid: str,
                fields: list[str]) -> None:
        """A row whose claim or source was deleted since the export: fine while untouched."""
        assert self.record is not None
        for name in fields:
            col = cols[name]
            var = self.book.variable(name)
            try:
                value = self.note_in(cells, col) if var is None else self.code_in(cells, col, var)
            except (SR.Problem, ValueError):
                value = None
            exported = self.record.get(ws.title, uid, name)
            if exported is not None and R.fingerprint(value) != exported[1]:
                self.problem(ws.title, number, col, name,
                             f"conflict: {uid!r} was deleted in the project since the export, "
                             "so this edit cannot be applied")
                return
        self.gone += 1

    def read_only(self, ws: Any, number: int, cells: tuple, cols: dict[str, int],
                  claim: Any) -> None:
        """Note edits of offsets, claim text and source type: the sheet does not apply them."""
        if self._text[0] != claim.article_id:
            self._text = (claim.article_id, self.project.article_text(claim.article_id))
        source = self.sources.get(claim.source_id) if claim.source_id else None
        exported = {"start": claim.start, "end": claim.end,
                    "claim_text": as_in_sheet(self._text[1][claim.start:claim.end]),
                    "source_type": source.type if source else None}
        for name, want in exported.items():
            try:
                got = SR.cell_value(_cell(cells, cols[name]))
            except SR.Problem:
                got = "?"
            if got != want and not (got in (None, "") and want in (None, "")):
                hint = " (edit the type in the Sources sheet)" if name == "source_type" else ""
                self.ignored.append(f"{ws.title} row {number} column {name}{hint}")

    def text(self, ws: Any, number: int, cells: tuple, col: int, name: str) -> str:
        try:
            raw = SR.cell_value(_cell(cells, col))
        except SR.Problem as exc:
            self.problem(ws.title, number, col, name, str(exc))
            return ""
        return "" if raw is None else str(raw).strip()

    def add(self, kind: str, row_id: int, what: str, value: str | None, ws: Any,
            number: int) -> None:
        self.changes.append(Change(kind, row_id, what, value, f"{ws.title} row {number}"))

    # ---- Sources -------------------------------------------------------------------------
    def read_sources(self, ws: Any) -> None:
        before = len(self.problems)
        cols = self.columns(ws, [c.name for c in source_columns(self.book)])
        var = self.book.variable("type")
        if len(self.problems) > before or var is None or var.level != "source":
            return
        self.check_merged(ws, cols, ["coder", "source_id", "source_origin", "type"])
        sources = {s.uid: s for s in self.project.sources()}
        seen: dict[str, int] = {}
        for number, cells in SR.data_rows(ws):
            uid = self.row_key(ws, number, cells, cols, "source_id", "source_origin")
            if uid is None:
                continue
            if uid not in sources and self.record is not None and self.record.has(ws.title, uid):
                self.deleted(ws, number, cells, cols, uid, [R.SOURCE_TYPE])
                continue
            mention = self.find(ws, number, cols["source_id"], "source_id", uid, sources, seen)
            if mention is not None:
                self.coded(ws, number, cells, cols["type"], var, mention.type,
                           (SOURCE, mention.id, uid))


def _current_name(name: str, expected: list[str]) -> str:
    """A column's name in this version: a sheet exported before a rename still reads back."""
    return next((new for new in FORMER_NAMES.get(name, ()) if new in expected), name)


def _show(value: str | None) -> str:
    if value is None or value == "":
        return "empty"
    return repr(value if len(value) <= 40 else value[:40] + "…")


def _cell(cells: tuple, col: int) -> Any:
    return cells[col] if col < len(cells) else None


def read_changes(project: SheetProject, path: Path, coder: Coder) -> SheetChanges:
    """Check the whole sheet; return the changes it asks for, or raise SheetImportError."""
    reader = _Reader(project, Path(path), coder)
    reader.read()
    if reader.problems:
        raise SheetImportError(Path(path), reader.problems)
    return SheetChanges(changes=reader.changes, notes=reader.notes)

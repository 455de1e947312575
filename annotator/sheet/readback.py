"""Read an edited coding sheet back into one coder's annotations, as undoable edits.

`annotator.io.sheet_import` checks the workbook against the project and lists the changes (or
every problem, and then nothing is applied); this module finds the coder and applies each change
as the same Edit the window makes, all in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator import commands
from annotator.core.errors import UserError
from annotator.io import sheet_import as SI
from annotator.io.sheet_import import SOURCE, Change, SheetChanges
from annotator.project import Project


@dataclass
class ImportResult(SheetChanges):
    edits: list[commands.Edit] = field(default_factory=list)


def read_changes(project: Project, path: Path, coder_name: str) -> ImportResult:
    """Check the whole sheet; return the changes it asks for, or raise SheetImportError."""
    coder = project.coder(coder_name)
    if coder is None:
        raise UserError(f"no coder {coder_name!r} in the project", path=project.path)
    found = SI.read_changes(project, path, coder)
    return ImportResult(changes=found.changes, notes=found.notes)


def apply_changes(project: Project, result: ImportResult) -> ImportResult:
    """Apply every change as an Edit, all in one transaction (all or nothing)."""
    with project.db.transaction():
        for ch in result.changes:
            result.edits.append(_edit(project, ch))
    return result


def _edit(project: Project, ch: Change) -> commands.Edit:
    if ch.kind == SOURCE:
        return project.apply(commands.update_source, ch.row_id, type=ch.value)
    if ch.what == "note":
        return project.apply(commands.update_claim, ch.row_id, note=ch.value or "")
    return project.apply(commands.set_claim_value, ch.row_id, ch.what, ch.value)


def import_sheet(project: Project, path: Path, coder_name: str) -> ImportResult:
    """Read the sheet back into `coder_name`'s claims and sources: all of it, or nothing."""
    return apply_changes(project, read_changes(project, path, coder_name))

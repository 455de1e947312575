"""Output files that appear whole or not at all: write to a temporary name, rename at the end."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import UserError
from annotator.core.outpaths import check_output


def temp_name(target: Path) -> Path:
    """A sibling of `target` (same folder, so the rename is atomic), keeping its suffix."""
    return target.with_name(f".{target.stem}.writing-{os.getpid()}{target.suffix}")


def check_writable_dir(target: Path) -> None:
    folder = target.parent if target.parent != Path("") else Path(".")
    if not folder.is_dir():
        raise UserError(f"the folder {folder} does not exist", path=target)


@contextlib.contextmanager
def replacing(*targets: Path, force: bool = False) -> Iterator[list[Path]]:
    """Yield temporary paths for `targets`; on success each replaces its target, on failure the
    temporary files are removed and the targets stay as they were. A target that is a project
    file (or its WAL) is refused unless `force`, and the open project always."""
    for t in targets:
        check_output(t, force=force)
        check_writable_dir(t)
    temps = [temp_name(t) for t in targets]
    try:
        yield temps
        for tmp, target in zip(temps, targets, strict=True):
            os.replace(tmp, target)
    except OSError as exc:
        where = next((t for t, tmp in zip(targets, temps, strict=True)
                      if str(tmp) == str(exc.filename)), targets[0])
        raise UserError(f"cannot write the file ({exc.strerror or exc})", path=where) from exc
    finally:
        for tmp in temps:
            with contextlib.suppress(OSError):
                tmp.unlink()

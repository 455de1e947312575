"""`DIR/manifest.json` binds an output folder to the inputs and settings of its run, so that a
resumed run continues the same job and a different job never mixes into it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from annotator.core.errors import UserError

NAME = "manifest.json"


def bind(out_dir: Path, fingerprint: str, describe: dict[str, Any], restart: bool) -> bool:
    """Create or check the manifest; True when an earlier run of this job is being resumed."""
    path = out_dir / NAME
    if path.exists() and not restart:
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot read the run's manifest ({exc}); use --restart to start "
                            "this folder over", path=path) from exc
        if old.get("fingerprint") != fingerprint:
            raise UserError("this folder holds a run over other inputs or settings "
                            f"({', '.join(old.get('inputs', [])[:3])}...); give a new --out, or "
                            "--restart to discard it", path=out_dir)
        return True
    if out_dir.exists() and any(out_dir.iterdir()) and not path.exists():
        raise UserError("the folder is not empty and holds no annotator run; give an empty or new "
                        "folder", path=out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if restart:
        _clear(out_dir)
    tmp = out_dir / f".{NAME}.tmp"
    tmp.write_text(json.dumps({"fingerprint": fingerprint, **describe}, indent=1), encoding="utf-8")
    os.replace(tmp, path)
    return False


def _clear(out_dir: Path) -> None:
    from annotator.io.corpus_parquet import DONE, TABLES

    for name in (*TABLES, DONE):
        folder = out_dir / name
        if folder.is_dir():
            for p in folder.iterdir():
                p.unlink()

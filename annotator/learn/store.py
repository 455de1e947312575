"""Where a project's model lives and how it is swapped in.

The model is kept beside the project, in `<project file>.models/`, not inside the SQLite file:
a spaCy model is a folder of several MB, the project file is what coders hand in and merge
(packing it would copy the model each time), and a folder can be replaced without a write
transaction on the coders' data. `current.json` names the model folder in use; training
writes a new folder under a temporary name, then replaces `current.json` with `os.replace`
(atomic), so a kill at any moment leaves the previous model in use.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.codebook import Codebook
from annotator.core.errors import UserError

META = "meta.json"
POINTER = "current.json"


class ModelRefused(UserError):
    """A model that must not be used for this project."""


@dataclass
class ModelInfo:
    name: str
    project_id: str
    language: str
    codebook_hash: str
    trained_at: str
    articles: int
    coder: str
    labels: list[str] = field(default_factory=list)
    variables: dict[str, list[str]] = field(default_factory=dict)  # "level.name" -> codes
    thresholds: dict[str, float] = field(default_factory=dict)  # kind -> least score to join
    values: dict[str, str] = field(default_factory=dict)  # "level.name" -> "rules" | "model" | "model>=P"
    link: str = "nearest"  # the source of a claim only the model found (combine.LINKS)
    scores: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    spacy_version: str = ""

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)


def codebook_hash(book: Codebook) -> str:
    """The codebook's identity: any change of a variable or a value changes it."""
    return hashlib.sha256(book.to_json().encode("utf-8")).hexdigest()


def models_dir(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".models")


def read_info(folder: Path) -> ModelInfo:
    """The model's description, refused with a one-line message when missing or malformed."""
    path = folder / META
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ModelInfo(**data)
    except (OSError, ValueError, TypeError) as exc:
        raise ModelRefused(f"not a model folder of annotator ({type(exc).__name__})",
                           path=path) from exc


def current_model(base: Path) -> Path | None:
    """The folder `current.json` under `base` names, or None when no model was trained."""
    pointer = base / POINTER
    if not pointer.is_file():
        return None
    try:
        name = json.loads(pointer.read_text(encoding="utf-8"))["model"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelRefused("the model pointer is unreadable; train again",
                           path=pointer) from exc
    folder = base / str(name)
    if Path(str(name)).name != str(name) or not folder.is_dir():
        raise ModelRefused(f"the model folder {name!r} is missing; train again", path=pointer)
    return folder


def check_model(folder: Path, project_id: str, book: Codebook) -> tuple[ModelInfo, str | None]:
    """(info, stale message or None); a model trained for another project is refused."""
    info = read_info(folder)
    if info.project_id != project_id:
        raise ModelRefused(f"this model was trained for another project (id {info.project_id[:8]}"
                           f"..., this project is {project_id[:8]}...): it is not used",
                           path=folder)
    if info.codebook_hash != codebook_hash(book):
        return info, (f"the codebook changed after the model {info.name!r} was trained "
                      f"({info.trained_at[:10]}): the model is stale, suggestions come from the "
                      "rules only; run 'annotator train' again")
    return info, None


STALE_RUN = 3600.0  # a .training- folder untouched this long is a killed run's leftover


def new_model_folder(base: Path) -> Path:
    """An empty folder for a model being written (a temporary name until it is swapped in);
    leftovers of killed runs are removed first."""
    base.mkdir(parents=True, exist_ok=True)
    now = time.time()
    for old in base.glob(".training-*"):
        with contextlib.suppress(OSError):
            if now - old.stat().st_mtime > STALE_RUN:
                shutil.rmtree(old)
    return Path(tempfile.mkdtemp(prefix=".training-", dir=base))


def swap_in(base: Path, tmp: Path, name: str) -> Path:
    """Rename the finished `tmp` to `name` and point `current.json` at it (atomic replace);
    then remove older model folders and leftovers of killed runs."""
    final = base / name
    if final.exists():
        shutil.rmtree(final)
    os.replace(tmp, final)
    fd, pointer_tmp = tempfile.mkstemp(prefix=".current-", dir=base)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"model": name}, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(pointer_tmp, base / POINTER)
    for old in base.iterdir():  # older models; a run still training keeps its .training- folder
        if old.name in (name, POINTER) or old.name.startswith(".training-"):
            continue
        if old.is_dir() or old.name.startswith(".current-"):
            with contextlib.suppress(OSError):
                shutil.rmtree(old) if old.is_dir() else old.unlink()
    return final

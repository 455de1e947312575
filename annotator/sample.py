"""The bundled sample project: the seed article, imported and suggested, in a user folder."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from annotator.core.model import ArticleRecord
from annotator.core.text import decode_bytes
from annotator.paths import resource
from annotator.project import Project

SAMPLE_ARTICLES = (
    # file, id, title, outlet, date, language
    ("trump_iran_nl.txt", "sample-trump-iran", "Trump waarschuwt Iran", "De Standaard",
     "2020-12-24", "nl"),
)


def user_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "annotator"


def build_sample_project(path: Path, *, suggest: bool = True) -> Project:
    """Create the sample project at `path` (replacing an older copy there)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    project = Project.create(path, language="nl", overwrite=True)
    records = []
    for name, ext_id, title, outlet, date, lang in SAMPLE_ARTICLES:
        text, enc = decode_bytes(resource("samples", name).read_bytes(), name)
        records.append(ArticleRecord(text=text, ext_id=ext_id, title=title, outlet=outlet,
                                     date=date, language=lang, source_file=name, where=name,
                                     encoding=enc))
    project.import_records(records)
    if suggest:
        with contextlib.suppress(ImportError):  # the suggester is optional for the sample
            project.suggest_articles()
    return project


def sample_project_path() -> Path:
    return user_data_dir() / "sample.annotator"


def open_sample_project() -> Project:
    """The user's copy of the sample project, made on first use."""
    path = sample_project_path()
    if path.exists():
        try:
            return Project.open(path)
        except Exception:  # an unusable old copy is rebuilt; it holds only sample data
            path.rename(path.with_name(path.name + ".broken"))
    return build_sample_project(path)

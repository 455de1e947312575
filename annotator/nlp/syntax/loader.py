"""Find and load the trained parser of a language, once, only when syntax is asked for.

The folder comes from the environment (`ANNOTATOR_PARSER_<LANG>`, e.g. ANNOTATOR_PARSER_EN),
else the package data folder `resources/models/<lang>_ud` when it exists. A missing or broken
parser is not an error: the suggester runs on its token rules and says so once.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.paths import resource

if TYPE_CHECKING:
    from spacy.language import Language

_loaded: dict[str, Language | None] = {}
_lock = threading.Lock()
_warned: set[str] = set()


def env_var(lang: str) -> str:
    """The environment variable naming the parser folder of `lang`."""
    return f"ANNOTATOR_PARSER_{lang.upper()}"


def parser_folder(lang: str) -> Path | None:
    """The parser folder for `lang`: the environment's, else the packaged one, else None."""
    named = os.environ.get(env_var(lang), "").strip()
    folder = Path(named) if named else resource("models", f"{lang}_ud")
    return folder if (folder / "meta.json").is_file() else None


def parser_for(lang: str) -> Language | None:
    """The cached parser pipeline of `lang`, or None (with a note on stderr, once) without one."""
    with _lock:
        if lang not in _loaded:
            _loaded[lang] = _load(lang)
        nlp = _loaded[lang]
    if nlp is None:
        note_once(lang, f"no parser for {lang!r} (set {env_var(lang)} to a trained spaCy pipeline)")
    return nlp


def note_once(lang: str, why: str) -> None:
    """Say on stderr, once per language, that suggestions come without syntax, and why."""
    if lang not in _warned:
        _warned.add(lang)
        print(f"note: {why}; suggesting without syntax", file=sys.stderr)


def forget() -> None:
    """Drop the cached parsers and notes (a changed setting takes effect; tests)."""
    with _lock:
        _loaded.clear()
        _warned.clear()


def _load(lang: str) -> Language | None:
    folder = parser_folder(lang)
    if folder is None:
        return None
    import spacy

    try:
        nlp = spacy.load(folder, exclude=["lemmatizer", "ner"])
    except (OSError, ValueError) as exc:  # a half-copied or incompatible folder: go on without it
        print(f"note: the parser at {folder} could not be loaded ({exc})", file=sys.stderr)
        return None
    if "parser" not in nlp.pipe_names:
        print(f"note: {folder} has no dependency parser", file=sys.stderr)
        return None
    return nlp

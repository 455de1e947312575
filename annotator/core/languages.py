"""The languages the app codes: the one list every command, check and menu reads."""

from __future__ import annotations

# code -> name shown to the user; the suggester has word lists for each (resources/nlp/<code>/)
LANGUAGE_NAMES: dict[str, str] = {"nl": "Dutch", "en": "English"}
LANGUAGES: tuple[str, ...] = tuple(LANGUAGE_NAMES)

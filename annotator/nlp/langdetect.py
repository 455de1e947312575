"""Dutch or English, from frequent function words (no spaCy import)."""

from __future__ import annotations

import re
from functools import cache

from annotator.nlp.lexicon import LANGUAGES, stopwords

_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
SAMPLE_CHARS = 20_000  # the opening of an article is plenty to tell its language


@cache
def _stopwords(lang: str) -> frozenset[str]:
    return frozenset(stopwords(lang))


def detect_language(text: str) -> str:
    """"nl" or "en": whichever language's frequent words are more common; "nl" on a tie."""
    counts = dict.fromkeys(LANGUAGES, 0)
    for word in _WORDS.findall(text[:SAMPLE_CHARS].lower()):
        for lang in LANGUAGES:
            if word in _stopwords(lang):
                counts[lang] += 1
    return "en" if counts["en"] > counts["nl"] else "nl"

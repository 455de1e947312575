"""The pipeline's tokenizer: spaCy's own for the language, made faster without changing a token.

spaCy's tokenizer splits text on spaces into chunks and runs its prefix, suffix, infix and URL
regexes on every chunk it has not cached. Two things make that cheaper here: a larger cache, and
no regex at all on a chunk of letters only, which none of those patterns can split.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy import util
from spacy.language import Language
from spacy.tokenizer import Tokenizer

# spaCy's tokenizer caches the tokens of at most 10,000 distinct whitespace-separated chunks and
# then runs its prefix, suffix and infix regexes on every other chunk, for good: a long-lived
# pipeline filled its cache with the first articles' words and then spent ~40% of its tokenizing
# time in those regexes. A news corpus has ~50,000 distinct chunks per 1,000 articles; an entry
# costs ~300 bytes (+23 MB over 3,400 articles), half what the vocabulary keeps for the same words.
TOKENIZER_CACHE_CHUNKS = 500_000


def language_tokenizer(nlp: Language) -> Tokenizer:
    """spaCy's tokenizer for the language ("spacy.Tokenizer.v1"), with a larger cache and its
    regexes skipped on letters-only chunks; built here, because setting a regex afterwards
    makes spaCy reload all its special cases once per regex."""
    defaults = nlp.Defaults
    prefix = util.compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None
    suffix = util.compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None
    infix = util.compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None
    return Tokenizer(nlp.vocab, rules=defaults.tokenizer_exceptions, prefix_search=letters_skip(prefix, None),
                     suffix_search=letters_skip(suffix, None), infix_finditer=letters_skip(infix, ()),
                     token_match=defaults.token_match, url_match=letters_skip(defaults.url_match, None),
                     max_cache_size=TOKENIZER_CACHE_CHUNKS)


class LettersOnlySkip:
    """One of the tokenizer's affix or URL regexes, not run on a chunk of letters only: none of
    spaCy's Dutch or English prefix, suffix, infix or URL patterns can match one (each needs a
    punctuation mark, a symbol, a digit or a dot; tests/nlp/test_pipeline.py checks every
    letter), and most words a tokenizer has not seen yet are letters only."""

    def __init__(self, search: Callable[[str], object], nothing: object):
        self.search, self.nothing = search, nothing
        # what spaCy serialises of a search: the pattern of the regex whose bound method it is
        self.pattern: str = search.__self__.pattern  # type: ignore[attr-defined]

    def find(self, string: str) -> object:
        return self.nothing if string.isalpha() else self.search(string)


def letters_skip(search: Callable[[str], Any] | None, nothing: object) -> Callable[[str], Any] | None:
    """`search` wrapped in `LettersOnlySkip` (the tokens stay the same); None stays None."""
    return LettersOnlySkip(search, nothing).find if search is not None and hasattr(search, "__self__") else search

"""The pipeline's tokenizer: its shortcuts must leave spaCy's tokens exactly as they were."""

from __future__ import annotations

import sys

import pytest

from annotator.nlp.pipeline import build
from annotator.nlp.tokenizer import LettersOnlySkip

LETTERS = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isalpha()]

TEXT = (
    "Kabinet-Rutte: ,,We gaan door.'' Dat zei premier Rutte (VVD) dinsdag in Den Haag. "
    "De kosten stijgen tot €12,5 mln. (zie www.rijksoverheid.nl/begroting) - ofwel 3,2%... "
    "‘Zo’n plan?’ vroeg oud-minister De Jonge. 's Avonds: e-mails, cc'tjes & #hashtags; "
    "“It's the U.S. economy,” she said, adding that Smith's plan (2016-2020) wasn't new. "
    "Ça va? Ökonomen in Zürich, naïeve café-eigenaren, ΑΘΗΝΑ en Москва reageerden niet."
)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_tokenizer_regex_matches_a_letters_only_chunk(lang):
    """What `LettersOnlySkip` relies on: spaCy's searches find nothing in any letter alone, at
    either end of a word or between two letters."""
    tokenizer = build(lang).tokenizer.base
    prefix, suffix = tokenizer.prefix_search.__self__.search, tokenizer.suffix_search.__self__.search
    infix, url = tokenizer.infix_finditer.__self__.search, tokenizer.url_match.__self__.search
    assert [c for c in LETTERS if prefix(c + "a") or prefix(c) or suffix("a" + c) or suffix(c)] == []
    for joined in ("a".join(LETTERS), "A".join(LETTERS), "".join(LETTERS)):
        assert list(infix(joined)) == []
    assert [c for c in LETTERS[::50] if url(c * 3)] == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_skipping_letters_only_chunks_keeps_the_tokens(lang):
    fast = build(lang)
    plain = build(lang)
    for name in ("prefix_search", "suffix_search", "infix_finditer", "url_match"):
        search = getattr(plain.tokenizer.base, name)
        assert isinstance(search.__self__, LettersOnlySkip)
        setattr(plain.tokenizer.base, name, search.__self__.search)
    words = [t.text for t in plain.make_doc(TEXT)]
    assert "€" in words and "Rutte" in words and "(" in words  # affixes were split
    for _ in range(2):  # the second time from the tokenizer's cache
        assert [t.text for t in fast.make_doc(TEXT)] == words


def test_tokenizer_still_serialises():
    import spacy

    tokenizer = build("nl").tokenizer.base
    restored = spacy.blank("nl").tokenizer.from_bytes(tokenizer.to_bytes())
    assert [t.text for t in restored(TEXT)] == [t.text for t in tokenizer(TEXT)]

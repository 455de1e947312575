"""Attribution suggestions: the only package that imports spaCy (lazily).

`suggest.suggest_text` is the public entry point; `pipeline` builds `spacy.blank(lang)` plus the
components in `components`; the rules themselves live in `engine` and friends and read their word
lists from `resources/nlp/<lang>/` through `lexicon`.
"""

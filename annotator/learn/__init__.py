"""Suggestions that learn from the coders (issue 16): training data from a project's coded
articles, spaCy span and span-classifier models kept beside the project, and their use beside
the rules. Only this package and `annotator.nlp` import spaCy; `data`, `store` and `combine`
import none of it.
"""

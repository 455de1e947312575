"""annotator: code news articles for sourcing, attribution and certainty research."""

__version__ = "0.1.0"

"""Reviewing agreement between coders: the report, confusion heatmaps, the disagreement list
and settling disagreements into the consensus coder.

The coding window opens it with `open_agreement_window(self, project_path)`."""

from annotator.gui.review.window import AgreementWindow, open_agreement_window

__all__ = ["AgreementWindow", "open_agreement_window"]

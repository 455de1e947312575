"""The suggester validated as one more coder against the human coders (`annotator validate`).

`machine` builds the suggester's coding as a real coder's work in a copy of the project;
`units` scores its sources, cues and claims as `annotator evaluate` does; `report` runs the
agreement engine on it exactly as `annotator agreement` does, overall and per outlet.
"""

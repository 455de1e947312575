"""Editing a coder's work, without Qt: the session (project, coder, article, focus, the variable
number keys set), its undo history and the events it sends. The GUI's `gui/session.py` only
turns these events into Qt signals; the CLI and tests can drive a session directly."""

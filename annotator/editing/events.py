"""Plain events: a session announces what changed, listeners (a Qt adapter, a test) subscribe."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Events:
    """Named events with their listeners, called in the order they subscribed."""

    def __init__(self, *names: str):
        self._listeners: dict[str, list[Callable[..., Any]]] = {n: [] for n in names}

    def connect(self, name: str, listener: Callable[..., Any]) -> None:
        self._listeners[name].append(listener)  # KeyError on a misspelt event: say it early

    def emit(self, name: str, *args: Any) -> None:
        for listener in list(self._listeners[name]):
            listener(*args)

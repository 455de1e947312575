"""Window sizes that fit the screen the window opens on."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

WIDTH_SHARE, HEIGHT_SHARE = 0.95, 0.92  # room left for the desktop's panels and title bar


def fitting_size(width: int, height: int) -> QSize:
    """`width` x `height`, or less so that the whole window fits on the screen (the agreement
    window opened 860 pixels high on a 768-pixel screen, its Take buttons below the edge)."""
    screen = QApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    room = screen.availableGeometry()
    return QSize(min(width, int(room.width() * WIDTH_SHARE)),
                 min(height, int(room.height() * HEIGHT_SHARE)))

"""Numbers from cells of any type, as `float` reads them."""

from __future__ import annotations

from typing import SupportsFloat, SupportsIndex


def as_float(raw: object) -> float:
    """`float(raw)` for what float accepts (a cell may hold numpy's numbers); TypeError else."""
    if isinstance(raw, (str, bytes, SupportsFloat, SupportsIndex)):
        return float(raw)
    raise TypeError(f"{type(raw).__name__} is not a number")

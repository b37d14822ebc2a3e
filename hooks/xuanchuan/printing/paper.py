"""Paper sizes in millimetres, without the drawing libraries: planning and checks need them
on every build, cairo only when something is drawn."""

from __future__ import annotations

MM = 72 / 25.4  # PDF points per millimetre
PAPER = {"A4": (210, 297), "A3": (297, 420), "A2": (420, 594)}


def paper_size(name: str) -> tuple[float, float]:
    """``A3`` -> (297, 420) mm; ``A3-landscape`` -> (420, 297) mm; a board or banner's
    size in centimetres, ``90x120`` -> (900, 1200) mm."""
    width, cross, height = name.partition("x")
    if cross and width.isdigit() and height.isdigit():
        return int(width) * 10, int(height) * 10
    base, _, orientation = name.partition("-")
    width, height = PAPER[base]
    return (height, width) if orientation == "landscape" else (width, height)

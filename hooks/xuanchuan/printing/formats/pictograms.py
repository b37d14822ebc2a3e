"""The pictogram grid of a poster: each key point in a cell of its own, its icon above or
beside its text.

Every point is set at one size, the largest at which each fits its cell (the grid reads
as one); a point too long for its cell even at the smallest size is an error, as for a
list, never a clipped cell.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...core.messages import msg
from ..drawing import Overflow, Side, colour_of, set_colour
from ..text.pango import Breaks, Face, largest_size, made_even
from .icons import draw_icon

_VALIGN = {"top": 0.0, "middle": 0.5, "bottom": 1.0}
# Space between an icon and its text, and inside a coloured cell, as shares of the icon
# and of the cell.
_ICON_SPACE = 0.15
_CELL_PADDING = 0.07


@dataclass(frozen=True)
class Cell:
    """One point's place: the whole cell, its icon's square and its text's box."""

    x: float
    y: float
    w: float
    h: float
    icon_x: float
    icon_y: float
    icon_size: float
    text_x: float
    text_y: float
    text_w: float
    text_h: float


def grid(block, count: int) -> list[Cell]:
    """``count`` cells in rows of at most ``block.across``, rows as even as they can be
    (five points in rows of three: three, then two), a shorter last row centred."""
    rows = math.ceil(count / block.across)
    per_row = math.ceil(count / rows)
    gap = block.gap
    width = (block.w - gap * (per_row - 1)) / per_row
    height = (block.h - gap * (rows - 1)) / rows
    cells = []
    for number in range(count):
        row, column = divmod(number, per_row)
        in_row = min(per_row, count - row * per_row)
        left = block.x + (block.w - (in_row * width + (in_row - 1) * gap)) / 2
        cells.append(_cell(block, left + column * (width + gap), block.y + row * (height + gap),
                           width, height))  # fmt: skip
    return cells


def _cell(block, x: float, y: float, w: float, h: float) -> Cell:
    pad = _CELL_PADDING * min(w, h) if block.cell_fill else 0.0
    inner_w, inner_h = w - 2 * pad, h - 2 * pad
    if block.icon == "above":
        side = min(block.icon_size, inner_h / 2, inner_w)
        space = side * _ICON_SPACE
        return Cell(x, y, w, h, x + (w - side) / 2, y + pad, side,
                    x + pad, y + pad + side + space, inner_w, inner_h - side - space)  # fmt: skip
    side = min(block.icon_size, inner_h, inner_w * 0.4)
    space = side * _ICON_SPACE
    return Cell(x, y, w, h, x + pad, y + (h - side) / 2, side,
                x + pad + side + space, y + pad, inner_w - side - space, inner_h)  # fmt: skip


def draw_pictograms(side: Side, block, content) -> None:
    points = content.points
    if not points:
        return
    context, style = side.context, side.style
    cells = grid(block, len(points))
    size, laid = _fit(side, block, points, cells[0], content.phrases)
    line_height = size * block.line_height
    icon_colour = colour_of(style, block.icon_colour)
    for number, (cell, paragraph) in enumerate(zip(cells, laid, strict=True)):
        if block.cell_fill:
            set_colour(context, colour_of(style, block.cell_fill))
            _rounded(context, cell.x, cell.y, cell.w, cell.h, min(cell.w, cell.h) * 0.06)
            context.fill()
        svg = content.icons[number] if number < len(content.icons) else None
        drawn = svg is not None and draw_icon(
            context, svg, cell.icon_x, cell.icon_y, cell.icon_size, icon_colour
        )
        if not drawn:
            # Never an empty place: the point's number on a disc of the icon's colour.
            _numbered_disc(side, cell, number + 1, icon_colour)
        used = len(paragraph.lines) * line_height
        top = cell.text_y + (cell.text_h - used) * _VALIGN[block.valign]
        set_colour(context, colour_of(style, block.colour))
        for line in range(len(paragraph.lines)):
            paragraph.draw_line(line, cell.text_x, top + line * line_height, line_height)


def _fit(side: Side, block, points, cell: Cell, phrases):
    """The largest size (half-point steps) at which every point fits the text box of its
    cell (all cells are alike), lines made even."""
    typesetter, page, face = side.typesetter, side.page, Face(*side.style.fonts[block.font])
    width, height = cell.text_w, cell.text_h

    def set_all(size, split_words=False):
        units = size * page.point
        return [
            typesetter.paragraph(
                text, face, units, width, breaks=Breaks(phrases, True, split_words)
            )
            for text in points
        ]

    def fits(laid) -> bool:
        return all(
            len(p.lines) * p.size * block.line_height <= height + 1e-6 and p.fits() for p in laid
        )

    def attempt(size):
        laid = set_all(size)
        return laid if fits(laid) else None

    laid = largest_size(block.max_size, block.min_size, attempt)
    if laid:
        return laid[0].size, [
            made_even(typesetter, p, face, width, phrases, block.align) for p in laid
        ]
    laid = set_all(block.min_size, split_words=True)
    if fits(laid):
        # Only a word wider than the cell is in the way: break it, there is no other way.
        return laid[0].size, [p.frame_to(width, block.align) for p in laid]
    units = block.min_size * page.point
    holds = max(int(height // (units * block.line_height)), 0)
    lines = [len(p.lines) for p in laid]
    longest = max(range(len(lines)), key=lambda n: lines[n])
    raise Overflow(
        block.field or "points",
        msg(
            "needs {lines} lines at the smallest size ({smallest} pt) in its pictogram cell "
            "(point {number}) but the cell holds {fit}: about {over} line(s) too long",
            lines=lines[longest],
            smallest=f"{block.min_size:g}",
            number=longest + 1,
            fit=holds,
            over=max(lines[longest] - holds, 1),
        ),
    )


def _numbered_disc(side: Side, cell: Cell, number: int, colour) -> None:
    context, style = side.context, side.style
    radius = cell.icon_size / 2
    set_colour(context, colour)
    context.new_path()
    context.arc(cell.icon_x + radius, cell.icon_y + radius, radius, 0, 2 * math.pi)
    context.fill()
    face = Face(style.fonts["bold"][0], True)
    digit = side.typesetter.paragraph(str(number), face, cell.icon_size * 0.6).frame_to(
        cell.icon_size, "center"
    )
    set_colour(context, style.colours["paper"])
    digit.draw_line(0, cell.icon_x, cell.icon_y, cell.icon_size)


def _rounded(context, x, y, w, h, r) -> None:
    context.new_path()
    context.arc(x + w - r, y + r, r, -math.pi / 2, 0)
    context.arc(x + w - r, y + h - r, r, 0, math.pi / 2)
    context.arc(x + r, y + h - r, r, math.pi / 2, math.pi)
    context.arc(x + r, y + r, r, math.pi, 3 * math.pi / 2)
    context.close_path()

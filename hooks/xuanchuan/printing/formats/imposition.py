"""Laying small items out on sheets of paper, and large ones across several sheets.

A card deck is printed many to a sheet, its backs on the other side: ``Grid`` places the
cards with gutters between them, crop marks outside them, and each back exactly behind
its face when the sheet is printed on both sides, flipped on the long edge. A banner longer
than any printer's paper is printed in pieces: ``tiles`` cuts it into sheets that overlap,
to be glued edge to edge (``draw_tile_marks`` says where to cut and where to glue).

Everything here is in millimetres, on a portrait sheet (a deck) or the sheet the tiles fit
best on, with the origin at the top left.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cairocffi as cairo

# Crop marks: MARK_GAP from the trim line they continue, MARK_LENGTH long (mm), hairlines.
MARK_GAP = 1.5
MARK_LENGTH = 4.0
MARK_WIDTH = 0.25
# Marks inside a gutter keep this far from the cards on either side.
GUTTER_GAP = 0.5


@dataclass(frozen=True)
class Slot:
    """Where one item goes on a sheet: its trim's top left corner and, when ``turned``, a
    quarter turn so that it fits the sheet better (its top faces the sheet's left edge)."""

    x: float
    y: float
    turned: bool


@dataclass(frozen=True)
class Grid:
    """Items of one size in rows and columns on a sheet, centred, ``gutter`` apart."""

    sheet: tuple[float, float]  # portrait, mm
    item: tuple[float, float]  # the item upright, mm
    columns: int
    rows: int
    gutter: float
    turned: bool

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def cell(self) -> tuple[float, float]:
        """An item's trim as it lies on the sheet (turned or not)."""
        width, height = self.item
        return (height, width) if self.turned else (width, height)

    @property
    def origin(self) -> tuple[float, float]:
        """The top left corner of the grid: the grid is centred on the sheet."""
        width, height = self.cell
        used_x = self.columns * width + (self.columns - 1) * self.gutter
        used_y = self.rows * height + (self.rows - 1) * self.gutter
        return (self.sheet[0] - used_x) / 2, (self.sheet[1] - used_y) / 2

    def slots(self) -> list[Slot]:
        """Every place on a sheet, row by row, left to right."""
        width, height = self.cell
        left, top = self.origin
        return [
            Slot(
                left + column * (width + self.gutter),
                top + row * (height + self.gutter),
                self.turned,
            )
            for row in range(self.rows)
            for column in range(self.columns)
        ]

    def face(self, slot: Slot) -> cairo.Matrix:
        """From the item's own millimetres (upright, origin at its top left) to the sheet's."""
        width = self.item[0]
        if slot.turned:
            # Its top along the slot's left edge, its left edge along the slot's bottom.
            return cairo.Matrix(0, -1, 1, 0, slot.x, slot.y + width)
        return cairo.Matrix(1, 0, 0, 1, slot.x, slot.y)

    def back(self, slot: Slot) -> cairo.Matrix:
        """The item's back, upright in its own millimetres, onto the back of the sheet: right
        behind its face once the sheet is turned over on its long (left or right) edge.

        A point of the face at (u, v) is behind the sheet at (sheet width - x, y); the back
        of a card turned over sideways shows that point at (item width - u, v).
        """
        sheet_width = self.sheet[0]
        width = self.item[0]
        if slot.turned:
            return cairo.Matrix(0, 1, -1, 0, sheet_width - slot.x, slot.y)
        return cairo.Matrix(1, 0, 0, 1, sheet_width - slot.x - width, slot.y)

    def trims(self) -> list[tuple[float, float, float, float]]:
        """Every item's trim on a front: (left, top, right, bottom)."""
        width, height = self.cell
        return [(s.x, s.y, s.x + width, s.y + height) for s in self.slots()]


def fit_grid(sheet: tuple[float, float], item: tuple[float, float], gutter: float, margin: float):
    """The grid that holds the most items, upright or turned (upright when equal), keeping
    ``margin`` round it for crop marks; None when not one item fits."""
    best = None
    for turned in (False, True):
        width, height = (item[1], item[0]) if turned else item
        columns = int((sheet[0] - 2 * margin + gutter) // (width + gutter))
        rows = int((sheet[1] - 2 * margin + gutter) // (height + gutter))
        if columns < 1 or rows < 1:
            continue
        if best is None or columns * rows > best.per_sheet:
            best = Grid(sheet, item, columns, rows, gutter, turned)
    return best


def draw_crop_marks(context, grid: Grid) -> None:
    """Hairlines continuing every trim line into the margins round the grid, and short ones
    across the gutters: never inside an item's trim."""
    width, height = grid.cell
    left, top = grid.origin
    right = left + grid.columns * width + (grid.columns - 1) * grid.gutter
    bottom = top + grid.rows * height + (grid.rows - 1) * grid.gutter
    xs = sorted({edge for x0, _, x1, _ in grid.trims() for edge in (x0, x1)})
    ys = sorted({edge for _, y0, _, y1 in grid.trims() for edge in (y0, y1)})
    context.save()
    context.set_source_rgb(0, 0, 0)
    context.set_line_width(MARK_WIDTH)
    context.set_line_cap(cairo.LINE_CAP_BUTT)
    near, far = MARK_GAP, MARK_GAP + MARK_LENGTH
    for x in xs:
        _line(context, x, top - near, x, top - far)
        _line(context, x, bottom + near, x, bottom + far)
        for row in range(grid.rows - 1):
            # Across the gutter under each row, clear of the items above and below it.
            gutter_top = top + (row + 1) * height + row * grid.gutter
            _line(context, x, gutter_top + GUTTER_GAP, x, gutter_top + grid.gutter - GUTTER_GAP)
    for y in ys:
        _line(context, left - near, y, left - far, y)
        _line(context, right + near, y, right + far, y)
        for column in range(grid.columns - 1):
            gutter_left = left + (column + 1) * width + column * grid.gutter
            _line(context, gutter_left + GUTTER_GAP, y, gutter_left + grid.gutter - GUTTER_GAP, y)
    context.stroke()
    context.restore()


def _line(context, x0, y0, x1, y1) -> None:
    context.move_to(x0, y0)
    context.line_to(x1, y1)


# -- tiles -----------------------------------------------------------------------------------

# Round the part of a banner on each sheet: room for the marks and the sheet's label, and
# clear of the edge an office printer cannot print on (about 5 mm).
TILE_MARGIN = 12.0
# Each sheet overlaps the next by this much: the glue strip.
OVERLAP = 10.0


@dataclass(frozen=True)
class Tile:
    """One sheet of a tiled banner: the part of the banner it shows, in the banner's mm."""

    number: int  # from 1
    row: int  # from 1
    column: int  # from 1
    x: float  # the banner's point at the top left of the sheet's printed area
    y: float
    glue_right: bool  # the sheet to its right is glued over its right strip
    glue_below: bool  # the sheet below is glued over its bottom strip


@dataclass(frozen=True)
class Tiling:
    sheet: tuple[float, float]  # the paper as printed on, mm (portrait or landscape)
    area: tuple[float, float]  # the printed area of a sheet
    banner: tuple[float, float]
    tiles: tuple[Tile, ...]

    @property
    def columns(self) -> int:
        return max(tile.column for tile in self.tiles)

    @property
    def rows(self) -> int:
        return max(tile.row for tile in self.tiles)


def tiles(banner: tuple[float, float], paper: tuple[float, float]) -> Tiling:
    """The banner cut into sheets of ``paper`` (portrait size, mm), laid portrait or
    landscape, whichever needs fewer; each overlaps the next by OVERLAP."""
    best = None
    for sheet in (paper, (paper[1], paper[0])):
        area = (sheet[0] - 2 * TILE_MARGIN, sheet[1] - 2 * TILE_MARGIN)
        columns = _pieces(banner[0], area[0])
        rows = _pieces(banner[1], area[1])
        if best is None or columns * rows < best[0]:
            best = (columns * rows, sheet, area, columns, rows)
    _, sheet, area, columns, rows = best
    step_x, step_y = area[0] - OVERLAP, area[1] - OVERLAP
    found = []
    for row in range(rows):
        for column in range(columns):
            found.append(
                Tile(
                    len(found) + 1,
                    row + 1,
                    column + 1,
                    column * step_x,
                    row * step_y,
                    column < columns - 1,
                    row < rows - 1,
                )
            )
    return Tiling(sheet, area, banner, tuple(found))


HATCH_STEP = 3.0  # mm between the glue strips' lines


def _hatching():
    """White diagonal lines, HATCH_STEP apart, as a repeating pattern: the PDF holds one
    square of it, however many strips it fills."""
    step = HATCH_STEP
    square = cairo.RecordingSurface(cairo.CONTENT_COLOR_ALPHA, (0, 0, step, step))
    context = cairo.Context(square)
    context.set_source_rgba(1, 1, 1, 0.8)
    context.set_line_width(0.4)
    # The diagonal, and its neighbours' ends in two corners, so the lines run on unbroken.
    for shift in (-step, 0, step):
        context.move_to(shift, step)
        context.line_to(shift + step, 0)
    context.stroke()
    pattern = cairo.SurfacePattern(square)
    pattern.set_extend(cairo.EXTEND_REPEAT)
    return pattern


def _pieces(length: float, room: float) -> int:
    """Sheets of ``room`` overlapping by OVERLAP that cover ``length`` together."""
    if length <= room:
        return 1
    return math.ceil((length - OVERLAP) / (room - OVERLAP))


def draw_tile_marks(context, tiling: Tiling, tile: Tile) -> None:
    """On one sheet, round its printed area (which starts at TILE_MARGIN, TILE_MARGIN):

    - the glue strips, where the next sheet to the right or below is laid, hatched grey;
    - dashed cut lines continuing the edges that are cut off to lie on a neighbour's strip
      (the left edge after the first column, the top edge after the first row), and the
      same ticks where that edge must lie on this sheet (the inner side of its strips);
    - solid crop marks at the banner's own ends and edges.
    """
    area_w, area_h = tiling.area
    # The banner's part on this sheet, in the sheet's mm.
    shown_w = min(area_w, tiling.banner[0] - tile.x)
    shown_h = min(area_h, tiling.banner[1] - tile.y)
    left, top = TILE_MARGIN, TILE_MARGIN
    right, bottom = left + shown_w, top + shown_h
    context.save()
    # Glue strips, hatched so that they show on any colour of banner.
    strips = []
    if tile.glue_right:
        strips.append((right - OVERLAP, top, OVERLAP, shown_h))
    if tile.glue_below:
        strips.append((left, bottom - OVERLAP, shown_w, OVERLAP))
    for x, y, w, h in strips:
        context.save()
        context.rectangle(x, y, w, h)
        context.set_source_rgba(0.5, 0.5, 0.5, 0.55)
        context.fill_preserve()
        context.set_source(_hatching())
        context.fill()
        context.restore()
    context.set_source_rgb(0, 0, 0)
    context.set_line_width(MARK_WIDTH)
    near, far = MARK_GAP, MARK_GAP + MARK_LENGTH

    def vertical(x, dashed):
        context.set_dash([1.0, 0.8] if dashed else [])
        _line(context, x, top - near, x, top - far)
        _line(context, x, bottom + near, x, bottom + far)
        context.stroke()

    def horizontal(y, dashed):
        context.set_dash([1.0, 0.8] if dashed else [])
        _line(context, left - near, y, left - far, y)
        _line(context, right + near, y, right + far, y)
        context.stroke()

    # Where this sheet is cut: its left and top edges are laid on a neighbour's strip.
    vertical(left, dashed=tile.column > 1)
    horizontal(top, dashed=tile.row > 1)
    # Its right and bottom edges: the banner's own end, or under the next sheet.
    if tile.glue_right:
        vertical(right - OVERLAP, dashed=True)
    else:
        vertical(right, dashed=False)
    if tile.glue_below:
        horizontal(bottom - OVERLAP, dashed=True)
    else:
        horizontal(bottom, dashed=False)
    context.restore()

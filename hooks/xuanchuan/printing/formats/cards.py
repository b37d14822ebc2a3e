"""The safety card deck (宣传扑克): a playing-card deck with a safety tip on every face.

54 cards, as in any deck: four suits of thirteen ranks and two jokers. Each face carries its
rank and suit in two corners, as playing cards do, and one tip in the middle: the
campaign's tips dealt in order, and dealt again from the first when there are fewer than
54, so a repeated tip is still a card of its own. The backs, all alike, carry the
organisation, the campaign and the QR code of its page.

The deck is printed on office paper (A4 or A3), many cards a sheet: fronts on odd pages,
backs on even ones, each back right behind its face when the sheet is printed on both
sides and turned over on its long edge (``imposition.Grid``). Crop marks outside the cards
say where to cut.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, replace

import cairocffi as cairo

from ...core.messages import msg
from ..content import PosterContent
from ..drawing import Overflow, Side, Style, colour_of, pdf_surface, set_colour
from ..layouts import Block, Layout
from ..paper import MM, paper_size
from ..text.pango import Face, Typesetter
from .imposition import MARK_GAP, MARK_LENGTH, Grid, draw_crop_marks, fit_grid
from .poster import draw_side

SUITS = ("♠", "♥", "♣", "♦")  # 黑桃、红桃、梅花、方块
RED_SUITS = ("♥", "♦")
RANKS = ("A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K")
DECK_SIZE = len(SUITS) * len(RANKS) + 2
GUTTER = 3.0  # between cards on a sheet, mm: each cut has room to be a little off
# Round the cards on a sheet, at least: room for the crop marks (A4 holds 3 x 3 cards with
# 7.5 mm at the sides and 13.5 mm above and below, where a line of notes goes too).
SHEET_MARGIN = MARK_GAP + MARK_LENGTH + 0.5
NOTE_SIZE = 6.5  # points


@dataclass(frozen=True)
class Card:
    """One card of the deck: its corner index, its colour and the tip on its face."""

    rank: str  # "A" to "K", or the joker's word
    suit: str  # one of SUITS, or "" for a joker
    red: bool
    tip: str
    tip_number: int  # the tip's place among the campaign's tips, from 1

    @property
    def name(self) -> str:
        """As the team reads it in a message: ♥Q, or the joker's word."""
        return f"{self.suit}{self.rank}"


def deal(tips: tuple[str, ...], joker: str = "JOKER") -> list[Card]:
    """The 54 cards in order (♠A to ♠K, ♥, ♣, ♦, then the black and the red joker), the
    tips dealt one a card, from the first again when they run out."""
    if not tips:
        raise ValueError("a deck needs at least one tip")
    if len(tips) > DECK_SIZE:
        raise Overflow(
            "cards",
            msg(
                "gives {count} tips with the poster's key points, for a deck of {deck} cards: "
                "leave out {over} (the poster's points come first, then cards)",
                count=len(tips),
                deck=DECK_SIZE,
                over=len(tips) - DECK_SIZE,
            ),
        )
    faces = [(rank, suit, suit in RED_SUITS) for suit in SUITS for rank in RANKS]
    faces += [(joker, "", False), (joker, "", True)]
    return [
        Card(rank, suit, red, tips[number % len(tips)], number % len(tips) + 1)
        for number, (rank, suit, red) in enumerate(faces)
    ]


def render_deck(
    layout: Layout, style: Style, content: PosterContent, paper: str, notes: dict
) -> bytes:
    """The deck on sheets of ``paper``: each sheet's fronts, then its backs."""
    cards = deal(content.tips, notes.get("joker", "JOKER"))
    grid = deck_grid(layout, paper)
    face_blocks, back_blocks = layout.sides
    sheets = math.ceil(len(cards) / grid.per_sheet)
    buffer = io.BytesIO()
    surface = pdf_surface(buffer, *grid.sheet, content.title)
    context = cairo.Context(surface)
    context.scale(MM, MM)
    typesetter = Typesetter(context, content.language, style.fallback)
    reach = grid.gutter / 2
    back = _back_pattern(layout, back_blocks, style, content, reach)
    for sheet in range(sheets):
        dealt = cards[sheet * grid.per_sheet : (sheet + 1) * grid.per_sheet]
        slots = grid.slots()[: len(dealt)]
        if sheet:
            surface.show_page()
        draw_crop_marks(context, grid)
        for card, slot in zip(dealt, slots, strict=True):
            context.save()
            context.transform(grid.face(slot))
            _face(context, layout, face_blocks, style, content, card)
            context.restore()
        fields = {"sheet": sheet + 1, "sheets": sheets}
        _note(typesetter, style, notes["front"].format(**fields), grid, top=True)
        _note(typesetter, style, notes["how"], grid, top=False)
        surface.show_page()
        for slot in slots:
            context.save()
            context.transform(grid.back(slot))
            # Half the gutter round it: a back printed a little off its face shows no
            # white edge once cut.
            page = layout.page
            context.rectangle(-reach, -reach, page.width + 2 * reach, page.height + 2 * reach)
            context.clip()
            context.set_source(back)
            context.paint()
            context.restore()
        _note(typesetter, style, notes["back"].format(**fields), grid, top=True)
    surface.finish()
    return buffer.getvalue()


def deck_grid(layout: Layout, paper: str) -> Grid:
    """The cards' places on a sheet of ``paper`` (A4: 3 x 3 upright; A3: 3 x 6 turned)."""
    grid = fit_grid(
        paper_size(paper), (layout.page.width, layout.page.height), GUTTER, SHEET_MARGIN
    )
    if grid is None:
        raise Overflow(
            "cards",
            msg(
                "a card of {width} x {height} mm does not fit on {paper} paper",
                width=f"{layout.page.width:g}",
                height=f"{layout.page.height:g}",
                paper=paper,
            ),
        )
    return grid


def _face(context, layout: Layout, blocks, style: Style, content: PosterContent, card: Card):
    context.rectangle(0, 0, layout.page.width, layout.page.height)
    context.clip()
    try:
        side = Side.of(context, layout.page, style, content.language)
        draw_side(side, blocks, replace(content, tip=card.tip))
    except Overflow as error:
        if error.field != "tip":
            raise
        raise Overflow(f"tip:{card.tip_number}:{card.name}", str(error)) from None
    typesetter = Typesetter(context, content.language, style.fallback)
    for block in blocks:
        if block.type == "index":
            _index(context, typesetter, layout, style, block, card)


def _index(context, typesetter, layout: Layout, style: Style, block: Block, card: Card) -> None:
    """The rank above the suit in the block's box, and the same turned round in the
    opposite corner, as on playing cards; a joker's word letter by letter, down the box."""
    point = layout.page.point
    face = Face(*style.fonts[block.font])
    set_colour(context, colour_of(style, block.fill if card.red else block.colour))
    if card.suit:
        lines = [card.rank, card.suit]
        size = block.max_size * point
        widest = max(typesetter.paragraph(text, face, size).width for text in lines)
        size = min(size, size * block.w / widest, block.h / 2)
    else:
        lines = list(card.rank)
        size = min(block.max_size * point, block.h / len(lines))
    laid = [typesetter.paragraph(text, face, size) for text in lines]
    for turned in (False, True):
        context.save()
        if turned:
            context.translate(layout.page.width, layout.page.height)
            context.rotate(math.pi)
        top = block.y
        for paragraph in laid:
            paragraph.draw_line(0, block.x + (block.w - paragraph.width) / 2, top, size)
            top += size
        context.restore()


def _back_pattern(layout: Layout, blocks, style: Style, content: PosterContent, reach: float):
    """The back, drawn once and shown behind every card (the file holds it once), its
    backgrounds that touch the card's edges running on ``reach`` beyond them."""
    page = layout.page
    extents = (-reach, -reach, page.width + 2 * reach, page.height + 2 * reach)
    recording = cairo.RecordingSurface(cairo.CONTENT_COLOR_ALPHA, extents)
    context = cairo.Context(recording)
    grown = [
        _beyond_edges(block, page, reach) if block.type == "rect" else block for block in blocks
    ]
    draw_side(Side.of(context, page, style, content.language), grown, content)
    return cairo.SurfacePattern(recording)


def _beyond_edges(block: Block, page, reach: float) -> Block:
    """A rectangle that touches an edge of the card, run on ``reach`` beyond it."""
    left, top = block.x, block.y
    right, bottom = left + block.w, top + block.h
    left -= reach if left <= 0 else 0
    top -= reach if top <= 0 else 0
    right += reach if right >= page.width else 0
    bottom += reach if bottom >= page.height else 0
    return replace(block, x=left, y=top, w=right - left, h=bottom - top)


def _note(typesetter: Typesetter, style: Style, text: str, grid: Grid, top: bool) -> None:
    """A line of small print centred above or below the cards, clear of the crop marks."""
    face = Face(*style.fonts["regular"])
    size = NOTE_SIZE * 25.4 / 72
    room = grid.sheet[0] - 2 * SHEET_MARGIN
    line = typesetter.paragraph(text, face, size)
    if line.width > room:
        line = typesetter.paragraph(text, face, size * room / line.width * 0.99)
    left, grid_top = grid.origin
    grid_bottom = grid.sheet[1] - grid_top
    reach = MARK_GAP + MARK_LENGTH + 0.3
    y = grid_top - reach - line.size if top else grid_bottom + reach
    typesetter.context.set_source_rgb(0.25, 0.25, 0.25)
    line.draw_line(0, (grid.sheet[0] - line.width) / 2, y, line.size)

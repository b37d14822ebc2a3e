"""The slogan banner (横幅): one line of text across a long strip, as large as it fits.

Two files: the banner at true size for the print shop, and the same banner tiled on
office paper (A4 or A3), sheets overlapping to be glued together (``imposition.tiles``).

A PDF page may be at most 14,400 units on a side (200 inches, 5.08 m) in Acrobat and most
print workflows. A longer banner is drawn at a fraction of its size on a page whose
``/UserUnit`` (PDF 1.6) makes each unit that many points: still the true size wherever the
file is printed, and only programs that ignore ``/UserUnit`` show it smaller.
"""

from __future__ import annotations

import io
import math

import cairocffi as cairo

from ...core.messages import msg
from ..content import PosterContent
from ..drawing import Overflow, Sheet, Style, colour_of, pdf_surface, set_colour
from ..layouts import BannerLook
from ..paper import MM, paper_size
from ..text.pango import Breaks, Face, Paragraph, Typesetter
from .imposition import TILE_MARGIN, draw_tile_marks, tiles

# The largest side of a PDF page Acrobat opens, in points (PDF reference, appendix C).
LARGEST_PAGE = 14_400
# A sheet's notes keep this far from the ends of its printed area, where the marks are.
NOTE_CLEARANCE = 20.0


def render_banner(
    look: BannerLook, style: Style, content: PosterContent, size: str, bleed: float = 0.0
) -> bytes:
    """The banner at its true size: one page, ``size`` ("500x70") in centimetres; with a
    ``bleed`` (mm) for the print shop, its cloth runs on into the bleed, crop marks stand
    outside it, and TrimBox and BleedBox say where (drawing.Sheet)."""
    width, height = paper_size(size)
    sheet = Sheet(width, height, bleed)
    unit = user_unit(*sheet.media)
    buffer = io.BytesIO()
    media_width, media_height = sheet.media
    surface = pdf_surface(buffer, media_width / unit, media_height / unit, content.slogan)
    context = cairo.Context(surface)
    # From here on in points, as the sheet draws its marks, whatever the page's unit.
    context.scale(1 / unit, 1 / unit)
    sheet.start_side(context)
    context.scale(MM, MM)
    typesetter = Typesetter(context, content.language, style.fallback)
    slogan = fit_slogan(typesetter, look, style, content, width, height)
    draw_banner(context, look, style, slogan, (width, height), reach=bleed)
    surface.finish()
    return finish_pdf(buffer.getvalue(), sheet, unit)


def render_banner_tiles(
    look: BannerLook, style: Style, content: PosterContent, size: str, notes: dict
) -> bytes:
    """The banner at true size on sheets of office paper, each with its place, where to
    cut and where to glue; the sheets overlap (imposition.tiles)."""
    width, height = paper_size(size)
    tiling = tiles((width, height), paper_size(notes["paper"]))
    buffer = io.BytesIO()
    surface = pdf_surface(buffer, *tiling.sheet, content.slogan)
    # One context for every sheet: the slogan is set once and drawn on each.
    context = cairo.Context(surface)
    context.scale(MM, MM)
    typesetter = Typesetter(context, content.language, style.fallback)
    slogan = fit_slogan(typesetter, look, style, content, width, height)
    count = len(tiling.tiles)
    for tile in tiling.tiles:
        if tile.number > 1:
            surface.show_page()
        context.save()
        context.rectangle(TILE_MARGIN, TILE_MARGIN, *tiling.area)
        context.clip()
        context.translate(TILE_MARGIN - tile.x, TILE_MARGIN - tile.y)
        context.rectangle(0, 0, width, height)
        context.clip()
        draw_banner(context, look, style, slogan, (width, height))
        context.restore()
        draw_tile_marks(context, tiling, tile)
        label = notes["label"].format(
            number=tile.number, count=count, row=tile.row, column=tile.column
        )
        _note(typesetter, style, label, tiling.sheet, top=True)
        _note(typesetter, style, notes["how"], tiling.sheet, top=False)
    surface.finish()
    return buffer.getvalue()


def user_unit(width_mm: float, height_mm: float) -> int:
    """1, or the whole number of points per unit that brings the page within LARGEST_PAGE."""
    return max(1, math.ceil(max(width_mm, height_mm) * MM / LARGEST_PAGE))


def finish_pdf(data: bytes, sheet: Sheet, unit: int) -> bytes:
    """The PDF with what cairo cannot write: ``/UserUnit`` on a page larger than
    LARGEST_PAGE, and with a bleed the TrimBox (the banner) and BleedBox, in the page's
    units. pypdf writes the same bytes for the same input (no date, no random identifier)."""
    if unit == 1:
        return sheet.with_boxes(data)
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, NumberObject, RectangleObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.pdf_header = b"%PDF-1.6"  # /UserUnit came with PDF 1.6

    def box(grow: float) -> RectangleObject:
        low = (sheet.margin - grow) * MM / unit
        return RectangleObject(
            [low, low, low + (sheet.width + 2 * grow) * MM / unit,
             low + (sheet.height + 2 * grow) * MM / unit]
        )  # fmt: skip

    for page in writer.pages:
        page[NameObject("/UserUnit")] = NumberObject(unit)
        if sheet.bleed:
            page.trimbox = box(0.0)
            page.bleedbox = box(sheet.bleed)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def fit_slogan(
    typesetter: Typesetter,
    look: BannerLook,
    style: Style,
    content: PosterContent,
    width: float,
    height: float,
) -> Paragraph:
    """The slogan on one line, as large as fits between the banner's margins, at most
    ``look.text`` of its height; Overflow when it would be smaller than ``look.min_text``."""
    face = Face(*style.fonts[look.font])
    text = content.slogan
    room = width - 2 * look.margin * height
    largest, smallest = look.text * height, look.min_text * height
    laid = typesetter.paragraph(text, face, largest, breaks=Breaks(content.phrases))
    size = largest
    if laid.width > room:
        # Unhinted widths grow with the size: the size that fills the room, a hair less.
        size = largest * room / laid.width * 0.999
        laid = typesetter.paragraph(text, face, size, breaks=Breaks(content.phrases))
        while laid.width > room and size >= smallest:
            size *= 0.99
            laid = typesetter.paragraph(text, face, size, breaks=Breaks(content.phrases))
    if size < smallest:
        needed = laid.width * smallest / size
        raise Overflow(
            "slogan",
            msg(
                "needs {needed} m on one line at the smallest size allowed ({smallest} cm "
                "characters) but the banner has {room} m between its margins: about {over}% "
                "too long",
                needed=f"{needed / 1000:.2f}",
                smallest=f"{smallest / 10:.0f}",
                room=f"{room / 1000:.2f}",
                over=f"{needed / room * 100 - 100:.0f}",
            ),
        )
    return laid


def draw_banner(context, look: BannerLook, style: Style, slogan: Paragraph, size, reach=0.0):
    """The whole strip in millimetres (``size``: width, height): its cloth, its stripes, the
    slogan in the middle; the cloth and stripes run ``reach`` (mm, the bleed) beyond its
    edges."""
    width, height = size
    set_colour(context, colour_of(style, look.fill))
    context.rectangle(-reach, -reach, width + 2 * reach, height + 2 * reach)
    context.fill()
    band = look.band_height * height
    if band:
        set_colour(context, colour_of(style, look.band))
        context.rectangle(-reach, -reach, width + 2 * reach, band + reach)
        context.rectangle(-reach, height - band, width + 2 * reach, band + reach)
        context.fill()
    set_colour(context, colour_of(style, look.colour))
    size = slogan.size
    slogan.frame_to(slogan.width, "left")
    slogan.draw_line(0, (width - slogan.width) / 2, (height - size) / 2, size)


def _note(typesetter: Typesetter, style: Style, text: str, sheet, top: bool) -> None:
    """A line of small print in the sheet's top or bottom margin, centred and clear of the
    marks near the corners and the glue strip (made smaller if it is wider)."""
    face = Face(*style.fonts["regular"])
    room = sheet[0] - 2 * TILE_MARGIN - 2 * NOTE_CLEARANCE
    size = 8 * 25.4 / 72
    line = typesetter.paragraph(text, face, size)
    if line.width > room:
        line = typesetter.paragraph(text, face, size * room / line.width * 0.99)
    typesetter.context.set_source_rgb(0.25, 0.25, 0.25)
    # Between the marks and the edge an office printer leaves white (about 5 mm).
    y = 5.5 if top else sheet[1] - 5.5 - line.size
    line.draw_line(0, (sheet[0] - line.width) / 2, y, line.size)

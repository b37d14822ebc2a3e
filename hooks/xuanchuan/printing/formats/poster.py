"""Draw a poster or share image from a layout: vector PDF for print shops, PNG for screens.

One drawing routine serves both outputs (cairo), so the PDF and the PNG look the same. Text
is real text in the PDF: cairo embeds the subset of the font that is used.
"""

from __future__ import annotations

import io
from dataclasses import replace

import cairocffi as cairo

from ...core.messages import msg
from ..content import PosterContent
from ..drawing import (
    Overflow,
    Sheet,
    Side,
    Style,
    colour_of,
    image_block,
    pdf_surface,
    set_colour,
    small_png,
)
from ..layouts import Block, Layout, PageSize
from ..paper import MM, paper_size
from ..text.flow_drawing import draw_flow
from ..text.pango import Breaks, Face, Paragraph, largest_size, made_even
from .pictograms import draw_pictograms


def render_pdf(
    layout: Layout, style: Style, content: PosterContent, paper: str, bleed: float = 0.0
) -> bytes:
    """Every side of the layout (one for a poster, two for a leaflet) on ``paper``; with a
    ``bleed`` (mm) for the print shop, on a larger page: what touches the paper's edge runs
    on into the bleed, crop marks stand outside it, and TrimBox and BleedBox say where."""
    width, height = paper_size(paper)
    sheet = Sheet(width, height, bleed)
    buffer = io.BytesIO()
    surface = pdf_surface(buffer, *sheet.media, content.title or content.headline)
    page = layout.page
    # The bleed in the layout's units, across and down.
    reach = (bleed * page.width / width, bleed * page.height / height) if bleed else None
    for number, blocks in enumerate(layout.sides):
        if number:
            surface.show_page()
        context = cairo.Context(surface)
        folds = tuple(x * width / page.width for b in blocks if b.type == "guides" for x in b.xs)
        sheet.start_side(context, folds)
        context.scale(width * MM / page.width, height * MM / page.height)
        draw_side(Side.of(context, page, style, content.language), blocks, content, reach)
    surface.finish()
    return sheet.with_boxes(buffer.getvalue())


def render_png(layout: Layout, style: Style, content: PosterContent, width_px: int) -> bytes:
    """The first side of the layout as a picture ``width_px`` wide."""
    page = layout.page
    height_px = round(width_px * page.height / page.width)
    surface = cairo.ImageSurface(cairo.FORMAT_RGB24, width_px, height_px)
    context = cairo.Context(surface)
    context.scale(width_px / page.width, height_px / page.height)
    draw_side(Side.of(context, page, style, content.language), layout.sides[0], content)
    surface.flush()
    return small_png(surface)


def draw_side(
    side: Side, blocks, content: PosterContent, reach: tuple[float, float] | None = None
) -> None:
    """One printed side: the paper, then each block in order; with ``reach`` (the print
    shop's bleed in layout units, across and down), edge to edge into the bleed."""
    context, page, style = side.context, side.page, side.style
    set_colour(context, style.colours["paper"])
    context.paint()
    for block in blocks:
        when = block.when
        if when == "photo" and not content.photo or when == "no_photo" and content.photo:
            continue
        if when == "fold_guides" and not content.fold_guides:
            continue
        kind = block.type
        if reach and kind in ("rect", "image"):
            block = _into_bleed(block, page, reach)
        if kind == "rect":
            set_colour(context, colour_of(style, block.fill), block.opacity)
            context.rectangle(block.x, block.y, block.w, block.h)
            context.fill()
        elif kind == "text":
            text = content.text_of(block.field)
            _text_block(side, block, text, content.phrases)
        elif kind == "list":
            items = getattr(content, block.field or "points")
            _list_block(side, block, items, content.phrases)
        elif kind == "pictograms":
            draw_pictograms(side, block, content)
        elif kind == "lines":
            _lines_block(side, block, content)
        elif kind == "image" and content.photo:
            image_block(context, block, content.photo)
        elif kind == "logo" and content.logo:
            image_block(context, block, content.logo, crop=False)
        elif kind == "qr" and content.url:
            _qr_block(context, style, block, content.url)
        elif kind == "flow":
            draw_flow(side, block, content.body)
        elif kind == "guides":
            _guides_block(context, page, style, block)


# Layout units within which a block counts as touching the paper's edge.
_AT_EDGE = 0.01


def _into_bleed(block: Block, page: PageSize, reach: tuple[float, float]) -> Block:
    """A background or photo that touches the paper's edge runs on into the bleed there, so
    a trim a little off leaves no white line."""
    across, down = reach
    left, top = block.x, block.y
    right, bottom = left + block.w, top + block.h
    left -= across if left <= _AT_EDGE else 0
    top -= down if top <= _AT_EDGE else 0
    right += across if right >= page.width - _AT_EDGE else 0
    bottom += down if bottom >= page.height - _AT_EDGE else 0
    return replace(block, x=left, y=top, w=right - left, h=bottom - top)


# -- text ------------------------------------------------------------------------------------


def _fit(
    side: Side, texts, block, phrases=(), indent=0.0, gap=0.0
) -> tuple[float, list[Paragraph]]:
    """The largest size (in steps of half a point) at which all ``texts`` fit the block,
    broken between words and with their lines made even."""
    typesetter, page, face = side.typesetter, side.page, _face(side.style, block)
    width, height = block.w - indent, block.h
    line_height = block.line_height

    def set_all(size, split_words=False):
        units = size * page.point
        return [
            typesetter.paragraph(
                text, face, units, width, breaks=Breaks(phrases, True, split_words)
            )
            for text in texts
        ]

    def needed(laid) -> float:
        lines = sum(len(paragraph.lines) for paragraph in laid)
        units = laid[0].size
        return lines * units * line_height + gap * units * max(len(laid) - 1, 0)

    def attempt(size):
        laid = set_all(size)
        if needed(laid) <= height + 1e-6 and all(paragraph.fits() for paragraph in laid):
            return laid
        return None

    laid = largest_size(block.max_size, block.min_size, attempt)
    if laid:
        return laid[0].size, [
            made_even(typesetter, p, face, width, phrases, block.align) for p in laid
        ]
    laid = set_all(block.min_size)
    if needed(laid) <= height + 1e-6:
        # Only a word wider than the box is in the way: break it, there is no other way.
        laid = set_all(block.min_size, split_words=True)
        return laid[0].size, [p.frame_to(width, block.align) for p in laid]
    units = block.min_size * page.point
    lines = sum(len(paragraph.lines) for paragraph in laid)
    fit_lines = int(height // (units * line_height))
    raise Overflow(
        block.field or "text",
        msg(
            "needs {lines} lines at the smallest size ({smallest} pt) but the box holds "
            "{fit}: about {over} line(s) too long",
            lines=lines,
            smallest=f"{block.min_size:g}",
            fit=max(fit_lines, 0),
            over=max(lines - fit_lines, 1),
        ),
    )


def _face(style: Style, block: Block) -> Face:
    return Face(*style.fonts[block.font])


def _text_block(side: Side, block, text, phrases=()) -> None:
    if not text:
        return
    size, (paragraph,) = _fit(side, [text], block, phrases)
    used = len(paragraph.lines) * size * block.line_height
    top = block.y + (block.h - used) * _VALIGN[block.valign]
    _draw_lines(side.context, paragraph, block, side.style, y=top)


_VALIGN = {"top": 0.0, "middle": 0.5, "bottom": 1.0}


def _draw_lines(context, paragraph: Paragraph, block, style, x=None, y=None) -> float:
    line_height = paragraph.size * block.line_height
    x0 = block.x if x is None else x
    top = block.y if y is None else y
    set_colour(context, colour_of(style, block.colour))
    for number in range(len(paragraph.lines)):
        paragraph.draw_line(number, x0, top + number * line_height, line_height)
    return top + len(paragraph.lines) * line_height


def _list_block(side: Side, block, points, phrases=()) -> None:
    if not points:
        return
    context, style = side.context, side.style
    # Room for the bullet; wrapped lines align with the text, not the bullet.
    indent_of = 0.9
    gap = 0.4
    indent = indent_of * block.max_size * side.page.point
    size, laid = _fit(side, list(points), block, phrases, indent=indent, gap=gap)
    indent = indent_of * size
    line_height = size * block.line_height
    used = sum(len(p.lines) for p in laid) * line_height + gap * size * (len(laid) - 1)
    y = block.y + (block.h - used) * _VALIGN[block.valign]
    for paragraph in laid:
        set_colour(context, colour_of(style, block.bullet_colour or block.colour))
        # A round bullet centred on the first line, drawn as a circle: no font needed. In
        # right-to-left text the bullet stands at the right, where the line begins.
        radius = size * 0.2
        bullet_x = block.x + block.w - radius if paragraph.rtl else block.x + radius
        text_x = block.x if paragraph.rtl else block.x + indent
        context.new_path()
        context.arc(bullet_x, y + line_height / 2, radius, 0, 6.283185307179586)
        context.fill()
        y = _draw_lines(context, paragraph, block, style, x=text_x, y=y)
        y += gap * size


def _lines_block(side: Side, block, content: PosterContent) -> None:
    context, typesetter, page, style = side.context, side.typesetter, side.page, side.style
    texts = [(name, content.text_of(name)) for name in block.fields]
    texts = [(name, text) for name, text in texts if text]
    if not texts:
        return
    regular = _face(style, block)
    strong = Face(style.fonts["bold"][0], True)
    emphasis = block.emphasis
    line_height = block.line_height

    def set_all(size):
        units = size * page.point
        return [
            typesetter.paragraph(
                text,
                strong if name == emphasis else regular,
                units * (1.3 if name == emphasis else 1),
            ).frame_to(block.w, "left")
            for name, text in texts
        ]

    def attempt(size):
        laid = set_all(size)
        widths = [paragraph.width for paragraph in laid]
        heights = [paragraph.size * line_height for paragraph in laid]
        fits = max(widths) <= block.w + 1e-6 and sum(heights) <= block.h + 1e-6
        return laid if fits else None

    laid = largest_size(block.max_size, block.min_size, attempt)
    if not laid:
        widths = [paragraph.width for paragraph in set_all(block.min_size)]
        name = texts[widths.index(max(widths))][0]
        raise Overflow(
            name,
            msg(
                "does not fit on one line of the contact block even at {smallest} pt: "
                "about {share}% too long",
                smallest=f"{block.min_size:g}",
                share=f"{max(widths) / block.w * 100 - 100:.0f}",
            ),
        )
    heights = [paragraph.size * line_height for paragraph in laid]
    y = block.y
    set_colour(context, colour_of(style, block.colour))
    for paragraph, height in zip(laid, heights, strict=True):
        paragraph.draw_line(0, block.x, y, height)
        y += height


# -- pictures --------------------------------------------------------------------------------


def _qr_block(context, style, block, url: str) -> None:
    import segno

    code = segno.make(url, error="m", micro=False)
    border = 2
    rows = list(code.matrix_iter(border=border))
    module = block.size / len(rows)
    set_colour(context, style.colours["paper"])
    context.rectangle(block.x, block.y, block.size, block.size)
    context.fill()
    set_colour(context, colour_of(style, block.colour))
    for row_number, row in enumerate(rows):
        start = None
        for column, dark in enumerate(list(row) + [0]):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                context.rectangle(
                    block.x + start * module,
                    block.y + row_number * module,
                    (column - start) * module,
                    module,
                )
                start = None
    context.fill()


def _guides_block(context, page, style, block) -> None:
    """Dashed fold lines across the whole page, at each ``xs`` position."""
    set_colour(context, colour_of(style, block.colour))
    context.set_line_width(0.2)
    context.set_dash([2.0, 2.0])
    for x in block.xs:
        context.move_to(x, 0)
        context.line_to(x, page.height)
    context.stroke()
    context.set_dash([])

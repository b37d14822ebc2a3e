"""Draw a poster or share image from a layout: vector PDF for print shops, PNG for screens.

One drawing routine serves both outputs (cairo), so the PDF and the PNG look the same. Text
is real text in the PDF: cairo embeds the subset of the font that is used.
"""

from __future__ import annotations

import io

import cairocffi as cairo

from ..core.messages import msg
from .content import PosterContent
from .drawing import (
    MM,
    Overflow,
    Style,
    Typesetter,
    colour_of,
    image_block,
    paper_size,
    pdf_surface,
    set_colour,
    small_png,
)
from .flow_drawing import draw_flow
from .layouts import Block, Layout, PageSize
from .linebreak import balanced_lines, break_lines, line_width
from .words import word_units


def render_pdf(layout: Layout, style: Style, content: PosterContent, paper: str) -> bytes:
    """Every side of the layout (one for a poster, two for a leaflet) on ``paper``."""
    width, height = paper_size(paper)
    buffer = io.BytesIO()
    surface = pdf_surface(buffer, width, height, content.title or content.headline)
    page = layout.page
    for number, blocks in enumerate(layout.sides):
        if number:
            surface.show_page()
        context = cairo.Context(surface)
        context.scale(width * MM / page.width, height * MM / page.height)
        _draw(context, page, blocks, style, content)
    surface.finish()
    return buffer.getvalue()


def render_png(layout: Layout, style: Style, content: PosterContent, width_px: int) -> bytes:
    """The first side of the layout as a picture ``width_px`` wide."""
    page = layout.page
    height_px = round(width_px * page.height / page.width)
    surface = cairo.ImageSurface(cairo.FORMAT_RGB24, width_px, height_px)
    context = cairo.Context(surface)
    context.scale(width_px / page.width, height_px / page.height)
    _draw(context, page, layout.sides[0], style, content)
    surface.flush()
    return small_png(surface)


def _draw(context, page: PageSize, blocks, style: Style, content: PosterContent) -> None:
    options = cairo.FontOptions()
    # Unhinted metrics: text widths scale exactly with size, so fitting is exact.
    options.set_hint_metrics(cairo.HINT_METRICS_OFF)
    options.set_hint_style(cairo.HINT_STYLE_NONE)
    context.set_font_options(options)
    set_colour(context, style.colours["paper"])
    context.paint()
    for block in blocks:
        when = block.when
        if when == "photo" and not content.photo or when == "no_photo" and content.photo:
            continue
        if when == "fold_guides" and not content.fold_guides:
            continue
        kind = block.type
        if kind == "rect":
            set_colour(context, colour_of(style, block.fill))
            context.rectangle(block.x, block.y, block.w, block.h)
            context.fill()
        elif kind == "text":
            _text_block(context, page, style, block, content.text_of(block.field), content.phrases)
        elif kind == "list":
            _list_block(context, page, style, block, content.points, content.phrases)
        elif kind == "lines":
            _lines_block(context, page, style, block, content)
        elif kind == "image" and content.photo:
            image_block(context, block, content.photo)
        elif kind == "logo" and content.logo:
            image_block(context, block, content.logo, crop=False)
        elif kind == "qr" and content.url:
            _qr_block(context, style, block, content.url)
        elif kind == "flow":
            draw_flow(context, page, style, block, content.body)
        elif kind == "guides":
            _guides_block(context, page, style, block)


# -- text ------------------------------------------------------------------------------------


def _fit(
    typesetter: Typesetter,
    paragraphs,
    width,
    height,
    block,
    page,
    phrases=(),
    indent=0.0,
    gap=0.0,
) -> tuple[float, list[list[str]]]:
    """The largest size (in points, in steps of half a point) at which all fits, with lines
    broken between words and made even."""
    largest, smallest = block.max_size, block.min_size
    line_height = block.line_height
    words = [word_units(text, phrases) for text in paragraphs]
    size = largest
    while True:
        units = size * page.point
        measure = typesetter.measure_at(units)
        laid = [
            break_lines(text, width - indent, measure, each)
            for text, each in zip(paragraphs, words, strict=True)
        ]
        lines = sum(len(p) for p in laid)
        needed = lines * units * line_height + gap * units * max(len(laid) - 1, 0)
        widest = max((line_width(line, measure) for p in laid for line in p), default=0)
        if needed <= height + 1e-6 and widest <= width - indent + 1e-6:
            even = [
                balanced_lines(text, width - indent, measure, each)
                for text, each in zip(paragraphs, words, strict=True)
            ]
            return units, even
        if size <= smallest:
            fit_lines = int(height // (units * line_height))
            raise Overflow(
                block.field or "text",
                msg(
                    "needs {lines} lines at the smallest size ({smallest} pt) but the box holds "
                    "{fit}: about {over} line(s) too long",
                    lines=lines,
                    smallest=f"{smallest:g}",
                    fit=max(fit_lines, 0),
                    over=max(lines - fit_lines, 1),
                ),
            )
        size = max(smallest, size - 0.5)


def _face(style: Style, block: Block) -> tuple[str, bool]:
    return style.fonts[block.font]


def _text_block(context, page, style, block, text, phrases=()) -> None:
    if not text:
        return
    family, bold = _face(style, block)
    typesetter = Typesetter(context, family, bold)
    size, (lines,) = _fit(typesetter, [text], block.w, block.h, block, page, phrases)
    used = len(lines) * size * block.line_height
    top = block.y + (block.h - used) * _VALIGN[block.valign]
    _draw_lines(context, typesetter, lines, size, block, style, y=top)


_VALIGN = {"top": 0.0, "middle": 0.5, "bottom": 1.0}


def _draw_lines(context, typesetter, lines, size, block, style, x=None, y=None) -> float:
    typesetter.use(size)
    ascent = context.font_extents()[0]
    line_height = size * block.line_height
    measure = typesetter.measure_at(size)
    x0 = block.x if x is None else x
    top = block.y if y is None else y
    set_colour(context, colour_of(style, block.colour))
    for number, line in enumerate(lines):
        width = line_width(line, measure)
        align = block.align
        shift = {"left": 0, "center": (block.w - width) / 2, "right": block.w - width}[align]
        baseline = top + number * line_height + (line_height - size) / 2 + ascent
        context.move_to(x0 + max(shift, 0), baseline)
        context.show_text(line)
    return top + len(lines) * line_height


def _list_block(context, page, style, block, points, phrases=()) -> None:
    if not points:
        return
    family, bold = _face(style, block)
    typesetter = Typesetter(context, family, bold)
    # Room for the bullet; wrapped lines align with the text, not the bullet.
    indent_of = 0.9
    gap = 0.4
    size, laid = _fit(
        typesetter,
        list(points),
        block.w,
        block.h,
        block,
        page,
        phrases,
        indent=indent_of * block.max_size * page.point,
        gap=gap,
    )
    indent = indent_of * size
    line_height = size * block.line_height
    used = sum(len(lines) for lines in laid) * line_height + gap * size * (len(laid) - 1)
    y = block.y + (block.h - used) * _VALIGN[block.valign]
    for lines in laid:
        set_colour(context, colour_of(style, block.bullet_colour or block.colour))
        # A round bullet centred on the first line, drawn as a circle: no font needed.
        radius = size * 0.2
        context.new_path()
        context.arc(block.x + radius, y + line_height / 2, radius, 0, 6.283185307179586)
        context.fill()
        y = _draw_lines(context, typesetter, lines, size, block, style, x=block.x + indent, y=y)
        y += gap * size


def _lines_block(context, page, style, block, content: PosterContent) -> None:
    texts = [(name, content.text_of(name)) for name in block.fields]
    texts = [(name, text) for name, text in texts if text]
    if not texts:
        return
    family, bold = _face(style, block)
    regular = Typesetter(context, family, bold)
    strong = Typesetter(context, style.fonts["bold"][0], True)
    emphasis = block.emphasis
    largest, smallest = block.max_size, block.min_size
    line_height = block.line_height
    size = largest
    while True:
        units = size * page.point
        widths = [
            (strong if name == emphasis else regular).measure_at(
                units * (1.3 if name == emphasis else 1)
            )(text)
            for name, text in texts
        ]
        heights = [units * (1.3 if name == emphasis else 1) * line_height for name, _ in texts]
        if max(widths) <= block.w + 1e-6 and sum(heights) <= block.h + 1e-6:
            break
        if size <= smallest:
            name = texts[widths.index(max(widths))][0]
            raise Overflow(
                name,
                msg(
                    "does not fit on one line of the contact block even at {smallest} pt: "
                    "about {share}% too long",
                    smallest=f"{smallest:g}",
                    share=f"{max(widths) / block.w * 100 - 100:.0f}",
                ),
            )
        size = max(smallest, size - 0.5)
    y = block.y
    for (name, text), height in zip(texts, heights, strict=True):
        typesetter = strong if name == emphasis else regular
        this = units * (1.3 if name == emphasis else 1)
        typesetter.use(this)
        ascent = context.font_extents()[0]
        set_colour(context, colour_of(style, block.colour))
        context.move_to(block.x, y + (height - this) / 2 + ascent)
        context.show_text(text)
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

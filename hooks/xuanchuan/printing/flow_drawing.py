"""Draw flowing text (see flow.py) with cairo: the largest size at which it all fits."""

from __future__ import annotations

import io

from ..core.messages import msg
from .drawing import Overflow, Typesetter, colour_of, image_block, set_colour
from .flow import NoRoom, set_blocks
from .layouts import Area


def draw_flow(context, page, style, block, blocks) -> None:
    if not blocks:
        return
    typesetters = {name: Typesetter(context, *style.fonts[name]) for name in ("regular", "bold")}
    measures = {
        name: (lambda unit, size, t=typesetter: t.measure_at(size)(unit))
        for name, typesetter in typesetters.items()
    }
    columns = block.columns
    line_height = block.line_height
    largest, smallest = block.max_size, block.min_size
    size = largest
    while True:
        units = size * page.point
        try:
            ops = set_blocks(blocks, columns, units, line_height, measures, _image_size)
            break
        except NoRoom:
            if size <= smallest:
                raise _overflow(blocks, columns, units, line_height, measures, smallest) from None
            size = max(smallest, size - 0.5)
    for op in ops:
        if op.kind == "text":
            typesetter = typesetters[op.font]
            typesetter.use(op.size)
            ascent = context.font_extents()[0]
            set_colour(context, colour_of(style, op.colour))
            context.move_to(op.x, op.y + (op.h - op.size) / 2 + ascent)
            context.show_text(op.text)
        elif op.kind == "rect":
            set_colour(context, colour_of(style, op.colour))
            context.rectangle(op.x, op.y, op.w, op.h)
            context.fill()
        elif op.kind == "dot":
            set_colour(context, colour_of(style, op.colour))
            context.new_path()
            context.arc(op.x, op.y, op.w, 0, 6.283185307179586)
            context.fill()
        elif op.kind == "img":
            with open(op.src, "rb") as stream:
                image_block(context, Area(x=op.x, y=op.y, w=op.w, h=op.h), stream.read())


def _overflow(blocks, columns, units, line_height, measures, smallest) -> Overflow:
    try:
        set_blocks(blocks, columns, units, line_height, measures, _image_size, overflow_room=True)
        missing = units * line_height
    except NoRoom as error:
        missing = error.missing
    lines = max(1, round(missing / (units * line_height)))
    share = missing / sum(column.h for column in columns) * 100
    return Overflow(
        "body",
        msg(
            "needs about {lines} more lines at the smallest size ({smallest} pt) than its "
            "{columns} columns hold (about {share}% too long)",
            lines=lines,
            smallest=f"{smallest:g}",
            columns=len(columns),
            share=f"{max(share, 1):.0f}",
        ),
    )


def _image_size(path: str) -> tuple[int, int]:
    from PIL import Image

    with open(path, "rb") as stream, Image.open(io.BytesIO(stream.read())) as image:
        return image.size

"""Draw flowing text (see flow.py): the largest size at which it all fits."""

from __future__ import annotations

import io

from ...core.messages import msg
from ..drawing import Overflow, colour_of, image_block, set_colour
from ..layouts import Area
from .flow import NoRoom, Setting, set_blocks
from .pango import Breaks, Face, largest_size

# The leaflet's text breaks anywhere the language allows, a word only as a last resort.
LAST_RESORT = Breaks(split_words=True)


def block_setter(typesetter, fonts: dict[str, tuple[str, bool]]):
    """The ``setter`` that ``flow.set_blocks`` takes: a block's text (its markup when
    styled) or a plain text, as a paragraph, each set once."""
    faces = {name: Face(*fonts[name]) for name in ("regular", "bold")}
    paragraphs: dict = {}

    def setter(source, font, size, width):
        if isinstance(source, dict):
            text, markup = source.get("markup") or source["text"], "markup" in source
        else:
            text, markup = source, False
        key = (text, markup, font, size, width)
        if key not in paragraphs:
            paragraphs[key] = typesetter.paragraph(
                text, faces[font], size, width, markup=markup, breaks=LAST_RESORT
            )
        return paragraphs[key]

    return setter


def draw_flow(side, block, blocks) -> None:
    if not blocks:
        return
    context, typesetter, page, style = side.context, side.typesetter, side.page, side.style
    setter = block_setter(typesetter, style.fonts)
    columns = block.columns
    line_height = block.line_height

    def attempt(size):
        try:
            setting = Setting(size * page.point, line_height, setter, _image_size)
            return set_blocks(blocks, columns, setting)
        except NoRoom:
            return None

    ops = largest_size(block.max_size, block.min_size, attempt)
    if ops is None:
        units = block.min_size * page.point
        raise _overflow(blocks, columns, units, line_height, setter, block.min_size)
    draw_ops(context, style, ops)


def draw_ops(context, style, ops) -> None:
    """Draw what ``flow.set_blocks`` placed."""
    for op in ops:
        if op.kind == "line":
            set_colour(context, colour_of(style, op.colour))
            op.paragraph.draw_line(op.line, op.x, op.y, op.h)
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
        elif op.kind in _MARKS:
            context.save()  # line widths and caps stay the mark's own
            set_colour(context, colour_of(style, op.colour))
            _MARKS[op.kind](context, op.x, op.y, op.w)
            context.restore()


def _check(context, x, y, side) -> None:
    context.set_line_width(side * 0.16)
    context.set_line_cap(1)  # round
    context.set_line_join(1)
    context.move_to(x + side * 0.12, y + side * 0.55)
    context.line_to(x + side * 0.4, y + side * 0.82)
    context.line_to(x + side * 0.9, y + side * 0.18)
    context.stroke()


def _cross(context, x, y, side) -> None:
    context.set_line_width(side * 0.16)
    context.set_line_cap(1)
    inset = side * 0.2
    context.move_to(x + inset, y + inset)
    context.line_to(x + side - inset, y + side - inset)
    context.move_to(x + side - inset, y + inset)
    context.line_to(x + inset, y + side - inset)
    context.stroke()


def _ring(context, x, y, side) -> None:
    context.set_line_width(side * 0.12)
    context.new_path()
    context.arc(x + side / 2, y + side / 2, side * 0.34, 0, 6.283185307179586)
    context.stroke()


def _dash(context, x, y, side) -> None:
    context.rectangle(x + side * 0.15, y + side * 0.44, side * 0.7, side * 0.12)
    context.fill()


# The marks of a target's result (flow.MARKS), drawn as shapes.
_MARKS = {"check": _check, "cross": _cross, "ring": _ring, "dash": _dash}


def _overflow(blocks, columns, units, line_height, setter, smallest) -> Overflow:
    try:
        setting = Setting(units, line_height, setter, _image_size)
        set_blocks(blocks, columns, setting, overflow_room=True)
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

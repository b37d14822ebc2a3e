"""A campaign's body as a leaflet's flowing text: its blocks (body_blocks.py) set in columns.

The blocks flow from column to column; the text shrinks, within the layout's limits, until
everything fits, and what still does not fit is reported with how much is too long — never
cut off.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class NoRoom(Exception):
    """The blocks need more room than the columns have; ``missing`` in layout units."""

    def __init__(self, missing: float, line: float):
        super().__init__(missing)
        self.missing, self.line = missing, line


@dataclass
class Op:
    """One thing to draw: a line of a paragraph, a rectangle, a bullet or an image."""

    kind: str  # line, rect, dot, img
    x: float
    y: float  # top of the line box (line) or of the shape
    w: float = 0.0
    h: float = 0.0
    paragraph: object = None  # a line: the text.Paragraph it belongs to, and which line
    line: int = 0
    colour: str = "text"
    src: str = ""
    page: int = 0  # text set on more pages than one (set_blocks' more_columns): which


HEADING_SCALE = {"h2": 1.3, "h3": 1.12}


class _Cursor:
    def __init__(self, columns, overflow_room: bool, more_columns=None):
        # Columns are areas (x, y, w, h); kept as dicts so a spare one can be added.
        self.columns = [_area(c, 0) for c in columns]
        if overflow_room:
            # An endless extra column, only to measure how much is too long.
            last = self.columns[-1]
            self.columns.append({**last, "h": 1e9, "spare": True})
        # The columns of each further page, for text that runs on until it ends.
        self.more = list(more_columns) if more_columns else None
        self.index = 0
        self.y = self.columns[0]["y"]

    @property
    def column(self) -> dict:
        return self.columns[self.index]

    @property
    def at_top(self) -> bool:
        return self.y <= self.column["y"] + 1e-9

    def room(self) -> float:
        return self.column["y"] + self.column["h"] - self.y

    def need(self, height: float) -> None:
        """Move on to the next column unless ``height`` fits in what is left of this one."""
        while height > self.room() + 1e-6:
            if self.index + 1 >= len(self.columns):
                if not self.more or self.at_top and height > max(c.h for c in self.more):
                    # No further page, or none would hold it either.
                    raise NoRoom(height - self.room(), height)
                page = self.column["page"] + 1
                self.columns.extend(_area(c, page) for c in self.more)
            self.index += 1
            self.y = self.column["y"]

    def space(self, height: float) -> None:
        if not self.at_top:
            self.y = min(self.y + height, self.column["y"] + self.column["h"])


def _area(column, page: int) -> dict:
    return {"x": column.x, "y": column.y, "w": column.w, "h": column.h, "page": page}


class _Placed(list):
    """The ops set so far, each marked with the page it was placed on: every op is added
    right after the cursor made room for it."""

    def __init__(self, cursor: _Cursor):
        super().__init__()
        self.cursor = cursor

    def append(self, op: Op) -> None:
        op.page = self.cursor.column["page"]
        super().append(op)


@dataclass(frozen=True)
class Setting:
    """How the blocks are set: at font ``size`` (layout units) with ``line_height``;
    ``setter(block_or_text, font, size, width)`` sets a block's text (its markup when it has
    some) or a plain text as a ``text.Paragraph`` (``font`` is "regular" or "bold"), and
    ``image_size(path)`` gives a picture's pixels."""

    size: float
    line_height: float
    setter: Callable
    image_size: Callable | None = None

    @property
    def lead(self) -> float:
        return self.size * self.line_height


def set_blocks(blocks, columns, setting: Setting, *, overflow_room=False, more_columns=None):
    """Place ``blocks`` in ``columns`` as ``setting`` says; the drawing ops.

    Raises NoRoom when they do not fit (unless ``overflow_room``, used to measure by how
    much: then ops spill into a spare column whose ``spare`` ops are counted). With
    ``more_columns``, what does not fit runs on to further pages with those columns, as
    many as it needs (each op's ``page`` says which).
    """
    flow = _Flow(_Cursor(columns, overflow_room, more_columns), setting)
    for index, block in enumerate(blocks):
        kind = block["kind"]
        if kind in HEADING_SCALE:
            # A heading never ends a column: it keeps two lines of what follows (or as many
            # as the block asks, such as a heading over another heading).
            flow.heading(block, block.get("keep", 2) if index + 1 < len(blocks) else 0)
        elif kind == "p":
            flow.text_lines(flow.set(block, "regular"), 0, "text")
            flow.cursor.y += flow.lead * 0.35
        elif kind in ("li", "quote", "table", "img", "bar"):
            getattr(flow, kind)(block)
    cursor = flow.cursor
    if overflow_room and cursor.index == len(cursor.columns) - 1:
        raise NoRoom(cursor.y - cursor.column["y"], flow.lead)
    return flow.ops


# The width of a text set as wide as the column it is in.
COLUMN = object()


class _Flow:
    """Blocks being set in columns: the cursor, the ops so far and how text is set."""

    def __init__(self, cursor: _Cursor, setting: Setting):
        self.cursor, self.setting = cursor, setting
        self.ops = _Placed(cursor)
        self.size, self.lead = setting.size, setting.lead

    def set(self, block, font: str, width=COLUMN, size: float | None = None):
        """``block`` set in ``font``, as wide as the column unless ``width`` says (None:
        on one line), at the setting's size unless ``size`` says."""
        width = self.cursor.column["w"] if width is COLUMN else width
        return self.setting.setter(block, font, size or self.size, width)

    def line_op(self, paragraph, number, x, height, colour) -> Op:
        """Line ``number`` of ``paragraph`` at the cursor, ``x`` from the column's left edge."""
        cursor = self.cursor
        return Op("line", cursor.column["x"] + x, cursor.y, w=cursor.column["w"] - x, h=height,
                  paragraph=paragraph, line=number, colour=colour)  # fmt: skip

    def text_lines(self, paragraph, x, colour, keep=1) -> None:
        height = paragraph.size * self.setting.line_height
        for number in range(len(paragraph.lines)):
            self.cursor.need(height * (keep if number == 0 else 1))
            self.ops.append(self.line_op(paragraph, number, x, height, colour))
            self.cursor.y += height

    def heading(self, block, following: int) -> None:
        kind, cursor, lead = block["kind"], self.cursor, self.lead
        heading_size = self.size * HEADING_SCALE[kind]
        cursor.space(lead * (0.9 if kind == "h2" else 0.6))
        paragraph = self.set(block, "bold", size=heading_size)
        height = len(paragraph.lines) * heading_size * self.setting.line_height
        cursor.need(height + following * lead)
        self.text_lines(paragraph, 0, "primary")
        cursor.y += lead * 0.15

    def li(self, block) -> None:
        cursor, size, lead = self.cursor, self.size, self.lead
        width = cursor.column["w"]
        indent = size * (1.1 + 1.1 * (block.get("depth", 1) - 1))
        paragraph = self.set(block, "regular", width - indent)
        cursor.need(lead)
        # In right-to-left text the marker stands at the right, where the line begins.
        rtl = paragraph.rtl
        marker_x = cursor.column["x"] + (width - indent + size * 0.1 if rtl else indent - size)
        if block["marker"] == "•":
            dot = Op("dot", marker_x + size * 0.3, cursor.y + lead / 2, w=size * 0.17,
                     colour="primary")  # fmt: skip
            self.ops.append(dot)
        else:
            marker = self.set(block["marker"], "bold", None)
            self.ops.append(
                Op("line", marker_x, cursor.y, h=lead, paragraph=marker, colour="primary")
            )
        self.text_lines(paragraph, 0 if rtl else indent, "text")
        cursor.y += lead * 0.15

    def quote(self, block) -> None:
        cursor, size, lead = self.cursor, self.size, self.lead
        width = cursor.column["w"]
        indent = size * 0.9
        paragraph = self.set(block, "regular", width - indent)
        cursor.space(lead * 0.2)
        start_column, top = cursor.index, None
        for number in range(len(paragraph.lines)):
            cursor.need(lead)
            if top is None or cursor.index != start_column:
                start_column, top = cursor.index, cursor.y
                bar_x = cursor.column["x"] + (width - size * 0.18 if paragraph.rtl else 0)
                bar = Op("rect", bar_x, top, w=size * 0.18, h=0, colour="primary")
                self.ops.append(bar)
            x = 0 if paragraph.rtl else indent
            self.ops.append(self.line_op(paragraph, number, x, lead, "muted"))
            cursor.y += lead
            bar.h = cursor.y - bar.y
        cursor.y += lead * 0.35

    def table(self, block) -> None:
        _set_table(block, self)
        self.cursor.y += self.lead * 0.4

    def img(self, block) -> None:
        cursor, lead = self.cursor, self.lead
        natural_w, natural_h = self.setting.image_size(block["src"])
        w = cursor.column["w"]
        h = w * natural_h / max(natural_w, 1)
        limit = cursor.columns[0]["h"] / 3
        if h > limit:
            w, h = w * limit / h, limit
        cursor.space(lead * 0.3)
        cursor.need(h)
        self.ops.append(Op("img", cursor.column["x"], cursor.y, w=w, h=h, src=block["src"]))
        cursor.y += h + lead * 0.4

    def bar(self, block) -> None:
        _set_bar(block, self)
        self.cursor.y += self.lead * 0.5


def _set_table(block, flow: _Flow) -> None:
    cursor, ops, size, lead = flow.cursor, flow.ops, flow.size, flow.lead
    rows = block["rows"]
    count = max(len(row) for row in rows)
    rows = [row + [""] * (count - len(row)) for row in rows]
    width = cursor.column["w"]
    pad = size * 0.3
    natural = [
        max(flow.set(cell, "regular", None).width for cell in column) + 2 * pad
        for column in zip(*rows, strict=True)
    ]
    # Columns share the width by their natural widths, none below a sixth.
    total = sum(natural) or 1
    shares = [max(n / total, 1 / (count * 2)) for n in natural]
    widths = [width * s / sum(shares) for s in shares]
    for number, row in enumerate(rows):
        header = number < block.get("header", 0)
        font = "bold" if header else "regular"
        cells = [
            flow.set(cell, font, w - 2 * pad) if cell else None
            for cell, w in zip(row, widths, strict=True)
        ]
        height = max(len(cell.lines) if cell else 0 for cell in cells) * lead + 2 * pad
        height = max(height, lead + 2 * pad)
        cursor.need(height)
        x = cursor.column["x"]
        top = cursor.y
        if header:
            ops.append(Op("rect", x, top, w=width, h=height, colour="tint"))
        for cell, w in zip(cells, widths, strict=True):
            for index in range(len(cell.lines) if cell else 0):
                ops.append(Op("line", x + pad, top + pad + index * lead, w=w - 2 * pad, h=lead,
                              paragraph=cell, line=index, colour="text"))  # fmt: skip
            x += w
        rule = Op("rect", cursor.column["x"], top + height - size * 0.03, w=width,
                  h=size * 0.06, colour="muted")  # fmt: skip
        ops.append(rule)
        cursor.y = top + height


# How a target's result is marked, drawn as shapes (no font has to have the symbols).
MARKS = {"met": "check", "not-met": "cross", "in-progress": "ring", "not-measured": "dash"}


def _set_bar(block, flow: _Flow) -> None:
    """A target: its label, then a bar filled as far as the goal is reached, the numbers
    and, at the line's end, a mark and the word for the result."""
    cursor, ops, size, lead = flow.cursor, flow.ops, flow.size, flow.lead
    width = cursor.column["w"]
    label = flow.set(block, "regular")
    status = flow.set(block["status"], "bold", None)
    bar_width = width * 0.4
    gap = size * 0.8
    mark = size * 0.8
    numbers_width = width - bar_width - status.width - mark - 3 * gap
    numbers = flow.set(block["numbers"], "regular", max(numbers_width, size * 4), size * 0.9)
    row = max(1, len(numbers.lines)) * lead
    # Label and bar stay together.
    cursor.need(len(label.lines) * lead + row)
    left = cursor.column["x"]
    for number in range(len(label.lines)):
        ops.append(Op("line", left, cursor.y, w=width, h=lead, paragraph=label, line=number))
        cursor.y += lead
    top = cursor.y
    bar_height = size * 0.55
    bar_top = top + (lead - bar_height) / 2
    ops.append(Op("rect", left, bar_top, w=bar_width, h=bar_height, colour="tint"))
    share = block.get("share")
    if share:
        filled = bar_width * max(0.0, min(1.0, share))
        ops.append(Op("rect", left, bar_top, w=filled, h=bar_height, colour="primary"))
    numbers_x = left + bar_width + gap
    for number in range(len(numbers.lines)):
        ops.append(
            Op("line", numbers_x, top + number * lead, w=numbers_width, h=lead,
               paragraph=numbers, line=number, colour="muted")
        )  # fmt: skip
    status_x = left + width - status.width
    ops.append(Op("line", status_x, top, w=status.width, h=lead, paragraph=status, colour="text"))
    kind = MARKS.get(block.get("state", ""), "dash")
    colour = "primary" if kind == "check" else "muted"
    ops.append(Op(kind, status_x - gap * 0.5 - mark, top + (lead - mark) / 2, w=mark, h=mark,
                  colour=colour))  # fmt: skip
    cursor.y = top + row

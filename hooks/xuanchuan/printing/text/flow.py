"""A campaign's body as a leaflet's flowing text: Markdown to simple blocks, set in columns.

The body becomes a list of plain blocks (headings, paragraphs, list items, law excerpts,
tables, images) that any print layout can set. They flow from column to column; the text
shrinks, within the layout's limits, until everything fits, and what still does not fit is
reported with how much is too long — never cut off.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ...core.disk_cache import cache_key, cached_bytes
from .characters import printable_text

# -- Markdown to blocks ----------------------------------------------------------------------


def body_blocks(markdown: str, folder: Path, cache_dir: Path | None = None) -> list[dict]:
    """Plain blocks of a Markdown body; images are files inside ``folder`` (the campaign
    loader reports a picture that is missing or outside it, so none is dropped unseen).

    With ``cache_dir``, the body's HTML is kept there between builds, by a hash of the
    Markdown: converting hundreds of bodies is most of planning an unchanged rebuild.
    """
    html = _body_html(markdown, cache_dir)
    blocks = []
    base = folder.resolve()
    for block in _parsed(html):
        block = dict(block)  # the caller adds to its blocks; the parsed ones stay as they are
        if block["kind"] == "img":
            path = (folder / block["src"]).resolve()
            if not path.is_relative_to(base) or not path.is_file():
                continue
            block = {"kind": "img", "src": str(path)}
        blocks.append(block)
    return blocks


@functools.lru_cache(maxsize=2048)
def _parsed(html: str) -> tuple[dict, ...]:
    """The blocks of a body's HTML; a preview server asks again for each on every save."""
    parser = _BlockParser()
    parser.feed(html)
    parser.close()
    return tuple(parser.blocks)


def _body_html(markdown: str, cache_dir: Path | None) -> str:
    def convert() -> bytes:
        return _markdown().reset().convert(markdown).encode("utf-8")

    if cache_dir is None:
        return convert().decode("utf-8")
    import markdown as markdown_lib

    key = cache_key("leaflet-body", markdown_lib.__version__, markdown)
    return cached_bytes(cache_dir / f"{key}.html", convert).decode("utf-8")


@functools.cache
def _markdown():
    """One converter for every body: setting up its extensions costs more than a body."""
    import markdown as markdown_lib

    return markdown_lib.Markdown(extensions=["tables", "admonition", "attr_list"])


# Inline styles travel through the text as Unicode noncharacters, which are meant for a
# program's own use: the text is cleaned as a whole (a line break between Chinese
# characters is no space, whatever tag lies between them), then split into plain text and
# Pango markup.
_STYLES = {
    "strong": ("\ufdd0", "\ufdd1", "<b>", "</b>"),
    "b": ("\ufdd0", "\ufdd1", "<b>", "</b>"),
    "em": ("\ufdd2", "\ufdd3", "<i>", "</i>"),
    "i": ("\ufdd2", "\ufdd3", "<i>", "</i>"),
    "code": ("\ufdd4", "\ufdd5", "<tt>", "</tt>"),
}
_MARKUP = {
    mark: tag for start, end, on, off in _STYLES.values() for mark, tag in ((start, on), (end, off))
}
_MARK = re.compile("[\ufdd0-\ufdd5]")
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef]")


def _text_and_markup(styled: str) -> tuple[str, str | None]:
    """Plain text and, when some of it is styled, Pango markup of cleaned ``styled`` text."""
    text = printable_text(styled)
    # Spaces at the edges of a styled run move out of it, to be merged with their
    # neighbours and dropped at the ends of the paragraph.
    # Empty runs go. Repeated until nothing moves: styles nest.
    before = None
    while text != before:
        before = text
        text = re.sub("([\ufdd0\ufdd2\ufdd4])( +)", r"\2\1", text)
        text = re.sub("( +)([\ufdd1\ufdd3\ufdd5])", r"\2\1", text)
        text = re.sub("\ufdd0\ufdd1|\ufdd2\ufdd3|\ufdd4\ufdd5", "", text)
    text = re.sub(r" +", " ", text).strip()
    plain = _MARK.sub("", text)
    if plain == text:
        return plain, None
    from xml.sax.saxutils import escape

    pieces = re.split("([\ufdd0-\ufdd5])", text)
    markup = "".join(_MARKUP.get(piece) or escape(piece) for piece in pieces)
    return plain, markup


class _BlockParser(HTMLParser):
    _TEXT = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict] = []
        self.buffer: list[str] | None = None
        self.kind = ""
        self.lists: list[list] = []  # [tag, counter]
        self.quote = 0
        self.table: list[list[str]] | None = None
        self.header_rows = 0
        self.admonition_title = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("ul", "ol"):
            self._flush()
            self.lists.append([tag, 0])
        elif tag == "blockquote":
            self._flush()
            self.quote += 1
        elif tag == "table":
            self._flush()
            self.table, self.header_rows = [], 0
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag == "img" and attributes.get("src"):
            self._flush()
            self.blocks.append({"kind": "img", "src": attributes["src"]})
        elif tag == "br" and self.buffer is not None:
            self.buffer.append(" ")
        elif tag in _STYLES and self.buffer is not None:
            self.buffer.append(_STYLES[tag][0])
        elif tag in self._TEXT:
            self._flush()
            self.buffer = []
            self.kind = tag
            if tag == "th" and self.table and len(self.table) == 1:
                self.header_rows = 1
            if tag == "li" and self.lists:
                self.lists[-1][1] += 1
            self.admonition_title = "admonition-title" in (attributes.get("class") or "")

    def handle_endtag(self, tag):
        if tag in _STYLES and self.buffer is not None:
            self.buffer.append(_STYLES[tag][1])
        elif tag in self._TEXT:
            self._flush()
        elif tag in ("ul", "ol") and self.lists:
            self._flush()
            self.lists.pop()
        elif tag == "blockquote":
            self._flush()
            self.quote = max(0, self.quote - 1)
        elif tag == "table" and self.table is not None:
            rows = [row for row in self.table if row]
            if rows:
                self.blocks.append({"kind": "table", "rows": rows, "header": self.header_rows})
            self.table = None

    def handle_data(self, data):
        if self.buffer is not None:
            self.buffer.append(_NONCHARACTERS.sub("", data))

    def _flush(self):
        if self.buffer is None:
            return
        text, markup = _text_and_markup("".join(self.buffer))
        kind, self.buffer = self.kind, None
        if kind in ("td", "th"):
            if self.table:
                self.table[-1].append(text)
            return
        if not text:
            return
        styled = {"markup": markup} if markup else {}
        if kind == "li":
            tag, number = self.lists[-1] if self.lists else ("ul", 0)
            marker = f"{number}." if tag == "ol" else "•"
            self.blocks.append(
                {"kind": "li", "text": text, **styled, "marker": marker, "depth": len(self.lists)}
            )
        elif kind.startswith("h") or self.admonition_title:
            level = 3 if self.admonition_title else int(kind[1])
            self.blocks.append({"kind": "h2" if level <= 2 else "h3", "text": text, **styled})
        elif self.quote:
            self.blocks.append({"kind": "quote", "text": text, **styled})
        else:
            self.blocks.append({"kind": "p", "text": text, **styled})


# -- setting blocks in columns ---------------------------------------------------------------


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


def set_blocks(
    blocks,
    columns,
    size,
    line_height,
    setter,
    image_size,
    *,
    overflow_room=False,
    more_columns=None,
):
    """Place ``blocks`` in ``columns`` at font ``size`` (layout units); the drawing ops.

    ``setter(block_or_text, font, size, width)`` sets a block's text (its markup when it has
    some) or a plain text as a ``text.Paragraph``; ``font`` is "regular" or "bold".
    Raises NoRoom when they do not fit (unless ``overflow_room``, used to measure by how
    much: then ops spill into a spare column whose ``spare`` ops are counted). With
    ``more_columns``, what does not fit runs on to further pages with those columns, as
    many as it needs (each op's ``page`` says which).
    """
    cursor = _Cursor(columns, overflow_room, more_columns)
    ops = _Placed(cursor)
    lead = size * line_height

    def line_op(paragraph, number, x, height, colour) -> Op:
        """Line ``number`` of ``paragraph`` at the cursor, ``x`` from the column's left edge."""
        return Op(
            "line",
            cursor.column["x"] + x,
            cursor.y,
            w=cursor.column["w"] - x,
            h=height,
            paragraph=paragraph,
            line=number,
            colour=colour,
        )

    def text_lines(paragraph, x, colour, keep=1):
        height = paragraph.size * line_height
        for number in range(len(paragraph.lines)):
            cursor.need(height * (keep if number == 0 else 1))
            ops.append(line_op(paragraph, number, x, height, colour))
            cursor.y += height

    for index, block in enumerate(blocks):
        kind = block["kind"]
        width = cursor.column["w"]
        if kind in HEADING_SCALE:
            heading_size = size * HEADING_SCALE[kind]
            cursor.space(lead * (0.9 if kind == "h2" else 0.6))
            paragraph = setter(block, "bold", heading_size, width)
            # A heading never ends a column: it keeps two lines of what follows (or as many
            # as the block asks, such as a heading over another heading).
            following = block.get("keep", 2) if index + 1 < len(blocks) else 0
            cursor.need(len(paragraph.lines) * heading_size * line_height + following * lead)
            text_lines(paragraph, 0, "primary")
            cursor.y += lead * 0.15
        elif kind == "p":
            text_lines(setter(block, "regular", size, width), 0, "text")
            cursor.y += lead * 0.35
        elif kind == "li":
            indent = size * (1.1 + 1.1 * (block.get("depth", 1) - 1))
            paragraph = setter(block, "regular", size, width - indent)
            cursor.need(lead)
            # In right-to-left text the marker stands at the right, where the line begins.
            rtl = paragraph.rtl
            marker_x = cursor.column["x"] + (
                width - indent + size * 0.1 if rtl else indent - size * 1.0
            )
            if block["marker"] == "•":
                ops.append(
                    Op(
                        "dot",
                        marker_x + size * 0.3,
                        cursor.y + lead / 2,
                        w=size * 0.17,
                        colour="primary",
                    )
                )
            else:
                marker = setter(block["marker"], "bold", size, None)
                ops.append(
                    Op("line", marker_x, cursor.y, h=lead, paragraph=marker, colour="primary")
                )
            text_lines(paragraph, 0 if rtl else indent, "text")
            cursor.y += lead * 0.15
        elif kind == "quote":
            indent = size * 0.9
            paragraph = setter(block, "regular", size, width - indent)
            cursor.space(lead * 0.2)
            start_column, top = cursor.index, None
            for number in range(len(paragraph.lines)):
                cursor.need(lead)
                if top is None or cursor.index != start_column:
                    start_column, top = cursor.index, cursor.y
                    bar_x = cursor.column["x"] + (width - size * 0.18 if paragraph.rtl else 0)
                    bar = Op("rect", bar_x, top, w=size * 0.18, h=0, colour="primary")
                    ops.append(bar)
                ops.append(
                    line_op(paragraph, number, 0 if paragraph.rtl else indent, lead, "muted")
                )
                cursor.y += lead
                bar.h = cursor.y - bar.y
            cursor.y += lead * 0.35
        elif kind == "table":
            _set_table(block, cursor, ops, size, line_height, setter)
            cursor.y += lead * 0.4
        elif kind == "img":
            natural_w, natural_h = image_size(block["src"])
            w = width
            h = w * natural_h / max(natural_w, 1)
            limit = cursor.columns[0]["h"] / 3
            if h > limit:
                w, h = w * limit / h, limit
            cursor.space(lead * 0.3)
            cursor.need(h)
            ops.append(Op("img", cursor.column["x"], cursor.y, w=w, h=h, src=block["src"]))
            cursor.y += h + lead * 0.4
        elif kind == "bar":
            _set_bar(block, cursor, ops, size, line_height, setter)
            cursor.y += lead * 0.5
    if overflow_room and cursor.index == len(cursor.columns) - 1:
        spare = cursor.column
        raise NoRoom(cursor.y - spare["y"], lead)
    return ops


def _set_table(block, cursor, ops, size, line_height, setter) -> None:
    rows = block["rows"]
    count = max(len(row) for row in rows)
    rows = [row + [""] * (count - len(row)) for row in rows]
    width = cursor.column["w"]
    pad = size * 0.3
    natural = [
        max(setter(cell, "regular", size, None).width for cell in column) + 2 * pad
        for column in zip(*rows, strict=True)
    ]
    # Columns share the width by their natural widths, none below a sixth.
    total = sum(natural) or 1
    shares = [max(n / total, 1 / (count * 2)) for n in natural]
    widths = [width * s / sum(shares) for s in shares]
    lead = size * line_height
    for number, row in enumerate(rows):
        header = number < block.get("header", 0)
        font = "bold" if header else "regular"
        cells = [
            setter(cell, font, size, w - 2 * pad) if cell else None
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
                ops.append(
                    Op(
                        "line",
                        x + pad,
                        top + pad + index * lead,
                        w=w - 2 * pad,
                        h=lead,
                        paragraph=cell,
                        line=index,
                        colour="text",
                    )
                )
            x += w
        ops.append(
            Op(
                "rect",
                cursor.column["x"],
                top + height - size * 0.03,
                w=width,
                h=size * 0.06,
                colour="muted",
            )
        )
        cursor.y = top + height


# How a target's result is marked, drawn as shapes (no font has to have the symbols).
MARKS = {"met": "check", "not-met": "cross", "in-progress": "ring", "not-measured": "dash"}


def _set_bar(block, cursor, ops, size, line_height, setter) -> None:
    """A target: its label, then a bar filled as far as the goal is reached, the numbers
    and, at the line's end, a mark and the word for the result."""
    lead = size * line_height
    width = cursor.column["w"]
    label = setter(block, "regular", size, width)
    status = setter(block["status"], "bold", size, None)
    bar_width = width * 0.4
    gap = size * 0.8
    mark = size * 0.8
    numbers_width = width - bar_width - status.width - mark - 3 * gap
    numbers = setter(block["numbers"], "regular", size * 0.9, max(numbers_width, size * 4))
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

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

from ..core.disk_cache import cache_key, cached_bytes
from .characters import printable_text
from .linebreak import break_lines

# -- Markdown to blocks ----------------------------------------------------------------------


def body_blocks(markdown: str, folder: Path, cache_dir: Path | None = None) -> list[dict]:
    """Plain blocks of a Markdown body; images are files inside ``folder`` (the campaign
    loader reports a picture that is missing or outside it, so none is dropped unseen).

    With ``cache_dir``, the body's HTML is kept there between builds, by a hash of the
    Markdown: converting hundreds of bodies is most of planning an unchanged rebuild.
    """
    html = _body_html(markdown, cache_dir)
    parser = _BlockParser()
    parser.feed(html)
    parser.close()
    blocks = []
    base = folder.resolve()
    for block in parser.blocks:
        if block["kind"] == "img":
            path = (folder / block["src"]).resolve()
            if not path.is_relative_to(base) or not path.is_file():
                continue
            block = {"kind": "img", "src": str(path)}
        blocks.append(block)
    return blocks


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


def _clean(text: str) -> str:
    # A line break inside Chinese text is no space (printable_text); between Latin words
    # it is one, and so is any run of spaces.
    return re.sub(r" +", " ", printable_text(text)).strip()


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
        if tag in self._TEXT:
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
            self.buffer.append(data)

    def _flush(self):
        if self.buffer is None:
            return
        text = _clean("".join(self.buffer))
        kind, self.buffer = self.kind, None
        if kind in ("td", "th"):
            if self.table:
                self.table[-1].append(text)
            return
        if not text:
            return
        if kind == "li":
            tag, number = self.lists[-1] if self.lists else ("ul", 0)
            marker = f"{number}." if tag == "ol" else "•"
            self.blocks.append(
                {"kind": "li", "text": text, "marker": marker, "depth": len(self.lists)}
            )
        elif kind.startswith("h") or self.admonition_title:
            level = 3 if self.admonition_title else int(kind[1])
            self.blocks.append({"kind": "h2" if level <= 2 else "h3", "text": text})
        elif self.quote:
            self.blocks.append({"kind": "quote", "text": text})
        else:
            self.blocks.append({"kind": "p", "text": text})


# -- setting blocks in columns ---------------------------------------------------------------


class NoRoom(Exception):
    """The blocks need more room than the columns have; ``missing`` in layout units."""

    def __init__(self, missing: float, line: float):
        super().__init__(missing)
        self.missing, self.line = missing, line


@dataclass
class Op:
    """One thing to draw: text, a rectangle, a bullet or an image."""

    kind: str  # text, rect, dot, img
    x: float
    y: float  # top of the line box (text) or of the shape
    w: float = 0.0
    h: float = 0.0
    text: str = ""
    font: str = "regular"
    size: float = 0.0
    colour: str = "text"
    src: str = ""


HEADING_SCALE = {"h2": 1.3, "h3": 1.12}


class _Cursor:
    def __init__(self, columns, overflow_room: bool):
        # Columns are areas (x, y, w, h); kept as dicts so a spare one can be added.
        self.columns = [{"x": c.x, "y": c.y, "w": c.w, "h": c.h} for c in columns]
        if overflow_room:
            # An endless extra column, only to measure how much is too long.
            last = self.columns[-1]
            self.columns.append({**last, "h": 1e9, "spare": True})
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
                raise NoRoom(height - self.room(), height)
            self.index += 1
            self.y = self.column["y"]

    def space(self, height: float) -> None:
        if not self.at_top:
            self.y = min(self.y + height, self.column["y"] + self.column["h"])


def set_blocks(blocks, columns, size, line_height, measures, image_size, *, overflow_room=False):
    """Place ``blocks`` in ``columns`` at font ``size`` (layout units); the drawing ops.

    ``measures`` maps "regular"/"bold" to a function (text, size) -> width.
    Raises NoRoom when they do not fit (unless ``overflow_room``, used to measure by how
    much: then ops spill into a spare column whose ``spare`` ops are counted).
    """
    cursor = _Cursor(columns, overflow_room)
    ops: list[Op] = []
    lead = size * line_height

    def lines_of(text, width, font, text_size):
        return break_lines(text, width, lambda unit: measures[font](unit, text_size))

    def text_op(line, x, font, text_size, colour, height) -> Op:
        """A line of text at the cursor, ``x`` from the column's left edge."""
        return Op(
            "text",
            cursor.column["x"] + x,
            cursor.y,
            text=line,
            font=font,
            size=text_size,
            colour=colour,
            h=height,
        )

    def text_lines(lines, x, font, text_size, colour, keep=1):
        height = text_size * line_height
        for number, line in enumerate(lines):
            cursor.need(height * (keep if number == 0 else 1))
            ops.append(text_op(line, x, font, text_size, colour, height))
            cursor.y += height

    for index, block in enumerate(blocks):
        kind = block["kind"]
        width = cursor.column["w"]
        if kind in HEADING_SCALE:
            heading_size = size * HEADING_SCALE[kind]
            cursor.space(lead * (0.9 if kind == "h2" else 0.6))
            lines = lines_of(block["text"], width, "bold", heading_size)
            # A heading never ends a column: it keeps two lines of what follows.
            following = 2 if index + 1 < len(blocks) else 0
            cursor.need(len(lines) * heading_size * line_height + following * lead)
            text_lines(lines, 0, "bold", heading_size, "primary")
            cursor.y += lead * 0.15
        elif kind == "p":
            text_lines(lines_of(block["text"], width, "regular", size), 0, "regular", size, "text")
            cursor.y += lead * 0.35
        elif kind == "li":
            indent = size * (1.1 + 1.1 * (block.get("depth", 1) - 1))
            lines = lines_of(block["text"], width - indent, "regular", size)
            cursor.need(lead)
            marker_x = cursor.column["x"] + indent - size * 1.0
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
                ops.append(
                    Op(
                        "text",
                        marker_x,
                        cursor.y,
                        text=block["marker"],
                        font="bold",
                        size=size,
                        colour="primary",
                        h=lead,
                    )
                )
            text_lines(lines, indent, "regular", size, "text")
            cursor.y += lead * 0.15
        elif kind == "quote":
            indent = size * 0.9
            lines = lines_of(block["text"], width - indent, "regular", size)
            cursor.space(lead * 0.2)
            start_column, top = cursor.index, None
            for line in lines:
                cursor.need(lead)
                if top is None or cursor.index != start_column:
                    start_column, top = cursor.index, cursor.y
                    bar = Op("rect", cursor.column["x"], top, w=size * 0.18, h=0, colour="primary")
                    ops.append(bar)
                ops.append(text_op(line, indent, "regular", size, "muted", lead))
                cursor.y += lead
                bar.h = cursor.y - bar.y
            cursor.y += lead * 0.35
        elif kind == "table":
            _set_table(block, cursor, ops, size, line_height, measures, lines_of)
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
    if overflow_room and cursor.index == len(cursor.columns) - 1:
        spare = cursor.column
        raise NoRoom(cursor.y - spare["y"], lead)
    return ops


def _set_table(block, cursor, ops, size, line_height, measures, lines_of) -> None:
    rows = block["rows"]
    count = max(len(row) for row in rows)
    rows = [row + [""] * (count - len(row)) for row in rows]
    width = cursor.column["w"]
    pad = size * 0.3
    natural = [
        max(measures["regular"](cell, size) for cell in column) + 2 * pad
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
            lines_of(cell, w - 2 * pad, font, size) if cell else []
            for cell, w in zip(row, widths, strict=True)
        ]
        height = max(len(lines) for lines in cells) * lead + 2 * pad
        height = max(height, lead + 2 * pad)
        cursor.need(height)
        x = cursor.column["x"]
        top = cursor.y
        if header:
            ops.append(Op("rect", x, top, w=width, h=height, colour="tint"))
        for lines, w in zip(cells, widths, strict=True):
            for index, line in enumerate(lines):
                ops.append(
                    Op(
                        "text",
                        x + pad,
                        top + pad + index * lead,
                        text=line,
                        font=font,
                        size=size,
                        colour="text",
                        h=lead,
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

"""A campaign's body as plain blocks any print layout can set: headings, paragraphs, list
items, law excerpts, tables and images, read from its Markdown (cached by content)."""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

from ...core.disk_cache import cache_key, cached_bytes
from .characters import printable_text


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

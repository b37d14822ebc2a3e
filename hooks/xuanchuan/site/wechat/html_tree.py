"""A rendered page body read as a tree of elements, the way browsers read HTML (what a
start tag closes by itself, end tags without a start ignored), for the article writer."""

from __future__ import annotations

from html.parser import HTMLParser

# Elements that never have content (a start tag is the whole element).
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}  # fmt: skip
# Starting one of these ends an open paragraph, as browsers read HTML.
_ENDS_PARAGRAPH = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
}  # fmt: skip


class Element:
    """An HTML element as read: its tag, attributes (the first of a repeated one) and
    children (elements and text)."""

    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag: str, attrs: list[tuple[str, str | None]]):
        self.tag = tag
        self.attrs: dict[str, str] = {}
        for name, value in attrs:
            self.attrs.setdefault(name, value or "")  # the first of a repeated one counts
        self.children: list[Element | str] = []

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()


class TreeBuilder(HTMLParser):
    """Reads HTML into a tree of Elements, closing what HTML closes by itself."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("root", [])
        self.open: list[Element] = [self.root]

    def handle_starttag(self, tag, attrs):
        self._end_implied(tag)
        element = Element(tag, attrs)
        self.open[-1].children.append(element)
        if tag not in _VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, 0, -1):
            if self.open[index].tag == tag:
                del self.open[index:]
                return
        # An end tag without its start is ignored, as browsers do.

    def handle_data(self, data):
        self.open[-1].children.append(data)

    def _end_implied(self, tag: str) -> None:
        """Close what a start tag closes in HTML: a paragraph before a block, the list item,
        cell or row before the next one."""
        current = self.open[-1].tag
        if tag in _ENDS_PARAGRAPH and current == "p":
            self.open.pop()
        elif tag == "li":
            self._close_within("li", stop={"ul", "ol"})
        elif tag in ("dt", "dd"):
            self._close_within("dt", "dd", stop={"dl"})
        elif tag in ("td", "th"):
            self._close_within("td", "th", stop={"tr", "table"})
        elif tag == "tr":
            self._close_within("tr", stop={"table", "thead", "tbody", "tfoot"})

    def _close_within(self, *tags: str, stop: set[str]) -> None:
        for index in range(len(self.open) - 1, 0, -1):
            name = self.open[index].tag
            if name in stop:
                return
            if name in tags:
                del self.open[index:]
                return

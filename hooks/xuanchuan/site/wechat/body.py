"""A page's body as WeChat's official-account editor keeps it: known elements only, every
look written into the element's own ``style``.

The editor keeps inline styles on paragraphs, sections, spans, pictures, tables and the
like, and drops classes, ids, style sheets, scripts, frames, forms and pictures from other
sites. The body is the team's Markdown, in which raw HTML is allowed, so nothing of it is
passed on as written: it is read into a tree and written afresh from an allow-list. Each
element the article may hold is written with the style chosen here and no attribute of its
own (links and pictures get theirs back, made safe); scripts, frames, forms and media are
left out with everything inside them; any other element gives up its tag and keeps its
text. What is written is well formed whatever the input was: text and attribute values
are escaped, and every element is closed where this tree closes it.

Material's admonitions and collapsible blocks become plain boxes with a coloured edge; the
permalink (¶) after each heading goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from .html_tree import Element, TreeBuilder

# Web fonts never reach the editor: the reader's own fonts, Chinese ones named.
FONTS = (
    "-apple-system,BlinkMacSystemFont,'PingFang SC','Hiragino Sans GB','Microsoft YaHei',"
    "'Noto Sans CJK SC','Helvetica Neue',Arial,sans-serif"
)
MONO = "Menlo,Consolas,'Courier New',monospace"
TEXT = "#333333"
ACCENT = "#c62828"  # the site's red, dark enough for small text on white
LINK = "#576b95"  # WeChat's own link colour
MUTED = "#595959"

# Left out with everything inside them: nothing of them can be shown in an article.
_DROPPED = {
    "applet", "area", "audio", "base", "button", "canvas", "datalist", "dialog", "embed",
    "fieldset", "form", "frame", "frameset", "head", "iframe", "input", "label", "legend",
    "link", "map", "math", "meta", "meter", "noembed", "noframes", "noscript", "object",
    "optgroup", "option", "output", "param", "portal", "progress", "script",
    "select", "slot", "source", "style", "svg", "template", "textarea", "title", "track",
    "video", "xmp", "plaintext",
}  # fmt: skip
_CONTAINERS = {"div", "section", "article", "aside", "header", "footer", "main", "nav",
               "address", "center", "hgroup", "search"}  # fmt: skip

# Material's admonition types, each with the types that share its colour: Material's hues,
# dark enough for a 16px title on the box's tint (WCAG AA, 4.5:1).
_CALLOUT_COLOURS = {
    ("note", "seealso"): "#1565c0",
    ("abstract", "summary", "tldr"): "#01579b",
    ("info", "todo"): "#006064",
    ("tip", "hint", "important"): "#00695c",
    ("success", "check", "done"): "#1b5e20",
    ("question", "help", "faq"): "#33691e",
    ("warning", "caution", "attention"): "#bf360c",
    ("failure", "fail", "missing"): "#c62828",
    ("danger", "error"): "#b71c1c",
    ("bug",): "#c51162",
    ("example",): "#6200ea",
    ("quote", "cite"): "#616161",
}
_COLOUR_OF = {kind: colour for kinds, colour in _CALLOUT_COLOURS.items() for kind in kinds}

_BLOCK = f"font-size:16px;line-height:1.8;color:{TEXT};"
STYLES = {
    "p": "margin:0 0 1em;" + _BLOCK,
    "h2": f"margin:1.6em 0 .8em;padding-left:10px;border-left:4px solid {ACCENT};"
    f"font-size:20px;line-height:1.5;font-weight:bold;color:{TEXT};",
    "h3": f"margin:1.4em 0 .6em;font-size:18px;line-height:1.5;font-weight:bold;color:{TEXT};",
    "h4": f"margin:1.2em 0 .5em;font-size:16px;line-height:1.6;font-weight:bold;color:{TEXT};",
    "ul": "margin:0 0 1em;padding-left:2em;list-style-type:disc;" + _BLOCK,
    "ol": "margin:0 0 1em;padding-left:2em;list-style-type:decimal;" + _BLOCK,
    "li": "margin:.25em 0;" + _BLOCK,
    "nested-list": "margin:.25em 0 0;padding-left:1.5em;",
    "blockquote": "margin:0 0 1em;padding:.6em 1em;border-left:4px solid #d0d0d0;"
    f"background:#f7f7f7;font-size:16px;line-height:1.8;color:{MUTED};",
    "pre": "margin:0 0 1em;padding:.8em 1em;background:#f6f8fa;border-radius:4px;"
    "overflow-x:auto;white-space:pre-wrap;word-break:break-all;"
    f"font-family:{MONO};font-size:14px;line-height:1.6;color:{TEXT};",
    "pre-code": f"font-family:{MONO};font-size:14px;color:{TEXT};",
    "code": "margin:0 2px;padding:1px 4px;background:#f3f3f3;border-radius:3px;"
    f"font-family:{MONO};font-size:14px;color:#b71c1c;",
    "table-box": "margin:0 0 1em;overflow-x:auto;",
    "table": f"width:100%;border-collapse:collapse;font-size:15px;line-height:1.6;color:{TEXT};",
    "caption": f"padding:.4em 0;font-size:14px;color:{MUTED};",
    "th": "padding:6px 10px;border:1px solid #d9d9d9;background:#f5f5f5;font-weight:bold;"
    "text-align:left;",
    "td": "padding:6px 10px;border:1px solid #d9d9d9;text-align:left;",
    "img": "display:block;max-width:100%;height:auto;margin:.5em auto;",
    "figure": "margin:1em 0;text-align:center;",
    "figcaption": f"margin:.4em 0 0;font-size:14px;line-height:1.6;color:{MUTED};"
    "text-align:center;",
    "hr": "margin:1.5em 0;border:0;border-top:1px solid #d9d9d9;",
    "a": f"color:{LINK};text-decoration:underline;",
    "strong": "font-weight:bold;",
    "em": "font-style:italic;",
    "underline": "text-decoration:underline;",
    "strike": "text-decoration:line-through;",
    "mark": "background:#fff3a0;",
    "sup": "font-size:14px;vertical-align:super;line-height:0;",
    "sub": "font-size:14px;vertical-align:sub;line-height:0;",
    "section": "margin:0;",
    "dt": "margin:.5em 0 0;font-weight:bold;" + _BLOCK,
    "dd": "margin:0 0 .5em;padding-left:2em;" + _BLOCK,
}


def callout_style(colour: str) -> str:
    return (
        f"margin:0 0 1em;padding:.6em 1em;border-left:4px solid {colour};"
        f"background:{_tint(colour)};border-radius:4px;"
    )


def callout_title_style(colour: str) -> str:
    return f"margin:0 0 .4em;font-size:16px;line-height:1.6;font-weight:bold;color:{colour};"


@dataclass(frozen=True)
class Embedded:
    """A picture the article embeds, as the body's ``picture`` callback finds it."""

    src: str  # a data: address
    width: int
    height: int


def article_body(
    html: str,
    *,
    link: Callable[[str], str | None],
    picture: Callable[[str], Embedded | None],
    direction: str = "ltr",
) -> str:
    """``html`` (a rendered page body) as article HTML.

    ``link(href)`` gives the address a link leads to in the article, or None to keep only
    its text; ``picture(src)`` gives a picture to embed, or None to show only its
    description. Addresses that are not web, mail or telephone addresses are never
    written, whatever ``link`` answers.
    """
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    return _Writer(link, picture, direction).children(builder.root)


# -- writing ---------------------------------------------------------------------------------

_ALIGN = re.compile(r"(?:^|;)\s*text-align\s*:\s*(left|right|center|justify)\s*(?:;|$)", re.I)
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")
_HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
_INLINE = {
    "strong": ("strong", "strong"),
    "b": ("strong", "strong"),
    "em": ("em", "em"),
    "i": ("em", "em"),
    "cite": ("em", "em"),
    "u": ("span", "underline"),
    "ins": ("span", "underline"),
    "s": ("span", "strike"),
    "del": ("span", "strike"),
    "strike": ("span", "strike"),
    "mark": ("span", "mark"),
    "sup": ("sup", "sup"),
    "sub": ("sub", "sub"),
    "kbd": ("code", "code"),
    "samp": ("code", "code"),
    "tt": ("code", "code"),
}
_MIRRORED = {"left": "right", "right": "left"}


class _Writer:
    def __init__(self, link, picture, direction: str):
        self.link = link
        self.picture = picture
        self.right_to_left = direction == "rtl"
        self.in_link = False
        self.in_pre = False
        self.lists = 0

    def style(self, name: str) -> str:
        return self.mirrored(STYLES[name])

    def mirrored(self, style: str) -> str:
        """A style for a right-to-left article: edges and indents on the other side."""
        if not self.right_to_left:
            return style
        return re.sub(r"\b(left|right)\b", lambda found: _MIRRORED[found.group(1)], style)

    def children(self, element: Element) -> str:
        return "".join(self.node(child) for child in element.children)

    def node(self, node: Element | str) -> str:
        if isinstance(node, str):
            return escape(node, quote=False)
        tag = node.tag
        if tag in _DROPPED or _is_permalink(node):
            return ""
        if tag in ("div", "details") and _callout_kind(node):
            return self.callout(node)
        if tag in _HEADINGS:
            name = _HEADINGS[tag]
            return self.block(node, name, self.style(name) + self.alignment(node))
        if tag == "p":
            return self.block(node, "p", self.style("p") + self.alignment(node))
        if tag in ("ul", "ol", "menu"):
            return self.list(node)
        if tag == "li":
            return self.block(node, "li", self.style("li"), keep_empty=True)
        if tag == "blockquote":
            return self.block(node, "blockquote", self.style("blockquote"))
        if tag in ("pre", "listing"):
            return self.pre(node)
        if tag == "code":
            style = self.style("pre-code") if self.in_pre else self.style("code")
            return self.inline(node, "code", style)
        if tag == "table":
            return self.table(node)
        if tag in ("thead", "tbody", "tfoot", "tr"):
            return self.block(node, tag, "", keep_empty=True)
        if tag in ("td", "th"):
            return self.cell(node)
        if tag == "caption":
            return self.block(node, "caption", self.style("caption"))
        if tag == "img":
            return self.image(node)
        if tag == "a":
            return self.anchor(node)
        if tag == "br":
            return "<br>"
        if tag == "hr":
            return f'<hr style="{self.style("hr")}">'
        if tag == "figure":
            return self.block(node, "section", self.style("figure"))
        if tag == "figcaption":
            return self.block(node, "p", self.style("figcaption"))
        if tag == "dl":
            return self.block(node, "section", self.style("section"))
        if tag in ("dt", "dd"):
            return self.block(node, "p", self.style(tag))
        if tag in _CONTAINERS:
            return self.block(node, "section", self.style("section") + self.alignment(node))
        if tag in _INLINE:
            name, style = _INLINE[tag]
            return self.inline(node, name, self.style(style))
        # Any other element (span, abbr, font, a name the team made up): its text alone.
        return self.children(node)

    def block(self, node: Element, tag: str, style: str, keep_empty: bool = False) -> str:
        inner = self.children(node)
        if not keep_empty and not inner.strip():
            return ""
        attributes = f' style="{style}"' if style else ""
        return f"<{tag}{attributes}>{inner}</{tag}>"

    def inline(self, node: Element, tag: str, style: str) -> str:
        inner = self.children(node)
        return f'<{tag} style="{style}">{inner}</{tag}>' if inner else ""

    def list(self, node: Element) -> str:
        tag = "ol" if node.tag == "ol" else "ul"
        style = self.style(tag)
        if self.lists:
            style += self.style("nested-list")
        start = node.attrs.get("start", "").strip()
        extra = f' start="{int(start)}"' if tag == "ol" and start.isdigit() else ""
        self.lists += 1
        try:
            inner = self.children(node)
        finally:
            self.lists -= 1
        return f'<{tag}{extra} style="{style}">{inner}</{tag}>' if inner.strip() else ""

    def pre(self, node: Element) -> str:
        self.in_pre = True
        try:
            inner = self.children(node)
        finally:
            self.in_pre = False
        return f'<pre style="{self.style("pre")}">{inner}</pre>'

    def table(self, node: Element) -> str:
        inner = self.children(node)
        if not inner.strip():
            return ""
        return (
            f'<section style="{self.style("table-box")}">'
            f'<table style="{self.style("table")}">{inner}</table></section>'
        )

    def cell(self, node: Element) -> str:
        extra = ""
        for name in ("colspan", "rowspan"):
            value = node.attrs.get(name, "").strip()
            if value.isdigit() and 1 < int(value) <= 100:
                extra += f' {name}="{int(value)}"'
        style = self.style(node.tag) + self.alignment(node)
        return f'<{node.tag}{extra} style="{style}">{self.children(node)}</{node.tag}>'

    def alignment(self, node: Element) -> str:
        """The team's text alignment, the one look an element keeps: tables in Markdown
        set it on their cells, and raw HTML centres a line with it."""
        found = _ALIGN.search(node.attrs.get("style", ""))
        value = found.group(1).lower() if found else node.attrs.get("align", "").strip().lower()
        return f"text-align:{value};" if value in ("left", "right", "center", "justify") else ""

    def image(self, node: Element) -> str:
        src = node.attrs.get("src", "").strip()
        found = self.picture(src) if src else None
        alt = node.attrs.get("alt", "").strip()
        if found is None or not found.src.startswith("data:image/"):
            # WeChat shows no picture from elsewhere: its description stands in for it.
            return escape(alt, quote=False)
        return (
            f'<img src="{escape(found.src)}" alt="{escape(alt)}" width="{found.width}" '
            f'height="{found.height}" style="{self.style("img")}">'
        )

    def anchor(self, node: Element) -> str:
        href = node.attrs.get("href", "").strip()
        target = None if self.in_link or not href else self.link(href)
        if target is None or not target.lower().startswith(_SAFE_SCHEMES):
            return self.children(node)
        self.in_link = True
        try:
            inner = self.children(node)
        finally:
            self.in_link = False
        if not inner:
            return ""
        return f'<a href="{escape(target)}" style="{self.style("a")}">{inner}</a>'

    def callout(self, node: Element) -> str:
        colour = _COLOUR_OF.get(_callout_kind(node) or "", _COLOUR_OF["note"])
        title, rest = "", node.children
        for index, child in enumerate(node.children):
            if isinstance(child, str):
                if child.strip():
                    break
                continue
            if child.tag == "summary" or "admonition-title" in child.classes:
                title = self.children(child)
                rest = node.children[:index] + node.children[index + 1 :]
            break
        body = "".join(self.node(child) for child in rest)
        heading = f'<p style="{callout_title_style(colour)}">{title}</p>' if title.strip() else ""
        if not (heading or body.strip()):
            return ""
        return f'<section style="{self.mirrored(callout_style(colour))}">{heading}{body}</section>'


def _callout_kind(node: Element) -> str | None:
    """The type of a Material admonition (``div.admonition``) or collapsible block
    (``details``), None for any other element."""
    classes = node.classes
    if node.tag == "div" and "admonition" not in classes:
        return None
    kinds = [name for name in classes if name in _COLOUR_OF]
    return kinds[0] if kinds else "note"


def _is_permalink(node: Element) -> bool:
    """The ¶ after a heading, a footnote's way back up: links within a page that has no
    anchors left."""
    return node.tag == "a" and bool({"headerlink", "footnote-backref"} & set(node.classes))


def _tint(colour: str) -> str:
    """``colour`` laid at a tenth of its strength on white: a box's background."""
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    mixed = (round(255 - (255 - value) * 0.1) for value in (red, green, blue))
    return "#" + "".join(f"{value:02x}" for value in mixed)

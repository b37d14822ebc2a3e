"""The team's plain text, made safe for a theme that prints it as HTML.

What is trusted and what is not: the Markdown body of a page or campaign is the team's own
HTML (raw HTML in Markdown is a feature, and it is shown as written). Everything else the
team writes (front matter fields, file and folder names, the site and language names in
mkdocs.yml) is plain text: a "<" in it is shown as "<", never run. Material prints page
titles, descriptions, tags, the site name and the rest as HTML, in the page and in search
results (inserted with innerHTML), so these values are escaped once, here, as they enter.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# The front matter fields Material prints into HTML or an attribute.
TEXT_FIELDS = ("title", "description", "subtitle", "status")


# Characters that set the direction of the text after them: an override or embedding left
# open in a title would run on into the site's name after it in the tab and in search.
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")


def as_html(text: str) -> Markup:
    """``text`` as HTML showing exactly that text. Markup is not escaped again by Jinja's
    ``| e``, so a theme that does escape a value shows it once, not as "&amp;lt;"; nor by
    this function, so a value made safe once stays as it is."""
    if isinstance(text, Markup):
        return text
    return escape(isolated(str(text)))


def isolated(text: str) -> str:
    """``text`` inside a first-strong isolate when it holds direction marks: they keep
    their effect within it (a Uyghur title's marks stay), and stop at its end."""
    return f"\u2068{text}\u2069" if _DIRECTION.search(text) else text


def plain_text_meta(meta: dict) -> dict:
    """A page's front matter with every field a theme prints made into safe HTML."""
    safe = dict(meta)
    for name in TEXT_FIELDS:
        if isinstance(safe.get(name), str | int | float):
            safe[name] = as_html(safe[name])
    if isinstance(safe.get("tags"), list):
        safe["tags"] = [as_html(tag) for tag in safe["tags"] if isinstance(tag, str | int | float)]
    return safe


def plain_text_titles(items) -> None:
    """Every title of a navigation (``Section``, ``Page``, ``Link`` objects, by duck typing)
    made into HTML showing exactly its text: folder names and the titles written in
    mkdocs.yml's ``nav`` are text, as file names and front matter are."""
    for item in items:
        children = getattr(item, "children", None)
        if children is not None:
            item.title = as_html(item.title) if item.title is not None else None
            plain_text_titles(children)
        elif isinstance(getattr(item, "title", None), Markup):
            continue
        elif "title" in vars(item) and isinstance(vars(item)["title"], str):
            # A page's title given in mkdocs.yml (a title MkDocs works out comes later,
            # from the front matter the engine has made plain).
            item.title = as_html(vars(item)["title"])

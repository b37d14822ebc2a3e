"""The team's plain text, made safe for a theme that prints it as HTML.

What is trusted and what is not: the Markdown body of a page or campaign is the team's own
HTML (raw HTML in Markdown is a feature, and it is shown as written). Everything else the
team writes (front matter fields, file and folder names, the site and language names in
mkdocs.yml) is plain text: a "<" in it is shown as "<", never run. Material prints page
titles, descriptions, tags, the site name and the rest as HTML, in the page and in search
results (inserted with innerHTML), so these values are escaped once, here, as they enter.
"""

from __future__ import annotations

from markupsafe import Markup, escape

# The front matter fields Material prints into HTML or an attribute.
TEXT_FIELDS = ("title", "description", "subtitle", "status")


def as_html(text: str) -> Markup:
    """``text`` as HTML showing exactly that text. Markup is not escaped again by Jinja's
    ``| e``, so a theme that does escape a value shows it once, not as "&amp;lt;"."""
    return escape(str(text))


def plain_text_meta(meta: dict) -> dict:
    """A page's front matter with every field a theme prints made into safe HTML."""
    safe = dict(meta)
    for name in TEXT_FIELDS:
        if isinstance(safe.get(name), str | int | float):
            safe[name] = as_html(safe[name])
    if isinstance(safe.get("tags"), list):
        safe["tags"] = [as_html(tag) for tag in safe["tags"] if isinstance(tag, str | int | float)]
    return safe

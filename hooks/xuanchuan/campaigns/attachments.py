"""The files a campaign publishes besides its pages: the files its body refers to (pictures,
and files it links to), in the folder or its subfolders. Its poster photo is printed, and
published only if the body shows or links it too.

Nothing else in a campaign folder reaches the site: editor leftovers, office files and notes
kept next to a campaign stay private. Every picture the body shows is checked like the
poster photo, so a missing or broken one is reported with its line when the campaign is
read, instead of leaving a hole on the page and the leaflet.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..core.errors import Problem
from ..core.frontmatter import Document
from ..core.images import check_image

# Markup in a body that can refer to a file: links, pictures and media.
_REFERRING = {"a": "href", "img": "src", "source": "src", "video": "src", "audio": "src"}


@dataclass(frozen=True)
class Reference:
    """A file a body refers to: ``target`` as written, relative to the campaign folder."""

    target: str
    is_picture: bool


def body_references(markdown: str) -> list[Reference]:
    """Every local file the body refers to, in order (web addresses, anchors and pages
    are not files of the campaign)."""
    if not any(mark in markdown for mark in ("](", "]:", "<")):
        return []  # no link, picture or markup: most bodies, spared a Markdown conversion
    parser = _ReferenceParser()
    parser.feed(_markdown().reset().convert(markdown))
    parser.close()
    return [
        Reference(path, reference.is_picture)
        for reference in parser.references
        if (path := _local_path(reference.target))
    ]


def check_body_pictures(
    document: Document,
    folder: Path,
    problems: list[Problem],
    cache_dir: Path | None = None,
    *,
    inside: Path | None = None,
) -> None:
    """Each picture the body shows must be a good image inside the campaign folder
    (``inside``, when the body's paths start from a folder within it, as a report's do)."""
    for reference in body_references(document.body):
        if not reference.is_picture:
            continue
        message = check_image(folder, reference.target, cache_dir, inside=inside)
        if message:
            line = _line_of(document, reference.target)
            problems.append(Problem(document.path, line, None, message))


def referred_files(
    folder: Path, body: str, *, inside: Path | None = None
) -> list[tuple[Path, bool]]:
    """Each file ``body`` refers to, written from ``folder``, that is inside the campaign
    folder (``inside``, ``folder`` unless said otherwise), with whether it is shown as a
    picture (else linked to or played), in order. Nothing else of the folder is published."""
    base = (folder if inside is None else inside).resolve()
    found = []
    for reference in body_references(body):
        path = folder / reference.target
        if path.is_file() and path.resolve().is_relative_to(base):
            found.append((Path(posixpath.normpath(path.as_posix())), reference.is_picture))
    return found


def _local_path(address: str) -> str | None:
    """The file path of an address within the site, or None for a web address, an anchor
    or a page (pages are checked by the site builder)."""
    parts = urlsplit(address.strip())
    if parts.scheme or parts.netloc or not parts.path or parts.path.endswith((".md", "/")):
        return None
    return unquote(parts.path)


def _line_of(document: Document, target: str) -> int | None:
    """The line of the body where ``target`` is written, counted in the whole file."""
    for number, text in enumerate(document.body.splitlines()):
        if target in text:
            return document.body_line + number
    return None


@functools.cache
def _markdown():
    """The body read as the site reads it, enough to find every link and picture."""
    import markdown as markdown_lib

    return markdown_lib.Markdown(
        extensions=["tables", "admonition", "attr_list", "md_in_html", "pymdownx.superfences"]
    )


class _ReferenceParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.references: list[Reference] = []

    def handle_starttag(self, tag, attrs):
        name = _REFERRING.get(tag)
        value = dict(attrs).get(name) if name else None
        if value:
            self.references.append(Reference(value, is_picture=tag == "img"))

    handle_startendtag = handle_starttag

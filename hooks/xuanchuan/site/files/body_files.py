"""The files the bodies of campaigns and reports refer to, as the site publishes them.

A picture a page shows is published as web-sized copies (site/files/web_photos.py), never as the
camera's original: print files use the original, readers get 480 to 1600 px. A file a page
links to (a form, a PDF, a photo offered for download) is published as it is. Either way
once, in the default language's site, whatever the language whose body names it: the other
languages' pages refer to those files, as report photos do (site/reports/views.py).

MkDocs still checks each page's links against the originals (``link_targets``); the page's
HTML is then given the published files (``with_published_files``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from ...campaigns.attachments import referred_files
from ...campaigns.model import Campaign, CampaignSet
from ...campaigns.reports import REPORTS
from ...core.links import href_path, relative_url
from ..reports.views import PHOTO_SIZES
from .web_photos import WebPhoto

# Pictures drawn again as JPEG copies; a GIF may move, and is published as it is.
_COPIED_FORMATS = ("JPEG", "PNG", "WEBP")


@dataclass(frozen=True)
class BodyFile:
    """A file of a campaign folder that a body refers to."""

    original: Path
    key: str  # its path in a language's site, campaigns/<slug>/...
    linked: bool  # a page links to it or plays it: the original itself is published
    web: WebPhoto | None  # a picture shown, as its web copies

    @property
    def published(self) -> bool:
        """Whether the original itself is published (else only its web copies)."""
        return self.linked or self.web is None


def shown_pictures(campaigns: CampaignSet) -> list[Path]:
    """Every picture the bodies of the campaigns (in every language) and of their reports
    show that the site draws web copies of."""
    found = set()
    for versions in campaigns.campaigns.values():
        for campaign in versions.values():
            for path, is_picture in _referenced(campaign):
                if is_picture and _copied(path):
                    found.add(path)
    return sorted(found)


def body_files(versions: Iterable[Campaign], photos: dict[Path, WebPhoto]) -> list[BodyFile]:
    """The files the bodies of one campaign, in every language in ``versions``, and of its
    reports refer to, each once."""
    linked: dict[Path, bool] = {}
    slug = folder = None
    for campaign in versions:
        slug, folder = campaign.slug, campaign.folder
        for path, is_picture in _referenced(campaign):
            linked[path] = linked.get(path, False) or not is_picture
    files = []
    for path, is_linked in sorted(linked.items()):
        inside = path.relative_to(folder).as_posix()
        files.append(BodyFile(path, f"campaigns/{slug}/{inside}", is_linked, photos.get(path)))
    return files


def published_assets(files: list[BodyFile]) -> list[tuple[str, Path]]:
    """(site path, file) of what the default language's site publishes for ``files``."""
    assets = {}
    for file in files:
        if file.published:
            assets[file.key] = file.original
        if file.web is not None:
            for copy in file.web.copies:
                assets[_copy_key(file, copy)] = copy.path
    return sorted(assets.items())


def link_targets(files: list[BodyFile], publishes: bool) -> list[tuple[str, Path]]:
    """(site path, file) of the originals pages of a language refer to that its site does
    not publish: MkDocs checks the links against them, and the pages are then given the
    published files."""
    return [(file.key, file.original) for file in files if not (publishes and file.published)]


def pictures_view(files: list[BodyFile], here: str, publishes: bool) -> dict[str, dict]:
    """For the page at ``here`` (relative to the site root, language folder included):
    what each original the page may refer to becomes. ``img`` is the attributes of a
    picture shown as web copies; ``original`` the address of the original published in
    the default language's site, for a language that does not publish it."""
    view = {}
    for file in files:
        shown: dict = {}
        if file.web is not None:
            copies = file.web.copies
            middle = copies[min(1, len(copies) - 1)]
            shown["img"] = {
                "src": href_path(relative_url(_copy_key(file, middle), here)),
                "srcset": ", ".join(
                    f"{href_path(relative_url(_copy_key(file, c), here))} {c.width}w"
                    for c in copies
                ),
                "sizes": PHOTO_SIZES,
                "width": str(middle.width),
                "height": str(middle.height),
            }
        if file.published and not publishes:
            shown["original"] = href_path(relative_url(file.key, here))
        if shown:
            view[file.key] = shown
    return view


def with_published_files(html: str, page_url: str, view: dict[str, dict]) -> str:
    """``html`` of the page at ``page_url`` (within its language's site) with each picture
    and link to an original in ``view`` (``pictures_view``) given the published files."""
    if not view or "<" not in html:
        return html
    parser = _Tags(page_url, view)
    parser.feed(html)
    parser.close()
    if not parser.changes:
        return html
    starts = _line_starts(html)
    out, done = [], 0
    for (line, column), length, replacement in parser.changes:
        start = starts[line - 1] + column
        out.append(html[done:start])
        out.append(replacement)
        done = start + length
    out.append(html[done:])
    return "".join(out)


# Markup that refers to a file, and the attribute that names it (as campaigns/attachments.py
# finds them).
_REFERRING = {"a": "href", "img": "src", "source": "src", "video": "src", "audio": "src"}
# What a web copy's picture says of itself: the page's own values for these are replaced.
_PICTURE_ATTRIBUTES = ("src", "srcset", "sizes", "width", "height", "loading", "decoding")


class _Tags(HTMLParser):
    def __init__(self, page_url: str, view: dict[str, dict]):
        super().__init__(convert_charrefs=True)
        self.base = (
            page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
        )
        self.view = view
        self.changes: list[tuple[tuple[int, int], int, str]] = []

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs, True)

    def _tag(self, tag, attrs, closed):
        name = _REFERRING.get(tag)
        values = dict(attrs)
        address = values.get(name) if name else None
        if not address:
            return
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return
        key = posixpath.normpath(posixpath.join(self.base, unquote(parts.path)))
        shown = self.view.get(key)
        if shown is None:
            return
        if tag == "img" and "img" in shown:
            picture = shown["img"]
            # The page's own size, if it gives one, is what the team chose.
            sized = "width" in values or "height" in values
            kept = [
                (k, v)
                for k, v in attrs
                if k not in _PICTURE_ATTRIBUTES or (sized and k in ("width", "height"))
            ]
            added = [
                ("src", picture["src"]),
                ("srcset", picture["srcset"]),
                ("sizes", picture["sizes"]),
            ]
            if not sized:
                added += [("width", picture["width"]), ("height", picture["height"])]
            added += [("loading", "lazy"), ("decoding", "async")]
            new_attrs = kept + added
        elif "original" in shown:
            published = urlunsplit(("", "", shown["original"], parts.query, parts.fragment))
            new_attrs = [(k, published if k == name else v) for k, v in attrs]
        else:
            return
        text = self.get_starttag_text()
        self.changes.append((self.getpos(), len(text), _start_tag(tag, new_attrs, closed)))


def _start_tag(tag: str, attrs, closed: bool) -> str:
    written = "".join(
        f" {name}" if value is None else f' {name}="{escape(value, quote=True)}"'
        for name, value in attrs
    )
    return f"<{tag}{written}{' /' if closed else ''}>"


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for number, char in enumerate(text):
        if char == "\n":
            starts.append(number + 1)
    return starts


def _copy_key(file: BodyFile, copy) -> str:
    folder = posixpath.dirname(file.key)
    return f"{folder}/{file.web.published_name(copy)}"


def _referenced(campaign: Campaign):
    """(file, shown as a picture) for each file inside the campaign folder that the
    campaign's body or its reports' bodies refer to."""
    yield from referred_files(campaign.folder, campaign.body)
    for report in campaign.reports:
        yield from referred_files(campaign.folder / REPORTS, report.body, inside=campaign.folder)


def _copied(path: Path) -> bool:
    """Whether web copies are drawn of the picture at ``path``."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return image.format in _COPIED_FORMATS
    except (OSError, UnidentifiedImageError):
        return False

"""The built site as hosting sees it: each file's path, size, checksum, the order it goes
up in, and the headers it is served with."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
from dataclasses import dataclass
from pathlib import Path

# The order files go up in, so the live site stays whole while it is replaced: a page is
# published only after everything it shows, and the lists that lead to pages (sitemap,
# feeds, search) only after the pages. Files gone from the site are deleted last.
ASSETS, PAGES, INDEXES = "assets", "pages", "indexes"
PHASES = (ASSETS, PAGES, INDEXES)

# Headers by kind. A file whose name carries its content's hash (Material's
# main.6f8fc17f.min.css) never changes under that name: a year in the browser's cache.
# Pages, feeds and the search index are asked about again on every visit (a cheap "not
# modified" when unchanged), so a corrected page is seen at once; print files and pictures
# for an hour, as a campaign may still be corrected.
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
HOUR = "public, max-age=3600"

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".ics": "text/calendar; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".txt": "text/plain; charset=utf-8",
    ".gz": "application/gzip",
    ".map": "application/json",
}
# Feeds by name: news.xml is an Atom feed, which readers recognise by its type.
NAMED_TYPES = {"news.xml": "application/atom+xml; charset=utf-8"}
_HASHED_NAME = re.compile(r"\.[0-9a-f]{8,}\.(min\.)?[a-z0-9]+$")
INDEX_NAMES = ("sitemap.xml", "sitemap.xml.gz", "news.xml", "calendar.ics")


@dataclass(frozen=True)
class SiteFile:
    path: str  # relative to the site's folder, with "/"
    size: int
    md5: str

    @property
    def phase(self) -> str:
        name = self.path.rsplit("/", 1)[-1]
        if name in INDEX_NAMES or self.path.startswith("search/") or "/search/" in self.path:
            return INDEXES
        if name.endswith(".html"):
            return PAGES
        return ASSETS

    @property
    def content_type(self) -> str:
        name = self.path.rsplit("/", 1)[-1]
        if name in NAMED_TYPES:
            return NAMED_TYPES[name]
        suffix = os.path.splitext(name)[1].lower()
        return TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"

    @property
    def cache_control(self) -> str:
        if self.phase != ASSETS:
            return REVALIDATE
        if _HASHED_NAME.search(self.path):
            return IMMUTABLE
        return HOUR


def site_files(site_dir: Path) -> dict[str, SiteFile]:
    """Every file of the built site, by path; links are followed only inside the site."""
    found: dict[str, SiteFile] = {}
    root = site_dir.resolve()
    for folder, folders, names in os.walk(site_dir):
        folders.sort()
        for name in sorted(names):
            path = Path(folder) / name
            real = path.resolve()
            if not real.is_relative_to(root) or not real.is_file():
                continue
            relative = path.relative_to(site_dir).as_posix()
            found[relative] = SiteFile(relative, real.stat().st_size, _md5(real))
    return found


def _md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

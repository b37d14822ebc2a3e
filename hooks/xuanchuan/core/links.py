"""Relative links between the language versions of a page.

Links stay relative so the site works under any sub-path and when opened from a folder.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path


def relative_url(target: str, current: str) -> str:
    """The link from the page at ``current`` to ``target``; both relative to the site root.

    A URL ending in "/" (or empty) is a folder; anything else is a file.
    """
    base = current if current.endswith("/") or not current else posixpath.dirname(current)
    relative = posixpath.relpath(target.rstrip("/") or ".", base.rstrip("/") or ".")
    if target.endswith("/") or not target:
        relative = "./" if relative == "." else relative + "/"
    return relative


def counterpart_url(page_url: str, from_prefix: str, to_prefix: str) -> str:
    """The link from a page to the same page in another language.

    ``page_url`` is the page's URL within its language (``knowledge/first-aid.html``);
    prefixes are the languages' folders (``""`` for the default, ``"en/"``).
    """
    if page_url in (".", "./"):
        page_url = ""
    return relative_url(to_prefix + page_url, from_prefix + page_url)


def page_url(key: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives a page source ``key``, relative to its language's root."""
    stem = key[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        return folder if use_directory_urls else folder + "index.html"
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


def address(site_url: str | None, path: str) -> str | None:
    """The published address of ``path`` (relative to the site root), None without a
    ``site_url``: QR codes, feeds and share cards need the address readers will type."""
    return site_url.rstrip("/") + "/" + path if site_url else None


# What a link's path cannot hold as it is. Letters of any script stay as written: browsers
# encode them, and "%E8%A1%8C" for each Chinese character would triple a list of titles.
_NOT_IN_A_PATH = re.compile(r'[\x00-\x20"#%<>?\[\\\]^`{|}\x7f]')


def href_path(path: str) -> str:
    """``path`` as a link names it: only what would end or break a URL is encoded."""
    return _NOT_IN_A_PATH.sub(lambda found: f"%{ord(found.group()):02X}", path)


def path_within(path: Path, folder: Path) -> str:
    """``path`` relative to ``folder``, as a site path (``reports/photos/a.jpg``).

    Paths the engine joins itself are compared as written: resolving is a system call per
    folder of the path, and a page with photos asks for many. Only a path that is not
    written under ``folder`` (a symbolic link on the way) is resolved first.
    """
    try:
        inside = path.relative_to(folder)
    except ValueError:
        inside = path.resolve().relative_to(folder.resolve())
    else:
        if ".." in inside.parts:
            inside = path.resolve().relative_to(folder.resolve())
    return inside.as_posix()

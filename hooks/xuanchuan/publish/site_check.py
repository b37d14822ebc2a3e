"""``xuanchuan check``: every link, anchor, picture, print file, short link and QR code
address of the built site leads to something inside it.

Read from the built HTML, as a reader's browser would follow it: a relative link from the
page's own folder, an absolute one under the site's address as the page it names. What a
page loads (scripts, styles, pictures, frames) must come from the site itself: readers in
mainland China cannot reach most outside hosts, and an outside script is code the team
did not write. Printed QR codes lead where each page's print footer says (the same short
address the engine draws into that page's posters and leaflets).
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..core.messages import Message, msg

# Attributes that name another file, by tag; True marks what the page loads itself.
LINKING = {
    ("a", "href"): False,
    ("area", "href"): False,
    ("link", "href"): None,  # depends on rel
    ("script", "src"): True,
    ("img", "src"): True,
    ("img", "srcset"): True,
    ("source", "src"): True,
    ("source", "srcset"): True,
    ("iframe", "src"): True,
    ("video", "src"): True,
    ("video", "poster"): True,
    ("audio", "src"): True,
    ("embed", "src"): True,
    ("object", "data"): True,
    ("track", "src"): True,
}
# <link rel=...> that only names another page, loaded by nobody.
NAMING_RELS = {"canonical", "alternate", "prev", "next", "author", "license", "help", "search"}
IGNORED_SCHEMES = ("mailto:", "tel:", "sms:", "data:image/", "blob:", "about:")
FOOTER_CLASS = "xc-print-footer"
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass(frozen=True)
class Broken:
    file: str  # the site file that holds the link, relative to the site
    line: int
    link: str
    reason: Message

    def __str__(self) -> str:
        return str(
            msg(
                "{file}, line {line}: {link}: {reason}",
                file=self.file,
                line=self.line,
                link=self.link,
                reason=self.reason,
            )
        )


@dataclass
class CheckResult:
    pages: int = 0
    links: int = 0
    qr_codes: list[str] = field(default_factory=list)  # the addresses printed QR codes hold
    short_links: int = 0
    broken: list[Broken] = field(default_factory=list)


@dataclass
class _Page:
    links: list[tuple[str, str, str, int, bool]]  # tag, attribute, value, line, loaded
    ids: set[str]
    qr: list[tuple[str, int]]  # footer QR addresses, with their line
    refresh: tuple[str, int] | None


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = _Page([], set(), [], None)
        self.in_footer = 0
        self.footer_text: list[str] = []
        self.footer_line = 0

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, opens=False)

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, opens=tag not in VOID)

    def _start(self, tag, attrs, opens: bool):
        values = dict(attrs)
        line = self.getpos()[0]
        for name in ("id", "name" if tag == "a" else ""):
            if name and values.get(name):
                self.page.ids.add(values[name])
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            found = re.search(r"url\s*=\s*['\"]?([^'\"]+)", values.get("content") or "", re.I)
            if found:
                self.page.refresh = (found.group(1).strip(), line)
        if self.in_footer:
            self.in_footer += opens
        elif FOOTER_CLASS in (values.get("class") or "").split():
            self.in_footer, self.footer_text, self.footer_line = 1, [], line
        for (linking_tag, attribute), loaded in LINKING.items():
            if tag != linking_tag or not values.get(attribute):
                continue
            if tag == "link":
                rels = set((values.get("rel") or "").lower().split())
                loaded = not (rels & NAMING_RELS)
            value = values[attribute]
            for one in _srcset(value) if attribute == "srcset" else [value]:
                self.page.links.append((tag, attribute, one, line, bool(loaded)))

    def handle_endtag(self, tag):
        if self.in_footer and tag not in VOID:
            self.in_footer -= 1
            if not self.in_footer:
                for word in "".join(self.footer_text).split():
                    if word.startswith(("http://", "https://")):
                        self.page.qr.append((word, self.footer_line))

    def handle_data(self, data):
        if self.in_footer:
            self.footer_text.append(" " + data + " ")


def _srcset(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def read_pages(site_dir: Path) -> dict[str, _Page]:
    pages = {}
    for folder, folders, names in os.walk(site_dir):
        folders.sort()
        for name in sorted(names):
            if name.endswith(".html"):
                path = Path(folder) / name
                reader = _Reader()
                reader.feed(path.read_text(encoding="utf-8", errors="replace"))
                reader.close()
                pages[path.relative_to(site_dir).as_posix()] = reader.page
    return pages


def check_site(site_dir: Path, site_url: str | None) -> CheckResult:
    """Every problem of the built site at ``site_dir`` published at ``site_url``."""
    result = CheckResult()
    pages = read_pages(site_dir)
    result.pages = len(pages)
    exists = _Existing(site_dir)
    for name, page in pages.items():
        for _tag, _attribute, value, line, loaded in page.links:
            result.links += 1
            reason = _link_problem(name, value, loaded, site_url, exists, pages)
            if reason is not None:
                result.broken.append(Broken(name, line, value, reason))
        if page.refresh:
            result.short_links += name.startswith("s/") or "/s/" in name
            value, line = page.refresh
            reason = _link_problem(name, value, False, site_url, exists, pages)
            if reason is not None:
                result.broken.append(Broken(name, line, value, reason))
        for address, line in page.qr:
            result.qr_codes.append(address)
            reason = _qr_problem(address, site_url, exists, pages)
            if reason is not None:
                result.broken.append(Broken(name, line, address, reason))
    return result


def _link_problem(page, value, loaded, site_url, exists, pages) -> Message | None:
    link = value.strip()
    if not link or link == "#" or link.lower().startswith(IGNORED_SCHEMES):
        return None
    lowered = link.lower()
    if lowered.startswith(("javascript:", "vbscript:", "data:")):
        return msg("runs or carries code inside the link: expected an address")
    parts = urlsplit(link)
    if link.startswith("/") and not link.startswith("//") and site_url:
        # From the host's root (the 404 page, served at any address, links so).
        base = urlsplit(site_url)
        link = f"{base.scheme}://{base.netloc}{link}"
        parts = urlsplit(link)
    if parts.scheme or link.startswith("//"):
        inside = _inside(link, site_url)
        if inside is None:
            if loaded:
                return msg(
                    "loaded from outside the site: readers without access to that host see "
                    "nothing; expected a copy inside the site"
                )
            return None  # a link out to another site: followed by the reader, not loaded
        target, fragment = inside, parts.fragment
    else:
        if not parts.path:
            target = page
        else:
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(page), unquote(parts.path))
            )
            if parts.path.endswith("/"):
                target += "/"
        fragment = parts.fragment
        if target.startswith("../") or target == "..":
            return msg("leads outside the site's folder")
    found = exists.resolve(target)
    if found is None:
        return msg("leads to nothing in the site")
    if fragment and found.endswith(".html"):
        ids = pages[found].ids if found in pages else set()
        if unquote(fragment) not in ids and fragment not in ids:
            return msg('the page has no place "#{fragment}"', fragment=unquote(fragment))
    return None


def _qr_problem(address, site_url, exists, pages) -> Message | None:
    inside = _inside(address, site_url)
    if inside is None:
        return msg("a printed QR code leads outside the site's address ({url})", url=site_url)
    found = exists.resolve(inside)
    if found is None:
        return msg("a printed QR code leads to nothing in the site")
    page = pages.get(found)
    if page is not None and page.refresh:
        target = posixpath.normpath(
            posixpath.join(posixpath.dirname(found), unquote(urlsplit(page.refresh[0]).path))
        )
        if exists.resolve(target) is None:
            return msg("a printed QR code's short link leads to nothing in the site")
    return None


def _inside(address: str, site_url: str | None) -> str | None:
    """The site path an absolute address under ``site_url`` names, or None."""
    if not site_url:
        return None
    base = urlsplit(site_url)
    parts = urlsplit(address)
    if (parts.scheme or base.scheme).lower() != base.scheme.lower():
        return None
    if (parts.hostname or "") != (base.hostname or "") or parts.port != base.port:
        return None
    root = base.path if base.path.endswith("/") else base.path + "/"
    path = unquote(parts.path or "/")
    if path + "/" == root:
        return ""
    if not path.startswith(root):
        return None
    return path[len(root) :]


class _Existing:
    """Which site paths name a file: "x/" and "x" are x/index.html when x is a folder."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.root = site_dir.resolve()
        # Every page links to the same stylesheets, scripts and menus: each target is
        # looked up on disk once.
        self.found: dict[str, str | None] = {}

    def resolve(self, target: str) -> str | None:
        if target not in self.found:
            self.found[target] = self._look_up(target)
        return self.found[target]

    def _look_up(self, target: str) -> str | None:
        clean = target.split("?", 1)[0]
        candidates = [clean.rstrip("/") + "/index.html"] if clean.endswith("/") else [clean]
        if not clean.endswith("/"):
            candidates.append(clean + "/index.html")
        if clean in ("", "."):
            candidates = ["index.html"]
        for candidate in candidates:
            candidate = candidate.lstrip("/")
            path = self.site_dir / candidate
            if path.is_file() and path.resolve().is_relative_to(self.root):
                return candidate
        return None

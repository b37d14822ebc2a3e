"""Pages that did not change are not made again: their finished HTML and search entries are
kept by a hash of everything that shapes them, and written as they were.

Rendering a page is most of a build: its Markdown, the theme's templates (with the whole
navigation) and, for search, cutting its Chinese into words. A page's key covers what its
HTML can depend on:

- for every page of a language's site (``shared``): the configuration as written, the
  theme's templates and the site's own ones, the engine's code and text tables, the
  versions of MkDocs, Material and the Markdown libraries, the list of every page (a link
  to a page that is gone must fail again) and the navigation with every title;
- for the page itself: its address, its front matter and Markdown as the engine hands them
  to MkDocs, and what the engine adds to its template (campaign views, language links,
  its QR code's address, the untranslated notice).

Anything else a page could show would have to join the key: a test builds the site warm
after each kind of change and compares it, byte for byte, with a clean build.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ...core.disk_cache import keep, read_kept

# Raise when what is kept, or how a page is made from it, changes.
CACHE_VERSION = "2"
# segno draws the QR code in a page's footer.
_LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jieba", "segno")


@dataclass(frozen=True)
class KeptPage:
    output: str  # the page as written
    search: list  # its entries in the search index, in order
    # What else was made of the page and is needed again when it is not made: its body
    # alone, for the article copy of a campaign page (site/wechat/article.py).
    extras: dict = field(default_factory=dict)


def digest(*parts) -> str:
    """A hash of plain data (dicts, lists, strings, numbers, dates as text)."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def files_digest(folders: list[Path], patterns: tuple[str, ...]) -> str:
    """What changes when a file matching ``patterns`` under ``folders`` changes: each
    file's place in its folder, size and modification time (reading them all would cost
    more)."""
    found = []
    for folder in folders:
        for pattern in patterns:
            for path in sorted(folder.rglob(pattern)):
                try:
                    stat = path.stat()
                except OSError:
                    continue
                found.append((path.relative_to(folder).as_posix(), stat.st_size, stat.st_mtime_ns))
    return digest(found)


def library_versions() -> dict[str, str]:
    versions = {}
    for name in _LIBRARIES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = ""
    return versions


# Kept pages a preview has read or made, by key: a key names what made the page, so an
# entry stays true for as long as the process lives. A preview looks every page up again on
# each save; reading, checking and parsing them again was a third of its pages' time.
_IN_MEMORY: dict[str, KeptPage] = {}


class PageCache:
    """Kept pages of one language's site, under ``folder``; with ``remember`` (a preview,
    which looks them up on every save), also in this process's memory."""

    def __init__(self, folder: Path, shared: str, remember: bool = False):
        self.folder = folder
        self.shared = shared
        self.memory = _IN_MEMORY if remember else None

    def key(self, *page_parts) -> str:
        return digest(CACHE_VERSION, self.shared, *page_parts)

    def get(self, key: str) -> KeptPage | None:
        if self.memory is not None and key in self.memory:
            return self.memory[key]
        data = read_kept(self._path(key))
        if data is None:
            return None
        try:
            stored = json.loads(data.decode("utf-8"))
            found = KeptPage(stored["output"], stored["search"], dict(stored["extras"]))
        except (ValueError, KeyError, TypeError):
            return None
        self._remember(key, found)
        return found

    def put(self, key: str, page: KeptPage) -> None:
        data = json.dumps(
            {"output": page.output, "search": page.search, "extras": page.extras},
            ensure_ascii=False,
        )
        keep(self._path(key), data.encode("utf-8"))
        self._remember(key, page)

    def _remember(self, key: str, page: KeptPage) -> None:
        if self.memory is not None:
            self.memory[key] = page

    def prune(self, used: set[str], mode: str) -> int:
        """Remove the kept pages that neither this build nor the last build of another
        ``mode`` used; how many. A preview's pages differ from a build's (their addresses
        are the preview's), and each keeps its own; beyond that the folder holds one site.
        """
        keep(self.folder / f"used-{mode}", "\n".join(sorted(used)).encode("ascii"))
        wanted = set(used)
        for listed in self.folder.glob("used-*"):
            if listed.name != f"used-{mode}":
                wanted.update((read_kept(listed) or b"").decode("ascii", "replace").split())
        if self.memory is not None:
            # What no language of this run used is an earlier version of a page.
            for key in [key for key in self.memory if key not in wanted]:
                del self.memory[key]
        removed = 0
        for path in self.folder.glob("*/*.json"):
            if path.stem not in wanted:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"


class PageReuse:
    """One language build's use of the kept pages, page by page as MkDocs makes them."""

    def __init__(self, cache: PageCache):
        self.cache = cache
        self.keys: dict[str, str] = {}
        self.kept: dict[str, KeptPage] = {}
        self.entries: dict[str, list] = {}
        self.tainted: set[str] = set()
        self.seen = 0  # search entries already handed out

    def look_up(self, page: str, *parts, needs: tuple[str, ...] = ()) -> KeptPage | None:
        """The kept page for ``page`` made from ``parts``, if there is one that kept each
        of the ``needs`` extras."""
        key = self.cache.key(page, *parts)
        self.keys[page] = key
        found = self.cache.get(key)
        if found is not None and not all(name in found.extras for name in needs):
            found = None
        if found is not None:
            self.kept[page] = found
        return found

    def taint(self, page: str) -> None:
        """Making ``page`` warned: it is made again next time, so the warning is too."""
        self.tainted.add(page)

    def indexed(self, page: str, entries: list) -> None:
        """Search has just indexed ``page`` into ``entries``: add a kept page's entries, or
        note a new page's to keep them."""
        kept = self.kept.get(page)
        if kept is not None:
            entries.extend(kept.search)
        else:
            self.entries[page] = list(entries[self.seen :])
        self.seen = len(entries)

    def finished(self, page: str, output: str, extras: dict | None = None) -> None:
        """``page`` is written as ``output``: keep it, with ``extras``, unless it was kept
        or warned."""
        if page in self.kept or page in self.tainted or page not in self.keys:
            return
        kept = KeptPage(output, self.entries.get(page, []), extras or {})
        self.cache.put(self.keys[page], kept)

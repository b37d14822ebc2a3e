"""Links that name a page in a language, as mkdocs-static-i18n sites write them.

Pages are served under their language-free name (``about.zh.md`` and ``about.en.md`` are
the page ``about.md`` of each language's site), so MkDocs knows no ``about.en.md``. A link
``[x](about.en.md)`` means the English page: from an English page it is the same as
``about.md``; from any other language it leads into the English site.

Before MkDocs checks and rewrites a page's links, such a link becomes the page's
language-free name (so MkDocs still checks that the page exists); a link into another
language's site is then given its final address once MkDocs is done.

A link to a page the language leads to the default language's page for (site/pages/untranslated.py)
is given that page's address, with the reader's language: MkDocs would not find the page in
this language's site.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ...core.languages import split_language
from ...core.links import page_url, relative_url
from .untranslated import Untranslated, link_from

# Where the address into another language waits while MkDocs rewrites the link.
_PENDING = "data-xc-other-language"
# What MkDocs is shown of a link to a page this language's site does not have: a link within
# the page, which it leaves alone.
_NOTHING_TO_CHECK = "#"
# MkDocs checks and rewrites links at priority 0, after Markdown has made them (20).
_BEFORE_MKDOCS, _AFTER_MKDOCS = 3, -1


@dataclass
class PageLinks:
    """The links of one page: ``key`` and ``url`` are the page's source name and address
    within its language's site; ``prefix_of`` gives a language's folder ("" or "en/")."""

    language: str
    codes: tuple[str, ...]
    prefix_of: Callable[[str], str]
    is_page: Callable[[str], bool]
    key: str = ""
    url: str = ""
    use_directory_urls: bool = False
    untranslated: Untranslated | None = None

    def rewrite(self, href: str) -> tuple[str, str | None] | None:
        """For a link naming a page in a language, or a page this language leads to the
        default language's page for: the link MkDocs checks, and the final address when it
        leads into another language's site; else None."""
        scheme, netloc, path, query, fragment = urlsplit(href)
        if scheme or netloc or not path or path.startswith("/"):
            return None
        folder, name = posixpath.split(unquote(path))
        page_name, code = split_language(name)
        if code not in self.codes:
            page_name, code = name, None
        if not page_name.endswith(".md"):
            return None
        target = posixpath.normpath(
            posixpath.join(posixpath.dirname(self.key), folder, page_name)
        )
        if target.startswith("../") or not self.is_page(target):
            return None
        reader = code or self.language
        if self.untranslated is not None and self.untranslated.linked(target, reader):
            address = self.untranslated.address(target, reader, self.use_directory_urls)
            address = link_from(self.prefix_of(self.language) + self.url, address)
            if query:
                address += "&" + query
            return _NOTHING_TO_CHECK, address + (f"#{fragment}" if fragment else "")
        if code is None:
            return None
        language_free = urlunsplit(("", "", posixpath.join(folder, page_name), query, fragment))
        if code == self.language:
            return language_free, None
        address = relative_url(
            self.prefix_of(code) + page_url(target, self.use_directory_urls),
            self.prefix_of(self.language) + self.url,
        )
        return language_free, urlunsplit(("", "", address, query, fragment))


class LanguageLinks(Extension):
    """The Markdown extension that applies ``PageLinks`` to every link of a page."""

    def __init__(self, links: PageLinks):
        super().__init__()
        self.links = links

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's name)
        md.treeprocessors.register(_NameTheLanguageFreePage(self.links), "xc_links", _BEFORE_MKDOCS)
        md.treeprocessors.register(_LeadIntoTheLanguage(), "xc_links_done", _AFTER_MKDOCS)


class _NameTheLanguageFreePage(Treeprocessor):
    def __init__(self, links: PageLinks):
        super().__init__()
        self.links = links

    def run(self, root):
        for element in root.iter("a"):
            rewritten = self.links.rewrite(element.get("href") or "")
            if rewritten:
                language_free, other_language = rewritten
                element.set("href", language_free)
                if other_language is not None:
                    element.set(_PENDING, other_language)
        return root


class _LeadIntoTheLanguage(Treeprocessor):
    def run(self, root):
        for element in root.iter("a"):
            address = element.attrib.pop(_PENDING, None)
            if address is not None:
                element.set("href", address)
        return root

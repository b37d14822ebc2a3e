"""Pages a language has no translation of.

With ``untranslated_pages: link`` (the default) such a page is not made again in that
language: the language's menus, links and search lead to the default language's page, with
``?lang=<code>`` so that page shows the notice in the reader's language (the notices are on
the page, hidden; overrides/assets/javascripts/xuanchuan.js shows the one asked for). A
legal-education site with a thousand laws in Chinese only would otherwise copy every one of
them into every other language's site.

With ``copy`` the language's site holds a copy of the default language's page with the
notice, as before.

Which pages fall under the rule: the content pages (``content/``). Each language's home page
is always made (copied if need be), as every language's site needs an entry page. Campaign
pages are always made in every language: their facts, dates, statuses and download box are
worded in the reader's language, and the language's campaign lists, calendar and feed lead
to them. The pages the engine generates (campaign lists, calendars) exist in every language.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from ...core.links import page_url, relative_url
from .sources import Catalogue

LINK = "link"
# The query parameter naming the reader's language on a default-language page.
READER = "lang"
# Every language's site has its own home page: the language menu of every page leads there.
HOME = "index.md"
# Where a menu entry leads into the default language's site, until the page it is shown on is
# known: Material's templates pass an address with a scheme through as it is, and
# ``resolve_menu_links`` makes it relative to each page (MkDocs' own relative addresses
# cannot leave the language's folder).
DEFAULT_SITE = "xc-default-site:"


@dataclass(frozen=True)
class Untranslated:
    """The rule for one build: the catalogue of pages and the ``untranslated_pages`` setting."""

    catalogue: Catalogue
    mode: str

    @property
    def _default(self) -> str:
        return self.catalogue.settings.default.code

    def linked(self, key: str, code: str) -> bool:
        """Whether page ``key`` is left out of language ``code``'s site, reached there by a
        link to the default language's page."""
        if self.mode != LINK or code == self._default or key == HOME:
            return False
        page = self.catalogue.pages.get(key)
        return page is not None and code not in page.files

    def linked_pages(self, code: str) -> list[str]:
        return sorted(key for key in self.catalogue.pages if self.linked(key, code))

    def readers(self, key: str) -> list[str]:
        """The languages whose readers are led to the default-language page ``key``."""
        return [code for code in self.catalogue.settings.codes if self.linked(key, code)]

    def address(self, key: str, code: str, use_directory_urls: bool) -> str:
        """Where readers of ``code`` find page ``key``, from the whole site's root: their
        language's page, else the default language's with their language named."""
        url = quote(page_url(key, use_directory_urls))
        if self.linked(key, code):
            return f"{url}?{READER}={code}"
        return self.catalogue.settings.prefix(code) + url

    def menu_url(self, key: str, code: str, use_directory_urls: bool) -> str:
        """The address a menu entry of language ``code`` gives a page it has no copy of."""
        return DEFAULT_SITE + self.address(key, code, use_directory_urls)


def link_from(page: str, address: str) -> str:
    """The link from ``page`` (from the whole site's root) to ``address`` (the same)."""
    path, question, query = address.partition("?")
    return relative_url(path, page) + question + query


def resolve_menu_links(html: str, page: str | None, root: str) -> str:
    """``html`` with every menu entry into the default language's site made a link from
    ``page`` (its place from the whole site's root); a page without a place (404.html, served
    at any address) gets ``root``, the default language's site as an absolute path."""
    if DEFAULT_SITE not in html:
        return html
    base = relative_url("", page) if page is not None else root
    return html.replace(DEFAULT_SITE, base)


def site_root_path(site_url: str | None) -> str:
    """The default language's site as an absolute path ("/", "/xuanchuan/")."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def menu_with_links(items, linked: dict[str, tuple[str, str]]):
    """MkDocs' ``nav`` setting with each page of ``linked`` (page -> (title, address)) as a
    link: ``- about.md`` and ``- About: about.md`` become ``- <title or About>: <address>``."""
    if isinstance(items, list):
        return [_entry(item, linked) for item in items]
    return _entry(items, linked)


def _entry(item, linked):
    if isinstance(item, str):
        key = posixpath.normpath(item)
        return {linked[key][0]: linked[key][1]} if key in linked else item
    if isinstance(item, dict):
        entry = {}
        for title, value in item.items():
            if isinstance(value, str) and posixpath.normpath(value) in linked:
                entry[title] = linked[posixpath.normpath(value)][1]
            elif isinstance(value, list | dict):
                entry[title] = menu_with_links(value, linked)
            else:
                entry[title] = value
        return entry
    return item

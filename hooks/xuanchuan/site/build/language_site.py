"""What every plan of one language's pages needs, in one value: which language, in which
words, on which day, at which addresses. It travels where a dozen parameters used to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ...campaigns.model import Campaign
from ...core.links import address, page_url
from ...core.print_files import PrintFile
from ...core.strings import Translator


@dataclass(frozen=True)
class LanguageSite:
    code: str
    t: Translator
    today: dt.date
    stamp: dt.datetime  # the build's time stamp (SOURCE_DATE_EPOCH)
    timezone: str
    types: tuple[str, ...]  # the campaign types the site knows
    use_directory_urls: bool
    site_url: str | None  # the published address of this language's site, if any
    prefix: str = ""  # this language's folder in the site: "" or "en/"
    default_code: str = ""  # the site's default language ("": this one)
    direction: str = "ltr"
    author: str = ""  # who the feeds name: the site's name, as plain text
    # The default language publishes the photo copies every language shows.
    publishes_photos: bool = True
    wechat_articles: bool = True
    cache_dir: Path | None = None  # where feeds are kept between builds

    def url_of(self, key: str) -> str:
        """The address of page ``key`` within this language's site."""
        return page_url(key, self.use_directory_urls)

    def address_of(self, key: str) -> str | None:
        """The published address of page ``key``; None without a site address."""
        return address(self.site_url, self.url_of(key))


@dataclass(frozen=True)
class DrawnFiles:
    """The files drawn for the site that its pages offer: print files by campaign, the
    year-end summary PDFs by year, and the web copies of photos."""

    print_files: Callable[[Campaign], list[PrintFile]] = lambda campaign: []
    summary_files: Callable[[int], PrintFile | None] = lambda year: None
    photos: dict = field(default_factory=dict)

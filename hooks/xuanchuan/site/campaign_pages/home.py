"""What the home page shows under the team's own text: the campaigns under way and coming,
the next activities, the latest reports, the hotlines and the site's main lists.

Everything is as of the build date; each dated item carries the last day it is current
(``until``), and xuanchuan.js hides it once the reader's own date is past that day, as it
brings statuses up to date. The page is rebuilt whenever this view changes: it is part of
the page's key in the page cache.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from ...campaigns.model import UNDER_WAY, UPCOMING, Campaign, Report
from ...core.print_files import SHARE_PNG, PrintFile
from ...core.strings import Translator
from ..reports.pages import NEWS
from ..reports.views import news_view
from .plan import CALENDAR, OVERVIEW
from .views import activities_ahead, campaign_summary

# The summaries page: linked from the home page once a build makes it.
SUMMARY = "summary/index.md"
# The lists the home page leads to, in this order, each only where the site has it.
MAIN_LISTS = (OVERVIEW, CALENDAR, NEWS, SUMMARY)

# A phone shows the whole page in a few screens; the lists linked below hold the rest.
CAMPAIGN_COUNT = 6
ACTIVITY_DAYS = 30
ACTIVITY_COUNT = 10
REPORT_COUNT = 5
# The share image as a thumbnail: this many pixels wide in the page's markup (CSS draws it
# smaller still on a phone), so the layout does not jump while it loads.
THUMBNAIL_WIDTH = 240

Href = Callable[[str], str | None]  # page key -> link from the home page, None if not built


@dataclass(frozen=True)
class HomeLinks:
    """What the home page asks of its language's site: the link to a page (``href``, None
    for a page not built), a page's title, and a campaign's print files."""

    href: Href
    title_of: Callable[[str], str]
    print_files: Callable[[Campaign], list[PrintFile]]


def home_view(
    campaigns: list[Campaign],
    reports: Sequence[Report],
    *,
    t: Translator,
    today: dt.date,
    links: HomeLinks,
) -> dict:
    """The blocks under the home page's text, in one language.

    ``campaigns`` are the language's campaigns, ``reports`` its reports (newest first).
    """
    href, title_of, print_files = links.href, links.title_of, links.print_files

    def url_of(campaign: Campaign) -> str:
        return href(campaign.page_key) or ""

    shown = on_now(campaigns, today)[:CAMPAIGN_COUNT]
    cards = []
    for campaign in shown:
        card = campaign_summary(campaign, t, today, url_of)
        card["until"] = campaign.last_day.isoformat()
        card["image"] = _thumbnail(url_of(campaign), print_files(campaign))
        cards.append(card)
    activities = activities_ahead(campaigns, t, today, ACTIVITY_DAYS, url_of)[:ACTIVITY_COUNT]
    by_slug = {campaign.slug: campaign for campaign in campaigns}
    latest = list(reports)[:REPORT_COUNT]
    return {
        "campaigns": {"title": t("home.on_now"), "none": t("home.on_now_none"), "items": cards},
        "activities": {
            "title": t("home.next", days=ACTIVITY_DAYS),
            "none": t("home.next_none"),
            "items": activities,
        },
        "reports": {
            "title": t("home.reports"),
            # As the news page lists them.
            "items": news_view(latest, by_slug, t, lambda key: href(key) or ""),
        },
        "hotlines": {"title": t("home.hotlines"), "items": _hotlines(shown, url_of)},
        "links": {
            "title": t("home.more"),
            "items": [
                {"title": escape(title_of(key)), "href": href(key)}
                for key in MAIN_LISTS
                if href(key) is not None
            ],
        },
    }


def on_now(campaigns: list[Campaign], today: dt.date) -> list[Campaign]:
    """The campaigns under way (newest first), then those coming (soonest first)."""
    under_way = [c for c in campaigns if c.status(today) == UNDER_WAY]
    coming = [c for c in campaigns if c.status(today) == UPCOMING]
    under_way.sort(key=lambda c: (c.start, c.slug), reverse=True)
    coming.sort(key=lambda c: (c.start, c.slug))
    return under_way + coming


def _thumbnail(page_href: str, files: list[PrintFile]) -> dict | None:
    share = next((f for f in files if f.kind == SHARE_PNG.name), None)
    size = png_size(share.path) if share else None
    if share is None or size is None or not page_href:
        return None
    width, height = size
    # The image sits next to the campaign's page in the site.
    folder = page_href.rsplit("/", 1)[0] if "/" in page_href else "."
    return {
        "src": f"{folder}/{share.name}",
        "width": THUMBNAIL_WIDTH,
        "height": round(THUMBNAIL_WIDTH * height / width),
    }


def png_size(path: Path) -> tuple[int, int] | None:
    """A PNG's width and height in pixels, read from its header; None if it is not one."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(24)
    except OSError:
        return None
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    return (width, height) if width and height else None


def _hotlines(campaigns: list[Campaign], url_of: Callable[[Campaign], str]) -> list[dict]:
    """Each hotline of the campaigns shown once, with the campaigns it serves; current
    until the last of them ends."""
    found: dict[str, dict] = {}
    for campaign in campaigns:
        number = campaign.contact.hotline
        if not number:
            continue
        entry = found.setdefault(
            number,
            {"number": escape(number), "tel": tel_link(number), "campaigns": [], "until": ""},
        )
        entry["campaigns"].append({"title": escape(campaign.title), "href": url_of(campaign)})
        entry["until"] = max(entry["until"], campaign.last_day.isoformat())
    return list(found.values())


def tel_link(number: str) -> str | None:
    """A ``tel:`` link a phone dials: the digits (and a leading +) of ``number``; None
    when it holds no digits."""
    digits = re.sub(r"[^0-9]", "", number)
    if not digits:
        return None
    return "tel:" + ("+" if number.lstrip().startswith("+") else "") + digits

"""What report pages, the campaign timeline and the news pages show, as plain data.

Every text from the team is escaped here; templates only place it. Links are relative to
the language's site root (templates pass them through MkDocs' ``url`` filter), except
photo copies, which are relative to the page itself: they are published once, in the
default language's site, and every language's pages show the same files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from markupsafe import Markup, escape

from ...campaigns.model import Campaign, Report
from ...core.formatting import format_day, format_number
from ...core.links import path_within
from ...core.strings import Translator
from ..files.web_photos import WebPhoto

# The photo column of a page is at most about 45em wide; a phone shows it full width.
PHOTO_SIZES = "(min-width: 76em) 45em, 100vw"


def report_summary(report: Report, t: Translator, url_of: Callable[[str], str]) -> dict:
    """A report in a list: the campaign's timeline, the news pages, the home page."""
    return {
        "title": escape(report.title),
        "url": url_of(report.page_key),
        "date": format_day(report.date, t),
        "iso": report.date.isoformat(),
        "place": escape(report.place) if report.place else None,
        "people": t("report.people", count=report.people) if report.people else None,
    }


def report_view(
    report: Report,
    campaign: Campaign,
    t: Translator,
    url_of: Callable[[str], str],
    photo_url: Callable[[str], str],
    photos: dict,
) -> dict:
    """The facts and the gallery at the top of a report's page."""
    activity = report.activity
    return {
        **report_summary(report, t, url_of),
        "campaign": {"title": escape(campaign.title), "url": url_of(campaign.page_key)},
        "activity": {
            "title": escape(activity.title),
            "date": format_day(activity.date, t),
            "url": url_of(campaign.page_key) + "#xc-schedule",
        }
        if activity
        else None,
        "figures": [
            {
                "label": escape(figure.label),
                "amount": Markup(f"{format_number(figure.amount, t)}{escape(figure.unit)}"),
            }
            for figure in report.figures
        ],
        "photos": [
            _photo(photos[photo.file], photo.caption, campaign, photo_url)
            for photo in report.photos
        ],
        "labels": {
            key: t(f"report.{key}")
            for key in ("campaign", "activity", "place", "date", "figures", "photos")
        },
    }


def copy_key(campaign: Campaign, web: WebPhoto, copy) -> str:
    """A web copy's path in the site: beside where its original would be published."""
    inside = path_within(web.original.parent, campaign.folder)
    return f"campaigns/{campaign.slug}/{inside}/{web.published_name(copy)}"


def _photo(web: WebPhoto, caption: str | None, campaign: Campaign, photo_url) -> dict:
    def href(copy) -> str:
        return photo_url(copy_key(campaign, web, copy))

    middle = web.copies[min(1, len(web.copies) - 1)]
    return {
        "src": href(middle),
        "srcset": ", ".join(f"{href(copy)} {copy.width}w" for copy in web.copies),
        "sizes": PHOTO_SIZES,
        "width": middle.width,
        "height": middle.height,
        "full": href(web.copies[-1]),
        "caption": escape(caption) if caption else None,
    }


def photo_assets(campaign: Campaign, photos: dict) -> list[tuple[str, object]]:
    """(site path, cached copy) of every web copy of the campaign's report photos."""
    assets = []
    seen = set()
    for report in campaign.reports:
        for photo in report.photos:
            web = photos[photo.file]
            for copy in web.copies:
                key = copy_key(campaign, web, copy)
                if key not in seen:
                    seen.add(key)
                    assets.append((key, copy.path))
    return assets


def timeline_view(campaign: Campaign, t: Translator, url_of) -> dict:
    """The campaign page's additions: reports as a timeline, held activities, results."""
    return {
        "title": t("report.timeline"),
        "reports": [report_summary(r, t, url_of) for r in campaign.reports],
        "done": t("report.done"),
    }


def target_results(campaign: Campaign, t: Translator, today: dt.date) -> list[dict]:
    """Per target: the day of the last report counted, and met or not once it has ended.

    A result is written even before the end, hidden: a copy read after the end (the page
    says the build's date) shows it, as statuses update to the reader's date."""
    results = []
    for target in campaign.targets:
        met = bool(target.met)
        # A target nothing measured ("not counted yet") is neither met nor missed.
        result = None if target.met is None else t("report.met") if met else t("report.not_met")
        results.append(
            {
                "as_of": t("report.as_of", day=format_day(target.reported_on, t))
                if target.reported_on
                else None,
                "met": met,
                "result": result,
                "after": campaign.last_day.isoformat(),
                "shown": campaign.ended(today),
            }
        )
    return results


def news_view(reports: list[Report], campaigns: dict, t: Translator, url_of) -> list[dict]:
    items = []
    for report in reports:
        campaign = campaigns[report.slug]
        item = report_summary(report, t, url_of)
        item["campaign"] = {"title": escape(campaign.title), "url": url_of(campaign.page_key)}
        items.append(item)
    return items

"""What the campaign templates show, prepared in plain Python.

Every text coming from the team's files is escaped here, so a field holding "<script>" is
shown as text; templates print these values as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import groupby

from markupsafe import Markup, escape

from ...campaigns.model import FINISHED, UNDER_WAY, UPCOMING, Campaign
from ...core.formatting import (
    format_day,
    format_month,
    format_number,
    format_range,
    month_name,
    type_label,
)
from ...core.print_files import KINDS
from ...core.strings import Translator

UrlOf = Callable[[Campaign], str]


# The labels a campaign page's facts block shows, by their name in the catalog.
_FACT_LABELS = (
    "type", "dates", "organizer", "targets", "schedule", "contact", "hotline", "address"
)  # fmt: skip


def campaign_view(campaign: Campaign, t: Translator, today: dt.date) -> dict:
    """The facts block at the top of a campaign page."""
    status = campaign.status(today)
    return {
        "slug": campaign.slug,
        "title": escape(campaign.title),
        "summary": escape(campaign.summary),
        "type": campaign.type,
        "type_label": type_label(campaign.type, t),
        "status": status,
        "status_label": t(f"status.{status}"),
        "status_labels": _status_labels(t),
        "start": campaign.start.isoformat(),
        "end": campaign.last_day.isoformat(),
        "dates": format_range(campaign.start, campaign.end, t),
        "organizer": escape(campaign.organizer) if campaign.organizer else None,
        "facts": [
            (t(f"label.{name}"), [escape(value) for value in getattr(campaign, name)])
            for name in ("audience", "places", "channels", "laws")
            if getattr(campaign, name)
        ],
        "targets": [_target_view(target, t) for target in campaign.targets],
        "activities": [
            {
                "date": format_day(activity.date, t),
                "iso": activity.date.isoformat(),
                "time": escape(activity.time) if activity.time else None,
                "title": escape(activity.title),
                "place": escape(activity.place) if activity.place else None,
            }
            for activity in campaign.activities
        ],
        "hotline": escape(campaign.contact.hotline) if campaign.contact.hotline else None,
        "address": escape(campaign.contact.address) if campaign.contact.address else None,
        "labels": {key: t(f"label.{key}") for key in _FACT_LABELS},
    }


def _target_view(target, t: Translator) -> dict:
    """A target as its progress bar shows it: the goal, the actual amount and how far."""
    progress = target.progress
    unit = escape(target.unit)
    return {
        "label": escape(target.label),
        "goal": Markup(f"{t('label.goal')} {format_number(target.goal, t)}{unit}"),
        "actual": (
            Markup(f"{t('label.actual')} {format_number(target.actual, t)}{unit}")
            if target.actual is not None
            else t("label.not_measured")
        ),
        "percent": None if progress is None else round(progress * 100),
        "value": target.actual,
        "max": target.goal,
    }


def overview_view(
    campaigns: list[Campaign],
    types: tuple[str, ...],
    t: Translator,
    today: dt.date,
    url_of: UrlOf,
    type_url: Callable[[str], str],
) -> dict:
    """The campaigns overview: newest first, grouped by year, with a filter per type."""
    present = [kind for kind in types if any(c.type == kind for c in campaigns)]
    return {
        "intro": t("campaigns.intro"),
        "all_label": t("campaigns.all"),
        "none": t("campaigns.none"),
        "types": [
            {
                "id": kind,
                "label": type_label(kind, t),
                "url": type_url(kind),
                "count": sum(c.type == kind for c in campaigns),
            }
            for kind in present
        ],
        "years": _by_year(campaigns, t, today, url_of),
    }


def type_page_view(campaigns, kind, t, today, url_of) -> dict:
    chosen = [c for c in campaigns if c.type == kind]
    return {
        "none": t("campaigns.none"),
        "count": t("campaigns.count", count=len(chosen)),
        "years": _by_year(chosen, t, today, url_of),
    }


def _by_year(campaigns, t, today, url_of) -> list[dict]:
    groups = []
    for year, members in groupby(campaigns, key=lambda c: c.start.year):
        groups.append(
            {"year": year, "items": [campaign_summary(c, t, today, url_of) for c in members]}
        )
    return groups


def campaign_summary(campaign: Campaign, t, today, url_of) -> dict:
    """A campaign as lists show it: title, dates, type and status."""
    status = campaign.status(today)
    return {
        "title": escape(campaign.title),
        "summary": escape(campaign.summary),
        "url": url_of(campaign),
        "type": campaign.type,
        "type_label": type_label(campaign.type, t),
        "dates": format_range(campaign.start, campaign.end, t),
        "start": campaign.start.isoformat(),
        "end": campaign.last_day.isoformat(),
        "status": status,
        "status_label": t(f"status.{status}"),
        "status_labels": _status_labels(t),
    }


def _status_labels(t: Translator) -> dict[str, str]:
    return {status: t(f"status.{status}") for status in (UPCOMING, UNDER_WAY, FINISHED)}


# The calendar page shows this many days ahead in full; every month also has a page of its
# own, so the calendar stays light on a phone however many campaigns a year brings.
UPCOMING_DAYS = 60

MonthUrl = Callable[[int, int], str]


def calendar_view(
    campaigns: list[Campaign],
    t: Translator,
    today: dt.date,
    url_of: UrlOf,
    feed_url: str,
    month_url: MonthUrl,
) -> dict:
    """What comes up in the next weeks, then a link to every month that has activities."""
    entries = _calendar_entries(campaigns)
    upcoming = _between(entries, today, UPCOMING_DAYS)
    years = []
    for year, months in groupby(_months(entries), key=lambda month: month[0]):
        years.append(
            {
                "year": year,
                "months": [
                    {
                        # Under its year's heading, a month needs only its name.
                        "title": month_name(month, t),
                        "url": month_url(year, month),
                        "count": t("calendar.count", count=len(members)),
                    }
                    for _, month, members in months
                ],
            }
        )
    return {
        "intro": t("calendar.intro", days=UPCOMING_DAYS),
        "subscribe": t("calendar.subscribe"),
        "feed_url": feed_url,
        "none": t("calendar.none"),
        "upcoming_title": t("calendar.upcoming"),
        "upcoming": _by_month(upcoming, t, url_of),
        "by_month_title": t("calendar.by_month"),
        "years": years,
    }


def calendar_month_views(
    campaigns: list[Campaign],
    t: Translator,
    url_of: UrlOf,
    calendar_url: str,
    month_url: MonthUrl,
) -> list[tuple[int, int, dict]]:
    """One page per month with activities: ``(year, month, view)``, oldest first."""
    groups = _months(_calendar_entries(campaigns))
    months = [(year, month) for year, month, _ in groups]
    views = []
    for position, (year, month, members) in enumerate(groups):
        before = months[position - 1] if position else None
        after = months[position + 1] if position + 1 < len(months) else None
        views.append(
            (
                year,
                month,
                {
                    "title": format_month(year, month, t),
                    "calendar": {"title": t("calendar.title"), "url": calendar_url},
                    "previous": {"title": format_month(*before, t), "url": month_url(*before)}
                    if before
                    else None,
                    "next": {"title": format_month(*after, t), "url": month_url(*after)}
                    if after
                    else None,
                    "items": _items(members, t, url_of),
                },
            )
        )
    return views


def activities_ahead(
    campaigns: list[Campaign], t: Translator, today: dt.date, days: int, url_of: UrlOf
) -> list[dict]:
    """The activities from ``today`` to ``days`` days on, by date, as the calendar lists them."""
    return _items(_between(_calendar_entries(campaigns), today, days), t, url_of)


def _between(entries, today: dt.date, days: int) -> list[tuple]:
    horizon = today + dt.timedelta(days=days)
    return [e for e in entries if today <= e[0] <= horizon]


def _calendar_entries(campaigns: list[Campaign]) -> list[tuple]:
    return sorted(
        (
            (activity.date, activity.start_time or "", campaign.slug, activity, campaign)
            for campaign in campaigns
            for activity in campaign.activities
        ),
        key=lambda entry: entry[:3],
    )


def _months(entries) -> list[tuple[int, int, list[tuple]]]:
    """``(year, month, its entries)`` of every month that has any, in the entries' order."""
    return [
        (year, month, list(members))
        for (year, month), members in groupby(entries, key=lambda e: (e[0].year, e[0].month))
    ]


def _by_month(entries, t, url_of) -> list[dict]:
    return [
        {"title": format_month(year, month, t), "items": _items(members, t, url_of)}
        for year, month, members in _months(entries)
    ]


def _items(entries, t, url_of) -> list[dict]:
    return [
        {
            "date": format_day(day, t),
            "iso": day.isoformat(),
            "time": escape(activity.time) if activity.time else None,
            "title": escape(activity.title),
            "place": escape(activity.place) if activity.place else None,
            "campaign": escape(campaign.title),
            "url": url_of(campaign),
            "type": campaign.type,
        }
        for day, _, _, activity, campaign in entries
    ]


def downloads_view(files, t: Translator) -> dict | None:
    """The download box: each print file with its size, in the page's language."""
    if not files:
        return None
    order = list(KINDS)
    items = [
        {
            "label": t(f"downloads.{f.kind}", size=f.size),
            "name": f.name,
            "size": file_size(f.bytes),
            "format": f.name.rsplit(".", 1)[-1].upper(),
        }
        # Kinds in a fixed order; sizes in the order the team configured them.
        for f in sorted(files, key=lambda f: order.index(f.kind))
        if f.kind in KINDS
    ]
    return {"title": t("downloads.title"), "items": items}


def file_size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / 1024 / 1024:.1f} MB"
    return f"{max(1, round(count / 1024))} KB"

"""The iCalendar (.ics) feed of every activity, one per language (RFC 5545, via icalendar)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from .campaign_model import Campaign


def activity_uid(campaign: Campaign, index_on_day: int, day: dt.date) -> str:
    """Stable across builds and languages: the campaign, the day and the order on that day."""
    return f"{campaign.slug}-{day:%Y%m%d}-{index_on_day}@xuanchuan"


def calendar_feed(
    campaigns: list[Campaign],
    *,
    name: str,
    language: str,
    timezone: str,
    stamp: dt.datetime,
    page_url,
) -> bytes:
    """``page_url(campaign)`` gives the absolute link to a campaign's page, or None."""
    zone = ZoneInfo(timezone)
    calendar = Calendar()
    calendar.add("prodid", f"-//Xuanchuan//Campaign calendar//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone)
    for campaign in sorted(campaigns, key=lambda c: c.slug):
        seen: Counter[dt.date] = Counter()
        for activity in campaign.activities:
            seen[activity.date] += 1
            event = Event()
            event.add("uid", activity_uid(campaign, seen[activity.date], activity.date))
            event.add("dtstamp", stamp)
            event.add("summary", activity.title)
            if activity.start_time:
                event.add("dtstart", _at(activity.date, activity.start_time, zone))
                if activity.end_time:
                    event.add("dtend", _at(activity.date, activity.end_time, zone))
            else:
                event.add("dtstart", activity.date)
                event.add("dtend", activity.date + dt.timedelta(days=1))
            if activity.place:
                event.add("location", activity.place)
            event.add("description", f"{campaign.title}\n{campaign.summary}")
            url = page_url(campaign)
            if url:
                event.add("url", url)
            calendar.add_component(event)
    if hasattr(calendar, "add_missing_timezones"):
        calendar.add_missing_timezones()
    return calendar.to_ical()


def _at(day: dt.date, clock: str, zone: ZoneInfo) -> dt.datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return dt.datetime(day.year, day.month, day.day, hours, minutes, tzinfo=zone)

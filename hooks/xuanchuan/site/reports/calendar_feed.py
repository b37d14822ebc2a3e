"""The iCalendar (.ics) feed of every activity, one per language (RFC 5545, via icalendar)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from zoneinfo import ZoneInfo

from ...campaigns.model import Campaign
from ...core.disk_cache import cache_key, cached_bytes
from ..build.language_site import LanguageSite


def activity_uid(campaign: Campaign, index_on_day: int, day: dt.date) -> str:
    """Stable across builds and languages: the campaign, the day and the order on that day."""
    return f"{campaign.slug}-{day:%Y%m%d}-{index_on_day}@xuanchuan"


def calendar_feed(campaigns: list[Campaign], site: LanguageSite) -> bytes:
    """Each event links to its campaign's published page, if the site has an address.

    With the site's ``cache_dir``, a feed whose events are unchanged is read back instead of
    drawn again: icalendar takes seconds for thousands of events.
    """
    head = {
        "name": site.t("calendar.title"),
        "language": site.code,
        "timezone": site.timezone,
        "stamp": site.stamp.isoformat(),
    }
    events = _events(campaigns, lambda campaign: site.address_of(campaign.page_key))
    cache_dir = site.cache_dir

    def make() -> bytes:
        return _ical(head, events)

    if cache_dir is None:
        return make()
    import icalendar

    described = json.dumps([head, events], ensure_ascii=False, sort_keys=True)
    return cached_bytes(cache_dir / f"{cache_key(icalendar.__version__, described)}.ics", make)


def _events(campaigns: list[Campaign], page_url) -> list[dict]:
    """Each activity as plain data: what the feed shows, and its cache key."""
    events = []
    for campaign in sorted(campaigns, key=lambda c: c.slug):
        seen: Counter[dt.date] = Counter()
        url = page_url(campaign)
        for activity in campaign.activities:
            seen[activity.date] += 1
            events.append(
                {
                    "uid": activity_uid(campaign, seen[activity.date], activity.date),
                    "summary": activity.title,
                    "day": activity.date.isoformat(),
                    "start": activity.start_time,
                    "end": activity.end_time,
                    "location": activity.place,
                    "description": f"{campaign.title}\n{campaign.summary}",
                    "url": url,
                }
            )
    return events


def _ical(head: dict, events: list[dict]) -> bytes:
    from icalendar import Calendar, Event

    zone = ZoneInfo(head["timezone"])
    stamp = dt.datetime.fromisoformat(head["stamp"])
    calendar = Calendar()
    calendar.add("prodid", f"-//Xuanchuan//Campaign calendar//{head['language'].upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", head["name"])
    calendar.add("x-wr-timezone", head["timezone"])
    for item in events:
        day = dt.date.fromisoformat(item["day"])
        event = Event()
        event.add("uid", item["uid"])
        event.add("dtstamp", stamp)
        event.add("summary", item["summary"])
        if item["start"]:
            event.add("dtstart", _at(day, item["start"], zone))
            if item["end"]:
                event.add("dtend", _at(day, item["end"], zone))
        else:
            event.add("dtstart", day)
            event.add("dtend", day + dt.timedelta(days=1))
        if item["location"]:
            event.add("location", item["location"])
        event.add("description", item["description"])
        if item["url"]:
            event.add("url", item["url"])
        calendar.add_component(event)
    if hasattr(calendar, "add_missing_timezones"):
        calendar.add_missing_timezones()
    return calendar.to_ical()


def _at(day: dt.date, clock: str, zone: ZoneInfo) -> dt.datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return dt.datetime(day.year, day.month, day.day, hours, minutes, tzinfo=zone)

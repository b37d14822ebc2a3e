"""The Atom feed (RFC 4287) of the latest reports, one per language.

Entries are dated by their report's day, at midnight in the team's time zone: the feed
changes only when a report does, and the same sources give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo

from ...campaigns.model import Report
from ..build.language_site import LanguageSite

FEED_ENTRIES = 50
NEWS = "news/index.md"
NEWS_FEED = "news.xml"


def news_feed(reports: list[Report], site: LanguageSite, summary_of) -> bytes:
    """Paths are relative to the language's site root, as the feed is. Links are absolute
    with a site address. ``summary_of(report)`` is a report's opening as plain text."""
    title, language, author = site.t("news.title"), site.code, site.author
    site_address, news_path, feed_path = site.site_url, site.url_of(NEWS), NEWS_FEED
    zone = ZoneInfo(site.timezone)
    chosen = reports[:FEED_ENTRIES]

    def stamp(day: dt.date) -> str:
        return dt.datetime.combine(day, dt.time(), zone).isoformat()

    def link(path: str) -> str:
        return site_address.rstrip("/") + "/" + path if site_address else path

    def identity(path: str) -> str:
        # A feed without a published address still needs ids that never change.
        return link(path) if site_address else f"tag:xuanchuan,2026:{language}/{path}"

    updated = stamp(max((r.date for r in chosen), default=dt.date(2026, 1, 1)))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(language)}>',
        f"  <title>{escape(title)}</title>",
        f"  <id>{escape(identity(news_path))}</id>",
        f"  <updated>{updated}</updated>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(link(feed_path))}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(link(news_path))}/>',
        f"  <author><name>{escape(author)}</name></author>",
        "  <generator>Xuanchuan</generator>",
    ]
    for report in chosen:
        day = stamp(report.date)
        path = site.url_of(report.page_key)
        summary = summary_of(report)
        lines += [
            "  <entry>",
            f"    <title>{escape(report.title)}</title>",
            f"    <id>{escape(identity(path))}</id>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(link(path))}/>',
            f"    <published>{day}</published>",
            f"    <updated>{day}</updated>",
        ]
        if summary:
            lines.append(f"    <summary>{escape(summary)}</summary>")
        lines.append("  </entry>")
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")

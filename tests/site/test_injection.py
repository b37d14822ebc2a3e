"""Front matter, names and settings are plain text: whatever a field holds is shown as that
text in HTML, in the search index, in the calendar feed and in PDF metadata, never run.

(The Markdown body is the team's own HTML and is not part of this: raw HTML in Markdown is a
feature. tests/whole/test_hostile_site.py checks the built site and the browser.)
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.settings import load_settings
from xuanchuan.core.strings import Translator
from xuanchuan.site.build.language_site import LanguageSite
from xuanchuan.site.pages.plain_text import as_html, plain_text_meta
from xuanchuan.site.reports.calendar_feed import calendar_feed

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    '" onmouseover="alert(1)" x="',
    "' autofocus onfocus='alert(1)",
    "</title><script>alert(1)</script>",
    "&lt;b&gt; already escaped &amp;",
    "javascript:alert(1)",
    "{{ config }} {% raw %}",
    "a & b < c > d",
]


def shown_in_html(markup: str, where: str) -> str:
    """The text a browser shows for ``markup`` in an element, or in an attribute."""
    if where == "attribute":
        tag = BeautifulSoup(f'<meta content="{markup}">', "html.parser").meta
        assert list(tag.attrs) == ["content"]
        return tag["content"]
    soup = BeautifulSoup(f"<span>{markup}</span>", "html.parser")
    assert [t.name for t in soup.find_all(True)] == ["span"]
    return soup.span.get_text()


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("where", ["element", "attribute"])
def test_plain_text_is_shown_as_written(payload, where):
    assert shown_in_html(as_html(payload), where) == payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_printed_front_matter_field_is_made_safe(payload):
    meta = plain_text_meta({"title": payload, "description": payload, "subtitle": payload,
                            "status": payload, "tags": [payload, 2027, None],
                            "hide": ["toc"], "search": {"exclude": True}})
    for name in ("title", "description", "subtitle", "status"):
        assert shown_in_html(meta[name], "attribute") == payload
    assert [shown_in_html(tag, "element") for tag in meta["tags"]] == [payload, "2027"]
    assert meta["hide"] == ["toc"] and meta["search"] == {"exclude": True}


def test_jinja_escaping_does_not_escape_twice():
    from jinja2 import Environment

    template = Environment().from_string('<a title="{{ name | e }}">{{ name }}</a>')
    html = template.render(name=as_html("Safety & Law <2027>"))
    assert html == '<a title="Safety &amp; Law &lt;2027&gt;">Safety &amp; Law &lt;2027&gt;</a>'


HOSTILE = """\
---
title: "</title><script>alert(1)</script>"
type: safe-electricity
summary: "line one\\r\\nBEGIN:VEVENT\\r\\nSUMMARY:forged"
start: 2027-03-01
end: 2027-03-31
activities:
  - date: 2027-03-10
    title: "Inspection; DESCRIPTION:forged, too\\\\"
    place: "<b>Well</b>, north"
---
"""


def test_the_calendar_feed_keeps_each_text_in_its_own_field(tmp_path: Path):
    import icalendar

    folder = tmp_path / "campaigns" / "hostile"
    folder.mkdir(parents=True)
    (folder / "index.zh.md").write_text(HOSTILE, encoding="utf-8")
    loaded = load_campaigns(load_settings(None), tmp_path)
    assert loaded.problems == []
    campaign = loaded.campaigns["hostile"]["zh"]
    site = LanguageSite(code="zh", t=Translator("zh", ("zh",)), today=dt.date(2027, 1, 1),
                        stamp=dt.datetime(2027, 1, 1, tzinfo=dt.UTC), timezone="Asia/Shanghai",
                        types=(), use_directory_urls=True, site_url="https://example.org/")
    feed = calendar_feed([campaign], site)
    calendar = icalendar.Calendar.from_ical(feed)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == 1
    event = events[0]
    assert str(event["summary"]) == "Inspection; DESCRIPTION:forged, too\\"
    assert str(event["location"]) == "<b>Well</b>, north"
    assert str(event["description"]) == (
        "</title><script>alert(1)</script>\nline one\nBEGIN:VEVENT\nSUMMARY:forged")
    assert b"\r\nBEGIN:VEVENT\r\nSUMMARY:forged" not in feed


def test_pdf_metadata_holds_the_title_as_text(tmp_path: Path):
    from xuanchuan.printing.drawing import pdf_surface

    title = ") /JS (app.alert(1)) \\ </title><script>alert(1)</script> 春灌"
    path = tmp_path / "poster.pdf"
    with path.open("wb") as stream:
        surface = pdf_surface(stream, 210, 297, title)
        surface.show_page()
        surface.finish()
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert f"Title:           {title}\n" in info.stdout

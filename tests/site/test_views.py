"""What the campaign templates show, prepared in plain Python and escaped once."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from xuanchuan.campaigns.model import Activity, Campaign, Target
from xuanchuan.core.formatting import format_range
from xuanchuan.core.print_files import PrintFile
from xuanchuan.core.strings import Translator
from xuanchuan.site.campaign_pages.views import campaign_view, downloads_view

ZH, EN = Translator("zh", ("zh",)), Translator("en", ("zh",))
CAMPAIGN = Campaign(
    slug="spring",
    language="zh",
    folder=Path("."),
    source=Path("index.zh.md"),
    body="",
    title="<b>春灌</b>",
    type="safe-electricity",
    summary="摘要",
    start=dt.date(2027, 3, 1),
    end=dt.date(2027, 4, 30),
    places=("东河村",),
    targets=(Target(label="入户率", goal=95, actual=57, unit="%"),),
    activities=(Activity(date=dt.date(2027, 3, 5), title="巡查", time="9:00-11:30"),),
)


def test_the_facts_of_a_campaign_page():
    view = campaign_view(CAMPAIGN, ZH, dt.date(2027, 3, 10))
    assert str(view["title"]) == "&lt;b&gt;春灌&lt;/b&gt;"
    assert view["status"] == "under-way"
    assert view["dates"] == format_range(CAMPAIGN.start, CAMPAIGN.end, ZH)
    assert view["facts"] == [(ZH("label.places"), ["东河村"])]
    assert view["targets"][0]["percent"] == 60
    assert view["activities"][0]["iso"] == "2027-03-05"


def test_status_follows_the_day_of_the_build():
    assert campaign_view(CAMPAIGN, EN, dt.date(2027, 2, 1))["status"] == "upcoming"
    assert campaign_view(CAMPAIGN, EN, dt.date(2027, 5, 1))["status"] == "finished"
    one_day = dataclasses.replace(CAMPAIGN, end=None)
    assert campaign_view(one_day, EN, dt.date(2027, 3, 1))["status"] == "under-way"


def test_downloads_are_listed_by_kind_with_readable_sizes():
    files = [
        PrintFile("spring", "zh", kind, size, f"{kind}-{size}", Path("x"), count)
        for kind, size, count in [
            ("leaflet_pdf", "A4-landscape", 131_000),
            ("poster_pdf", "A3", 2_500_000),
            ("share_png", "", 18_000),
            ("poster_pdf", "A4", 82_000),
        ]
    ]
    view = downloads_view(files, EN)
    assert [item["name"] for item in view["items"]] == [
        "poster_pdf-A3", "poster_pdf-A4", "share_png-", "leaflet_pdf-A4-landscape"
    ]
    assert [item["size"] for item in view["items"]] == ["2.4 MB", "80 KB", "18 KB", "128 KB"]
    assert downloads_view([], EN) is None

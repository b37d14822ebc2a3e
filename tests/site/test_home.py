"""What the home page shows under the team's text, prepared in plain Python (site/campaign_pages/home.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from xuanchuan.campaigns.model import Activity, Campaign, Contact, Report
from xuanchuan.core.print_files import PrintFile
from xuanchuan.core.strings import Translator
from xuanchuan.site.campaign_pages.home import (
    ACTIVITY_COUNT,
    CAMPAIGN_COUNT,
    REPORT_COUNT,
    HomeLinks,
    home_view,
    png_size,
    tel_link,
)

ZH, EN = Translator("zh", ("zh",)), Translator("en", ("zh",))
TODAY = dt.date(2027, 3, 10)


def campaign(slug: str, start: str, end: str, **fields) -> Campaign:
    return Campaign(
        slug=slug,
        language="zh",
        folder=Path("."),
        source=Path("index.zh.md"),
        body="",
        title=fields.pop("title", slug),
        type="safe-electricity",
        summary="摘要",
        start=dt.date.fromisoformat(start),
        end=dt.date.fromisoformat(end),
        **fields,
    )


SPRING = campaign(
    "spring",
    "2027-03-01",
    "2027-04-30",
    title="<b>春灌</b>",
    contact=Contact(hotline="0000-6123456"),
    activities=(
        Activity(date=dt.date(2027, 3, 5), title="已过"),
        Activity(date=dt.date(2027, 3, 10), title="今天"),
        Activity(date=dt.date(2027, 4, 9), title="第三十天"),
        Activity(date=dt.date(2027, 4, 10), title="第三十一天"),
    ),
)
CULTURE = campaign("culture", "2027-04-10", "2027-05-31", contact=Contact(hotline="0000-6123456"))
UNION = campaign("union", "2027-04-01", "2027-10-31", contact=Contact(hotline="12351"))
WINTER = campaign("winter", "2026-12-01", "2027-01-31", contact=Contact(hotline="0000-1"))
NEWER = campaign("newer", "2027-03-05", "2027-03-20")
ALL = [CULTURE, UNION, NEWER, SPRING, WINTER]  # newest first, as the campaign set gives them
BUILT = {"campaigns/index.md", "campaigns/calendar.md"} | {c.page_key for c in ALL}


def view(campaigns=ALL, t=ZH, today=TODAY, built=BUILT, files=lambda c: [], reports=()):
    return home_view(
        campaigns,
        reports,
        t=t,
        today=today,
        links=HomeLinks(
            href=lambda key: key.replace(".md", ".html") if key in built else None,
            title_of=lambda key: f"title of {key}",
            print_files=files,
        ),
    )


def test_campaigns_under_way_newest_first_then_those_coming_soonest_first():
    items = view()["campaigns"]["items"]
    assert [item["url"] for item in items] == [
        "campaigns/newer/index.html",
        "campaigns/spring/index.html",
        "campaigns/union/index.html",
        "campaigns/culture/index.html",
    ]
    assert [item["status"] for item in items] == ["under-way"] * 2 + ["upcoming"] * 2
    assert [item["until"] for item in items] == [
        "2027-03-20",
        "2027-04-30",
        "2027-10-31",
        "2027-05-31",
    ]
    # Team text is escaped once, here.
    assert str(items[1]["title"]) == "&lt;b&gt;春灌&lt;/b&gt;"


def test_only_a_few_campaigns_show_on_a_busy_day():
    many = [campaign(f"c{n:02d}", "2027-03-01", "2027-03-31") for n in range(CAMPAIGN_COUNT + 3)]
    assert len(view(many)["campaigns"]["items"]) == CAMPAIGN_COUNT


def test_the_next_thirty_days_from_today_on():
    items = view()["activities"]["items"]
    assert [item["title"] for item in items] == ["今天", "第三十天"]
    assert {item["url"] for item in items} == {"campaigns/spring/index.html"}
    assert view(today=dt.date(2027, 6, 1))["activities"]["items"] == []
    busy = dataclasses.replace(
        SPRING,
        activities=tuple(
            Activity(date=TODAY + dt.timedelta(days=n), title=str(n)) for n in range(20)
        ),
    )
    assert len(view([busy])["activities"]["items"]) == ACTIVITY_COUNT


def test_each_hotline_once_with_the_campaigns_it_serves():
    hotlines = view()["hotlines"]["items"]
    assert [(h["number"], h["tel"], h["until"]) for h in hotlines] == [
        ("0000-6123456", "tel:00006123456", "2027-05-31"),
        ("12351", "tel:12351", "2027-10-31"),
    ]
    assert [c["href"] for c in hotlines[0]["campaigns"]] == [
        "campaigns/spring/index.html",
        "campaigns/culture/index.html",
    ]
    # A finished campaign's hotline is not offered.
    assert "0000-1" not in {h["number"] for h in hotlines}


def test_dial_links_hold_only_what_a_phone_dials():
    assert tel_link("0000-612 3456") == "tel:00006123456"
    assert tel_link("+86 (0991) 123") == "tel:+860991123"
    assert tel_link("请到营业厅") is None


def test_links_only_to_the_pages_the_site_has():
    links = view()["links"]["items"]
    assert [link["href"] for link in links] == [
        "campaigns/index.html",
        "campaigns/calendar.html",
    ]
    assert links[0]["title"] == "title of campaigns/index.md"
    built = BUILT | {"news/index.md", "summary/index.md"}
    assert [link["href"] for link in view(built=built)["links"]["items"]][2:] == [
        "news/index.html",
        "summary/index.html",
    ]


def test_texts_in_the_page_language():
    zh, en = view(), view(t=EN)
    assert (zh["campaigns"]["title"], en["campaigns"]["title"]) == (
        ZH("home.on_now"),
        EN("home.on_now"),
    )
    assert zh["activities"]["title"] == ZH("home.next", days=30)
    assert en["activities"]["items"][0]["date"] == "March 10, 2027"
    assert zh["campaigns"]["items"][0]["status_label"] == "进行中"


def share_png(path: Path, width: int, height: int) -> Path:
    from PIL import Image

    Image.new("RGB", (width, height), "#c62828").save(path)
    return path


def test_the_share_image_as_a_thumbnail_beside_the_campaign_page(tmp_path: Path):
    image = share_png(tmp_path / "spring-share-zh.png", 1200, 630)
    files = {
        "spring": [
            PrintFile("spring", "zh", "poster_png", "", "spring-poster-zh.png", image, 1),
            PrintFile("spring", "zh", "share_png", "", "spring-share-zh.png", image, 1),
        ]
    }
    items = view(files=lambda c: files.get(c.slug, []))["campaigns"]["items"]
    by_url = {item["url"]: item["image"] for item in items}
    assert by_url["campaigns/spring/index.html"] == {
        "src": "campaigns/spring/spring-share-zh.png",
        "width": 240,
        "height": 126,
    }
    assert by_url["campaigns/union/index.html"] is None


def test_png_size_reads_the_header_only(tmp_path: Path):
    assert png_size(share_png(tmp_path / "a.png", 1200, 630)) == (1200, 630)
    (tmp_path / "b.png").write_bytes(b"GIF89a" + bytes(30))
    assert png_size(tmp_path / "b.png") is None
    assert png_size(tmp_path / "missing.png") is None


def report(slug: str, day: str, title: str, place: str | None = None) -> Report:
    return Report(
        slug=slug,
        name=f"{day}-{slug}",
        language="zh",
        folder=Path("."),
        source=Path(f"reports/{day}-{slug}.zh.md"),
        body="",
        title=title,
        date=dt.date.fromisoformat(day),
        place=place,
    )


def test_the_latest_reports_as_the_news_page_lists_them():
    reports = [
        report("spring", f"2027-03-{day:02d}", f"简报{day}", place="东河村") for day in (9, 8, 7)
    ] + [report("culture", f"2027-03-0{day}", f"<i>简报{day}</i>") for day in (6, 5, 4, 3)]
    built = BUILT | {r.page_key for r in reports}
    items = view(reports=reports, built=built)["reports"]["items"]
    assert len(items) == REPORT_COUNT
    assert [str(item["title"]) for item in items] == [
        "简报9",
        "简报8",
        "简报7",
        "&lt;i&gt;简报6&lt;/i&gt;",
        "&lt;i&gt;简报5&lt;/i&gt;",
    ]
    assert items[0]["campaign"] == {
        "title": "&lt;b&gt;春灌&lt;/b&gt;",
        "url": SPRING.page_key.replace(".md", ".html"),
    }
    assert (items[0]["iso"], items[0]["date"], items[0]["place"]) == (
        "2027-03-09",
        "2027年3月9日",
        "东河村",
    )
    assert items[0]["url"] == "campaigns/spring/reports/2027-03-09-spring.html"
    assert view()["reports"]["items"] == []

"""Golden whole-site tests: a small set of campaigns built for real, read back field by field."""

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from fixtures.campaigns import (
    DONGHE_MEETING,
    DONGHE_MEETING_EN,
    TUG_OF_WAR_2025,
    WELL_INSPECTION,
    WELL_INSPECTION_EN,
    spring,
    spring_en,
    write_campaigns,
)
from fixtures.sites import fixture_config, page, run_mkdocs, write_site

TODAY = "2026-04-10"

SPRING_ZH = spring(
    """
    ## 为什么要查机井

    机井旁的线路容易受潮。
    """,
    audience=["农牧民", "电力客户"],
    places=["石卡镇", "东河村"],
    channels=["宣传车", "现场咨询"],
    laws=["《电力法》", "《电力设施保护条例》"],
    targets=[
        {"label": "机井检查覆盖率", "goal": 100, "actual": 80, "unit": "%"},
        {"label": "发放宣传单", "goal": 2000, "unit": "份"},
    ],
    # Out of order: the page lists them by day.
    activities=[DONGHE_MEETING, {**WELL_INSPECTION, "time": "9:00-11:30"}],
    contact={"hotline": "0000-8123456", "address": "石卡镇供电所营业厅"},
    poster={"points": ["先断电再救人"]},
    tags=["春灌"],
)

SPRING_EN = spring_en(
    """
    ## Why we check the wells

    Wiring near wells gets damp.
    """,
    places=["Shika Town", "Donghe Village"],
    targets=[{"label": "Wells inspected"}, {"label": "Leaflets handed out"}],
    activities=[DONGHE_MEETING_EN, WELL_INSPECTION_EN],
)

SAFETY_MONTH_ZH = """\
---
title: 安全生产月
type: safety-month
summary: 六月集中宣传<安全生产法>。
start: 2026-06-01
end: 2026-06-30
activities:
  - date: 2026-06-16
    title: 安全咨询日
---

## 内容

正文。
"""

DRAFT_ZH = """\
---
title: 草稿活动
type: union-work
summary: 还没写完。
start: 2026-05-01
draft: true
---
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = write_site(
        tmp_path_factory.mktemp("campaigns") / "project",
        {"index.zh.md": page("首页"), "index.en.md": page("Home")},
        fixture_config(print_files=False),
    )
    write_campaigns(
        root,
        {
            "spring-2026": {"zh": SPRING_ZH, "en": SPRING_EN},
            "safety-month-2026": {"zh": SAFETY_MONTH_ZH},
            "tug-of-war-2025": {"zh": TUG_OF_WAR_2025},
            "draft-one": {"zh": DRAFT_ZH},
        },
    )
    result = run_mkdocs(root, env={"XUANCHUAN_TODAY": TODAY})
    assert result.returncode == 0, result.output
    return result.site


def read(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


def facts(document: BeautifulSoup) -> dict[str, str]:
    return {
        row.dt.get_text(strip=True): " ".join(row.dd.get_text(" ", strip=True).split())
        for row in document.select(".xc-facts > div")
    }


def test_chinese_campaign_page_field_by_field(site: Path):
    doc = read(site, "campaigns/spring-2026/index.html")
    assert doc.select_one("article h1").get_text(strip=True) == "春灌安全用电宣传"
    assert (
        doc.select_one(".xc-campaign__summary").get_text() == "春灌开泵前，到机井和村里讲安全用电。"
    )
    assert facts(doc) == {
        "类型": "安全用电",
        "时间": "2026年3月1日至4月30日 进行中",
        "主办单位": "城关供电所",
        "宣传对象": "农牧民 电力客户",
        "地点": "石卡镇 东河村",
        "宣传形式": "宣传车 现场咨询",
        "宣传的法律法规": "《电力法》 《电力设施保护条例》",
        "咨询热线": "0000-8123456",
        "地址": "石卡镇供电所营业厅",
    }
    targets = doc.select(".xc-target")
    assert [t.select_one(".xc-target__label").get_text() for t in targets] == [
        "机井检查覆盖率",
        "发放宣传单",
    ]
    assert targets[0].select_one(".xc-target__numbers").get_text() == "完成 80% / 目标 100%"
    assert targets[0].select_one(".xc-bar")["aria-valuenow"] == "80"
    assert targets[1].select_one(".xc-target__numbers").get_text() == "尚未统计 / 目标 2,000份"
    assert not targets[1].select_one(".xc-bar").has_attr("aria-valuenow")
    schedule = [
        " ".join(li.get_text(" ", strip=True).split()) for li in doc.select(".xc-schedule li")
    ]
    # Activities are shown by date whatever their order in the file.
    assert schedule == [
        "2026年3月5日 9:00-11:30 机井巡查 石卡镇一号井",
        "2026年4月20日 东河村群众会 东河村委会",
    ]
    body = doc.select_one("article")
    headings = [h.get_text(strip=True).rstrip("¶") for h in body.select("h2")]
    assert headings == ["工作目标", "活动安排", "为什么要查机井"]


def test_english_campaign_page_inherits_untranslated_fields(site: Path):
    doc = read(site, "en/campaigns/spring-2026/index.html")
    assert doc.html["lang"] == "en"
    assert doc.select_one("article h1").get_text(strip=True) == (
        "Safe electricity for spring irrigation"
    )
    assert facts(doc) == {
        "Type": "Safe electricity use",
        "Dates": "March 1 – April 30, 2026 Under way",
        "Organizer": "城关供电所",
        "Audience": "农牧民 电力客户",
        "Places": "Shika Town Donghe Village",
        "Channels": "宣传车 现场咨询",
        "Laws promoted": "《电力法》 《电力设施保护条例》",
        "Hotline": "0000-8123456",
        "Address": "石卡镇供电所营业厅",
    }
    assert [t.select_one(".xc-target__numbers").get_text() for t in doc.select(".xc-target")] == [
        "reached 80% / goal 100%",
        "not measured yet / goal 2,000份",
    ]
    schedule = [
        " ".join(li.get_text(" ", strip=True).split()) for li in doc.select(".xc-schedule li")
    ]
    assert schedule == [
        "March 5, 2026 9:00-11:30 Well inspection Shika well no. 1",
        "April 20, 2026 Donghe village meeting Donghe village office",
    ]
    assert not doc.select(".xc-untranslated")


def test_untranslated_campaign_falls_back_with_notice(site: Path):
    doc = read(site, "en/campaigns/safety-month-2026/index.html")
    assert doc.select_one(".xc-untranslated .admonition-title").get_text() == "Not yet translated"
    assert doc.select_one("article h1").get_text(strip=True) == "安全生产月"
    assert facts(doc)["Dates"] == "June 1 – 30, 2026 Upcoming"


def test_text_from_the_team_is_escaped(site: Path):
    doc = read(site, "campaigns/safety-month-2026/index.html")
    assert doc.select_one(".xc-campaign__summary").get_text() == "六月集中宣传<安全生产法>。"
    assert not doc.find("安全生产法")


def test_drafts_are_left_out_of_the_build(site: Path):
    assert not (site / "campaigns" / "draft-one").exists()
    assert "草稿活动" not in (site / "campaigns" / "index.html").read_text(encoding="utf-8")


def test_campaign_pages_stay_out_of_the_navigation(site: Path):
    nav = read(site, "campaigns/calendar.html").select_one("nav.md-nav--primary").get_text()
    assert "宣传活动" in nav and "活动日历" in nav and "安全用电" in nav
    assert "春灌安全用电宣传" not in nav


def test_overview_newest_first_by_year_with_type_filter(site: Path):
    doc = read(site, "campaigns/index.html")
    assert [h.get_text(strip=True) for h in doc.select("h2.xc-year")] == ["2026", "2025"]
    cards = doc.select(".xc-card")
    assert [c.select_one(".xc-card__title").get_text() for c in cards] == [
        "安全生产月",
        "春灌安全用电宣传",
        "国庆职工拔河赛",
    ]
    assert [c["data-type"] for c in cards] == ["safety-month", "safe-electricity", "union-work"]
    assert cards[1].select_one("a")["href"] == "spring-2026/index.html"
    labels = [label.get_text(strip=True) for label in doc.select(".xc-filter > label")]
    assert labels == ["全部", "安全用电 (1)", "安全生产月 (1)", "工会工作 (1)"]
    style = doc.select_one("article style, .md-content style").get_text()
    assert (
        '#xc-filter-union-work:checked ~ .xc-filtered .xc-card:not([data-type="union-work"])'
        in (style)
    )
    assert not doc.select("script[src]:not([src*='assets/'])")


def test_one_page_per_type(site: Path):
    doc = read(site, "en/campaigns/type-union-work.html")
    assert doc.select_one("article h1").get_text(strip=True) == "Union work"
    assert [c.get_text() for c in doc.select(".xc-card__title")] == ["国庆职工拔河赛"]
    empty = read(site, "campaigns/type-send-culture.html")
    assert "暂无活动。" in empty.select_one("article").get_text()


def activities(document: BeautifulSoup) -> list[str]:
    return [" ".join(li.get_text(" ", strip=True).split()) for li in document.select(".xc-activity")]


def test_calendar_shows_the_next_weeks_and_links_every_month(site: Path):
    doc = read(site, "campaigns/calendar.html")
    sections = doc.select("article h2")
    assert [s.get_text(strip=True) for s in sections] == ["即将举行", "按月份查看"]
    # Today is 10 April: only what falls in the next 60 days is listed in full.
    assert activities(doc) == ["2026年4月20日 东河村群众会 东河村委会 春灌安全用电宣传"]
    assert doc.select_one(".xc-activity a")["href"] == "spring-2026/index.html"
    months = [
        (a.get_text(), a["href"], a.find_next_sibling().get_text())
        for a in doc.select(".xc-months a")
    ]
    assert months == [
        ("三月", "calendar/2026-03.html", "(1 项)"),
        ("四月", "calendar/2026-04.html", "(1 项)"),
        ("六月", "calendar/2026-06.html", "(1 项)"),
    ]
    assert doc.select_one("a[download]")["href"] == "../calendar.ics"


def test_every_activity_is_on_its_month_page(site: Path):
    listed = []
    for month in ("2026-03", "2026-04", "2026-06"):
        doc = read(site, f"campaigns/calendar/{month}.html")
        listed += activities(doc)
        assert doc.select_one(".xc-activity a")["href"].startswith("../")
        assert doc.select_one("article a")["href"] == "../calendar.html"
    assert listed == [
        "2026年3月5日 9:00-11:30 机井巡查 石卡镇一号井 春灌安全用电宣传",
        "2026年4月20日 东河村群众会 东河村委会 春灌安全用电宣传",
        "2026年6月16日 安全咨询日 安全生产月",
    ]
    april = read(site, "campaigns/calendar/2026-04.html")
    assert april.select_one("h1").get_text() == "2026年4月"
    assert april.select_one("a[rel=prev]").get_text() == "← 2026年3月"
    assert april.select_one("a[rel=next]")["href"] == "2026-06.html"
    english = read(site, "en/campaigns/calendar/2026-06.html")
    assert english.select_one("h1").get_text() == "June 2026"
    assert activities(english) == ["June 16, 2026 安全咨询日 安全生产月"]


def test_ics_feed_event_by_event(site: Path):
    feed = Calendar.from_ical((site / "calendar.ics").read_bytes())
    events = sorted(feed.walk("VEVENT"), key=lambda e: e.decoded("dtstart").isoformat())
    assert [str(e["summary"]) for e in events] == ["机井巡查", "东河村群众会", "安全咨询日"]
    timed = events[0]
    start, end = timed.decoded("dtstart"), timed.decoded("dtend")
    assert start.isoformat() == "2026-03-05T09:00:00+08:00"
    assert end.isoformat() == "2026-03-05T11:30:00+08:00"
    assert str(timed["location"]) == "石卡镇一号井"
    assert str(timed["uid"]) == "spring-2026-20260305-1@xuanchuan"
    assert str(timed["url"]) == "https://www.qxdl.cn/xuanchuan/campaigns/spring-2026/index.html"
    all_day = events[1]
    assert all_day.decoded("dtstart") == dt.date(2026, 4, 20)
    assert all_day.decoded("dtend") == dt.date(2026, 4, 21)
    assert all(e.get("dtstamp") for e in events)
    assert len({str(e["uid"]) for e in events}) == 3
    english = Calendar.from_ical((site / "en" / "calendar.ics").read_bytes())
    titles = sorted(str(e["summary"]) for e in english.walk("VEVENT"))
    assert titles == ["Donghe village meeting", "Well inspection", "安全咨询日"]
    urls = {str(e["url"]) for e in english.walk("VEVENT")}
    assert "https://www.qxdl.cn/xuanchuan/en/campaigns/spring-2026/index.html" in urls


def test_campaign_search_finds_facts_in_its_language(site: Path):
    from xuanchuan.site.search.index import read_search_files, tokens

    zh, en = read_search_files(site), read_search_files(site / "en")
    assert any(
        set(tokens("电力法")) <= d["terms"] for d in zh if d["location"].startswith("campaigns/")
    )
    en_locations = {d["location"].split("#")[0] for d in en}
    assert "campaigns/spring-2026/index.html" in en_locations
    # The Chinese fallback stays out of English search; the index pages are not searched.
    assert "campaigns/safety-month-2026/index.html" not in en_locations
    assert "campaigns/index.html" not in en_locations


def test_drafts_show_in_the_live_preview(site: Path):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=site.parent,
        env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1", "XUANCHUAN_TODAY": TODAY},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        pages = {}
        deadline = time.monotonic() + 90
        for path in ("campaigns/draft-one/", "en/campaigns/draft-one/"):
            while path not in pages and time.monotonic() < deadline:
                try:
                    url = f"http://127.0.0.1:{port}/xuanchuan/{path}index.html"
                    with urllib.request.urlopen(url) as reply:
                        pages[path] = reply.read().decode("utf-8")
                except OSError:
                    time.sleep(0.5)
        assert "草稿活动" in pages["campaigns/draft-one/"]
        assert "Not yet translated" in pages["en/campaigns/draft-one/"]
    finally:
        server.terminate()
        server.wait(timeout=30)
    # The preview never touches the built site.
    assert not (site / "campaigns" / "draft-one").exists()


def test_feed_is_reused_when_unchanged_and_redrawn_when_an_activity_changes(tmp_path: Path):
    root = write_site(tmp_path / "project", {"index.zh.md": page("首页")}, fixture_config())
    folder = root / "campaigns" / "spring-2026"
    folder.mkdir(parents=True)
    source = folder / "index.zh.md"
    source.write_text(SPRING_ZH, encoding="utf-8")

    def feed() -> bytes:
        result = run_mkdocs(root, env={"XUANCHUAN_TODAY": TODAY})
        assert result.returncode == 0, result.output
        return (result.site / "calendar.ics").read_bytes()

    first = feed()
    kept = sorted((root / ".cache" / "xuanchuan" / "feeds").glob("*.ics"))
    # One feed per language, kept for the next build (followed by the entry's seal).
    assert len(kept) == 2 and any(path.read_bytes().startswith(first) for path in kept)
    assert feed() == first
    source.write_text(SPRING_ZH.replace("东河村群众会", "东河村夜校"), encoding="utf-8")
    titles = [str(e["summary"]) for e in Calendar.from_ical(feed()).walk("VEVENT")]
    assert sorted(titles) == ["东河村夜校", "机井巡查"]

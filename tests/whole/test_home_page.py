"""The home page shows what is on under the team's own text: a real build, read back as
HTML in both languages, and in Chromium with the reader's clock later than the build's."""

from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from fixtures.campaigns import spring, spring_en, write_campaign, write_campaigns
from fixtures.sites import fixture_config, page, run_mkdocs, write_site

TODAY = "2027-03-10"

# The spring campaign of the next year, with a publicity vehicle on the 16th.
SPRING_ZH = spring(
    "正文。",
    title="春灌机井安全用电",
    summary="开泵前检查机井线路。",
    start="2027-03-01",
    end="2027-04-30",
    organizer=None,
    activities=[
        {"date": "2027-03-05", "title": "机井巡查"},
        {"date": "2027-03-16", "title": "宣传车进村", "time": "9:00-16:00", "place": "西沟村"},
        {"date": "2027-04-20", "title": "东河村群众会"},
    ],
    contact={"hotline": "0000-6123456"},
    poster={"points": ["先断电再救人"]},
)

SPRING_EN = spring_en(
    "Text.",
    title="Safe pumping in spring",
    summary="Checking the wells before the pumps start.",
    activities=[
        {"title": "Well inspection"},
        {"title": "Publicity vehicle in the villages", "place": "Xigou village"},
        {"title": "Donghe village meeting"},
    ],
)

CULTURE_ZH = """\
---
title: 送文化进工地
type: send-culture
summary: 给工地送戏送电影。
start: 2027-04-05
end: 2027-05-31
activities:
  - date: 2027-04-08
    title: 演出报名
contact:
  hotline: "12351"
poster:
  points: [好戏送到工地上]
---

正文。
"""

CULTURE_EN = """\
---
title: Culture for the worksites
summary: Plays and films on the building sites.
activities:
  - title: Sign up for the shows
---

Text.
"""

WINTER_ZH = """\
---
title: 冬季用电安全
type: safe-electricity
summary: 取暖用电注意事项。
start: 2026-12-01
end: 2027-01-31
contact:
  hotline: 0000-7000000
poster:
  points: [电暖器远离可燃物]
---

正文。
"""

# Chinese only: the English site shows it in Chinese, with its statuses in English.
AUTUMN_ZH = """\
---
title: 秋收安全用电
type: safe-electricity
summary: 秋收时节的用电安全。
start: 2027-09-01
end: 2027-09-30
poster:
  points: [收割机远离电线]
---

正文。
"""

REPORT_ZH = """\
---
title: 机井巡查完成
date: 2027-03-05
activity: 2027-03-05
place: 石卡镇
---

查了十二口机井。
"""

REPORT_EN = """\
---
title: Wells inspected
place: Shika Town
---

Twelve wells checked.
"""

CAMPAIGNS = {
    "spring-2027": {
        "zh": SPRING_ZH,
        "en": SPRING_EN,
        "reports/2027-03-05-wells.zh.md": REPORT_ZH,
        "reports/2027-03-05-wells.en.md": REPORT_EN,
    },
    "culture-2027": {"zh": CULTURE_ZH, "en": CULTURE_EN},
    "winter-2026": {"zh": WINTER_ZH},
    "autumn-2027": {"zh": AUTUMN_ZH},
}

PAGES = {
    "index.zh.md": page("首页", "欢迎来到宣传站。"),
    "index.en.md": page("Home", "Welcome to our site."),
}


def build_site(root: Path) -> Path:
    config = fixture_config()
    # The share image is what the home page needs; one poster size, no leaflet, is quicker.
    config["extra"]["xuanchuan"]["print"] = {"poster_sizes": ["A4"], "leaflets": False}
    write_site(root, PAGES, config)
    write_campaigns(root, CAMPAIGNS)
    result = run_mkdocs(root, env={"XUANCHUAN_TODAY": TODAY})
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("home") / "project")


def home(site: Path, code: str) -> BeautifulSoup:
    folder = site if code == "zh" else site / code
    return BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")


def texts(document: BeautifulSoup, selector: str) -> list[str]:
    return [" ".join(e.get_text(" ", strip=True).split()) for e in document.select(selector)]


def test_the_blocks_follow_the_team_text_in_each_language(site: Path):
    for code, welcome, headings in (
        (
            "zh",
            "欢迎来到宣传站。",
            [
                "正在进行和即将开始的活动",
                "近 30 天的活动安排",
                "最新活动简报",
                "咨询热线",
                "更多内容",
            ],
        ),
        (
            "en",
            "Welcome to our site.",
            [
                "Campaigns under way and coming up",
                "Activities in the next 30 days",
                "Latest reports",
                "Hotlines",
                "More",
            ],
        ),
    ):
        document = home(site, code)
        article = document.select_one("article")
        assert texts(article, ".xc-home h2") == headings
        # The team's own text first, untouched; the blocks after it.
        paragraphs = [p for p in article.find_all("p") if p.get_text(strip=True) == welcome]
        assert len(paragraphs) == 1
        assert paragraphs[0].find_next("div", class_="xc-home") is not None


def test_campaigns_under_way_and_coming_as_of_the_build_date(site: Path):
    zh, en = home(site, "zh"), home(site, "en")
    assert texts(zh, ".xc-home-card .xc-card__title") == [
        "春灌机井安全用电",
        "送文化进工地",
        "秋收安全用电",
    ]
    assert texts(en, ".xc-home-card .xc-card__title") == [
        "Safe pumping in spring",
        "Culture for the worksites",
        "秋收安全用电",
    ]
    assert texts(zh, ".xc-home-card .xc-status") == ["进行中", "即将开始", "即将开始"]
    assert texts(en, ".xc-home-card .xc-status") == ["Under way", "Upcoming", "Upcoming"]
    until = [card["data-xc-until"] for card in zh.select(".xc-home-card")]
    assert until == ["2027-04-30", "2027-05-31", "2027-09-30"]
    # The finished campaign is not on the home page.
    assert "冬季用电安全" not in zh.select_one(".xc-home").get_text()


def test_the_next_thirty_days_each_leading_to_its_campaign(site: Path):
    zh, en = home(site, "zh"), home(site, "en")
    activities = zh.select("#xc-home-next ~ .xc-schedule .xc-activity")
    assert [a["data-xc-until"] for a in activities] == ["2027-03-16", "2027-04-08"]
    assert texts(zh, ".xc-home .xc-activity__title") == ["宣传车进村", "演出报名"]
    assert texts(en, ".xc-home .xc-activity__title") == [
        "Publicity vehicle in the villages",
        "Sign up for the shows",
    ]
    assert [a.select_one(".xc-activity__campaign")["href"] for a in activities] == [
        "campaigns/spring-2027/index.html",
        "campaigns/culture-2027/index.html",
    ]
    assert texts(en, ".xc-home .xc-activity time") == ["March 16, 2027", "April 8, 2027"]


def test_the_latest_reports_lead_to_their_pages_and_campaigns(site: Path):
    zh, en = home(site, "zh"), home(site, "en")
    assert texts(zh, ".xc-home .xc-news__item") == [
        "2027年3月5日 机井巡查完成 春灌机井安全用电 · 石卡镇"
    ]
    assert texts(en, ".xc-home .xc-news__item") == [
        "March 5, 2027 Wells inspected Safe pumping in spring · Shika Town"
    ]
    links = [a["href"] for a in zh.select(".xc-home .xc-news__item a")]
    assert links == [
        "campaigns/spring-2027/reports/2027-03-05-wells.html",
        "campaigns/spring-2027/index.html",
    ]


def test_hotlines_of_the_campaigns_shown_dial_on_a_phone(site: Path):
    zh = home(site, "zh")
    numbers = zh.select(".xc-home-hotlines__number")
    assert [(n.get_text(), n["href"]) for n in numbers] == [
        ("0000-6123456", "tel:00006123456"),
        ("12351", "tel:12351"),
    ]
    assert "0000-7000000" not in zh.select_one(".xc-home").get_text()


def test_share_images_are_small_lazy_thumbnails_of_built_files(site: Path):
    for code in ("zh", "en"):
        images = home(site, code).select(".xc-home-card img")
        assert len(images) == 3
        for image in images:
            assert (image["width"], image["height"], image["loading"]) == ("240", "126", "lazy")
            assert image["alt"] == ""
        sources = [image["src"] for image in images]
        assert sources[0] == f"campaigns/spring-2027/spring-2027-share-{code}.png"
        folder = site if code == "zh" else site / code
        for source in sources:
            assert (folder / source).stat().st_size > 1000


def resolve(site: Path, page: str, href: str) -> Path:
    """The built file a link from ``page`` (relative to the site) leads to."""
    path = unquote(urlsplit(href).path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    file = site / target
    return file / "index.html" if file.is_dir() else file


def test_every_link_leads_to_a_built_page_and_only_built_pages_are_linked(site: Path):
    for code, page_path in (("zh", "index.html"), ("en", "en/index.html")):
        blocks = home(site, code).select_one(".xc-home")
        links = [a["href"] for a in blocks.select("a[href]") if not a["href"].startswith("tel:")]
        assert len(links) > 8
        for href in links:
            assert resolve(site, page_path, href).is_file(), (code, href)
    # The campaigns list, the calendar, the news (there are reports) and the summaries.
    zh_links = home(site, "zh").select(".xc-home-links a")
    assert [(a.get_text(), a["href"]) for a in zh_links] == [
        ("宣传活动", "campaigns/index.html"),
        ("活动日历", "campaigns/calendar.html"),
        ("工作动态", "news/index.html"),
        ("年度总结", "summary/index.html"),
    ]
    en_links = home(site, "en").select(".xc-home-links a")
    assert [(a.get_text(), a["href"]) for a in en_links] == [
        ("Campaigns", "campaigns/index.html"),
        ("Activity calendar", "campaigns/calendar.html"),
        ("News", "news/index.html"),
        ("Year-end summaries", "summary/index.html"),
    ]


def test_a_list_the_site_does_not_have_is_not_linked(tmp_path: Path):
    root = tmp_path / "project"
    config = fixture_config()
    config["extra"]["xuanchuan"]["print"] = {"enabled": False}
    write_site(root, {"index.zh.md": page("首页"), "index.en.md": page("Home")}, config)
    write_campaign(root, "spring-2027", {"zh": SPRING_ZH})
    result = run_mkdocs(root, env={"XUANCHUAN_TODAY": TODAY})
    assert result.returncode == 0, result.output
    # No reports, so no news page; and no share images.
    document = result.html("index.html")
    assert not (result.site / "news").exists()
    assert [a["href"] for a in document.select(".xc-home-links a")] == [
        "campaigns/index.html",
        "campaigns/calendar.html",
        "summary/index.html",
    ]
    assert document.select_one("#xc-home-reports") is None
    assert document.select(".xc-home-card img") == []
    assert texts(document, ".xc-home-card .xc-card__title") == ["春灌机井安全用电"]


# -- in the browser: the reader's date is later than the build's -----------------------


def visible(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector,
        "els => els.filter(e => e.offsetParent !== null).map(e => e.textContent.trim())",
    )


def open_on(visit, relative: str, day: str) -> None:
    visit.page.clock.set_fixed_time(dt.datetime.fromisoformat(day + "T09:00:00"))
    visit.open(relative)


@pytest.mark.browser
def test_at_the_build_date_the_browser_shows_what_the_build_wrote(visit):
    open_on(visit, "index.html", TODAY)
    page = visit.page
    assert visible(page, ".xc-home .xc-activity__title") == ["宣传车进村", "演出报名"]
    assert visible(page, ".xc-home-card .xc-status") == ["进行中", "即将开始", "即将开始"]
    assert visible(page, "#xc-home-next ~ .xc-home__none") == []


@pytest.mark.browser
def test_a_later_day_hides_past_activities_and_corrects_statuses(visit):
    open_on(visit, "en/index.html", "2027-04-12")
    page = visit.page
    # 16 March and 8 April are past; the spring campaign still runs, culture has begun.
    assert visible(page, ".xc-home .xc-activity__title") == []
    assert visible(page, "#xc-home-next ~ .xc-home__none") == [
        "Nothing is scheduled for the coming days."
    ]
    assert visible(page, ".xc-home-card .xc-status") == ["Under way", "Under way", "Upcoming"]


@pytest.mark.browser
def test_campaigns_and_hotlines_that_ended_leave_the_home_page(visit):
    open_on(visit, "index.html", "2027-06-02")
    page = visit.page
    assert visible(page, ".xc-home-card .xc-card__title") == ["秋收安全用电"]
    assert visible(page, ".xc-home-card .xc-status") == ["即将开始"]
    # Both hotlines served campaigns now over: the block goes.
    assert not page.is_visible("#xc-home-hotlines")
    assert visible(page, "#xc-home-on-now ~ .xc-home__none") == []
    open_on(visit, "index.html", "2027-10-01")
    assert visible(page, ".xc-home-card .xc-card__title") == []
    assert visible(page, "#xc-home-on-now ~ .xc-home__none") == [
        "目前没有正在进行或即将开始的活动。"
    ]

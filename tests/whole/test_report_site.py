"""Reports built for real: their pages, the campaign's timeline and results, the news pages,
the Atom feeds and the web-sized photos, read back from a real build."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from fixtures.campaigns import spring, write_campaign
from fixtures.sites import fixture_config, page, run_mkdocs, write_site

# After the safety month, during the spring campaign.
TODAY = "2026-07-10"

MONTH_ZH = """\
---
title: 安全生产月进村
type: safety-month
summary: 六月到各村讲安全用电。
start: 2026-06-01
end: 2026-06-30
targets:
  - label: 发放传单
    goal: 1000
    unit: 份
  - label: 召开村民会
    goal: 3
  - label: 咨询人次
    goal: 100
    actual: 120
activities:
  - date: 2026-06-06
    title: 集市咨询摊
    place: 城关镇集市
  - date: 2026-06-16
    title: 东河村村民会
  - date: 2026-06-24
    title: 录像放映
---

正文。
"""

MONTH_EN = """\
---
title: Safety month in the villages
summary: In June we visit every village.
targets:
  - label: Leaflets handed out
  - label: Village meetings held
  - label: People advised
activities:
  - title: Market advice stall
  - title: Donghe village meeting
  - title: Video evening
---

Text.
"""

# The spring campaign, moved to the summer of this site.
SPRING_ZH = spring(
    title="春灌安全用电",
    summary="春灌时节讲安全用电。",
    start="2026-07-01",
    end="2026-08-31",
    organizer=None,
    targets=[{"label": "检查机井", "goal": 40, "unit": "眼"}],
    activities=[{"date": "2026-07-05", "title": "机井巡查"}],
)

REPORT_MARKET_ZH = """\
---
title: 集市上的咨询摊
date: 2026-06-06
activity: 集市咨询摊
place: 城关镇集市
people: 300
photos:
  - file: photos/market.jpg
    caption: 电工在摊前讲解
figures:
  发放传单: 700
---

上午八点，咨询摊在集市口摆开。
"""

REPORT_MARKET_EN = """\
---
title: Our stall at the market
place: Chengguan market
photos:
  - caption: An electrician explains
---

The stall opened at eight.
"""

REPORT_MEETING_ZH = """\
---
title: 东河村开村民会
date: 2026-06-16
activity: 2026-06-16
people: 85
figures:
  发放传单: 200
  召开村民会: 1
---

村民会上讲了漏电保护器。
"""

REPORT_WELLS_ZH = """\
---
title: 巡查机井
date: 2026-07-05
activity: 机井巡查
figures:
  检查机井: 12
---

查了十二眼机井。
"""

DRAFT_ZH = """\
---
title: 还没写完
date: 2026-06-24
figures:
  发放传单: 5000
draft: true
---
"""

# Enough reports of their own for the news to take three pages.
MANY = 42


def many_report(number: int) -> str:
    day = dt.date(2026, 7, 1) + dt.timedelta(days=number % 60)
    return f"---\ntitle: 第{number}次走访\ndate: {day.isoformat()}\n---\n\n走访记录{number}。\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = write_site(
        tmp_path_factory.mktemp("reports") / "project",
        {"index.zh.md": page("首页"), "index.en.md": page("Home")},
        fixture_config(print_files=False),
    )
    month = write_campaign(
        root,
        "safety-month-2026",
        {
            "zh": MONTH_ZH,
            "en": MONTH_EN,
            "reports/2026-06-06-market.zh.md": REPORT_MARKET_ZH,
            "reports/2026-06-06-market.en.md": REPORT_MARKET_EN,
            "reports/2026-06-16-meeting.zh.md": REPORT_MEETING_ZH,
            "reports/2026-06-24-draft.zh.md": DRAFT_ZH,
        },
    )
    (month / "reports" / "photos").mkdir()
    photo = Image.new("RGB", (2400, 1800), (30, 120, 200))
    photo.save(month / "reports" / "photos" / "market.jpg", quality=95)
    spring_folder = write_campaign(
        root, "spring-2026", {"zh": SPRING_ZH, "reports/2026-07-05-wells.zh.md": REPORT_WELLS_ZH}
    )
    for number in range(MANY):
        day = dt.date(2026, 7, 1) + dt.timedelta(days=number % 60)
        name = f"{day.isoformat()}-visit-{number}.zh.md"
        (spring_folder / "reports" / name).write_text(many_report(number), encoding="utf-8")
    result = run_mkdocs(root, env={"XUANCHUAN_TODAY": TODAY})
    assert result.returncode == 0, result.output
    return result.site


def read(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


def test_targets_add_up_the_reports_and_show_met_once_ended(site: Path):
    doc = read(site, "campaigns/safety-month-2026/index.html")
    targets = doc.select(".xc-target")
    numbers = [text(t.select_one(".xc-target__numbers")) for t in targets]
    # 700 + 200; the draft's 5000 is not counted; a hand-set actual wins.
    assert numbers == ["完成 900份 / 目标 1,000份", "完成 1 / 目标 3", "完成 120 / 目标 100"]
    as_of = [t.select_one(".xc-target__as-of") for t in targets]
    assert [text(a) if a else None for a in as_of] == [
        "截至2026年6月16日简报",
        "截至2026年6月16日简报",
        None,
    ]
    results = [t.select_one(".xc-result") for t in targets]
    assert [text(r) for r in results] == ["未达成", "未达成", "已达成"]
    assert not any(r.has_attr("hidden") for r in results)
    assert targets[0].select_one(".xc-bar")["aria-valuenow"] == "90"


def test_a_campaign_under_way_hides_its_results_until_it_ends(site: Path):
    doc = read(site, "campaigns/spring-2026/index.html")
    result = doc.select_one(".xc-result")
    assert result.has_attr("hidden")
    assert result["data-xc-after"] == "2026-08-31"
    assert text(doc.select_one(".xc-target__numbers")) == "完成 12眼 / 目标 40眼"


def test_schedule_marks_held_activities_with_their_report(site: Path):
    doc = read(site, "campaigns/safety-month-2026/index.html")
    rows = doc.select(".xc-schedule li")
    done = [row.select_one(".xc-done") for row in rows]
    assert [d["href"] if d else None for d in done] == [
        "reports/2026-06-06-market.html",
        "reports/2026-06-16-meeting.html",
        None,
    ]
    assert text(done[0]) == "✓ 已开展"


def test_timeline_lists_reports_newest_first_without_drafts(site: Path):
    doc = read(site, "campaigns/safety-month-2026/index.html")
    items = doc.select(".xc-timeline li")
    assert [text(li.a) for li in items] == ["东河村开村民会", "集市上的咨询摊"]
    assert [li.time["datetime"] for li in items] == ["2026-06-16", "2026-06-06"]
    assert not (site / "campaigns/safety-month-2026/reports/2026-06-24-draft.html").exists()
    headings = [h.get_text(strip=True) for h in doc.select("article h2")]
    assert headings.index("活动简报") > headings.index("活动安排")


def test_report_page_shows_facts_figures_and_gallery(site: Path):
    doc = read(site, "campaigns/safety-month-2026/reports/2026-06-06-market.html")
    assert doc.select_one("article h1").get_text(strip=True) == "集市上的咨询摊"
    facts = {
        row.dt.get_text(strip=True): text(row.dd)
        for row in doc.select(".xc-report .xc-facts > div")
    }
    assert facts == {
        "日期": "2026年6月6日",
        "所属活动": "安全生产月进村",
        "对应的活动安排": "集市咨询摊 2026年6月6日",
        "地点": "城关镇集市 · 参加 300 人",
    }
    links = {a.get_text(strip=True): a["href"] for a in doc.select(".xc-report .xc-facts a")}
    assert links == {"安全生产月进村": "../index.html", "集市咨询摊": "../index.html#xc-schedule"}
    assert [text(li) for li in doc.select(".xc-figures li")] == ["发放传单 700份"]
    figure = doc.select_one(".xc-gallery figure")
    assert text(figure.figcaption) == "电工在摊前讲解"
    assert "上午八点" in text(doc.select_one("article"))


def test_photos_are_published_once_as_web_sized_copies(site: Path):
    doc = read(site, "campaigns/safety-month-2026/reports/2026-06-06-market.html")
    image = doc.select_one(".xc-gallery img")
    base = site / "campaigns/safety-month-2026/reports"
    sources = [part.strip().split(" ") for part in image["srcset"].split(",")]
    widths = []
    for address, width in sources:
        with Image.open(base / address) as copy:
            assert f"{copy.width}w" == width
            assert copy.format == "JPEG"
            widths.append(copy.width)
    assert widths == [480, 960, 1600]
    assert image["loading"] == "lazy" and image["sizes"]
    with Image.open(base / image["src"]) as shown:
        assert (shown.width, shown.height) == (int(image["width"]), int(image["height"]))
    # The original (2400 px) is for print only; the English pages show the same copies.
    published = sorted(p.name for p in site.rglob("*.jpg"))
    assert published == ["market-1600w.jpg", "market-480w.jpg", "market-960w.jpg"]
    english = read(site, "en/campaigns/safety-month-2026/reports/2026-06-06-market.html")
    english_image = english.select_one(".xc-gallery img")
    page_folder = site / "en/campaigns/safety-month-2026/reports"
    assert (page_folder / english_image["src"]).resolve() == (base / image["src"]).resolve()
    assert text(english.select_one(".xc-gallery figcaption")) == "An electrician explains"


def test_english_report_uses_its_translation_and_english_labels(site: Path):
    doc = read(site, "en/campaigns/safety-month-2026/reports/2026-06-06-market.html")
    assert doc.select_one("article h1").get_text(strip=True) == "Our stall at the market"
    facts = {
        row.dt.get_text(strip=True): text(row.dd)
        for row in doc.select(".xc-report .xc-facts > div")
    }
    assert facts["Scheduled activity"] == "Market advice stall June 6, 2026"
    assert facts["Place"] == "Chengguan market · 300 people took part"
    assert [text(li) for li in doc.select(".xc-figures li")] == ["Leaflets handed out 700份"]
    # Without its own translation, a report shows the Chinese text with the notice.
    untranslated = read(site, "en/campaigns/safety-month-2026/reports/2026-06-16-meeting.html")
    assert untranslated.select_one(".xc-untranslated .admonition-title").get_text() == (
        "Not yet translated"
    )


def test_news_pages_list_every_report_newest_first_twenty_a_page(site: Path):
    total = MANY + 3
    pages = ["news/index.html", "news/2.html", "news/3.html"]
    seen = []
    for number, relative in enumerate(pages, start=1):
        doc = read(site, relative)
        items = doc.select(".xc-news li")
        seen += [(li.time["datetime"], text(li.select_one(".xc-news__title"))) for li in items]
        current = doc.select_one(".xc-pager [aria-current]")
        assert current.get_text(strip=True) == str(number)
    assert len(seen) == total
    assert [day for day, _ in seen] == sorted((day for day, _ in seen), reverse=True)
    assert not (site / "news/4.html").exists()
    first = read(site, "news/index.html")
    assert first.select_one(".xc-pager a[rel=next]")["href"] == "2.html"
    assert len(first.select(".xc-news li")) == 20
    # The news page is in the menu; its later pages are not.
    menu = [a.get_text(strip=True) for a in first.select(".md-nav--primary .md-nav__link")]
    assert "工作动态" in menu
    assert first.select_one(".xc-news__meta a")["href"].endswith("index.html")


@pytest.mark.parametrize("prefix, language", [("", "zh"), ("en/", "en")])
def test_atom_feeds_read_back_as_valid_feeds(site: Path, prefix: str, language: str):
    raw = (site / prefix / "news.xml").read_bytes()
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == language
    assert feed.feed.title == ("工作动态" if language == "zh" else "News")
    assert feed.feed.author
    entries = feed.entries
    assert len(entries) == MANY + 3
    ids = [e.id for e in entries]
    assert len(set(ids)) == len(ids)
    site_url = "https://www.qxdl.cn/xuanchuan/"
    assert all(e.link.startswith(site_url + prefix) for e in entries)
    # RFC 4287: ids are absolute IRIs, dates are RFC 3339 date-times, each entry has an
    # updated date; the feed's is its newest entry's.
    stamp = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")
    assert all(e.id.startswith("https://") for e in entries)
    assert all(stamp.fullmatch(e.updated) for e in entries)
    assert feed.feed.updated == max(e.updated for e in entries)
    market = next(e for e in entries if e.link.endswith("2026-06-06-market.html"))
    expected = "集市上的咨询摊" if language == "zh" else "Our stall at the market"
    assert market.title == expected
    linked = site / prefix / market.link[len(site_url + prefix) :]
    assert linked.is_file()


def test_web_copies_carry_no_camera_data(site: Path):
    # A phone's photo carries its place and time in EXIF: the site's copies leave it out.
    for copy in sorted((site / "campaigns/safety-month-2026/reports/photos").iterdir()):
        with Image.open(io.BytesIO(copy.read_bytes())) as image:
            assert "exif" not in image.info


def test_reports_are_in_each_language_search(site: Path):
    def documents(prefix: str) -> str:
        folder = site / prefix / "search" / "xc"
        return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("d*.js")))

    chinese, english = documents(""), documents("en/")
    assert "集市上的咨询摊" in chinese and "东河村开村民会" in chinese
    assert "Our stall at the market" in english
    # A report not translated yet stays out of the English search, as other pages do.
    assert '"campaigns/safety-month-2026/reports/2026-06-16-meeting.html"' in chinese
    assert '"campaigns/safety-month-2026/reports/2026-06-16-meeting.html"' not in english


def test_browser_reveals_results_once_the_reader_is_past_the_end(visit):
    # Built on 10 July, the spring campaign runs to 31 August: a copy read in September
    # shows its results; one read in August does not.
    for day, hidden in (("2026-08-15", True), ("2026-09-02", False)):
        visit.page.clock.set_fixed_time(f"{day}T10:00:00")
        visit.open("campaigns/spring-2026/index.html")
        result = visit.page.locator(".xc-result")
        assert result.is_hidden() is hidden
        assert visit.page.locator(".xc-status").inner_text() == ("进行中" if hidden else "已结束")
    assert visit.outside_requests() == []


def test_a_team_page_at_the_news_address_is_an_error(tmp_path):
    root = write_site(
        tmp_path / "project",
        {"index.zh.md": page("首页"), "news/index.zh.md": page("我们的新闻", "正文。")},
        fixture_config(print_files=False),
    )
    write_campaign(
        root, "spring-2026", {"zh": SPRING_ZH, "reports/2026-07-05-wells.zh.md": REPORT_WELLS_ZH}
    )
    result = run_mkdocs(root, env={"XUANCHUAN_TODAY": TODAY})
    assert result.returncode != 0
    assert (
        "content/news/index.*.md is at the address of a page the site makes itself (news/): "
        "expected another name (rename the file or its folder)"
    ) in result.output
    assert not (root / "site").exists()

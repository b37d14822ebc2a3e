"""One strict build of a site whose pages come from elsewhere, with odd but valid values.

What only a whole build shows: the title MkDocs gives a page without front matter, that the
engine's reading of a file (not MkDocs' own) is what the page shows, links naming a page in
a language, and campaigns at the edge of the allowed dates and line ends.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.sites import fixture_config, page, run_mkdocs, write_site

PAGES = {
    "index.zh.md": page("首页", "欢迎。"),
    "index.en.md": page("Home", "Welcome."),
    # MkDocs would read a first "Name: value" line of a file without front matter as a field.
    "about.zh.md": "Note: 这一行是正文。\n\n[English](about.en.md) · [首页](index.zh.md)\n",
    "about.en.md": "# About us\n\n[中文](about.zh.md) · [steps](knowledge/first-aid.en.md#steps)\n",
    "knowledge/first-aid.zh.md": "# 触电急救\n\n## 步骤 {#steps}\n\n先断电。\n",
    "knowledge/first-aid.en.md": "# First aid\n\n## Steps {#steps}\n\n[回到中文](../about.zh.md)\n",
    # YAML 1.1 reads an unquoted 0123 as the number 83; MkDocs' own reading would show 83.
    "number.zh.md": "---\ntitle: 0123\n---\n\n正文。\n",
    # Closed on the last line without a line end: MkDocs alone would show it as text.
    "closed-at-the-end.zh.md": "---\ntitle: 最后一行\n---",
}

CAMPAIGN = """\
---
title: 春灌安全用电
type: safe-electricity
summary: 开泵前讲安全用电。
start: {start}
end: {end}
activities:
  - date: {day}
    title: 机井巡查
---

## 正文

机井旁的线路容易受潮。
"""
LAST_DAY = CAMPAIGN.format(start="2099-12-01", end="2099-12-31", day="2099-12-31")
OLD_MAC = CAMPAIGN.format(start="2099-03-01", end="2099-04-30", day="2099-03-10").replace(
    "\n", "\r"
)


def write_campaign(root: Path, slug: str, text: str) -> None:
    folder = root / "campaigns" / slug
    folder.mkdir(parents=True)
    (folder / "index.zh.md").write_text(text, encoding="utf-8", newline="")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    config = fixture_config(site_url="https://www.qxdl.cn/")
    config["extra"]["xuanchuan"]["print"] = {"enabled": False}
    root = write_site(tmp_path_factory.mktemp("elsewhere") / "project", PAGES, config)
    write_campaign(root, "last-day", LAST_DAY)
    write_campaign(root, "old-mac", OLD_MAC)
    result = run_mkdocs(root, env={"XUANCHUAN_TODAY": "2099-12-20"})
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output and "WARNING" not in result.output
    return result


def links(result, path: str) -> list[tuple[str, str]]:
    article = result.html(path).select_one("article")
    return [(a.get_text(), a["href"]) for a in article.select("a") if "headerlink" not in
            (a.get("class") or [])]


def title(result, path: str) -> str:
    return result.html(path).select_one("article h1").get_text(strip=True).rstrip("¶")


def test_a_page_without_front_matter_keeps_every_line_and_is_titled_by_its_name(built):
    assert title(built, "about.html") == "About"
    assert "Note: 这一行是正文。" in built.html("about.html").select_one("article").get_text()
    assert title(built, "en/about.html") == "About us"
    assert title(built, "knowledge/first-aid.html") == "触电急救"


def test_links_naming_a_language_lead_to_that_language(built):
    assert links(built, "about.html") == [("English", "en/about.html"), ("首页", "index.html")]
    assert links(built, "en/about.html") == [
        ("中文", "../about.html"), ("steps", "knowledge/first-aid.html#steps")]
    assert links(built, "en/knowledge/first-aid.html") == [("回到中文", "../../about.html")]


def test_the_page_shows_the_file_as_the_engine_read_it(built):
    assert title(built, "number.html") == "0123"
    assert built.html("number.html").select_one("title").get_text().startswith("0123 ")
    closed = built.html("closed-at-the-end.html").select_one("article").get_text()
    assert "title:" not in closed and "最后一行" in closed


def test_the_last_day_of_the_last_year_has_its_calendar(built):
    feed = (built.site / "calendar.ics").read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:20991231" in feed and "DTEND;VALUE=DATE:21000101" in feed
    assert (built.site / "campaigns" / "calendar" / "2099-12.html").is_file()
    assert (built.site / "campaigns" / "last-day" / "index.html").is_file()


def test_a_campaign_with_old_mac_line_ends_is_published(built):
    campaign = built.html("campaigns/old-mac/index.html").select_one("article").get_text()
    assert "春灌安全用电" in campaign and "机井旁的线路容易受潮。" in campaign

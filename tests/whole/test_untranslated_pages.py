"""Pages not translated into English, built for real: by default the English site has no
copies of them; its menus, links and search lead to the Chinese pages, which show English
readers the notice in English. ``untranslated_pages: copy`` gives the copies as before."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from fixtures.sites import fixture_config, page, run_mkdocs, write_site
from xuanchuan.site.search.index import read_search_files, tokens

pytestmark = pytest.mark.slow

TODAY = {"XUANCHUAN_TODAY": "2026-04-10"}
LAW = "laws/电力法.md"
# Deep in the law's text: the English search carries its opening only.
DEEP = "第七十五条 本法自一九九六年四月一日起施行。"
LAWS = 12  # more than the build log lists one by one

PAGES = {
    "index.zh.md": page("首页", "欢迎。"),
    "index.en.md": page("Home", "Welcome. [The electricity law](laws/电力法.md#第一条)"),
    "about.zh.md": page("关于", "供电所。"),
    "about.en.md": page("About", "The power station. [Wells](knowledge/wells.md)"),
    "knowledge/index.zh.md": page("知识", "用电知识。"),
    "knowledge/index.en.md": page("Knowledge", "What to know."),
    "knowledge/safe.zh.md": page("家庭用电", "漏电保护器每月试一次。"),
    "knowledge/safe.en.md": page("Safe at home", "Test the breaker monthly."),
    "knowledge/wells.zh.md": page("机井用电", "机井的开关箱要防雨。"),
    "laws/index.zh.md": page("法律法规", "常用的法律。"),
    # A law from elsewhere: no front matter, its title from its heading.
    "laws/电力法.zh.md": "# 中华人民共和国电力法\n\n1995年12月28日通过\n\n## 第一章 总则\n\n"
    "第一条 为了保障和促进电力事业的发展，制定本法。\n\n" + "第二条 其他条文。\n\n" * 200 + DEEP,
    **{f"laws/law-{n:02d}.zh.md": page(f"条例{n}", "条文。") for n in range(LAWS - 1)},
}

CAMPAIGN = """\
---
title: 安全生产月
type: safety-month
summary: 六月集中宣传安全生产法。
start: 2026-06-01
end: 2026-06-30
activities:
  - date: 2026-06-16
    title: 安全咨询日
---

讲安全生产法。
"""


def write_project(root: Path, **settings) -> Path:
    config = fixture_config()
    config["extra"]["xuanchuan"]["print"] = {"enabled": False}
    config["extra"]["xuanchuan"].update(settings)
    write_site(root, PAGES, config)
    folder = root / "campaigns" / "safety-month-2026"
    folder.mkdir(parents=True)
    (folder / "index.zh.md").write_text(CAMPAIGN, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = write_project(tmp_path_factory.mktemp("untranslated") / "p")
    result = run_mkdocs(root, env={**TODAY, "XUANCHUAN_LANG": "en"})
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built.site


def html(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


def target(site: Path, page: str, href: str) -> Path:
    return (site / page).parent.joinpath(unquote(urlsplit(href).path)).resolve()


def test_the_english_site_has_no_copies_of_pages_it_has_no_translation_of(site: Path):
    assert not (site / "en" / "laws").exists()
    assert not (site / "en" / "knowledge" / "wells.html").exists()
    assert (site / "laws" / "电力法.html").is_file()
    assert (site / "en" / "knowledge" / "safe.html").is_file()


def test_every_link_of_every_page_leads_to_a_page_that_exists(site: Path):
    for path in site.rglob("*.html"):
        relative = path.relative_to(site).as_posix()
        if relative == "404.html" or relative.endswith("/404.html"):
            continue
        text = path.read_text(encoding="utf-8")
        assert "xc-default-site:" not in text, relative
        for element in BeautifulSoup(text, "html.parser").select("a[href], link[href]"):
            href = element["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            assert target(site, relative, href).exists(), (relative, href)


def test_english_menus_lead_to_the_chinese_pages_for_the_english_reader(site: Path):
    menu = html(site, "en/knowledge/safe.html").select_one("nav.md-nav--primary")
    links = {a.get_text(strip=True): a["href"] for a in menu.select("a.md-nav__link[href]")}
    assert links["机井用电"] == "../../knowledge/wells.html?lang=en"
    assert links["Safe at home"] == "safe.html"
    # A folder with no English page at all keeps its place, titled as in Chinese.
    laws = html(site, "en/about.html").select_one("nav.md-nav--primary").get_text()
    assert "法律法规" in laws
    law_menu = html(site, "en/index.html").select("nav.md-nav--primary a[href*='lang=en']")
    assert law_menu and all(target(site, "en/index.html", a["href"]).is_file() for a in law_menu)


def test_english_links_lead_to_the_chinese_page_keeping_their_anchor(site: Path):
    link = html(site, "en/index.html").select_one("article a[href*='lang=en']")
    assert unquote(link["href"]) == "../laws/电力法.html?lang=en#第一条"
    wells = html(site, "en/about.html").select_one("article a[href*='wells']")
    assert wells["href"] == "../knowledge/wells.html?lang=en"


def test_the_chinese_page_holds_the_notice_for_english_readers(site: Path):
    page = html(site, "laws/电力法.html")
    notice = page.select_one(".xc-untranslated[data-xc-reader='en']")
    assert notice.has_attr("hidden") and notice["lang"] == "en"
    assert notice.select_one(".admonition-title").get_text(strip=True) == "Not yet translated"
    assert "not been translated into English" in notice.get_text()
    assert not html(site, "knowledge/safe.html").select(".xc-untranslated")


def test_the_language_menu_of_a_chinese_only_page_leads_to_the_english_home(site: Path):
    page = html(site, "laws/电力法.html")
    menu = {a["hreflang"]: unquote(a["href"]) for a in page.select("a.xc-alternate")}
    assert menu == {"zh": "电力法.html", "en": "../en/index.html"}
    heads = {link["hreflang"] for link in page.select("link[rel=alternate][hreflang]")}
    assert heads == {"zh"}
    translated = {
        link["hreflang"]
        for link in html(site, "knowledge/safe.html").select("link[rel=alternate][hreflang]")
    }
    assert translated == {"zh", "en"}


def test_english_search_offers_the_chinese_page_in_chinese_by_title_and_opening(site: Path):
    docs = {doc["location"]: doc for doc in read_search_files(site / "en")}
    law = docs["../laws/%E7%94%B5%E5%8A%9B%E6%B3%95.html?lang=en"]
    assert law["tags"] == ["in Chinese"]
    assert law["title"] == "中华人民共和国电力法"
    assert law["snippet"].startswith("1995年12月28日通过 第一条") and len(law["snippet"]) <= 121
    assert not set(tokens(DEEP)) <= law["terms"]
    assert "../knowledge/wells.html?lang=en" in docs
    # The Chinese search is as it was: every Chinese page, in full.
    chinese = read_search_files(site)
    assert not any("lang=" in doc["location"] or doc["tags"] for doc in chinese)
    assert any(set(tokens(DEEP)) <= doc["terms"] for doc in chinese)


def test_campaigns_and_generated_pages_are_made_in_every_language(site: Path):
    campaign = html(site, "en/campaigns/safety-month-2026/index.html")
    assert campaign.select_one(".xc-untranslated .admonition-title").get_text() == (
        "Not yet translated"
    )
    overview = html(site, "en/campaigns/index.html")
    card = overview.select_one(".xc-card a")
    assert card["href"] == "safety-month-2026/index.html"
    assert (site / "en" / "campaigns" / "calendar.html").is_file()


def test_the_log_counts_a_long_list_and_writes_the_whole_list_to_a_file(built):
    lines = [line for line in built.output.splitlines() if "Translations:" in line]
    assert [line.split("Translations: ", 1)[1] for line in lines] == [
        f"English (en): 4 of {LAWS + 7} pages translated, {LAWS + 3} missing, 0 out of date",
        f"  missing: {LAWS + 3} pages, most in laws/ ({LAWS + 1}), campaigns/ (1), knowledge/ (1)",
        "the whole list: .cache/xuanchuan/translations.txt",
    ]
    assert (
        f"Pages (en): {LAWS + 2} not translated, linked to the Chinese pages instead"
        in built.output
    )
    whole = (built.project / ".cache/xuanchuan/translations.txt").read_text(encoding="utf-8")
    assert f"  missing: {LAW}\n" in whole
    assert len(re.findall("  missing: ", whole)) == LAWS + 3


def test_copies_stay_available(tmp_path: Path):
    root = write_project(tmp_path / "p", untranslated_pages="copy")
    result = run_mkdocs(root, env=TODAY)
    assert result.returncode == 0, result.output
    copy = result.html("en/laws/电力法.html")
    assert copy.select_one(".xc-untranslated .admonition-title").get_text(strip=True) == (
        "Not yet translated"
    )
    assert copy.select_one("article div[lang='zh'] h1").get_text(strip=True).rstrip("¶") == (
        "中华人民共和国电力法"
    )
    assert not result.html("laws/电力法.html").select(".xc-untranslated")
    menu = {
        a["hreflang"]: a["href"] for a in result.html("laws/电力法.html").select("a.xc-alternate")
    }
    assert unquote(menu["en"]) == "../en/laws/电力法.html"
    locations = [doc["location"] for doc in read_search_files(result.site / "en")]
    assert not any("lang=" in location or "laws/" in location for location in locations)


def test_a_wrong_setting_stops_the_build_and_says_what_to_write(tmp_path: Path):
    root = write_project(tmp_path / "p", untranslated_pages="links")
    result = run_mkdocs(root, env={**TODAY, "XUANCHUAN_LANG": "en"})
    assert result.returncode != 0
    assert (
        'extra.xuanchuan.untranslated_pages: expected one of "link", "copy", got the text '
        '"links" (did you mean "link"?)'
    ) in result.output
    assert "Traceback" not in result.output


# -- in the browser ------------------------------------------------------------------------


SHOWN_NOTICE = """() => [...document.querySelectorAll('.xc-untranslated')]
    .filter(el => el.offsetParent !== null)
    .map(el => [el.lang, el.querySelector('.admonition-title').textContent.trim()])"""


@pytest.mark.browser
def test_english_search_finds_a_chinese_only_law_offered_in_chinese(visit):
    visit.open("en/index.html")
    assert "laws/电力法.html" in visit.search("电力法")
    result = visit.page.locator("a.md-search-result__link", has_text="电力法").first
    assert "?lang=en" in result.get_attribute("href")
    assert result.locator(".md-tag").all_text_contents() == ["in Chinese"]
    with visit.page.expect_navigation():
        result.click()
    assert visit.relative(visit.page.url) == "laws/电力法.html"
    assert visit.page.evaluate(SHOWN_NOTICE) == [["en", "Not yet translated"]]
    assert visit.outside_requests() == []


@pytest.mark.browser
def test_an_english_menu_entry_leads_to_the_chinese_page_with_the_notice_in_english(visit):
    visit.open("en/knowledge/safe.html")
    with visit.page.expect_navigation():
        visit.page.click("nav.md-nav--primary a.md-nav__link:has-text('机井用电')")
    assert visit.relative(visit.page.url) == "knowledge/wells.html"
    assert visit.page.evaluate(SHOWN_NOTICE) == [["en", "Not yet translated"]]
    # The same page reached in Chinese shows no notice.
    visit.open("knowledge/wells.html")
    assert visit.page.evaluate(SHOWN_NOTICE) == []
    assert visit.outside_requests() == []

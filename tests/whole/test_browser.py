"""The built site in a real headless Chromium: search per language, the language switcher,
and no request leaving the site, both over HTTP and opened from a folder (file://)."""

from pathlib import Path

import pytest

from fixtures.browser import READABILITY, Visit, playwright_or_skip, switch
from fixtures.sites import short_address

pytestmark = pytest.mark.browser
sync_api = playwright_or_skip()


@pytest.fixture(scope="module")
def site(starter_site) -> Path:
    return starter_site


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("触电", "knowledge/electric-shock-first-aid.html"),
        ("漏电保护器", "knowledge/safe-electricity-at-home.html"),
        ("电力法", "knowledge/fallen-power-line.html"),
    ],
)
def test_chinese_search_finds_chinese_pages_only(visit, query, expected):
    visit.open("index.html")
    results = visit.search(query)
    assert expected in results, results
    assert all(not r.startswith("en/") for r in results), results
    assert visit.outside_requests() == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("electric", "en/knowledge/electric-shock-first-aid.html"),
        ("electricity", "en/knowledge/safe-electricity-at-home.html"),
        ("shock", "en/knowledge/electric-shock-first-aid.html"),
    ],
)
def test_english_search_finds_english_pages_only(visit, query, expected):
    visit.open("en/index.html")
    results = visit.search(query)
    assert expected in results, results
    assert all(r.startswith("en/") for r in results), results
    assert visit.outside_requests() == []


def test_english_search_offers_an_untranslated_page_in_chinese(visit):
    visit.open("en/index.html")
    assert visit.search("机井") == ["knowledge/spring-irrigation-pumps.html"]
    result = visit.page.locator("a.md-search-result__link").first
    assert "?lang=en" in result.get_attribute("href")
    assert result.locator(".md-tag").all_text_contents() == ["in Chinese"]


def test_switcher_lands_on_the_same_page_in_the_other_language(visit):
    visit.open("knowledge/electric-shock-first-aid.html")
    switch(visit.page, "en")
    assert visit.relative(visit.page.url) == "en/knowledge/electric-shock-first-aid.html"
    assert visit.page.locator("html").get_attribute("lang") == "en"
    switch(visit.page, "zh")
    assert visit.relative(visit.page.url) == "knowledge/electric-shock-first-aid.html"
    assert visit.outside_requests() == []


@pytest.mark.parametrize(
    "target", ["knowledge/electric-shock-first-aid.html", "en/campaigns/index.html"]
)
def test_a_short_address_opens_its_page(visit, site, target):
    short = short_address(site, target)
    visit.open(short)
    visit.page.wait_for_url(lambda url: visit.relative(url) == target, timeout=10000)
    language = "en" if target.startswith("en/") else "zh"
    assert visit.page.locator("html").get_attribute("lang") == language
    assert visit.outside_requests() == []


def printable_pages(site: Path) -> list[str]:
    campaigns = sorted(p.relative_to(site).as_posix() for p in site.glob("campaigns/*/index.html"))
    return ["knowledge/electric-shock-first-aid.html", *campaigns[:1],
            "en/knowledge/electric-shock-first-aid.html"]


def test_printing_pages_from_the_browser_gives_clean_a4_documents(browser, http_base, site,
                                                                   tmp_path):
    import re
    import subprocess

    from bs4 import BeautifulSoup

    pages = printable_pages(site)
    assert any(p.startswith("campaigns/") for p in pages), "the starter content has campaigns"
    for relative in pages:
        html = BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")
        for permalink in html.select(".headerlink"):  # hidden on paper
            permalink.decompose()
        article = html.select_one("article").get_text(" ", strip=True)
        menu = {a.get_text(strip=True) for a in html.select(".md-sidebar--primary .md-nav__link")}
        menu_only = {label for label in menu if label and label not in article}
        assert len(menu_only) >= 2, menu
        visit = Visit(browser, http_base)
        visit.open(relative)
        pdf = tmp_path / "printed.pdf"
        visit.page.pdf(path=str(pdf), prefer_css_page_size=True)
        visit.close()
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(r"Page size: +59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)", info), info
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                              text=True).stdout
        flat = re.sub(r"\s+", "", text)
        assert re.sub(r"\s+", "", html.select_one("article h1").get_text()) in flat
        for label in menu_only:
            assert re.sub(r"\s+", "", label) not in flat, (relative, label)
        for link in html.select("article a[href^='http']"):
            assert link["href"] in flat, link["href"]
        # The QR code in the footer of the last page leads back to the page, by its short
        # address.
        pages_count = int(re.search(r"Pages: +(\d+)", info).group(1))
        picture = tmp_path / "last"
        subprocess.run(["pdftoppm", "-f", str(pages_count), "-l", str(pages_count), "-r", "150",
                        "-png", "-singlefile", str(pdf), str(picture)], check=True)
        codes = subprocess.run(["zbarimg", "-q", "--raw", f"{picture}.png"],
                               capture_output=True, text=True).stdout.split()
        short = short_address(site, relative)
        assert codes == ["https://www.qxdl.cn/xuanchuan/" + short], (relative, codes)


@pytest.mark.parametrize("width", [1280, 400])
def test_every_text_is_readable_for_older_readers(browser, http_base, site, width):
    """WCAG AA contrast (4.5:1, 3:1 for large text) and at least 14px, on every kind of page
    and in search results."""
    campaign = sorted(p.relative_to(site).as_posix() for p in site.glob("campaigns/*/index.html")
                      if (p.parent / "index.html").read_text(encoding="utf-8").count("download"))
    report = sorted(p.relative_to(site).as_posix() for p in site.glob("campaigns/*/reports/*.html"))
    pages = ["index.html", "knowledge/electric-shock-first-aid.html", "campaigns/index.html",
             "campaigns/calendar.html", campaign[0], "en/knowledge/spring-irrigation-pumps.html",
             "news/index.html", report[0]]
    visit = Visit(browser, http_base)
    visit.page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    for relative in pages:
        visit.open(relative)
        problems[relative] = visit.page.evaluate(READABILITY)
    if width > 960:  # on a phone the search box opens from a button; its results look alike
        visit.open("index.html")
        visit.search("安全")
        problems["search results"] = visit.page.evaluate(READABILITY)
    visit.close()
    assert problems == {name: [] for name in problems}

"""One site full of hostile text and private files, built once with the real engine: fields
and names are shown as text and never run (in the pages, the search index and Material's
search in a real Chromium), and nothing private reaches the site.

Each payload calls alert(n) with its own n; the browser replaces alert with a recorder, so
a payload that runs anywhere is caught and named.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from fixtures.sites import fixture_config, page, run_mkdocs, write_site

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

SITE_NAME = "宣传 & <img src=x onerror=alert(1)>"
EN_SITE_NAME = "Site</title><script>alert(2)</script>"
ZH_NAME = "中文<img src=x onerror=alert(3)>"
EN_NAME = 'English" onmouseover="alert(4)'
PAGE_TITLE = "</title><img src=x onerror=alert(5)>急救"
DESCRIPTION = '" onfocus="alert(6)" autofocus x="'
TAG = "<img src=x onerror=alert(7)>"
CAMPAIGN_TITLE = "<svg onload=alert(8)>春灌"
CAMPAIGN_TAG = "<img src=x onerror=alert(9)>"
# Names the team did not mean as markup: a page file without a title, and a folder.
FILE_NAME = "x<img src=x onerror=alert(11)>"
ORGANIZATION = "<img src=x onerror=alert(13)>城关区总工会"
# A right-to-left override pasted into a title: it must not run on into the site's name.
REVERSED = "\u202e救急 ئۇيغۇرچە"
FOLDER_NAME = "<svg onload=alert(12)>"
PAYLOADS = [SITE_NAME, EN_SITE_NAME, ZH_NAME, EN_NAME, PAGE_TITLE, DESCRIPTION, TAG,
            CAMPAIGN_TITLE, CAMPAIGN_TAG, FILE_NAME, FOLDER_NAME, ORGANIZATION]

CAMPAIGN = f"""\
---
title: {json.dumps(CAMPAIGN_TITLE)}
type: safe-electricity
summary: 开泵前讲安全用电。
start: 2027-03-01
end: 2027-04-30
tags: [{json.dumps(CAMPAIGN_TAG)}, 机井]
---

## 正文

![机井](images/well.png)
"""


def png() -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (40, 30), "white").save(out, "PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    config = fixture_config(site_url="https://www.qxdl.cn/", site_name=SITE_NAME)
    settings = config["extra"]["xuanchuan"]
    settings["print"] = {"enabled": False}
    # The organisation's name (xuanchuan init --name), every campaign's organiser here.
    settings["organization"] = ORGANIZATION
    settings["languages"] = [{"code": "zh", "name": ZH_NAME},
                             {"code": "en", "name": EN_NAME, "site_name": EN_SITE_NAME}]
    root = write_site(
        tmp_path_factory.mktemp("hostile") / "project",
        {
            "index.zh.md": page("首页", "欢迎。[表格](files/form.pdf)"),
            "index.en.md": page("Home", "Welcome."),
            # The body is the team's own HTML; its heading here is plain.
            "knowledge/first-aid.zh.md": page(PAGE_TITLE, "触电急救。", description=DESCRIPTION,
                                              subtitle=TAG, tags=[TAG, "急救"]).replace(
                                                  f"# {PAGE_TITLE}", "# 急救"),
            "knowledge/first-aid.en.md": page("First aid", "First aid."),
            f"knowledge/{FILE_NAME}.zh.md": "没有标题的页面。\n",
            "knowledge/reversed.zh.md": page(REVERSED, "方向标记。"),
            f"knowledge/{FOLDER_NAME}/notes.zh.md": "文件夹里的页面。\n",
        },
        config,
    )
    content = root / "content"
    for name in ("index.zh.md~", "#index.zh.md#", ".secret.txt", "notes.bak", "files/form.pdf"):
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_bytes(b"%PDF-1.4\n" if name.endswith(".pdf") else b"private")
    campaign = root / "campaigns" / "c-hostile"
    (campaign / "images").mkdir(parents=True)
    (campaign / "index.zh.md").write_text(CAMPAIGN, encoding="utf-8")
    (campaign / "images" / "well.png").write_bytes(png())
    for name in ("index.zh.md~", "plan.docx", "evil.svg", "images/unused.png"):
        (campaign / name).write_bytes(b"<svg><script>alert(10)</script></svg>")
    result = run_mkdocs(root, env={"XUANCHUAN_TODAY": "2027-03-15"})
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    return result.site


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_only_what_pages_use_is_published(hostile_site: Path):
    for prefix in ("", "en/"):
        # The page, the web copy of the picture it shows (once, in the default language's
        # site) and the page as an official-account article: the campaign has no English,
        # so its English page links to the Chinese article instead of a copy of it.
        shown = [] if prefix else ["images/well-40w.jpg"]
        article = [] if prefix else ["wechat.html"]
        assert files_under(hostile_site / prefix / "campaigns" / "c-hostile") == [
            *shown, "index.html", *article]
        top = {p.name for p in (hostile_site / prefix).iterdir()}
        assert top == {"404.html", "assets", "calendar.ics", "campaigns", "files", "index.html",
                       "knowledge", "s", "search", "sitemap.xml", "sitemap.xml.gz", "summary",
                       *(["en"] if not prefix else [])}
        assert files_under(hostile_site / prefix / "files") == ["form.pdf"]
    # The theme's engine data (print layouts, campaign templates) is not for readers.
    assert not list(hostile_site.rglob("layouts.yml"))
    assert not list(hostile_site.rglob("campaign-templates"))


def test_no_field_becomes_markup_in_any_page(hostile_site: Path):
    for path in hostile_site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        handlers = [(tag.name, name) for tag in soup.find_all(True) for name in tag.attrs
                    if name.startswith("on")]
        assert handlers == [], path
        scripts = [s.get_text() for s in soup.find_all("script") if "alert(" in s.get_text()]
        assert scripts == [], path
    soup = BeautifulSoup((hostile_site / "knowledge/first-aid.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert soup.title.get_text() == f"{PAGE_TITLE} - {SITE_NAME}"
    assert soup.find("meta", attrs={"name": "description"})["content"] == DESCRIPTION
    assert soup.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == SITE_NAME
    assert [a.get_text(strip=True) for a in soup.select("a.xc-alternate")] == [ZH_NAME, EN_NAME]
    campaign = (hostile_site / "campaigns/c-hostile/index.html").read_text(encoding="utf-8")
    assert ORGANIZATION in BeautifulSoup(campaign, "html.parser").get_text()
    reversed_page = BeautifulSoup(
        (hostile_site / "knowledge/reversed.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert reversed_page.title.get_text() == f"\u2068{REVERSED}\u2069 - {SITE_NAME}"
    # The file and folder names show in the menu as written.
    menu = [a.get_text(" ", strip=True) for a in soup.select(".md-nav__link")]
    assert any(FILE_NAME.capitalize() in entry for entry in menu), menu
    assert any(FOLDER_NAME in entry for entry in menu), menu


def test_search_indexes_hold_fields_as_escaped_text(hostile_site: Path):
    from html import unescape

    from xuanchuan.site.search.index import read_search_files, tokens

    by_location = {doc["location"]: doc for doc in read_search_files(hostile_site)}
    campaign = by_location["campaigns/c-hostile/index.html"]
    # Tags are searched as words of the title.
    assert set(tokens(unescape(CAMPAIGN_TAG)) + tokens("机井")) <= campaign["terms"]
    first_aid = by_location["knowledge/first-aid.html"]
    assert set(tokens(TAG) + tokens("急救")) <= first_aid["terms"]
    assert campaign["title"] == CAMPAIGN_TITLE
    for prefix in ("", "en/"):
        for index in sorted((hostile_site / prefix / "search").rglob("*.js*")):
            text = index.read_text(encoding="utf-8")
            for markup in ("<img", "<svg", "<script"):
                assert markup not in text, (index, markup)


def test_hreflang_links_lead_to_the_same_page_in_each_language(hostile_site: Path):
    for relative in ("knowledge/first-aid.html", "en/knowledge/first-aid.html",
                     "campaigns/c-hostile/index.html"):
        soup = BeautifulSoup((hostile_site / relative).read_text(encoding="utf-8"),
                             "html.parser")
        page_path = relative.removeprefix("en/")
        links = {link["hreflang"]: link["href"]
                 for link in soup.find_all("link", rel="alternate", hreflang=True)}
        here = (hostile_site / relative).parent
        assert {code: (here / href).resolve() for code, href in links.items()} == {
            "zh": hostile_site.resolve() / page_path,
            "en": hostile_site.resolve() / "en" / page_path}


@pytest.mark.browser
def test_nothing_runs_in_the_browser_and_search_shows_the_text(hostile_site: Path):
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"])
        page_ = browser.new_page()
        # Each document records what ran in it; read before leaving it.
        page_.add_init_script("window.__ran = []; window.alert = n => window.__ran.push(n);")
        ran = []
        for relative in ("knowledge/first-aid.html", "en/knowledge/first-aid.html",
                         "campaigns/c-hostile/index.html", "campaigns/index.html"):
            page_.goto((hostile_site / relative).as_uri())
            page_.hover(".md-header__option .md-select")
            page_.hover("a.xc-alternate >> nth=1")
            page_.wait_for_load_state("load")
            ran += page_.evaluate("window.__ran")
        page_.goto((hostile_site / "knowledge/first-aid.html").as_uri())
        title = page_.title()
        page_.goto((hostile_site / "index.html").as_uri())
        page_.click("input.md-search__input")
        page_.keyboard.type("机井")
        page_.keyboard.press("End")
        page_.wait_for_selector(".md-search-result .md-tag", timeout=20000)
        tags = page_.eval_on_selector_all(".md-search-result .md-tag",
                                          "tags => tags.map(t => t.textContent)")
        titles = page_.eval_on_selector_all(".md-search-result h1",
                                            "titles => titles.map(t => t.textContent)")
        ran += page_.evaluate("window.__ran")
        browser.close()
    assert ran == []
    assert title == f"{PAGE_TITLE} - {SITE_NAME}"
    assert CAMPAIGN_TAG in tags
    assert CAMPAIGN_TITLE in [title.replace("\u200b", "") for title in titles]

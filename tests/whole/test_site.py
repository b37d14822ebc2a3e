"""The project's own site, built for real and read back as HTML."""

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from fixtures.sites import PROJECT, run_mkdocs, tree_digest
from xuanchuan.core.settings import load_settings
from xuanchuan.site.pages.sources import scan_pages
from xuanchuan.site.search.index import read_search_files, tokens

SETTINGS = load_settings(None)
CATALOGUE = scan_pages(PROJECT / "content", SETTINGS, PROJECT)
UNTRANSLATED = "knowledge/spring-irrigation-pumps.md"


@pytest.fixture(scope="module")
def site(starter_site) -> Path:
    return starter_site


def html_of(key: str) -> str:
    return key[: -len(".md")] + ".html"


def soup(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


def test_starter_content_has_what_the_teams_need():
    assert {"index.md", "about.md", "knowledge/index.md"} <= set(CATALOGUE.pages)
    articles = [k for k in CATALOGUE.pages if k.startswith("knowledge/") and "index" not in k]
    assert len(articles) >= 5
    # Exactly the one article left untranslated on purpose, so the fallback shows.
    assert CATALOGUE.missing("en") == [UNTRANSLATED]


def test_every_page_exists_in_every_language_it_is_written_in(site: Path):
    for key in CATALOGUE.pages:
        assert (site / html_of(key)).is_file(), key
        # The English site leads to the Chinese page for the one it has no translation of.
        assert (site / "en" / html_of(key)).is_file() == (key != UNTRANSLATED), key


def test_interface_language_follows_the_site(site: Path):
    assert soup(site, "index.html").html["lang"] == "zh"
    assert soup(site, "en/index.html").html["lang"] == "en"
    assert soup(site, "index.html").select_one("input.md-search__input")["placeholder"] == "搜索"
    assert soup(site, "en/index.html").select_one("input.md-search__input")["placeholder"] == (
        "Search"
    )


def test_site_name_in_each_language(site: Path):
    def header(relative):
        return soup(site, relative).select_one(".md-header__title .md-ellipsis").get_text(strip=True)

    assert header("about.html") == "宣传与普法"
    assert header("en/about.html") == "Publicity and Legal Education"
    assert soup(site, "en/about.html").title.get_text().endswith(" - Publicity and Legal Education")


def test_untranslated_page_is_the_chinese_one_with_a_notice_for_english_readers(site: Path):
    page = soup(site, html_of(UNTRANSLATED))
    notice = page.select_one(".xc-untranslated[data-xc-reader='en']")
    assert notice.has_attr("hidden") and notice["lang"] == "en"
    assert notice.select_one(".admonition-title").get_text(strip=True) == "Not yet translated"
    assert notice.select("p")[1].get_text(strip=True) == (
        "This page has not been translated into English yet; it is shown in Chinese."
    )
    english = soup(site, "en/knowledge/index.html").select("a[href*='spring-irrigation-pumps']")
    assert english and {a["href"] for a in english} == {
        "../../knowledge/spring-irrigation-pumps.html?lang=en"
    }


def test_translated_and_default_pages_show_no_notice(site: Path):
    for key in CATALOGUE.pages:
        assert not soup(site, html_of(key)).select(".xc-untranslated:not([hidden])"), key
        if key != UNTRANSLATED:
            assert not soup(site, "en/" + html_of(key)).select(".xc-untranslated"), key


def resolve(site: Path, page: str, href: str) -> Path:
    return (site / page).parent.joinpath(unquote(urlsplit(href).path)).resolve()


@pytest.mark.parametrize("prefix,other", [("", "en/"), ("en/", "")])
def test_switcher_leads_to_the_same_page_in_the_other_language(site: Path, prefix, other):
    for key in CATALOGUE.pages:
        page = prefix + html_of(key)
        if key == UNTRANSLATED and prefix == "en/":
            continue
        links = {a["hreflang"]: a["href"] for a in soup(site, page).select("a.xc-alternate")}
        assert set(links) == {"zh", "en"}
        target_lang = "en" if other == "en/" else "zh"
        # A page the English site has not leads to the English home page.
        expected = html_of(key) if key != UNTRANSLATED else "index.html"
        assert resolve(site, page, links[target_lang]) == (site / other / expected).resolve()
        assert resolve(site, page, links["zh" if target_lang == "en" else "en"]) == (
            (site / page).resolve()
        )


LOADING = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src",
           "audio": "src", "embed": "src", "object": "data"}


def test_nothing_is_loaded_from_outside_the_site(site: Path):
    for path in site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in LOADING.items():
            for element in page.find_all(tag):
                value = element.get(attribute)
                if value and urlsplit(value).scheme != "data":  # inside the page itself
                    assert not urlsplit(value).netloc and not urlsplit(value).scheme, (path, value)
        for link in page.find_all("link"):
            if set(link.get("rel", [])) & {"stylesheet", "icon", "preload", "modulepreload",
                                           "preconnect", "dns-prefetch", "manifest"}:
                assert not urlsplit(link["href"]).netloc, (path, link)
    for path in site.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), path
        assert "@import" not in text or "//" not in text, path


def test_chinese_heading_anchors_are_readable(site: Path):
    page = soup(site, "knowledge/electric-shock-first-aid.html")
    ids = [h["id"] for h in page.select("article h2[id]")]
    assert ids and all(re.search(r"[\u4e00-\u9fff]", i) for i in ids), ids
    assert not any(re.fullmatch(r"_\d*", i) for i in ids)


def search_index(site: Path, prefix: str) -> list[dict]:
    return read_search_files(site / prefix)


def test_each_language_has_its_own_search_index(site: Path):
    zh, en = search_index(site, ""), search_index(site, "en/")
    zh_pages = {d["location"].split("#")[0] for d in zh}
    en_pages = {d["location"].split("#")[0] for d in en}
    assert html_of(UNTRANSLATED) in zh_pages
    # The English search offers the Chinese page, by its title and opening, in Chinese.
    offered = [d for d in en if d["tags"] == ["in Chinese"]]
    assert [d["location"] for d in offered] == [f"../{html_of(UNTRANSLATED)}?lang=en"]
    assert html_of(UNTRANSLATED) not in en_pages
    assert all(not re.search(r"[\u4e00-\u9fff]", d["title"]) for d in en if d not in offered)
    assert all(re.search(r"[\u4e00-\u9fff]", d["title"]) for d in zh if d["title"])
    # Chinese is indexed as pairs of characters: 触电 is found whatever the words around it.
    assert any(set(tokens("发现有人触电")) <= d["terms"] for d in zh)
    # The browser starts with the settings alone; the index is in shards beside it.
    assert json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"] == []


def test_offline_copy_has_inline_search_indexes(site: Path):
    for prefix in ("", "en/"):
        script = (site / prefix / "search" / "search_index.js").read_text("utf-8")
        assert script.startswith("var __index = {")
    shim = "assets/javascripts/iframe-worker/shim.js"
    assert (site / shim).is_file()
    assert soup(site, "index.html").find("script", src=shim)


def test_pages_are_light(site: Path):
    for path in site.rglob("*.html"):
        if path.name.endswith("wechat.html"):
            continue  # a page's copy for WeChat, photos inside it: the team's, not readers'
        assert path.stat().st_size < 40_000, path


def test_the_build_does_not_touch_the_sources(site: Path, starter: Path):
    # Build once more into another folder and check the sources hash the same before and after.
    before = tree_digest(starter / "content"), tree_digest(starter / "campaigns")
    result = run_mkdocs(starter, site_dir=site.parent / "again")
    assert result.returncode == 0, result.output
    assert (tree_digest(starter / "content"), tree_digest(starter / "campaigns")) == before
    # Same sources, same bytes.
    assert tree_digest(site.parent / "again") == tree_digest(site)


def test_site_under_a_sub_path(tmp_path: Path):
    (tmp_path / "mkdocs.yml").write_text(
        f"INHERIT: {PROJECT / 'mkdocs.yml'}\n"
        "site_url: https://www.qxdl.cn/union/\n"
        f"docs_dir: {PROJECT / 'content'}\n"
        f"theme:\n  custom_dir: {PROJECT / 'overrides'}\n"
        f"hooks:\n  - {PROJECT / 'hooks' / 'xuanchuan_hooks.py'}\n",
        encoding="utf-8",
    )
    result = run_mkdocs(tmp_path)
    assert result.returncode == 0, result.output
    page = soup(result.site, "en/knowledge/index.html")
    assert page.find("link", rel="canonical")["href"] == (
        "https://www.qxdl.cn/union/en/knowledge/index.html"
    )
    for anchor in page.select("a[href]"):
        assert not anchor["href"].startswith("/"), anchor["href"]

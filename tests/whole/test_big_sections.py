"""A site with folders bigger than nav_section_limit, built for real: such a folder shows in
the navigation as one entry leading to its list, its pages stay built and in search, and the
list's title filter works in a real Chromium, opened from a folder too."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from fixtures.sites import fixture_config, page, run_mkdocs, tree_digest, write_site
from xuanchuan.site.search.index import read_search_files

LIMIT, PAGE_SIZE = 5, 10
LAWS = [f"laws/条例{n:02d}(2011-01-08).md" for n in range(1, 21)]
LOCAL = [f"laws/local/地方规定{n}.md" for n in range(1, 7)]
GUIDES = [f"guides/g{n}.md" for n in range(1, 8)]
KNOWLEDGE = [f"knowledge/k{n}.md" for n in range(1, 6)]  # exactly the limit: not folded


def law_title(number: int) -> str:
    return f"第{number}号条例"


def pages() -> dict[str, str]:
    written = {
        "index.zh.md": page("首页", "欢迎。"),
        "index.en.md": page("Home", "Welcome."),
        "about.zh.md": page("关于", "关于本站。"),
        "guides/index.zh.md": page("指南", "这里是各类指南。"),
        "guides/index.en.md": page("Guides", "All our guides."),
        "knowledge/index.zh.md": page("知识", "安全用电知识。"),
    }
    for number, key in enumerate(LAWS, 1):
        stem = key[: -len(".md")]
        # As laws come from elsewhere: no front matter, titled by their first heading.
        written[f"{stem}.zh.md"] = (
            f"# {law_title(number)}\n\n第一条 为了保护电力设施，制定本条例。\n"
        )
    written[LAWS[2][: -len(".md")] + ".en.md"] = page("Regulation 3", "Article 1.")
    for number, key in enumerate(LOCAL, 1):
        written[key[: -len(".md")] + ".zh.md"] = f"# 地方规定{number}\n\n正文。\n"
    for number, key in enumerate(GUIDES, 1):
        written[key[: -len(".md")] + ".zh.md"] = page(f"指南{number}", "正文。")
    for number, key in enumerate(KNOWLEDGE, 1):
        written[key[: -len(".md")] + ".zh.md"] = page(f"知识{number}", "正文。")
    return written


def config(**settings) -> dict:
    made = fixture_config(site_url="https://www.qxdl.cn/laws/")
    made["extra"]["xuanchuan"]["print"] = {"enabled": False}
    made["extra"]["xuanchuan"].update(settings)
    return made


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    # English copies of the pages not yet translated: the lists are then alike in both
    # languages (with links instead, see the test at the end).
    settings = {
        "nav_section_limit": LIMIT,
        "nav_section_page_size": PAGE_SIZE,
        "untranslated_pages": "copy",
    }
    return write_site(tmp_path_factory.mktemp("big") / "project", pages(), config(**settings))


@pytest.fixture(scope="module")
def built(root):
    result = run_mkdocs(root)
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output and "WARNING" not in result.output
    return result


def html_of(key: str) -> str:
    return key[: -len(".md")] + ".html"


def nav_links(result, path: str) -> list[str]:
    """Where each link of the page's navigation leads, from the site root."""
    nav = result.html(path).select_one("nav.md-nav--primary")
    return [resolve(path, a["href"]) for a in nav.select("a[href]") if "#" not in a["href"]]


def resolve(path: str, href: str) -> str:
    base = Path(path).parent
    target = (base / unquote(urlsplit(href).path)).as_posix()
    parts: list[str] = []
    for part in target.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def listed(result, prefix: str = "") -> list[tuple[str, str, str]]:
    """(title, page it leads to, where) of every entry of the laws' list, page after page."""
    entries = []
    path = f"{prefix}laws/index.html"
    seen = []
    while path:
        seen.append(path)
        html = result.html(path)
        for item in html.select("ol.xc-list__items > li"):
            link = item.select_one("a")
            where = item.select_one("small")
            entries.append(
                (link.get_text(), resolve(path, link["href"]), where.get_text() if where else "")
            )
        following = html.select_one("a.xc-pager__next")
        path = resolve(path, following["href"]) if following else None
    assert seen == [
        f"{prefix}laws/index.html",
        f"{prefix}laws/index-2.html",
        f"{prefix}laws/index-3.html",
    ]
    return entries


def test_a_page_of_a_big_folder_no_longer_lists_every_sibling(built):
    path = html_of(LAWS[6])
    links = nav_links(built, path)
    siblings = [html_of(key) for key in LAWS + LOCAL if key != LAWS[6]]
    assert not set(siblings) & set(links), links
    # The folder's entry leads to its list; the page itself shows beneath it.
    assert "laws/index.html" in links and path in links
    assert len(links) < 12, links
    # The way back to the list page that shows it.
    back = built.html(path).select_one("article .xc-list-back a")
    assert back.get_text(strip=True) == "←返回目录：Laws"
    assert resolve(path, back["href"]) == "laws/index.html"
    later = html_of(LAWS[15])
    back = built.html(later).select_one("article .xc-list-back a")
    assert resolve(later, back["href"]) == "laws/index-2.html"


def test_every_other_page_shows_the_big_folder_as_one_entry(built):
    for path in ("index.html", "about.html", html_of(KNOWLEDGE[0]), html_of(GUIDES[0])):
        links = nav_links(built, path)
        assert "laws/index.html" in links, (path, links)
        assert not [
            link for link in links if link.startswith("laws/") and link != "laws/index.html"
        ], (path, links)


def test_a_page_in_a_big_subfolder_shows_the_way_down_to_it(built):
    path = html_of(LOCAL[1])
    links = nav_links(built, path)
    assert [link for link in links if link.startswith("laws/")] == [
        "laws/index.html",
        "laws/local/index.html",
        path,
    ]
    back = built.html(path).select_one("article .xc-list-back a")
    assert resolve(path, back["href"]) == "laws/local/index.html"


def test_the_list_shows_every_page_of_the_folder_in_order_across_its_pages(built):
    expected = [(law_title(n), html_of(key), "") for n, key in enumerate(LAWS, 1)]
    expected.append(("Local", "laws/local/index.html", ""))
    expected += [(f"地方规定{n}", html_of(key), "Local") for n, key in enumerate(LOCAL, 1)]
    assert listed(built) == expected
    for _, target, _ in expected:
        assert (built.site / target).is_file(), target
    first = built.html("laws/index.html")
    assert first.select_one("article h1").get_text(strip=True) == "Laws"
    assert first.select_one(".xc-list__count").get_text() == "共 27 页 · 第 1/3 页"
    assert first.select_one("ol.xc-list__items")["start"] == "1"
    assert built.html("laws/index-3.html").select_one("ol.xc-list__items")["start"] == "21"
    assert built.html("laws/index-2.html").select_one("article h1").get_text(strip=True) == (
        "Laws（第 2/3 页）"
    )


def test_the_list_is_in_each_language(built):
    entries = listed(built, "en/")
    assert entries[2] == ("Regulation 3", "en/" + html_of(LAWS[2]), "")
    assert entries[0] == (law_title(1), "en/" + html_of(LAWS[0]), "")  # not yet translated
    html = built.html("en/laws/index-2.html")
    assert html.select_one(".xc-list__count").get_text() == "27 pages · Page 2 of 3"
    assert html.select_one(".xc-list__filter label").get_text(strip=True) == "Find by title"
    back = built.html("en/" + html_of(LAWS[2])).select_one("article .xc-list-back a")
    assert back.get_text(strip=True) == "←Back to the list: Laws"


def test_a_team_index_page_keeps_its_text_above_the_list(built):
    html = built.html("guides/index.html")
    article = html.select_one("article")
    assert article.select_one("h1").get_text(strip=True).rstrip("¶") == "指南"
    assert "这里是各类指南。" in article.get_text()
    assert [a.get_text() for a in article.select("ol.xc-list__items a")] == [
        f"指南{n}" for n in range(1, 8)
    ]
    assert not (built.site / "guides/index-2.html").exists()
    english = built.html("en/guides/index.html").select_one("article")
    assert "All our guides." in english.get_text()
    assert english.select_one("h1").get_text(strip=True).rstrip("¶") == "Guides"


def test_a_folder_at_the_limit_is_left_as_it_was(built):
    path = html_of(KNOWLEDGE[0])
    links = nav_links(built, path)
    assert {html_of(key) for key in KNOWLEDGE} <= set(links)
    html = built.html(path)
    assert html.select_one(".xc-list-back") is None
    assert built.html("knowledge/index.html").select_one(".xc-list") is None
    assert not (built.site / "knowledge/index-2.html").exists()
    assert not (built.site / "knowledge/index-titles.js").exists()


def test_the_folded_pages_stay_in_search_and_the_lists_stay_out(built):
    found = {unquote(doc["location"].split("#")[0]) for doc in read_search_files(built.site)}
    assert {html_of(key) for key in LAWS + LOCAL} <= found
    assert not {"laws/index.html", "laws/index-2.html", "laws/local/index.html"} & found
    # A team's own index page is searched for its own text.
    assert "guides/index.html" in found


def test_the_titles_for_the_filter_are_a_script_beside_the_list(built):
    script = (built.site / "laws/index-titles.js").read_text("utf-8")
    prefix = "window.xcListTitles&&window.xcListTitles("
    rows = json.loads(script[len(prefix) : -len(");\n")])
    assert len(rows) == 27
    assert rows[0] == [law_title(1), "条例01(2011-01-08).html", ""]
    assert rows[-1] == ["地方规定6", "local/地方规定6.html", "Local"]


def test_the_same_sources_give_the_same_site(built, tmp_path):
    shutil.rmtree(built.project / ".cache" / "xuanchuan" / "pages")
    again = run_mkdocs(built.project, site_dir=tmp_path / "again")
    assert again.returncode == 0, again.output
    assert tree_digest(tmp_path / "again") == tree_digest(built.site)


def test_a_wrong_limit_stops_the_build_with_what_to_write(tmp_path):
    root = write_site(tmp_path / "p", pages(), config(nav_section_limit="fifty"))
    result = run_mkdocs(root)
    assert result.returncode == 1
    assert "Traceback" not in result.output
    written = (root / "mkdocs.yml").read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(written, 1) if "nav_section_limit" in text)
    assert (
        f"ERROR   -  mkdocs.yml, line {line}: extra.xuanchuan.nav_section_limit: expected a "
        'whole number, got the text "fifty"'
    ) in result.output.splitlines()


# -- in a real browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    from fixtures.browser import ARGS, launched, playwright_or_skip

    # As readers' browsers are: a page opened from a folder may not read the files beside it.
    args = [arg for arg in ARGS if arg != "--allow-file-access-from-files"]
    with launched(playwright_or_skip(), args) as chromium:
        yield chromium


@pytest.fixture(params=["file", "http"])
def visit(request, built, browser):
    from fixtures.browser import Visit, served

    if request.param == "file":
        opened = Visit(browser, built.site.as_uri() + "/")
        yield opened
        opened.close()
    else:
        with served(built.site) as base:
            opened = Visit(browser, base)
            yield opened
            opened.close()


def filter_list(visit, words: str) -> tuple[str, list[str]]:
    page = visit.page
    page.fill(".xc-list__filter input", words)
    page.wait_for_function(
        "() => { const s = document.querySelector('.xc-list__status');"
        " return s && !s.hidden && /\\d|没有/.test(s.textContent); }",
        timeout=10000,
    )
    found = page.eval_on_selector_all(".xc-list__found a", "links => links.map(a => a.href)")
    return page.inner_text(".xc-list__status"), [visit.relative(link) for link in found]


@pytest.mark.browser
def test_the_title_filter_finds_pages_on_every_list_page(visit):
    visit.open("laws/index-3.html")
    page = visit.page
    assert page.is_visible(".xc-list__filter input")
    assert page.is_visible("ol.xc-list__items") and page.is_visible(".xc-pager")
    status, found = filter_list(visit, "第12号")
    assert (status, found) == ("找到 1 页", [html_of(LAWS[11])])
    # The static list and its pager give way to what was found.
    assert not page.is_visible("ol.xc-list__items") and not page.is_visible(".xc-pager")
    status, found = filter_list(visit, "地方")
    assert status == "找到 6 页" and found == [html_of(key) for key in LOCAL]
    # Where a page lies is searched too.
    assert filter_list(visit, "local 3")[1] == [html_of(LOCAL[2])]
    assert filter_list(visit, "没有这样的标题")[0] == "没有标题含有这些字的页面"
    page.fill(".xc-list__filter input", "")
    page.dispatch_event(".xc-list__filter input", "input")
    assert page.is_visible("ol.xc-list__items") and not page.is_visible(".xc-list__found")
    filter_list(visit, "第12号")
    with page.expect_navigation():
        page.click(".xc-list__found a")
    assert visit.relative(page.url) == html_of(LAWS[11])
    assert page.inner_text("article h1").startswith(law_title(12))
    assert visit.outside_requests() == []


@pytest.mark.browser
def test_the_filter_speaks_the_page_language(visit):
    visit.open("en/laws/index.html")
    status, found = filter_list(visit, "regulation")
    assert (status, found) == ("1 found", ["en/" + html_of(LAWS[2])])
    assert visit.outside_requests() == []


def test_with_links_to_untranslated_pages_a_language_lists_its_own_pages(root, tmp_path):
    """Pages a language links to the default language for are listed in the default
    language's list; this language folds only what it has."""
    linked = tmp_path / "linked"
    shutil.copytree(root, linked, ignore=shutil.ignore_patterns("site", ".cache"))
    (linked / "mkdocs.yml").write_text(
        (linked / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("untranslated_pages: copy", "untranslated_pages: link"),
        encoding="utf-8",
    )
    result = run_mkdocs(linked)
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    assert (result.site / "laws" / "index.html").is_file()
    english = [key for key in LAWS if (linked / "content" / key.replace(".md", ".en.md")).is_file()]
    for key in english:
        assert (result.site / "en" / html_of(key)).is_file()
    assert not (result.site / "en" / html_of(LAWS[0])).exists()  # linked, not copied

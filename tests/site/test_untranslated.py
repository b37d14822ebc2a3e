"""Pages a language has no translation of, without a build: which are left out, where their
links lead, what another language's search offers of them, and the translation report."""

from __future__ import annotations

from pathlib import Path

import pytest

from xuanchuan.core.settings import load_settings
from xuanchuan.site.pages.links import PageLinks
from xuanchuan.site.pages.sources import Catalogue, Page
from xuanchuan.site.pages.translation_report import (
    REPORT_FILE,
    LanguageStatus,
    build_report,
    format_status,
)
from xuanchuan.site.pages.untranslated import (
    Untranslated,
    link_from,
    menu_with_links,
    resolve_menu_links,
    site_root_path,
)
from xuanchuan.site.search.excerpts import opening
from xuanchuan.site.search.index import build_index, page_in_another_language, tokens

THREE = {
    "languages": [
        {"code": "zh", "name": "中文"},
        {"code": "en", "name": "English"},
        {"code": "ug", "name": "ئۇيغۇرچە"},
    ]
}
# Which languages each page is written in.
WRITTEN = {
    "index.md": ("zh",),
    "about.md": ("zh", "en", "ug"),
    "laws/电力法.md": ("zh",),
    "laws/index.md": ("zh", "en"),
}


def catalogue(mode: str = "link", written=WRITTEN) -> Catalogue:
    settings = load_settings({**THREE, "untranslated_pages": mode})
    pages = {
        key: Page(key, files={code: Path(f"{key[:-3]}.{code}.md") for code in codes})
        for key, codes in written.items()
    }
    return Catalogue(settings, pages)


def test_a_page_without_a_translation_is_left_out_of_that_language_only():
    rule = Untranslated(catalogue(), "link")
    assert rule.linked_pages("en") == ["laws/电力法.md"]
    assert rule.linked_pages("ug") == ["laws/index.md", "laws/电力法.md"]
    assert rule.linked_pages("zh") == []
    assert rule.readers("laws/电力法.md") == ["en", "ug"]
    assert rule.readers("about.md") == []


def test_every_language_keeps_its_home_page_and_copies_keep_everything():
    assert not Untranslated(catalogue(), "link").linked("index.md", "en")
    assert Untranslated(catalogue("copy"), "copy").linked_pages("en") == []


def test_a_left_out_page_is_found_on_the_default_language_site_with_the_reader_named():
    rule = Untranslated(catalogue(), "link")
    assert rule.address("laws/电力法.md", "en", False) == (
        "laws/%E7%94%B5%E5%8A%9B%E6%B3%95.html?lang=en"
    )
    assert rule.address("laws/index.md", "en", False) == "en/laws/index.html"
    assert rule.address("laws/index.md", "ug", True) == "laws/?lang=ug"
    assert link_from("en/laws/index.html", "laws/x.html?lang=en") == "../../laws/x.html?lang=en"
    assert link_from("en/", "about.html?lang=en") == "../about.html?lang=en"


def test_menu_entries_are_made_relative_to_each_page():
    rule = Untranslated(catalogue(), "link")
    entry = f'<a href="{rule.menu_url("laws/index.md", "ug", False)}">'
    assert resolve_menu_links(entry, "ug/about.html", "/") == (
        '<a href="../laws/index.html?lang=ug">'
    )
    assert resolve_menu_links(entry, "ug/laws/a/b.html", "/") == (
        '<a href="../../../laws/index.html?lang=ug">'
    )
    assert resolve_menu_links(entry, None, "/site/") == '<a href="/site/laws/index.html?lang=ug">'
    assert resolve_menu_links("<p>nothing</p>", "ug/x.html", "/") == "<p>nothing</p>"
    assert site_root_path("https://example.org/xuanchuan") == "/xuanchuan/"
    assert site_root_path(None) == "/"


def test_the_teams_own_menu_keeps_its_titles_and_the_left_out_pages_become_links():
    linked = {"laws/电力法.md": ("电力法", "xc-default-site:laws/x.html?lang=en")}
    menu = [
        "index.md",
        {"Laws": ["laws/index.md", "laws/电力法.md", {"Power": "./laws/电力法.md"}]},
    ]
    assert menu_with_links(menu, linked) == [
        "index.md",
        {
            "Laws": [
                "laws/index.md",
                {"电力法": "xc-default-site:laws/x.html?lang=en"},
                {"Power": "xc-default-site:laws/x.html?lang=en"},
            ]
        },
    ]


def links(language: str, key: str, url: str, mode: str = "link") -> PageLinks:
    found = catalogue(mode)
    return PageLinks(
        language,
        found.settings.codes,
        found.settings.prefix,
        found.pages.__contains__,
        key,
        url,
        untranslated=Untranslated(found, mode),
    )


@pytest.mark.parametrize(
    ("language", "key", "url", "href", "expected"),
    [
        # From the English site to a page it has no copy of: the Chinese page, for English
        # readers; MkDocs is shown a link it does not check.
        (
            "en",
            "about.md",
            "about.html",
            "laws/电力法.md#第一条",
            ("#", "../laws/%E7%94%B5%E5%8A%9B%E6%B3%95.html?lang=en#第一条"),
        ),
        (
            "en",
            "laws/index.md",
            "laws/index.html",
            "电力法.md?x=1",
            ("#", "../../laws/%E7%94%B5%E5%8A%9B%E6%B3%95.html?lang=en&x=1"),
        ),
        # Naming the language the page lacks leads there too, from any language.
        ("zh", "about.md", "about.html", "laws/index.ug.md", ("#", "laws/index.html?lang=ug")),
        ("en", "about.md", "about.html", "laws/index.ug.md", ("#", "../laws/index.html?lang=ug")),
        # Pages the language has are left as they were.
        ("en", "about.md", "about.html", "laws/index.md", None),
        ("en", "about.md", "about.html", "index.md", None),
        ("zh", "about.md", "about.html", "laws/电力法.md", None),
        ("ug", "about.md", "about.html", "about.en.md", ("about.md", "../en/about.html")),
    ],
)
def test_links_to_a_left_out_page_lead_to_the_default_language_page(
    language, key, url, href, expected
):
    assert links(language, key, url).rewrite(href) == expected


def test_copies_keep_their_links():
    assert links("en", "about.md", "about.html", "copy").rewrite("laws/电力法.md") is None


# -- search --------------------------------------------------------------------------------


def test_an_opening_is_the_description_or_the_start_of_the_text_as_plain_text():
    body = (
        "# 电力设施保护条例\n\n1987年9月15日 国务院发布\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n"
        "第一条 为保障**电力生产**和[建设](x.md)的顺利进行。\n\n```\ncode\n```\n\n"
        "- 第二条 ![图](a.png)<b>本条例</b>适用于……\n"
    )
    assert opening({}, body) == (
        "1987年9月15日 国务院发布 第一条 为保障电力生产和建设的顺利进行。 第二条 本条例适用于……"
    )
    assert opening({}, body, length=10) == "1987年9月15日…"
    assert opening({"description": " 电力  设施 "}, body) == "电力 设施"


def test_a_search_entry_for_a_page_in_chinese_carries_its_label_without_its_words():
    entry = page_in_another_language(
        "../laws/x.html?lang=en", "电力设施<保护>条例", "第一条 机井", "in Chinese"
    )
    assert entry == {
        "location": "../laws/x.html?lang=en",
        "title": "电力设施&lt;保护&gt;条例",
        "text": "第一条 机井",
        "labels": ["in Chinese"],
    }
    english = {"location": "a.html", "title": "Chinese laws", "text": "On Chinese law."}
    _, chunks, shards = build_index([english, entry])
    assert chunks[0][1] == [
        "../laws/x.html?lang=en",
        "电力设施&lt;保护&gt;条例",
        "第一条 机井",
        ["in Chinese"],
    ]
    postings = {term: entries for shard in shards.values() for term, entries in shard.items()}
    # "Chinese" finds the English page only; the law is found by its own words.
    assert postings["chinese"] == [0, 1, 1]
    assert all(term in postings for term in tokens("电力设施 机井"))


# -- the translation report ----------------------------------------------------------------


def status(missing: int) -> LanguageStatus:
    pages = [f"行政法规/{n}.md" for n in range(missing - 3)] + ["司法解释/a.md", "b.md", "c.md"]
    return LanguageStatus("en", "English", tuple(sorted(pages)), ("about.md",))


def test_a_long_list_is_counted_by_folder_and_a_short_one_listed():
    lines = format_status([status(40)], 41, limit=10)
    assert lines == [
        "English (en): 1 of 41 pages translated, 40 missing, 1 out of date",
        "  missing: 40 pages, most in 行政法规/ (37), ./ (2), 司法解释/ (1)",
        "  out of date: about.md",
    ]
    assert len(format_status([status(40)], 41)) == 42
    assert format_status([status(5)], 6, limit=10) == format_status([status(5)], 6)


def test_the_build_writes_the_whole_report_and_names_its_file(tmp_path: Path):
    written = {"index.md": ("zh", "en", "ug")} | {f"laws/{n}.md": ("zh",) for n in range(12)}
    for key, codes in written.items():
        for code in codes:
            path = tmp_path / "content" / f"{key[:-3]}.{code}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("# x\n", encoding="utf-8")
    pages = {
        key: Page(key, files={c: tmp_path / "content" / f"{key[:-3]}.{c}.md" for c in codes})
        for key, codes in written.items()
    }
    found = Catalogue(load_settings(THREE), pages)
    lines = build_report(found, found.settings, tmp_path)
    assert lines == [
        "English (en): 1 of 13 pages translated, 12 missing, 0 out of date",
        "  missing: 12 pages, most in laws/ (12)",
        "Uyghur (ug): 1 of 13 pages translated, 12 missing, 0 out of date",
        "  missing: 12 pages, most in laws/ (12)",
        f"the whole list: {REPORT_FILE.as_posix()}",
    ]
    whole = (tmp_path / REPORT_FILE).read_text(encoding="utf-8").splitlines()
    # Then the engine's own texts: Uyghur has no catalog of them, so one line says so.
    assert len(whole) == 2 + 2 * 12 + 1
    assert whole[-1].startswith("Uyghur (ug): 179 of 179 of the site's own texts")
    assert "  missing: laws/11.md" in whole

"""Folders too big for every page's navigation: which fold, and what their lists show."""

from __future__ import annotations

import json
import random

import pytest
from mkdocs.structure.files import File, file_sort_key

from xuanchuan.core.errors import SourceError
from xuanchuan.core.strings import Translator
from xuanchuan.site.pages.section_lists import (
    back_view,
    folded_folders,
    list_view,
    nav_order,
    plan_sections,
    titles_script,
)

ZH, EN = Translator("zh", ("zh",)), Translator("en", ("zh",))


def laws(folder: str, count: int) -> list[str]:
    return [f"{folder}/law-{number:03d}.md" for number in range(1, count + 1)]


def title(key: str) -> str:
    return key.rsplit("/", 1)[-1][: -len(".md")].replace("law-", "Law ")


def plan(keys, limit=5, page_size=10, taken=()):
    return plan_sections(keys, title, limit=limit, page_size=page_size, taken=taken)


def test_a_folder_folds_when_its_own_list_is_longer_than_the_limit():
    keys = ["index.md", "about.md", *laws("big", 6), "big/index.md", *laws("small", 5)]
    # Its index page is the folder's own entry, not one of its entries.
    assert folded_folders(keys, 5) == ["big"]
    assert folded_folders(keys, 6) == []


def test_a_subfolder_counts_as_one_entry_of_its_folder():
    keys = [*laws("a", 3), *laws("a/b", 40), *laws("a/c", 2), *laws("a/d", 1)]
    # a: 3 pages and 3 subfolders, however many pages those hold.
    assert folded_folders(keys, 6) == ["a/b"]
    assert folded_folders(keys, 5) == ["a", "a/b"]
    assert folded_folders(keys, 40) == []


def test_the_top_level_is_no_section_and_never_folds():
    assert folded_folders([f"page-{n}.md" for n in range(100)], 5) == []


def test_pages_are_listed_in_the_order_mkdocs_gives_the_navigation():
    keys = [
        "x/index.md",
        "x/b.md",
        "x/a.md",
        "x/README.md",
        "x/z/index.md",
        "x/z/a.md",
        "x/y.md",
        "x/中文.md",
        "x/Zed.md",
        "x/a b.md",
        "x/a-b.md",
        "x/z.md",
        "x/zz/q.md",
    ]
    random.Random(3).shuffle(keys)
    files = [File(key, "docs", "site", False) for key in keys]
    expected = [file.src_uri for file in sorted(files, key=file_sort_key)]
    assert sorted(keys, key=nav_order) == expected


def test_a_list_covers_every_page_inside_in_navigation_order_with_where_it_lies():
    keys = ["k/index.md", *laws("k", 6), "k/sub/index.md", "k/sub/law-900.md", "k/sub/deep/x.md"]
    (section,) = plan(keys).lists
    assert (section.folder, section.index_key, section.own_index) == ("k", "k/index.md", True)
    assert section.title == "index"  # the title of the folder's own index page
    assert [entry.key for entry in section.entries] == [
        *laws("k", 6),
        "k/sub/index.md",
        "k/sub/law-900.md",
        "k/sub/deep/x.md",
    ]
    where = {entry.key: entry.where for entry in section.entries}
    assert where["k/law-001.md"] == ()
    assert where["k/sub/index.md"] == ()  # the subfolder's own page, listed by its title
    assert where["k/sub/law-900.md"] == ("index",)
    assert where["k/sub/deep/x.md"] == ("index", "Deep")


def test_list_pages_cut_the_list_and_a_folder_without_index_gets_one():
    (section,) = plan(laws("big", 25)).lists
    assert not section.own_index and section.title == "Big"
    assert section.list_keys == ["big/index.md", "big/index-2.md", "big/index-3.md"]
    assert section.made_keys == section.list_keys
    assert [section.number_of(key) for key in ("big/law-001.md", "big/law-011.md")] == [1, 2]
    assert section.page_title(1, ZH) == "Big"
    assert section.page_title(3, ZH) == "Big（第 3/3 页）"
    assert section.page_title(2, EN) == "Big (page 2 of 3)"


def test_a_team_index_page_stays_the_first_list_page():
    (section,) = plan(["big/index.md", *laws("big", 25)]).lists
    assert section.made_keys == ["big/index-2.md", "big/index-3.md"]


def test_a_list_page_name_taken_by_a_file_of_the_team_is_an_error():
    with pytest.raises(SourceError) as caught:
        plan(laws("big", 25), taken={"big/index-2.md", "big/index-titles.js"})
    assert [str(problem) for problem in caught.value.problems] == [
        f"content/big/{name}: has the name the engine gives page lists of the folder "
        "content/big/, which has too many pages for the navigation: rename this file"
        for name in ("index-2.md", "index-titles.js")
    ]


def test_the_innermost_folded_folder_lists_a_page():
    keys = [*laws("a", 6), *laws("a/b", 6)]
    sections = plan(keys)
    assert [s.folder for s in sections.lists] == ["a", "a/b"]
    assert sections.list_of("a/law-001.md").folder == "a"
    assert sections.list_of("a/b/law-001.md").folder == "a/b"
    assert sections.list_of("a/b/index.md").folder == "a/b"
    assert sections.list_of("about.md") is None
    # The outer list has the inner folder's list as an entry, and its pages.
    outer = [entry.key for entry in sections.lists[0].entries]
    assert "a/b/index.md" in outer and "a/b/law-006.md" in outer


def test_a_list_page_view_shows_its_share_the_pager_and_the_filter():
    (section,) = plan(laws("big", 95)).lists
    view = list_view(section, 5, ZH, use_directory_urls=False)
    assert view["count"] == "共 95 页" and view["page_of"] == "第 5/10 页"
    assert view["start"] == 41
    assert [item["title"] for item in view["items"]] == [f"Law {n:03d}" for n in range(41, 51)]
    assert view["items"][0]["href"] == "law-041.html"
    assert [p and p["number"] for p in view["pager"]] == [1, None, 3, 4, 5, 6, 7, None, 10]
    assert view["pager"][4]["current"] and view["pager"][0]["href"] == "index.html"
    assert view["previous"]["href"] == "index-4.html" and view["next"]["href"] == "index-6.html"
    assert view["filter"]["script"] == "index-titles.js" and view["filter"]["base"] == "./"
    assert view["filter"]["found"] == "找到 {count} 页"
    first = list_view(section, 1, EN, use_directory_urls=False)
    assert first["previous"] is None and first["page_of"] == "Page 1 of 10"


def test_links_work_with_directory_addresses_too():
    (section,) = plan(laws("big", 25)).lists
    view = list_view(section, 2, ZH, use_directory_urls=True)
    assert view["items"][0]["href"] == "../law-011/"
    assert view["filter"]["base"] == "../"
    assert view["previous"]["href"] == "../"


def test_titles_and_names_are_shown_as_text_and_links_stay_whole():
    keys = [f"k/{name}.md" for name in ("a&b", "c#d", "e f", "百分之%", "<x>", "q?")]
    sections = plan_sections(keys, lambda key: f"<b>{key}</b>", limit=5, page_size=10)
    (section,) = sections.lists
    view = list_view(section, 1, ZH, use_directory_urls=False)
    hrefs = [str(item["href"]) for item in view["items"]]
    assert hrefs == [
        "%3Cx%3E.html",
        "a&amp;b.html",
        "c%23d.html",
        "e%20f.html",
        "q%3F.html",
        "百分之%25.html",
    ]
    assert str(view["items"][0]["title"]) == "&lt;b&gt;k/&lt;x&gt;.md&lt;/b&gt;"


def test_the_titles_script_hands_every_title_over_when_run():
    keys = ["big/index.md", *laws("big", 6), "big/sub/law-900.md"]
    (section,) = plan(keys).lists
    script = titles_script(section, use_directory_urls=False)
    prefix = "window.xcListTitles&&window.xcListTitles("
    assert script.startswith(prefix) and script.endswith(");\n")
    rows = json.loads(script[len(prefix) : -len(");\n")])
    assert rows[0] == ["Law 001", "law-001.html", ""]
    assert rows[-1] == ["Law 900", "sub/law-900.html", "Sub"]
    assert len(rows) == 7


def test_a_page_leads_back_to_the_list_page_that_shows_it():
    (section,) = plan(laws("big", 25)).lists
    assert back_view(section, "big/law-021.md", ZH, False) == {
        "href": "index-3.html",
        "label": "返回目录：Big",
    }
    assert back_view(section, "big/law-001.md", EN, True)["href"] == "../"


def test_a_folder_whose_index_the_engine_makes_for_another_purpose_is_not_folded():
    keys = laws("campaigns", 8)
    assert plan(keys, taken={"campaigns/index.md", *keys}).lists == []
    assert [s.folder for s in plan(keys, taken=set(keys)).lists] == ["campaigns"]


def test_a_readme_is_a_folder_index_too():
    (section,) = plan(["big/README.md", *laws("big", 6)]).lists
    assert (section.index_key, section.own_index) == ("big/README.md", True)
    assert section.made_keys == [] and len(section.entries) == 6

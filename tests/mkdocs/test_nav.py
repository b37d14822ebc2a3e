"""The navigation of each language, made by MkDocs from the files the adapter gives it."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import Markup
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import Link, Navigation, Section, get_navigation

from fixtures.mkdocs_project import language_builds, project
from xuanchuan.mkdocs.files import language_files, settled_files
from xuanchuan.mkdocs.nav import all_sections, menu_key, titled_sections

PAGES = {
    "index.zh.md": "# 首页\n",
    "index.en.md": "# Home\n",
    "help/index.zh.md": "---\ntitle: 用电<帮助>\n---\n\n正文。\n",
    "help/index.en.md": "---\ntitle: Help & advice\n---\n\nText.\n",
    "help/wells.zh.md": "# 机井\n",
    "about.zh.md": "# 关于我们\n",
}


def navigations(tmp_path: Path) -> dict[str, tuple]:
    """Each language's navigation, its sections titled, as the build makes it."""
    path = project(tmp_path, "extra:\n  xuanchuan:\n    print: {enabled: false}\n")
    for name, text in PAGES.items():
        (tmp_path / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "content" / name).write_text(text, encoding="utf-8")
    made = {}
    with language_builds(path) as (config, builds):
        for build in builds:
            files = settled_files(language_files(get_files(config), config, build), config, build)
            nav = get_navigation(files, config)
            titled_sections(nav, build)
            made[build.language.code] = (build, nav)
    return made


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, tuple]:
    return navigations(tmp_path_factory.mktemp("nav"))


def sections(nav: Navigation) -> dict[str, list[str]]:
    return {section.title: section.children for section in all_sections(nav.items)}


def test_sections_are_titled_as_their_index_page_in_each_language_as_plain_text(made):
    chinese, english = sections(made["zh"][1]), sections(made["en"][1])
    assert Markup("用电&lt;帮助&gt;") in chinese
    assert Markup("Help &amp; advice") in english
    # The campaigns' lists are a section of their own, titled in the language.
    assert "宣传活动" in chinese and "Campaigns" in english


def test_a_page_not_translated_is_a_link_to_the_default_languages_page(made):
    build, nav = made["en"]
    about = next(item for item in nav.items if menu_key(build, item) == "about.md")
    assert isinstance(about, Link)
    assert about.title == "关于我们"
    help_section = sections(nav)[Markup("Help &amp; advice")]
    assert [menu_key(build, child) for child in help_section] == ["help/index.md", "help/wells.md"]
    assert isinstance(help_section[1], Link)


def test_in_the_default_language_every_entry_is_its_own_page(made):
    build, nav = made["zh"]
    entries = [item for item in nav.items if not isinstance(item, Section)]
    assert [menu_key(build, item) for item in entries] == ["index.md", "about.md"]
    assert not any(isinstance(item, Link) for item in entries)

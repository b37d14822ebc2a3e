"""The key every kept page of a language depends on: the same for the same project, another
when anything each page shows changes (a menu title, the language, mkdocs.yml)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from fixtures.mkdocs_project import language_builds, project
from xuanchuan.mkdocs.cache_key import site_digest
from xuanchuan.mkdocs.files import language_files, settled_files
from xuanchuan.mkdocs.languages import configure_language

NO_PRINT = "extra:\n  xuanchuan:\n    print: {enabled: false}\n"


def keys(tmp_path: Path, pages: dict[str, str], extra: str = NO_PRINT) -> dict[str, str]:
    """Each language's key for a project of ``pages``, made afresh."""
    if not (tmp_path / "mkdocs.yml").exists():
        project(tmp_path, extra)
    for name, text in pages.items():
        (tmp_path / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "content" / name).write_text(text, encoding="utf-8")
    made = {}
    with language_builds(tmp_path / "mkdocs.yml") as (config, builds):
        for build in builds:
            configure_language(config, build)
            files = settled_files(language_files(get_files(config), config, build), config, build)
            nav = get_navigation(files, config)
            made[build.language.code] = site_digest(config, files, nav, build)
    return made


PAGES = {"index.zh.md": "# 首页\n", "about.zh.md": "# 关于我们\n", "about.en.md": "# About\n"}


def test_the_same_project_gives_the_same_key_and_each_language_its_own(tmp_path):
    first = keys(tmp_path, PAGES)
    assert keys(tmp_path, {}) == first
    assert first["zh"] != first["en"]


def test_a_menu_title_changes_the_key_of_its_language_only(tmp_path):
    before = keys(tmp_path, PAGES)
    after = keys(tmp_path, {"about.en.md": "# About us\n"})
    assert after["en"] != before["en"]
    assert after["zh"] == before["zh"]


def test_a_body_change_keeps_the_key(tmp_path):
    before = keys(tmp_path, PAGES)
    assert keys(tmp_path, {"about.zh.md": "# 关于我们\n\n城关供电所。\n"}) == before


def test_a_change_to_mkdocs_yml_changes_every_key(tmp_path):
    before = keys(tmp_path, PAGES)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "copyright: 城关供电所\n", "utf-8")
    after = keys(tmp_path, {})
    assert after["zh"] != before["zh"] and after["en"] != before["en"]

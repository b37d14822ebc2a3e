"""Pages kept from an earlier build are the pages a clean build makes: after each kind of
change, a build that reuses kept pages writes the same bytes as one that makes every page.

The engine, the theme overrides and the project are copies, so that the engine's own text
table and templates can be changed too."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from fixtures.sites import PROJECT, fixture_config, page, run_mkdocs, tree_digest, write_site

pytestmark = pytest.mark.slow

TODAY = {"XUANCHUAN_TODAY": "2027-03-10", "SOURCE_DATE_EPOCH": "1767225600"}
PAGES = {
    "index.zh.md": page("首页", "欢迎来到宣传站。"),
    "index.en.md": page("Home", "Welcome."),
    "about.zh.md": page("关于", "我们是城关供电所。\n\n## 联系\n\n电话 0000-7345678。"),
    "about.en.md": page("About", "We are the town power station."),
    "knowledge/index.zh.md": page("知识", "安全用电知识。"),
    "knowledge/home.zh.md": page("家庭用电", "漏电保护器每月试跳一次。"),
    "knowledge/fields.zh.md": page("田间用电", "机井开关箱要防雨。"),
}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# Each kind of input a page depends on, changed as a team (or a developer) would change it.
CHANGES = {
    "page text": lambda root: append(root / "content/knowledge/home.zh.md", "\n电线老化要换。\n"),
    "page title": lambda root: edit(
        root / "content/knowledge/fields.zh.md", "田间用电", "田间地头"
    ),
    "nav order": lambda root: append(
        root / "mkdocs.yml",
        "nav:\n  - about.md\n  - index.md\n  - 知识: [knowledge/index.md, knowledge/fields.md,"
        " knowledge/home.md]\n",
    ),
    "config": lambda root: edit(root / "mkdocs.yml", "primary: red", "primary: indigo"),
    "template": lambda root: edit(
        root / "overrides/main.html", "{% block content %}", "{% block content %}<!-- v2 -->"
    ),
    "strings": lambda root: edit(
        root / "engine/xuanchuan/locale/zh/LC_MESSAGES/site.po",
        'msgstr "主办单位"',
        'msgstr "主办方"',
    ),
    "campaign on an index page": lambda root: edit(
        root / "campaigns/spring-irrigation-2027/index.zh.md", "summary: ", "summary: 新："
    ),
    # The home page lists the next activities: it is made again, the rest kept.
    "campaign schedule on the home page": lambda root: edit(
        root / "campaigns/spring-irrigation-2027/index.zh.md", "宣传车进村巡回宣传", "宣传车下乡"
    ),
    # Its title joins the home page's latest reports.
    "new report": lambda root: write_report(root),
    "new page": lambda root: (root / "content/knowledge/pumps.zh.md").write_text(
        page("水泵用电", "水泵要接地。"), encoding="utf-8"
    ),
    "removed page": lambda root: (root / "content/knowledge/fields.zh.md").unlink(),
    "new translation": lambda root: (root / "content/knowledge/home.en.md").write_text(
        page("Electricity at home", "Test the RCD monthly."), encoding="utf-8"
    ),
    "folded section": lambda root: fold_sections(root),
}


def write_report(root: Path) -> None:
    folder = root / "campaigns/spring-irrigation-2027/reports"
    folder.mkdir(exist_ok=True)
    (folder / "2027-03-09-donghe.zh.md").write_text(
        "---\ntitle: 东河村用电会开完了\ndate: 2027-03-09\n---\n\n来了六十多人。\n",
        encoding="utf-8",
    )


def fold_sections(root: Path) -> None:
    """A folder of more than one page shows as one entry leading to its list."""
    edit(root / "mkdocs.yml", "  xuanchuan:\n", "  xuanchuan:\n    nav_section_limit: 1\n")


def build(root: Path, site: str, env: dict | None = None):
    environment = {**TODAY, "PYTHONPATH": str(root / "engine"), **(env or {})}
    result = run_mkdocs(root, env=environment, site_dir=root / site)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A small project, built once: its kept pages are in .cache/."""
    root = tmp_path_factory.mktemp("reuse") / "base"
    shutil.copytree(PROJECT / "hooks", root / "engine", ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copytree(PROJECT / "overrides", root / "overrides")
    config = fixture_config()
    config["theme"]["custom_dir"] = "overrides"
    config["hooks"] = ["engine/xuanchuan_hooks.py"]
    config["extra"]["xuanchuan"]["print"] = {"enabled": False}
    write_site(root, PAGES, config)
    slug = "spring-irrigation-2027"
    shutil.copytree(PROJECT / "campaigns" / slug, root / "campaigns" / slug)
    build(root, "site")
    return root


def reused(log: str) -> int:
    return sum(int(n) for n in re.findall(r"Pages \(\w+\): (\d+) reused", log))


def test_an_unchanged_site_is_written_from_kept_pages_byte_for_byte(base, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(base, root, symlinks=True)
    warm = build(root, "warm")
    made = re.findall(r"Pages \(\w+\): \d+ reused from cache, (\d+) made", warm.output)
    assert reused(warm.output) > 10 and made == ["0", "0"], warm.output
    assert tree_digest(root / "warm") == tree_digest(root / "site")


@pytest.mark.parametrize("change", list(CHANGES))
def test_after_a_change_kept_pages_give_what_a_clean_build_gives(base, tmp_path, change):
    root = tmp_path / "p"
    shutil.copytree(base, root, symlinks=True)
    CHANGES[change](root)
    warm = build(root, "warm")
    shutil.rmtree(root / ".cache" / "xuanchuan" / "pages")
    clean = build(root, "clean")
    assert reused(clean.output) == 0
    assert tree_digest(root / "warm") == tree_digest(root / "clean"), warm.output
    home = (root / "warm" / "index.html").read_text(encoding="utf-8")
    if change == "campaign schedule on the home page":
        assert "宣传车下乡" in home
    if change == "new report":
        assert "东河村用电会开完了" in home
    if change in (
        "page text",
        "campaign on an index page",
        "new translation",
        "campaign schedule on the home page",
    ):
        assert reused(warm.output) > 5, warm.output  # the rest of the site was not made again


def test_a_new_day_changes_the_campaign_status_on_kept_pages_too(base, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(base, root, symlinks=True)
    later = {"XUANCHUAN_TODAY": "2027-06-01"}
    build(root, "warm", later)
    shutil.rmtree(root / ".cache" / "xuanchuan" / "pages")
    build(root, "clean", later)
    assert tree_digest(root / "warm") == tree_digest(root / "clean")
    assert tree_digest(root / "warm") != tree_digest(root / "site")
    # The campaign under way on the first day is over: the home page no longer shows it.
    title = "春灌机井安全用电宣传"
    assert title in (root / "site" / "index.html").read_text(encoding="utf-8")
    home = (root / "warm" / "index.html").read_text(encoding="utf-8")
    assert title not in home and "目前没有正在进行或即将开始的活动" in home


def test_the_kept_pages_are_those_of_the_site_as_it_is_now(base, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(base, root, symlinks=True)
    kept = root / ".cache" / "xuanchuan" / "pages"
    before = {path.name for path in kept.glob("*/*.json")}
    CHANGES["page text"](root)
    build(root, "warm")
    after = {path.name for path in kept.glob("*/*.json")}
    # The edited page's old version is gone and its new one kept (the English site leads to
    # the untranslated Chinese page): no more than one site's pages.
    assert len(after) == len(before) and len(after - before) == 1


def test_kept_pages_of_a_folded_section_follow_its_titles(base, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(base, root, symlinks=True)
    fold_sections(root)
    build(root, "folded")
    CHANGES["page title"](root)
    warm = build(root, "warm")
    shutil.rmtree(root / ".cache" / "xuanchuan" / "pages")
    build(root, "clean")
    assert tree_digest(root / "warm") == tree_digest(root / "clean"), warm.output
    listed = (root / "warm" / "knowledge" / "index.html").read_text(encoding="utf-8")
    assert 'class="xc-list"' in listed and "田间地头" in listed

"""The translation report, on a real git history."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fixtures.sites import fixture_config, page, write_site

# Every test here builds a site or runs the command line in another process.
pytestmark = pytest.mark.slow


def git(root: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


def report(root: Path, **env: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "xuanchuan.cli", "translations"],
        cwd=root, capture_output=True, text=True, check=True, env={**os.environ, **env},
    )
    return done.stdout


def test_missing_and_outdated_translations_per_language(tmp_path: Path):
    config = fixture_config()
    config["extra"]["xuanchuan"]["languages"].append({"code": "bo", "name": "བོད་ཡིག"})
    root = write_site(
        tmp_path / "p",
        {
            "index.zh.md": page("首页"),
            "index.en.md": page("Home"),
            "index.bo.md": page("Home bo"),
            "about.zh.md": page("关于"),
            "about.en.md": page("About"),
        },
        config,
    )
    campaign = root / "campaigns" / "spring-2026"
    campaign.mkdir(parents=True)
    (campaign / "index.zh.md").write_text("---\ntitle: 春灌\n---\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first", date="2026-01-01T10:00:00+08:00")
    # The Chinese home page changes after its translations were written.
    (root / "content" / "index.zh.md").write_text(page("首页", "新内容"), encoding="utf-8")
    git(root, "commit", "-qam", "second", date="2026-02-01T10:00:00+08:00")
    assert report(root).splitlines() == [
        "English (en): 2 of 3 pages translated, 1 missing, 1 out of date",
        "  missing: campaigns/spring-2026/index.md",
        "  out of date: index.md",
        "བོད་ཡིག (bo): 1 of 3 pages translated, 2 missing, 1 out of date",
        "  missing: about.md",
        "  missing: campaigns/spring-2026/index.md",
        "  out of date: index.md",
        # The engine's own texts: Tibetan has no catalog of them yet.
        "བོད་ཡིག (bo): 179 of 179 of the site's own texts (menus, labels, print) not "
        "translated; they show in Chinese. Translate them in "
        "hooks/xuanchuan/locale/bo/LC_MESSAGES/site.po",
    ]
    # Translating again brings the page up to date; an uncommitted edit counts too.
    (root / "content" / "index.en.md").write_text(page("Home", "New text"), encoding="utf-8")
    assert report(root).splitlines()[0] == (
        "English (en): 2 of 3 pages translated, 1 missing, 0 out of date"
    )


def test_a_campaign_translation_without_its_own_title_is_listed(tmp_path: Path):
    root = write_site(tmp_path / "p", {"index.zh.md": page("首页"), "index.en.md": page("Home")})
    for slug, english in (("titled", "title: Spring\n"), ("untitled", "summary: Spring\n")):
        campaign = root / "campaigns" / slug
        campaign.mkdir(parents=True)
        (campaign / "index.zh.md").write_text("---\ntitle: 春灌\n---\n", encoding="utf-8")
        (campaign / "index.en.md").write_text(f"---\n{english}---\n", encoding="utf-8")
    assert report(root).splitlines() == [
        "English (en): 3 of 3 pages translated, 0 missing, 0 out of date",
        "  no title of its own (shows the original's): campaigns/untitled/index.md",
    ]


def test_the_report_speaks_the_team_language(tmp_path: Path):
    root = write_site(tmp_path / "p", {"index.zh.md": page("首页"), "about.zh.md": page("关于")})
    (root / "content" / "index.en.md").write_text(page("Home"), encoding="utf-8")
    lines = report(root, XUANCHUAN_LANG="").splitlines()
    assert lines == ["英文（en）：共 2 页，已翻译 1 页，缺 1 页，0 页译文过时", "  缺译文：about.md"]

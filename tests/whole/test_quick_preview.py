"""A saved page shows before the whole site is rebuilt, and the browser loads it again only
when the whole rebuild makes it otherwise.

A browser on the preview asks MkDocs's live-reload address for the site's version (its
epoch) and reloads when it changes; these tests ask the same address.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from fixtures.campaigns import front_matter_page, spring, write_campaign
from fixtures.preview import fetch, serving
from fixtures.printing import pdf_text
from fixtures.sites import fixture_config, page, write_site

pytestmark = pytest.mark.slow

SHOWN = "saved page is shown"
_EPOCH = re.compile(r"livereload\((\d+),")


@pytest.fixture
def preview(tmp_path: Path):
    root = write_site(
        tmp_path / "project",
        {
            "index.zh.md": page("首页", "欢迎。"),
            "index.en.md": page("Home", "Welcome."),
            "about.zh.md": page("关于我们", "城关供电所。"),
            "about.en.md": page("About us", "The station."),
        },
        fixture_config(print_files=False),
    )
    report = {"title": "巡查机井", "date": "2026-03-05", "people": 30}
    write_campaign(root, "spring-2026", {
        "zh": spring("春灌前到机井讲安全用电。"),
        "reports/2026-03-05-wells.zh.md": front_matter_page(report, "查了十二眼机井。"),
    })  # fmt: skip
    log = tmp_path / "serve.log"
    with serving(root, log) as (server, url):
        yield root, url, server, log


def epoch_of(url: str) -> int:
    return int(_EPOCH.search(fetch(url))[1])


def next_epoch(url: str, epoch: int, seconds: float) -> int | None:
    """The site's version after ``epoch``, as a browser waits for it; None if there is
    none within ``seconds``."""
    parts = urllib.parse.urlsplit(url)
    address = f"{parts.scheme}://{parts.netloc}/livereload/{epoch}/1"
    try:
        with urllib.request.urlopen(address, timeout=seconds) as answer:
            found = int(answer.read())
    except (TimeoutError, urllib.error.URLError):
        return None
    return found if found > epoch else None


def settled(log: Path, rebuilds: int) -> None:
    """Wait until ``rebuilds`` rebuilds have ended and nothing more is going on."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8")
        if text.count("Reloading browsers") >= rebuilds and text.count(
            "Detected file changes"
        ) == text.count("Reloading browsers"):
            return
        time.sleep(0.2)
    raise AssertionError("the preview never settled:\n" + log.read_text())


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("saved", "address"),
    [
        ("content/about.zh.md", "about.html"),
        ("campaigns/spring-2026/index.zh.md", "campaigns/spring-2026/index.html"),
        ("campaigns/spring-2026/reports/2026-03-05-wells.zh.md",
         "campaigns/spring-2026/reports/2026-03-05-wells.html"),
    ],
)  # fmt: skip
def test_a_saved_text_shows_at_once_and_the_browser_reloads_once(preview, saved, address):
    root, url, _, log = preview
    before = epoch_of(url)
    _append(root / saved, "补充一句：第七号标记。")
    shown = next_epoch(url, before, 60)
    assert shown is not None
    # Answered with the saved text as soon as the browser is told, the rebuild going on.
    assert "第七号标记" in fetch(url + address)
    settled(log, 1)
    assert SHOWN in log.read_text(encoding="utf-8")
    # The whole rebuild made the page as it was shown: no second reload.
    assert next_epoch(url, shown, 3) is None
    assert "第七号标记" in fetch(url + address)


def test_a_changed_title_shows_at_once_and_in_every_menu_after(preview):
    root, url, _, log = preview
    before = epoch_of(url)
    path = root / "content" / "about.zh.md"
    path.write_text(path.read_text(encoding="utf-8").replace("关于我们", "本站简介"), "utf-8")
    shown = next_epoch(url, before, 60)
    assert shown is not None and "本站简介" in fetch(url + "about.html")
    settled(log, 1)
    assert "本站简介" in fetch(url)  # the home page's menu, made by the whole rebuild
    assert next_epoch(url, shown, 3) is None


# A team's hook that fails the whole build on a word: something the quick pages do not run.
FRAGILE_HOOK = """\
from pathlib import Path


def on_pre_build(config):
    if "BOOM" in (Path(config.docs_dir) / "about.zh.md").read_text(encoding="utf-8"):
        raise RuntimeError("the hook cannot build BOOM")
"""


def test_a_shown_page_the_whole_site_cannot_build_is_put_back(tmp_path):
    config = fixture_config(print_files=False)
    config["hooks"] = [*config["hooks"], str(tmp_path / "project" / "fragile.py")]
    root = write_site(
        tmp_path / "project",
        {"index.zh.md": page("首页", "欢迎。"), "about.zh.md": page("关于", "第一版。")},
        config,
    )
    (root / "fragile.py").write_text(FRAGILE_HOOK, encoding="utf-8")
    log = tmp_path / "serve.log"
    with serving(root, log) as (_, url):
        before = epoch_of(url)
        _append(root / "content" / "about.zh.md", "第二版 BOOM。")
        shown = next_epoch(url, before, 60)
        assert shown is not None
        settled(log, 1)
        # Browsers load the last good page again, with the problem on it.
        assert next_epoch(url, shown, 10) is not None
        after = fetch(url + "about.html")
        assert "第一版" in after and "第二版" not in after
        assert "the hook cannot build BOOM" in after


def test_a_new_page_waits_for_the_whole_site(preview):
    root, url, _, log = preview
    (root / "content" / "new.zh.md").write_text(page("新页面", "新内容。"), encoding="utf-8")
    settled(log, 1)
    assert SHOWN not in log.read_text(encoding="utf-8")
    assert "新内容" in fetch(url + "new.html")


def test_a_saved_poster_field_redraws_its_poster_before_the_whole_site(tmp_path):
    root = write_site(
        tmp_path / "project",
        {"index.zh.md": page("首页", "欢迎。"), "index.en.md": page("Home", "Welcome.")},
        own_print_cache=True,  # the edited poster is drawn here, not found drawn by another
    )
    write_campaign(root, "spring-2026", {"zh": spring(poster={"headline": "春灌用电要小心", "points": ["开泵前查电线"]})})
    log = tmp_path / "serve.log"
    with serving(root, log) as (_, url):
        before = epoch_of(url)
        path = root / "campaigns" / "spring-2026" / "index.zh.md"
        path.write_text(
            path.read_text(encoding="utf-8").replace("春灌用电要小心", "开泵以前先验电"), "utf-8"
        )
        assert next_epoch(url, before, 60) is not None
        poster = url + "campaigns/spring-2026/spring-2026-poster-A4-zh.pdf"
        deadline = time.monotonic() + 60
        while "开泵以前先验电" not in poster_text(poster, tmp_path):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.2)
        settled(log, 1)
    # Drawn once, before the whole rebuild, which found it drawn.
    drawn = re.findall(r"Print files: (\d+) rendered", log.read_text(encoding="utf-8"))
    assert drawn[-1] == "0"


def poster_text(address: str, folder: Path) -> str:
    with urllib.request.urlopen(address, timeout=30) as answer:
        (folder / "poster.pdf").write_bytes(answer.read())
    return pdf_text(folder / "poster.pdf")


def test_a_campaign_kept_in_another_folder_shows_its_saved_fields_at_once(tmp_path):
    config = fixture_config(print_files=False)
    config["extra"]["xuanchuan"]["campaigns_dir"] = "plans"
    root = write_site(tmp_path / "project", {"index.zh.md": page("首页", "欢迎。")}, config)
    write_campaign(root, "spring-2026", {"zh": spring("春灌前到机井讲安全用电。")})
    (root / "campaigns").rename(root / "plans")
    log = tmp_path / "serve.log"
    with serving(root, log) as (_, url):
        address = url + "campaigns/spring-2026/index.html"
        assert "春灌开泵前" in fetch(address)
        before = epoch_of(url)
        path = root / "plans" / "spring-2026" / "index.zh.md"
        path.write_text(
            path.read_text(encoding="utf-8").replace("春灌开泵前", "灌溉开始以前"), "utf-8"
        )
        shown = next_epoch(url, before, 60)
        assert shown is not None and "灌溉开始以前" in fetch(address)
        settled(log, 1)
        assert SHOWN in log.read_text(encoding="utf-8")
        assert next_epoch(url, shown, 3) is None  # shown as the whole rebuild made it

"""After any sequence of saves, the preview shows what a preview started afresh on the same
sources shows: every page, feed, article and search file, byte for byte.

The edits are a seeded random order of every kind a team makes while writing (text, titles,
dates, reports and pages added and removed, a mistake saved and then fixed). Whatever a
rebuild keeps from earlier saves (kept pages, files served from where they are, memory of
the last rebuild) must never show through.
"""

from __future__ import annotations

import difflib
import os
import random
import re
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from fixtures.campaigns import front_matter_page, spring, spring_en, write_campaign
from fixtures.preview import serving
from fixtures.sites import fixture_config, page, write_site

pytestmark = pytest.mark.slow

SLUG = "spring-2026"
REPORT = {"title": "巡查机井", "date": "2026-03-05", "activity": "机井巡查", "people": 30}
ACTIVITIES = [
    {"date": "2026-03-05", "title": "机井巡查", "place": "石卡镇一号井"},
    {"date": "2026-04-20", "title": "东河村群众会", "place": "东河村委会"},
]
# MkDocs's live-reload script, added to every page it serves with the server's epoch.
_LIVERELOAD = re.compile(rb"livereload\(\d+, ?\d+\)")
_LINK = re.compile(r'(?:href|src)="([^"#?]+)')


def _project(root: Path) -> Path:
    write_site(
        root,
        {
            "index.zh.md": page("首页", "欢迎来到宣传站。"),
            "index.en.md": page("Home", "Welcome."),
            "about.zh.md": page("关于我们", "城关供电所的宣传小组。"),
            "about.en.md": page("About us", "The publicity group of the station."),
            "knowledge/shock.zh.md": page("触电急救", "先断电，再施救。"),
        },
        fixture_config(print_files=False),
    )
    write_campaign(
        root,
        SLUG,
        {
            "zh": spring("## 安排\n\n春灌前到机井讲安全用电。", activities=ACTIVITIES),
            "en": spring_en("## Plan\n\nWe visit wells before spring irrigation."),
            "reports/2026-03-05-wells.zh.md": front_matter_page(REPORT, "查了十二眼机井。"),
        },
    )
    return root


class Writer:
    """The edits a team makes, each on the project as it stands."""

    def __init__(self, root: Path, rng: random.Random):
        self.root, self.rng, self.count = root, rng, 0

    def _append(self, path: Path, text: str) -> None:
        path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")

    def _field(self, path: Path, name: str, value: str) -> None:
        text = path.read_text(encoding="utf-8")
        changed = re.sub(rf"^{name}: .*$", f"{name}: {value}", text, count=1, flags=re.M)
        assert changed != text, f"{path} has no {name}"
        path.write_text(changed, encoding="utf-8")

    def marker(self) -> str:
        self.count += 1
        return f"第{self.count}次修改"

    @property
    def campaign(self) -> Path:
        return self.root / "campaigns" / SLUG

    def campaign_text(self) -> None:
        self._append(self.campaign / "index.zh.md", f"补充：{self.marker()}。")

    def campaign_title(self) -> None:
        self._field(self.campaign / "index.zh.md", "title", f"春灌安全用电（{self.marker()}）")

    def campaign_dates(self) -> None:
        self._field(self.campaign / "index.zh.md", "end", f"2026-05-{self.rng.randint(1, 28):02d}")

    def english_summary(self) -> None:
        self._field(self.campaign / "index.en.md", "summary", f"Changed {self.count + 1} times.")
        self.count += 1

    def report_text(self) -> None:
        reports = sorted((self.campaign / "reports").glob("*.zh.md"))
        self._append(self.rng.choice(reports), f"又记：{self.marker()}。")

    def report_added(self) -> None:
        day = f"2026-04-{self.rng.randint(1, 28):02d}"
        fields = {"title": f"新的报道{self.marker()}", "date": day, "people": 12}
        path = self.campaign / "reports" / f"{day}-new-{self.count}.zh.md"
        path.write_text(front_matter_page(fields, "村里来了很多人。"), encoding="utf-8")

    def report_removed(self) -> None:
        reports = sorted((self.campaign / "reports").glob("*.zh.md"))
        if len(reports) > 1:
            reports[-1].unlink()
        else:
            self.report_added()

    def page_text(self) -> None:
        self._append(self.root / "content" / "about.zh.md", f"新增一段：{self.marker()}。")

    def page_title(self) -> None:
        self._field(self.root / "content" / "knowledge" / "shock.zh.md", "title",
                    f"触电急救{self.marker()}")

    def page_added(self) -> None:
        marker = self.marker()
        path = self.root / "content" / "knowledge" / f"new-{self.count}.zh.md"
        path.write_text(page(f"新知识{marker}", "雷雨天不要在电线下避雨。"), encoding="utf-8")

    def page_removed(self) -> None:
        added = sorted((self.root / "content" / "knowledge").glob("new-*.zh.md"))
        if added:
            added[0].unlink()
        else:
            self.page_added()

    def mistake_then_fix(self) -> Callable[[], None]:
        """A campaign saved with broken front matter; the fix is the next save."""
        path = self.campaign / "index.zh.md"
        good = path.read_text(encoding="utf-8")
        path.write_text(good.replace("title: ", "title: [未闭合", 1), encoding="utf-8")
        return lambda: path.write_text(good, encoding="utf-8")

    KINDS = ("campaign_text", "campaign_title", "campaign_dates", "english_summary",
             "report_text", "report_added", "report_removed", "page_text", "page_title",
             "page_added", "page_removed", "mistake_then_fix")  # fmt: skip


def _rebuilds(log: Path) -> tuple[int, int]:
    text = log.read_text(encoding="utf-8", errors="replace")
    return text.count("Detected file changes"), text.count("Reloading browsers")


def settle(log: Path, before: int, server) -> None:
    """Wait until a rebuild after ``before`` ones has finished and no other is due."""
    deadline = time.monotonic() + 120
    quiet_since = None
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server stopped:\n" + log.read_text()
        detected, reloaded = _rebuilds(log)
        if reloaded > before and detected == reloaded:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since >= 1.0:
                return
        else:
            quiet_since = None
        time.sleep(0.1)
    raise AssertionError("the preview never finished rebuilding:\n" + log.read_text())


def crawl(url: str) -> dict[str, bytes]:
    """Every file of the served site reachable from its home page, by address."""
    base = urllib.parse.urlsplit(url)
    found: dict[str, bytes] = {}
    waiting = [url]
    while waiting:
        address = waiting.pop()
        path = urllib.parse.urlsplit(address).path
        if path in found or not path.startswith(base.path):
            continue
        try:
            with urllib.request.urlopen(address, timeout=30) as answer:
                data = answer.read()
        except urllib.error.HTTPError as error:
            data = f"HTTP {error.code}".encode()
        found[path] = _LIVERELOAD.sub(b"livereload()", data)
        if path.endswith((".html", "/")) or path.endswith("search/xc/meta.js"):
            for link in _LINK.findall(data.decode("utf-8", "replace")):
                target = urllib.parse.urljoin(address, link)
                if urllib.parse.urlsplit(target).netloc == base.netloc:
                    waiting.append(target)
    # The search files a search loads, made on request in a preview.
    return found


def _differences(kept: dict[str, bytes], fresh: dict[str, bytes]) -> list[str]:
    told = [f"only in the long-running preview: {path}" for path in sorted(kept.keys() - fresh)]
    told += [f"only in a fresh preview: {path}" for path in sorted(fresh.keys() - kept)]
    for path in sorted(kept.keys() & fresh.keys()):
        if kept[path] != fresh[path]:
            lines = difflib.unified_diff(
                fresh[path].decode("utf-8", "replace").splitlines(),
                kept[path].decode("utf-8", "replace").splitlines(),
                "fresh", "kept", n=1, lineterm="",
            )
            told.append(f"differs: {path}\n" + "\n".join(list(lines)[:12]))
    return told


# More orders, for a deeper check: XUANCHUAN_TRUTH_SEEDS=1,2,3 pytest tests/whole/test_preview_truth.py
SEEDS = [int(seed) for seed in os.environ.get("XUANCHUAN_TRUTH_SEEDS", "2026").split(",")]


@pytest.mark.parametrize("seed", SEEDS)
def test_after_random_saves_the_preview_equals_a_fresh_one(tmp_path, seed):
    rng = random.Random(seed)
    root = _project(tmp_path / "project")
    writer = Writer(root, rng)
    kinds = list(Writer.KINDS)
    rng.shuffle(kinds)
    log = tmp_path / "serve.log"
    with serving(root, log) as (server, url):
        done = []
        for kind in kinds:
            before = _rebuilds(log)[1]
            fix = getattr(writer, kind)()
            settle(log, before, server)
            done.append(kind)
            if fix is not None:
                before = _rebuilds(log)[1]
                fix()
                settle(log, before, server)
        port = urllib.parse.urlsplit(url).port
        kept = crawl(url)
    # The same sources, nothing kept: no cache of pages, no memory of earlier saves.
    fresh_root = tmp_path / "fresh"
    shutil.copytree(root, fresh_root, ignore=shutil.ignore_patterns(".cache"))
    fresh_log = tmp_path / "fresh.log"
    with serving(fresh_root, fresh_log, port=port) as (server, fresh_url):
        assert fresh_url == url
        fresh = crawl(fresh_url)
    assert len(fresh) > 30
    assert not _differences(kept, fresh), (
        f"edits: {', '.join(done)}\n" + "\n".join(_differences(kept, fresh)[:40])
    )

"""Builds that meet a hostile machine: damaged caches, kill -9, two builds at once, a build
killed in the middle of the site swap, a full or read-only disk, a file where the site
folder belongs. Each ends with a whole site (or the previous one) and a clear message."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fixtures.sites import fixture_config, page, run_mkdocs, tree_digest, write_site

ENV = {"SOURCE_DATE_EPOCH": "1780000000", "XUANCHUAN_TODAY": "2026-05-10"}
KEPT = {".git/HEAD": "ref: refs/heads/gh-pages\n", ".htaccess": "Options -Indexes\n",
        ".nojekyll": "", "CNAME": "xuanchuan.example.org\n"}


def campaign(title: str, kind: str, headline: str, language: str = "zh") -> str:
    places = "[石卡镇]" if language == "zh" else "[Shika Town]"
    return f"""\
---
title: {title}
type: {kind}
summary: {title}。
start: 2026-05-01
end: 2026-06-30
places: {places}
activities:
  - date: 2026-05-20
    title: {headline}
poster:
  headline: {headline}
  points: [注意安全, 先断电]
---

## 为什么

{title}的内容。法院、派出所和司法所一起讲。
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A project with campaigns in two languages, built once: its site is the reference."""
    root = write_site(
        tmp_path_factory.mktemp("faults") / "project",
        {"index.zh.md": page("首页", "欢迎。"), "index.en.md": page("Home", "Welcome."),
         "about.zh.md": page("关于", "关于本站。")},
        fixture_config(site_url="https://www.qxdl.cn/"),
        own_print_cache=True,  # its entries are damaged on purpose
    )
    for number, kind in enumerate(["safety-month", "safe-electricity", "send-culture"]):
        folder = root / "campaigns" / f"campaign-{number}"
        folder.mkdir(parents=True)
        (folder / "index.zh.md").write_text(campaign(f"第{number}次宣传", kind, f"标语{number}"),
                                            encoding="utf-8")
        (folder / "index.en.md").write_text(
            f"---\ntitle: Campaign {number}\nsummary: Campaign {number}.\n---\n\nText.\n",
            encoding="utf-8")
    result = run_mkdocs(root, env=ENV)
    assert result.returncode == 0, result.output
    return root, tree_digest(root / "site")


def copy_of(built, tmp_path: Path, *, cache: bool = True) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built[0], root, symlinks=True)
    if not cache:
        shutil.rmtree(root / ".cache")
    return root


def build(root: Path, *args: str):
    result = run_mkdocs(root, *args, env=ENV)
    assert "Traceback" not in result.output, result.output
    return result


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("ERROR")]


# -- A. caches ---------------------------------------------------------------------------


def test_damaged_cache_entries_are_made_again_and_the_team_files_in_site_are_kept(
    built, tmp_path: Path
):
    root = copy_of(built, tmp_path)
    cache = root / ".cache" / "xuanchuan"
    pdf, png = sorted((cache / "print").glob("*.pdf"))[0], sorted((cache / "print").glob("*.png"))[0]
    pdf.write_bytes(pdf.read_bytes()[:1000])  # cut short: published with exit 0 before
    png.write_bytes(b"")
    qr = sorted((cache / "qr").glob("*.svg"))[0]
    data = bytearray(qr.read_bytes())
    data[40] ^= 0x20
    qr.write_bytes(bytes(data))
    # A footer's code is read only as its page is made: no page is kept from before.
    shutil.rmtree(cache / "pages")
    body = sorted((cache / "print" / "bodies").glob("*.html"))[0]
    body.write_bytes(b"")  # gave leaflets without text before
    cmap = sorted((cache / "print" / "fonts").glob("*.cmap"))[0]
    cmap.unlink()
    cmap.mkdir()  # gave false "the font has no 院" before
    feed = sorted((cache / "feeds").glob("*.ics"))[0]
    feed.unlink()
    feed.symlink_to(feed.name)  # cannot be opened
    for name, text in KEPT.items():
        (root / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "site" / name).write_text(text)

    result = build(root)

    assert result.returncode == 0, result.output
    assert "INFO    -  Cache: 6 damaged entries made again (.cache/xuanchuan/)" in result.output
    site = tree_digest(root / "site")
    assert {k: v for k, v in site.items() if k not in KEPT} == built[1]
    assert {name: (root / "site" / name).read_text() for name in KEPT} == KEPT
    again = build(root)
    assert "Cache:" not in again.output and tree_digest(root / "site") == site


# -- B. faults ---------------------------------------------------------------------------


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be collected


def test_a_killed_build_leaves_no_worker_behind_and_the_next_build_is_whole(
    built, tmp_path: Path
):
    root = copy_of(built, tmp_path, cache=False)
    shutil.rmtree(root / "site")
    log = tmp_path / "build.log"
    with open(log, "w") as stream:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build"], cwd=root, stdout=stream,
            stderr=subprocess.STDOUT, env={**os.environ, **ENV, "NO_MKDOCS_2_WARNING": "1"},
            start_new_session=True,
        )
    try:
        workers: set[int] = set()
        deadline = time.monotonic() + 120
        while not workers and time.monotonic() < deadline and process.poll() is None:
            if "Print files: rendering" in log.read_text():
                workers = children_of(process.pid)
            time.sleep(0.05)
        assert workers, "the build never started its print workers:\n" + log.read_text()
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        deadline = time.monotonic() + 15
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if alive(pid)], "workers outlived the killed build"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    result = build(root)
    assert result.returncode == 0, result.output
    assert tree_digest(root / "site") == built[1]
    assert not (root / "site.partial").exists()


def test_a_build_killed_between_the_renames_then_a_failed_build_keeps_the_site(
    built, tmp_path: Path
):
    root = copy_of(built, tmp_path)
    (root / "site").rename(root / "site.previous")  # the first rename done, not the second
    (root / "content" / "about.zh.md").write_text("---\ntitle: [\n---\n")

    result = build(root)

    assert result.returncode == 1
    assert "INFO    -  site: put back the site an interrupted build had moved aside" in (
        result.output
    )
    assert tree_digest(root / "site") == built[1]
    assert not (root / "site.previous").exists() and not (root / "site.partial").exists()


def test_a_second_build_at_the_same_time_is_refused_and_the_first_is_whole(
    built, tmp_path: Path
):
    root = copy_of(built, tmp_path, cache=False)  # a cold cache keeps the first one busy
    first = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, **ENV, "NO_MKDOCS_2_WARNING": "1"}, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not (root / "site.partial").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        second = build(root)
        output, _ = first.communicate(timeout=600)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()

    assert second.returncode == 1
    assert error_lines(second.output) == [
        "ERROR   -  .cache/xuanchuan/build.lock: another build is running in this project "
        "(mkdocs build or mkdocs serve): wait for it to finish, then build again",
    ]
    assert first.returncode == 0, output
    assert tree_digest(root / "site") == built[1]


def test_a_file_where_the_site_folder_belongs_is_left_alone(built, tmp_path: Path):
    root = copy_of(built, tmp_path)
    shutil.rmtree(root / "site")
    (root / "site").write_text("the team's notes\n")

    result = build(root)

    assert result.returncode == 1
    assert error_lines(result.output)[0] == (
        "ERROR   -  site: is a file, not a folder: expected the folder the site is built "
        "into; move the file away or choose another folder with site_dir in mkdocs.yml"
    )
    assert (root / "site").read_text() == "the team's notes\n"
    assert not (root / "site.partial").exists()


def test_a_full_disk_then_a_read_only_one_keep_the_previous_site(built, tmp_path: Path):
    """Really full and really read-only: the site on a small tmpfs (mounted as root)."""
    root = copy_of(built, tmp_path)
    disk = tmp_path / "disk"
    disk.mkdir()
    size = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file())
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size * 3 // 1024 + 1024}k", "tmpfs", str(disk)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("needs root to mount a small tmpfs")
    try:
        site = disk / "site"
        assert build(root, "--site-dir", str(site)).returncode == 0
        before = tree_digest(site)
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        (disk / "ballast").write_bytes(b"\0" * (free - size // 2))

        full = build(root, "--site-dir", str(site))

        assert full.returncode == 1
        assert re.fullmatch(
            rf"ERROR   -  {re.escape(str(disk))}/site\.partial/\S+: cannot be written \(No space "
            r"left on device\): expected a writable folder with free space; the previous site "
            r"is left as it was",
            error_lines(full.output)[0],
        ), full.output
        assert tree_digest(site) == before
        assert sorted(p.name for p in disk.iterdir()) == ["ballast", "site"]

        (disk / "ballast").unlink()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        read_only = build(root, "--site-dir", str(site))

        assert read_only.returncode == 1
        assert error_lines(read_only.output)[0] == (
            f"ERROR   -  {disk}/site.partial: cannot be written (Read-only file system): "
            "expected a writable folder with free space; the previous site is left as it was"
        )
        assert tree_digest(site) == before
    finally:
        subprocess.run(["umount", str(disk)], check=True)

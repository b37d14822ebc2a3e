"""From the desk to the live site: the starter made the team's own, built, deployed through
rclone to a real S3 server on a folder, and every page, print file, short link and printed
QR code asked for over HTTP from a static server on that folder."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from fixtures.browser import served
from fixtures.printing import page_picture, qr_codes
from fixtures.publish import (
    BUCKET,
    RCLONE,
    SECRET,
    s3_server,
    tree,
    unshare_available,
)
from fixtures.sites import SITE_URL, run_mkdocs, run_xuanchuan, starter_project

CHINESE = re.compile(r"[\u4e00-\u9fff]")
TARGET = f":s3:{BUCKET}/site"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = starter_project(tmp_path_factory.mktemp("team") / "project")
    built = run_mkdocs(root)
    assert built.returncode == 0, built.output
    return root


@pytest.fixture(scope="module")
def storage(tmp_path_factory):
    root = tmp_path_factory.mktemp("storage")
    with s3_server(root) as environment:
        yield root, environment


@pytest.fixture(scope="module")
def live(storage):
    """The bucket's folder as a static host serves it."""
    with served(storage[0] / BUCKET) as address:
        yield address + "site/"


def deploy(project: Path, environment: dict, *args: str, target: str = TARGET):
    return run_xuanchuan(project, "deploy", target, *args, env=environment)


def output_of(done) -> str:
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def first(project, storage, live):
    done = deploy(project, storage[1], "--json", "--live", live)
    assert done.returncode == 0, output_of(done)
    return json.loads(done.stdout)


def test_a_first_deploy_sends_the_whole_site_and_every_address_answers(project, storage, live, first):
    site = tree(project / "site")
    assert first["upload"] == len(site) and first["delete"] == 0
    assert first["bytes"] == sum(len(data) for data in site.values())
    assert first["live"]["unanswered"] == [] and first["live"]["addresses"] > 100
    # What is on the host is the site, byte for byte.
    assert tree(storage[0] / BUCKET / "site") == site
    # Pages first went up after their assets; the index files after the pages.
    phases = [path for phase in ("assets", "pages", "indexes") for path in first["files"][phase]]
    assert sorted(phases) == sorted(site)
    assert "sitemap.xml" in first["files"]["indexes"] and "index.html" in first["files"]["pages"]


def test_every_page_print_file_and_short_link_answers_over_http(project, live, first):
    site = project / "site"
    asked = [
        path.relative_to(site).as_posix()
        for path in sorted(site.rglob("*"))
        if path.suffix in (".html", ".pdf", ".png", ".ics", ".xml")
    ]
    assert any(name.startswith("s/") for name in asked)
    for name in asked:
        with urllib.request.urlopen(live + urllib.request.quote(name), timeout=10) as answer:
            assert answer.status == 200, name


def test_a_printed_qr_code_leads_to_a_page_that_answers(project, live, first, tmp_path):
    folder = project / "site" / "campaigns" / "safety-month-2026"
    poster = folder / "safety-month-2026-poster-A4-zh.pdf"
    [address] = qr_codes(page_picture(poster, 1, tmp_path / "poster.png"))
    assert address.startswith(SITE_URL + "s/")
    short = live + address[len(SITE_URL) :]
    with urllib.request.urlopen(short, timeout=10) as answer:
        page = answer.read().decode("utf-8")
    target = re.search(r"url='?([^\"']+)", page).group(1)
    with urllib.request.urlopen(urllib.parse.urljoin(short, target), timeout=10) as answer:
        assert answer.status == 200 and "安全生产月" in answer.read().decode("utf-8")


def test_a_second_deploy_sends_nothing(project, storage, first):
    done = deploy(project, storage[1], "--json", "--no-check")
    assert done.returncode == 0, output_of(done)
    again = json.loads(done.stdout)
    assert (again["upload"], again["delete"], again["bytes"]) == (0, 0, 0)
    assert again["unchanged"] == first["upload"]


def test_each_kind_is_served_with_its_type_and_cache_rule(project, storage, first):
    def metadata(path: str) -> dict:
        done = subprocess.run(
            [RCLONE, "lsjson", "-M", f"{TARGET}/{path}"],
            capture_output=True,
            text=True,
            env={**os.environ, **storage[1]},
        )
        return json.loads(done.stdout)[0]["Metadata"]

    bundle = next((project / "site" / "assets" / "javascripts").glob("bundle.*.min.js")).name
    expected = {
        "index.html": ("text/html; charset=utf-8", "no-cache"),
        "news.xml": ("application/atom+xml; charset=utf-8", "no-cache"),
        "calendar.ics": ("text/calendar; charset=utf-8", "no-cache"),
        f"assets/javascripts/{bundle}": ("text/javascript; charset=utf-8", "public, max-age=31536000, immutable"),
        "campaigns/safety-month-2026/safety-month-2026-poster-A4-zh.pdf": ("application/pdf", "public, max-age=3600"),
        "campaigns/safety-month-2026/safety-month-2026-share-zh.png": ("image/png", "public, max-age=3600"),
    }
    for path, (kind, cache) in expected.items():
        found = metadata(path)
        assert (found["content-type"], found["cache-control"]) == (kind, cache), path


def rclone(storage, *args: str, stdin: bytes | None = None) -> None:
    """Someone else changing the bucket, through its own S3 interface."""
    done = subprocess.run(
        [RCLONE, *args], input=stdin, capture_output=True, env={**os.environ, **storage[1]}
    )
    assert done.returncode == 0, done.stderr


def test_a_dry_run_shows_the_plan_and_touches_nothing(project, storage, first):
    folder = storage[0] / BUCKET / "site"
    rclone(storage, "rcat", f"{TARGET}/old-page.html", stdin=b"old")
    rclone(storage, "rcat", f"{TARGET}/about.html", stdin=b"changed by hand")
    before = tree(folder)
    done = deploy(project, storage[1], "--dry-run", "--json")
    assert done.returncode == 0, output_of(done)
    plan = json.loads(done.stdout)
    assert plan["dry_run"] and plan["files"]["delete"] == ["old-page.html"]
    assert plan["files"]["pages"] == ["about.html"] and plan["upload"] == 1
    assert tree(folder) == before
    text = deploy(project, {**storage[1], "XUANCHUAN_LANG": ""}, "--dry-run")
    assert "要上传 1 个文件" in text.stdout and "- old-page.html" in text.stdout
    # The real deploy puts it right, deleting last.
    done = deploy(project, storage[1], "--no-check")
    assert done.returncode == 0, output_of(done)
    assert tree(folder) == tree(project / "site")


def test_an_interrupted_deploy_says_so_and_a_rerun_completes_it(project, storage):
    target = f":s3:{BUCKET}/interrupted"
    folder = storage[0] / BUCKET / "interrupted"
    # Slow enough that the whole site takes over a minute, however busy the machine.
    slow = {**os.environ, **storage[1], "RCLONE_BWLIMIT": "200k", "XUANCHUAN_LANG": ""}
    process = subprocess.Popen(
        [sys.executable, "-m", "xuanchuan.cli", "deploy", target, "--no-check"],
        cwd=project,
        env=slow,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (folder.exists() and any(folder.rglob("*.*"))):
        time.sleep(0.1)
    time.sleep(1)  # the first files complete: a file being written may be dropped on Ctrl-C
    # Ctrl-C reaches every process of the terminal's group.
    os.killpg(process.pid, signal.SIGINT)
    said, _ = process.communicate(timeout=60)
    assert process.returncode == 130, said
    assert "发布被中断" in said and "重新运行同一命令" in said
    assert said.strip().splitlines()[-1].startswith("发布被中断")
    partial = tree(folder)
    assert 0 < len(partial) < len(tree(project / "site"))
    done = deploy(project, storage[1], "--no-check", target=target)
    assert done.returncode == 0, output_of(done)
    assert tree(folder) == tree(project / "site")


def test_no_secret_ever_appears_in_any_output(project, storage, live):
    wrong = {**storage[1], "RCLONE_S3_SECRET_ACCESS_KEY": "wrong-Secret-0xC0FFEE-value"}
    outputs = [
        deploy(project, storage[1], "--json", "--live", live),
        deploy(project, storage[1], "--dry-run"),
        deploy(project, wrong, "--no-check", target=f":s3:{BUCKET}/refused"),
        deploy(project, storage[1], target=f":s3,secret_access_key={SECRET}:{BUCKET}/x"),
    ]
    refused = output_of(outputs[2])
    assert outputs[2].returncode == 1 and "did not accept the credentials" in refused, refused
    assert outputs[3].returncode == 1 and "secret_access_key" in output_of(outputs[3])
    for done in outputs:
        text = output_of(done)
        assert SECRET not in text and "wrong-Secret-0xC0FFEE-value" not in text


def test_an_unreachable_target_fails_clearly_and_in_time(project, tmp_path):
    started = time.monotonic()
    nowhere = {
        "RCLONE_S3_PROVIDER": "Other",
        "RCLONE_S3_ENDPOINT": "http://127.0.0.1:9",
        "RCLONE_S3_ACCESS_KEY_ID": "x",
        "RCLONE_S3_SECRET_ACCESS_KEY": "nowhere-secret-value",
        "RCLONE_CONFIG": os.devnull,
        "XUANCHUAN_LANG": "",
    }
    done = deploy(project, nowhere, "--no-check")
    assert time.monotonic() - started < 90
    said = output_of(done)
    assert done.returncode == 1
    assert "连不上发布目标" in said and "nowhere-secret-value" not in said
    assert CHINESE.search(said.strip().splitlines()[-1])


def test_a_target_that_refuses_writes_keeps_its_old_site(project, tmp_path):
    root = tmp_path / "readonly"
    old = root / BUCKET / "site"
    old.mkdir(parents=True)
    (old / "index.html").write_text("the old site", encoding="utf-8")
    (old / "gone.html").write_text("a page the new site no longer has", encoding="utf-8")
    with s3_server(root, "--read-only") as environment:
        done = deploy(project, {**environment, "XUANCHUAN_LANG": ""}, "--no-check")
    said = output_of(done)
    assert done.returncode == 1 and "发布没有完成" in said and "没有删除任何文件" in said
    assert tree(old) == {"index.html": b"the old site", "gone.html": b"a page the new site no longer has"}


@pytest.mark.skipif(not unshare_available(), reason="no user namespaces to mount a small disk")
def test_a_full_target_says_so_and_deletes_nothing(project, tmp_path):
    root = tmp_path / "small"
    root.mkdir()
    # A 2 MB disk: the site (about 15 MB) does not fit.
    wrapper = (
        "unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
        f'mount -t tmpfs -o size=2m tmpfs "{root}" && exec "$0" "$@"',
    )  # fmt: skip
    with s3_server(root, wrapper=wrapper) as environment:
        done = deploy(project, {**environment, "XUANCHUAN_LANG": ""}, "--no-check")
    said = output_of(done)
    assert done.returncode == 1, said
    # rclone's S3 server answers a full disk with a bare "InternalError", as a cloud's
    # storage may: the message names both causes.
    assert "发布没有完成" in said and "空间已满" in said, said


def test_deploy_refuses_a_site_built_for_another_address(project, storage, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(project, other, symlinks=True, ignore=shutil.ignore_patterns(".cache"))
    (other / ".cache").symlink_to((project / ".cache").resolve())
    changed = run_xuanchuan(other, "init", "--site-url", "https://xc.other-host.cn/")
    assert changed.returncode == 0, output_of(changed)
    done = deploy(other, {**storage[1], "XUANCHUAN_LANG": ""}, "--no-check", target=f":s3:{BUCKET}/o")
    assert done.returncode == 1
    assert "https://xc.other-host.cn/" in output_of(done) and "重新生成" in output_of(done)
    assert not (storage[0] / BUCKET / "o").exists()


def test_check_finds_what_a_reader_would_miss(project, tmp_path, live, first):
    copy = tmp_path / "checked"
    shutil.copytree(project, copy, symlinks=True, ignore=shutil.ignore_patterns(".cache"))
    site = copy / "site"
    about = site / "about.html"
    text = about.read_text(encoding="utf-8")
    text = text.replace(
        "</article>",
        '<a href="knowledge/nothing-here.html">x</a><a href="index.html#no-such-place">y</a>'
        '<img src="https://cdn.example.com/tracker.png" alt="">'
        '<a href="javascript:alert(1)">z</a></article>',
    )
    about.write_text(text, encoding="utf-8")
    short = sorted((site / "s").glob("*.html"))[0]
    target = re.search(r"url='?([^\"']+)", short.read_text(encoding="utf-8")).group(1)
    (site / "s" / target).resolve().unlink()
    done = run_xuanchuan(copy, "check", env={"XUANCHUAN_LANG": ""})
    said = output_of(done)
    assert done.returncode == 1, said
    for needle in (
        "about.html 第",
        "knowledge/nothing-here.html：在网站里找不到",
        "#no-such-place",
        "cdn.example.com/tracker.png：从网站以外加载",
        "javascript:alert(1)：链接里是代码",
        f"s/{short.name}",
    ):
        assert needle in said, needle
    assert CHINESE.search(said.strip().splitlines()[-1])
    # The starter itself is whole, and so is what went live.
    clean = run_xuanchuan(project, "check", "--live", live, "--json")
    result = json.loads(clean.stdout)
    assert clean.returncode == 0, result
    assert result["broken"] == [] and result["unanswered"] == []
    assert result["qr_codes"] > 20 and result["short_links"] > 20


def test_check_live_names_what_does_not_answer(project, storage, live, first):
    folder = storage[0] / BUCKET / "site"
    removed = folder / "campaigns" / "safety-month-2026" / "safety-month-2026-leaflet-zh.pdf"
    kept = removed.read_bytes()
    removed.unlink()
    try:
        done = run_xuanchuan(project, "check", "--live", live, env={"XUANCHUAN_LANG": ""})
    finally:
        removed.write_bytes(kept)
    said = output_of(done)
    assert done.returncode == 1
    assert "safety-month-2026-leaflet-zh.pdf: 返回 404" in said and "1 个地址打不开" in said
    assert CHINESE.search(said.strip().splitlines()[-1])


def test_a_remote_named_in_rclones_config_is_a_target_too(project, storage, first):
    # rclone reads a remote's settings from its config file or, as here, the environment.
    named = {
        "RCLONE_CONFIG": os.devnull,
        "RCLONE_CONFIG_COUNTYOSS_TYPE": "s3",
        **{f"RCLONE_CONFIG_COUNTYOSS_{key[10:]}": value for key, value in storage[1].items()
           if key.startswith("RCLONE_S3_")},
    }  # fmt: skip
    done = deploy(project, named, "--json", "--no-check", target=f"countyoss:{BUCKET}/named")
    assert done.returncode == 0, output_of(done)
    assert json.loads(done.stdout)["backend"] == "s3"
    assert tree(storage[0] / BUCKET / "named") == tree(project / "site")
    unknown = deploy(project, {**named, "XUANCHUAN_LANG": ""}, target=f"nosuch:{BUCKET}/x")
    assert unknown.returncode == 1 and "rclone 里没有名为“nosuch”的远程" in unknown.stderr

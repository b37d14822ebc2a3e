"""`mkdocs serve` answers at once: while its first rebuild runs, its address serves the site
the last `mkdocs build` left, each page saying so and reloading itself once the preview's
own server answers; without a built site, a page saying the preview is being made."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from fixtures.browser import launched, playwright_or_skip
from fixtures.preview import free_port
from fixtures.sites import PROJECT, fixture_config, page, run_mkdocs, write_site

pytestmark = pytest.mark.browser

# A hook of the team's that makes the first build of a preview slow, so that the test sees
# the address answer before MkDocs's own server opens.
SLOW_HOOK = """\
import os, time
_first = [True]
def on_post_build(config, **kwargs):
    if _first[0] and os.environ.get("SLOW_FIRST_BUILD"):
        _first[0] = False
        time.sleep(4)
"""
MOUNT = "/xuanchuan/"
NOTICE = "The preview is being made: this is the site as it was last built."


def project(root: Path, built: bool) -> Path:
    config = fixture_config(print_files=False)
    config["hooks"] = [*config["hooks"], str(root / "slow.py")]
    write_site(root, {"index.zh.md": page("首页", "第一版。"), "index.en.md": page("Home", "One.")},
               config)  # fmt: skip
    (root / "slow.py").write_text(SLOW_HOOK, encoding="utf-8")
    if built:
        done = run_mkdocs(root)
        assert done.returncode == 0, done.output
    (root / "content" / "index.zh.md").write_text(page("首页", "第二版。"), encoding="utf-8")
    return root


def answer(url: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            headers = {name.lower(): value for name, value in response.headers.items()}
            return response.status, headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        headers = {name.lower(): value for name, value in error.headers.items()}
        return error.code, headers, error.read().decode("utf-8")


class Serve:
    """``mkdocs serve`` started in ``root``; ``early`` is what its address answered first,
    while the log did not yet say the preview's server was open."""

    def __init__(self, root: Path, log: Path, options: tuple[str, ...] = ()):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        with open(log, "w") as stream:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}", *options],
                cwd=root, stdout=stream, stderr=subprocess.STDOUT, start_new_session=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "XUANCHUAN_LANG": "en",
                     "PYTHONPATH": str(PROJECT / "hooks"), "SLOW_FIRST_BUILD": "1"},
            )  # fmt: skip

    def open(self) -> bool:
        return "Serving on" in self.log.read_text()

    def first_answer(self, path: str) -> tuple[int, dict, str]:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()
            try:
                found = answer(self.base + path)
            except OSError:
                time.sleep(0.05)
                continue
            assert not self.open(), "answered only once the preview's server was open"
            return found
        raise AssertionError("the address never answered:\n" + self.log.read_text())

    def wait_open(self) -> None:
        deadline = time.monotonic() + 120
        while not self.open():
            assert time.monotonic() < deadline, self.log.read_text()
            assert self.process.poll() is None, self.log.read_text()
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


@pytest.fixture
def serve(tmp_path):
    started: list[Serve] = []

    def start(built: bool, *options: str) -> Serve:
        root = project(tmp_path / "project", built)
        started.append(Serve(root, tmp_path / "serve.log", options))
        return started[-1]

    yield start
    for one in started:
        one.stop()


def test_the_last_built_site_answers_and_reloads_itself_into_the_preview(serve):
    preview = serve(built=True)
    status, headers, text = preview.first_answer(MOUNT)
    assert status == 200 and headers["x-xuanchuan-preview"] == "starting"
    assert "第一版。" in text and NOTICE in text  # the site as built, saying so
    # Its pictures, styles and scripts as they are; nothing outside the site.
    status, headers, _ = answer(preview.base + MOUNT + "search/search_index.json")
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert answer(preview.base + MOUNT + "../../../etc/passwd")[0] in (302, 503)
    assert answer(preview.base + "/")[0] == 200  # led to the site's address
    # A reader who opened it now sees the preview once it is ready, without a tap.
    with launched(playwright_or_skip()) as chromium:
        browser_page = chromium.new_page()
        browser_page.goto(preview.base + MOUNT)
        assert "第一版。" in browser_page.content()
        browser_page.wait_for_function(
            "() => document.body && document.body.innerText.includes('第二版。')", timeout=60_000
        )
        assert NOTICE not in browser_page.content()
        browser_page.close()
    assert preview.open()
    status, headers, text = answer(preview.base + MOUNT)
    assert "x-xuanchuan-preview" not in headers
    assert "第二版。" in text and NOTICE not in text


def test_without_a_built_site_a_page_says_the_preview_is_being_made(serve):
    preview = serve(built=False)
    status, headers, text = preview.first_answer(MOUNT + "about/")
    assert status == 503 and headers["x-xuanchuan-preview"] == "starting"
    assert "<title>The preview is being made</title>" in text
    preview.wait_open()
    assert "第二版。" in answer(preview.base + MOUNT)[2]


def test_without_live_reload_the_preview_still_opens_its_address(serve):
    # MkDocs then sends no serve event: the early answer ends with the first site made.
    preview = serve(True, "--no-livereload")
    assert preview.first_answer(MOUNT)[0] == 200
    preview.wait_open()
    status, headers, text = answer(preview.base + MOUNT)
    assert status == 200 and "x-xuanchuan-preview" not in headers and "第二版。" in text


def test_stopping_the_preview_lets_go_of_the_address(serve, tmp_path):
    preview = serve(built=True)
    preview.first_answer(MOUNT)
    preview.stop()  # while the first rebuild still runs
    log = preview.log.read_text()
    assert not re.search(r"Traceback", log), log
    with pytest.raises(OSError):
        answer(preview.base + MOUNT)

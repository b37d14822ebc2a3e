"""`mkdocs serve` after a failed rebuild: it keeps answering with the last good site, shows
the problem on every page and in the log, and recovers when the input is fixed."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from fixtures.preview import fetch, serving, wait_for
from fixtures.printing import qr_codes
from fixtures.sites import PROJECT, fixture_config, page, run_mkdocs, short_address, write_site

NOTICE = 'id="xuanchuan-preview-problem"'
# A hook of the team's own that breaks on a word: an error MkDocs itself does not expect.
FRAGILE_HOOK = """\
def on_page_markdown(markdown, **kwargs):
    if "BOOM" in markdown:
        raise RuntimeError("the hook cannot handle BOOM")
    return markdown
"""


@pytest.fixture
def server(tmp_path: Path):
    config = fixture_config()
    config["hooks"] = [*config["hooks"], str(tmp_path / "project" / "fragile.py")]
    root = write_site(
        tmp_path / "project",
        {"index.zh.md": page("首页", "欢迎。"), "index.en.md": page("Home", "Welcome."),
         "about.zh.md": page("关于", "第一版。")},
        config,
    )
    (root / "fragile.py").write_text(FRAGILE_HOOK)
    log = tmp_path / "serve.log"
    with serving(root, log) as (process, url):
        yield root, url, process, log


def assets_of(page_html: str) -> list[str]:
    """The addresses of a page's own style sheets and scripts."""
    found = re.findall(r'<(?:link[^>]+href|script[^>]+src)="([^"]+\.(?:css|js))"', page_html)
    assert any(a.endswith(".css") for a in found) and any(a.endswith(".js") for a in found)
    return [a for a in found if "://" not in a]


def test_a_failed_rebuild_keeps_the_last_good_site_with_the_problem_shown(server):
    root, url, process, log = server
    about = url + "about.html"  # the offline plugin turns directory URLs off
    first = wait_for(about, lambda t: "第一版" in t, "the first build", process, log)
    assert NOTICE not in first

    # A mistake in the team's file: the build stops with a message.
    (root / "content" / "about.zh.md").write_text("---\ntitle: [\n---\n\n第二版。\n")
    shown = wait_for(about, lambda t: NOTICE in t, "the notice of the problem", process, log)
    assert "第一版" in shown  # the last good page, not a half-built one
    assert "content/about.zh.md, line 3: the front matter is not valid YAML" in shown
    assert "Preview: the last good site is still served" in log.read_text()
    assert NOTICE in fetch(url)  # every page says so
    # Whole: its styles, scripts and search, which the preview serves from where they are.
    for asset in assets_of(shown):
        with urllib.request.urlopen(urllib.parse.urljoin(about, asset), timeout=15) as answer:
            assert answer.status == 200 and answer.read(), asset
    assert fetch(url + "search/xc/meta.js").startswith("xcSearch.meta(")

    # An error nobody expected (a traceback before): still answered, still shown.
    (root / "content" / "about.zh.md").write_text(page("关于", "第三版 BOOM。"))
    shown = wait_for(about, lambda t: "the hook cannot handle BOOM" in t, "the second notice",
                     process, log)
    assert "Error reading page &#x27;about.md&#x27;: the hook cannot handle BOOM" in shown
    assert "第一版" in shown
    assert "Traceback" not in log.read_text()

    # Fixed: the new page, no notice.
    (root / "content" / "about.zh.md").write_text(page("关于", "第四版。"))
    fixed = wait_for(about, lambda t: "第四版" in t, "the rebuild after the fix", process, log)
    assert NOTICE not in fixed and NOTICE not in fetch(url)
    assert process.poll() is None


def test_the_preview_prints_lead_to_the_published_site_and_reuse_the_build(tmp_path: Path):
    # site_url (https://www.qxdl.cn/xuanchuan/) is where villagers must land, even from a
    # poster downloaded from the preview; and a preview after a build draws nothing again.
    published = "https://www.qxdl.cn/xuanchuan/"
    root = write_site(tmp_path / "project", {"index.zh.md": page("首页", "欢迎。")})
    slug = "spring-irrigation-2027"
    shutil.copytree(PROJECT / "campaigns" / slug, root / "campaigns" / slug)
    built = run_mkdocs(root)
    assert built.returncode == 0, built.output
    printed = published + short_address(built.site, f"campaigns/{slug}/index.html")
    log = tmp_path / "serve.log"
    with serving(root, log) as (process, url):
        assert url.startswith("http://127.0.0.1:")
        address = f"{url}campaigns/{slug}/"
        shown = wait_for(address + "index.html", lambda t: "<html" in t, "the preview", process, log)
        assert printed in shown  # the page's printed QR code
        assert "Print files: 0 rendered" in log.read_text(), log.read_text()
        # The preview's pages are the build's: none is made again.
        made = re.findall(r"Pages \(\w+\): \d+ reused from cache, (\d+) made", log.read_text())
        assert made == ["0", "0"], log.read_text()
        picture = tmp_path / "poster.png"
        with urllib.request.urlopen(address + f"{slug}-poster-zh.png", timeout=15) as answer:
            picture.write_bytes(answer.read())
        assert qr_codes(picture) == [printed]
        # The other languages are built in another process: their print files are served
        # too, as drafts: the build's file inside a 样稿 / DRAFT band outside its trim.
        english = built.site / "en" / "campaigns" / slug
        for name in (f"{slug}-poster-A4-en.pdf", f"{slug}-poster-en.png"):
            with urllib.request.urlopen(f"{url}en/campaigns/{slug}/{name}", timeout=15) as answer:
                shown = tmp_path / name
                shown.write_bytes(answer.read())
            assert_draft_of(shown, english / name)
        feed = fetch(url + "calendar.ics")
        assert published in feed and "127.0.0.1" not in feed
        # The sitemap the theme asks for answers: the preview's log names no missing file.
        assert "<urlset" in fetch(url + "sitemap.xml")
        assert "404" not in log.read_text(), log.read_text()
    # The preview kept its own pages (their addresses are the preview's) beside the build's:
    # the next build makes none again.
    again = run_mkdocs(root)
    made = re.findall(r"Pages \(\w+\): \d+ reused from cache, (\d+) made", again.output)
    assert again.returncode == 0 and made == ["0", "0"], again.output
    assert "Print files: 0 rendered" in again.output


def test_without_a_published_address_the_preview_prints_no_local_one(tmp_path: Path):
    # No site_url in mkdocs.yml: a build prints no QR code; nor may the preview print its own
    # 127.0.0.1 address, which would send villagers nowhere.
    config = fixture_config()
    config.pop("site_url", None)
    root = write_site(tmp_path / "project", {"index.zh.md": page("首页", "欢迎。")}, config)
    slug = "spring-irrigation-2027"
    shutil.copytree(PROJECT / "campaigns" / slug, root / "campaigns" / slug)
    log = tmp_path / "serve.log"
    with serving(root, log) as (process, url):
        address = f"{url}campaigns/{slug}/"
        shown = wait_for(address + "index.html", lambda t: "<html" in t, "the preview", process, log)
        assert "xc-print-footer" not in shown
        picture = tmp_path / "poster.png"
        with urllib.request.urlopen(address + f"{slug}-poster-zh.png", timeout=15) as answer:
            picture.write_bytes(answer.read())
        assert qr_codes(picture) == []
        assert "127.0.0.1" not in fetch(url + "calendar.ics")


def rebuilds(log: Path) -> int:
    return log.read_text().count("Detected file changes")


def settle(log: Path, seconds: float = 2.0) -> int:
    """The number of rebuilds once none has started for ``seconds``."""
    count, quiet_since = rebuilds(log), time.monotonic()
    while time.monotonic() - quiet_since < seconds:
        time.sleep(0.2)
        if rebuilds(log) != count:
            count, quiet_since = rebuilds(log), time.monotonic()
    return count


def test_each_save_rebuilds_once_and_reading_files_does_not(server):
    """The preview hears of saves from the kernel at once (not by polling every half
    second), and only of files written: the build reads every source, and a rebuild for
    each read would never end."""
    root, url, process, log = server
    about = url + "about.html"
    wait_for(about, lambda t: "第一版" in t, "the first build", process, log)
    assert settle(log) == 0

    source = root / "content" / "about.zh.md"
    source.write_text(page("关于", "第二版。"))
    wait_for(about, lambda t: "第二版" in t, "the rebuild after a save", process, log)
    assert settle(log) == 1

    # Editors save by writing a new file and renaming it over the old one.
    written = source.with_name(".about.zh.md.swp")
    written.write_text(page("关于", "第三版。"))
    written.replace(source)
    wait_for(about, lambda t: "第三版" in t, "the rebuild after a renamed save", process, log)
    assert settle(log) == 2
    assert "Traceback" not in log.read_text()


def assert_draft_of(draft: Path, original: Path) -> None:
    """``draft`` is ``original`` with the draft band round it, saying where its QR leads."""
    if draft.suffix == ".pdf":
        from pypdf import PdfReader

        page, made = PdfReader(draft).pages[0], PdfReader(original).pages[0]
        trim = [float(v) for v in page.trimbox]
        assert trim[2] - trim[0] == pytest.approx(float(made.mediabox.width))
        assert trim[3] - trim[1] == pytest.approx(float(made.mediabox.height))
        assert float(page.mediabox.width) > float(made.mediabox.width)
        words = subprocess.run(["pdftotext", str(draft), "-"], capture_output=True, text=True)
        assert "样稿 DRAFT" in words.stdout and "https://www.qxdl.cn/" in words.stdout
    else:
        from PIL import Image

        with Image.open(draft) as shown, Image.open(original) as made:
            assert shown.width > made.width and shown.height > made.height


def test_a_campaign_mistake_shows_the_notice_even_on_its_missing_page_until_fixed(tmp_path):
    # From the preview's first build on (MkDocs makes it before the server starts), and
    # after each save: never a bare 404.
    root = write_site(tmp_path / "project", {"index.zh.md": page("首页", "欢迎。")})
    slug = "spring-irrigation-2027"
    shutil.copytree(PROJECT / "campaigns" / slug, root / "campaigns" / slug)
    source = root / "campaigns" / slug / "index.zh.md"
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("\ntype: ", "\ntyp: ", 1), encoding="utf-8")
    log = tmp_path / "serve.log"
    with serving(root, log) as (process, url):
        missing = f"{url}campaigns/{slug}/index.html"
        wait_for(url, lambda t: "<html" in t, "the preview", process, log)
        try:
            urllib.request.urlopen(missing, timeout=15)
            raise AssertionError("the page of a campaign left out answered")
        except urllib.error.HTTPError as error:
            shown = error.read().decode("utf-8")
            assert error.code == 404
        assert 'id="xuanchuan-preview-problem"' in shown and "typ" in shown
        assert 'id="xuanchuan-preview-problem"' in fetch(url)
        source.write_text(good, encoding="utf-8")
        fixed = wait_for(missing, lambda t: "<html" in t, "the page after the fix", process, log)
        assert 'id="xuanchuan-preview-problem"' not in fixed
        assert 'id="xuanchuan-preview-problem"' not in fetch(url)

"""The official-account articles of a real build, opened in a real Chromium from the folder
(file://): nothing fetched, every look inline, pictures at most 1080 px wide, the QR code
leading to the page, and "select all, copy" taking the article without the hint above it."""

from __future__ import annotations

import base64
import posixpath
import random
import re
import shutil
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from fixtures.browser import READABILITY, Visit, playwright_or_skip
from fixtures.campaigns import spring, spring_en, write_campaign
from fixtures.preview import serving, wait_for
from fixtures.printing import qr_codes
from fixtures.sites import fixture_config, page, run_mkdocs, tree_digest, write_site

pytestmark = pytest.mark.browser
sync_api = playwright_or_skip()

TODAY = {"XUANCHUAN_TODAY": "2026-04-10", "SOURCE_DATE_EPOCH": "1767225600"}
SITE = "https://www.qxdl.cn/union/"
SLUG = "spring-2026"
REPORT = "2026-03-05-wells"

SPRING_ZH = spring(
    """\
## 为什么要查机井

机井旁的线路容易受潮，详见[关于我们](../../about.md)和[目标](#why)。

![机井旁的开关箱](photos/well.jpg)

![宣传路线图](route.png)

!!! warning "注意"

    有人触电，先断电再救人。

<p onclick="steal()" class="lead" id="x" style="background:url(https://example.com/bg.png)">村里的大喇叭每天播两次。</p>
<script>fetch("https://example.com/track")</script>
<iframe src="https://example.com/video"></iframe>
<link rel="stylesheet" href="https://example.com/x.css">
<style>p { background: url(https://example.com/style.png) }</style>
<a href="javascript:alert(1)">坏链接</a>
<img src="https://example.com/remote.png" alt="外网的图片">
""",
    places=["石卡镇", "东河村"],
    targets=[{"label": "检查机井", "goal": 40, "unit": "眼"}],
    activities=[{"date": "2026-03-05", "title": "机井巡查"}],
)

SPRING_EN = spring_en(
    """
    ## Why we check the wells

    Wiring near wells gets damp.

    ![The switch box by the well](photos/well.jpg)
    """,
    places=["Shika Town", "Donghe Village"],
    organizer="Chengguan power station",
    targets=[{"label": "Wells inspected"}],
    activities=[{"title": "Well inspection"}],
)

REPORT_ZH = """\
---
title: 巡查了十二眼机井
date: 2026-03-05
activity: 机井巡查
place: 石卡镇
people: 40
figures:
  检查机井: 12
photos:
  - file: photos/pump.jpg
    caption: 电工在检查水泵的接地线
---

查了十二眼机井，换了三个开关箱。

![水泵房的位置](pump-house.png)
"""


def photo(path: Path, size: tuple[int, int], seed: int = 1) -> None:
    """A photo-like picture: gradients and noise, thousands of colours."""
    width, height = size
    noise = Image.frombytes("L", size, random.Random(seed).randbytes(width * height))
    channels = [Image.radial_gradient("L").resize(size), Image.linear_gradient("L").resize(size)]
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.merge("RGB", [*channels, Image.blend(channels[0], noise, 0.5)]).save(path, quality=90)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    config = fixture_config(site_url=SITE)
    config["extra"]["xuanchuan"]["print"] = {"enabled": False}
    root = write_site(
        tmp_path_factory.mktemp("wechat") / "project",
        {
            "index.zh.md": page("首页"),
            "index.en.md": page("Home"),
            "about.zh.md": page("关于我们", "城关供电所。"),
        },
        config,
    )
    folder = root / "campaigns" / SLUG
    write_campaign(
        root, SLUG, {"zh": SPRING_ZH, "en": SPRING_EN, f"reports/{REPORT}.zh.md": REPORT_ZH}
    )
    photo(folder / "photos" / "well.jpg", (2400, 1600))
    photo(folder / "reports" / "photos" / "pump.jpg", (1600, 2000), seed=2)
    route = Image.new("RGBA", (1400, 800), (0, 0, 0, 0))
    route.paste((200, 40, 40, 255), (100, 100, 1300, 160))
    route.save(folder / "route.png")
    route.save(folder / "reports" / "pump-house.png")
    result = run_mkdocs(root, env=TODAY)
    assert result.returncode == 0, result.output
    return root


@pytest.fixture(scope="module")
def site(project) -> Path:
    return project / "site"


ARTICLES = {
    f"campaigns/{SLUG}/wechat.html": f"campaigns/{SLUG}/index.html",
    f"en/campaigns/{SLUG}/wechat.html": f"en/campaigns/{SLUG}/index.html",
    f"campaigns/{SLUG}/reports/{REPORT}.wechat.html": f"campaigns/{SLUG}/reports/{REPORT}.html",
}


def read(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize(
    ("page_path", "label"),
    [
        (f"campaigns/{SLUG}/index.html", "复制到公众号"),
        (f"en/campaigns/{SLUG}/index.html", "For WeChat"),
        (f"campaigns/{SLUG}/reports/{REPORT}.html", "复制到公众号"),
    ],
)
def test_each_campaign_and_report_page_links_to_its_article(site, page_path, label):
    link = read(site, page_path).select_one(".xc-wechat a")
    assert link.get_text() == label
    target = (site / page_path).parent / link["href"]
    assert target.resolve().relative_to(site.resolve()).as_posix() in ARTICLES


# Every element of the article, and how it looks: its tag, its attributes, the pictures'
# sizes as decoded.
ELEMENTS = """() => {
  const article = document.querySelector('[data-xc-article]');
  return [...article.querySelectorAll('*')].map(e => ({
    tag: e.tagName.toLowerCase(),
    attributes: [...e.attributes].map(a => a.name),
    style: e.getAttribute('style') || '',
    width: e.tagName === 'IMG' ? e.naturalWidth : null,
    loaded: e.tagName === 'IMG' ? e.complete && e.naturalWidth > 0 : null,
  }));
}"""


@pytest.mark.parametrize("article", list(ARTICLES))
def test_the_article_opened_from_the_folder_fetches_nothing_and_is_styled_inline(
    browser, site, tmp_path, article
):
    visit = Visit(browser, site.as_uri() + "/")
    visit.open(article)
    elements = visit.page.evaluate(ELEMENTS)
    whole = visit.page.evaluate(
        "() => [...document.querySelectorAll('style, script, link, iframe, [class], [id]')]"
        ".map(e => e.outerHTML.slice(0, 80))"
    )
    readability = visit.page.evaluate(READABILITY)
    codes = visit.page.eval_on_selector_all("[data-xc-article] img", "s => s.map(e => e.src)")
    visit.close()
    itself = site.as_uri() + "/" + article
    assert [url for url in visit.requests if not url.startswith("data:")] == [itself]
    assert whole == []  # no style sheet, script, frame, class or id anywhere in the file
    for element in elements:
        if element["tag"] not in ("br", "thead", "tbody", "tfoot", "tr"):
            assert element["style"], element
        assert set(element["attributes"]) <= {
            "style", "href", "src", "alt", "width", "height", "colspan", "rowspan", "start",
        }, element  # fmt: skip
    pictures = [e for e in elements if e["tag"] == "img"]
    assert pictures and all(p["loaded"] and 0 < p["width"] <= 1080 for p in pictures), pictures
    assert readability == []
    # The last picture is the page's QR code: it leads to the page at its published address.
    data = re.match(r"data:image/png;base64,(.*)", codes[-1]).group(1)
    (tmp_path / "code.png").write_bytes(base64.b64decode(data))
    assert qr_codes(tmp_path / "code.png") == [SITE + ARTICLES[article]]


def test_the_campaign_article_holds_its_facts_pictures_and_body_but_nothing_unsafe(site):
    document = read(site, f"campaigns/{SLUG}/wechat.html")
    shown = document.select_one("[data-xc-article]")
    assert shown.h1.get_text() == "春灌安全用电宣传"
    lines = [p.get_text() for p in shown.find_all("p")]
    assert lines[:4] == [
        "时间：2026年3月1日至4月30日",
        "地点：石卡镇、东河村",
        "主办单位：城关供电所",
        "春灌开泵前，到机井和村里讲安全用电。",
    ]
    assert [h.get_text() for h in shown.find_all("h2")] == ["为什么要查机井"]
    links = {a.get_text(): a["href"] for a in shown.find_all("a")}
    assert links == {"关于我们": SITE + "about.html"}  # the anchor within the page: text
    text = shown.get_text()
    for kept in (
        "目标",
        "注意",
        "有人触电，先断电再救人。",
        "村里的大喇叭每天播两次。",
        "坏链接",
        "外网的图片",
    ):
        assert kept in text
    assert "example.com" not in str(document) and "steal" not in str(document)
    well, route, _ = shown.find_all("img")
    assert well["alt"] == "机井旁的开关箱" and well["src"].startswith("data:image/jpeg;")
    assert (well["width"], well["height"]) == ("1080", "720")
    assert route["src"].startswith("data:image/png;") and route["width"] == "1080"
    warning = next(s for s in shown.find_all("section") if "注意" in s.get_text()[:4])
    assert "border-left:4px solid" in warning["style"]


def test_the_report_article_shows_its_facts_and_photos(site):
    shown = read(site, f"campaigns/{SLUG}/reports/{REPORT}.wechat.html").select_one(
        "[data-xc-article]"
    )
    lines = [p.get_text() for p in shown.find_all("p")]
    assert lines[:7] == [
        "日期：2026年3月5日",
        "地点：石卡镇",
        "参加 40 人",
        "完成情况：检查机井 12眼",
        "所属活动：春灌安全用电宣传",
        "主办单位：城关供电所",
        "查了十二眼机井，换了三个开关箱。",
    ]
    house, pump, _ = shown.find_all("img")
    assert house["alt"] == "水泵房的位置" and house["src"].startswith("data:image/png;")
    assert (pump["width"], pump["height"]) == ("1080", "1350")
    assert "电工在检查水泵的接地线" in lines


def test_select_all_and_copy_takes_the_article_without_the_hint(browser, site):
    visit = Visit(browser, site.as_uri() + "/")
    visit.context.grant_permissions(["clipboard-read", "clipboard-write"])
    visit.open(f"campaigns/{SLUG}/wechat.html")
    visit.page.click("h1")
    visit.page.keyboard.press("Control+A")
    visit.page.keyboard.press("Control+C")
    copied = visit.page.evaluate(
        """async () => {
          const found = {};
          for (const item of await navigator.clipboard.read())
            for (const type of item.types) found[type] = await (await item.getType(type)).text();
          return found;
        }"""
    )
    hint = visit.page.inner_text("[data-xc-hint]")
    visit.close()
    assert "Ctrl+A" in hint
    html = copied["text/html"]
    assert "春灌安全用电宣传" in html and "扫码查看原文" in html
    assert html.count("data:image/") == 3  # the photo, the route drawing, the QR code
    assert hint not in html and hint not in copied["text/plain"]
    assert "class=" not in html


def test_articles_are_the_same_bytes_from_kept_pages_and_a_clean_build(project, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(project, root, symlinks=True)
    warm = run_mkdocs(root, env=TODAY, site_dir=root / "warm")
    assert warm.returncode == 0, warm.output
    assert re.search(r"Pages \(zh\): [1-9]\d* reused", warm.output), warm.output
    shutil.rmtree(root / ".cache")
    clean = run_mkdocs(root, env=TODAY, site_dir=root / "clean")
    assert clean.returncode == 0, clean.output
    assert tree_digest(root / "warm") == tree_digest(root / "clean") == tree_digest(root / "site")


def test_a_changed_photo_changes_the_article_of_a_kept_page(project, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(project, root, symlinks=True)
    before = read(root / "site", f"campaigns/{SLUG}/wechat.html").select_one("[data-xc-article]")
    # Other pixels, the same size: the page shows copies of the same names and size.
    photo(root / "campaigns" / SLUG / "photos" / "well.jpg", (2400, 1600), seed=3)
    warm = run_mkdocs(root, env=TODAY, site_dir=root / "warm")
    assert warm.returncode == 0, warm.output
    made = re.search(r"Pages \(zh\): (\d+) reused from cache, (\d+) made", warm.output)
    assert made and made.group(2) == "0", warm.output  # the page itself did not change
    article = read(root / "warm", f"campaigns/{SLUG}/wechat.html").select_one("[data-xc-article]")
    well = article.find("img")
    assert (well["width"], well["height"]) == ("1080", "720")
    assert well["src"] != before.find("img")["src"]
    shutil.rmtree(root / ".cache")
    clean = run_mkdocs(root, env=TODAY, site_dir=root / "clean")
    assert clean.returncode == 0, clean.output
    assert tree_digest(root / "warm") == tree_digest(root / "clean")


def test_a_damaged_kept_article_is_made_again_not_published(project, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(project, root, symlinks=True)
    shutil.rmtree(root / ".cache" / "xuanchuan" / "wechat")
    first = run_mkdocs(root, env=TODAY, site_dir=root / "first")
    assert first.returncode == 0, first.output
    kept = sorted((root / ".cache" / "xuanchuan" / "wechat").glob("*/*.html"))
    assert len(kept) == len(ARTICLES)
    for path in kept:  # cut short, and changed in place: both must be noticed
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2] if path == kept[0] else data.replace(b"<h1", b"<h2"))
    again = run_mkdocs(root, env=TODAY, site_dir=root / "again")
    assert again.returncode == 0, again.output
    assert f"Cache: {len(kept)} damaged entries made again" in again.output, again.output
    for article in ARTICLES:
        assert (root / "again" / article).read_bytes() == (root / "site" / article).read_bytes()


def test_the_preview_serves_the_articles_photos_and_search_the_build_publishes(
    project, site, tmp_path
):
    # Served from where they are kept, not copied into the preview's site on every save.
    report = f"campaigns/{SLUG}/reports/{REPORT}.html"
    gallery = read(site, report).select_one(".xc-gallery img")
    photos = [
        posixpath.normpath(posixpath.join(posixpath.dirname(report), part.split()[0]))
        for part in gallery["srcset"].split(",")
    ]
    # The search, made when first asked for, is the build's too.
    search = ["search/xc/meta.js", "search/xc/s0.js", "en/search/xc/d0.js"]
    log = tmp_path / "serve.log"
    with serving(project, log, env=TODAY) as (process, url):
        wait_for(url + report, lambda text: "<html" in text, "the preview", process, log)
        for path in [*ARTICLES, *photos, *search]:
            with urllib.request.urlopen(url + path, timeout=15) as answer:
                assert answer.read() == (site / path).read_bytes(), path


def test_a_team_without_an_official_account_turns_articles_off(tmp_path, project):
    root = tmp_path / "p"
    shutil.copytree(project, root, symlinks=True)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(r"(?m)^( +)xuanchuan:\n", config)
    on = found.group(1) * 2 + "wechat_articles: false\n"
    (root / "mkdocs.yml").write_text(config.replace(found.group(), found.group() + on, 1))
    result = run_mkdocs(root, env=TODAY, site_dir=root / "plain")
    assert result.returncode == 0, result.output
    assert not list((root / "plain").glob("**/*wechat*"))
    for page_path in ARTICLES.values():
        shown = read(root / "plain", page_path)
        assert shown.select_one("main") and not shown.select(".xc-wechat")


def test_without_a_site_url_the_articles_have_no_qr_code_and_no_links(tmp_path, project):
    root = tmp_path / "p"
    shutil.copytree(project, root, symlinks=True)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(re.sub(r"(?m)^site_url:.*\n", "", config), encoding="utf-8")
    # Not strict: without an address the site builds, its print files marked as drafts.
    result = run_mkdocs(root, env=TODAY, site_dir=root / "unpublished", strict=False)
    assert result.returncode == 0, result.output
    assert "no site address is set" in result.output
    shown = read(root / "unpublished", f"campaigns/{SLUG}/wechat.html").select_one(
        "[data-xc-article]"
    )
    assert len(shown.find_all("img")) == 2  # the photo and the drawing, no QR code
    assert not shown.find_all("a") and "关于我们" in shown.get_text()
    assert "扫码查看原文" not in shown.get_text()

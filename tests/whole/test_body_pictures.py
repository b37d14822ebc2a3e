"""The pictures and files campaign and report bodies refer to, in a real build: pictures as
web-sized copies in srcset, originals never published for a picture only shown, every file
published once, in the default language's site, and the English pages pointing there."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from fixtures.campaigns import spring, spring_en
from fixtures.sites import fixture_config, page, run_mkdocs, tree_digest, write_site

SPRING_ZH = spring(
    """
    ## 机井

    ![机井旁的配电箱](images/well.jpg)

    [![水泵房](images/pump.jpg)](images/pump.jpg)

    <img src="images/map.png" alt="村里的机井分布">

    ![提醒](images/blink.gif)

    [报名表](forms/form.pdf)
    """,
    title="春灌安全用电",
    summary="开泵前到机井和村里讲安全用电。",
    start="2027-03-01",
    end="2027-04-30",
    organizer=None,
    poster={"points": ["先断电再救人"], "image": {"file": "images/poster.jpg", "focus": "top"}},
)

SPRING_EN = spring_en(
    """
    ## Wells

    ![The switch box by the well](images/well.jpg)

    ![Who we reached](images/chart-en.png)

    ![Reminder](images/blink.gif)

    [Sign-up form](forms/form.pdf#page=1)
    """,
    summary="Before the pumps start we visit the wells.",
)

VISIT_ZH = """\
---
title: 东河村走访
date: 2027-03-10
---

![村民围着电工](photos/crowd.jpg)
"""


def jpeg(width: int, height: int, colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "JPEG", quality=90)
    return out.getvalue()


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (width, height), (20, 120, 200, 128)).save(out, "PNG")
    return out.getvalue()


def gif() -> bytes:
    out = io.BytesIO()
    frames = [Image.new("P", (60, 40), colour) for colour in (1, 2)]
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=300, loop=0)
    return out.getvalue()


def make_project(root: Path) -> Path:
    config = fixture_config()
    config["extra"]["xuanchuan"]["print"] = {"enabled": False}
    write_site(root, {"index.zh.md": page("首页"), "index.en.md": page("Home")}, config)
    folder = root / "campaigns" / "spring-2027"
    files = {
        "index.zh.md": SPRING_ZH,
        "index.en.md": SPRING_EN,
        "images/well.jpg": jpeg(3000, 2000, "#2a7"),
        "images/pump.jpg": jpeg(1200, 900, "#a72"),
        "images/poster.jpg": jpeg(2400, 1600, "#27a"),
        "images/map.png": png(800, 600),
        "images/chart-en.png": png(600, 400),
        "images/blink.gif": gif(),
        "images/unused.jpg": jpeg(100, 100, "#777"),
        "forms/form.pdf": b"%PDF-1.4\n%%EOF\n",
        "reports/2027-03-10-visit.zh.md": VISIT_ZH,
        "reports/photos/crowd.jpg": jpeg(2000, 1500, "#c33"),
    }
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("pictures") / "project")
    result = run_mkdocs(root)
    assert result.returncode == 0, result.output
    return result.site


CAMPAIGN = "campaigns/spring-2027"


def read(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


def picture(doc: BeautifulSoup, alt: str):
    found = doc.select("article img")
    return next(img for img in found if img.get("alt") == alt)


def copies(site: Path, page: str, img) -> list[tuple[Path, int]]:
    """Each file of the picture's srcset, resolved from the page, with its stated width."""
    folder = (site / page).parent
    listed = []
    for candidate in img["srcset"].split(","):
        address, width = candidate.split()
        listed.append(((folder / address).resolve(), int(width.removesuffix("w"))))
    return listed


def test_a_body_picture_is_shown_as_web_copies(built: Path):
    page = f"{CAMPAIGN}/index.html"
    img = picture(read(built, page), "机井旁的配电箱")
    listed = copies(built, page, img)
    assert [width for _, width in listed] == [480, 960, 1600]
    for path, width in listed:
        with Image.open(path) as copy:
            assert (copy.format, copy.width) == ("JPEG", width)
    assert img["src"] == "images/well-960w.jpg"
    assert (img["width"], img["height"]) == ("960", "640")
    assert img["loading"] == "lazy" and img["sizes"] == "(min-width: 76em) 45em, 100vw"


def test_originals_only_shown_are_never_published(built: Path):
    names = {path.name for path in built.rglob("*") if path.is_file()}
    # The 3000 px photo, the PNG and the report's photo are shown as copies only; the
    # poster photo is printed, not shown; an unused file stays private.
    for original in (
        "well.jpg",
        "map.png",
        "chart-en.png",
        "crowd.jpg",
        "poster.jpg",
        "unused.jpg",
    ):
        assert original not in names
    with Image.open(built / CAMPAIGN / "images/map-480w.jpg") as copy:
        assert copy.size == (480, 360)
        # Its transparent parts on white, as a page shows them.
        assert copy.getpixel((10, 10))[0] > 120


def test_every_file_is_published_once_in_the_default_language(built: Path):
    assert not (built / "en" / CAMPAIGN / "images").exists()
    assert not (built / "en" / CAMPAIGN / "forms").exists()
    published = sorted(
        path.relative_to(built / CAMPAIGN).as_posix()
        for path in (built / CAMPAIGN).rglob("*")
        if path.is_file() and not path.name.endswith(".html")
    )
    assert published == [
        "forms/form.pdf",
        "images/blink.gif",
        "images/chart-en-480w.jpg",
        "images/chart-en-600w.jpg",
        "images/map-480w.jpg",
        "images/map-800w.jpg",
        "images/pump-1200w.jpg",
        "images/pump-480w.jpg",
        "images/pump-960w.jpg",
        "images/pump.jpg",  # linked: the reader may download it
        "images/well-1600w.jpg",
        "images/well-480w.jpg",
        "images/well-960w.jpg",
        "reports/photos/crowd-1600w.jpg",
        "reports/photos/crowd-480w.jpg",
        "reports/photos/crowd-960w.jpg",
    ]


def test_english_pages_show_and_link_the_default_language_s_files(built: Path):
    zh_page, en_page = f"{CAMPAIGN}/index.html", f"en/{CAMPAIGN}/index.html"
    zh, en = read(built, zh_page), read(built, en_page)
    assert copies(built, en_page, picture(en, "The switch box by the well")) == copies(
        built, zh_page, picture(zh, "机井旁的配电箱")
    )
    chart = copies(built, en_page, picture(en, "Who we reached"))
    assert chart == [
        ((built / CAMPAIGN / f"images/chart-en-{width}w.jpg").resolve(), width)
        for width in (480, 600)
    ]
    form = en.find("a", string="Sign-up form")["href"]
    assert form == "../../../campaigns/spring-2027/forms/form.pdf#page=1"
    assert (built / "en" / CAMPAIGN / form.split("#")[0]).resolve() == (
        built / CAMPAIGN / "forms/form.pdf"
    ).resolve()
    assert zh.find("a", string="报名表")["href"] == "forms/form.pdf"


def test_a_picture_also_linked_shows_copies_and_links_its_original(built: Path):
    doc = read(built, f"{CAMPAIGN}/index.html")
    img = picture(doc, "水泵房")
    assert img.parent.name == "a" and img.parent["href"] == "images/pump.jpg"
    assert img["src"] == "images/pump-960w.jpg"


def test_raw_html_pictures_and_gifs(built: Path):
    doc = read(built, f"{CAMPAIGN}/index.html")
    chart = picture(doc, "村里的机井分布")
    assert chart["src"] == "images/map-800w.jpg"
    assert chart["srcset"] == "images/map-480w.jpg 480w, images/map-800w.jpg 800w"
    # A GIF may move: published as it is, once.
    assert picture(doc, "提醒")["src"] == "images/blink.gif"
    english = read(built, f"en/{CAMPAIGN}/index.html")
    assert picture(english, "Reminder")["src"] == "../../../campaigns/spring-2027/images/blink.gif"


def test_a_report_body_picture_is_shown_as_web_copies(built: Path):
    page = f"{CAMPAIGN}/reports/2027-03-10-visit.html"
    img = picture(read(built, page), "村民围着电工")
    assert img["src"] == "photos/crowd-960w.jpg"
    assert [width for _, width in copies(built, page, img)] == [480, 960, 1600]
    english = f"en/{CAMPAIGN}/reports/2027-03-10-visit.html"
    assert copies(built, english, picture(read(built, english), "村民围着电工")) == copies(
        built, page, img
    )


def test_the_same_sources_give_the_same_pictures_and_pages(built: Path, tmp_path: Path):
    # Another project from the same sources, with its own cache: the same bytes.
    again = run_mkdocs(make_project(tmp_path / "again"))
    assert again.returncode == 0, again.output
    for folder in (CAMPAIGN, f"en/{CAMPAIGN}"):
        assert tree_digest(again.site / folder) == tree_digest(built / folder)
    shutil.rmtree(tmp_path / "again")


def test_a_picture_replaced_by_another_size_is_shown_at_its_new_size(built: Path, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(built.parent, root, symlinks=True)
    (root / CAMPAIGN / "images/well.jpg").write_bytes(jpeg(1000, 500, "#27a"))
    warm = run_mkdocs(root)
    assert warm.returncode == 0, warm.output
    img = picture(read(warm.site, f"{CAMPAIGN}/index.html"), "机井旁的配电箱")
    # Copies at 480, 960 and its own 1000 px, and the page's size attributes follow.
    assert (img["src"], img["width"], img["height"]) == ("images/well-960w.jpg", "960", "480")
    assert img["srcset"].endswith("images/well-1000w.jpg 1000w")
    assert not (warm.site / CAMPAIGN / "images/well-1600w.jpg").exists()

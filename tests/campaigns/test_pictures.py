"""Bad pictures and private files in campaign folders: what the team is told, and what the
site publishes from a folder.

Each case is a campaign folder checked on its own for its exact messages; the campaign is
left out and the good one next to it still loads. Pictures are real files: a JPEG cut in
half, a PNG whose header claims 900 million pixels, an SVG with a script, links.
"""

from __future__ import annotations

import os
import struct
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from xuanchuan.campaigns.attachments import body_references
from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.images import check_image
from xuanchuan.core.settings import load_settings
from xuanchuan.site.files.body_files import body_files

# poster.image is on line 8 when a case adds it; a picture a case adds to the body is on
# line 14.
GOOD = """\
---
title: 春灌安全用电
type: safe-electricity
summary: 开泵前讲安全用电。
start: 2027-03-01
poster:
  points: [先断电再救人]
---

## 正文

机井旁的线路容易受潮。
"""

GOOD_EN = """\
---
title: Safe electricity for spring irrigation
summary: Before the pumps start.
---

## Body

Wells get damp.
"""


def with_poster(name: str) -> str:
    return GOOD.replace("  points: [先断电再救人]\n", f"  points: [先断电再救人]\n  image: {name}\n")


def with_body(text: str, source: str = GOOD) -> str:
    return source + "\n" + text + "\n"


def photo(kind: str = "JPEG", size=(64, 48)) -> bytes:
    out = BytesIO()
    Image.effect_noise(size, 40).convert("RGB").save(out, kind)
    return out.getvalue()


def cut_in_half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def png_header(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b""))


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
DOCX = b"PK\x03\x04\x14\x00\x06\x00" + b"\0" * 200  # an office file renamed .jpg
CUT = ("is damaged or cut short (perhaps it was not copied completely): expected the whole "
       "picture: copy it again from the original")

# (case id, folder, {file: text or bytes}, expected messages)
CASES = [
    ("poster-cut-short", "p-cut",
     {"index.zh.md": with_poster("photo.jpg"), "photo.jpg": cut_in_half(photo(size=(800, 600)))},
     [f'campaigns/p-cut/index.zh.md, line 8: poster.image: "photo.jpg" {CUT}']),
    ("poster-decompression-bomb", "p-bomb",
     {"index.zh.md": with_poster("photo.png"), "photo.png": png_header(30000, 30000)},
     ['campaigns/p-bomb/index.zh.md, line 8: poster.image: "photo.png" claims to be a picture '
      "of hundreds of millions of pixels (a damaged or deliberately made file): expected a "
      "photo of at most 40 million pixels"]),
    ("poster-over-the-pixel-limit", "p-pixels",
     {"index.zh.md": with_poster("photo.png"), "photo.png": png_header(10000, 10000)},
     ['campaigns/p-pixels/index.zh.md, line 8: poster.image: "photo.png" is 10000x10000 '
      "pixels: expected at most 40 million pixels"]),
    ("poster-svg", "p-svg",
     {"index.zh.md": with_poster("poster.svg"), "poster.svg": SVG},
     ['campaigns/p-svg/index.zh.md, line 8: poster.image: "poster.svg" is an SVG drawing: '
      "expected a JPEG or PNG photo (export the drawing as PNG)"]),
    ("poster-svg-named-png", "p-svg-png",
     {"index.zh.md": with_poster("poster.png"), "poster.png": b"<?xml version='1.0'?>\n" + SVG},
     ['campaigns/p-svg-png/index.zh.md, line 8: poster.image: "poster.png" is an SVG drawing: '
      "expected a JPEG or PNG photo (export the drawing as PNG)"]),
    ("poster-office-file-named-jpg", "p-docx",
     {"index.zh.md": with_poster("photo.jpg"), "photo.jpg": DOCX},
     ['campaigns/p-docx/index.zh.md, line 8: poster.image: "photo.jpg" is not an image: '
      "expected a JPEG or PNG photo"]),
    ("poster-bmp", "p-bmp",
     {"index.zh.md": with_poster("photo.bmp"), "photo.bmp": photo("BMP")},
     ['campaigns/p-bmp/index.zh.md, line 8: poster.image: "photo.bmp" is not an image: '
      "expected a JPEG or PNG photo"]),
    ("body-picture-missing", "p-body-missing",
     {"index.zh.md": with_body("![机井](images/well.jpg)")},
     ['campaigns/p-body-missing/index.zh.md, line 14: "images/well.jpg" does not exist: '
      "expected an image file in p-body-missing/"]),
    ("body-picture-outside", "p-body-outside",
     {"index.zh.md": with_body("![别人的图](../p-good/photo.jpg)")},
     ['campaigns/p-body-outside/index.zh.md, line 14: "../p-good/photo.jpg" is outside the '
      "campaign folder: expected the image to be inside p-body-outside/"]),
    ("body-picture-absolute", "p-body-absolute",
     {"index.zh.md": with_body("![系统文件](/etc/hosts)")},
     ['campaigns/p-body-absolute/index.zh.md, line 14: "/etc/hosts" is an absolute path: '
      "expected a path relative to the campaign folder, such as photo.jpg"]),
    ("body-picture-cut-short-in-subfolder", "p-body-cut",
     {"index.zh.md": with_body("文字。\n\n![地图](images/map.png)"),
      "images/map.png": cut_in_half(photo("PNG", (300, 200)))},
     [f'campaigns/p-body-cut/index.zh.md, line 16: "images/map.png" {CUT}']),
    ("body-picture-svg", "p-body-svg",
     {"index.zh.md": with_body("![示意图](drawing.svg)"), "drawing.svg": SVG},
     ['campaigns/p-body-svg/index.zh.md, line 14: "drawing.svg" is an SVG drawing: expected a '
      "JPEG or PNG photo (export the drawing as PNG)"]),
    ("body-picture-not-an-image", "p-body-text",
     {"index.zh.md": with_body("![照片](photo.jpg)"), "photo.jpg": "不是图片".encode()},
     ['campaigns/p-body-text/index.zh.md, line 14: "photo.jpg" is not an image: expected a '
      "JPEG or PNG photo"]),
    ("body-raw-html-picture-missing", "p-body-html",
     {"index.zh.md": with_body('<img src="map.png" alt="地图">')},
     ['campaigns/p-body-html/index.zh.md, line 14: "map.png" does not exist: expected an image '
      "file in p-body-html/"]),
    ("body-reference-style-picture-missing", "p-body-reference",
     {"index.zh.md": with_body("![地图][map]\n\n[map]: gone.png")},
     ['campaigns/p-body-reference/index.zh.md, line 16: "gone.png" does not exist: expected an '
      "image file in p-body-reference/"]),
    ("translation-body-picture-missing", "p-translation",
     {"index.zh.md": GOOD, "index.en.md": with_body("![Well](well-en.jpg)", GOOD_EN)},
     ['campaigns/p-translation/index.en.md, line 10: "well-en.jpg" does not exist: expected an '
      "image file in p-translation/"]),
    ("body-picture-linked-from-another-campaign", "p-linked",
     {"index.zh.md": with_body("![机井](photo.jpg)"),
      "photo.jpg": lambda folder: os.symlink("../p-good/photo.jpg", folder / "photo.jpg")},
     ['campaigns/p-linked/index.zh.md, line 14: "photo.jpg" is a link to a file outside '
      "p-linked/: expected the picture itself in the folder (copy it there instead of linking "
      "to it)"]),
]


def write_case(root: Path, folder: str, files: dict) -> Path:
    target = root / "campaigns" / folder
    target.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(target)
        else:
            data = content.encode("utf-8") if isinstance(content, str) else content
            (target / name).write_bytes(data)
    return target


def load(root: Path):
    return load_campaigns(load_settings(None), root)


@pytest.mark.parametrize(
    ("folder", "files", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_each_bad_picture_gets_its_exact_message(tmp_path: Path, folder, files, expected):
    write_case(tmp_path, "p-good", {"index.zh.md": with_poster("photo.jpg"), "photo.jpg": photo()})
    write_case(tmp_path, folder, files)
    loaded = load(tmp_path)
    assert [str(problem) for problem in loaded.problems] == expected
    assert sorted(loaded.campaigns) == ["p-good"]
    assert loaded.left_out == [folder]


def test_a_link_to_a_file_outside_the_project_is_refused(tmp_path: Path):
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "photo.jpg").write_bytes(photo())
    folder = write_case(project, "p-escape", {"index.zh.md": with_poster("photo.jpg")})
    os.symlink(elsewhere / "photo.jpg", folder / "photo.jpg")
    loaded = load(project)
    assert [str(problem) for problem in loaded.problems] == [
        f"campaigns/p-escape/photo.jpg: is a link to {elsewhere.resolve()}/photo.jpg, outside "
        "the project: expected the file or folder itself inside the project (copy it here "
        "instead of linking to it)"
    ]
    assert loaded.left_out == ["p-escape"]


def test_a_campaign_folder_linked_from_outside_the_project_is_refused(tmp_path: Path):
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    write_case(tmp_path, "../elsewhere/p-away", {"index.zh.md": GOOD})
    (project / "campaigns").mkdir(parents=True)
    os.symlink(elsewhere / "p-away", project / "campaigns" / "p-away")
    loaded = load(project)
    assert [str(problem) for problem in loaded.problems] == [
        f"campaigns/p-away: is a link to {elsewhere.resolve()}/p-away, outside the project: "
        "expected the file or folder itself inside the project (copy it here instead of "
        "linking to it)"
    ]
    assert loaded.campaigns == {} and loaded.left_out == ["p-away"]


def test_links_inside_the_project_and_pictures_that_are_not_files_are_fine(tmp_path: Path):
    body = "\n".join([
        "![机井](images/well.jpg) ![同一张](images/../images/well.jpg)",
        "![空格](my%20photo.png) ![远程](https://example.org/a.png)",
        "`![代码](inline.png)`",
        "```", "![围栏代码](fenced.png)", "```",
        "[报名表](form.pdf) [另一页](../p-other/index.md) [锚点](#正文) [邮件](mailto:a@b.cn)",
    ])
    folder = write_case(tmp_path, "p-fine", {
        "index.zh.md": with_body(body, with_poster("photo.jpg")),
        "photo.jpg": photo(), "images/well.jpg": photo(), "my photo.png": photo("PNG"),
        "form.pdf": b"%PDF-1.4\n",
    })
    os.symlink("photo.jpg", folder / "same-photo.jpg")
    loaded = load(tmp_path)
    assert loaded.problems == [] and sorted(loaded.campaigns) == ["p-fine"]


def test_only_what_the_pages_use_is_published(tmp_path: Path):
    body = "![机井](images/well.jpg)\n\n<img src=\"my%20map.png\">\n\n[报名表](forms/form.pdf)"
    folder = write_case(tmp_path, "p-private", {
        "index.zh.md": with_body(body, with_poster("photo.jpg")),
        "photo.jpg": photo(), "images/well.jpg": photo(), "my map.png": photo("PNG"),
        "forms/form.pdf": b"%PDF-1.4\n",
        # Never referenced, never published:
        "index.zh.md~": GOOD, "#index.zh.md#": GOOD, "index.zh.md.bak": GOOD,
        ".index.zh.md.swp": b"\0", "plan.docx": DOCX, "budget.xlsx": DOCX, "evil.svg": SVG,
        "notes.txt": "内部", "images/unused.png": photo("PNG"), ".git/config": "[core]",
    })
    loaded = load(tmp_path)
    assert loaded.problems == []
    campaign = loaded.campaigns["p-private"]["zh"]
    # The poster photo is printed, not shown: a page that shows it names it in its body.
    published = body_files([campaign], {})
    assert [file.original.relative_to(folder).as_posix() for file in published] == [
        "forms/form.pdf", "images/well.jpg", "my map.png"]


def test_what_any_language_s_body_shows_is_published_once(tmp_path: Path):
    write_case(tmp_path, "p-two", {
        "index.zh.md": with_body("![图](zh.png)"), "zh.png": photo("PNG"),
        "index.en.md": with_body("![Picture](en.png)", GOOD_EN), "en.png": photo("PNG"),
    })
    versions = load(tmp_path).campaigns["p-two"]
    assert [file.key for file in body_files(versions.values(), {})] == [
        "campaigns/p-two/en.png", "campaigns/p-two/zh.png"]


def test_body_references_name_local_files_only():
    body = ("![a](a.png) [b](docs/b.pdf?x=1#top) [c](c.md) [d](http://x.org/d.png) "
            "[e](#e) <video src=\"clip.mp4\"></video> ![f](f%C3%A9.jpg)")
    assert [(r.target, r.is_picture) for r in body_references(body)] == [
        ("a.png", True), ("docs/b.pdf", False), ("clip.mp4", False), ("fé.jpg", True)]


def test_a_whole_photo_from_a_phone_passes_quickly(tmp_path: Path):
    import time

    Image.effect_noise((4000, 3000), 60).convert("RGB").save(tmp_path / "big.jpg", quality=90)
    start = time.perf_counter()
    assert check_image(tmp_path, "big.jpg") is None
    assert time.perf_counter() - start < 1.0


def test_the_catalogue_is_long_enough():
    assert len(CASES) >= 15
    assert len({case[1] for case in CASES}) == len(CASES)


def test_a_picture_named_with_other_capitals_gets_the_real_name(tmp_path: Path):
    folder = tmp_path / "meeting"
    folder.mkdir()
    Image.new("RGB", (40, 30), "red").save(folder / "Village-Meeting.jpg")
    assert str(check_image(folder, "village-meeting.jpg")) == (
        '"village-meeting.jpg" does not exist (did you mean "Village-Meeting.jpg"?): '
        "expected an image file in meeting/"
    )

"""The campaign photo in print: every crop placed by its focus, read back from the pixels of
real posters and share images; the warning for a photo too coarse for the paper, with its
numbers, in the build, in --strict and in a print pack."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from fixtures.printing import page_picture
from fixtures.sites import PROJECT, fixture_config, page, run_bounded, run_mkdocs, write_site
from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.settings import load_settings
from xuanchuan.core.strings import Translator
from xuanchuan.printing.formats.on_request import MoreFormats
from xuanchuan.printing.jobs.plan import PrintChoices, plan_print_files
from xuanchuan.printing.layouts import load_layouts

# Five bands down the photo, 360 px each; the left 40% of each is a darker shade of it.
BANDS = [(220, 40, 40), (240, 200, 40), (40, 170, 70), (40, 90, 210), (150, 50, 170)]
DARK = [tuple(channel // 2 for channel in colour) for colour in BANDS]
SIDE = 1800


def banded_photo() -> bytes:
    image = Image.new("RGB", (SIDE, SIDE))
    band = SIDE // len(BANDS)
    for number, (bright, dark) in enumerate(zip(BANDS, DARK, strict=True)):
        image.paste(bright, (0, number * band, SIDE, (number + 1) * band))
        image.paste(dark, (0, number * band, SIDE * 2 // 5, (number + 1) * band))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def plain_photo(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "#3b7").save(out, "JPEG", quality=80)
    return out.getvalue()


def campaign(title: str, image: str) -> str:
    return f"""\
---
title: {title}
type: safe-electricity
summary: 春灌开泵前讲安全用电。
start: 2027-03-01
poster:
  headline: {title}
  points: [先断电再救人]
{image}---

正文。
"""


def colour_at(picture: Image.Image, x: int, y: int) -> tuple[str, int]:
    """Which band (and shade) a pixel shows: ("bright", 2) is the middle band, light."""
    pixel = picture.convert("RGB").getpixel((x, y))
    shades = [("bright", n, c) for n, c in enumerate(BANDS)] + [
        ("dark", n, c) for n, c in enumerate(DARK)
    ]
    shade, number, colour = min(
        shades, key=lambda s: sum((a - b) ** 2 for a, b in zip(s[2], pixel, strict=True))
    )
    assert sum((a - b) ** 2 for a, b in zip(colour, pixel, strict=True)) < 40**2, pixel
    return shade, number


FOCUSES = {
    "focus-top": "  image:\n    file: photo.jpg\n    focus: top\n",
    "focus-bottom": "  image:\n    file: photo.jpg\n    focus: bottom\n",
    "focus-point": '  image: {file: photo.jpg, focus: "50% 70%"}\n',
    "focus-none": "  image: photo.jpg\n",
    "focus-left": "  image: {file: photo.jpg, focus: left}\n",
}


@pytest.fixture(scope="module")
def focused(tmp_path_factory) -> Path:
    config = fixture_config()
    config["extra"]["xuanchuan"]["print"] = {"poster_sizes": ["A4"], "leaflets": False}
    root = write_site(
        tmp_path_factory.mktemp("focus") / "project",
        {"index.zh.md": page("首页"), "index.en.md": page("Home")},
        config,
    )
    for slug, image in FOCUSES.items():
        folder = root / "campaigns" / slug
        folder.mkdir(parents=True)
        (folder / "index.zh.md").write_text(campaign("春灌安全用电", image), encoding="utf-8")
        (folder / "photo.jpg").write_bytes(banded_photo())
    result = run_mkdocs(root)
    assert result.returncode == 0, result.output
    return result.site


# The portrait poster's photo box is 210 x 72 mm from 104 mm down: in its 1080 px PNG, rows
# 535 to 905. The 1800 px square photo fills it with a strip 617 px high, full width.
BOX_ROWS = (545, 720, 895)  # near its top, its middle, near its bottom


@pytest.mark.slow
@pytest.mark.parametrize(
    ("slug", "bands"),
    [
        ("focus-top", (0, 0, 1)),  # the strip from the top: rows 0-617
        ("focus-bottom", (3, 4, 4)),  # the strip at the bottom: rows 1183-1800
        ("focus-point", (2, 3, 4)),  # centred on row 1260 (70% down): rows 951-1569
        ("focus-none", (1, 2, 3)),  # the middle: rows 591-1209
    ],
)
def test_the_poster_shows_the_part_of_the_photo_its_focus_names(focused: Path, slug, bands):
    with Image.open(focused / f"campaigns/{slug}/{slug}-poster-zh.png") as poster:
        assert poster.width == 1080
        shown = [colour_at(poster, 800, row) for row in BOX_ROWS]
        # The whole width is kept: the left of the photo is its dark part.
        assert colour_at(poster, 100, BOX_ROWS[1]) == ("dark", bands[1])
    assert shown == [("bright", band) for band in bands]


@pytest.mark.slow
def test_the_print_pdf_is_cropped_by_the_same_focus(focused: Path, tmp_path: Path):
    for slug, middle in (("focus-top", 0), ("focus-bottom", 4)):
        pdf = focused / f"campaigns/{slug}/{slug}-poster-A4-zh.pdf"
        with Image.open(page_picture(pdf, 1, tmp_path / f"{slug}.png", dpi=50)) as picture:
            # 50 dpi: the photo box is rows 205 to 346; its middle is row 276.
            assert colour_at(picture, 300, 276) == ("bright", middle)


@pytest.mark.slow
def test_a_tall_box_is_cropped_across_by_the_focus(focused: Path):
    # The share image's photo box is 440 x 630 px at the right: the photo keeps 1257 of its
    # 1800 px across. Kept from the left edge, the box's middle is in the dark part.
    for slug, shade in (("focus-left", "dark"), ("focus-none", "bright")):
        with Image.open(focused / f"campaigns/{slug}/{slug}-share-zh.png") as share:
            assert colour_at(share, 980, 315) == (shade, 2)


@pytest.mark.slow
def test_the_pdf_keeps_the_photo_s_own_pixels_as_a_jpeg(focused: Path):
    pdf = focused / "campaigns/focus-top/focus-top-poster-A4-zh.pdf"
    listed = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    images = [line.split() for line in listed]
    # page num type width height color comp bpc enc ...: the strip of the photo at its own
    # 1800 px (218 dpi on A4), stored as a JPEG.
    assert [(row[3], row[4], row[8]) for row in images if row[2] == "image"] == [
        ("1800", "617", "jpeg")
    ]


# -- resolution ------------------------------------------------------------------------------


def plan(root: Path, sizes: tuple[str, ...], more: MoreFormats | None = None):
    settings = load_settings(None)
    campaigns = load_campaigns(settings, root)
    assert campaigns.problems == []
    _, problems = plan_print_files(
        campaigns,
        translators={code: Translator(code, ("zh",)) for code in settings.codes},
        layouts=load_layouts(PROJECT / "overrides", PROJECT),
        qr_address=lambda campaign: "https://example.org/",
        cache_dir=root / "cache",
        choices=PrintChoices(sizes=sizes, full_resolution=False, more=more),
    )
    return [str(problem) for problem in problems]


# A 1600 px photo in the portrait poster's full-width box (297 mm on A3): 136.8 dpi.
COARSE_A3 = (
    "campaigns/spring/index.zh.md, line 9: poster.image: prints at 136 dpi on the A3 poster: "
    "expected at least 150 dpi; this photo suits A4 at most (use a photo of at least "
    "1754 × 602 px for A3)"
)


def coarse_project(root: Path, english: str | None = None) -> Path:
    folder = root / "campaigns" / "spring"
    folder.mkdir(parents=True)
    (folder / "index.zh.md").write_text(
        campaign("春灌安全用电", "  image: photo.jpg\n"), encoding="utf-8"
    )
    (folder / "photo.jpg").write_bytes(plain_photo(1600, 1067))
    if english is not None:
        (folder / "index.en.md").write_text(english, encoding="utf-8")
        (folder / "small.jpg").write_bytes(plain_photo(1000, 800))
    return root


def test_a_photo_too_coarse_for_a3_is_named_with_its_numbers_once(tmp_path: Path):
    # The English poster prints the same photo: one warning for both.
    assert plan(coarse_project(tmp_path), ("A4", "A3")) == [COARSE_A3]


def test_the_same_photo_is_fine_on_a4(tmp_path: Path):
    assert plan(coarse_project(tmp_path), ("A4",)) == []


def test_a_translation_s_own_photo_is_named_in_its_own_file(tmp_path: Path):
    english = (
        "---\ntitle: Spring irrigation\nsummary: Before the pumps start.\nposter:\n"
        "  points: [Cut the power first]\n  image:\n    file: small.jpg\n    focus: top\n---\n"
    )
    # 1000 px across 210 mm (A4) is 120 dpi; on A4 landscape (87 mm box) it is plenty.
    assert plan(coarse_project(tmp_path, english), ("A4", "A4-landscape")) == [
        "campaigns/spring/index.en.md, line 7: poster.image.file: prints at 120 dpi on the A4 "
        "poster: expected at least 150 dpi; this photo suits A5 at most (use a photo of at "
        "least 1241 × 426 px for A4)"
    ]


def test_a_photo_too_small_for_any_paper_says_so(tmp_path: Path):
    folder = coarse_project(tmp_path) / "campaigns" / "spring"
    (folder / "photo.jpg").write_bytes(plain_photo(200, 150))
    assert plan(tmp_path, ("A4",)) == [
        "campaigns/spring/index.zh.md, line 9: poster.image: prints at 24 dpi on the A4 "
        "poster: expected at least 150 dpi, which this photo gives on no paper down to A6 "
        "(use a photo of at least 1241 × 426 px for A4)",
        # The leaflet's cover shows it too, in a 99 x 68 mm box; a leaflet has one size.
        "campaigns/spring/index.zh.md, line 9: poster.image: prints at 51 dpi on the leaflet: "
        "expected at least 150 dpi (use a photo of at least 585 × 402 px)",
    ]


def test_a_display_board_asks_100_dpi_of_its_photo(tmp_path: Path):
    # The 90 x 120 cm board's photo box is 90 x 28 cm: 1600 px across it is 45 dpi. A board
    # is read from a step or two away: 100 dpi is asked of it, not a poster's 150.
    board = MoreFormats(formats=("board",))
    assert plan(coarse_project(tmp_path / "small"), ("A4",), board) == [
        "campaigns/spring/index.zh.md, line 9: poster.image: prints at 45 dpi on the 90x120 "
        "display board: expected at least 100 dpi (use a photo of at least 3544 × 1103 px)"
    ]
    # A phone's 4000 px photo prints at 112 dpi there: no warning.
    folder = coarse_project(tmp_path / "phone") / "campaigns" / "spring"
    (folder / "photo.jpg").write_bytes(plain_photo(4000, 3000))
    assert plan(tmp_path / "phone", ("A4",), board) == []


@pytest.mark.slow
def test_strict_fails_on_a_coarse_photo_a_normal_build_warns_and_a_pack_is_made(tmp_path):
    config = fixture_config()
    config["extra"]["xuanchuan"]["print"] = {"poster_sizes": ["A4", "A3"], "leaflets": False}
    root = coarse_project(
        write_site(
            tmp_path / "project", {"index.zh.md": page("首页"), "index.en.md": page("Home")}, config
        )
    )
    strict = run_mkdocs(root)
    assert strict.returncode == 1
    assert f"WARNING -  {COARSE_A3}" in strict.output
    assert "The build stopped: 1 problem" in strict.output
    normal = run_mkdocs(root, strict=False)
    assert normal.returncode == 0, normal.output
    assert normal.output.count("prints at 136 dpi") == 1
    assert (normal.site / "campaigns/spring/spring-poster-A3-zh.pdf").is_file()
    done = run_bounded(
        [sys.executable, "-m", "xuanchuan.cli", "print-pack", "--size", "A3", "-o", "pack.pdf"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "XUANCHUAN_LANG": "zh"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == (
        "注意：campaigns/spring/index.zh.md 第 9 行: poster.image: 在A3 海报上只有 136 dpi："
        "至少应为 150 dpi；这张照片最大只适合 A4（A3 请用至少 1754 × 602 像素的照片）\n"
    )
    assert (root / "pack.pdf").is_file()

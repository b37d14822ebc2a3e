"""Print-shop PDFs: a bleed round the paper size, crop marks beyond it, TrimBox and BleedBox.

Drawn here in this process from the project's own layouts, and read back as a print shop's
software would: the page boxes with pypdf, the ink with poppler, the QR code with zbar.
"""

from __future__ import annotations

import hashlib
import io
import math
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from fixtures.printing import page_picture, pdf_fonts, pdf_text, qr_codes
from xuanchuan.printing.content import PosterContent
from xuanchuan.printing.drawing import MARK_MARGIN, Style
from xuanchuan.printing.formats.poster import render_pdf
from xuanchuan.printing.layouts import load_layouts

PROJECT = Path(__file__).resolve().parents[2]
LAYOUTS = load_layouts(PROJECT / "overrides", PROJECT)
COLOURS = LAYOUTS.colours_for("union-work")
STYLE = Style(COLOURS, {"regular": ("Noto Sans CJK SC", False), "bold": ("Noto Sans CJK SC", True)})
MM = 72 / 25.4
URL = "https://example.org/union/s/k3.html"
PHOTO_COLOUR = (51, 102, 204)


def photo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), PHOTO_COLOUR).save(buffer, "PNG")
    return buffer.getvalue()


CONTENT = PosterContent(
    kind="union-work",
    title="五一职工运动会",
    headline="五一职工运动会",
    subheadline="气排球和拔河，欢迎各单位报名",
    points=("报名到区总工会", "赛前做好热身"),
    dates="2027年5月1日",
    hotline="热线 12351",
    organization="河湾区总工会",
    summary="五月一日在区体育馆举行。",
    url=URL,
    qr_caption="扫码查看详情",
    photo=photo(),
    body=({"kind": "p", "text": "五月一日上午在区体育馆举行气排球比赛。"},),
)

# (layout, paper, the paper in mm)
ITEMS = [
    ("poster-portrait", "A4", (210, 297)),
    ("poster-landscape", "A3-landscape", (420, 297)),
    ("leaflet", "A4-landscape", (297, 210)),
]


def draw(tmp_path: Path, shape: str, paper: str, bleed: float) -> Path:
    path = tmp_path / f"{shape}-{paper}-{bleed:g}.pdf"
    path.write_bytes(render_pdf(LAYOUTS.formats[shape], STYLE, CONTENT, paper, bleed))
    return path


@pytest.mark.parametrize(("shape", "paper", "size"), ITEMS)
def test_the_trim_box_is_the_paper_and_the_bleed_box_three_millimetres_round_it(
    tmp_path, shape, paper, size
):
    pages = PdfReader(draw(tmp_path, shape, paper, 3)).pages
    assert len(pages) == len(LAYOUTS.formats[shape].sides)
    width, height = size
    for page in pages:
        trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
        # The trim is the paper in points, to far below what any printer resolves.
        assert float(trim.width) == pytest.approx(width * MM, abs=1e-4)
        assert float(trim.height) == pytest.approx(height * MM, abs=1e-4)
        for low, grown in ((trim.left, bleed.left), (trim.bottom, bleed.bottom)):
            assert float(low) - float(grown) == pytest.approx(3 * MM, abs=1e-4)
        for high, grown in ((trim.right, bleed.right), (trim.top, bleed.top)):
            assert float(grown) - float(high) == pytest.approx(3 * MM, abs=1e-4)
        # Room for the crop marks beyond the bleed on every side.
        assert (float(media.left), float(media.bottom)) == (0, 0)
        assert float(bleed.left) == pytest.approx(MARK_MARGIN * MM, abs=1e-4)
        assert float(media.width) == pytest.approx((width + 2 * (3 + MARK_MARGIN)) * MM, abs=1e-3)
        assert float(media.height) == pytest.approx((height + 2 * (3 + MARK_MARGIN)) * MM, abs=1e-3)


def test_without_a_bleed_the_page_is_the_paper_and_has_no_trim_box(tmp_path):
    path = draw(tmp_path, "poster-portrait", "A4", 0)
    page = PdfReader(path).pages[0]
    assert "/TrimBox" not in page and "/BleedBox" not in page
    assert (round(float(page.mediabox.width), 3), round(float(page.mediabox.height), 3)) == (
        round(210 * MM, 3),
        round(297 * MM, 3),
    )
    assert path.read_bytes() == render_pdf(LAYOUTS.formats["poster-portrait"], STYLE, CONTENT, "A4")


def _boxes_px(page, dpi: float):
    """The trim and bleed boxes of a page, as pixel boxes (left, top, right, bottom) of its
    picture at ``dpi`` (PDF's y runs up, a picture's down)."""
    scale = dpi / 72
    height = float(page.mediabox.height)

    def px(box):
        return (
            float(box.left) * scale,
            (height - float(box.top)) * scale,
            float(box.right) * scale,
            (height - float(box.bottom)) * scale,
        )

    return px(page.trimbox), px(page.bleedbox)


def _mark_zones(trim, folds_px, dpi):
    """Where crop marks (and fold marks) may put ink: along the trim's lines, from a
    millimetre clear of the 3 mm bleed (a trim a little off must not show them) to the
    page's edge, with a pixel to spare either side."""
    per_mm = dpi / 25.4
    near, far = (3 + 1) * per_mm, (3 + MARK_MARGIN) * per_mm
    left, top, right, bottom = trim
    spare = 1
    zones = []
    for x, out in ((left, -1), (right, 1)):
        for y, down in ((top, -1), (bottom, 1)):
            xs = sorted((x + out * near, x + out * far))
            ys = sorted((y + down * near, y + down * far))
            zones.append((xs[0] - spare, y - spare, xs[1] + spare, y + spare))
            zones.append((x - spare, ys[0] - spare, x + spare, ys[1] + spare))
    for fold in folds_px:
        x = left + fold
        zones.append((x - spare, top - far - spare, x + spare, top - near + spare))
        zones.append((x - spare, bottom + near - spare, x + spare, bottom + far + spare))
    return zones


@pytest.mark.parametrize(("shape", "paper", "size"), ITEMS)
def test_crop_marks_are_the_only_ink_outside_the_bleed_and_the_colours_reach_into_it(
    tmp_path, shape, paper, size
):
    dpi = 200
    path = draw(tmp_path, shape, paper, 3)
    reader = PdfReader(path)
    per_mm = dpi / 25.4
    folds = [99 * per_mm, 198 * per_mm] if shape == "leaflet" else []
    for number, page in enumerate(reader.pages, start=1):
        picture = page_picture(path, number, tmp_path / f"p{number}.png", dpi, smooth=False)
        with Image.open(picture) as image:
            grey = image.convert("L")
            rgb = image.convert("RGB")
        trim, bleed = _boxes_px(page, dpi)
        zones = _mark_zones(trim, folds, dpi)
        # Each mark is there, in black...
        for zone in zones:
            assert grey.crop(_whole(zone)).getextrema()[0] < 100, (number, zone)
        # ...and nothing else is outside the bleed: blank out the bleed and the marks.
        rest = grey.copy()
        pen = ImageDraw.Draw(rest)
        for zone in [(bleed[0] - 1, bleed[1] - 1, bleed[2] + 1, bleed[3] + 1), *zones]:
            pen.rectangle(_whole(zone), fill=255)
        assert rest.getextrema()[0] > 250, (
            f"ink outside the bleed away from the marks, page {number}"
        )
        # No mark reaches into the bleed: no registration black between the trim and the
        # bleed box, where the layout's own colours are.
        for strip in _strips(trim, bleed):
            assert grey.crop(_whole(strip)).getextrema()[0] > 20, (number, strip)
        if number == 1:
            _check_bleed_colours(shape, rgb, trim, bleed)


def _whole(box):
    """A box in whole pixels that holds ``box``."""
    return (math.floor(box[0]), math.floor(box[1]), math.ceil(box[2]), math.ceil(box[3]))


def _strips(trim, bleed):
    """The bleed round the trim, as four boxes a pixel clear of both edges."""
    return [
        (bleed[0] + 1, bleed[1] + 1, trim[0] - 1, bleed[3] - 1),
        (trim[2] + 1, bleed[1] + 1, bleed[2] - 1, bleed[3] - 1),
        (bleed[0] + 1, bleed[1] + 1, bleed[2] - 1, trim[1] - 1),
        (bleed[0] + 1, trim[3] + 1, bleed[2] - 1, bleed[3] - 1),
    ]


def _near(found, expected, tolerance=6):
    return all(abs(a - b) <= tolerance for a, b in zip(found, expected, strict=True))


def _hex(colour: str):
    return tuple(int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))


def _check_bleed_colours(shape, rgb, trim, bleed):
    """Halfway into the bleed, the colours of what touches that edge of the paper."""
    left, top, right, bottom = trim
    middle_x = (left + right) / 2
    top_bleed = round((top + bleed[1]) / 2)
    bottom_bleed = round((bottom + bleed[3]) / 2)
    right_bleed = round((right + bleed[2]) / 2)
    left_bleed = round((left + bleed[0]) / 2)
    primary, accent = _hex(COLOURS["primary"]), _hex(COLOURS["accent"])
    if shape == "poster-portrait":
        # The headline's band at the top, the accent strip at the foot, the photo across.
        assert _near(rgb.getpixel((round(middle_x), top_bleed)), primary)
        assert _near(rgb.getpixel((round(middle_x), bottom_bleed)), accent)
        photo_y = round(top + (bottom - top) * 140 / 297)
        assert _near(rgb.getpixel((left_bleed, photo_y)), PHOTO_COLOUR, 12)
        assert _near(rgb.getpixel((right_bleed, photo_y)), PHOTO_COLOUR, 12)
    elif shape == "poster-landscape":
        assert _near(rgb.getpixel((round(middle_x), top_bleed)), primary)
        assert _near(rgb.getpixel((left_bleed, round(top + 10))), primary)
        assert _near(rgb.getpixel((round(middle_x), bottom_bleed)), accent)
    else:
        # The leaflet's cover panel, at the right of its outer side.
        panel_y = round(top + (bottom - top) * 50 / 210)
        assert _near(rgb.getpixel((right_bleed, panel_y)), primary)
        assert _near(rgb.getpixel((round(left + (right - left) * 250 / 297), top_bleed)), primary)
        assert _near(rgb.getpixel((round(left + (right - left) * 250 / 297), bottom_bleed)), accent)


def test_with_a_bleed_fonts_are_embedded_text_is_real_and_the_qr_code_reads(tmp_path):
    path = draw(tmp_path, "poster-portrait", "A3", 3)
    fonts = pdf_fonts(path)
    assert fonts and all(row[-5:-3] == ["yes", "yes"] for row in fonts), fonts
    text = pdf_text(path)
    assert "五一职工运动会" in text and "报名到区总工会" in text and "热线12351" in text
    picture = page_picture(path, 1, tmp_path / "qr.png", 200)
    assert qr_codes(picture) == [URL]


RENDER = """
import hashlib, sys
from pathlib import Path
sys.path[:0] = [sys.argv[1], str(Path(sys.argv[1]).parent)]
from test_bleed import CONTENT, LAYOUTS, STYLE, render_pdf
for shape, paper in (("poster-portrait", "A3"), ("leaflet", "A4-landscape")):
    print(hashlib.sha256(render_pdf(LAYOUTS.formats[shape], STYLE, CONTENT, paper, 3)).hexdigest())
"""


@pytest.mark.slow
def test_the_same_poster_with_a_bleed_gives_the_same_bytes_in_another_process():
    here = str(Path(__file__).parent)
    runs = [
        subprocess.run(
            [sys.executable, "-c", RENDER, here], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1] and len(runs[0].split()) == 2
    drawn = render_pdf(LAYOUTS.formats["poster-portrait"], STYLE, CONTENT, "A3", 3)
    assert hashlib.sha256(drawn).hexdigest() == runs[0].split()[0]

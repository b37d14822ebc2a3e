"""The three poster designs, built for real from the starter campaigns at every paper size
and read back: paper, fonts, text, QR code, icons; chosen per campaign or per type, with
unknown icons and missing photos told to the team."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from fixtures.printing import page_picture, page_size_mm, pdf_fonts, pdf_info, qr_codes
from fixtures.sites import PROJECT, fixture_config, page, run_mkdocs, short_address, write_site
from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.settings import load_settings
from xuanchuan.printing.formats.icons import Icons, icon_folders
from xuanchuan.printing.formats.pictograms import grid
from xuanchuan.printing.layouts import load_layouts

pytestmark = pytest.mark.slow

SITE_URL = "https://www.qxdl.cn/xuanchuan/"
SIZES = {
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
    "A4-landscape": (297.0, 210.0),
    "A3-landscape": (420.0, 297.0),
}
# The starter campaigns, one per design.
DESIGNS = {
    "safety-month-2026": "pictograms",
    "spring-irrigation-2027": "photo",
    "union-sports-2027": "headline",
}
LAYOUTS = load_layouts(PROJECT / "overrides", PROJECT)
ICONS = Icons(icon_folders(PROJECT / "overrides"))


@pytest.fixture(scope="module")
def starter(tmp_path_factory):
    """The starter project, its posters printed at A4 and A3, upright and landscape."""
    root = tmp_path_factory.mktemp("designs") / "project"
    config = fixture_config(site_name="Starter")
    config["extra"]["xuanchuan"]["print"] = {"poster_sizes": list(SIZES)}
    write_site(root, {}, config)
    shutil.copytree(PROJECT / "content", root / "content")
    for slug in DESIGNS:
        shutil.copytree(PROJECT / "campaigns" / slug, root / "campaigns" / slug)
    result = run_mkdocs(root)
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    campaigns = load_campaigns(load_settings(config["extra"]["xuanchuan"]), root).campaigns
    return result, campaigns


def poster(site: Path, slug: str, code: str, size: str) -> Path:
    prefix = "" if code == "zh" else f"{code}/"
    return site / f"{prefix}campaigns/{slug}/{slug}-poster-{size}-{code}.pdf"


def raw_text(path: Path) -> str:
    # In drawing order: the lines of one cell of the grid stay together.
    out = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    )
    return re.sub(r"\s+", "", out.stdout)


def test_the_starter_campaigns_use_the_three_designs(starter):
    _, campaigns = starter
    for slug, design in DESIGNS.items():
        assert (campaigns[slug]["zh"].poster.layout or "headline") == design


@pytest.mark.parametrize("slug", list(DESIGNS))
def test_each_design_prints_on_exact_paper_with_fonts_text_and_qr_code(starter, slug, tmp_path):
    result, campaigns = starter
    for code in ("zh", "en"):
        campaign = campaigns[slug][code]
        prefix = "" if code == "zh" else "en/"
        target = SITE_URL + short_address(result.site, f"{prefix}campaigns/{slug}/index.html")
        for size, paper in SIZES.items():
            pdf = poster(result.site, slug, code, size)
            assert pdf_info(pdf)["Pages"].strip() == "1", pdf.name
            assert page_size_mm(pdf) == paper, pdf.name
            fonts = pdf_fonts(pdf)
            assert fonts and all(row[-5:-3] == ["yes", "yes"] for row in fonts), fonts
            assert all("NotoSansCJKsc" in row[0] for row in fonts), fonts
            text = raw_text(pdf)
            for expected in (campaign.poster.headline, *campaign.poster.points):
                assert re.sub(r"\s+", "", expected) in text, (pdf.name, expected)
            picture = page_picture(pdf, 1, tmp_path / f"{pdf.stem}.png", dpi=150)
            assert qr_codes(picture) == [target], pdf.name


def test_the_photo_design_prints_the_campaign_s_photo(starter):
    result, _ = starter
    for size in SIZES:
        pdf = poster(result.site, "spring-irrigation-2027", "zh", size)
        listed = subprocess.run(
            ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert len(listed) == 1, listed  # the photo, and nothing else drawn as pixels
        width, height = (int(v) for v in listed[0].split()[3:5])
        # Cropped to fill its frame, never stretched.
        shape = "poster-photo-landscape" if size.endswith("landscape") else "poster-photo-portrait"
        frame = next(b for b in LAYOUTS.formats[shape].sides[0] if b.type == "image")
        assert width / height == pytest.approx(frame.w / frame.h, rel=0.01), size


def icon_share(picture: Image.Image, box, colour) -> float:
    inside = picture.crop(box).convert("RGB").tobytes()
    pixels = [tuple(inside[i : i + 3]) for i in range(0, len(inside), 3)]
    return sum(
        1 for p in pixels if all(abs(a - b) <= 40 for a, b in zip(p, colour, strict=True))
    ) / len(pixels)


def icon_masks(pdf: Path, target: Path, count: int, kind: str) -> list[tuple[float, bytes]]:
    """For each cell of the A4 pictogram poster: the share of its icon box inked in the
    type's primary colour, and which pixels."""
    dpi = 100
    picture = Image.open(page_picture(pdf, 1, target, dpi=dpi)).convert("RGB")
    scale = dpi / 25.4
    colours = LAYOUTS.colours_for(kind)
    primary = tuple(int(colours["primary"][i : i + 2], 16) for i in (1, 3, 5))
    block = next(
        b for b in LAYOUTS.formats["poster-pictograms-portrait"].sides[0] if b.type == "pictograms"
    )
    found = []
    for cell in grid(block, count):
        box = tuple(
            round(v * scale)
            for v in (
                cell.icon_x,
                cell.icon_y,
                cell.icon_x + cell.icon_size,
                cell.icon_y + cell.icon_size,
            )
        )
        crop = picture.crop(box).tobytes()
        mask = bytes(
            all(abs(crop[i + k] - primary[k]) <= 40 for k in range(3))
            for i in range(0, len(crop), 3)
        )
        found.append((icon_share(picture, box, primary), mask))
    return found


def coverage(svg: bytes) -> float:
    import cairosvg

    png = cairosvg.svg2png(bytestring=svg, output_width=200, output_height=200)
    alpha = Image.open(io.BytesIO(png)).getchannel("A").tobytes()
    return sum(1 for a in alpha if a > 128) / len(alpha)


def test_each_point_s_icon_is_drawn_in_its_cell_and_the_translation_keeps_them(starter, tmp_path):
    result, campaigns = starter
    slug = "safety-month-2026"
    zh, en = campaigns[slug]["zh"], campaigns[slug]["en"]
    count = len(zh.poster.points)
    inked_zh = icon_masks(
        poster(result.site, slug, "zh", "A4"), tmp_path / "zh.png", count, zh.type
    )
    for (share, _), name in zip(inked_zh, zh.poster.icons, strict=True):
        assert share == pytest.approx(coverage(ICONS.svg(name)), abs=0.06), name
    # The English poster words the points itself and draws the Chinese file's icons.
    assert en.poster.points != zh.poster.points
    inked_en = icon_masks(
        poster(result.site, slug, "en", "A4"), tmp_path / "en.png", count, en.type
    )
    for (_, mask_zh), (_, mask_en) in zip(inked_zh, inked_en, strict=True):
        differing = sum(a != b for a, b in zip(mask_zh, mask_en, strict=True))
        assert differing <= len(mask_zh) * 0.01
    masks = [mask for _, mask in inked_zh]
    assert len(set(masks)) == count  # five icons, five different pictures


def test_a_second_build_renders_nothing(starter):
    result, _ = starter
    again = run_mkdocs(result.project)
    assert again.returncode == 0
    assert re.search(r"Print files: 0 rendered, \d+ reused from cache", again.output), again.output


RENDER = """
import hashlib, sys
from pathlib import Path
from xuanchuan.printing.content import PosterContent
from xuanchuan.printing.drawing import Style
from xuanchuan.printing.formats.icons import Icons, icon_folders
from xuanchuan.printing.layouts import load_layouts
from xuanchuan.printing.formats.poster import render_pdf, render_png
overrides = Path(sys.argv[1])
layouts = load_layouts(overrides, overrides)
icons = Icons(icon_folders(overrides))
style = Style(layouts.colours_for("safety-month"),
              {"regular": ("Noto Sans CJK SC", False), "bold": ("Noto Sans CJK SC", True)})
photo = Path(sys.argv[2]).read_bytes()
content = PosterContent(kind="safety-month", headline="安全生产月", subheadline="用电进村社",
                        points=("不私拉乱接", "电线下面不放风筝", "有人触电先断电"),
                        icons=tuple(icons.svg(n) for n in ("material/power-plug-off",
                                    "material/kite", "material/flash-off")),
                        url="https://example.org/x/", qr_caption="扫码查看详情", photo=photo)
for name in ("poster-pictograms-portrait", "poster-pictograms-landscape",
             "poster-photo-portrait", "poster-photo-landscape"):
    layout = layouts.formats[name]
    paper = "A3-landscape" if name.endswith("landscape") else "A3"
    for data in (render_pdf(layout, style, content, paper), render_png(layout, style, content, 1080)):
        print(name, hashlib.sha256(data).hexdigest())
"""


def test_same_inputs_give_the_same_bytes_in_separate_processes():
    photo = next((PROJECT / "campaigns" / "spring-irrigation-2027").glob("*.jpg"))
    runs = [
        subprocess.run(
            [sys.executable, "-c", RENDER, str(PROJECT / "overrides"), str(photo)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1] and len(runs[0].splitlines()) == 8


LAW_ZH = """\
---
title: 医院法治宣传
type: legal-education
summary: 全院职工学法。
start: 2026-05-01
poster:
  points:
    - 讲清病情和风险
    - text: 病历要保密
      icon: team/badge
---
"""

CULTURE_ZH = """\
---
title: 送文化到工地
type: send-culture
summary: 收工后看演出。
start: 2027-05-01
poster:
  points: [免费入场, 现场办理入会]
---
"""

TYPO_ZH = """\
---
title: 春灌用电
type: safe-electricity
summary: 开泵前讲安全用电。
start: 2027-03-01
poster:
  layout: pictograms
  points:
    - text: 先断电再救人
      icon: material/flash-off
    - text: 开关箱防雨防潮
      icon: material/flash-alrt
---
"""

BADGE = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M4 4h16v16H4z"/></svg>'
)


def designs_project(root: Path, campaigns: dict[str, str]) -> Path:
    overrides = root / "overrides"
    shutil.copytree(PROJECT / "overrides", overrides)
    (overrides / ".icons" / "team").mkdir(parents=True)
    (overrides / ".icons" / "team" / "badge.svg").write_text(BADGE, encoding="utf-8")
    config = fixture_config()
    config["theme"]["custom_dir"] = str(overrides)
    config["extra"]["xuanchuan"]["print"] = {
        "poster_sizes": ["A4"],
        "poster_layouts": {"legal-education": "pictograms", "send-culture": "photo"},
    }
    # Its own print cache: a test counts what a changed icon draws again.
    pages = {"index.zh.md": page("首页"), "index.en.md": page("Home")}
    write_site(root, pages, config, own_print_cache=True)
    for slug, text in campaigns.items():
        (root / "campaigns" / slug).mkdir(parents=True)
        (root / "campaigns" / slug / "index.zh.md").write_text(text, encoding="utf-8")
    return root


def test_designs_chosen_per_type_in_mkdocs_yml(tmp_path):
    root = designs_project(tmp_path / "p", {"law": LAW_ZH, "culture": CULTURE_ZH})
    result = run_mkdocs(root)
    assert result.returncode == 0, result.output
    # The type's photo design needs a photo: without one, the headline design, and a note.
    assert (
        "Posters: culture: the photo design mkdocs.yml gives their type needs a photo "
        "(poster.image); without one they get the headline design"
    ) in result.output
    culture = result.site / "campaigns/culture/culture-poster-A4-zh.pdf"
    assert "免费入场" in raw_text(culture)
    # The legal type's pictograms: the team's own icon for the point that names it, the
    # type's icon from layouts.yml (the scales of justice) for the one that does not.
    law = result.site / "campaigns/law/law-poster-A4-zh.pdf"
    (scales, _), (badge, _) = icon_masks(law, tmp_path / "law.png", 2, "legal-education")
    assert scales == pytest.approx(
        coverage(ICONS.svg(LAYOUTS.pictogram_icon("legal-education"))), abs=0.06
    )
    assert badge == pytest.approx(coverage(BADGE.encode()), abs=0.06)
    # A changed icon file draws again the posters that show it, and only those.
    (root / "overrides/.icons/team/badge.svg").write_text(
        BADGE.replace("h16v16", "h8v8"), encoding="utf-8"
    )
    again = run_mkdocs(root)
    assert again.returncode == 0, again.output
    # law's A4 PDF and PNG in Chinese and in the English copy; nothing of culture.
    assert "Print files: 4 rendered, " in again.output, again.output


def test_an_unknown_icon_is_named_with_the_closest_one(tmp_path):
    root = designs_project(tmp_path / "p", {"typo": TYPO_ZH})
    result = run_mkdocs(root)
    assert result.returncode == 1
    expected = (
        "WARNING -  campaigns/typo/index.zh.md, line 12: poster.points[2].icon: there is no "
        'icon "material/flash-alrt" (did you mean "material/flash-alert"?): expected the name '
        'of an icon Material ships, such as "material/flash-alert" (the names are listed at '
        "https://pictogrammers.com/library/mdi/), or of an SVG file in overrides/.icons/"
    )
    # Once, though the English copy prints the same points.
    assert result.output.count(expected) == 1, result.output
    assert "Traceback" not in result.output


def test_the_poster_files_are_the_same_whatever_the_design_is_called(starter):
    """Every design keeps the file names the download box and print packs know."""
    result, _ = starter
    names = sorted(p.name for p in (result.site / "campaigns/safety-month-2026").glob("*poster*"))
    assert names == sorted(
        [f"safety-month-2026-poster-{size}-zh.pdf" for size in SIZES]
        + ["safety-month-2026-poster-zh.png"]
    )

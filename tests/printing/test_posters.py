"""Posters and share images, read back: PDF pages, sizes, fonts and text; PNG QR codes."""

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from fixtures.campaigns import spring, spring_en, write_campaigns
from fixtures.printing import page_size_mm, pdf_fonts, pdf_info, pdf_text, qr_codes
from fixtures.sites import fixture_config, page, run_mkdocs, short_address, write_site

SITE_URL = "https://www.qxdl.cn/xuanchuan/"

# Every test here builds a site or draws in another process.
pytestmark = pytest.mark.slow

SPRING_ZH = spring(
    """
    ## 正文

    内容。
    """,
    contact={"hotline": "0000-8123456", "address": "石卡镇供电所营业厅"},
    poster={
        "headline": "春灌用电 安全第一",
        "subheadline": "开泵之前，先查线路和漏电保护器",
        "points": ["开关箱要防雨防潮", "漏电保护器每月试跳一次", "发现有人触电先断电再救人"],
        "image": "photo.jpg",
    },
)

SPRING_EN = spring_en(
    """
    ## Body

    Text.
    """,
    poster={
        "headline": "Spring irrigation, safety first",
        "subheadline": "Check wiring and the residual-current device before pumping",
        "points": [
            "Keep switch boxes dry",
            "Test the RCD every month",
            "Cut the power before helping a shock victim",
        ],
    },
)

MONTH_ZH = """\
---
title: 安全生产月
type: safety-month
summary: 六月集中宣传《安全生产法》。
start: 2026-06-01
end: 2026-06-30
poster:
  points: [人人讲安全, 个个会应急]
  sizes: [A3-landscape]
---

## 内容

正文。
"""


def make_project(root: Path, campaigns: dict, own_print_cache: bool = False) -> Path:
    pages = {"index.zh.md": page("首页"), "index.en.md": page("Home")}
    write_site(root, pages, fixture_config(), own_print_cache=own_print_cache)
    return write_campaigns(root, campaigns)


def photo() -> bytes:
    import io

    # Wide enough for the A3 poster's photo box at 150 dpi (smaller ones warn).
    image = Image.new("RGB", (1800, 1200), "#3b7")
    for x in range(0, 1800, 40):
        image.paste("#1a5", (x, 0, x + 20, 1200))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_project(
        tmp_path_factory.mktemp("posters") / "project",
        {
            "spring-2026": {"index.zh.md": SPRING_ZH, "index.en.md": SPRING_EN,
                            "photo.jpg": photo()},
            "safety-month-2026": {"index.zh.md": MONTH_ZH},
        },
        own_print_cache=True,  # a test counts what an edit draws again
    )
    result = run_mkdocs(root)
    assert result.returncode == 0, result.output
    return result


def test_every_poster_pdf_is_one_page_of_exact_paper_with_embedded_fonts(built):
    pdfs = sorted(built.site.rglob("*-poster-*.pdf"))
    names = sorted(p.name for p in pdfs)
    assert names == [
        "safety-month-2026-poster-A3-landscape-en.pdf",
        "safety-month-2026-poster-A3-landscape-zh.pdf",
        "spring-2026-poster-A3-en.pdf",
        "spring-2026-poster-A3-zh.pdf",
        "spring-2026-poster-A4-en.pdf",
        "spring-2026-poster-A4-zh.pdf",
    ]
    expected = {"A4": (210.0, 297.0), "A3": (297.0, 420.0), "A3-landscape": (420.0, 297.0)}
    for pdf in pdfs:
        assert pdf_info(pdf)["Pages"].strip() == "1"
        size = re.search(r"poster-(A\d(?:-landscape)?)-", pdf.name).group(1)
        assert page_size_mm(pdf) == expected[size], pdf.name
        fonts = pdf_fonts(pdf)
        assert fonts, pdf.name
        for row in fonts:
            name, emb, sub = row[0], row[-5], row[-4]
            assert "NotoSansCJKsc" in name, row  # the Simplified Chinese face
            assert (emb, sub) == ("yes", "yes"), row


def test_poster_text_is_real_text(built):
    zh = pdf_text(built.site / "campaigns/spring-2026/spring-2026-poster-A4-zh.pdf")
    for text in ["春灌用电安全第一", "开泵之前，先查线路和漏电保护器", "开关箱要防雨防潮",
                 "漏电保护器每月试跳一次", "发现有人触电先断电再救人", "咨询热线0000-8123456",
                 "扫码查看详情", "城关供电所"]:
        assert text in zh, text
    en = pdf_text(built.site / "en/campaigns/spring-2026/spring-2026-poster-A4-en.pdf")
    for text in ["Springirrigation,safetyfirst", "Testthe RCDeverymonth".replace(" ", ""),
                 "Hotline0000-8123456", "Scanfordetails"]:
        assert text in en, text


def test_png_posters_are_light_and_their_qr_codes_lead_to_the_page_s_short_address(built):
    pages = {
        "campaigns/spring-2026/spring-2026-poster-zh.png": "campaigns/spring-2026/index.html",
        "en/campaigns/spring-2026/spring-2026-poster-en.png": "en/campaigns/spring-2026/index.html",
        "en/campaigns/safety-month-2026/safety-month-2026-poster-en.png":
            "en/campaigns/safety-month-2026/index.html",
    }
    for png, target in pages.items():
        path = built.site / png
        with Image.open(path) as image:
            assert image.width == 1080
        assert path.stat().st_size <= 300 * 1024
        assert qr_codes(path) == [SITE_URL + short_address(built.site, target)]


def test_share_images_are_1200_by_630_and_announced(built):
    share = built.site / "campaigns/spring-2026/spring-2026-share-zh.png"
    with Image.open(share) as image:
        assert image.size == (1200, 630)
    meta = built.html("campaigns/spring-2026/index.html").find("meta", property="og:image")
    assert meta["content"] == SITE_URL + "campaigns/spring-2026/spring-2026-share-zh.png"


def test_download_box_lists_files_with_sizes_in_the_page_language(built):
    box = built.html("en/campaigns/spring-2026/index.html").select_one(".xc-downloads")
    assert box.select_one(".admonition-title").get_text() == "Downloads"
    items = [(a.get_text(), a["href"]) for a in box.select("a")]
    assert items == [
        ("Poster A4 (PDF, for printing)", "spring-2026-poster-A4-en.pdf"),
        ("Poster A3 (PDF, for printing)", "spring-2026-poster-A3-en.pdf"),
        ("Poster picture (PNG, for chat groups)", "spring-2026-poster-en.png"),
        ("Share card (PNG)", "spring-2026-share-en.png"),
        ("Tri-fold leaflet (PDF, A4 both sides)", "spring-2026-leaflet-en.pdf"),
    ]
    sizes = [s.get_text() for s in box.select(".xc-downloads__size")]
    assert all(re.fullmatch(r"\d+ KB|\d+\.\d MB", s) for s in sizes), sizes
    zh = built.html("campaigns/spring-2026/index.html").select_one(".xc-downloads a").get_text()
    assert zh == "海报 A4（PDF，印刷用）"
    # The box is for downloading, not for finding: its file names stay out of search.
    from xuanchuan.site.search.index import read_search_files, tokens

    terms = set().union(
        *(d["terms"] for d in read_search_files(built.site / "en") if "spring-2026" in d["location"])
    )
    assert set(tokens("Before the pumps start")) <= terms
    assert "leaflet" not in terms and "kb" not in terms


def test_a_second_build_renders_nothing_and_an_edit_renders_only_that_campaign(built):
    again = run_mkdocs(built.project)
    assert "Print files: 0 rendered, 18 reused from cache" in again.output
    zh = built.project / "campaigns/safety-month-2026/index.zh.md"
    original = zh.read_text(encoding="utf-8")
    try:
        zh.write_text(original.replace("人人讲安全", "人人讲安全，事事守规程"), encoding="utf-8")
        edited = run_mkdocs(built.project)
        # Its Chinese poster PDF, PNG and leaflet, and the English fallback's (it shows the
        # Chinese points); the share images do not show the points and are reused.
        assert "Print files: 6 rendered, 12 reused from cache" in edited.output, edited.output
    finally:
        zh.write_text(original, encoding="utf-8")


RENDER = """
import hashlib, sys
from pathlib import Path
from xuanchuan.printing.layouts import load_layouts
from xuanchuan.printing.content import PosterContent
from xuanchuan.printing.drawing import Style
from xuanchuan.printing.formats.poster import render_pdf, render_png
layouts = load_layouts(Path(sys.argv[1]), Path(sys.argv[1]))
style = Style(layouts.colours_for("union-work"),
              {"regular": ("Noto Sans CJK SC", False), "bold": ("Noto Sans CJK SC", True)})
content = PosterContent(kind="union-work", headline="五一职工运动会", subheadline="气排球和拔河",
                        points=("报名到工会", "注意安全"), url="https://example.org/x/",
                        qr_caption="扫码查看详情", dates="2026年5月1日", title="五一职工运动会",
                        body=({"kind": "h2", "text": "比赛安排"},
                              {"kind": "p", "text": "五月一日上午在区体育馆举行气排球比赛。"},
                              {"kind": "table", "rows": [["项目", "时间"], ["拔河", "9:00"]],
                               "header": 1}))
for data in (render_pdf(layouts.formats["poster-portrait"], style, content, "A4"),
             render_png(layouts.formats["poster-portrait"], style, content, 1080),
             render_png(layouts.formats["share"], style, content, 1200),
             render_pdf(layouts.formats["leaflet"], style, content, "A4-landscape")):
    print(hashlib.sha256(data).hexdigest())
"""


def test_same_inputs_give_the_same_bytes_in_separate_processes():
    overrides = Path(__file__).resolve().parents[2] / "overrides"
    runs = [
        subprocess.run([sys.executable, "-c", RENDER, str(overrides)], capture_output=True,
                       text=True, check=True).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1] and len(runs[0].split()) == 4


def test_same_sources_give_the_same_print_files(built, tmp_path):
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(built.project), str(copy)], check=True)
    subprocess.run(["rm", "-rf", str(copy / ".cache"), str(copy / "site")], check=True)
    result = run_mkdocs(copy, env={"SOURCE_DATE_EPOCH": "1767225600"})
    first = run_mkdocs(built.project, env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert result.returncode == first.returncode == 0
    for path in sorted(built.site.rglob("*")):
        if path.suffix in (".pdf", ".png"):
            twin = result.site / path.relative_to(built.site)
            assert hashlib.sha256(twin.read_bytes()).digest() == hashlib.sha256(
                path.read_bytes()).digest(), path.name


def test_text_too_long_for_the_poster_is_an_error_not_a_clip(tmp_path):
    long_points = ", ".join(
        [f"第{n}条" + "这一条要点写得实在太长了，远远超过海报上能放下的字数，需要缩短" * 5 for n in range(6)]
    )
    text = MONTH_ZH.replace("points: [人人讲安全, 个个会应急]", f"points: [{long_points}]")
    text = text.replace("  sizes: [A3-landscape]\n", "")
    root = make_project(tmp_path / "p", {"too-long": {"index.zh.md": text}})
    result = run_mkdocs(root)
    assert result.returncode == 1
    warnings = [line for line in result.output.splitlines() if line.startswith("WARNING")]
    assert any(
        line.startswith(
            "WARNING -  campaigns/too-long/index.zh.md: poster.points: does not fit on the A4 "
            "poster: it needs "
        )
        and "line(s) too long; shorten it (nothing is cut off silently)" in line
        for line in warnings
    ), warnings
    assert "Traceback" not in result.output
    assert not (root / "site").exists()


def test_a_character_no_installed_font_has_is_named(tmp_path):
    # Printed in two languages (the English site repeats the Chinese text) and two files;
    # invisible characters copied along with the text are no problem.
    text = MONTH_ZH.replace("人人讲安全", "人人讲\u200b安全𠀀\u200f")
    root = make_project(tmp_path / "p", {"odd": {"index.zh.md": text}})
    result = run_mkdocs(root)
    assert result.returncode == 1
    expected = (
        "WARNING -  campaigns/odd/index.zh.md, line 8: poster.points[1]: cannot be printed: no "
        'installed font has "𠀀" (U+20000): replace it (an emoji with words, a rare hanzi with '
        "a common one or pinyin), or install a font that has it and name it in "
        "overrides/print/layouts.yml (fallback_fonts)"
    )
    assert result.output.count(expected) == 1, result.output
    assert "U+200B" not in result.output and "U+200F" not in result.output


def test_fonts_logo_and_colours_from_mkdocs_yml(tmp_path):
    config = fixture_config()
    logo = tmp_path / "p" / "logo.png"
    logo.parent.mkdir(parents=True)
    Image.new("RGB", (200, 100), "#0000ff").save(logo)
    config["extra"]["xuanchuan"]["print"] = {
        "poster_sizes": ["A2"],
        "fonts": {"regular": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                  "bold": "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"},
        "logo": "logo.png",
        "colours": {"paper": "#fff8e1"},
    }
    root = tmp_path / "p"
    write_site(root, {"index.zh.md": page("首页")}, config)
    folder = root / "campaigns" / "month"
    folder.mkdir(parents=True)
    (folder / "index.zh.md").write_text(MONTH_ZH.replace("  sizes: [A3-landscape]\n", ""),
                                        encoding="utf-8")
    result = run_mkdocs(root)
    assert result.returncode == 0, result.output
    pdf = result.site / "campaigns/month/month-poster-A2-zh.pdf"
    assert page_size_mm(pdf) == (420.0, 594.0)
    assert all("NotoSansCJKsc" in row[0] for row in pdf_fonts(pdf))
    with Image.open(result.site / "campaigns/month/month-poster-zh.png") as png:
        rgb = png.convert("RGB")
        # The organisation's paper colour under the text, its blue logo in the top band.
        paper = rgb.getpixel((20, rgb.height // 2))
        assert all(abs(a - b) <= 3 for a, b in zip(paper, (255, 248, 225), strict=True)), paper
        top_band = [rgb.getpixel((x, 60)) for x in range(820, 1040, 10)]
        assert any(r < 10 and g < 10 and b > 245 for r, g, b in top_band), top_band


def test_a_missing_font_file_is_named(tmp_path):
    config = fixture_config()
    config["extra"]["xuanchuan"]["print"] = {
        "fonts": {"regular": "fonts/missing.ttf", "bold": "fonts/missing.ttf"}}
    root = tmp_path / "p"
    write_site(root, {"index.zh.md": page("首页")}, config)
    (root / "campaigns" / "month").mkdir(parents=True)
    (root / "campaigns" / "month" / "index.zh.md").write_text(MONTH_ZH, encoding="utf-8")
    result = run_mkdocs(root)
    assert result.returncode == 1
    assert (
        "WARNING -  mkdocs.yml: extra.xuanchuan.print.fonts: print.fonts.regular: "
        f'"{root}/fonts/missing.ttf" does not exist: expected a .ttf, .otf or .ttc file'
    ) in result.output


def test_an_english_poster_never_borrows_the_chinese_headline(tmp_path):
    text = MONTH_ZH.replace("poster:\n", "poster:\n  headline: 安全月中文标题\n")
    root = make_project(tmp_path / "p", {"month": {
        "index.zh.md": text,
        "index.en.md": "---\ntitle: Safety Month\nsummary: June safety publicity.\n---\n"}})
    result = run_mkdocs(root)
    assert result.returncode == 0, result.output
    english = pdf_text(result.site / "en/campaigns/month/month-poster-A3-landscape-en.pdf")
    assert "SafetyMonth" in english and "安全月中文标题" not in english
    assert "June safety publicity." .replace(" ", "") in english


def test_a_bleed_in_mkdocs_yml_gives_the_site_print_shop_pdfs_under_names_of_their_own(tmp_path):
    from pypdf import PdfReader

    config = fixture_config()
    config["extra"]["xuanchuan"]["print"] = {"poster_sizes": ["A3"], "bleed": 3}
    root = tmp_path / "p"
    write_site(root, {"index.zh.md": page("首页")}, config)
    folder = root / "campaigns" / "month"
    folder.mkdir(parents=True)
    (folder / "index.zh.md").write_text(MONTH_ZH.replace("  sizes: [A3-landscape]\n", ""),
                                        encoding="utf-8")
    result = run_mkdocs(root)
    assert result.returncode == 0, result.output
    made = sorted(p.name for p in (result.site / "campaigns/month").iterdir() if p.suffix != ".html")
    # The pictures for screens have no bleed; the PDFs say theirs in their names.
    assert made == ["month-leaflet-bleed3mm-zh.pdf", "month-poster-A3-bleed3mm-zh.pdf",
                    "month-poster-zh.png", "month-share-zh.png"]
    box = result.html("campaigns/month/index.html").select_one(".xc-downloads")
    assert [a["href"] for a in box.select("a")] == [
        "month-poster-A3-bleed3mm-zh.pdf", "month-poster-zh.png", "month-share-zh.png",
        "month-leaflet-bleed3mm-zh.pdf"]
    poster = PdfReader(result.site / "campaigns/month/month-poster-A3-bleed3mm-zh.pdf").pages[0]
    assert round(float(poster.trimbox.width) / 72 * 25.4, 3) == 297
    assert round(float(poster.bleedbox.height) / 72 * 25.4, 3) == 426
    assert "人人讲安全" in pdf_text(result.site / "campaigns/month/month-poster-A3-bleed3mm-zh.pdf")

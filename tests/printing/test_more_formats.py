"""Slogan banners, display boards and card decks, built by a real site and read back: exact
sizes, fonts embedded, text, QR codes from renderings, the deck's 54 faces and their backs
in register, crop marks outside the cards, tiles that cover the banner, overflow errors."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from fixtures.printing import page_picture, page_size_mm, pdf_fonts, pdf_info, pdf_text, qr_codes
from fixtures.sheets import inside, marked_cells, region_text, stroked_lines
from fixtures.sites import fixture_config, page, run_bounded, run_mkdocs, short_address, write_site

pytestmark = pytest.mark.slow

SITE_URL = "https://www.qxdl.cn/xuanchuan/"

WELLS_ZH = """\
---
title: 春灌机井安全用电
type: safe-electricity
summary: 开泵之前，到机井边讲安全用电。
start: 2027-03-01
end: 2027-04-30
organizer: 石卡镇供电所
laws: [《电力法》, 《电力设施保护条例》]
activities:
  - {date: 2027-03-02, title: 动员会, place: 石卡镇供电所, time: "9:00-10:30"}
  - {date: 2027-03-16, title: 宣传车进村, place: 西沟村}
contact:
  hotline: 0000-6123456
  address: 石卡镇供电所营业厅
poster:
  headline: 春灌开泵 安全用电
  points: [电线破皮就换, 开关箱加盖上锁, 漏电保护器先试跳]
  image: photo.jpg
banner: 开泵先查线 用电保平安
cards:
  - 有人触电，先断电再救人
  - 电线断落，离远一些，拨打 95598
  - 开关箱加盖上锁
---

## 正文

内容。
"""

WELLS_EN = """\
---
title: Safe electricity at the pump wells
summary: Before the pumps start, we talk about safe electricity at the wells.
organizer: Shika Town power-supply station
laws: [Electric Power Law, Regulations on the Protection of Power Facilities]
activities:
  - {title: Kick-off meeting, place: Shika Town power-supply station}
  - {title: Publicity vehicle tours the villages, place: Xigou Village}
contact:
  address: Service hall, Shika Town power-supply station
poster:
  headline: Pumps on, safety first
  points: [Replace damaged wires, Lock the switch box, Test the safety switch first]
---

## Body

Text.
"""

# No poster and no cards: nothing for a deck, the rest as usual.
TALK_ZH = """\
---
title: 职工法律讲座
type: legal-education
summary: 讲劳动合同法。
start: 2027-05-10
---

## 内容

正文。
"""

FORMATS = {"formats": ["banner", "board", "cards"], "banner_sizes": ["500x70", "600x60"]}


def photo() -> bytes:
    # Sharp enough for the A3 poster (150 dpi) and the 90 cm board (100 dpi): a smaller
    # photo is warned about, and the strict builds here would stop.
    image = Image.new("RGB", (3600, 2400), "#3b7")
    for x in range(0, 3600, 240):
        image.paste("#1a5", (x, 0, x + 120, 2400))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def make_project(
    root: Path, campaigns: dict, print_settings: dict | None = None, own_print_cache=False
) -> Path:
    config = fixture_config(site_url=SITE_URL)
    config["extra"]["xuanchuan"]["print"] = print_settings or FORMATS
    pages = {"index.zh.md": page("首页"), "index.en.md": page("Home")}
    write_site(root, pages, config, own_print_cache=own_print_cache)
    for slug, files in campaigns.items():
        folder = root / "campaigns" / slug
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            if isinstance(data, bytes):
                (folder / name).write_bytes(data)
            else:
                (folder / name).write_text(data, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_project(
        tmp_path_factory.mktemp("formats") / "project",
        {
            "wells": {"index.zh.md": WELLS_ZH, "index.en.md": WELLS_EN, "photo.jpg": photo()},
            "talk": {"index.zh.md": TALK_ZH},
        },
        own_print_cache=True,  # a test counts what an edit draws again
    )
    result = run_mkdocs(root)
    assert result.returncode == 0, result.output
    return result


def wells(built, name: str) -> Path:
    folder = "campaigns/wells" if name.endswith("-zh.pdf") else "en/campaigns/wells"
    return built.site / folder / name


def embedded_cjk(path: Path) -> None:
    rows = pdf_fonts(path)
    assert rows, path.name
    for row in rows:
        assert "NotoSansCJK" in row[0] and (row[-5], row[-4]) == ("yes", "yes"), row


def test_the_download_box_offers_each_format_in_the_page_language(built):
    box = built.html("en/campaigns/wells/index.html").select_one(".xc-downloads")
    items = [(a.get_text(), a["href"]) for a in box.select("a")]
    assert items[-6:] == [
        ("Banner 500x70 cm (PDF, true size, for printing)", "wells-banner-500x70-en.pdf"),
        ("Banner 600x60 cm (PDF, true size, for printing)", "wells-banner-600x60-en.pdf"),
        (
            "Banner 500x70 cm, tiled (PDF, print sheet by sheet and glue together)",
            "wells-banner-500x70-tiled-en.pdf",
        ),
        (
            "Banner 600x60 cm, tiled (PDF, print sheet by sheet and glue together)",
            "wells-banner-600x60-tiled-en.pdf",
        ),
        ("Display board 90x120 cm (PDF, true size, for printing)", "wells-board-90x120-en.pdf"),
        ("Safety card deck, 54 cards (PDF, A4 both sides, to cut)", "wells-cards-A4-en.pdf"),
    ]
    zh = [a.get_text() for a in built.html("campaigns/wells/index.html").select(".xc-downloads a")]
    assert zh[-1] == "宣传扑克 54 张（PDF，A4 双面打印后裁切）"
    assert "横幅 500x70 厘米（PDF，实际尺寸，印刷用）" in zh
    # A campaign with neither key points nor cards has no deck; its banner says its title.
    talk = [a["href"] for a in built.html("campaigns/talk/index.html").select(".xc-downloads a")]
    assert "talk-board-90x120-zh.pdf" in talk and not any("cards" in name for name in talk)
    assert (
        "Card decks: campaigns/talk/index.zh.md has no key points (poster.points) and no "
        "cards: it gets no deck" in built.output
    )
    assert "职工法律讲座" in pdf_text(built.site / "campaigns/talk/talk-banner-500x70-zh.pdf")


def test_a_banner_is_one_page_at_true_size_with_its_slogan_as_real_text(built):
    pdf = wells(built, "wells-banner-500x70-zh.pdf")
    assert pdf_info(pdf)["Pages"].strip() == "1"
    assert page_size_mm(pdf) == (5000.0, 700.0)
    embedded_cjk(pdf)
    assert pdf_text(pdf) == "开泵先查线用电保平安"
    # The English campaign has no banner text of its own: its poster's headline.
    assert pdf_text(wells(built, "wells-banner-500x70-en.pdf")) == "Pumps on, safety first".replace(
        " ", ""
    )


def test_a_banner_longer_than_a_pdf_page_may_be_keeps_its_size_through_user_unit(built):
    from pypdf import PdfReader

    pdf = wells(built, "wells-banner-600x60-zh.pdf")
    reader = PdfReader(str(pdf))
    (first,) = reader.pages
    unit = float(first["/UserUnit"])
    box = first.mediabox
    # 6 m is more than the 200 inches (14,400 units) Acrobat allows: two points a unit.
    assert unit == 2 and max(float(box.width), float(box.height)) <= 14_400
    size = [round(float(side) * unit * 25.4 / 72, 1) for side in (box.width, box.height)]
    assert size == [6000.0, 600.0]
    assert pdf.read_bytes().startswith(b"%PDF-1.6")  # /UserUnit came with PDF 1.6
    assert pdf_text(pdf) == "开泵先查线用电保平安"


def box(x: float, y: float, width: float, height: float, scale: float) -> tuple[int, ...]:
    """A region in mm as pixels: the same size wherever it starts."""
    left, top = round(x * scale), round(y * scale)
    return left, top, left + round(width * scale), top + round(height * scale)


def picture(path: Path, page: int, dpi: int, target: Path) -> Image.Image:
    with Image.open(page_picture(path, page, target, dpi)) as image:
        return image.convert("RGB")


def test_the_tiled_banner_covers_the_strip_sheet_by_sheet_with_glue_strips_and_marks(
    built, tmp_path
):
    from xuanchuan.printing.formats.imposition import OVERLAP, TILE_MARGIN, tiles

    tiled = wells(built, "wells-banner-500x70-tiled-zh.pdf")
    tiling = tiles((5000, 700), (210, 297))
    count = len(tiling.tiles)
    assert pdf_info(tiled)["Pages"].strip() == str(count) == "76"
    assert page_size_mm(tiled) == (297.0, 210.0)
    embedded_cjk(tiled)
    assert "横幅500x70厘米·第1/76张·第1行第1列" in region_text(tiled, 1, (0, 0, 297, 12))
    assert "第76/76张·第4行第19列" in region_text(tiled, 76, (0, 0, 297, 12))
    assert "灰色粘贴区" in region_text(tiled, 40, (0, 198, 297, 210))
    dpi = 20
    scale = dpi / 25.4
    whole = picture(wells(built, "wells-banner-500x70-zh.pdf"), 1, dpi, tmp_path / "whole.png")
    # The first sheet, one in the middle with neighbours all round, the last.
    for tile in (tiling.tiles[0], tiling.tiles[27], tiling.tiles[-1]):
        sheet = picture(tiled, tile.number, dpi, tmp_path / f"tile-{tile.number}.png")
        shown_w = min(tiling.area[0], 5000 - tile.x) - (OVERLAP if tile.glue_right else 0)
        shown_h = min(tiling.area[1], 700 - tile.y) - (OVERLAP if tile.glue_below else 0)
        # What the sheet prints, away from its glue strips, is that part of the banner.
        inset = 1.0  # mm: clear of the anti-aliased edges
        inner = (shown_w - 2 * inset, shown_h - 2 * inset)
        on_sheet = sheet.crop(box(TILE_MARGIN + inset, TILE_MARGIN + inset, *inner, scale))
        in_banner = whole.crop(box(tile.x + inset, tile.y + inset, *inner, scale))
        difference = ImageStat.Stat(ImageChops.difference(on_sheet, in_banner)).mean
        assert max(difference) < 6, (tile, difference)
        if tile.glue_right:
            # The glue strip is greyed and hatched: it shows apart from the banner.
            size = (OVERLAP - 2, shown_h - 2)
            strip = sheet.crop(box(TILE_MARGIN + shown_w + 1, TILE_MARGIN + 1, *size, scale))
            banner_part = whole.crop(box(tile.x + shown_w + 1, tile.y + 1, *size, scale))
            apart = ImageStat.Stat(ImageChops.difference(strip, banner_part)).mean
            assert sum(apart) > 100, apart
    # Marks in the margins: where the middle sheet is cut (dashed, left and top edges) and
    # where its right and bottom neighbours are laid.
    middle = tiling.tiles[27]
    lines = stroked_lines(tiled, middle.number)
    xs = {round(x0, 1) for x0, y0, x1, y1 in lines if abs(x0 - x1) < 1e-6}
    ys = {round(y0, 1) for x0, y0, x1, y1 in lines if abs(y0 - y1) < 1e-6}
    area_w, area_h = tiling.area
    assert xs == {TILE_MARGIN, round(TILE_MARGIN + area_w - OVERLAP, 1)}
    assert ys == {TILE_MARGIN, round(TILE_MARGIN + area_h - OVERLAP, 1)}
    # Every mark stays in the margins, off the printed banner.
    printed = (TILE_MARGIN, TILE_MARGIN, TILE_MARGIN + area_w, TILE_MARGIN + area_h)
    assert lines and not any(inside(line, printed) for line in lines)


def test_a_board_is_true_size_with_its_schedule_laws_and_a_qr_code_that_scans(built, tmp_path):
    for language in ("zh", "en"):
        board = wells(built, f"wells-board-90x120-{language}.pdf")
        assert pdf_info(board)["Pages"].strip() == "1"
        assert page_size_mm(board) == (900.0, 1200.0)
        embedded_cjk(board)
        picture_path = page_picture(board, 1, tmp_path / f"board-{language}.png", 40)
        prefix = "" if language == "zh" else "en/"
        target = short_address(built.site, f"{prefix}campaigns/wells/index.html")
        assert qr_codes(picture_path) == [SITE_URL + target]
    text = pdf_text(wells(built, "wells-board-90x120-zh.pdf"))
    for expected in (
        "春灌开泵安全用电",
        "电线破皮就换",
        "活动安排",
        "3月2日9:00-10:30动员会·石卡镇供电所",
        "宣传的法律法规",
        "《电力设施保护条例》",
        "咨询热线0000-6123456",
        "扫码查看详情",
    ):
        assert expected in text, expected
    english = pdf_text(wells(built, "wells-board-90x120-en.pdf"))
    assert "March29:00-10:30Kick-offmeeting·ShikaTownpower-supplystation" in english


def test_a_schedule_too_long_for_the_board_shows_its_first_items_and_how_many_more(tmp_path):
    from xuanchuan.printing.content import PosterContent
    from xuanchuan.printing.drawing import Style
    from xuanchuan.printing.formats.on_request import render_board
    from xuanchuan.printing.layouts import load_layouts

    project = Path(__file__).resolve().parents[2]
    layouts = load_layouts(project / "overrides", project)
    style = Style(layouts.colours_for("safety-month"),
                  {"regular": ("Noto Sans CJK SC", False), "bold": ("Noto Sans CJK SC", True)})  # fmt: skip
    schedule = tuple(f"6月{day}日 第{day}场安全用电录像放映 · 东河村文化室" for day in range(1, 31))
    content = PosterContent(
        kind="safety-month", language="zh", headline="安全生产月", points=("有人触电，先断电",),
        schedule=schedule, schedule_heading="活动安排", laws=("《电力法》",),
        laws_heading="宣传的法律法规", url="https://example.org/x/",
    )  # fmt: skip
    notes = {"schedule": "还有 {count} 项活动，扫码查看全部安排", "laws": "还有 {count} 部"}
    board = tmp_path / "board.pdf"
    board.write_bytes(render_board(layouts.formats["board"], style, content, "90x120", notes))
    text = pdf_text(board)
    shown = [day for day in range(1, 31) if f"6月{day}日第{day}场" in text]
    more = re.search(r"还有(\d+)项活动，扫码查看全部安排", text)
    # The first activities, in order, as many as fit at the board's smallest size; then
    # how many more there are: none left out without saying so.
    assert shown == list(range(1, len(shown) + 1)) and 5 <= len(shown) < 30
    assert more and int(more.group(1)) == 30 - len(shown)
    assert "《电力法》" in text and "还有" not in text.replace(more.group(0), "")


def faces_and_backs(deck: Path):
    """Each sheet's cells (from the crop marks of its front) and their texts, and what
    lies behind each cell on the back page."""
    pages = int(pdf_info(deck)["Pages"])
    sheets = []
    width = page_size_mm(deck)[0]
    for front in range(1, pages + 1, 2):
        lines = stroked_lines(deck, front)
        cells = marked_cells(lines)
        faces = [region_text(deck, front, cell) for cell in cells]
        mirrored = [
            (width - right, top, width - left, bottom) for left, top, right, bottom in cells
        ]
        backs = [region_text(deck, front + 1, cell) for cell in mirrored]
        sheets.append((lines, cells, faces, backs))
    return sheets


def test_a_deck_has_54_distinct_faces_each_with_a_tip_and_its_back_behind_it(built, tmp_path):
    deck = wells(built, "wells-cards-A4-zh.pdf")
    assert pdf_info(deck)["Pages"].strip() == "12"  # 6 sheets of 9, fronts and backs
    assert page_size_mm(deck) == (210.0, 297.0)
    embedded_cjk(deck)
    tips = ["电线破皮就换", "开关箱加盖上锁", "漏电保护器先试跳", "有人触电，先断电再救人",
            "电线断落，离远一些，拨打95598"]  # fmt: skip
    faces = []
    for lines, cells, texts, backs in faces_and_backs(deck):
        assert len(cells) == 9
        assert all(
            (round(r - left, 1), round(b - top, 1)) == (63.0, 88.0) for left, top, r, b in cells
        )
        # No crop mark runs into a card.
        assert not [line for line in lines for cell in cells if inside(line, cell)]
        for text, back in zip(texts, backs, strict=True):
            faces.append(text)
            # Behind every face, a back: the organisation and the campaign.
            assert back == "石卡镇供电所春灌机井安全用电扫码查看详情", back
    # The tips are dealt in order (the poster's points, then cards not already among them)
    # and again from the first; each face has its rank and suit.
    dealt = [next(tip for tip in tips if tip in face) for face in faces]
    assert dealt == [tips[n % 5] for n in range(54)]
    indexes = [re.sub("|".join(map(re.escape, tips + ["春灌开泵安全用电", "石卡镇供电所"])), "", face)
               for face in faces]  # fmt: skip
    expected = [f"{rank}{suit}" * 2 for suit in "♠♥♣♦" for rank in
                ("A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K")]  # fmt: skip
    assert indexes[:52] == expected
    assert all("JOKER" in index for index in indexes[52:])
    assert len(set(faces)) == 54
    # A back's QR code scans: the first back, cut out of a rendering of its page.
    width = 210
    left, top, right, bottom = marked_cells(stroked_lines(deck, 1))[0]
    sheet = Image.open(page_picture(deck, 2, tmp_path / "backs.png", 200))
    scale = 200 / 25.4
    back = sheet.crop(tuple(round(v * scale) for v in (width - right, top, width - left, bottom)))
    back.save(tmp_path / "back.png")
    target = short_address(built.site, "campaigns/wells/index.html")
    assert qr_codes(tmp_path / "back.png") == [SITE_URL + target]


def test_a_deck_on_a3_turns_its_cards_eighteen_to_a_sheet(built, tmp_path):
    """Drawn from the same campaign by the print pack's engine, on A3."""
    done = run_bounded(
        [sys.executable, "-m", "xuanchuan.cli", "print-pack", "--only", "cards", "-o",
         str(tmp_path / "cards.pdf")],
        cwd=built.project, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    pack = tmp_path / "cards.pdf"
    # The cover, then the deck of the one campaign with tips.
    assert pdf_info(pack)["Pages"].strip() == "13"
    cover = region_text(pack, 1, (0, 0, 210, 297))
    # The cover says what the item is and how the shop finishes it.
    assert "宣传扑克（A4双面）" in cover and "沿裁切线裁成54张牌" in cover
    # A site that prints on A3 and offers no deck: the pack draws it on request.
    project = make_project(tmp_path / "a3", {"wells": {"index.zh.md": WELLS_ZH, "photo.jpg": photo()}},
                           {"office_paper": "A3"})  # fmt: skip
    done = run_bounded(
        [sys.executable, "-m", "xuanchuan.cli", "print-pack", "--only", "cards", "-o",
         str(tmp_path / "a3.pdf")],
        cwd=project, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(tmp_path / "a3.pdf")))
    del writer.pages[0]  # the cover
    deck = tmp_path / "a3-deck.pdf"
    writer.write(deck)
    assert pdf_info(deck)["Pages"].strip() == "6"  # 3 sheets of 18
    assert page_size_mm(deck) == (297.0, 420.0)
    count = 0
    for lines, cells, texts, backs in faces_and_backs(deck):
        assert len(cells) == 18
        assert all(
            (round(r - left, 1), round(b - top, 1)) == (88.0, 63.0) for left, top, r, b in cells
        )
        assert not [line for line in lines for cell in cells if inside(line, cell)]
        count += sum("石卡镇供电所" in text for text in texts)
        assert all("春灌机井安全用电" in back for back in backs)
    assert count == 54


def test_print_pack_takes_banners_and_boards_on_request(built, tmp_path):
    # Every banner size of both campaigns, behind the cover; the board of each.
    for what, pages, label in (("banners", 5, "按实际大小（600x60厘米）喷绘在布上"),
                               ("boards", 3, "展板90x120厘米")):  # fmt: skip
        output = tmp_path / f"{what}.pdf"
        done = run_bounded(
            [sys.executable, "-m", "xuanchuan.cli", "print-pack", "--only", what, "-o",
             str(output)],
            cwd=built.project, capture_output=True, text=True,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9", str(output)], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
        assert len(re.findall(r"Page +\d+ size:", info)) == pages
        cover = region_text(output, 1, (0, 0, 210, 297))
        # What each item is, and how it is finished; no poster size in a pack of none.
        assert label in cover and "海报尺寸" not in cover


def trim_and_bleed_mm(page) -> tuple[list[float], list[float]]:
    """A page's TrimBox and BleedBox (left, bottom, right, top) in mm, /UserUnit counted."""
    unit = float(page.get("/UserUnit", 1))
    return tuple(
        [round(float(v) * unit / (72 / 25.4), 2) for v in (box.left, box.bottom, box.right, box.top)]
        for box in (page.trimbox, page.bleedbox)
    )


@pytest.mark.parametrize(("what", "size", "unit"), [
    ("banner", "500x70", 1), ("banner", "600x60", 2), ("board", "90x120", 1),
])  # fmt: skip
def test_the_print_shop_bleed_runs_the_banner_and_board_past_their_trim(tmp_path, what, size, unit):
    from pypdf import PdfReader

    from xuanchuan.printing.content import PosterContent
    from xuanchuan.printing.drawing import MARK_MARGIN, Style
    from xuanchuan.printing.formats.on_request import draw_more
    from xuanchuan.printing.jobs.render import DrawJob
    from xuanchuan.printing.layouts import load_layouts

    project = Path(__file__).resolve().parents[2]
    layouts = load_layouts(project / "overrides", project)
    colours = layouts.colours_for("safe-electricity")
    style = Style(colours, {"regular": ("Noto Sans CJK SC", False),
                            "bold": ("Noto Sans CJK SC", True)})  # fmt: skip
    content = PosterContent(kind="safe-electricity", language="zh", headline="春灌开泵 安全用电",
                            slogan="开泵先查线 用电保平安", points=("电线破皮就换",),
                            url="https://example.org/x/", title="春灌")  # fmt: skip
    layout = layouts.banner if what == "banner" else layouts.formats["board"]
    notes = {"schedule": "还有 {count} 项", "laws": "还有 {count} 部"}
    path = tmp_path / f"{what}.pdf"
    job = DrawJob("key", layout, {}, {}, "pdf", size, 0, "", bleed=3.0, drawer=what, options=notes)
    path.write_bytes(draw_more(job, style, content))
    (page,) = PdfReader(str(path)).pages
    assert float(page.get("/UserUnit", 1)) == unit
    width, height = (int(side) * 10 for side in size.split("x"))
    margin = 3 + MARK_MARGIN
    trim, bleed = trim_and_bleed_mm(page)
    assert trim == pytest.approx([margin, margin, margin + width, margin + height], abs=0.01)
    assert bleed == pytest.approx([margin - 3, margin - 3, margin + width + 3, margin + height + 3],
                                  abs=0.01)  # fmt: skip
    assert what != "banner" or pdf_text(path) == "开泵先查线用电保平安"
    # Halfway into the bleed at the middle of the left edge, the banner's cloth or the
    # board's band of colour; outside the bleed, paper and crop marks only.
    dpi = 20
    with Image.open(page_picture(path, 1, tmp_path / "bleed.png", dpi)) as image:
        rgb = image.convert("RGB")
    per_mm = dpi / 25.4 / unit
    y = round((margin + (height / 2 if what == "banner" else 100)) * per_mm)
    found = rgb.getpixel((round((margin - 1.5) * per_mm), y))
    primary = tuple(int(colours["primary"][i : i + 2], 16) for i in (1, 3, 5))
    assert all(abs(a - b) <= 16 for a, b in zip(found, primary, strict=True)), found
    assert rgb.getpixel((1, y)) == (255, 255, 255)


def test_same_sources_give_the_same_bytes(built, tmp_path):
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(built.project), str(copy)], check=True)
    subprocess.run(["rm", "-rf", str(copy / ".cache"), str(copy / "site")], check=True)
    again = run_mkdocs(copy)
    assert again.returncode == 0, again.output
    for name in ("wells-banner-500x70-zh.pdf", "wells-banner-600x60-zh.pdf",
                 "wells-banner-500x70-tiled-zh.pdf", "wells-board-90x120-zh.pdf",
                 "wells-cards-A4-zh.pdf"):  # fmt: skip
        path = wells(built, name)
        assert (again.site / path.relative_to(built.site)).read_bytes() == path.read_bytes(), name


def test_an_edit_draws_again_only_the_formats_it_shows_on(built):
    again = run_mkdocs(built.project)
    assert re.search(r"Print files: 0 rendered, \d+ reused from cache", again.output), again.output
    zh = built.project / "campaigns/wells/index.zh.md"
    original = zh.read_text(encoding="utf-8")
    try:
        zh.write_text(original.replace("  - 开关箱加盖上锁\n---", "  - 开关箱加盖上锁\n  - 插座远离水缸\n---"),
                      encoding="utf-8")  # fmt: skip
        edited = run_mkdocs(built.project)
        # Only the Chinese deck prints the cards list (the English file has its own tips).
        assert re.search(r"Print files: 1 rendered, \d+ reused from cache", edited.output), (
            edited.output
        )
    finally:
        zh.write_text(original, encoding="utf-8")


LONG_TIP = "雷雨天不要在大树下、电线杆旁和变压器附近避雨，" * 6
# Campaigns that each have one thing too long for a format, built together: a strict build
# lists every problem, so one build tells them all.
TOO_LONG = {
    "slogan": WELLS_ZH.replace(
        "banner: 开泵先查线 用电保平安",
        "banner: 开泵之前先查电线开关箱和漏电保护器，发现问题及时找电工处理，用电保平安",
    ),
    "tip": WELLS_ZH.replace("  - 电线断落，离远一些，拨打 95598", f"  - {LONG_TIP}"),
    "tips": WELLS_ZH.replace(
        "  - 有人触电，先断电再救人\n  - 电线断落，离远一些，拨打 95598\n  - 开关箱加盖上锁\n",
        "".join(f"  - 第{n}条安全提示\n" for n in range(1, 53)),
    ),
}


@pytest.fixture(scope="module")
def too_long(tmp_path_factory) -> list[str]:
    """The warnings of a strict build of the TOO_LONG campaigns."""
    campaigns = {slug: {"index.zh.md": text, "photo.jpg": photo()} for slug, text in TOO_LONG.items()}
    root = make_project(tmp_path_factory.mktemp("too-long") / "p", campaigns)
    result = run_mkdocs(root)
    assert result.returncode == 1 and "Traceback" not in result.output
    return [line for line in result.output.splitlines() if line.startswith("WARNING")]


def test_a_slogan_too_long_for_the_banner_is_an_error_naming_the_field(too_long):
    assert any(
        line.startswith(
            "WARNING -  campaigns/slogan/index.zh.md: banner: does not fit on the "
            "500x70 banner: it needs "
        )
        and "at the smallest size allowed (14 cm characters) but the banner has 4.30 m between "
        "its margins: about"
        in line
        for line in too_long
    ), too_long


def test_a_tip_too_long_for_its_card_is_an_error_naming_the_tip_and_the_card(too_long):
    # The fifth tip: it is on ♠5, first of the cards it is dealt on.
    assert any(
        line.startswith(
            "WARNING -  campaigns/tip/index.zh.md: cards[2]: does not fit on its "
            "card of the deck (♠5): it needs "
        )
        for line in too_long
    ), too_long


def test_more_tips_than_a_deck_has_cards_is_an_error(too_long):
    assert (
        "WARNING -  campaigns/tips/index.zh.md: cards: does not fit on the card deck: it "
        "gives 55 tips with the poster's key points, for a deck of 54 cards: leave out 1 (the "
        "poster's points come first, then cards); shorten it (nothing is cut off silently)"
        in too_long
    ), too_long
    # Each campaign's own problem only: the others' formats fit.
    assert not [line for line in too_long if "campaigns/tips/" in line and "banner" in line]


def test_a_board_size_of_another_shape_than_the_layout_is_an_error(tmp_path):
    root = make_project(tmp_path / "p", {"talk": {"index.zh.md": TALK_ZH}},
                        {"formats": ["board"], "board_sizes": ["90x120", "80x180"]})  # fmt: skip
    result = run_mkdocs(root)
    assert result.returncode == 1
    assert (
        'mkdocs.yml: extra.xuanchuan.print.board_sizes[2]: "80x180" is not the shape of the '
        "board layout (900 x 1200 in overrides/print/layouts.yml): expected a size of that "
        "shape, such as 90x120, or a board layout of this shape" in result.output
    ), result.output

"""Tri-fold leaflets, read back: two A4 landscape pages, fonts, text panel by panel, QR."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from fixtures.printing import page_picture, page_size_mm, panel_text, pdf_fonts, pdf_info, qr_codes
from fixtures.sites import fixture_config, page, run_mkdocs, short_address, write_site
from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.settings import load_settings

# Every test here builds a site or runs the command line in another process.
pytestmark = pytest.mark.slow

SITE_URL = "https://www.qxdl.cn/union/"

LEAFLET_ZH = """\
---
title: 春灌安全用电进村
type: safe-electricity
summary: 开泵之前，供电所到机井边讲安全用电。
start: 2027-03-01
end: 2027-04-30
organizer: 城关供电所
contact:
  hotline: 0000-8123456
  address: 石卡镇供电所营业厅
activities:
  - date: 2027-03-05
    title: 机井线路巡查
    time: "9:00-11:30"
    place: 东河村一号井
poster:
  points: [开关箱要防雨防潮, 漏电保护器每月试跳]
---

开头的一段话不属于任何小节。

## 为什么要查机井

机井旁的线路常年受潮，老化以后容易漏电。

- 开关箱要有门有锁
- 电线不能拖在地上

## 法律怎么说

> 任何单位和个人不得危害发电设施、变电设施和电力线路设施。

## 检查清单

| 项目 | 多久一次 |
| --- | --- |
| 漏电保护器试跳 | 每月 |
| 线路检查 | 每季度 |

![机井](well.png)

## 触电急救

1. 先断电
2. 再救人
"""

LEAFLET_EN = """\
---
title: Safe electricity in the villages
summary: Before the pumps start, the station visits the wells.
activities:
  - title: Wiring check at the wells
    place: Donghe well no. 1
poster:
  points: [Keep switch boxes dry, Test the safety switch monthly]
contact:
  address: Service hall, Shika power-supply station
---

## Why we check the wells

Wiring near wells stays damp and wears out.

## First aid

1. Cut the power
2. Then help
"""

PANEL = 99  # mm: an A4 sheet folded in three


def well_picture() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), "#2a6").save(buffer, "PNG")
    return buffer.getvalue()


def make(root: Path, campaigns: dict) -> Path:
    write_site(root, {"index.zh.md": page("首页"), "index.en.md": page("Home")},
               fixture_config(site_url=SITE_URL))
    for slug, files in campaigns.items():
        folder = root / "campaigns" / slug
        folder.mkdir(parents=True)
        for name, data in files.items():
            (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    chosen = LEAFLET_ZH.replace(
        "poster:", "leaflet:\n  sections: [触电急救, 为什么要查机井]\n  fold_guides: true\nposter:"
    )
    root = make(tmp_path_factory.mktemp("leaflets") / "project", {
        "wells-2027": {"index.zh.md": LEAFLET_ZH, "index.en.md": LEAFLET_EN,
                       "well.png": well_picture()},
        "chosen-2027": {"index.zh.md": chosen, "well.png": well_picture()},
    })
    result = run_mkdocs(root)
    assert result.returncode == 0, result.output
    return result


def zh_leaflet(built) -> Path:
    return built.site / "campaigns/wells-2027/wells-2027-leaflet-zh.pdf"


def test_two_a4_landscape_pages_with_the_chinese_fonts_embedded(built):
    for path in [zh_leaflet(built), built.site / "en/campaigns/wells-2027/wells-2027-leaflet-en.pdf"]:
        assert pdf_info(path)["Pages"].strip() == "2"
        assert page_size_mm(path) == (297.0, 210.0)
        fonts = pdf_fonts(path)
        assert {row[0].split("+")[1] for row in fonts} == {
            "NotoSansCJKsc-Regular", "NotoSansCJKsc-Bold"}
        assert all((row[-5], row[-4]) == ("yes", "yes") for row in fonts)


def test_outside_panels_cover_back_and_flap(built):
    flap, back, cover = (panel_text(zh_leaflet(built), 1, PANEL * i, PANEL, 210) for i in range(3))
    assert cover == "安全用电春灌安全用电进村开泵之前，供电所到机井边讲安全用电。城关供电所"
    assert back == ("联系我们城关供电所咨询热线0000-8123456石卡镇供电所营业厅"
                    "2027年3月1日至4月30日扫码查看详情")
    assert flap == "开泵之前，供电所到机井边讲安全用电。要点开关箱要防雨防潮漏电保护器每月试跳"


def test_inside_the_body_flows_in_reading_order_then_the_schedule(built):
    inside = "".join(panel_text(zh_leaflet(built), 2, PANEL * i, PANEL, 210) for i in range(3))
    expected = [
        "开头的一段话不属于任何小节。",
        "为什么要查机井", "机井旁的线路常年受潮，老化以后容易漏电。",
        "开关箱要有门有锁", "电线不能拖在地上",
        "法律怎么说", "任何单位和个人不得危害发电设施、变电设施和电力线路设施。",
        "检查清单", "项目多久一次", "漏电保护器试跳每月", "线路检查每季度",
        "触电急救", "1.先断电", "2.再救人",
        "活动安排", "2027年3月5日9:00-11:30机井线路巡查·东河村一号井",
    ]
    positions = [inside.find(text) for text in expected]
    assert -1 not in positions, [t for t, p in zip(expected, positions, strict=True) if p < 0]
    assert positions == sorted(positions)


def test_the_english_leaflet_speaks_english(built):
    path = built.site / "en/campaigns/wells-2027/wells-2027-leaflet-en.pdf"
    back = panel_text(path, 1, PANEL, PANEL, 210)
    assert back.startswith("Contactus城关供电所Hotline0000-8123456Servicehall")
    inside = "".join(panel_text(path, 2, PANEL * i, PANEL, 210) for i in range(3))
    assert inside == ("WhywecheckthewellsWiringnearwellsstaysdampandwearsout.Firstaid"
                      "1.Cutthepower2.ThenhelpSchedule"
                      "March5,20279:00-11:30Wiringcheckatthewells·Donghewellno.1")


def test_the_qr_code_on_the_back_leads_to_the_page(built, tmp_path):
    picture = page_picture(zh_leaflet(built), 1, tmp_path / "outside.png")
    short = short_address(built.site, "campaigns/wells-2027/index.html")
    assert qr_codes(picture) == [SITE_URL + short]


def test_chosen_sections_only_in_the_order_chosen(built):
    path = built.site / "campaigns/chosen-2027/chosen-2027-leaflet-zh.pdf"
    inside = "".join(panel_text(path, 2, PANEL * i, PANEL, 210) for i in range(3))
    assert inside.startswith("触电急救1.先断电2.再救人为什么要查机井")
    for left_out in ("开头的一段话", "法律怎么说", "检查清单"):
        assert left_out not in inside


def darkest_on_fold(path: Path, tmp_path: Path) -> int:
    with Image.open(page_picture(path, 2, tmp_path / "inside.png", dpi=72)) as image:
        x = round(PANEL * 72 / 25.4)
        grey = image.convert("L")
        return min(grey.getpixel((x + dx, y)) for dx in (-1, 0, 1) for y in range(grey.height))


def test_fold_guides_only_on_request(built, tmp_path):
    assert darkest_on_fold(zh_leaflet(built), tmp_path) == 255
    chosen = built.site / "campaigns/chosen-2027/chosen-2027-leaflet-zh.pdf"
    assert darkest_on_fold(chosen, tmp_path) < 200


def test_the_download_box_offers_the_leaflet(built):
    links = [a["href"] for a in built.html("campaigns/wells-2027/index.html")
             .select(".xc-downloads a")]
    assert links[-1] == "wells-2027-leaflet-zh.pdf"


def test_an_unknown_section_is_named_with_the_choices(tmp_path):
    text = LEAFLET_ZH.replace("poster:", "leaflet:\n  sections: [触电急求]\nposter:")
    make(tmp_path, {"typo-2027": {"index.zh.md": text, "well.png": well_picture()}})
    problems = [str(p) for p in load_campaigns(load_settings(None), tmp_path).problems]
    assert problems == [
        'campaigns/typo-2027/index.zh.md, line 17: leaflet.sections[1]: "触电急求" is not a '
        'section of this file (did you mean "触电急救"?): expected one of its ## headings: '
        '"为什么要查机井", "法律怎么说", "检查清单", "触电急救"'
    ]


def test_a_body_too_long_for_six_panels_fails_with_how_much(tmp_path):
    long_body = "\n\n".join(f"## 第{n}节\n\n" + "机井旁的线路常年受潮，老化以后容易漏电。" * 12
                            for n in range(1, 31))
    text = LEAFLET_ZH.split("开头的一段话")[0] + long_body + "\n"
    root = make(tmp_path / "project", {"long-2027": {"index.zh.md": text}})
    result = run_mkdocs(root)
    assert result.returncode == 1
    message = re.search(r"campaigns/long-2027/index\.zh\.md: leaflet: .*", result.output)
    assert message, result.output
    assert re.fullmatch(
        r"campaigns/long-2027/index\.zh\.md: leaflet: the page text does not fit on the "
        r"leaflet: it needs about \d+ more lines at the smallest size \(7 pt\) than its 3 "
        r"columns hold \(about \d+% too long\): choose fewer sections with leaflet\.sections, "
        r"or shorten the text \(nothing is cut off silently\)",
        message.group(0),
    ), message.group(0)
    assert not (root / "site").exists()

"""Headlines and key points break between words, never inside one, and lines come out even."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from xuanchuan.printing.content import PosterContent
from xuanchuan.printing.drawing import Style
from xuanchuan.printing.layouts import load_layouts
from xuanchuan.printing.linebreak import NO_LINE_START, balanced_lines, break_lines
from xuanchuan.printing.poster import render_pdf
from xuanchuan.printing.words import word_units

PROJECT = Path(__file__).resolve().parents[2]
HEADLINES = [
    "安全生产月 石卡用电保平安",
    "春灌开泵前，先查漏电保护器",
    "五一职工运动会报名开始啦",
    "送文化进工地：戏曲演出和电影放映",
    "农民工返乡服务站为你提供免费热水和休息室",
    "普法宣传进医院：劳动合同法和医疗纠纷预防处理条例",
    "发现有人触电，先断电再救人",
    "漏电保护器每月试跳一次，坏了马上换",
]


def measure(unit: str) -> float:
    """A Chinese character is one wide, a Latin letter or space half."""
    return sum(0.5 if ord(char) < 0x2E80 else 1.0 for char in unit)


def boundaries(units: list[str]) -> set[int]:
    ends, position = {0}, 0
    for unit in units:
        position += len(unit)
        ends.add(position)
    return ends


@pytest.mark.parametrize("headline", HEADLINES)
def test_no_line_breaks_inside_a_word_at_any_width(headline):
    units = word_units(headline)
    allowed = boundaries(units)
    widest_word = max(measure(unit) for unit in units)
    for tenths in range(int(widest_word * 10), int(measure(headline) * 10) + 1):
        lines = break_lines(headline, tenths / 10, measure, units)
        position = 0
        for line in lines[:-1]:
            position = headline.index(line, position) + len(line)
            assert position in allowed or headline[position] == " ", (tenths, lines)
        assert "".join(lines).replace(" ", "") == headline.replace(" ", "")


@pytest.mark.parametrize("headline", HEADLINES)
def test_chinese_punctuation_rules_still_hold(headline):
    units = word_units(headline)
    for width in (4, 5, 6, 7, 9):
        for line in break_lines(headline, width, measure, units)[1:]:
            assert line[0] not in NO_LINE_START


def test_the_campaign_names_stay_whole():
    assert "石卡镇供电所" in word_units("石卡镇供电所进村讲安全用电", ("石卡镇供电所",))
    text = "欢迎到石卡镇供电所营业厅咨询"
    for width in (9, 10, 11, 12):
        lines = break_lines(text, width, measure, word_units(text, ("石卡镇供电所营业厅",)))
        assert any("石卡镇供电所营业厅" in line for line in lines), (width, lines)


def test_lines_are_made_even_instead_of_leaving_a_word_alone():
    headline = "安全生产月 石卡用电保平安"
    units = word_units(headline)
    assert break_lines(headline, 11, measure, units) == ["安全生产月 石卡用电", "保平安"]
    assert balanced_lines(headline, 11, measure, units) == ["安全生产月", "石卡用电保平安"]


def test_the_a4_poster_headline_breaks_between_words(tmp_path):
    layouts = load_layouts(PROJECT / "overrides", PROJECT)
    style = Style(
        layouts.colours_for("safety-month"),
        {"regular": ("Noto Sans CJK SC", False), "bold": ("Noto Sans CJK SC", True)},
    )
    content = PosterContent(kind="safety-month", headline="安全生产月 石卡用电保平安")
    pdf = tmp_path / "poster.pdf"
    pdf.write_bytes(render_pdf(layouts.formats["poster-portrait"], style, content, "A4"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[:2] == ["安全生产月", "石卡用电保平安"]


def test_a_campaign_keeps_its_names_and_chosen_phrases_whole(tmp_path):
    import dataclasses

    from xuanchuan.campaigns.loader import load_campaigns
    from xuanchuan.core.settings import load_settings
    from xuanchuan.core.strings import Translator
    from xuanchuan.printing.jobs import plan_print_files

    settings = load_settings(None)
    campaigns = load_campaigns(settings, PROJECT)
    slug = "spring-irrigation-2027"
    campaigns.campaigns = {slug: campaigns.campaigns[slug]}
    zh = campaigns.campaigns[slug]["zh"]
    kept = dataclasses.replace(zh, poster=dataclasses.replace(zh.poster, keep=("用电保平安",)))
    campaigns.campaigns[slug] = {**campaigns.campaigns[slug], "zh": kept}
    planned, _ = plan_print_files(
        campaigns,
        translators={code: Translator(code, "zh") for code in settings.codes},
        layouts=load_layouts(PROJECT / "overrides", PROJECT),
        sizes=("A4",),
        full_resolution=False,
        page_url=lambda campaign: "https://example.org/",
        cache_dir=tmp_path,
    )
    phrases = {f.language: job.content["phrases"] for f, job in planned if job}
    assert "用电保平安" in phrases["zh"] and "用电保平安" not in phrases["en"]
    assert set(zh.places) <= set(phrases["zh"]) and zh.organizer in phrases["zh"]
    assert "安全用电" in phrases["zh"] and "Safe electricity use" in phrases["en"]
    assert word_units("石卡用电保平安", phrases["zh"]) == ["石卡", "用电保平安"]

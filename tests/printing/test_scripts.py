"""Posters in other scripts: Uyghur shaped and joined right to left, Tibetan stacked,
each from an installed font when the layout's Chinese font lacks it."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from fixtures.printing import glyph_texts
from xuanchuan.printing.content import PosterContent
from xuanchuan.printing.drawing import Style
from xuanchuan.printing.formats.poster import render_pdf
from xuanchuan.printing.layouts import load_layouts

PROJECT = Path(__file__).resolve().parents[2]
LAYOUTS = load_layouts(PROJECT / "overrides", PROJECT)
FONTS = {"regular": ("Noto Sans CJK SC", False), "bold": ("Noto Sans CJK SC", True)}

UYGHUR = PosterContent(
    kind="safe-electricity",
    language="ug",
    headline="توك بىخەتەرلىكىگە دىققەت قىلايلى",
    subheadline="ئۆيدىكى سىملارنى دائىم تەكشۈرەيلى",
    points=("سىم ئۈزۈلۈپ چۈشسە يىراق تۇرۇڭ", "ئادەم توك سوقسا ئاۋۋال توكنى ئۈزۈڭ"),
    organization="يېزا توك تەمىنلەش پونكىتى",
    hotline="95598",
)
TIBETAN = PosterContent(
    kind="safe-electricity",
    language="bo",
    headline="གློག་ཤུགས་ཉེན་སྲུང་ལ་དོ་སྣང་བྱེད།",
    points=("གློག་སྐུད་ཆད་ན་ཐག་རིང་དུ་སྡོད།", "མི་ལ་གློག་ཕོག་ན་སྔོན་ལ་གློག་གཅོད།"),
    organization="གློག་མཁོ་སྤྲོད་ས་ཚིགས།",
)


def poster(tmp_path: Path, content: PosterContent) -> Path:
    style = Style(LAYOUTS.colours_for(content.kind), FONTS, LAYOUTS.fallback)
    path = tmp_path / f"poster-{content.language}.pdf"
    path.write_bytes(render_pdf(LAYOUTS.formats["poster-portrait"], style, content, "A4"))
    return path


def fonts_of(path: Path) -> str:
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout


def test_uyghur_is_drawn_from_an_arabic_font_with_its_letters_joined(tmp_path):
    pdf = poster(tmp_path, UYGHUR)
    assert "NotoSansArabic" in fonts_of(pdf)
    arabic = next(texts for name, texts in glyph_texts(pdf).items() if "Arabic" in name)
    # Joined letters take a different form at the start, middle and end of a word: the
    # same letter is drawn by several glyphs. Unshaped text would use one glyph each.
    forms = Counter(text for text in arabic if len(text) == 1)
    joined = [letter for letter, count in forms.items() if count > 1]
    assert {"ى", "ت", "ل"} <= set(joined), forms


def test_uyghur_reads_back_in_order_and_is_right_aligned(tmp_path):
    pdf = poster(tmp_path, UYGHUR)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    # pdftotext marks right-to-left runs with embedding characters; the words are in order.
    # (It reverses the letters of a ligature such as lam-alef, so the test reads words
    # without one.)
    plain = re.sub("[\u202a-\u202e]", "", text)
    assert "توك بىخەتەرلىكىگە" in plain.splitlines()[2]
    # The headline block is left-aligned in the layout: in Uyghur it starts at the right.
    block = next(b for b in LAYOUTS.formats["poster-portrait"].sides[0] if b.field == "headline")
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]+)<', boxes)
    mm = 25.4 / 72
    headline = [(float(a) * mm, float(b) * mm) for a, b, word in words if word in UYGHUR.headline]
    right_edge = max(b for _, b in headline)
    assert abs(right_edge - (block.x + block.w)) < 3, (right_edge, block.x + block.w)
    assert min(a for a, _ in headline) > block.x + 5


def test_tibetan_letters_are_stacked(tmp_path):
    pdf = poster(tmp_path, TIBETAN)
    assert "Tibetan" in fonts_of(pdf)
    tibetan = next(texts for name, texts in glyph_texts(pdf).items() if "Tibetan" in name)
    # A stack (ག with a subjoined ླ) is one glyph standing for two or more characters.
    assert any(len(text) > 1 for text in tibetan), tibetan
    assert "གླ" in tibetan or any(text.startswith("གླ") for text in tibetan), tibetan


@pytest.mark.parametrize("content", [UYGHUR, TIBETAN], ids=["ug", "bo"])
def test_the_same_poster_gives_the_same_bytes(tmp_path, content):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert (
        poster(tmp_path / "a", content).read_bytes() == poster(tmp_path / "b", content).read_bytes()
    )


def test_a_character_the_chinese_font_lacks_comes_from_another_installed_font(tmp_path):
    # Noto Sans CJK has no "⚡" (U+26A1); another installed font does, and draws it.
    content = PosterContent(kind="safe-electricity", language="zh", headline="⚡ 高压危险 ⚡")
    pdf = poster(tmp_path, content)
    fallback = [name for name, texts in glyph_texts(pdf).items() if "⚡" in texts]
    assert fallback and not any("CJK" in name for name in fallback), glyph_texts(pdf)

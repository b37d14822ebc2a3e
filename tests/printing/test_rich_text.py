"""A leaflet prints the body's bold, italic and code as such: read back from the PDF, each
styled word is drawn in its own face."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from xuanchuan.printing.content import PosterContent
from xuanchuan.printing.drawing import Style
from xuanchuan.printing.formats.poster import render_pdf
from xuanchuan.printing.layouts import load_layouts
from xuanchuan.printing.text.body_blocks import body_blocks

PROJECT = Path(__file__).resolve().parents[2]
LAYOUTS = load_layouts(PROJECT / "overrides", PROJECT)
FONTS = {"regular": ("Noto Sans CJK SC", False), "bold": ("Noto Sans CJK SC", True)}
BODY = """\
机井旁的线路常年受潮，**必须先断电**再检修。

Test the switch *every month*, call `95598` or see [the guide](https://example.org/).

- 开关箱要有**门和锁**
"""


def faces_of_words(pdf: bytes) -> dict[str, set[str]]:
    """Each piece of text the PDF shows, with the fonts it is shown in."""
    found: dict[str, set[str]] = {}

    def visit(text, cm, tm, font, size):
        if text.strip() and font:
            found.setdefault(text.strip(), set()).add(str(font["/BaseFont"]))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return found


def leaflet(tmp_path: Path) -> bytes:
    content = PosterContent(
        kind="safe-electricity",
        language="zh",
        title="春灌",
        body=tuple(body_blocks(BODY, tmp_path)),
    )
    style = Style(LAYOUTS.colours_for("safe-electricity"), FONTS, LAYOUTS.fallback)
    return render_pdf(LAYOUTS.formats["leaflet"], style, content, "A4-landscape")


def fonts_showing(found: dict[str, set[str]], word: str) -> set[str]:
    return set().union(*(fonts for text, fonts in found.items() if word in text))


def test_a_bold_word_is_drawn_in_the_bold_face_and_its_neighbours_are_not(tmp_path):
    found = faces_of_words(leaflet(tmp_path))
    assert any("Bold" in font for font in fonts_showing(found, "必须先断电")), found
    assert not any("Bold" in font for font in fonts_showing(found, "机井旁的线路")), found
    assert any("Bold" in font for font in fonts_showing(found, "门和锁")), found


def test_code_is_drawn_in_a_monospaced_face_and_a_link_as_its_text(tmp_path):
    found = faces_of_words(leaflet(tmp_path))
    assert any("Mono" in font for font in fonts_showing(found, "95598")), found
    assert fonts_showing(found, "the guide") and not fonts_showing(found, "example.org")

"""Every character printed is in the PDF with its whole outline.

cairo 1.16 subsets CFF fonts itself and misreads some of Noto Sans CJK's glyphs: 如 came out
of every PDF as nothing. Print files therefore draw with a copy of the font that cairo reads
right (``printing.embeddable``); these tests read the fonts back out of real PDFs.
"""

from __future__ import annotations

from pathlib import Path

import cairocffi
import pytest
from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTFont

from fixtures.printing import embedded_outlines, page_picture
from xuanchuan.printing.content import PosterContent
from xuanchuan.printing.drawing import Style
from xuanchuan.printing.formats.poster import render_pdf
from xuanchuan.printing.layouts import load_layouts
from xuanchuan.printing.text.embeddable import print_fonts
from xuanchuan.printing.text.pango import Face, Typesetter

PROJECT = Path(__file__).resolve().parents[2]
LAYOUTS = load_layouts(PROJECT / "overrides", PROJECT)

# Characters cairo 1.16 dropped from Noto Sans CJK SC (如), those beside them, and a spread
# over the whole block of common hanzi, with punctuation and digits.
SAMPLE = "如何如果比如例如，安全用电、漏电保护器；《中华人民共和国电力法》95598！" + "".join(
    chr(code) for code in range(0x4E00, 0x9FA6, 7)
)


@pytest.fixture(scope="module")
def fonts():
    return print_fonts(LAYOUTS.fonts)


def source_outlines(font) -> dict[str, list]:
    """The outlines of the installed font the print copy was made from."""
    source = font.source or font
    face = TTFont(source.path, fontNumber=source.index, lazy=True)
    cmap, glyphs = face.getBestCmap(), face.getGlyphSet()
    found = {}
    for char in dict.fromkeys(SAMPLE):
        pen = RecordingPen()
        glyphs[cmap[ord(char)]].draw(pen)
        found[char] = pen.value
    return found


def set_in_pdf(path: Path, fonts, text: str) -> Path:
    surface = cairocffi.PDFSurface(str(path), 595, 842)
    context = cairocffi.Context(surface)
    typesetter = Typesetter(context, "zh")
    for font in fonts.values():  # a page each
        paragraph = typesetter.paragraph(text, Face(font.family, font.bold), 8, 560)
        for line in range(len(paragraph.lines)):
            paragraph.draw_line(line, 18, 18 + line * 10, 10)
        context.show_page()
    surface.finish()
    return path


def test_the_font_is_drawn_from_a_copy_without_subroutines(fonts):
    for font in fonts.values():
        assert font.source is not None and font.family.startswith(font.source.family)
        charstrings = TTFont(font.path)["CFF "].cff.topDictIndex[0]
        assert not any(
            len(fd.Private.Subrs) if hasattr(fd.Private, "Subrs") else 0
            for fd in charstrings.FDArray
        )


@pytest.mark.slow  # some three thousand characters drawn and read back, glyph by glyph
def test_every_glyph_in_the_pdf_has_the_outline_of_the_installed_font(tmp_path, fonts):
    pdf = set_in_pdf(tmp_path / "sample.pdf", fonts, SAMPLE)
    embedded = embedded_outlines(pdf)
    assert len(embedded) == 2, embedded.keys()
    for font in fonts.values():
        name = next(n for n in embedded if n.endswith("Bold" if font.bold else "Regular"))
        expected = source_outlines(font)
        drawn = embedded[name]
        assert set(drawn) == set(expected)
        damaged = [char for char in expected if drawn[char] != expected[char]]
        assert not damaged, (name, damaged[:20])


def test_a_poster_with_ru_shows_it_in_ink(tmp_path, fonts):
    content = PosterContent(
        kind="safe-electricity",
        language="zh",
        headline="如有人触电",
        points=("如发现电线断落，请远离并拨打 95598",),
        organization="如意镇供电所",
    )
    style = Style(
        LAYOUTS.colours_for(content.kind),
        {name: (font.family, font.bold) for name, font in fonts.items()},
        LAYOUTS.fallback,
    )
    pdf = tmp_path / "poster.pdf"
    pdf.write_bytes(render_pdf(LAYOUTS.formats["poster-portrait"], style, content, "A4"))
    for name, outlines in embedded_outlines(pdf).items():
        assert isinstance(outlines["如"], list) and outlines["如"], name
    # And poppler draws it: the character alone on a page leaves ink where it stands.
    only = set_in_pdf(tmp_path / "ru.pdf", {"regular": fonts["regular"]}, "如")
    from PIL import Image

    with Image.open(page_picture(only, 1, tmp_path / "ru.png", dpi=72)) as picture:
        box = picture.convert("L").crop((18, 18, 30, 30))
        assert box.getextrema()[0] < 128, "如 left no ink"

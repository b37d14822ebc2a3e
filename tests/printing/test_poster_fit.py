"""Text that does not fit its box is an error saying how much is too long, never a clip."""

from __future__ import annotations

from pathlib import Path

import pytest

from xuanchuan.printing.content import PosterContent
from xuanchuan.printing.drawing import Overflow, Style
from xuanchuan.printing.formats.poster import render_pdf
from xuanchuan.printing.layouts import load_layouts

PROJECT = Path(__file__).resolve().parents[2]
LAYOUTS = load_layouts(PROJECT / "overrides", PROJECT)
STYLE = Style(
    LAYOUTS.colours_for("union-work"),
    {"regular": ("Noto Sans CJK SC", False), "bold": ("Noto Sans CJK SC", True)},
)


def render(**texts):
    content = PosterContent(kind="union-work", **{"headline": "五一职工运动会", **texts})
    return render_pdf(LAYOUTS.formats["poster-portrait"], STYLE, content, "A4")


def test_a_poster_that_fits_is_drawn():
    assert render(hotline="热线 12351").startswith(b"%PDF-")


def test_a_contact_line_too_long_even_at_the_smallest_size():
    with pytest.raises(Overflow) as caught:
        render(address="石卡镇" * 40)
    assert caught.value.field == "address"
    assert str(caught.value).startswith(
        "does not fit on one line of the contact block even at 8 pt: about "
    )
    assert str(caught.value).endswith("% too long")


def test_a_headline_too_long_even_at_the_smallest_size():
    with pytest.raises(Overflow) as caught:
        render(headline="安全生产月" * 40)
    assert caught.value.field == "headline"
    assert "lines at the smallest size (22 pt) but the box holds" in str(caught.value)

"""The pictogram grid: where each point goes, its icon drawn in the layout's colour, text
fitted to the cell or an error; icon names checked against the sets Material ships."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from xuanchuan.core.errors import SourceError
from xuanchuan.printing.content import PosterContent
from xuanchuan.printing.drawing import Overflow, Style
from xuanchuan.printing.formats.icons import Icons, coloured, icon_folders
from xuanchuan.printing.formats.pictograms import grid
from xuanchuan.printing.formats.poster import render_pdf, render_png
from xuanchuan.printing.layouts import load_layouts

PROJECT = Path(__file__).resolve().parents[2]
LAYOUTS = load_layouts(PROJECT / "overrides", PROJECT)
ICONS = Icons(icon_folders(PROJECT / "overrides"))
PORTRAIT = LAYOUTS.formats["poster-pictograms-portrait"]
BLOCK = next(b for b in PORTRAIT.sides[0] if b.type == "pictograms")
COLOURS = LAYOUTS.colours_for("safety-month")
STYLE = Style(COLOURS, {"regular": ("Noto Sans CJK SC", False), "bold": ("Noto Sans CJK SC", True)})
POINTS = (
    "不私拉乱接",
    "电线下面不放风筝",
    "电杆旁不拴牲口",
    "电线断落，远离并拨打95598",
    "先断电再救人",
)
NAMES = (
    "material/power-plug-off",
    "material/kite",
    "material/transmission-tower",
    "material/phone-alert",
    "material/flash-off",
)


def content(**changes) -> PosterContent:
    icons = tuple(ICONS.svg(name) for name in NAMES)
    made = PosterContent(
        kind="safety-month", language="zh", headline="安全生产月", points=POINTS, icons=icons
    )
    return replace(made, **changes)


def test_five_points_make_a_row_of_three_and_a_centred_row_of_two():
    cells = grid(BLOCK, 5)
    assert [round(c.y) for c in cells[:3]] == [round(cells[0].y)] * 3
    assert cells[3].y > cells[0].y + cells[0].h
    # The second row is centred under the first.
    left, right = cells[3].x - BLOCK.x, BLOCK.x + BLOCK.w - (cells[4].x + cells[4].w)
    assert left == pytest.approx(right) and left > 0
    assert all(c.w == pytest.approx(cells[0].w) for c in cells)


def test_four_points_make_two_rows_of_two_and_one_point_fills_the_grid():
    cells = grid(BLOCK, 4)
    assert len({round(c.y, 3) for c in cells}) == 2 and len({round(c.x, 3) for c in cells}) == 2
    (only,) = grid(BLOCK, 1)
    assert (only.x, only.y, only.w, only.h) == (BLOCK.x, BLOCK.y, BLOCK.w, BLOCK.h)
    # An icon never grows beyond the size the layout gives it.
    assert only.icon_size == BLOCK.icon_size


def test_each_icon_is_drawn_in_the_layout_colour_inside_its_box():
    width = 1050  # 5 pixels per millimetre on A4
    picture = Image.open(io.BytesIO(render_png(PORTRAIT, STYLE, content(), width))).convert("RGB")
    scale = width / PORTRAIT.page.width
    primary = tuple(int(COLOURS["primary"][i : i + 2], 16) for i in (1, 3, 5))
    for cell, name in zip(grid(BLOCK, 5), NAMES, strict=True):
        box = [
            round(v * scale)
            for v in (
                cell.icon_x,
                cell.icon_y,
                cell.icon_x + cell.icon_size,
                cell.icon_y + cell.icon_size,
            )
        ]
        inside = picture.crop(box)
        inked = sum(1 for p in _pixels(inside) if _near(p, primary))
        share = inked / (inside.width * inside.height)
        # The share of the box the icon covers, as CairoSVG draws the icon alone.
        assert share == pytest.approx(_coverage(ICONS.svg(name)), abs=0.06), name
        assert 0.1 < share < 0.9, name


def test_a_point_without_an_icon_gets_a_numbered_disc_never_an_empty_cell():
    width = 1050
    icons = content().icons[:2] + (None,) * 3
    picture = Image.open(io.BytesIO(render_png(PORTRAIT, STYLE, content(icons=icons), width)))
    picture = picture.convert("RGB")
    scale = width / PORTRAIT.page.width
    primary = tuple(int(COLOURS["primary"][i : i + 2], 16) for i in (1, 3, 5))
    cell = grid(BLOCK, 5)[4]
    centre = (
        round((cell.icon_x + cell.icon_size * 0.15) * scale),
        round((cell.icon_y + cell.icon_size / 2) * scale),
    )
    assert _near(picture.getpixel(centre), primary)


def test_a_point_too_long_for_its_cell_is_an_error_naming_it():
    long = ("第二条要点写得太长了，一个格子放不下这么多字，" * 6,)
    with pytest.raises(Overflow) as caught:
        render_pdf(PORTRAIT, STYLE, content(points=POINTS[:1] + long + POINTS[2:]), "A4")
    assert caught.value.field == "points"
    message = str(caught.value)
    assert message.startswith("needs ")
    assert (
        "lines at the smallest size (9 pt) in its pictogram cell (point 2) but the cell holds"
        in message
    )
    assert message.endswith("line(s) too long")


def test_an_unknown_icon_is_told_the_closest_name():
    assert ICONS.svg("material/flash-alrt") is None
    assert str(ICONS.unknown("material/flash-alrt")) == (
        'there is no icon "material/flash-alrt" (did you mean "material/flash-alert"?): expected '
        'the name of an icon Material ships, such as "material/flash-alert" (the names are '
        "listed at https://pictogrammers.com/library/mdi/), or of an SVG file in overrides/.icons/"
    )
    assert '(did you mean "material/kite"?)' in str(ICONS.unknown("materail/kite"))
    assert '(did you mean "fontawesome/solid/bolt"?)' in str(
        ICONS.unknown("fontawesome/solid/blot")
    )
    assert "did you mean" not in str(ICONS.unknown("material/zzzzzzzzzzzz"))
    # Nothing outside the icon folders is read.
    assert ICONS.svg("material/../../../../etc/passwd") is None


def test_the_team_s_own_icons_come_first(tmp_path):
    own = tmp_path / ".icons" / "material"
    own.mkdir(parents=True)
    (own / "kite.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2">'
        '<rect width="2" height="2"/></svg>'
    )
    icons = Icons(icon_folders(tmp_path))
    assert b"<rect" in icons.svg("material/kite")
    assert icons.svg("material/flash-alert") == ICONS.svg("material/flash-alert")
    found = (own / "kite.svg").stat()
    assert icons.own_files() == [("material/kite.svg", found.st_size, found.st_mtime_ns)]


def test_a_team_icon_that_cannot_be_drawn_is_named(tmp_path):
    own = tmp_path / ".icons" / "team"
    own.mkdir(parents=True)
    (own / "cut.svg").write_text("<svg viewBox='0 0 24 24'><path d='M0 0h24'/>", encoding="utf-8")
    (own / "plain.svg").write_text("<svg><path d='M0 0h24'/></svg>", encoding="utf-8")
    (own / "bomb.svg").write_text(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg viewBox="0 0 1 1">&a;</svg>',
        encoding="utf-8",
    )
    icons = Icons(icon_folders(tmp_path))
    assert str(icons.unreadable("team/cut")).startswith(
        'the icon "team/cut" cannot be drawn: its file is not an SVG picture (no element found'
    )
    assert str(icons.unreadable("team/plain")) == (
        'the icon "team/plain" cannot be drawn: its file is not an SVG picture (no viewBox): '
        "expected an SVG file with a viewBox, as Material's icons are"
    )
    assert "cannot be drawn" in str(icons.unreadable("team/bomb"))
    assert icons.unreadable("material/kite") is None


def test_an_icon_is_given_the_colour_unless_it_names_its_own():
    plain = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0h1"/></svg>'
    assert coloured(plain, "#e65100").startswith(b'<svg fill="#e65100" color="#e65100" xmlns')
    own = b'<svg fill="#00ff00" viewBox="0 0 24 24"><path d="M0 0h1"/></svg>'
    assert (
        coloured(own, "#e65100")
        == b'<svg color="#e65100" fill="#00ff00" viewBox="0 0 24 24"><path d="M0 0h1"/></svg>'
    )


def test_a_default_icon_that_does_not_exist_is_reported_on_its_line(tmp_path):
    text = (PROJECT / "overrides/print/layouts.yml").read_text(encoding="utf-8")
    broken = text.replace(
        "safety-month: material/shield-check", "safety-month: material/sheild-check"
    )
    (tmp_path / "print").mkdir()
    (tmp_path / "print/layouts.yml").write_text(broken, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_layouts(tmp_path, tmp_path)
    (problem,) = caught.value.problems
    line = next(n for n, t in enumerate(broken.splitlines(), 1) if "sheild-check" in t)
    assert (problem.path, problem.line, problem.field) == (
        "print/layouts.yml",
        line,
        "pictogram_icons.safety-month",
    )
    assert str(problem.message).startswith(
        'there is no icon "material/sheild-check" (did you mean "material/shield-check"?)'
    )


def _near(pixel, colour, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def _coverage(svg: bytes) -> float:
    import cairosvg

    png = cairosvg.svg2png(bytestring=svg, output_width=200, output_height=200)
    alpha = Image.open(io.BytesIO(png)).getchannel("A")
    return sum(1 for a in alpha.tobytes() if a > 128) / (200 * 200)


def _pixels(picture):
    data = picture.tobytes()
    return (tuple(data[i : i + 3]) for i in range(0, len(data), 3))

"""Print layouts as typed data: every block property has one default, errors name the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from xuanchuan.core.errors import SourceError
from xuanchuan.printing.content import LISTS, SOURCES, TEXTS, PosterContent
from xuanchuan.printing.layouts import Block, load_layouts

PROJECT = Path(__file__).resolve().parents[2]


def test_the_project_layouts_load_as_typed_blocks():
    layouts = load_layouts(PROJECT / "overrides", PROJECT)
    assert set(layouts.formats) == {
        "poster-portrait", "poster-landscape", "poster-photo-portrait", "poster-photo-landscape",
        "poster-pictograms-portrait", "poster-pictograms-landscape", "share", "leaflet", "summary",
        "board", "cards",
    }
    assert [len(layouts.formats["cards"].sides), layouts.formats["cards"].page.width] == [2, 63]
    assert (layouts.banner.text, layouts.banner.fill) == (0.6, "primary")
    leaflet = layouts.formats["leaflet"]
    assert len(leaflet.sides) == 2
    flow = next(block for block in leaflet.sides[1] if block.type == "flow")
    assert [column.x for column in flow.columns] == [9, 108, 207]
    qr_caption = next(b for b in layouts.formats["poster-portrait"].sides[0] if b.field == "qr_caption")
    assert qr_caption.line_height == 1.25  # not written in the file: the one default


def test_a_block_has_one_default_for_each_property():
    block = Block(type="text")
    assert (block.line_height, block.max_size, block.min_size) == (1.25, 12, 8)
    assert (block.align, block.valign, block.font, block.colour) == ("left", "top", "regular", "text")


def test_a_layout_names_the_content_it_draws():
    layouts = load_layouts(PROJECT / "overrides", PROJECT)
    share = layouts.formats["share"].content_used()
    assert {"headline", "subheadline", "dates", "organizer", "type_label", "photo", "phrases"} == share
    assert {"body", "url", "fold_guides", "points"} <= layouts.formats["leaflet"].content_used()


def test_printable_texts_are_read_from_the_content_declaration():
    assert "headline" in TEXTS and "points" in LISTS and "url" not in TEXTS
    assert SOURCES["headline"] == "poster.headline" and SOURCES["hotline"] == "contact.hotline"
    assert set(TEXTS) | set(LISTS) <= {f for f in PosterContent.__dataclass_fields__}


def test_a_wrong_block_is_reported_on_its_line(tmp_path):
    text = (PROJECT / "overrides/print/layouts.yml").read_text(encoding="utf-8")
    broken = text.replace("field: headline, x: 14, y: 22", "field: headlin, x: 14, y: 22", 1)
    (tmp_path / "print").mkdir()
    (tmp_path / "print/layouts.yml").write_text(broken, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_layouts(tmp_path, tmp_path)
    (problem,) = caught.value.problems
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if "headlin," in text)
    assert (problem.path, problem.line, problem.field) == (
        "print/layouts.yml", line, "poster-portrait.blocks[4].field"
    )
    assert 'got the text "headlin" (did you mean "headline"?)' in str(problem.message)


def load_problems(tmp_path, text: str) -> list:
    (tmp_path / "print").mkdir(exist_ok=True)
    (tmp_path / "print/layouts.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_layouts(tmp_path, tmp_path)
    return caught.value.problems


def test_text_three_millimetres_from_the_edge_is_an_error_naming_layout_block_and_edge(tmp_path):
    text = (PROJECT / "overrides/print/layouts.yml").read_text(encoding="utf-8")
    moved = text.replace("field: headline, x: 14, y: 22", "field: headline, x: 3, y: 22", 1)
    (problem,) = load_problems(tmp_path, moved)
    line = next(n for n, text in enumerate(moved.splitlines(), 1) if "headline, x: 3," in text)
    assert (problem.path, problem.line, problem.field) == (
        "print/layouts.yml", line, "poster-portrait.blocks[4]"
    )
    assert str(problem.message) == (
        "the text block (field: headline) comes 3 mm from the left edge of the paper "
        "(210 × 297 mm): expected at least 5 mm, as office printers leave about that much "
        "unprinted at the edges and a print shop's cut may wander; move it inwards"
    )


def test_a_leaflet_column_and_a_qr_code_near_two_edges_are_named_with_each_edge(tmp_path):
    text = (PROJECT / "overrides/print/layouts.yml").read_text(encoding="utf-8")
    moved = text.replace("{x: 207, y: 10, w: 81, h: 190}", "{x: 207, y: 10, w: 86, h: 197}", 1)
    moved = moved.replace("{type: qr, x: 246, y: 168, size: 30", "{type: qr, x: 270, y: 182, size: 30", 1)
    problems = load_problems(tmp_path, moved)
    assert [(p.field, str(p.message).split(" of the paper")[0]) for p in problems] == [
        ("poster-landscape.blocks[10]",
         "the qr block comes 3 mm past the right edge and 2 mm past the bottom edge"),
        ("leaflet.pages[2].blocks[1]",
         "column 3 of the flow block comes 4 mm from the right edge and 3 mm from the bottom edge"),
    ]


def test_a_layout_drawn_larger_than_its_smallest_paper_keeps_the_margin_on_that_paper(tmp_path):
    # A team's layout in A3 units: posters also print on A4, where 6 units are 4.2 mm.
    problems = load_problems(tmp_path, """\
colours:
  default: {primary: "#b71c1c", on_primary: "#ffffff", accent: "#ffca28", text: "#212121", muted: "#616161", paper: "#ffffff"}
fonts: {regular: "Noto Sans CJK SC", bold: "Noto Sans CJK SC:bold"}
poster-portrait:
  page: {width: 297, height: 420}
  blocks:
    - {type: rect, x: 0, y: 0, w: 297, h: 100}
    - {type: image, x: 0, y: 100, w: 297, h: 100}
    - {type: lines, fields: [dates, hotline], x: 20, y: 410, w: 200, h: 6}
    - {type: logo, x: 6, y: 20, w: 30, h: 20}
    - {type: qr, x: 8, y: 300, size: 40}
""")
    assert [(p.line, p.field, str(p.message).split(" of the paper")[0]) for p in problems] == [
        (9, "poster-portrait.blocks[3]",
         "the lines block (fields: dates, hotline) comes 2.8 mm from the bottom edge"),
        (10, "poster-portrait.blocks[4]", "the logo block comes 4.2 mm from the left edge"),
    ]
    assert "(210 × 297 mm)" in str(problems[0].message)


@pytest.mark.parametrize(
    "old,new,field",
    [
        ("max_size: 48", "max_size: 100000000", "max_size"),
        ("max_size: 48", "max_size: 1e308", "max_size"),
        ("field: headline, x: 14, y: 22", "field: headline, x: 14, y: 22, w: 99999999", "w"),
        ("field: headline, x: 14, y: 22", "field: headline, x: -1e9, y: 22", "x"),
    ],
)
def test_every_number_of_a_layout_has_a_range(tmp_path, old, new, field):
    text = (PROJECT / "overrides/print/layouts.yml").read_text(encoding="utf-8")
    assert old in text
    problems = load_problems(tmp_path, text.replace(old, new, 1))
    assert any(problem.field.endswith("." + field) for problem in problems), problems
    assert any("expected" in str(problem.message) for problem in problems)

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
        "poster-portrait", "poster-landscape", "share", "leaflet", "summary", "board", "cards"
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

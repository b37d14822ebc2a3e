"""The leaflet's flowing text: Markdown to blocks, blocks set in columns."""

from __future__ import annotations

import cairocffi
import pytest

from xuanchuan.campaigns.sections import section_titles, select_sections
from xuanchuan.printing.layouts import Area
from xuanchuan.printing.text.body_blocks import body_blocks
from xuanchuan.printing.text.flow import NoRoom, Setting, set_blocks
from xuanchuan.printing.text.flow_drawing import block_setter
from xuanchuan.printing.text.pango import Typesetter

BODY = """\
Intro.

## 为什么

机井旁的线路**常年受潮**。

1. 先断电
2. 再施救

> 法律条文

| 项目 | 时间 |
| --- | --- |
| 试跳 | 每月 |

## 其他

结尾。
"""
FENCED = "## 一\n\n```\n## not a heading\n```\n\n## 二\n"


def test_markdown_becomes_plain_blocks(tmp_path):
    blocks = body_blocks(BODY, tmp_path)
    assert [b["kind"] for b in blocks] == ["p", "h2", "p", "li", "li", "quote", "table", "h2", "p"]
    assert blocks[2]["text"] == "机井旁的线路常年受潮。"
    assert blocks[2]["markup"] == "机井旁的线路<b>常年受潮</b>。"
    assert [b["marker"] for b in blocks[3:5]] == ["1.", "2."]
    assert blocks[6]["rows"] == [["项目", "时间"], ["试跳", "每月"]] and blocks[6]["header"] == 1


def test_sections_are_the_level_two_headings_outside_code():
    assert section_titles(BODY) == ["为什么", "其他"]
    assert section_titles(FENCED) == ["一", "二"]
    assert select_sections(BODY, ["其他", "为什么"]).startswith("## 其他\n\n结尾。\n\n## 为什么")


def setter():
    """Real text setting on a real cairo surface, in the starter layouts' font."""
    surface = cairocffi.ImageSurface(cairocffi.FORMAT_RGB24, 10, 10)
    typesetter = Typesetter(cairocffi.Context(surface), "zh")
    fonts = {"regular": ("Noto Sans CJK SC", False), "bold": ("Noto Sans CJK SC", True)}
    return block_setter(typesetter, fonts)


def test_blocks_flow_into_the_next_column_and_report_what_does_not_fit():
    # A Chinese character is one em wide: 20 to a line, one line to a column.
    columns = [Area(x=0, y=0, w=20, h=1.5), Area(x=30, y=0, w=20, h=1.5)]
    blocks = [{"kind": "p", "text": "字" * 30}]
    ops = set_blocks(blocks, columns, Setting(1, 1.0, setter()))
    assert {op.x for op in ops} == {0, 30}
    assert "".join(op.paragraph.lines[op.line].text for op in ops) == "字" * 30
    with pytest.raises(NoRoom) as caught:
        set_blocks([{"kind": "p", "text": "字" * 500}], columns, Setting(1, 1.0, setter()))
    assert caught.value.missing > 0


def test_with_more_pages_the_text_runs_on_and_each_op_names_its_page():
    first = [Area(x=0, y=5, w=20, h=2)]  # two lines under a title
    following = [Area(x=0, y=0, w=20, h=3)]  # three lines a page after it
    blocks = [{"kind": "p", "text": "字" * 20 * 9}]  # nine lines: 2 + 3 + 3 + 1
    ops = set_blocks(blocks, first, Setting(1, 1.0, setter()), more_columns=following)
    assert [op.page for op in ops] == [0, 0, 1, 1, 1, 2, 2, 2, 3]
    assert [op.y for op in ops[:3]] == [5, 6, 0]
    assert "".join(op.paragraph.lines[op.line].text for op in ops) == "字" * 180


def test_a_block_taller_than_every_page_is_no_room_not_endless_pages():
    first = [Area(x=0, y=0, w=10, h=2)]
    following = [Area(x=0, y=0, w=10, h=2)]
    # A table row of three lines (more with its padding) fits no page.
    tall = {"kind": "table", "rows": [["字" * 25]], "header": 0}
    with pytest.raises(NoRoom):
        set_blocks([tall], first, Setting(1, 1.0, setter()), more_columns=following)


def test_a_target_bar_keeps_its_label_and_draws_a_mark():
    columns = [Area(x=0, y=0, w=60, h=20)]
    bar = {
        "kind": "bar",
        "text": "发放宣传单",
        "numbers": "完成 1900份 / 目标 2000份",
        "status": "未达成",
        "state": "not-met",
        "share": 0.95,
    }
    ops = set_blocks([bar], columns, Setting(1, 1.5, setter()))
    rects = [op for op in ops if op.kind == "rect"]
    # The track and, over it, the share reached.
    assert [round(op.w / rects[0].w, 2) for op in rects] == [1.0, 0.95]
    assert [op.kind for op in ops if op.kind not in ("rect", "line")] == ["cross"]
    texts = [op.paragraph.lines[op.line].text for op in ops if op.kind == "line"]
    assert texts == ["发放宣传单", "完成 1900份 / 目标 2000份", "未达成"]


def test_bold_italic_and_code_become_pango_markup_and_plain_text(tmp_path):
    blocks = body_blocks(
        "先**断电**，再*施救*；拨打 `95598` 或 [热线](https://example.org/)。", tmp_path
    )
    assert blocks == [
        {
            "kind": "p",
            "text": "先断电，再施救；拨打 95598 或 热线。",
            "markup": "先<b>断电</b>，再<i>施救</i>；拨打 <tt>95598</tt> 或 热线。",
        }
    ]


def test_markup_characters_in_the_text_are_escaped_and_spaces_stay_outside_styles(tmp_path):
    (block,) = body_blocks("a < b & <b> c <i> </i></b> \ufdd0d", tmp_path)
    assert block["text"] == "a < b & c d"
    assert block["markup"] == "a &lt; b &amp; <b>c</b> d"

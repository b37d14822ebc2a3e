"""The leaflet's flowing text: Markdown to blocks, blocks set in columns."""

from __future__ import annotations

import pytest

from xuanchuan.campaigns.sections import section_titles, select_sections
from xuanchuan.printing.flow import NoRoom, body_blocks, set_blocks
from xuanchuan.printing.layouts import Area

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
    assert [b["marker"] for b in blocks[3:5]] == ["1.", "2."]
    assert blocks[6]["rows"] == [["项目", "时间"], ["试跳", "每月"]] and blocks[6]["header"] == 1


def test_sections_are_the_level_two_headings_outside_code():
    assert section_titles(BODY) == ["为什么", "其他"]
    assert section_titles(FENCED) == ["一", "二"]
    assert select_sections(BODY, ["其他", "为什么"]).startswith("## 其他\n\n结尾。\n\n## 为什么")


def measure(text, size):
    return len(text) * size


def test_blocks_flow_into_the_next_column_and_report_what_does_not_fit():
    columns = [Area(x=0, y=0, w=20, h=1.5), Area(x=30, y=0, w=20, h=1.5)]
    blocks = [{"kind": "p", "text": "字" * 30}]
    ops = set_blocks(blocks, columns, 1, 1.0, {"regular": measure, "bold": measure}, None)
    assert {op.x for op in ops} == {0, 30}
    assert "".join(op.text for op in ops) == "字" * 30
    with pytest.raises(NoRoom) as caught:
        set_blocks([{"kind": "p", "text": "字" * 500}], columns, 1, 1.0,
                   {"regular": measure, "bold": measure}, None)
    assert caught.value.missing > 0

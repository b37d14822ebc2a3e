"""Text the team wrote stays text: markup escaped once, direction marks kept inside it."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from xuanchuan.core.errors import SourceError
from xuanchuan.core.frontmatter import parse_document
from xuanchuan.site.pages.plain_text import as_html, plain_text_titles

RLO, PDF, FSI, PDI = "\u202e", "\u202c", "\u2068", "\u2069"


@pytest.mark.parametrize(
    "text,shown",
    [
        ("急救 <b>", "急救 &lt;b&gt;"),
        (f"{RLO}救急", f"{FSI}{RLO}救急{PDI}"),
        (f"ئۇيغۇرچە \u200f{RLO}x{PDF}", f"{FSI}ئۇيغۇرچە \u200f{RLO}x{PDF}{PDI}"),
        ("\u2066isolated\u2069", f"{FSI}\u2066isolated\u2069{PDI}"),
        ("plain ئۇيغۇرچە", "plain ئۇيغۇرچە"),
    ],
)
def test_a_field_shows_its_text_and_its_direction_marks_stop_at_its_end(text, shown):
    assert str(as_html(text)) == shown


def test_what_is_made_safe_once_is_not_escaped_again():
    once = as_html("<b>")
    assert as_html(once) == once == Markup("&lt;b&gt;")


class Item:
    def __init__(self, title, children=None):
        self.title = title
        if children is not None:
            self.children = children


def test_every_title_of_a_menu_is_text():
    inner = Item("x<img src=x onerror=alert(1)>")
    section = Item("<svg onload=alert(2)>", [inner, Item(Markup("已经&lt;安全&gt;"))])
    plain_text_titles([section])
    assert section.title == "&lt;svg onload=alert(2)&gt;"
    assert inner.title == "x&lt;img src=x onerror=alert(1)&gt;"
    assert section.children[1].title == "已经&lt;安全&gt;"


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x07", "\x0b", "\x0c", "\x7f", "\x85", "\x9b"])
def test_a_control_character_in_the_text_is_refused_on_its_line(character):
    with pytest.raises(SourceError) as raised:
        parse_document(f"---\ntitle: 简报\n---\n\n第一段。\n粘贴{character}进来的字。\n", "r.zh.md")
    (problem,) = raised.value.problems
    assert (problem.path, problem.line) == ("r.zh.md", 6)
    assert f"U+{ord(character):04X}" in str(problem.message)


def test_tabs_and_line_ends_are_text():
    document = parse_document("---\ntitle: x\n---\n\n\tcode\r\nline\r", "a.md")
    assert document.body.strip("\n") == "\tcode\nline"

"""The year-end summary as an A4 PDF: the page's sections (campaigns/summary_text.py) set
as flowing text through the ``summary`` layout, on as many pages as they need.

The first page carries the title, the organisation and the organizers; each following page a
running head. Every page is numbered. Figures are tables, targets bars with a drawn mark
for the result, so no font needs a check-mark glyph.
"""

from __future__ import annotations

import io
from dataclasses import replace
from typing import TYPE_CHECKING

from ...campaigns.summary_text import SummaryText
from ...core.messages import msg
from ...core.strings import Translator
from ..content import PosterContent
from ..layouts import Layout
from ..text.characters import printable_text

if TYPE_CHECKING:
    from ..drawing import Style

PAPER = "A4"


def summary_content(
    text: SummaryText,
    t: Translator,
    *,
    organization: str,
    logo: bytes | None = None,
) -> PosterContent:
    """What the summary prints, in the language of ``t``: the head's texts and the body as
    flow blocks (see text/body_blocks.py)."""
    return PosterContent(
        kind="summary",
        language=t.code,
        title=printable_text(text.title),
        organization=printable_text(organization),
        subheadline=printable_text(text.organizers or ""),
        dates=printable_text(text.as_of or ""),
        body=tuple(summary_blocks(text, t)),
        logo=logo,
    )


def summary_blocks(text: SummaryText, t: Translator) -> list[dict]:
    blocks: list[dict] = []
    for section in text.sections:
        blocks.append({"kind": "h2", "text": printable_text(section.title)})
        if section.intro:
            blocks.append({"kind": "p", "text": printable_text(section.intro)})
        if section.table:
            rows = [section.table.head, *section.table.rows]
            blocks.append(
                {
                    "kind": "table",
                    "rows": [[printable_text(cell) for cell in row] for row in rows],
                    "header": 1,
                }
            )
        for group in section.targets:
            blocks.append({"kind": "h3", "text": printable_text(group.campaign)})
            for line in group.lines:
                blocks.append(
                    {
                        "kind": "bar",
                        "text": printable_text(line.label),
                        "numbers": printable_text(line.numbers),
                        "status": printable_text(line.state_label),
                        "state": line.state,
                        "share": line.share,
                    }
                )
        if section.items:
            joined = t("summary.separator").join(section.items)
            blocks.append({"kind": "p", "text": printable_text(joined)})
        if section.empty and not (section.table or section.targets or section.items):
            blocks.append({"kind": "p", "text": printable_text(section.empty)})
    for block, after in zip(blocks, blocks[1:], strict=False):
        if block["kind"] == "h2" and after["kind"] == "h3":
            # Over a campaign's name, a section's title keeps that heading and its first
            # target on the same page.
            block["keep"] = 5
    return blocks


def render_summary_pdf(layout: Layout, style: Style, content: PosterContent, page_label: str):
    """The PDF's bytes; ``page_label`` numbers the pages ("第 {page} 页，共 {pages} 页")."""
    # Drawing (cairo) is loaded only to draw: an unchanged rebuild plans summaries and draws
    # none.
    import cairocffi as cairo

    from ..drawing import Overflow, Side, pdf_surface
    from ..paper import MM, paper_size
    from ..text.flow import NoRoom, Setting, set_blocks
    from ..text.flow_drawing import block_setter, draw_ops
    from ..text.pango import Typesetter
    from .poster import draw_side

    page = layout.page
    first, following = layout.sides[0], layout.sides[-1]
    flow_first, flow_next = _flow_of(first), _flow_of(following)
    width, height = paper_size(PAPER)
    buffer = io.BytesIO()
    surface = pdf_surface(buffer, width, height, content.title)
    context = cairo.Context(surface)
    context.scale(width * MM / page.width, height * MM / page.height)
    typesetter = Typesetter(context, content.language, style.fallback)
    setter = block_setter(typesetter, style.fonts)
    try:
        setting = Setting(flow_first.max_size * page.point, flow_first.line_height, setter,
                          _no_pictures)  # fmt: skip
        ops = set_blocks(
            list(content.body), flow_first.columns, setting, more_columns=flow_next.columns
        )
    except NoRoom:
        raise Overflow(
            "body",
            msg("has a table row or a target taller than a page's columns: make them taller"),
        ) from None
    pages = 1 + max((op.page for op in ops), default=0)
    for number in range(pages):
        if number:
            surface.show_page()
        blocks = [block for block in (following if number else first) if block.type != "flow"]
        numbered = replace(content, page_number=page_label.format(page=number + 1, pages=pages))
        draw_side(Side.of(context, page, style, content.language, typesetter), blocks, numbered)
        draw_ops(context, style, [op for op in ops if op.page == number])
    surface.finish()
    return buffer.getvalue()


def _flow_of(blocks):
    # layouts.py checks that each page of the summary has exactly one.
    return next(block for block in blocks if block.type == "flow")


def _no_pictures(path: str) -> tuple[int, int]:
    raise ValueError(f"the summary has no pictures: {path}")

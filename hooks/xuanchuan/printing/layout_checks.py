"""Checks of print layouts beyond their schema: words and codes kept clear of the paper's
edge (where printers and cutters wander), and one flow block on each page of the summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.messages import Message, msg
from ..core.schema import Report

if TYPE_CHECKING:  # layouts.py runs these checks: imported for the names only
    from .layouts import Block, Layout

# Office printers leave about 5 mm at each edge of the paper unprinted, and a print shop's
# cut may wander: nothing that must be read comes nearer the edge than this (mm).
SAFE_MARGIN = 5.0
# Blocks that carry words or a code to scan; backgrounds and photos may run to the edge.
_KEPT_INSIDE = ("text", "list", "lines", "qr", "logo", "flow", "pictograms")
# The smallest paper (mm) each printed format comes out on: a larger size is the layout
# scaled up, margins included. A format not named here prints at its page's size in mm.
_SMALLEST_PAPER = {
    "poster-portrait": (210, 297),
    "poster-landscape": (297, 210),
    "leaflet": (297, 210),
}


def check_margins(name: str, layout: Layout, data: dict, report: Report) -> None:
    """Every block that carries words or the QR code stays SAFE_MARGIN inside the paper."""
    page = layout.page
    if page.unit != "mm":
        return  # a picture for screens (the share image), never printed
    width, height = _SMALLEST_PAPER.get(name, (page.width, page.height))
    across, down = width / page.width, height / page.height
    sides = [f"{name}.pages[{n}].blocks" for n in range(1, len(layout.sides) + 1)]
    if "pages" not in data:
        sides = [f"{name}.blocks"]
    for side, blocks in zip(sides, layout.sides, strict=True):
        for number, block in enumerate(blocks, start=1):
            if block.type not in _KEPT_INSIDE:
                continue
            for what, area in _areas(block):
                distances = {
                    msg("left"): area[0] * across,
                    msg("top"): area[1] * down,
                    msg("right"): (page.width - area[0] - area[2]) * across,
                    msg("bottom"): (page.height - area[1] - area[3]) * down,
                }
                near = [
                    msg(
                        "{distance} mm from the {edge} edge", distance=f"{round(d, 1):g}", edge=edge
                    )
                    if d >= 0
                    else msg(
                        "{distance} mm past the {edge} edge",
                        distance=f"{round(-d, 1):g}",
                        edge=edge,
                    )
                    for edge, d in distances.items()
                    if d < SAFE_MARGIN - 1e-6
                ]
                if near:
                    report.add(
                        f"{side}[{number}]",
                        msg(
                            "{what} comes {near} of the paper ({width} × {height} mm): expected "
                            "at least {margin} mm, as office printers leave about that much "
                            "unprinted at the edges and a print shop's cut may wander; move it "
                            "inwards",
                            what=what,
                            near=_and(near),
                            width=f"{width:g}",
                            height=f"{height:g}",
                            margin=f"{SAFE_MARGIN:g}",
                        ),
                    )


def _areas(block: Block):
    """What a block covers (x, y, w, h), named as the team wrote it in layouts.yml."""
    if block.type == "flow":
        for number, column in enumerate(block.columns, start=1):
            what = msg("column {number} of the flow block", number=number)
            yield what, (column.x, column.y, column.w, column.h)
        return
    side = block.size or 0
    w, h = (side, side) if block.type == "qr" else (block.w or 0, block.h or 0)
    if block.field:
        what = msg("the {type} block (field: {field})", type=block.type, field=block.field)
    elif block.fields:
        fields = ", ".join(block.fields)
        what = msg("the {type} block (fields: {fields})", type=block.type, fields=fields)
    else:
        what = msg("the {type} block", type=block.type)
    yield what, (block.x, block.y, w, h)


def _and(parts: list) -> Message | str:
    if len(parts) == 1:
        return parts[0]
    return msg(
        "{first} and {second}", first=", ".join(str(p) for p in parts[:-1]), second=parts[-1]
    )


def check_summary(summary: dict, report: Report) -> None:
    """The summary's text runs through one flow block on each kind of page."""
    for number, side in enumerate(summary.get("pages") or [], start=1):
        blocks = side.get("blocks") if isinstance(side, dict) else None
        if not isinstance(blocks, list):
            continue
        flows = sum(isinstance(b, dict) and b.get("type") == "flow" for b in blocks)
        if flows != 1:
            report.add(
                f"summary.pages[{number}].blocks",
                msg(
                    "has {count} flow blocks: expected one, the columns the summary's text "
                    "runs through",
                    count=flows,
                ),
            )

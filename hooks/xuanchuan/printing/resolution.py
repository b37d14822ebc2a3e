"""Whether the campaign's photo is sharp enough for the paper it is printed on.

A photo prints at its pixels over the size of the box it fills, in inches, after the crop
(``drawing.crop_window`` keeps as much of it as the box's shape allows). Below ``MIN_DPI``
a printed photo looks soft or blocky from reading distance: the build warns, names the
largest paper the photo suits and the pixels the paper asked for needs.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from ..campaigns.field_checks import image_field
from ..campaigns.model import Campaign
from ..core.errors import Problem
from ..core.messages import msg
from ..core.print_files import BOARD_PDF, KINDS, LEAFLET_PDF, POSTER_PDF
from .layouts import Layout
from .paper import paper_size

# Sharp enough for a poster read at arm's length; a print shop asks for 300.
MIN_DPI = 150
# A display board is read from a step or two away, where 100 dpi looks as sharp (what
# large-format printers ask for): 150 would ask a 90 cm board for a 5,300 px photo.
LEAST_DPI = {BOARD_PDF.name: 100}
# The drawers (jobs.render.DrawJob.drawer) whose layout page is the paper.
_LAID_OUT = ("poster", "board")
# The ISO A sizes (mm, portrait), largest first: what "suits A4 at most" is measured in.
A_SIZES = {
    "A0": (841, 1189),
    "A1": (594, 841),
    "A2": (420, 594),
    "A3": (297, 420),
    "A4": (210, 297),
    "A5": (148, 210),
    "A6": (105, 148),
}


@dataclass(frozen=True)
class LowResolution(Problem):
    """A photo too coarse for a print file: a warning, which fails ``--strict`` but still
    gives the file (a print pack is still made, with the warning shown)."""


def photo_pixels(photo: bytes) -> tuple[int, int]:
    """The photo's width and height in pixels, upright (as a phone's EXIF turns it)."""
    from PIL import Image

    with Image.open(io.BytesIO(photo)) as image:
        width, height = image.size
        # Orientations 5 to 8 turn the picture a quarter: its width becomes its height.
        if image.getexif().get(0x0112) in (5, 6, 7, 8):
            width, height = height, width
    return width, height


def lowest_dpi(layout: Layout, paper_mm: tuple[float, float], pixels) -> float | None:
    """The resolution of the coarsest photo box of ``layout`` printed on paper of
    ``paper_mm`` (width, height); None when the layout shows no photo."""
    found = None
    for across, down in _boxes_in_inches(layout, paper_mm):
        # Cropped to the box's shape, the photo fills it in one direction exactly.
        dpi = min(pixels[0] / across, pixels[1] / down)
        found = dpi if found is None else min(found, dpi)
    return found


def needed_pixels(
    layout: Layout, paper_mm: tuple[float, float], minimum: float = MIN_DPI
) -> tuple[int, int]:
    """The pixels a photo needs across and down to print at ``minimum`` dpi in every photo
    box of ``layout`` on paper of ``paper_mm``."""
    boxes = list(_boxes_in_inches(layout, paper_mm))
    across = max((box[0] for box in boxes), default=0.0) * minimum
    down = max((box[1] for box in boxes), default=0.0) * minimum
    return math.ceil(across - 1e-9), math.ceil(down - 1e-9)


def largest_suited(layout: Layout, landscape: bool, pixels) -> str | None:
    """The largest A size, upright or ``landscape``, on which the photo prints at
    ``MIN_DPI`` or more in ``layout``; None when not even the smallest one."""
    for name, (width, height) in A_SIZES.items():
        paper_mm = (height, width) if landscape else (width, height)
        if (lowest_dpi(layout, paper_mm, pixels) or 0) >= MIN_DPI:
            return f"{name}-landscape" if landscape else name
    return None


def _boxes_in_inches(layout: Layout, paper_mm: tuple[float, float]):
    """(width, height) in inches of each photo box of ``layout`` on the paper: the layout's
    units are stretched to the paper's width and height."""
    page = getattr(layout, "page", None)
    # A format drawn by its own code (a banner) has no photo box.
    for side in getattr(layout, "sides", ()):
        for block in side:
            if block.type != "image" or block.w <= 0 or block.h <= 0:
                continue
            yield (
                block.w * paper_mm[0] / page.width / 25.4,
                block.h * paper_mm[1] / page.height / 25.4,
            )


def resolution_problems(
    campaign: Campaign, default: Campaign, jobs, pixels: tuple[int, int]
) -> list[LowResolution]:
    """A warning for each print file in ``jobs`` ((PrintFile, job) pairs) that prints the
    photo below ``MIN_DPI`` (a display board below its own ``LEAST_DPI``)."""

    found = []
    for print_file, job in jobs:
        # Drawn on its paper as laid out: a poster, leaflet or board (a deck's cards are
        # imposed on office paper, a banner has no photo).
        if job.output != "pdf" or not job.paper or job.drawer not in _LAID_OUT:
            continue
        dpi = lowest_dpi(job.layout, paper_size(job.paper), pixels)
        if dpi is None or dpi >= LEAST_DPI.get(print_file.kind, MIN_DPI):
            continue
        found.append((print_file, job, dpi))
    if not found:
        return []
    path, line, field = _where_named(campaign, default)
    problems = []
    for print_file, job, dpi in found:
        problems.append(LowResolution(path, line, field, _message(print_file, job, dpi, pixels)))
    return problems


def _message(print_file, job, dpi: float, pixels):
    """Why the photo is too coarse for the file, and the photo it would take."""
    minimum = LEAST_DPI.get(print_file.kind, MIN_DPI)
    width, height = needed_pixels(job.layout, paper_size(job.paper), minimum)
    what = KINDS[print_file.kind].what if print_file.kind in KINDS else msg("print file")
    size = print_file.size
    if print_file.kind == POSTER_PDF.name and size.partition("-")[0] in A_SIZES:
        item = msg("the {size} {what}", size=size, what=what)
        suited = largest_suited(job.layout, size.endswith("-landscape"), pixels)
        if suited is None:
            return msg(
                "prints at {dpi} dpi on {item}: expected at least {minimum} dpi, which this "
                "photo gives on no paper down to {smallest} (use a photo of at least "
                "{width} × {height} px for {size})",
                dpi=int(dpi),
                item=item,
                minimum=MIN_DPI,
                smallest=list(A_SIZES)[-1],
                width=width,
                height=height,
                size=size,
            )
        return msg(
            "prints at {dpi} dpi on {item}: expected at least {minimum} dpi; this photo "
            "suits {suited} at most (use a photo of at least {width} × {height} px for {size})",
            dpi=int(dpi),
            item=item,
            minimum=MIN_DPI,
            suited=suited,
            width=width,
            height=height,
            size=size,
        )
    # As print problems name their file elsewhere (jobs.render._overflow_problem).
    if size and print_file.kind != LEAFLET_PDF.name:
        item = msg("the {size} {what}", size=size, what=what)
    else:
        item = msg("the {what}", what=what)
    return msg(
        "prints at {dpi} dpi on {item}: expected at least {minimum} dpi (use a photo of at "
        "least {width} × {height} px)",
        dpi=int(dpi),
        item=item,
        minimum=minimum,
        width=width,
        height=height,
    )


def _where_named(campaign: Campaign, default: Campaign) -> tuple[str, int | None, str]:
    """The file, line and field that name the photo: a translation's own file when it
    names one, else the default language's."""
    for owner in campaign.written_in(default):
        field = image_field(owner.positions.lines)
        if owner.positions.wrote(field):
            return str(owner.source), owner.positions.line_of(field), field
    return str(default.source), None, "poster.image"

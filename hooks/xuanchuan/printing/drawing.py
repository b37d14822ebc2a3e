"""The drawing surface shared by posters, leaflets and print-pack covers: cairo surfaces,
paper sizes, colours and pictures (text is set by ``text.py``).

Posters (``poster.py``) and the leaflet's flowing text (``flow_drawing.py``) both draw
with these pieces; neither imports the other.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

import cairocffi as cairo

MM = 72 / 25.4  # PDF points per millimetre
PAPER = {"A4": (210, 297), "A3": (297, 420), "A2": (420, 594)}


class Overflow(Exception):
    """Text that does not fit its box even at the smallest size allowed."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name


@dataclass
class Style:
    colours: dict[str, str]
    fonts: dict[str, tuple[str, bool]]  # "regular"/"bold" -> (family, bold)
    # Families tried for characters the fonts lack (other scripts), before fontconfig's own.
    fallback: tuple[str, ...] = ()


def paper_size(name: str) -> tuple[float, float]:
    """``A3`` -> (297, 420) mm; ``A3-landscape`` -> (420, 297) mm; a board or banner's
    size in centimetres, ``90x120`` -> (900, 1200) mm."""
    width, cross, height = name.partition("x")
    if cross and width.isdigit() and height.isdigit():
        return int(width) * 10, int(height) * 10
    base, _, orientation = name.partition("-")
    width, height = PAPER[base]
    return (height, width) if orientation == "landscape" else (width, height)


def pdf_surface(stream, width_mm: float, height_mm: float, title: str = "") -> cairo.PDFSurface:
    """A PDF page of the given size whose bytes depend on what is drawn only."""
    surface = cairo.PDFSurface(stream, width_mm * MM, height_mm * MM)
    # A fixed date: the same poster must give the same bytes.
    surface.set_metadata(cairo.PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
    if title:
        surface.set_metadata(cairo.PDF_METADATA_TITLE, title)
    return surface


def image_block(context, area, photo: bytes, crop: bool = True) -> None:
    """A photo cropped to fill ``area`` (x, y, w, h; never stretched), or a logo fitted inside."""
    from PIL import Image, ImageOps

    # Crop to fill the frame, never stretch; 200 pixels per layout unit-inch is plenty.
    matrix = context.get_matrix()
    scale = max(abs(matrix.xx), 1e-6)
    target = (max(1, round(area.w * scale * 2)), max(1, round(area.h * scale * 2)))
    with Image.open(io.BytesIO(photo)) as image:
        image = ImageOps.exif_transpose(image).convert("RGB")
        limit = 2400
        if max(target) > limit:
            ratio = limit / max(target)
            target = (max(1, round(target[0] * ratio)), max(1, round(target[1] * ratio)))
        if crop:
            fitted = ImageOps.fit(image, target, Image.Resampling.LANCZOS)
        else:
            fitted = ImageOps.pad(image, target, Image.Resampling.LANCZOS, color="white")
    buffer = io.BytesIO()
    fitted.save(buffer, "PNG")
    buffer.seek(0)
    surface = cairo.ImageSurface.create_from_png(buffer)
    context.save()
    context.rectangle(area.x, area.y, area.w, area.h)
    context.clip()
    context.translate(area.x, area.y)
    context.scale(area.w / target[0], area.h / target[1])
    context.set_source_surface(surface, 0, 0)
    context.paint()
    context.restore()


def colour_of(style: Style, name: str) -> str:
    if name == "tint":
        # A pale shade of the main colour, for table headers.
        return _mix(style.colours["primary"], style.colours["paper"], 0.15)
    return style.colours.get(name, name)


def _mix(first: str, second: str, share: float) -> str:
    a, b = first.lstrip("#"), second.lstrip("#")
    channels = (
        round(int(a[i : i + 2], 16) * share + int(b[i : i + 2], 16) * (1 - share))
        for i in (0, 2, 4)
    )
    return "#" + "".join(f"{c:02x}" for c in channels)


def set_colour(context, colour: str) -> None:
    value = colour.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    context.set_source_rgb(red, green, blue)


def small_png(surface) -> bytes:
    """A 256-colour PNG: posters are flat colours and text, so nothing visible is lost."""
    from PIL import Image

    size = (surface.get_width(), surface.get_height())
    # cairo's RGB24 pixels are native 32-bit words: unused, red, green, blue.
    layout = "BGRX" if sys.byteorder == "little" else "XRGB"
    image = Image.frombuffer(
        "RGB", size, bytes(surface.get_data()), "raw", layout, surface.get_stride(), 1
    )
    small = image.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    small.save(buffer, "PNG", compress_level=9)
    return buffer.getvalue()

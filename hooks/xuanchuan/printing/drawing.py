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


# Print-shop pages (a bleed asked for): crop marks stand MARK_GAP beyond the bleed, so
# that a trim a little off never shows them, and are MARK_LENGTH long; the page has room
# for them on every side (MARK_MARGIN beyond the bleed). Millimetres.
MARK_GAP = 2.0
MARK_LENGTH = 5.0
MARK_MARGIN = MARK_GAP + MARK_LENGTH + 1.0
# A hairline (points), in registration black: cairo's PDFs are RGB, where that is black.
MARK_WIDTH = 0.3


@dataclass(frozen=True)
class Sheet:
    """The page a print file is drawn on: the trim (the paper size, in mm) and, when the
    print shop asks for it, a bleed round it and room for crop marks beyond that.

    Without a bleed the page is the trim itself, and the file is as it always was.
    """

    width: float
    height: float
    bleed: float = 0.0

    @property
    def margin(self) -> float:
        """From the page's edge to the trim's, on every side (mm)."""
        return self.bleed + MARK_MARGIN if self.bleed else 0.0

    @property
    def media(self) -> tuple[float, float]:
        return self.width + 2 * self.margin, self.height + 2 * self.margin

    def start_side(self, context, folds: tuple[float, ...] = ()) -> None:
        """Marks outside the bleed, then the drawing clipped to the trim and bleed, with the
        trim's top left corner as origin (the context draws in points, as a new one does).
        ``folds``: where the paper is folded, mm from the trim's left edge, marked at the
        top and bottom. Without a bleed nothing changes: the page is the trim."""
        if not self.bleed:
            return
        self._crop_marks(context, folds)
        context.translate(self.margin * MM, self.margin * MM)
        context.rectangle(
            -self.bleed * MM,
            -self.bleed * MM,
            (self.width + 2 * self.bleed) * MM,
            (self.height + 2 * self.bleed) * MM,
        )
        context.clip()

    def _crop_marks(self, context, folds) -> None:
        left, top = self.margin, self.margin
        right, bottom = left + self.width, top + self.height
        near = self.bleed + MARK_GAP
        far = near + MARK_LENGTH
        context.save()
        context.scale(MM, MM)
        context.set_source_rgb(0, 0, 0)
        context.set_line_width(MARK_WIDTH / MM)
        context.set_line_cap(cairo.LINE_CAP_BUTT)
        for x, outward in ((left, -1), (right, 1)):
            for y, downward in ((top, -1), (bottom, 1)):
                # One line along each edge of the trim at the corner, beyond the bleed.
                context.move_to(x + outward * near, y)
                context.line_to(x + outward * far, y)
                context.move_to(x, y + downward * near)
                context.line_to(x, y + downward * far)
        context.stroke()
        # Fold marks are dashed, so the shop tells them from the cuts.
        context.set_dash([1.0, 1.0])
        for fold in folds:
            for start, end in ((top - near, top - far), (bottom + near, bottom + far)):
                context.move_to(left + fold, start)
                context.line_to(left + fold, end)
        context.stroke()
        context.restore()

    def with_boxes(self, data: bytes) -> bytes:
        """The PDF with each page's TrimBox (the paper size) and BleedBox (the trim and its
        bleed), which cairo cannot write itself; nothing to do without a bleed. pypdf writes
        the same bytes for the same input (no date, no random file identifier)."""
        if not self.bleed:
            return data
        from pypdf import PdfReader, PdfWriter
        from pypdf.generic import RectangleObject

        def box(grow: float) -> RectangleObject:
            low = (self.margin - grow) * MM
            return RectangleObject(
                [low, low, low + (self.width + 2 * grow) * MM, low + (self.height + 2 * grow) * MM]
            )

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        for page in writer.pages:
            page.trimbox = box(0.0)
            page.bleedbox = box(self.bleed)
        buffer = io.BytesIO()
        writer.write(buffer)
        return buffer.getvalue()


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


def set_colour(context, colour: str, opacity: float = 1.0) -> None:
    value = colour.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    if opacity < 1:
        context.set_source_rgba(red, green, blue, opacity)
    else:
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

"""The drawing surface shared by posters, leaflets and print-pack covers: cairo surfaces,
paper sizes, colours and pictures (text is set by ``text.py``).

Posters (``poster.py``) and the leaflet's flowing text (``flow_drawing.py``) both draw
with these pieces; neither imports the other.
"""

from __future__ import annotations

import io
import math
import sys
from dataclasses import dataclass

import cairocffi as cairo

from .paper import MM


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


@dataclass(frozen=True)
class Side:
    """A printed side being drawn: what every block of a layout is drawn with."""

    context: cairo.Context
    page: object  # the layout's page (layouts.PageSize): its units and size
    style: Style
    typesetter: object  # text.pango.Typesetter, in the language of the side

    @classmethod
    def of(cls, context, page, style: Style, language: str, typesetter=None) -> Side:
        from .text.pango import Typesetter

        typesetter = typesetter or Typesetter(context, language, style.fallback)
        return cls(context, page, style, typesetter)


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


# A print shop asks for 300 dpi: a photo finer than that only makes the file heavier.
PRINT_DPI = 300
_JPEG_QUALITY = 90


def crop_window(size, aspect: float, focus=(0.5, 0.5)) -> tuple[float, float, float, float]:
    """(left, top, width, height) of the part of a photo of ``size`` pixels that fills a box
    of the shape ``aspect`` (width / height): as much of the photo as fits, placed so that
    its middle is as near ``focus`` as the photo's edges allow."""
    width, height = size
    if width / height > aspect:
        kept_w, kept_h = height * aspect, float(height)
    else:
        kept_w, kept_h = float(width), width / aspect
    left = min(max(focus[0] * width - kept_w / 2, 0.0), width - kept_w)
    top = min(max(focus[1] * height - kept_h / 2, 0.0), height - kept_h)
    return left, top, kept_w, kept_h


def image_block(context, area, photo: bytes, crop: bool = True) -> None:
    """A photo cropped to fill ``area`` (x, y, w, h; never stretched) around its focus (a
    ``content.Photo``'s, else its middle), or a logo fitted inside.

    On paper the photo keeps its own pixels, up to ``PRINT_DPI``: the print file is only as
    sharp as the photo. On screen it is drawn at the picture's own pixels."""
    from PIL import Image, ImageOps

    focus = getattr(photo, "focus", (0.5, 0.5))
    aspect = area.w / area.h
    on_paper = not isinstance(context.get_target(), cairo.ImageSurface)
    with Image.open(io.BytesIO(photo)) as opened:
        source_format = opened.format
        if crop:
            upright = _upright_size(opened)
            window = crop_window(upright, aspect, focus)
            target = _pixels(context, area, window, on_paper)
            share = target[0] / window[2]
            if source_format == "JPEG" and share < 0.5:
                # Decoded at a half, quarter or eighth of its size, still finer than drawn:
                # a screen picture from a camera's photo needs a fraction of its pixels.
                opened.draft(
                    "RGB", (math.ceil(opened.width * share), math.ceil(opened.height * share))
                )
        image = ImageOps.exif_transpose(opened).convert("RGB")
    if crop:
        # The window, in the pixels decoded.
        across, down = image.width / upright[0], image.height / upright[1]
        window = (window[0] * across, window[1] * down, window[2] * across, window[3] * down)
    else:
        image, window = _padded(image, aspect)
        target = _pixels(context, area, window, on_paper)
    fitted = _fitted(image, window, target)
    surface = _surface_of(fitted)
    if on_paper and source_format == "JPEG":
        # Embedded as a JPEG: a photo's pixels stored losslessly would make the file many
        # times heavier, for nothing a printer shows.
        encoded = io.BytesIO()
        fitted.save(encoded, "JPEG", quality=_JPEG_QUALITY)
        surface.set_mime_data("image/jpeg", encoded.getvalue())
    context.save()
    context.rectangle(area.x, area.y, area.w, area.h)
    context.clip()
    context.translate(area.x, area.y)
    context.scale(area.w / target[0], area.h / target[1])
    context.set_source_surface(surface, 0, 0)
    context.paint()
    context.restore()


def _padded(image, aspect: float):
    """A logo whole, centred on white in a window of the box's shape; and that window."""
    from PIL import Image

    if image.width / image.height > aspect:
        canvas = (image.width, max(1, round(image.width / aspect)))
    else:
        canvas = (max(1, round(image.height * aspect)), image.height)
    padded = Image.new("RGB", canvas, "white")
    padded.paste(image, ((canvas[0] - image.width) // 2, (canvas[1] - image.height) // 2))
    return padded, (0.0, 0.0, float(canvas[0]), float(canvas[1]))


def _fitted(image, window, target: tuple[int, int]):
    """The ``window`` (x, y, w, h) of ``image`` at ``target`` pixels."""
    from PIL import Image

    left, top, width, height = window
    if target == (round(width), round(height)):
        # The photo's own pixels: cut out whole pixels, nothing resampled.
        left = min(round(left), image.width - target[0])
        top = min(round(top), image.height - target[1])
        return image.crop((left, top, left + target[0], top + target[1]))
    box = (left, top, left + width, top + height)
    return image.resize(target, Image.Resampling.LANCZOS, box=box)


def _upright_size(image) -> tuple[int, int]:
    """The picture's size as shown: EXIF orientations 5 to 8 turn it a quarter."""
    width, height = image.size
    if image.getexif().get(0x0112) in (5, 6, 7, 8):
        return height, width
    return width, height


def _pixels(context, area, window, on_paper: bool) -> tuple[int, int]:
    """How many pixels the photo is drawn with: the screen's own for a picture; on paper,
    the kept window's own, unless they are finer than ``PRINT_DPI``."""
    matrix = context.get_matrix()
    # Device units per layout unit: pixels for a picture, points (1/72 inch) for a PDF.
    across = area.w * max(abs(matrix.xx), 1e-6)
    down = area.h * max(abs(matrix.yy), 1e-6)
    if not on_paper:
        return max(1, round(across)), max(1, round(down))
    width, height = window[2], window[3]
    finest = across / 72 * PRINT_DPI
    if width > finest:
        width, height = finest, finest * height / width
    return max(1, round(width)), max(1, round(height))


def _surface_of(image):
    """A cairo picture holding ``image``'s pixels (cairo's RGB24 is a native 32-bit word
    a pixel: unused, red, green, blue)."""
    layout = "BGRX" if sys.byteorder == "little" else "XRGB"
    data = bytearray(image.tobytes("raw", layout))
    # cairocffi keeps ``data`` alive as long as the surface: cairo reads it when the page
    # is written.
    return cairo.ImageSurface.create_for_data(
        data, cairo.FORMAT_RGB24, image.width, image.height, image.width * 4
    )


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

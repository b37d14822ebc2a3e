"""Draft print files: a 样稿 / DRAFT band round the page, outside the trim.

A preview's posters, and a build's without the team's own address, must never be mistaken
for the real thing at the print shop or in a chat group. The band stands outside the
paper size (the TrimBox is the poster as it will print), so the layout a draft shows is
the real one; it says the file is a draft and where its QR code leads.

Marked after drawing, from the finished file: a preview reuses the build's drawn files
and pays only for the band, once per file (kept in the cache, trusted only while whole).
"""

from __future__ import annotations

import hashlib
import io
from functools import cache
from pathlib import Path

from ...core.disk_cache import intact_file, store_file
from ...core.messages import msg

RECIPE = "draft-1"
MM = 72 / 25.4
BAND_COLOUR = (0.98, 0.80, 0.18)  # a proof's yellow: seen at a glance, never a design's
TEXT_COLOUR = (0.10, 0.10, 0.10)
MARK_FONT = "Noto Sans CJK SC:bold"


def draft_words(url: str | None) -> str:
    """What the band says, in Chinese and English whatever the file's language."""
    where = url or str(msg("no site address is set"))
    return f"样稿 DRAFT · 请勿印刷 NOT FOR PRINT · 二维码指向 QR → {where}"


def band_width(width: float, height: float, least: float) -> float:
    """The band's width for a page of ``width`` × ``height`` (points or pixels): readable
    on an A4 proof, in proportion on a board or banner, never less than ``least``."""
    return max(min(width, height) * 0.05, least)


def draft_copy(source: Path | str, url: str | None, cache_dir: Path) -> Path:
    """The marked copy of the print file at ``source``, made once and kept by content."""
    source = Path(source)
    data = source.read_bytes()
    key = hashlib.sha256(b"\n".join([RECIPE.encode(), (url or "").encode(), data])).hexdigest()
    target = cache_dir / f"{key[:32]}{source.suffix.lower()}"
    if not intact_file(target):
        store_file(target, mark(data, source.suffix.lower(), url))
    return target


def mark(data: bytes, suffix: str, url: str | None) -> bytes:
    if suffix == ".pdf":
        return mark_pdf(data, url)
    if suffix == ".png":
        return mark_png(data, url)
    return data


def mark_pdf(data: bytes, url: str | None) -> bytes:
    """Each page on a larger one, the band round it; TrimBox is the original page."""
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.generic import RectangleObject

    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    bands: dict[tuple[float, float], object] = {}  # a deck's sheets share one size
    for original in reader.pages:
        box = original.mediabox
        width, height = float(box.width), float(box.height)
        margin = band_width(width, height, 12 * MM)
        page = writer.add_blank_page(width + 2 * margin, height + 2 * margin)
        if (width, height) not in bands:
            drawn = _band_pdf(width, height, margin, url)
            bands[width, height] = PdfReader(io.BytesIO(drawn)).pages[0]
        page.merge_page(bands[width, height])
        shift = Transformation().translate(margin - float(box.left), margin - float(box.bottom))
        page.merge_transformed_page(original, shift)
        page.trimbox = RectangleObject([margin, margin, margin + width, margin + height])
    # pypdf dates a new file now: the source's date (fixed when drawn) keeps the bytes equal.
    writer.add_metadata({"/CreationDate": "D:20000101000000Z"})
    for key, value in (reader.metadata or {}).items():
        if key != "/ModDate":
            writer.add_metadata({key: value})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _band_pdf(width: float, height: float, margin: float, url: str | None) -> bytes:
    import cairocffi as cairo

    buffer = io.BytesIO()
    surface = cairo.PDFSurface(buffer, width + 2 * margin, height + 2 * margin)
    surface.set_metadata(cairo.PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
    context = cairo.Context(surface)
    context.set_source_rgb(*BAND_COLOUR)
    context.rectangle(0, 0, width + 2 * margin, height + 2 * margin)
    context.rectangle(margin, margin, width, height)
    context.set_fill_rule(cairo.FILL_RULE_EVEN_ODD)
    context.fill()
    _words(context, draft_words(url), width + 2 * margin, margin)
    context.translate(0, height + margin)
    _words(context, draft_words(url), width + 2 * margin, margin)
    surface.finish()
    return buffer.getvalue()


def _words(context, text: str, width: float, margin: float) -> None:
    """``text`` in the band at the top of the current origin, shrunk to fit its width."""
    from ..text.pango import Typesetter

    face = _mark_face()
    setter = Typesetter(context, "zh")
    size = margin * 0.42
    paragraph = setter.paragraph(text, face, size)
    if paragraph.width > width - 2 * margin:
        size *= (width - 2 * margin) / paragraph.width
        paragraph = setter.paragraph(text, face, size)
    context.set_source_rgb(*TEXT_COLOUR)
    top = (margin - size * 1.2) / 2
    paragraph.draw_line(0, (width - paragraph.width) / 2, top, size * 1.2)


def mark_png(data: bytes, url: str | None) -> bytes:
    """The picture on a larger one, the band round it, the words above and below."""
    from PIL import Image, ImageDraw

    with Image.open(io.BytesIO(data)) as opened:
        picture = opened.convert("RGBA") if opened.mode in ("P", "LA", "RGBA") else opened
        picture = picture.convert("RGB") if picture.mode != "RGB" else picture
        width, height = picture.size
        margin = int(band_width(width, height, 40))
        marked = Image.new("RGB", (width + 2 * margin, height + 2 * margin))
        marked.paste(tuple(round(c * 255) for c in BAND_COLOUR), (0, 0, *marked.size))
        marked.paste(picture, (margin, margin))
    draw = ImageDraw.Draw(marked)
    text = draft_words(url)
    font = _png_font(max(10, int(margin * 0.42)))
    shown = draw.textlength(text, font=font)
    if shown > marked.width - 2 * margin:
        font = _png_font(max(8, int(margin * 0.42 * (marked.width - 2 * margin) / shown)))
        shown = draw.textlength(text, font=font)
    ink = tuple(round(c * 255) for c in TEXT_COLOUR)
    for top in (0, height + margin):
        x = (marked.width - shown) / 2
        draw.text((x, top + margin / 2), text, font=font, fill=ink, anchor="lm")
    buffer = io.BytesIO()
    marked.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


@cache
def _mark_face():
    """The band's face, looked up once (fontconfig runs as a program)."""
    from ..text.embeddable import print_fonts
    from ..text.pango import Face

    font = print_fonts({"bold": MARK_FONT})["bold"]
    return Face(font.family, font.bold)


@cache
def _png_font(size: int):
    from PIL import ImageFont

    from ..text.fonts import resolve_font

    font = resolve_font(MARK_FONT)
    return ImageFont.truetype(str(font.path), size, index=font.index or 0)

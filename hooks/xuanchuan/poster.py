"""Draw a poster or share image from a layout: vector PDF for print shops, PNG for screens.

One drawing routine serves both outputs (cairo), so the PDF and the PNG look the same. Text
is real text in the PDF: cairo embeds the subset of the font that is used.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field

import cairocffi as cairo

from .linebreak import break_lines, tokenize
from .print_layout import layout_sheets

MM = 72 / 25.4  # PDF points per millimetre
PAPER = {"A4": (210, 297), "A3": (297, 420), "A2": (420, 594)}


class Overflow(Exception):
    """Text that does not fit its box even at the smallest size allowed."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name


@dataclass(frozen=True)
class PosterContent:
    """Everything a poster says, in one language, already chosen and defaulted."""

    kind: str
    headline: str
    subheadline: str = ""
    points: tuple[str, ...] = ()
    organization: str = ""
    organizer: str = ""
    dates: str = ""
    hotline: str = ""
    address: str = ""
    qr_caption: str = ""
    type_label: str = ""
    summary: str = ""
    url: str = ""
    photo: bytes | None = None  # the image file's bytes: part of the cache key too
    logo: bytes | None = None
    # Leaflets: the page title, the body as flow blocks (see flow.py) and panel headings.
    title: str = ""
    body: tuple = ()
    points_heading: str = ""
    contact_heading: str = ""
    fold_guides: bool = False

    def text_of(self, name: str) -> str:
        return getattr(self, name) or ""


@dataclass
class Style:
    colours: dict[str, str]
    fonts: dict[str, tuple[str, bool]]  # "regular"/"bold" -> (family, bold)


@dataclass
class _Page:
    width: float
    height: float
    unit: str  # "mm" or "px"
    blocks: list[dict] = field(default_factory=list)

    @property
    def point(self) -> float:
        """Layout units per typographic point (font sizes are written in points)."""
        return 25.4 / 72 if self.unit == "mm" else 1.0


def paper_size(name: str) -> tuple[float, float]:
    """``A3`` -> (297, 420) mm; ``A3-landscape`` -> (420, 297) mm."""
    base, _, orientation = name.partition("-")
    width, height = PAPER[base]
    return (height, width) if orientation == "landscape" else (width, height)


def render_pdf(layout: dict, style: Style, content: PosterContent, paper: str) -> bytes:
    """Every page of the layout (one for a poster, two for a leaflet) on ``paper``."""
    width, height = paper_size(paper)
    buffer = io.BytesIO()
    surface = cairo.PDFSurface(buffer, width * MM, height * MM)
    # A fixed date: the same poster must give the same bytes.
    surface.set_metadata(cairo.PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
    surface.set_metadata(cairo.PDF_METADATA_TITLE, content.title or content.headline)
    for number, page in enumerate(_pages(layout)):
        if number:
            surface.show_page()
        context = cairo.Context(surface)
        context.scale(width * MM / page.width, height * MM / page.height)
        _draw(context, page, style, content)
    surface.finish()
    return buffer.getvalue()


def render_png(layout: dict, style: Style, content: PosterContent, width_px: int) -> bytes:
    page = _pages(layout)[0]
    height_px = round(width_px * page.height / page.width)
    surface = cairo.ImageSurface(cairo.FORMAT_RGB24, width_px, height_px)
    context = cairo.Context(surface)
    context.scale(width_px / page.width, height_px / page.height)
    _draw(context, page, style, content)
    surface.flush()
    return _small_png(surface)


def check_fit(layout: dict, style: Style, content: PosterContent) -> None:
    """Raise Overflow if any text does not fit (no file is drawn)."""
    for page in _pages(layout):
        surface = cairo.RecordingSurface(cairo.CONTENT_COLOR, None)
        _draw(cairo.Context(surface), page, style, content)


def _pages(layout: dict) -> list[_Page]:
    page = layout["page"]
    return [
        _Page(page["width"], page["height"], page.get("unit", "mm"), blocks)
        for blocks in layout_sheets(layout)
    ]


def _draw(context: cairo.Context, page: _Page, style: Style, content: PosterContent) -> None:
    options = cairo.FontOptions()
    # Unhinted metrics: text widths scale exactly with size, so fitting is exact.
    options.set_hint_metrics(cairo.HINT_METRICS_OFF)
    options.set_hint_style(cairo.HINT_STYLE_NONE)
    context.set_font_options(options)
    set_colour(context, style.colours["paper"])
    context.paint()
    for block in page.blocks:
        when = block.get("when")
        if when == "photo" and not content.photo or when == "no_photo" and content.photo:
            continue
        if when == "fold_guides" and not content.fold_guides:
            continue
        kind = block["type"]
        if kind == "rect":
            set_colour(context, colour_of(style, block.get("fill", "primary")))
            context.rectangle(block["x"], block["y"], block["w"], block["h"])
            context.fill()
        elif kind == "text":
            _text_block(context, page, style, block, content.text_of(block["field"]))
        elif kind == "list":
            _list_block(context, page, style, block, content.points)
        elif kind == "lines":
            _lines_block(context, page, style, block, content)
        elif kind == "image" and content.photo:
            image_block(context, block, content.photo)
        elif kind == "logo" and content.logo:
            image_block(context, block, content.logo, crop=False)
        elif kind == "qr" and content.url:
            _qr_block(context, style, block, content.url)
        elif kind == "flow":
            from .flow_drawing import draw_flow

            draw_flow(context, page, style, block, content.body)
        elif kind == "guides":
            _guides_block(context, page, style, block)


# -- text ------------------------------------------------------------------------------------


class Typesetter:
    """Measures text in one font at size 1 and scales: unhinted advances are linear."""

    def __init__(self, context: cairo.Context, family: str, bold: bool):
        self.context = context
        self.family, self.bold = family, bold
        self.cache: dict[str, float] = {}

    def use(self, size: float) -> None:
        weight = cairo.FONT_WEIGHT_BOLD if self.bold else cairo.FONT_WEIGHT_NORMAL
        self.context.select_font_face(self.family, cairo.FONT_SLANT_NORMAL, weight)
        self.context.set_font_size(size)

    def measure_at(self, size: float):
        def measure(unit: str) -> float:
            if unit not in self.cache:
                self.use(100)
                self.cache[unit] = self.context.text_extents(unit)[4] / 100
            return self.cache[unit] * size

        return measure


def _fit(
    typesetter: Typesetter, paragraphs, width, height, block, page, indent=0.0, gap=0.0
) -> tuple[float, list[list[str]]]:
    """The largest size (in points, in steps of half a point) at which all fits."""
    largest, smallest = block.get("max_size", 12), block.get("min_size", 8)
    line_height = block.get("line_height", 1.25)
    size = largest
    while True:
        units = size * page.point
        measure = typesetter.measure_at(units)
        laid = [break_lines(text, width - indent, measure) for text in paragraphs]
        lines = sum(len(p) for p in laid)
        needed = lines * units * line_height + gap * units * max(len(laid) - 1, 0)
        widest = max(
            (sum(measure(u) for u in tokenize(line)) for p in laid for line in p), default=0
        )
        if needed <= height + 1e-6 and widest <= width - indent + 1e-6:
            return units, laid
        if size <= smallest:
            fit_lines = int(height // (units * line_height))
            raise Overflow(
                block.get("field", "text"),
                f"needs {lines} lines at the smallest size ({smallest:g} pt) but the box holds "
                f"{max(fit_lines, 0)}: about {max(lines - fit_lines, 1)} line(s) too long",
            )
        size = max(smallest, size - 0.5)


def _face(style: Style, block: dict) -> tuple[str, bool]:
    return style.fonts[block.get("font", "regular")]


def _text_block(context, page, style, block, text) -> None:
    if not text:
        return
    family, bold = _face(style, block)
    typesetter = Typesetter(context, family, bold)
    size, (lines,) = _fit(typesetter, [text], block["w"], block["h"], block, page)
    used = len(lines) * size * block.get("line_height", 1.25)
    top = block["y"] + (block["h"] - used) * _VALIGN[block.get("valign", "top")]
    _draw_lines(context, typesetter, lines, size, block, style, y=top)


_VALIGN = {"top": 0.0, "middle": 0.5, "bottom": 1.0}


def _draw_lines(context, typesetter, lines, size, block, style, x=None, y=None) -> float:
    typesetter.use(size)
    ascent = context.font_extents()[0]
    line_height = size * block.get("line_height", 1.25)
    measure = typesetter.measure_at(size)
    x0 = block["x"] if x is None else x
    top = block["y"] if y is None else y
    set_colour(context, colour_of(style, block.get("colour", "text")))
    for number, line in enumerate(lines):
        width = sum(measure(u) for u in tokenize(line))
        align = block.get("align", "left")
        shift = {"left": 0, "center": (block["w"] - width) / 2, "right": block["w"] - width}[align]
        baseline = top + number * line_height + (line_height - size) / 2 + ascent
        context.move_to(x0 + max(shift, 0), baseline)
        context.show_text(line)
    return top + len(lines) * line_height


def _list_block(context, page, style, block, points) -> None:
    if not points:
        return
    family, bold = _face(style, block)
    typesetter = Typesetter(context, family, bold)
    # Room for the bullet; wrapped lines align with the text, not the bullet.
    indent_of = 0.9
    gap = 0.4
    size, laid = _fit(
        typesetter,
        list(points),
        block["w"],
        block["h"],
        block,
        page,
        indent=indent_of * block.get("max_size", 12) * page.point,
        gap=gap,
    )
    indent = indent_of * size
    line_height = size * block.get("line_height", 1.25)
    used = sum(len(lines) for lines in laid) * line_height + gap * size * (len(laid) - 1)
    y = block["y"] + (block["h"] - used) * _VALIGN[block.get("valign", "top")]
    for lines in laid:
        set_colour(
            context, colour_of(style, block.get("bullet_colour", block.get("colour", "text")))
        )
        # A round bullet centred on the first line, drawn as a circle: no font needed.
        radius = size * 0.2
        context.new_path()
        context.arc(block["x"] + radius, y + line_height / 2, radius, 0, 6.283185307179586)
        context.fill()
        y = _draw_lines(context, typesetter, lines, size, block, style, x=block["x"] + indent, y=y)
        y += gap * size


def _lines_block(context, page, style, block, content: PosterContent) -> None:
    texts = [(name, content.text_of(name)) for name in block["fields"]]
    texts = [(name, text) for name, text in texts if text]
    if not texts:
        return
    family, bold = _face(style, block)
    regular = Typesetter(context, family, bold)
    strong = Typesetter(context, style.fonts["bold"][0], True)
    emphasis = block.get("emphasis")
    largest, smallest = block.get("max_size", 12), block.get("min_size", 8)
    line_height = block.get("line_height", 1.3)
    size = largest
    while True:
        units = size * page.point
        widths = [
            (strong if name == emphasis else regular).measure_at(
                units * (1.3 if name == emphasis else 1)
            )(text)
            for name, text in texts
        ]
        heights = [units * (1.3 if name == emphasis else 1) * line_height for name, _ in texts]
        if max(widths) <= block["w"] + 1e-6 and sum(heights) <= block["h"] + 1e-6:
            break
        if size <= smallest:
            name = texts[widths.index(max(widths))][0]
            raise Overflow(
                name,
                f"does not fit on one line of the contact block even at {smallest:g} pt: "
                f"about {max(widths) / block['w'] * 100 - 100:.0f}% too long",
            )
        size = max(smallest, size - 0.5)
    y = block["y"]
    for (name, text), height in zip(texts, heights, strict=True):
        typesetter = strong if name == emphasis else regular
        this = units * (1.3 if name == emphasis else 1)
        typesetter.use(this)
        ascent = context.font_extents()[0]
        set_colour(context, colour_of(style, block.get("colour", "text")))
        context.move_to(block["x"], y + (height - this) / 2 + ascent)
        context.show_text(text)
        y += height


# -- pictures --------------------------------------------------------------------------------


def image_block(context, block, photo: bytes, crop: bool = True) -> None:
    """A photo cropped to fill its frame (never stretched), or a logo fitted inside it."""
    from PIL import Image, ImageOps

    # Crop to fill the frame, never stretch; 200 pixels per layout unit-inch is plenty.
    matrix = context.get_matrix()
    scale = max(abs(matrix.xx), 1e-6)
    target = (max(1, round(block["w"] * scale * 2)), max(1, round(block["h"] * scale * 2)))
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
    context.rectangle(block["x"], block["y"], block["w"], block["h"])
    context.clip()
    context.translate(block["x"], block["y"])
    context.scale(block["w"] / target[0], block["h"] / target[1])
    context.set_source_surface(surface, 0, 0)
    context.paint()
    context.restore()


def _qr_block(context, style, block, url: str) -> None:
    import segno

    code = segno.make(url, error="m", micro=False)
    border = 2
    rows = list(code.matrix_iter(border=border))
    module = block["size"] / len(rows)
    set_colour(context, style.colours["paper"])
    context.rectangle(block["x"], block["y"], block["size"], block["size"])
    context.fill()
    set_colour(context, colour_of(style, block.get("colour", "text")))
    for row_number, row in enumerate(rows):
        start = None
        for column, dark in enumerate(list(row) + [0]):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                context.rectangle(
                    block["x"] + start * module,
                    block["y"] + row_number * module,
                    (column - start) * module,
                    module,
                )
                start = None
    context.fill()


def _guides_block(context, page, style, block) -> None:
    """Dashed fold lines across the whole page, at each ``xs`` position."""
    set_colour(context, colour_of(style, block.get("colour", "muted")))
    context.set_line_width(0.2)
    context.set_dash([2.0, 2.0])
    for x in block["xs"]:
        context.move_to(x, 0)
        context.line_to(x, page.height)
    context.stroke()
    context.set_dash([])


# -- helpers ---------------------------------------------------------------------------------


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


def _small_png(surface) -> bytes:
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

"""Text for print files, set by Pango on the cairo surface they are drawn on.

Pango does what a text engine must and what our own code used to do badly or not at all:
shaping with HarfBuzz (joined right-to-left Uyghur, stacked Tibetan, kerning and ligatures
in English), Unicode line breaking (no line starts with ，。 or ends with 「（), bidirectional
text, falling back to another installed font for a character the chosen one lacks, and
bold or italic runs from markup.

What is ours: the words a line must not break inside (``words.kept_ranges``: Chinese words,
the campaign's names), lines made even, and the geometry of the layouts (a line is
``size × line_height`` tall, whatever font a character falls back to).

Sizes and widths are in the units of the cairo context (layout millimetres or pixels):
fonts are given an absolute size, so no resolution is involved.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...core.workers import keep_from_forking
from .words import kept_ranges

PANGO_SCALE = 1024
_WRAP_WORD, _WRAP_WORD_CHAR = 0, 2
_ALIGN = {"left": 0, "center": 1, "right": 2}
_RTL = 1  # PangoDirection


@dataclass(frozen=True)
class Breaks:
    """Where a paragraph's lines may break: never inside ``phrases`` nor, with ``words``,
    inside a Chinese word (``words.kept_ranges``); with ``split_words``, a word wider than
    the line is broken between letters as a last resort."""

    phrases: tuple[str, ...] = ()
    words: bool = False
    split_words: bool = False


ANYWHERE = Breaks()


@dataclass(frozen=True)
class Face:
    """A font as layouts.yml names it: a fontconfig family and whether it is bold."""

    family: str
    bold: bool = False


def load() -> None:
    """Load Pango now: worker processes forked afterwards share it, so each file they draw
    does not pay for reading Pango's declarations again."""
    _libraries()


# Font files this process adds to fontconfig (the print copies of CFF fonts), added when
# Pango is loaded: a build that draws nothing never pays for loading it.
_font_files: list[str] = []


def add_font_file(path: str) -> None:
    """Make the font file at ``path`` visible to Pango in this process and the workers it
    forks, once Pango is loaded (at once if it is)."""
    if path in _font_files:
        return
    _font_files.append(path)
    if _libraries.cache_info().currsize:
        _add_to_fontconfig(path)


@cache
def _libraries():
    import pangocairocffi
    from pangocffi import ffi, gobject, pango

    for path in _font_files:
        _add_to_fontconfig(path)
    return pango, pangocairocffi.pangocairo, pangocairocffi.ffi, ffi, gobject


def _add_to_fontconfig(path: str) -> None:
    import cffi
    import pangocairocffi

    ffi = cffi.FFI()
    ffi.cdef("int FcConfigAppFontAddFile(void *config, const unsigned char *file);")
    fontconfig = ffi.dlopen("libfontconfig.so.1")
    if not fontconfig.FcConfigAppFontAddFile(ffi.NULL, path.encode()):
        raise OSError(f"fontconfig did not take {path}")
    # Pango's font map lists fonts once; a new one sees the font just added.
    pangocairocffi.pangocairo.pango_cairo_font_map_set_default(pangocairocffi.ffi.NULL)


class Typesetter:
    """Sets paragraphs on one cairo context, in one language.

    ``language`` (a code such as "zh", "ug" or "bo") lets fontconfig pick the right faces
    for a script (the Simplified Chinese forms, not the Japanese ones); ``fallback``
    families are tried, in order, for characters the layout's fonts lack, before whatever
    else fontconfig finds.
    """

    def __init__(self, context, language: str = "", fallback: tuple[str, ...] = ()):
        import cairocffi

        pango, pangocairo, cairo_ffi, ffi, gobject = _libraries()
        # Pango's font map sorts fonts in threads of GLib's own, which a fork does not copy:
        # a worker forked from here would wait forever for a sort none of them runs.
        keep_from_forking()
        self._pango, self._ffi, self._gobject = pango, ffi, gobject
        self._pangocairo = pangocairo
        self.context = context
        cairo_t = cairo_ffi.cast("cairo_t *", context._pointer)
        self._cairo_t = cairo_t
        pointer = pangocairo.pango_cairo_create_context(cairo_t)
        self._pango_context = ffi.gc(pointer, gobject.g_object_unref)
        options = cairocffi.FontOptions()
        # Unhinted metrics: widths scale exactly with the size, and the PNG and the PDF of
        # a poster break their lines at the same places.
        options.set_hint_metrics(cairocffi.HINT_METRICS_OFF)
        options.set_hint_style(cairocffi.HINT_STYLE_NONE)
        pangocairo.pango_cairo_context_set_font_options(
            pointer, cairo_ffi.cast("cairo_font_options_t *", options._pointer)
        )
        # Pango rounds glyph positions to whole units of the surface by default: our units
        # are millimetres, so letters would sit up to half a millimetre off their places.
        pango.pango_context_set_round_glyph_positions(pointer, False)
        if language:
            pango.pango_context_set_language(
                pointer, pango.pango_language_from_string(_pango_language(language).encode())
            )
        self.fallback = tuple(fallback)
        self._ascents: dict[Face, float] = {}

    def paragraph(
        self,
        text: str,
        face: Face,
        size: float,
        width: float | None = None,
        *,
        markup: bool = False,
        breaks: Breaks = ANYWHERE,
    ) -> Paragraph:
        """``text`` set at ``size`` in lines no wider than ``width`` (one line if None),
        broken as ``breaks`` allows. A word wider than the line makes the paragraph wider
        than ``width`` (see ``Paragraph.fits``) unless ``breaks.split_words``.
        """
        pango, ffi = self._pango, self._ffi
        layout = ffi.gc(pango.pango_layout_new(self._pango_context), self._gobject.g_object_unref)
        description = pango.pango_font_description_from_string(self._family(face).encode())
        if face.bold:
            pango.pango_font_description_set_weight(description, 700)
        pango.pango_font_description_set_absolute_size(description, size * PANGO_SCALE)
        pango.pango_layout_set_font_description(layout, description)
        pango.pango_font_description_free(description)
        encoded = text.encode("utf-8")
        if markup:
            pango.pango_layout_set_markup(layout, encoded, len(encoded))
        else:
            pango.pango_layout_set_text(layout, encoded, len(encoded))
        if width is not None:
            pango.pango_layout_set_width(layout, max(1, round(width * PANGO_SCALE)))
            pango.pango_layout_set_wrap(layout, _WRAP_WORD)
        # With auto direction (Pango's default) a right-to-left paragraph swaps left and
        # right: Uyghur "left-aligned" text starts at the right edge, as it should.
        pango.pango_layout_set_alignment(layout, _ALIGN["left"])
        plain = ffi.string(pango.pango_layout_get_text(layout)).decode("utf-8")
        if width is not None:
            self._keep_whole(layout, plain, kept_ranges(plain, breaks.phrases, words=breaks.words))
        paragraph = Paragraph(self, layout, plain, size, width, face)
        if breaks.split_words and not paragraph.fits():
            # Breaking between letters ignores the punctuation rules: only for a word that
            # cannot fit otherwise.
            pango.pango_layout_set_wrap(layout, _WRAP_WORD_CHAR)
            paragraph = Paragraph(self, layout, plain, size, width, face)
        return paragraph

    def ascent(self, face: Face, size: float) -> float:
        """How far the baseline lies below the top of the font's line, at ``size``."""
        if face not in self._ascents:
            # The first line's baseline in a paragraph of the font alone: its ascent.
            sample = self.paragraph("国", face, 100)
            baseline = self._pango.pango_layout_get_baseline(sample.layout)
            self._ascents[face] = baseline / PANGO_SCALE / 100
        return self._ascents[face] * size

    def _family(self, face: Face) -> str:
        return ",".join((face.family, *self.fallback))

    def _keep_whole(self, layout, text: str, ranges) -> None:
        if not ranges:
            return
        pango = self._pango
        offsets = _byte_offsets(text)
        existing = pango.pango_layout_get_attributes(layout)
        attributes = (
            pango.pango_attr_list_copy(existing) if existing else pango.pango_attr_list_new()
        )
        for start, end in ranges:
            attribute = pango.pango_attr_allow_breaks_new(False)
            attribute.start_index, attribute.end_index = offsets[start], offsets[end]
            pango.pango_attr_list_insert(attributes, attribute)
        pango.pango_layout_set_attributes(layout, attributes)
        pango.pango_attr_list_unref(attributes)


@dataclass(frozen=True)
class Line:
    text: str
    x: float  # where the line starts, from the paragraph's left edge (its alignment)
    width: float


class Paragraph:
    """A paragraph laid out by Pango: its lines, its size, and drawing them one by one
    (a leaflet's paragraph may continue in the next column)."""

    def __init__(self, typesetter: Typesetter, layout, text: str, size, width, face: Face):
        self.typesetter, self.layout, self.text = typesetter, layout, text
        self.size, self.box_width, self.face = size, width, face
        self.lines = self._lines()
        self.rtl = typesetter._pango.pango_layout_get_direction(layout, 0) == _RTL

    @property
    def width(self) -> float:
        """The widest line."""
        return max((line.width for line in self.lines), default=0.0)

    def fits(self) -> bool:
        """Whether no line is wider than the width asked for (a long word may be)."""
        return self.box_width is None or self.width <= self.box_width + 1e-6

    @property
    def unknown_glyphs(self) -> int:
        """Characters that no installed font could draw (printed as boxes)."""
        return self.typesetter._pango.pango_layout_get_unknown_glyphs_count(self.layout)

    def frame_to(self, width: float, align: str) -> Paragraph:
        """Align the lines within ``width`` instead of the width they were broken at (lines
        made even are narrower than their box). Left and right swap in right-to-left text."""
        if self.rtl and align != "center":
            align = "left" if align == "right" else "right"
        share = {"left": 0.0, "center": 0.5, "right": 1.0}[align]
        self.lines = [
            Line(line.text, max(0.0, (width - line.width) * share), line.width)
            for line in self.lines
        ]
        return self

    def draw_line(self, number: int, x: float, top: float, height: float) -> None:
        """Line ``number`` in a line box ``height`` tall at (``x``, ``top``), the box's left
        edge being the paragraph's."""
        typesetter = self.typesetter
        pango = typesetter._pango
        line = pango.pango_layout_get_line_readonly(self.layout, number)
        baseline = top + (height - self.size) / 2 + typesetter.ascent(self.face, self.size)
        # Shown glyph by glyph with their clusters: the PDF's text reads back in order.
        typesetter.context.move_to(x + self.lines[number].x, baseline)
        typesetter._pangocairo.pango_cairo_show_layout_line(typesetter._cairo_t, line)

    def _lines(self) -> list[Line]:
        pango, ffi = self.typesetter._pango, self.typesetter._ffi
        encoded = self.text.encode("utf-8")
        lines = []
        logical = ffi.new("PangoRectangle *")
        iterator = pango.pango_layout_get_iter(self.layout)
        try:
            while True:
                line = pango.pango_layout_iter_get_line_readonly(iterator)
                start = pango.pango_layout_line_get_start_index(line)
                length = pango.pango_layout_line_get_length(line)
                pango.pango_layout_iter_get_line_extents(iterator, ffi.NULL, logical)
                text = encoded[start : start + length].decode("utf-8", "replace")
                lines.append(Line(text, logical.x / PANGO_SCALE, logical.width / PANGO_SCALE))
                if not pango.pango_layout_iter_next_line(iterator):
                    break
        finally:
            pango.pango_layout_iter_free(iterator)
        return lines


def largest_size(largest: float, smallest: float, attempt):
    """The result of ``attempt(size)`` at the largest size, in half-point steps from
    ``largest`` down to ``smallest``, where it gives one (None where nothing fits), found
    by halving: what fits at one size fits at every smaller one."""
    steps = [largest - 0.5 * n for n in range(int((largest - smallest) / 0.5) + 1)]
    if steps[-1] > smallest:
        steps.append(smallest)
    best = attempt(steps[0])
    if best is not None:
        return best
    low, high = 0, len(steps)  # steps[low] does not fit; what fits lies beyond
    best = None
    while high - low > 1:
        middle = (low + high) // 2
        result = attempt(steps[middle])
        if result is None:
            low = middle
        else:
            high, best = middle, result
    return best


def balanced(setter, width: float, count: int, smallest: float) -> float:
    """The narrowest width, down to ``smallest``, at which ``setter(width)`` still needs no
    more than ``count`` lines and fits: lines made even, no word or two left alone."""
    low, high = smallest, width
    if low >= high:
        return width
    for _ in range(7):  # to within 1/128 of the width: finer makes no other break
        middle = (low + high) / 2
        paragraph = setter(middle)
        if len(paragraph.lines) <= count and paragraph.fits():
            high = middle
        else:
            low = middle
    return high


def made_even(
    typesetter: Typesetter, paragraph: Paragraph, face: Face, width: float, phrases, align: str
) -> Paragraph:
    """The paragraph broken at the narrowest width that needs no more lines, aligned in
    its box: no last line with a word or two alone."""
    if len(paragraph.lines) > 1:
        narrowest = balanced(
            lambda trial: typesetter.paragraph(
                paragraph.text, face, paragraph.size, trial, breaks=Breaks(phrases, words=True)
            ),
            width,
            len(paragraph.lines),
            0.0,
        )
        paragraph = typesetter.paragraph(
            paragraph.text, face, paragraph.size, narrowest, breaks=Breaks(phrases, words=True)
        )
    return paragraph.frame_to(width, align)


def _byte_offsets(text: str) -> list[int]:
    """The UTF-8 offset of each character of ``text``, and of its end."""
    offsets, position = [], 0
    for char in text:
        offsets.append(position)
        position += len(char.encode("utf-8"))
    offsets.append(position)
    return offsets


def _pango_language(code: str) -> str:
    # fontconfig knows Chinese by region: zh-cn picks the Simplified faces.
    return "zh-cn" if code.lower() in ("zh", "zh-hans") else code

"""The print pack's cover: what it holds, item by item, with its pages, copies and how to
finish each one (cut, fold), for the print shop."""

from __future__ import annotations

import datetime as dt
import io

from ...core.formatting import format_range, type_label
from ...core.strings import Translator
from ..text.characters import printable_text
from .pack_selection import Entry, Selection


def cover_pdf(numbered, selection, t, fonts, colours, total_pages) -> bytes:
    """A4 pages listing what is inside, in the pack's language."""
    from ..drawing import pdf_surface
    from ..paper import paper_size

    buffer = io.BytesIO()
    surface = pdf_surface(buffer, *paper_size("A4"))
    cover = _Cover(surface, selection, t, fonts, colours)
    cover.heading(len(numbered), total_pages)
    y = 46
    for line in _selection_lines(selection, t):
        cover.write(cover.regular, line, 18, y, 11)
        y += 6.5
    y += 6
    for number, entry in enumerate(numbered, start=1):
        y = cover.entry(number, entry, y, lambda: cover.heading(len(numbered), total_pages))
    surface.finish()
    return buffer.getvalue()


POINT = 25.4 / 72  # mm
WIDTH = 164  # of an entry's lines, mm


class _Cover:
    """The cover's pages being drawn: its fonts, colours and language."""

    def __init__(self, surface, selection: Selection, t: Translator, fonts, colours):
        import cairocffi as cairo

        from ..paper import MM
        from ..text.pango import Face, Typesetter

        self.surface, self.selection, self.t, self.colours = surface, selection, t, colours
        self.context = cairo.Context(surface)
        self.context.scale(MM, MM)
        self.typesetter = Typesetter(self.context, selection.language)
        self.regular, self.bold = Face(*fonts["regular"]), Face(*fonts["bold"])

    def write(self, face, text, x, baseline, size, colour="text"):
        """One line at ``baseline``: ``text``, or a (paragraph, line number) already set."""
        from ..drawing import set_colour

        if isinstance(text, str):
            text = (self.typesetter.paragraph(text, face, size * POINT), 0)
        paragraph, number = text
        set_colour(self.context, self.colours.get(colour, colour))
        top = baseline - self.typesetter.ascent(face, size * POINT)
        paragraph.draw_line(number, x, top, size * POINT)
        return paragraph

    def heading(self, files: int, pages: int) -> None:
        from ..drawing import set_colour

        set_colour(self.context, self.colours["primary"])
        self.context.rectangle(0, 0, 210, 34)
        self.context.fill()
        self.write(self.bold, self.t("pack.title"), 18, 20, 24, "on_primary")
        summary = self.t("pack.summary", files=files, pages=pages)
        self.write(self.regular, summary, 18, 29, 11, "on_primary")

    def entry(self, number: int, entry: Entry, y: float, new_page) -> float:
        """One item of the list from ``y`` down (on a new page when it does not fit); the
        ``y`` below it."""
        t, setter, bold, regular = self.t, self.typesetter, self.bold, self.regular
        count = dict(self.selection.copies).get(entry.what)
        # How many to print stands at the right of the title, where the shop looks for it.
        copies = t("pack.copies", count=count) if count else None
        quantity = setter.paragraph(copies, bold, 11 * POINT) if copies else None
        room = WIDTH - (quantity.width + 6 if quantity else 14)
        title = setter.paragraph(printable_text(entry.campaign.title), bold, 11 * POINT, room)
        finish = setter.paragraph(_finishing(entry, self.selection, t), regular, 9 * POINT, WIDTH)
        if y + 6.5 * len(title.lines) + 4.5 * len(finish.lines) + 13 > 282:
            self.surface.show_page()
            new_page()
            y = 46
        self.write(bold, f"{number}.", 18, y, 11, "primary")
        first = y
        for line in range(len(title.lines)):
            self.write(bold, (title, line), 28, y, 11)
            y += 6.5
        if quantity:
            self.write(bold, (quantity, 0), 192 - quantity.width, first, 11, "primary")
        pages = (
            t("pack.page", page=entry.first_page)
            if entry.pages == 1
            else t("pack.pages", first=entry.first_page, last=entry.first_page + entry.pages - 1)
        )
        detail = f"{entry.label} · {format_range(entry.campaign.start, entry.campaign.end, t)}"
        self.write(regular, detail, 28, y, 10, "muted")
        shown = setter.paragraph(pages, regular, 10 * POINT)
        self.write(regular, (shown, 0), 192 - shown.width, y, 10, "muted")
        y += 5.5
        for line in range(len(finish.lines)):
            self.write(regular, (finish, line), 28, y, 9, "muted")
            y += 4.5
        return y + 4


def _finishing(entry: Entry, selection: Selection, t: Translator) -> str:
    """How the shop makes the printed sheets into the item: cut, fold, or nothing."""
    shop = "_bleed" if selection.bleed else ""
    return t(f"pack.finish.{entry.file.kind}{shop}", size=entry.file.size)


def _selection_lines(selection: Selection, t: Translator) -> list[str]:
    lines = []
    if selection.place:
        lines.append(t("pack.place", place=selection.place))
    if selection.start or selection.end:
        start = selection.start or dt.date.min
        end = selection.end or dt.date.max
        shown = (
            format_range(start, end, t)
            if selection.start and selection.end
            else (str(selection.start or "…") + " – " + str(selection.end or "…"))
        )
        lines.append(t("pack.dates", dates=shown))
    if selection.kind:
        lines.append(t("pack.type", type=type_label(selection.kind, t)))
    if "posters" in selection.what:
        # The poster size says nothing of a pack of banners or card decks alone.
        lines.append(t("pack.size", size=selection.size))
    if selection.bleed:
        lines.append(t("pack.bleed", bleed=f"{selection.bleed:g}"))
    if selection.duplex:
        lines.append(t("pack.duplex"))
    return lines

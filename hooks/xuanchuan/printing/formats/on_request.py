"""The print formats a campaign gets only when asked: slogan banners (横幅), display boards
(展板) and safety card decks (宣传扑克).

They are planned, cached and drawn as posters are (``jobs.py``): this module says which
files a campaign gets, what each draws from the campaign, and which drawing makes it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ...campaigns.model import Campaign
from ...core.errors import Problem
from ...core.formatting import format_day_of_month
from ...core.log import log
from ...core.messages import Message, msg
from ...core.print_files import BANNER_PDF, BANNER_TILES_PDF, BOARD_PDF, CARDS_PDF, Kind
from ...core.settings import MORE_FORMATS, centimetres
from ...core.strings import Translator
from ..content import SOURCES
from ..layouts import Layouts
from ..text.characters import printable_text

# The kinds of file these formats give (core/print_files.py orders them for downloads).
MORE_KINDS = frozenset(kind.name for kind in (BANNER_PDF, BANNER_TILES_PDF, BOARD_PDF, CARDS_PDF))
# A board of another shape than the layout's would be stretched: within this share it is not.
SHAPE_TOLERANCE = 0.01


@dataclass(frozen=True)
class MoreFormats:
    """Which of the formats to make, and their sizes (``extra.xuanchuan.print``)."""

    formats: tuple[str, ...] = ()
    banner_sizes: tuple[str, ...] = ("500x70",)
    board_sizes: tuple[str, ...] = ("90x120",)
    office_paper: str = "A4"

    @classmethod
    def of(cls, settings, formats: tuple[str, ...] | None = None) -> MoreFormats:
        """The formats of the print settings, or ``formats`` instead (print-pack's)."""
        chosen = settings.formats if formats is None else formats
        return cls(
            tuple(name for name in MORE_FORMATS if name in chosen),
            settings.banner_sizes,
            settings.board_sizes,
            settings.office_paper,
        )


@dataclass(frozen=True)
class Output:
    """One file of a campaign in one language, as jobs.py plans it."""

    kind: Kind
    size: str  # the banner's or board's size in cm; the office paper for a deck
    drawer: str  # "banner", "banner_tiles", "board" or "cards"
    layout: object  # what layouts.yml gives the drawing (a Layout, or the BannerLook)
    uses: frozenset[str]  # the content it prints: only a change to these draws it again
    options: dict  # anything else that shapes it, as plain data (part of the cache key)

    def describe(self) -> dict:
        return {"drawer": self.drawer, "layout": asdict(self.layout), "options": self.options}


def more_content(campaign: Campaign, t: Translator) -> dict:
    """What banners, boards and decks print besides a poster's texts, as PosterContent's
    fields: the slogan, the schedule and laws with their headings, and the deck's tips."""
    schedule = []
    for activity in campaign.activities:
        schedule.append(activity.schedule_line(format_day_of_month(activity.date, t)))
    return {
        "slogan": campaign.slogan,
        "schedule": tuple(schedule),
        "laws": tuple(campaign.laws),
        "schedule_heading": t("label.schedule") if schedule else "",
        "laws_heading": t("label.laws") if campaign.laws else "",
        "tips": deck_tips(campaign),
    }


def deck_tips(campaign: Campaign) -> tuple[str, ...]:
    """The deck's tips, one a card: the poster's key points, then the campaign's ``cards``,
    each once. More than a deck holds is the drawing's to report (``cards.py``)."""
    points = campaign.poster.points if campaign.poster else ()
    tips: list[str] = []
    for tip in (*points, *campaign.cards):
        if printable_text(tip) not in (printable_text(dealt) for dealt in tips):
            tips.append(tip)
    return tuple(tips)


def tip_source(campaign: Campaign, number: int) -> str:
    """The field the deck's tip ``number`` (from 1) is written in."""
    points = campaign.poster.points if campaign.poster else ()
    tips = deck_tips(campaign)
    if number - 1 >= len(tips):
        return "cards"
    tip = printable_text(tips[number - 1])
    for name, texts in (("poster.points", points), ("cards", campaign.cards)):
        for index, text in enumerate(texts, start=1):
            if printable_text(text) == tip:
                return f"{name}[{index}]"
    return "cards"


def shape_problems(more: MoreFormats, layouts: Layouts) -> list[Problem]:
    """Boards the board layout cannot fill without being stretched, and formats asked for
    whose layout layouts.yml lacks."""
    problems = []
    for name, layout_key in (("board", "board"), ("cards", "cards")):
        if name in more.formats and layout_key not in layouts.formats:
            problems.append(
                Problem(
                    "overrides/print/layouts.yml",
                    None,
                    layout_key,
                    msg(
                        "is missing: expected the layout of the {format} format, which "
                        "mkdocs.yml asks for (the project's own layouts.yml has one to copy)",
                        format=name,
                    ),
                )
            )
    board = layouts.formats.get("board")
    if "board" in more.formats and board:
        shape = board.page.width / board.page.height
        for number, size in enumerate(more.board_sizes, start=1):
            width, height = centimetres(size)
            if abs(width / height / shape - 1) > SHAPE_TOLERANCE:
                problems.append(
                    Problem(
                        "mkdocs.yml",
                        None,
                        f"extra.xuanchuan.print.board_sizes[{number}]",
                        msg(
                            '"{size}" is not the shape of the board layout ({width} x {height} '
                            "in overrides/print/layouts.yml): expected a size of that shape, "
                            "such as {example}, or a board layout of this shape",
                            size=size,
                            width=f"{board.page.width:g}",
                            height=f"{board.page.height:g}",
                            example=_same_shape(board.page.width, board.page.height),
                        ),
                    )
                )
    return problems


def _same_shape(width: float, height: float) -> str:
    scale = 120 / max(width, height)
    return f"{round(width * scale)}x{round(height * scale)}"


def more_outputs(
    more: MoreFormats, campaign: Campaign, content, layouts: Layouts, t: Translator
) -> list[Output]:
    """The files of the asked-for formats that ``campaign`` (in one language) gets."""
    outputs = []
    if "banner" in more.formats:
        for size in more.banner_sizes:
            uses = frozenset(layouts.banner.content_used())
            outputs.append(Output(BANNER_PDF, size, "banner", layouts.banner, uses, {}))
            notes = {
                "label": t(
                    "banner.tile",
                    size=size,
                    number="{number}",
                    count="{count}",
                    row="{row}",
                    column="{column}",
                ),
                "how": t("banner.tile_how"),
                "paper": more.office_paper,
            }
            outputs.append(
                Output(BANNER_TILES_PDF, size, "banner_tiles", layouts.banner, uses, notes)
            )
    board = layouts.formats.get("board")
    if "board" in more.formats and board:
        uses = frozenset(board.content_used())
        notes = {"schedule": t("board.more_activities"), "laws": t("board.more_laws")}
        for size in more.board_sizes:
            outputs.append(Output(BOARD_PDF, size, "board", board, uses, notes))
    deck = layouts.formats.get("cards")
    if "cards" in more.formats and deck and not content.tips:
        log.info(
            msg(
                "Card decks: {file} has no key points (poster.points) and no cards: it gets "
                "no deck",
                file=campaign.source,
            )
        )
    elif "cards" in more.formats and deck:
        notes = {
            "front": t(
                "cards.sheet_front", title=content.title, sheet="{sheet}", sheets="{sheets}"
            ),
            "back": t("cards.sheet_back", title=content.title, sheet="{sheet}", sheets="{sheets}"),
            "how": t("cards.how", width=f"{deck.page.width:g}", height=f"{deck.page.height:g}"),
            "joker": t("cards.joker"),
        }
        uses = frozenset(deck.content_used() | {"tips"})
        outputs.append(Output(CARDS_PDF, more.office_paper, "cards", deck, uses, notes))
    return outputs


def draw_more(job, style, content) -> bytes:
    """Runs in a worker process: one file of the formats here, as ``job`` (a
    jobs.render.DrawJob) asks: its drawer, layout, size (``paper``), options, and the print
    shop's ``bleed`` (mm) for the banner and the board."""
    drawer, layout, size, options, bleed = job.drawer, job.layout, job.paper, job.options, job.bleed
    if drawer == "banner":
        from .banner import render_banner

        return render_banner(layout, style, content, size, bleed)
    if drawer == "banner_tiles":
        from .banner import render_banner_tiles

        return render_banner_tiles(layout, style, content, size, options)
    if drawer == "board":
        return render_board(layout, style, content, size, options, bleed)
    from .cards import render_deck

    return render_deck(layout, style, content, size, options)


# The lists a board may shorten: a campaign's whole schedule (up to 100 activities) or its
# laws rarely fit a board, which is printed to be read in passing; the page has them all.
SHORTENED = ("schedule", "laws")


def render_board(layout, style, content, size: str, notes: dict, bleed: float = 0.0) -> bytes:
    """The board on its own page; a schedule or list of laws too long for it shows as many of
    its first items as fit and a last line saying how many more there are (the QR code
    leads to them all). Anything else too long is an Overflow, as on a poster."""
    from dataclasses import replace

    from ..drawing import Overflow
    from .poster import render_pdf

    kept: dict[str, int] = {}

    def shown(counts: dict[str, int]):
        cut = {}
        for field, count in counts.items():
            items = getattr(content, field)
            more = notes[field].format(count=len(items) - count)
            cut[field] = (*items[:count], more)
        return replace(content, **cut)

    while True:
        try:
            return render_pdf(layout, style, shown(kept), size, bleed)
        except Overflow as error:
            field = error.field
            if field not in SHORTENED or field in kept or len(getattr(content, field)) < 2:
                raise
            # The most items that fit with the line saying how many more: what fits with
            # some fits with fewer, so halving finds it.
            low, high = 0, len(getattr(content, field)) - 1
            while low < high:
                middle = (low + high + 1) // 2
                try:
                    render_pdf(layout, style, shown({**kept, field: middle}), size)
                    fits = True
                except Overflow as trial:
                    fits = trial.field != field
                low, high = (middle, high) if fits else (low, middle - 1)
            kept[field] = low  # drawn again: with no item left, the line alone


def more_problem(campaign: Campaign, kind: str, size: str, field: str, message) -> Problem:
    """What did not fit on a banner, board or deck, in the campaign's file."""
    if kind == CARDS_PDF.name and field.startswith("tip:"):
        # A card's tip: the drawing names it "tip:<its place among the tips>:<the card>".
        _, number, card = field.split(":", 2)
        return Problem(
            str(campaign.source),
            None,
            tip_source(campaign, int(number)),
            msg(
                "does not fit on its card of the deck ({card}): it {overflow}; shorten it "
                "(nothing is cut off silently)",
                card=card,
                overflow=message,
            ),
        )
    what: Message = {
        BANNER_PDF.name: msg("the {size} banner", size=size),
        BANNER_TILES_PDF.name: msg("the {size} banner", size=size),
        BOARD_PDF.name: msg("the {size} display board", size=size),
        CARDS_PDF.name: msg("the card deck"),
    }[kind]
    return Problem(
        str(campaign.source),
        None,
        SOURCES.get(field, field),
        msg(
            "does not fit on {item}: it {overflow}; shorten it (nothing is cut off silently)",
            item=what,
            overflow=message,
        ),
    )

"""The print files a campaign gets, as plain data shared by the printing engine (which
makes them) and the site (which offers them for download): their kinds, named once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .messages import Message, msg


@dataclass(frozen=True)
class Kind:
    name: str
    what: Message  # how a message names it: "poster", "share image", "leaflet"
    output: str  # "pdf" or "png"


POSTER_PDF = Kind("poster_pdf", msg("poster"), "pdf")
POSTER_PNG_FULL = Kind("poster_png_full", msg("poster"), "png")
POSTER_PNG = Kind("poster_png", msg("poster"), "png")
SHARE_PNG = Kind("share_png", msg("share image"), "png")
LEAFLET_PDF = Kind("leaflet_pdf", msg("leaflet"), "pdf")
# Made only when asked (extra.xuanchuan.print.formats): a banner at true size and tiled on
# office paper, a display board, a card deck laid out on office paper.
BANNER_PDF = Kind("banner_pdf", msg("banner"), "pdf")
BANNER_TILES_PDF = Kind("banner_tiles_pdf", msg("banner"), "pdf")
BOARD_PDF = Kind("board_pdf", msg("display board"), "pdf")
CARDS_PDF = Kind("cards_pdf", msg("card deck"), "pdf")
# A year's, not a campaign's: the site lists it on the year's summary page.
SUMMARY_PDF = Kind("summary_pdf", msg("year-end summary"), "pdf")

# In the order the download box lists them. Each has its label in the translation table
# (downloads.<name>).
KINDS = {
    kind.name: kind
    for kind in (
        POSTER_PDF,
        POSTER_PNG,
        POSTER_PNG_FULL,
        SHARE_PNG,
        LEAFLET_PDF,
        BANNER_PDF,
        BANNER_TILES_PDF,
        BOARD_PDF,
        CARDS_PDF,
    )
}


@dataclass(frozen=True)
class PrintFile:
    """One rendered file, ready to be copied into the site."""

    slug: str
    language: str
    kind: str  # a name in KINDS
    size: str  # paper size, or "" for screen images
    name: str  # file name in the campaign's folder of the site
    path: Path  # the cached file
    bytes: int


@dataclass
class PrintResult:
    files: dict[tuple[str, str], list[PrintFile]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    rendered: int = 0
    reused: int = 0
    seconds: float = 0.0
    # The year-end summaries, by year and language; ``slug`` is empty in each.
    summaries: dict[tuple[int, str], PrintFile] = field(default_factory=dict)

    def for_campaign(self, slug: str, code: str) -> list[PrintFile]:
        return self.files.get((slug, code), [])

    def summary(self, year: int, code: str) -> PrintFile | None:
        return self.summaries.get((year, code))


def summary_file_name(year: int, code: str) -> str:
    """The summary PDF's name, in the folder of its year's page."""
    return f"summary-{year}-{code}.pdf"

"""What a poster, share image or leaflet prints, already chosen, defaulted and worded in
one language.

The texts a layout block may print are the fields marked ``printable``; ``source`` names
the campaign field each comes from, so a message about a text that does not fit points to
the field the team wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields


class Photo(bytes):
    """A photo's bytes that also know where its subject is: ``focus``, shares of its width
    and height from its top left corner (campaigns/model.py). Every format that draws the
    campaign's photo with ``image_block`` crops it around its subject without asking."""

    def __new__(cls, data: bytes, focus: tuple[float, float] = (0.5, 0.5)):
        photo = super().__new__(cls, data)
        photo.focus = (float(focus[0]), float(focus[1]))
        return photo

    def __reduce__(self):
        # Sent to the processes that draw print files: the focus goes along.
        return (Photo, (bytes(self), self.focus))


def printable(source: str | None = None):
    return field(default="", metadata={"printable": True, "source": source})


@dataclass(frozen=True)
class PosterContent:
    """Everything a poster says, in one language, already chosen and defaulted."""

    kind: str  # the campaign type: it picks the colours
    language: str = ""  # the language code: fonts and the direction of text follow it
    headline: str = printable("poster.headline")
    subheadline: str = printable("poster.subheadline")
    points: tuple[str, ...] = field(
        default=(), metadata={"printable": "list", "source": "poster.points"}
    )
    organization: str = printable("organizer")
    organizer: str = printable("organizer")
    dates: str = printable("start")
    hotline: str = printable("contact.hotline")
    address: str = printable("contact.address")
    qr_caption: str = printable()
    type_label: str = printable("type")
    summary: str = printable("summary")
    url: str = ""
    photo: bytes | None = None  # the image file's bytes (a Photo): part of the cache key too
    # Each key point's icon (SVG bytes) for pictogram posters, by position; None where
    # there is none to draw.
    icons: tuple[bytes | None, ...] = ()
    logo: bytes | None = None
    # Leaflets: the page title, the body as flow blocks (text/body_blocks.py), panel headings.
    title: str = printable("title")
    body: tuple = ()
    points_heading: str = printable()
    contact_heading: str = printable()
    fold_guides: bool = False
    # Names that a line never breaks inside: the campaign's places and organizer.
    phrases: tuple[str, ...] = ()
    # Banners, display boards and card decks (banner.py, cards.py): the slogan, the
    # schedule and the laws as lines of a list, their headings, the deck's tips, and the
    # tip of the card being drawn.
    slogan: str = printable("banner")
    schedule: tuple[str, ...] = field(
        default=(), metadata={"printable": "list", "source": "activities"}
    )
    laws: tuple[str, ...] = field(default=(), metadata={"printable": "list", "source": "laws"})
    schedule_heading: str = printable()
    laws_heading: str = printable()
    tips: tuple[str, ...] = field(default=(), metadata={"printable": "list", "source": "cards"})
    tip: str = printable("cards")
    # Documents of several pages (the year-end summary): "第 1 页，共 3 页" on each.
    page_number: str = printable()

    def text_of(self, name: str) -> str:
        return getattr(self, name) or ""

    def as_dict(self) -> dict:
        """A shallow dict (``asdict`` would deep-copy every leaflet block)."""
        return {item.name: getattr(self, item.name) for item in fields(self)}


# The texts a layout's text and lines blocks may print, and the list a list block prints.
TEXTS = tuple(f.name for f in fields(PosterContent) if f.metadata.get("printable") is True)
LISTS = tuple(f.name for f in fields(PosterContent) if f.metadata.get("printable") == "list")
# The campaign field each printed text comes from, for messages.
SOURCES = {f.name: f.metadata["source"] for f in fields(PosterContent) if f.metadata.get("source")}

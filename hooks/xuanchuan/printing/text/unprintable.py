"""Characters that no installed font has, found before anything is drawn and reported where
the team wrote them: the campaign file, the field and its line, each character once per file.

A character the layout's fonts lack (Uyghur, Tibetan, a symbol) is drawn from another
installed font; only what no font has (a rare hanzi, a private-use or damaged character, an
emoji no font draws) cannot be printed and must be changed in the source.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ...campaigns.model import Campaign
from ...core.errors import Problem, SourceError
from ...core.frontmatter import Document, read_document
from ...core.messages import msg
from ..content import LISTS, SOURCES, TEXTS, PosterContent
from .characters import printable_text
from .fonts import Font, beyond_fonts, installed_fonts, no_font_has


@dataclass(frozen=True)
class Unprintable:
    """A character no installed font has, and where it is written."""

    source: str  # the campaign file, as the team sees it
    line: int | None
    field: str
    char: str


@dataclass(frozen=True)
class Checked:
    unprintable: list[Unprintable]
    # Set when some text is drawn from other fonts than the layout's: what the installed
    # fonts are, so that a print file is drawn again when they change.
    fallback_identity: str | None = None


def unprintable_characters(
    campaign: Campaign,
    default: Campaign,
    content: PosterContent,
    fonts: dict[str, Font],
    cache_dir: Path | None = None,
) -> Checked:
    """What ``content`` (``campaign`` in one language, as printed) holds that no font has.

    ``default`` is the campaign in the default language: a translation that leaves a field
    out prints the default language's text, and a character in it is reported there.
    """
    text = "".join(printed for _, printed in _content_texts(content))
    beyond = beyond_fonts(list(fonts.values()), text, cache_dir)
    if not beyond:
        return Checked([])
    identity = installed_fonts()
    lacking = [c for c in beyond if c in no_font_has(beyond, fonts["regular"].family, cache_dir)]
    found = []
    for field, written in _texts(campaign, content):
        for char in [c for c in lacking if c in written]:
            found.append((field, char))
            lacking.remove(char)
    places = _Places(campaign, default)
    return Checked([places.of(field, char) for field, char in found], identity)


def missing_character_problems(found: list[Unprintable]) -> list[Problem]:
    """One problem per field, each character named once per campaign file."""
    seen: set[tuple[str, str]] = set()
    fields: dict[tuple[str, int | None, str], list[Unprintable]] = {}
    for item in found:
        if (item.source, item.char) not in seen:
            seen.add((item.source, item.char))
            fields.setdefault((item.source, item.line, item.field), []).append(item)
    return sorted(
        _problem(source, line, field, items) for (source, line, field), items in fields.items()
    )


def _texts(campaign: Campaign, content: PosterContent) -> Iterator[tuple[str, str]]:
    """(field, text as printed): the campaign's fields in the order of its file, then what
    the print files add (the translation table's words, the body as printed)."""
    yield from ((field, printable_text(text)) for field, text in _written(campaign) if text)
    yield from _content_texts(content)


def _written(campaign: Campaign) -> Iterator[tuple[str, str | None]]:
    yield "title", campaign.title
    yield "summary", campaign.summary
    yield "organizer", campaign.organizer
    for number, activity in enumerate(campaign.activities, start=1):
        yield f"activities[{number}].title", activity.title
        yield f"activities[{number}].place", activity.place
        yield f"activities[{number}].time", activity.time
    for number, law in enumerate(campaign.laws, start=1):
        yield f"laws[{number}]", law
    yield "contact.hotline", campaign.contact.hotline
    yield "contact.address", campaign.contact.address
    if campaign.poster:
        yield "poster.headline", campaign.poster.headline
        yield "poster.subheadline", campaign.poster.subheadline
        for number, point in enumerate(campaign.poster.points, start=1):
            yield f"poster.points[{number}]", point
    yield "banner", campaign.banner
    for number, tip in enumerate(campaign.cards, start=1):
        yield f"cards[{number}]", tip
    yield "body", campaign.body


def _content_texts(content: PosterContent) -> Iterator[tuple[str, str]]:
    # Only what a layout may print (content.TEXTS and LISTS), in their declared order.
    for name, value in content.as_dict().items():
        if name in LISTS:
            yield from ((SOURCES.get(name, name), item) for item in value)
        elif name in TEXTS:
            yield SOURCES.get(name, name), value or ""
    for block in content.body:
        cells = "".join("".join(row) for row in block.get("rows", ()))
        yield "body", block.get("text", "") + block.get("marker", "") + cells


class _Places:
    """The file, field and line where a character is written; the files are read again
    only here, since a build with nothing to report never asks."""

    def __init__(self, campaign: Campaign, default: Campaign):
        # A translation prints the default language's text for a field it leaves out.
        translated = campaign is not default and not campaign.is_fallback
        self.owners = [campaign, default] if translated else [campaign]
        self.documents: dict[str, Document | None] = {}

    def of(self, field: str, char: str) -> Unprintable:
        for owner in self.owners:
            document = self._document(owner)
            if document is None:
                continue
            if field == "body":
                return Unprintable(str(owner.source), _body_line(document, char), field, char)
            written = _field_in(document, field, char)
            if written in document.lines:
                return Unprintable(str(owner.source), document.lines[written], written, char)
        # Not written as such (a default, or the translation table's words): the nearest
        # field of the file that prints it.
        owner = self.owners[0]
        document = self._document(owner)
        line = document.line_of(field) if document else None
        return Unprintable(str(owner.source), line, field, char)

    def _document(self, campaign: Campaign) -> Document | None:
        shown = str(campaign.source)
        if shown not in self.documents:
            try:
                read = read_document(campaign.folder / campaign.source.name, shown)
            except SourceError:
                read = None  # changed since it was loaded: reported without a line
            self.documents[shown] = read
        return self.documents[shown]


def _field_in(document: Document, field: str, char: str) -> str | None:
    """``field`` as the file numbers it: activities are sorted by date once read, so the
    file's item is the one whose text has the character (None: no item has it)."""
    if not field.startswith("activities["):
        return field
    name = field.rpartition(".")[2]
    items = document.meta.get("activities")
    for number, item in enumerate(items if isinstance(items, list) else [], start=1):
        value = item.get(name) if isinstance(item, dict) else None
        if isinstance(value, str) and char in printable_text(value):
            return f"activities[{number}].{name}"
    return None


def _body_line(document: Document, char: str) -> int | None:
    for number, line in enumerate(document.body.split("\n")):
        # Markdown may write it as an entity (&#x1F600;), or with an accent typed apart.
        if char in line or char in printable_text(html.unescape(line)):
            return document.body_line + number
    return None


def _problem(source: str, line: int | None, field: str, items: list[Unprintable]) -> Problem:
    shown = ", ".join(str(_shown(item.char)) for item in items[:5])
    more = msg(" and {count} more", count=len(items) - 5) if len(items) > 5 else ""
    return Problem(
        source,
        line,
        field,
        msg(
            "cannot be printed: no installed font has {characters}{more}: replace it (an "
            "emoji with words, a rare hanzi with a common one or pinyin), or install a font "
            "that has it and name it in overrides/print/layouts.yml (fallback_fonts)",
            characters=shown,
            more=more,
        ),
    )


# Characters that cannot be shown in a message, by Unicode category.
_UNSHOWABLE = {
    "Co": msg("a private-use character, which only the font it was typed with shows"),
    "Cs": msg("half of a damaged character"),
    "Cn": msg("no character in Unicode"),
}


def _shown(char: str) -> str:
    """``"😀" (U+1F600)``; a combining mark or a character no terminal can show by its
    code point and what it is."""
    code = f"U+{ord(char):04X}"
    category = unicodedata.category(char)
    if category in _UNSHOWABLE:
        return f"{code} ({_UNSHOWABLE[category]})"
    if category.startswith("M"):
        return msg("{code} (an accent or mark over the character before it)", code=code)
    return f'"{char}" ({code})'

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
from ...core.declared import printed_values
from ...core.errors import Problem
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
    # The fields the model declares printed, in the order of their declarations, then the
    # body (the leaflet's text).
    yield from printed_values(campaign)
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
    """The file, field and line where a character is written, as the model keeps them."""

    def __init__(self, campaign: Campaign, default: Campaign):
        # A translation prints the default language's text for a field it leaves out.
        self.owners = campaign.written_in(default)

    def of(self, field: str, char: str) -> Unprintable:
        for owner in self.owners:
            where = owner.positions
            if field == "body":
                line = where.body_line_of(owner.body, lambda text: _holds(text, char))
                return Unprintable(str(owner.source), line, field, char)
            if where.wrote(field):
                return Unprintable(str(owner.source), where.line_of(field), where.path(field), char)
        # Not written as such (a default, or the translation table's words): the nearest
        # field of the file that prints it.
        owner = self.owners[0]
        return Unprintable(str(owner.source), owner.positions.line_of(field), field, char)


def _holds(line: str, char: str) -> bool:
    # Markdown may write it as an entity (&#x1F600;), or with an accent typed apart.
    return char in line or char in printable_text(html.unescape(line))


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

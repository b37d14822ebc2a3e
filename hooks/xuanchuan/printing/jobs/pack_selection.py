"""What goes into a print pack: the team's selection (place, dates, type, language, paper
size, kinds, copies), checked with messages that name what was asked and what exists, and
the campaigns it chooses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...campaigns.model import Campaign, CampaignSet
from ...core.errors import Problem, SourceError, did_you_mean, file_problem
from ...core.messages import Message, msg
from ...core.print_files import PrintFile
from ...core.settings import MAX_BLEED, POSTER_SIZES, Settings, bleed_problem

WHAT = ("posters", "leaflets")
# What else a pack may hold (--only), by the format (extra.xuanchuan.print.formats) that
# makes it: the banner at true size (a print shop prints it whole), the board, the deck.
MORE_WHAT = {"banners": "banner", "boards": "board", "cards": "cards"}
CHOICES = WHAT + tuple(MORE_WHAT)


def pack_contents(settings: Settings, only: str | None) -> tuple[str, ...]:
    """What a pack holds: ``only`` that, else posters, leaflets and the formats the site
    offers for download (mkdocs.yml)."""
    if only:
        return (only,)
    return WHAT + tuple(what for what, name in MORE_WHAT.items() if name in settings.print.formats)


def formats_of(what: tuple[str, ...]) -> tuple[str, ...]:
    """The formats (banner, board, cards) a pack of ``what`` needs drawn."""
    return tuple(MORE_WHAT[item] for item in what if item in MORE_WHAT)


# More copies of one item than any order a publicity team places: a mistyped number.
MAX_COPIES = 100_000


@dataclass(frozen=True)
class Selection:
    """What goes into a pack; ``None`` means no limit."""

    language: str
    size: str = "A4"
    place: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    kind: str | None = None
    what: tuple[str, ...] = WHAT
    # For printing on both sides: each item starts on the front of a new sheet.
    duplex: bool = False
    # The print shop's bleed round every item (mm); 0 prints to the edge of the paper.
    bleed: float = 0.0
    # How many of each item to print, by what it is ("posters"); none: not said.
    copies: tuple[tuple[str, int], ...] = ()


def check_selection(selection: Selection, settings: Settings, campaigns: CampaignSet) -> None:
    """Problems with the request itself, before anything is chosen or drawn."""
    found = _unknown_values(selection, settings)
    if not 0 <= selection.bleed <= MAX_BLEED:
        found.append(("--bleed", bleed_problem(f"{selection.bleed:g}")))
    if selection.start and selection.end and selection.end < selection.start:
        found.append(
            (
                "--to",
                msg(
                    "{end} is before --from ({start}): expected a later date",
                    end=selection.end,
                    start=selection.start,
                ),
            )
        )
    if selection.place is not None and not selection.place.strip():
        found.append(
            (
                "--place",
                msg(
                    "is empty: expected the name of a village, town or counter, or no --place "
                    "to print every place"
                ),
            )
        )
    if selection.place is not None and not found:
        found += _unknown_place(selection, campaigns)
    if found:
        raise SourceError([Problem("print-pack", None, flag, message) for flag, message in found])


def _unknown_values(selection: Selection, settings: Settings) -> list[tuple[str, Message]]:
    found = []
    for flag, what, value, choices in (
        ("--language", msg("language"), selection.language, settings.codes),
        ("--size", msg("paper size"), selection.size, POSTER_SIZES),
        ("--type", msg("type"), selection.kind, settings.campaign_types),
    ):
        if value is not None and value not in choices:
            message = msg(
                'unknown {what} "{value}"{hint}: expected one of {choices}',
                what=what,
                value=value,
                hint=did_you_mean(value, choices),
                choices=", ".join(choices),
            )
            found.append((flag, message))
    return found


def _unknown_place(selection: Selection, campaigns: CampaignSet) -> list[tuple[str, Message]]:
    known = known_places(campaigns, selection.language)
    if any(selection.place in place for place in known_places(campaigns)):
        return []
    message = msg(
        'no campaign takes place in "{place}"{hint}: expected one of the places '
        "campaigns name: {places}",
        place=selection.place,
        hint=did_you_mean(selection.place, known),
        places=", ".join(known) or msg("none (no campaign lists places)"),
    )
    return [("--place", message)]


def read_copies(text: str, what: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """``--copies``: ``20`` (of every item), ``posters=50,leaflets=500`` (by what the item is),
    or both (``20,leaflets=500``: 500 of each leaflet, 20 of everything else)."""
    problems: list[Message] = []
    every: int | None = None
    named: dict[str, int] = {}
    for item in (part.strip() for part in text.split(",")):
        kind, equals, number = item.rpartition("=")
        kind, count = (kind.strip() if equals else None), _count(number.strip())
        problem = _copies_problem(item, kind, count, what, named)
        if problem is not None:
            problems.append(problem)
        elif kind is None:
            if every is not None:
                problems.append(
                    msg(
                        "gives two numbers for every item ({first} and {second}): expected one, "
                        "and kind=number for the others",
                        first=every,
                        second=count,
                    )
                )
            every = count
        else:
            named[kind] = count
    if problems:
        raise SourceError([Problem("print-pack", None, "--copies", p) for p in problems])
    if every is not None:
        named = {kind: named.get(kind, every) for kind in what}
    return tuple((kind, named[kind]) for kind in what if kind in named)


def _copies_problem(item: str, kind: str | None, count, what, named: dict) -> Message | None:
    """What is wrong with one item of --copies ("20", ``kind`` None, or "leaflets=500"), if
    anything."""
    example = msg("such as 20, or posters=50,leaflets=500")
    if not item:
        return msg("has an empty item: expected numbers of copies {example}", example=example)
    if count is None:
        return msg(
            '"{item}" is not a number of copies: expected a whole number from 1 to '
            "{maximum}, {example}",
            item=item,
            maximum=f"{MAX_COPIES:,}",
            example=example,
        )
    if kind is None:
        return None  # a number for every item
    if kind not in CHOICES:
        return msg(
            'unknown kind "{kind}"{hint}: expected one of {choices}',
            kind=kind,
            hint=did_you_mean(kind, CHOICES),
            choices=", ".join(CHOICES),
        )
    if kind not in what:
        return msg(
            "names {kind}, which this pack leaves out (--only {only}): expected copies "
            "of what the pack holds",
            kind=kind,
            only=", ".join(what),
        )
    if kind in named:
        return msg("names {kind} twice: expected each kind once", kind=kind)
    return None


def _count(text: str) -> int | None:
    if not text.isascii() or not text.isdigit():
        return None
    count = int(text)
    return count if 1 <= count <= MAX_COPIES else None


def known_places(campaigns: CampaignSet, language: str | None = None) -> list[str]:
    """Every place the campaigns name (in one language, or in any), sorted."""
    places = set()
    for versions in campaigns.campaigns.values():
        for code, campaign in versions.items():
            if language is None or code == language:
                places.update(_places_of(campaign))
    return sorted(places)


def _places_of(campaign: Campaign) -> set[str]:
    return set(campaign.places) | {a.place for a in campaign.activities if a.place}


def choose(selection: Selection, campaigns: CampaignSet) -> list[Campaign]:
    """The campaigns in the selection, in the selection's language, by date."""
    chosen = []
    for versions in campaigns.campaigns.values():
        every_language = list(versions.values())
        campaign = versions[selection.language]
        if selection.kind and campaign.type != selection.kind:
            continue
        if selection.start and campaign.last_day < selection.start:
            continue
        if selection.end and campaign.start > selection.end:
            continue
        if selection.place and not any(
            selection.place in place for version in every_language for place in _places_of(version)
        ):
            continue
        chosen.append(campaign)
    if not chosen:
        raise SourceError(
            file_problem(
                "print-pack",
                msg(
                    "nothing to print: no campaign matches {selection}: expected a selection "
                    "that includes at least one campaign (try fewer limits)",
                    selection=describe(selection),
                ),
            )
        )
    return sorted(chosen, key=lambda c: (c.start, c.slug))


def describe(selection: Selection) -> str:
    parts = []
    if selection.place:
        parts.append(msg('place "{place}"', place=selection.place))
    if selection.start or selection.end:
        first, last = selection.start or "…", selection.end or "…"
        parts.append(msg("dates {first} to {last}", first=first, last=last))
    if selection.kind:
        parts.append(msg("type {type}", type=selection.kind))
    parts.append(msg("language {language}", language=selection.language))
    return ", ".join(str(part) for part in parts)


@dataclass(frozen=True)
class Entry:
    campaign: Campaign
    file: PrintFile
    label: str
    pages: int
    what: str = "posters"  # one of CHOICES: how --copies names it
    first_page: int = 0
    blank_before: bool = False

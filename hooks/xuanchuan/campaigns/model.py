"""A campaign as the rest of the engine sees it: plain, validated, one per language.

Each front matter field (README.md, 宣传活动 · Campaigns) is declared once, here, on the
class that holds it:
its type and checks, whether a translation words it itself, and its default. The schema
that checks a campaign file is read from these declarations (``schema.py``), and so is
the model built from a checked file. Adding a field is one line here, plus, where it
shows, the template and the translation table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..core.declared import declare
from ..core.messages import Message, msg
from ..core.schema import (
    MISSING,
    Bool,
    Choice,
    Date,
    Nested,
    Number,
    Option,
    Text,
    WholeNumber,
    line_of,
)
from ..core.schema_lists import ListOf, MapOf
from ..core.settings import POSTER_LAYOUTS, POSTER_SIZES
from .poster_options import CENTER, Point, Points, PosterImage

UPCOMING, UNDER_WAY, FINISHED = "upcoming", "under-way", "finished"

# A time of day, or a span: 9:30, 09:00-11:30.
TIME = r"([01]?\d|2[0-3]):[0-5]\d(\s*-\s*([01]?\d|2[0-3]):[0-5]\d)?"
TIME_HELP = msg('a time such as "9:30" or a span such as "9:00-11:30"')
# Titles are headings on pages, posters and calendars: a sentence, never a paragraph.
TITLE_LENGTH = 200
# A banner's slogan is one line across a strip; a card's tip is read in a hand. Whether
# they fit is found when they are set (a card names itself), these only catch a paste.
BANNER_LENGTH = 60
CARD_LENGTH = 200
CARDS_IN_DECK = 54
# Counts people, villages, leaflets: a goal beyond a billion is a typo.
MAX_COUNT = 1_000_000_000


@dataclass(frozen=True, kw_only=True)
class Target:
    label: str = declare(Text(required=True, translatable=True, max_length=TITLE_LENGTH))
    goal: float = declare(Number(required=True, minimum=0, maximum=MAX_COUNT))
    actual: float | None = declare(Number(minimum=0, maximum=MAX_COUNT))
    unit: str = declare(Text(default="", translatable=True))
    # The day of the last report counted in ``actual``; None when set by hand or unreported.
    reported_on: dt.date | None = None

    @property
    def met(self) -> bool | None:
        return None if self.actual is None else self.actual >= self.goal

    @property
    def progress(self) -> float | None:
        """Share of the goal reached, 0..1 (capped), or None when not measured yet."""
        if self.actual is None or not self.goal:
            return None
        return max(0.0, min(1.0, self.actual / self.goal))


@dataclass(frozen=True, kw_only=True)
class Activity:
    date: dt.date = declare(Date(required=True))
    title: str = declare(
        Text(required=True, translatable=True, max_length=TITLE_LENGTH, printed=True)
    )
    place: str | None = declare(Text(translatable=True, printed=True))
    time: str | None = declare(Text(pattern=TIME, pattern_help=TIME_HELP, printed=True))
    # The page key of the first report on it: the activity has been held.
    report: str | None = None

    @property
    def start_time(self) -> str | None:
        return self.time.split("-")[0].strip() if self.time else None

    @property
    def end_time(self) -> str | None:
        if self.time and "-" in self.time:
            return self.time.split("-")[1].strip()
        return None

    def schedule_line(self, day: str) -> str:
        """The activity as a line of a printed schedule, ``day`` as the format words it:
        "6月12日 09:00-11:30 Title · Place"."""
        when = f"{day} {self.time}" if self.time else day
        where = f" · {self.place}" if self.place else ""
        return f"{when} {self.title}{where}"


@dataclass(frozen=True, kw_only=True)
class Contact:
    hotline: str | None = declare(Text(printed=True))
    address: str | None = declare(Text(translatable=True, printed=True))


@dataclass(frozen=True, kw_only=True)
class Poster:
    # Headline and subheadline default to the page's own title and summary, never to the
    # other language's words.
    headline: str | None = declare(Text(translatable=True, inherited=False, printed=True))
    subheadline: str | None = declare(Text(translatable=True, inherited=False, printed=True))
    # Written as texts or {text, icon}; the model keeps the texts here and the icons, by
    # position, in ``icons``.
    points: tuple[str, ...] = declare(
        Points(Point(), min_items=1, max_items=6, required=True, printed=True)
    )
    # A path inside the campaign folder in the file, with where its subject is (``focus``);
    # the file itself in the model, and the point in ``focus``.
    image: Path | None = declare(PosterImage(translatable=True))
    # The design (headline, photo or pictograms); unset, the site's choice for the type.
    layout: str | None = declare(Choice(POSTER_LAYOUTS))
    sizes: tuple[str, ...] = declare(ListOf(Choice(POSTER_SIZES), min_items=1))
    # Phrases a line never breaks inside (the campaign's places and organizer always stay
    # whole); each language names its own.
    keep: tuple[str, ...] = declare(
        ListOf(Text(), max_items=20, translatable=True, inherited=False)
    )
    # Where the photo's subject is (see CENTER): every crop of the photo is placed by it.
    focus: tuple[float, float] = CENTER
    # Each point's icon name, or None where it names none.
    icons: tuple[str | None, ...] = ()

    def __post_init__(self):
        # Built from a checked file the points come as {text, icon}: kept apart, so that
        # everything else reads them as the texts they are.
        if any(isinstance(point, dict) for point in self.points):
            points = tuple(p["text"] if isinstance(p, dict) else p for p in self.points)
            icons = tuple(p.get("icon") if isinstance(p, dict) else None for p in self.points)
            object.__setattr__(self, "points", points)
            object.__setattr__(self, "icons", icons)


@dataclass(frozen=True, kw_only=True)
class Leaflet:
    """Which ``##`` sections of the body go into the leaflet (all when empty)."""

    # Named by the headings of each language's own body.
    sections: tuple[str, ...] = declare(
        ListOf(Text(), min_items=1, max_items=30, translatable=True, inherited=False)
    )
    fold_guides: bool = declare(Bool(default=False))


class ScheduleEntry(Option):
    """An activity of the campaign's schedule, named by its date or by its title."""

    expected = msg("a date (YYYY-MM-DD) or a title from the campaign's activities")

    def validate(self, value, path, report):
        if isinstance(value, dt.date) or (
            isinstance(value, str) and Date._SHAPE.fullmatch(value.strip())
        ):
            return Date().validate(value, path, report)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return self.wrong(value, path, report)
        return Text(max_length=TITLE_LENGTH, allow_empty=False).validate(value, path, report)


@dataclass(frozen=True, kw_only=True)
class Photo:
    # Relative to the report file in the file; the file itself in the model.
    file: Path = declare(Text(required=True))
    caption: str | None = declare(Text(translatable=True))


def _file_name_alone(text: str) -> Message:
    return msg(
        '"{text}" is a file name alone: expected it as "- file: {text}", with an optional '
        '"caption:" line under it',
        text=text,
    )


class PhotoEntry(Nested):
    """A photo of a report; the file name written alone is the likeliest slip."""

    def validate(self, value, path, report):
        if isinstance(value, str):
            report.add(path, _file_name_alone(value))
            return MISSING
        return super().validate(value, path, report)


class Photos(ListOf):
    def validate(self, value, path, report):
        if isinstance(value, str):
            report.add(path, _file_name_alone(value))
            return MISSING
        return super().validate(value, path, report)


@dataclass(frozen=True)
class SourcePositions:
    """Where a campaign or report was written, read once with its file: the line of each
    field as the file numbers them, the body's first line, and for a list the model keeps in
    another order (activities, by date) each item's place in the file."""

    lines: Mapping[str, int] = field(default_factory=dict)
    body_line: int = 1
    places: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    def path(self, field_path: str) -> str:
        """``field_path`` as the model numbers it (``activities[1].place``), as the file
        does."""
        name, bracket, rest = field_path.partition("[")
        places = self.places.get(name)
        number, _, after = rest.partition("]")
        if not bracket or places is None or not number.isdigit():
            return field_path
        if not 0 < int(number) <= len(places):
            return field_path
        return f"{name}[{places[int(number) - 1]}]{after}"

    def wrote(self, field_path: str) -> bool:
        """Whether the file writes this field itself (not a default, nor inherited)."""
        return self.path(field_path) in self.lines

    def line_of(self, field_path: str) -> int | None:
        """The field's line, or its nearest parent's."""
        return line_of(self.lines, self.path(field_path))

    def body_line_of(self, body: str, found) -> int | None:
        """The line of the first line of ``body`` for which ``found(line)`` is true."""
        for number, line in enumerate(body.split("\n")):
            if found(line):
                return self.body_line + number
        return None


@dataclass(frozen=True)
class Figure:
    """An amount a report counts toward one of the campaign's targets."""

    label: str  # the target's label in the report's language
    amount: float
    unit: str
    target: int  # its place in ``Campaign.targets``


@dataclass(frozen=True, kw_only=True)
class Report:
    """An activity briefing (README.md, 活动简报 · Reports) in one language."""

    slug: str  # the campaign's folder
    name: str  # the file name without language and ".md": 2026-06-12-village-meeting
    language: str
    folder: Path  # the campaign's folder
    source: Path
    body: str
    is_fallback: bool = False
    positions: SourcePositions = field(default_factory=SourcePositions, compare=False, repr=False)

    title: str = declare(Text(required=True, translatable=True, max_length=TITLE_LENGTH))
    date: dt.date = declare(Date(required=True))
    # Written as a date or title of the schedule; the campaign's activity in the model.
    activity: Activity | None = declare(ScheduleEntry())
    place: str | None = declare(Text(translatable=True))
    people: int | None = declare(WholeNumber(minimum=0, maximum=MAX_COUNT))
    photos: tuple[Photo, ...] = declare(Photos(PhotoEntry(Photo), max_items=60))
    # Written as target label: amount; resolved against the campaign's targets in the model.
    figures: tuple[Figure, ...] = declare(MapOf(Number(minimum=0, maximum=MAX_COUNT), max_items=12))
    draft: bool = declare(Bool(default=False))

    @property
    def page_key(self) -> str:
        return report_key(self.slug, self.name)


def report_key(slug: str, name: str) -> str:
    """The language-free source name of a report's page."""
    return f"campaigns/{slug}/reports/{name}.md"


@dataclass(frozen=True, kw_only=True)
class Campaign:
    """One campaign in one language (a missing translation repeats the default language)."""

    # From the folder and the file, not from the front matter.
    slug: str
    language: str
    folder: Path
    source: Path
    body: str
    is_fallback: bool = False
    positions: SourcePositions = field(default_factory=SourcePositions, compare=False, repr=False)

    # The front matter. The choices of ``type`` are the configured campaign types; a field
    # ``printed`` is set in print files as written.
    title: str = declare(
        Text(required=True, translatable=True, max_length=TITLE_LENGTH, printed=True)
    )
    type: str = declare(Choice((), required=True))
    summary: str = declare(Text(required=True, translatable=True, printed=True))
    start: dt.date = declare(Date(required=True))
    end: dt.date | None = declare(Date())
    organizer: str | None = declare(Text(translatable=True, printed=True))
    audience: tuple[str, ...] = declare(ListOf(Text(), max_items=20, translatable=True))
    places: tuple[str, ...] = declare(ListOf(Text(), max_items=50, translatable=True))
    channels: tuple[str, ...] = declare(ListOf(Text(), max_items=20, translatable=True))
    laws: tuple[str, ...] = declare(ListOf(Text(), max_items=20, translatable=True, printed=True))
    targets: tuple[Target, ...] = declare(ListOf(Nested(Target), max_items=12))
    activities: tuple[Activity, ...] = declare(ListOf(Nested(Activity), max_items=100))
    contact: Contact = declare(Nested(Contact))
    poster: Poster | None = declare(Nested(Poster))
    leaflet: Leaflet = declare(Nested(Leaflet))
    # The slogan of the banner (横幅), one line; default: the poster's headline. Each
    # language words its own.
    banner: str | None = declare(
        Text(translatable=True, inherited=False, max_length=BANNER_LENGTH, printed=True)
    )
    # Safety tips for the card deck (宣传扑克), one a card, before the poster's points; fewer
    # than 54 are dealt again on the remaining cards. Each language words its own.
    cards: tuple[str, ...] = declare(
        ListOf(
            Text(max_length=CARD_LENGTH),
            max_items=CARDS_IN_DECK,
            translatable=True,
            inherited=False,
            printed=True,
        )
    )
    tags: tuple[str, ...] = declare(ListOf(Text(), max_items=30))
    draft: bool = declare(Bool(default=False))
    # Its reports in this language, newest first (from the reports/ folder).
    reports: tuple[Report, ...] = ()

    @property
    def last_day(self) -> dt.date:
        return self.end or self.start

    def status(self, today: dt.date) -> str:
        if today < self.start:
            return UPCOMING
        if today > self.last_day:
            return FINISHED
        return UNDER_WAY

    def ended(self, today: dt.date) -> bool:
        return today > self.last_day

    @property
    def page_key(self) -> str:
        """The page's language-free source name, as other pages link to it."""
        return page_key(self.slug)

    def written_in(self, default: Campaign) -> tuple[Campaign, ...]:
        """The versions whose files write this one's fields, in the order to look: a
        translation's own file, then the default language's (which gives every field the
        translation leaves out)."""
        if self is default or self.is_fallback:
            return (self,)
        return (self, default)

    # What print files lead with, each default written here once.
    @property
    def headline(self) -> str:
        """The poster's headline; the page's own title when it has none."""
        return (self.poster and self.poster.headline) or self.title

    @property
    def subheadline(self) -> str:
        """The poster's subheadline; the page's own summary when it has none."""
        return (self.poster and self.poster.subheadline) or self.summary

    @property
    def slogan(self) -> str:
        """The banner's one line: its slogan as written, else the headline."""
        return self.banner or self.headline


def page_key(slug: str) -> str:
    """The language-free source name of the page of the campaign in folder ``slug``."""
    return f"campaigns/{slug}/index.md"


@dataclass
class CampaignSet:
    """All valid campaigns, each in every configured language, and the problems found."""

    campaigns: dict[str, dict[str, Campaign]] = field(default_factory=dict)
    problems: list = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    # Reports left out of campaigns that build, as the team sees them, without language and
    # ".md": campaigns/<slug>/reports/2026-06-12-village-meeting.
    left_out_reports: list[str] = field(default_factory=list)

    def in_language(self, code: str) -> list[Campaign]:
        """Newest first: by start date, then by slug for a stable order."""
        chosen = [versions[code] for versions in self.campaigns.values()]
        return sorted(chosen, key=lambda c: (c.start, c.slug), reverse=True)

    def reports(self, code: str) -> list[Report]:
        """Every report in language ``code``, newest first."""
        found = [r for versions in self.campaigns.values() for r in versions[code].reports]
        return sorted(found, key=lambda r: (r.date, r.slug, r.name), reverse=True)

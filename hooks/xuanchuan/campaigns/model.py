"""A campaign as the rest of the engine sees it: plain, validated, one per language.

Each front matter field (DESIGN §3) is declared once, here, on the class that holds it:
its type and checks, whether a translation words it itself, and its default. The schema
that checks a campaign file is read from these declarations (``schema.py``), and so is
the model built from a checked file. Adding a field is one line here, plus, where it
shows, the template and the translation table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..core.messages import msg
from ..core.schema import Bool, Choice, Date, ListOf, Nested, Number, Text, declare
from ..core.settings import POSTER_SIZES

UPCOMING, UNDER_WAY, FINISHED = "upcoming", "under-way", "finished"

# A time of day, or a span: 9:30, 09:00-11:30.
TIME = r"([01]?\d|2[0-3]):[0-5]\d(\s*-\s*([01]?\d|2[0-3]):[0-5]\d)?"
TIME_HELP = msg('a time such as "9:30" or a span such as "9:00-11:30"')
# Titles are headings on pages, posters and calendars: a sentence, never a paragraph.
TITLE_LENGTH = 200
# Counts people, villages, leaflets: a goal beyond a billion is a typo.
MAX_COUNT = 1_000_000_000


@dataclass(frozen=True, kw_only=True)
class Target:
    label: str = declare(Text(required=True, translatable=True, max_length=TITLE_LENGTH))
    goal: float = declare(Number(required=True, minimum=0, maximum=MAX_COUNT))
    actual: float | None = declare(Number(minimum=0, maximum=MAX_COUNT))
    unit: str = declare(Text(default="", translatable=True))

    @property
    def progress(self) -> float | None:
        """Share of the goal reached, 0..1 (capped), or None when not measured yet."""
        if self.actual is None or not self.goal:
            return None
        return max(0.0, min(1.0, self.actual / self.goal))


@dataclass(frozen=True, kw_only=True)
class Activity:
    date: dt.date = declare(Date(required=True))
    title: str = declare(Text(required=True, translatable=True, max_length=TITLE_LENGTH))
    place: str | None = declare(Text(translatable=True))
    time: str | None = declare(Text(pattern=TIME, pattern_help=TIME_HELP))

    @property
    def start_time(self) -> str | None:
        return self.time.split("-")[0].strip() if self.time else None

    @property
    def end_time(self) -> str | None:
        if self.time and "-" in self.time:
            return self.time.split("-")[1].strip()
        return None


@dataclass(frozen=True, kw_only=True)
class Contact:
    hotline: str | None = declare(Text())
    address: str | None = declare(Text(translatable=True))


@dataclass(frozen=True, kw_only=True)
class Poster:
    # Headline and subheadline default to the page's own title and summary, never to the
    # other language's words.
    headline: str | None = declare(Text(translatable=True, inherited=False))
    subheadline: str | None = declare(Text(translatable=True, inherited=False))
    points: tuple[str, ...] = declare(
        ListOf(Text(), min_items=1, max_items=6, required=True, translatable=True)
    )
    # A path inside the campaign folder in the file; the file itself in the model.
    image: Path | None = declare(Text(translatable=True))
    sizes: tuple[str, ...] = declare(ListOf(Choice(POSTER_SIZES), min_items=1))
    # Phrases a line never breaks inside (the campaign's places and organizer always stay
    # whole); each language names its own.
    keep: tuple[str, ...] = declare(
        ListOf(Text(), max_items=20, translatable=True, inherited=False)
    )


@dataclass(frozen=True, kw_only=True)
class Leaflet:
    """Which ``##`` sections of the body go into the leaflet (all when empty)."""

    # Named by the headings of each language's own body.
    sections: tuple[str, ...] = declare(
        ListOf(Text(), min_items=1, max_items=30, translatable=True, inherited=False)
    )
    fold_guides: bool = declare(Bool(default=False))


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

    # The front matter. The choices of ``type`` are the configured campaign types.
    title: str = declare(Text(required=True, translatable=True, max_length=TITLE_LENGTH))
    type: str = declare(Choice((), required=True))
    summary: str = declare(Text(required=True, translatable=True))
    start: dt.date = declare(Date(required=True))
    end: dt.date | None = declare(Date())
    organizer: str | None = declare(Text(translatable=True))
    audience: tuple[str, ...] = declare(ListOf(Text(), max_items=20, translatable=True))
    places: tuple[str, ...] = declare(ListOf(Text(), max_items=50, translatable=True))
    channels: tuple[str, ...] = declare(ListOf(Text(), max_items=20, translatable=True))
    laws: tuple[str, ...] = declare(ListOf(Text(), max_items=20, translatable=True))
    targets: tuple[Target, ...] = declare(ListOf(Nested(Target), max_items=12))
    activities: tuple[Activity, ...] = declare(ListOf(Nested(Activity), max_items=100))
    contact: Contact = declare(Nested(Contact))
    poster: Poster | None = declare(Nested(Poster))
    leaflet: Leaflet = declare(Nested(Leaflet))
    tags: tuple[str, ...] = declare(ListOf(Text(), max_items=30))
    draft: bool = declare(Bool(default=False))

    @property
    def last_day(self) -> dt.date:
        return self.end or self.start

    def status(self, today: dt.date) -> str:
        if today < self.start:
            return UPCOMING
        if today > self.last_day:
            return FINISHED
        return UNDER_WAY

    @property
    def page_key(self) -> str:
        """The page's language-free source name, as other pages link to it."""
        return page_key(self.slug)


def page_key(slug: str) -> str:
    """The language-free source name of the page of the campaign in folder ``slug``."""
    return f"campaigns/{slug}/index.md"


@dataclass
class CampaignSet:
    """All valid campaigns, each in every configured language, and the problems found."""

    campaigns: dict[str, dict[str, Campaign]] = field(default_factory=dict)
    problems: list = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)

    def in_language(self, code: str) -> list[Campaign]:
        """Newest first: by start date, then by slug for a stable order."""
        chosen = [versions[code] for versions in self.campaigns.values()]
        return sorted(chosen, key=lambda c: (c.start, c.slug), reverse=True)

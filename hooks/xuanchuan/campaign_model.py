"""A campaign as the rest of the engine sees it: plain, validated, one per language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

UPCOMING, UNDER_WAY, FINISHED = "upcoming", "under-way", "finished"


@dataclass(frozen=True)
class Target:
    label: str
    goal: float
    actual: float | None = None
    unit: str = ""

    @property
    def progress(self) -> float | None:
        """Share of the goal reached, 0..1 (capped), or None when not measured yet."""
        if self.actual is None or not self.goal:
            return None
        return max(0.0, min(1.0, self.actual / self.goal))


@dataclass(frozen=True)
class Activity:
    date: dt.date
    title: str
    place: str | None = None
    time: str | None = None

    @property
    def start_time(self) -> str | None:
        return self.time.split("-")[0].strip() if self.time else None

    @property
    def end_time(self) -> str | None:
        if self.time and "-" in self.time:
            return self.time.split("-")[1].strip()
        return None


@dataclass(frozen=True)
class Contact:
    hotline: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class Poster:
    headline: str
    subheadline: str | None = None
    points: tuple[str, ...] = ()
    image: Path | None = None
    sizes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Leaflet:
    """Which ``##`` sections of the body go into the leaflet (all when empty)."""

    sections: tuple[str, ...] = ()
    fold_guides: bool = False


@dataclass(frozen=True)
class Campaign:
    """One campaign in one language (a missing translation repeats the default language)."""

    slug: str
    language: str
    type: str
    title: str
    summary: str
    start: dt.date
    end: dt.date | None
    folder: Path
    source: Path
    body: str
    organizer: str | None = None
    audience: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    laws: tuple[str, ...] = ()
    targets: tuple[Target, ...] = ()
    activities: tuple[Activity, ...] = ()
    contact: Contact = field(default_factory=Contact)
    poster: Poster | None = None
    leaflet: Leaflet = field(default_factory=Leaflet)
    tags: tuple[str, ...] = ()
    draft: bool = False
    is_fallback: bool = False

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
        return f"campaigns/{self.slug}/index.md"

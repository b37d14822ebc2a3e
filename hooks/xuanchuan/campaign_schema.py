"""The campaign format contract (DESIGN §3) as a schema: what each field must hold."""

from __future__ import annotations

from .schema import Bool, Choice, Date, ListOf, Number, Record, Text
from .settings import POSTER_SIZES, SLUG, SLUG_HELP

# A time of day, or a span: 9:30, 09:00-11:30.
TIME = r"([01]?\d|2[0-3]):[0-5]\d(\s*-\s*([01]?\d|2[0-3]):[0-5]\d)?"
TIME_HELP = 'a time such as "9:30" or a span such as "9:00-11:30"'


# Fields a translation may give in its own words. Anything else is inherited from the
# default language and may only be repeated unchanged.
TRANSLATABLE = {
    "title",
    "summary",
    "organizer",
    "audience",
    "places",
    "channels",
    "laws",
    "targets",
    "activities",
    "poster",
    "contact",
    "leaflet",
}
TRANSLATABLE_INSIDE = {
    "targets": {"label", "unit"},
    "activities": {"title", "place"},
    "poster": {"headline", "subheadline", "points", "image"},
    "contact": {"address"},
    "leaflet": {"sections"},
}


def campaign_fields(types: tuple[str, ...]) -> Record:
    """The fields of a campaign's default-language file."""
    return Record(
        {
            "title": Text(required=True),
            "type": Choice(types, required=True),
            "summary": Text(required=True),
            "start": Date(required=True),
            "end": Date(),
            "organizer": Text(),
            "audience": ListOf(Text(), max_items=20),
            "places": ListOf(Text(), max_items=50),
            "channels": ListOf(Text(), max_items=20),
            "laws": ListOf(Text(), max_items=20),
            "targets": ListOf(
                Record(
                    {
                        "label": Text(required=True),
                        "goal": Number(required=True, minimum=0),
                        "actual": Number(minimum=0),
                        "unit": Text(),
                    }
                ),
                max_items=12,
            ),
            "activities": ListOf(
                Record(
                    {
                        "date": Date(required=True),
                        "title": Text(required=True),
                        "place": Text(),
                        "time": Text(pattern=TIME, pattern_help=TIME_HELP),
                    }
                ),
                max_items=100,
            ),
            "contact": Record({"hotline": Text(), "address": Text()}),
            "poster": Record(
                {
                    "headline": Text(),
                    "subheadline": Text(),
                    "points": ListOf(Text(), min_items=1, max_items=6, required=True),
                    "image": Text(),
                    "sizes": ListOf(Choice(POSTER_SIZES), min_items=1),
                }
            ),
            "leaflet": Record(
                {
                    "sections": ListOf(Text(), min_items=1),
                    "fold_guides": Bool(default=False),
                }
            ),
            "tags": ListOf(Text()),
            "draft": Bool(default=False),
        }
    )


def folder_name_ok(name: str) -> bool:
    import re

    return re.fullmatch(SLUG, name) is not None


__all__ = [
    "POSTER_SIZES",
    "SLUG_HELP",
    "TRANSLATABLE",
    "TRANSLATABLE_INSIDE",
    "campaign_fields",
    "folder_name_ok",
]

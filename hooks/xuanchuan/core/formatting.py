"""Dates, numbers and campaign types as the team reads them, in each language: shared by
the web pages and the print files. Dates and numbers are written the way the Unicode CLDR
says each language writes them (through Babel); a language's catalog may give its own
word between the two dates of a range (Chinese: 至)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from .strings import Translator

# The dash CLDR puts between the two dates of a range, with the spaces around it.
CLDR_RANGE_SEPARATOR = re.compile(r"[\s\u2009]*–[\s\u2009]*$")


def format_day(day: dt.date, t: Translator) -> str:
    from babel.dates import format_date

    return format_date(day, "long", locale=t.locale)


def format_day_of_month(day: dt.date, t: Translator) -> str:
    """The day without its year ("6月1日", "June 1"): for a schedule within one year."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMMd", day, locale=t.locale)


def format_range(start: dt.date, end: dt.date | None, t: Translator) -> str:
    """Two dates as one range, written as short as the language allows: "2027年6月1日至30日",
    "June 1 – 30, 2027"."""
    if end is None or end == start:
        return format_day(start, t)
    from babel.dates import format_date

    field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    first, second = _interval_patterns(t.locale)[field]
    separator = t.own("date.range_separator")
    if separator:
        first = CLDR_RANGE_SEPARATOR.sub("'" + separator.replace("'", "''") + "'", first)
    return format_date(start, first, locale=t.locale) + format_date(end, second, locale=t.locale)


def format_month(year: int, month: int, t: Translator) -> str:
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", dt.date(year, month, 1), locale=t.locale)


def month_name(month: int, t: Translator) -> str:
    return t.locale.months["stand-alone"]["wide"][month]


def type_label(type_id: str, t: Translator) -> str:
    try:
        return t(f"type.{type_id}")
    except KeyError:
        # A type added in mkdocs.yml without a label in the catalog: show its id.
        return type_id


def format_number(value: float, t: Translator) -> str:
    """A count or amount as the language writes it: 1,234,567 and 95, never 1.23457e+06 or
    95.0."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=t.locale)


@cache
def _interval_patterns(locale) -> dict[str, list[str]]:
    """CLDR's patterns for a range of days, by the first field in which the dates differ.

    CLDR gives them with short month names ("Jun 1 – 30"); where the language writes a
    whole date with the full name ("June 1, 2027"), the range takes it too, as ICU does.
    """
    patterns = locale.interval_formats["yMMMd"]
    whole = str(locale.datetime_skeletons.get("yMMMMd", ""))
    if "MMMM" not in whole:
        return {field: list(parts) for field, parts in patterns.items()}
    return {
        field: [_widen_months(part) for part in parts] for field, parts in patterns.items()
    }


def _widen_months(pattern: str) -> str:
    return re.sub(r"(?<!M)MMM(?!M)", "MMMM", pattern)

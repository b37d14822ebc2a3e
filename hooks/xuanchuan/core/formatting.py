"""Dates and campaign types as the team reads them, in each language, from the
translation table: shared by the web pages and the print files."""

from __future__ import annotations

import datetime as dt

from .strings import Translator


def format_day(day: dt.date, t: Translator) -> str:
    return t(
        "date.day",
        year=day.year,
        month=day.month,
        day=day.day,
        month_name=month_name(day.month, t),
    )


def format_range(start: dt.date, end: dt.date | None, t: Translator) -> str:
    if end is None or end == start:
        return format_day(start, t)
    if (start.year, start.month) == (end.year, end.month):
        return t(
            "date.range_same_month",
            year=start.year,
            month=start.month,
            day=start.day,
            end_day=end.day,
            month_name=month_name(start.month, t),
        )
    return t("date.range", start=format_day(start, t), end=format_day(end, t))


def format_month(year: int, month: int, t: Translator) -> str:
    return t("date.month", year=year, month=month, month_name=month_name(month, t))


def month_name(month: int, t: Translator) -> str:
    return t("month.names").split()[month - 1]


def type_label(type_id: str, t: Translator) -> str:
    try:
        return t(f"type.{type_id}")
    except KeyError:
        # A type added in mkdocs.yml without a label in the table: show its id.
        return type_id


def format_number(value: float) -> str:
    """A count or amount as people write it: 1234567 and 95, never 1.23457e+06 or 95.0."""
    return f"{value:.15g}"

"""A small typed schema for YAML data: settings in mkdocs.yml, front matter, print layouts.

Modelled on MkDocs' ``config_options``: each option knows its type, default and the
words that explain what was expected. Validation collects every problem in one pass
instead of stopping at the first, so the team can fix a file in one go.

Lists and maps of values are in ``schema_lists``; models declared with these options (a
frozen dataclass per record, ``declare``, ``build``) in ``declared``.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from .errors import Problem, did_you_mean
from .messages import Message, msg

MISSING = object()


@dataclass
class Issue:
    """A problem at ``path`` (dotted field path such as ``languages[1].code``)."""

    path: str
    message: str | Message


@dataclass
class Report:
    issues: list[Issue] = field(default_factory=list)
    # Numbers as the file wrote them, by field path: a text field keeps "0123" or "1.50"
    # as written instead of the number YAML read (83, 1.5).
    written: Mapping[str, str] = field(default_factory=dict)

    def add(self, path: str, message: str | Message) -> None:
        self.issues.append(Issue(path, message))

    def problems(self, file: str, lines: Mapping[str, int]) -> list[Problem]:
        """The issues as problems of ``file``, each on the line of its field where known."""
        return [Problem(file, line_of(lines, i.path), i.path, i.message) for i in self.issues]


def line_of(lines: Mapping[str, int], path: str) -> int | None:
    """The line of a dotted field path (``targets[2].goal``), or of its nearest parent."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None


def _describe(value: Any) -> Message | str:
    """What a value is, in the team's words: what the file gave instead of the expected."""
    if value is None:
        return msg("nothing")
    if isinstance(value, bool):
        return msg("{value} (yes/no)", value=str(value).lower())
    if isinstance(value, str):
        return msg('the text "{text}"', text=value) if len(value) < 40 else msg("a text")
    if isinstance(value, int | float):
        return msg("the number {number}", number=value)
    if isinstance(value, list):
        return msg("a list")
    if isinstance(value, Mapping):
        return msg("a group of fields")
    if isinstance(value, _dt.date):
        return msg("the date {date}", date=value.isoformat())
    # Only a value made by code (mkdocs.yml's !!python tags) gets here: its type's name.
    return type(value).__name__


def _got(expected: Message | str, value: Any) -> Message:
    return msg("expected {expected}, got {got}", expected=expected, got=_describe(value))


def _empty(expected: Message | str) -> Message:
    return msg("expected {expected}, got an empty value", expected=expected)


class Option:
    """Base of all options. ``expected`` is how the option is explained to the team.

    For pages written in several languages: ``translatable`` marks a value a translation
    gives in its own words (anything else it may only repeat unchanged); a group or list of
    groups is translatable through its fields. A value that is not ``inherited`` is never
    taken from the default language's file (each language words it itself).
    """

    # Phrases that fit "expected ...": one value, and several (in "a list of ...").
    expected: Message | str = msg("a value")
    plural: Message | str = msg("values")

    def __init__(
        self,
        *,
        required: bool = False,
        default: Any = MISSING,
        translatable: bool = False,
        inherited: bool = True,
        printed: bool = False,
    ):
        self.required = required
        self.default = default
        self.translatable = translatable
        self.inherited = inherited
        # Set in print files (posters, leaflets, banners, boards, cards) as written: the
        # characters of such a field must be in the print fonts.
        self.printed = printed

    def default_value(self) -> Any:
        return self.default() if callable(self.default) else self.default

    def validate(self, value: Any, path: str, report: Report) -> Any:
        raise NotImplementedError

    def wrong(self, value: Any, path: str, report: Report) -> Any:
        report.add(path, _got(self.expected, value))
        return MISSING


# Longer than any value a page or campaign shows, so only a mistake (a whole text pasted
# into one field) reaches it; fields shown as headings declare a shorter limit.
MAX_TEXT_LENGTH = 1000


class Text(Option):
    expected = msg("a text")
    plural = msg("texts")

    def __init__(
        self,
        *,
        pattern: str | None = None,
        pattern_help: Message | str = "",
        max_length: int = MAX_TEXT_LENGTH,
        allow_empty: bool = True,
        **kw,
    ):
        super().__init__(**kw)
        self.pattern = re.compile(pattern) if pattern else None
        self.pattern_help = pattern_help
        self.max_length = max_length
        # An optional field may still need a value once it is written (a page's title).
        self.allow_empty = allow_empty and not self.required

    def validate(self, value, path, report):
        # Numbers are accepted as text: a hotline such as 12351 is written without quotes.
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = report.written.get(path, str(value))
        if not isinstance(value, str):
            return self.wrong(value, path, report)
        value = value.strip()
        if not value and not self.allow_empty:
            report.add(path, _empty(self.expected))
            return MISSING
        if len(value) > self.max_length:
            report.add(
                path,
                msg(
                    "is {length} characters long: expected at most {limit}",
                    length=f"{len(value):,}",
                    limit=f"{self.max_length:,}",
                ),
            )
            return MISSING
        if self.pattern and not self.pattern.fullmatch(value):
            report.add(
                path,
                msg(
                    '"{value}" is not allowed here: expected {rule}',
                    value=value,
                    rule=self.pattern_help,
                ),
            )
            return MISSING
        return value


class Bool(Option):
    expected = msg("true or false")
    plural = msg("true/false values")

    def validate(self, value, path, report):
        if not isinstance(value, bool):
            return self.wrong(value, path, report)
        return value


# A number written with thousands separators or a unit; not "1.5万" (a multiple of it).
_NUMBER_IN_TEXT = re.compile(
    r"\s*(?P<number>[-+]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?)\s*(?![万千百亿kKwW])\D*"
)


class Number(Option):
    expected = msg("a number")
    plural = msg("numbers")

    def __init__(self, *, minimum: float | None = None, maximum: float | None = None, **kw):
        super().__init__(**kw)
        self.minimum = minimum
        self.maximum = maximum

    def validate(self, value, path, report):
        written = _NUMBER_IN_TEXT.fullmatch(value) if isinstance(value, str) else None
        if written:
            # "1,200", "300份", "95%": the number is there, with more around it.
            report.add(
                path,
                msg(
                    'expected {expected}, got the text "{text}": write the number alone, '
                    "without separators, units or quotes: {number}",
                    expected=self.expected,
                    text=value.strip(),
                    number=re.sub(r"[,，]", "", written["number"]),
                ),
            )
            return MISSING
        if isinstance(value, bool) or not isinstance(value, int | float):
            return self.wrong(value, path, report)
        if not math.isfinite(value):
            written = report.written.get(path, str(value))
            report.add(
                path,
                msg(
                    'expected {expected}, got "{written}", which is not a number',
                    expected=self.expected,
                    written=written,
                ),
            )
            return MISSING
        if self.minimum is not None and value < self.minimum:
            report.add(
                path,
                msg(
                    "expected a number of at least {minimum}, got {value}",
                    minimum=self.minimum,
                    value=value,
                ),
            )
            return MISSING
        if self.maximum is not None and value > self.maximum:
            written = report.written.get(path, str(value))
            report.add(
                path,
                msg(
                    "expected a number of at most {maximum}, got {written}",
                    maximum=f"{self.maximum:,}",
                    written=written,
                ),
            )
            return MISSING
        return value


class WholeNumber(Number):
    """A count: 50, never 50.5."""

    expected = msg("a whole number")
    plural = msg("whole numbers")

    def validate(self, value, path, report):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, float):
            return self.wrong(value, path, report)
        return super().validate(value, path, report)


class Choice(Option):
    def __init__(self, choices, **kw):
        super().__init__(**kw)
        self.choices = tuple(choices)
        self.expected = msg("one of {choices}", choices=", ".join(f'"{c}"' for c in self.choices))
        self.plural = msg("values, each {expected}", expected=self.expected)

    def validate(self, value, path, report):
        if value in self.choices:
            return value
        hint = did_you_mean(value, self.choices) if isinstance(value, str) else ""
        report.add(
            path,
            msg(
                "expected {expected}, got {got}{hint}",
                expected=self.expected,
                got=_describe(value),
                hint=hint,
            ),
        )
        return MISSING


class Date(Option):
    """A calendar date written YYYY-MM-DD, in the years a campaign can take place.

    The years are bounded so that a typo (1027, 2207) is caught, and so that every date
    still has a day after it and a year to show (9999-12-31 has neither).
    """

    expected = msg("a date written as YYYY-MM-DD (for example 2026-06-01)")
    plural = msg("dates written as YYYY-MM-DD")
    EARLIEST = _dt.date(1900, 1, 1)
    LATEST = _dt.date(2099, 12, 31)
    _SHAPE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
    _WITH_TIME = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})[T ]+\d{1,2}:\d{2}.*")

    def validate(self, value, path, report):
        if isinstance(value, _dt.datetime):
            value = value.isoformat()
        if isinstance(value, _dt.date):
            return self._in_range(value, path, report)
        text = value.strip() if isinstance(value, str) else ""
        with_time = self._WITH_TIME.fullmatch(text)
        if with_time:
            report.add(
                path,
                msg(
                    '"{text}" is a date and a time: expected the date alone, such as {date} '
                    "(an activity's hours go in its time field)",
                    text=text,
                    date=with_time.group(1),
                ),
            )
            return MISSING
        match = self._SHAPE.fullmatch(text)
        if not match:
            return self.wrong(value, path, report)
        year, month, day = (int(part) for part in match.groups())
        try:
            date = _dt.date(year, month, day)
        except ValueError as error:
            report.add(
                path,
                msg(
                    '"{value}" is not a real date ({reason}): expected {expected}',
                    value=value,
                    reason=_impossible(year, month, error),
                    expected=self.expected,
                ),
            )
            return MISSING
        return self._in_range(date, path, report)

    def _in_range(self, day: _dt.date, path: str, report: Report):
        if not self.EARLIEST <= day <= self.LATEST:
            report.add(
                path,
                msg(
                    "{date} is outside the years {earliest} to {latest}: expected a date in "
                    "those years (check the year for a typo)",
                    date=day.isoformat(),
                    earliest=self.EARLIEST.year,
                    latest=self.LATEST.year,
                ),
            )
            return MISSING
        return day


def _impossible(year: int, month: int, error: ValueError) -> Message | str:
    """Why a date written YYYY-MM-DD does not exist, in Python's order of checks."""
    if year < _dt.MINYEAR:
        return msg("year {year} is out of range", year=year)
    if not 1 <= month <= 12:
        return msg("month must be in 1..12")
    if "day" in str(error):
        return msg("day is out of range for month")
    return str(error)


class Record(Option):
    """A mapping with known fields; unknown fields are reported with a suggestion."""

    expected = msg('a group of "name: value" fields')
    plural = msg('groups of "name: value" fields')

    def __init__(self, fields: dict[str, Option], **kw):
        super().__init__(**kw)
        self.fields = fields

    def validate(self, value, path, report):
        if value is None and not self.required:
            value = {}
        if not isinstance(value, Mapping):
            return self.wrong(value, path, report)
        prefix = f"{path}." if path else ""
        result = {}
        for key in value:
            if key not in self.fields:
                hint = did_you_mean(str(key), self.fields)
                known = ", ".join(self.fields)
                report.add(
                    f"{prefix}{key}",
                    msg("unknown field{hint}; known fields: {known}", hint=hint, known=known),
                )
        for name, option in self.fields.items():
            if name not in value or value[name] is None:
                if option.required:
                    report.add(
                        f"{prefix}{name}",
                        msg("is required: expected {expected}", expected=option.expected),
                    )
                elif option.default is not MISSING:
                    result[name] = option.default_value()
                continue
            checked = option.validate(value[name], f"{prefix}{name}", report)
            if checked is not MISSING:
                result[name] = checked
        return result


class Nested(Record):
    """A group of fields declared by a model class (see ``declare``); checks give a dict,
    ``build`` turns it into the model."""

    def __init__(self, model: type, **kw):
        super().__init__(record_of(model).fields, **kw)
        self.model = model


def record_of(model: type) -> Record:
    """The schema of a model: its declared fields, in order."""
    return Record({f.name: f.metadata["option"] for f in fields(model) if "option" in f.metadata})

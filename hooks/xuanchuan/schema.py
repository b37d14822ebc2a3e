"""A small typed schema for YAML data: settings in mkdocs.yml and front matter.

Modelled on MkDocs' ``config_options``: each option knows its type, default and the
words that explain what was expected. Validation collects every problem in one pass
instead of stopping at the first, so the team can fix a file in one go.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import did_you_mean

MISSING = object()


@dataclass
class Issue:
    """A problem at ``path`` (dotted field path such as ``languages[1].code``)."""

    path: str
    message: str


@dataclass
class Report:
    issues: list[Issue] = field(default_factory=list)

    def add(self, path: str, message: str) -> None:
        self.issues.append(Issue(path, message))


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (yes/no)"
    if isinstance(value, str):
        return f'the text "{value}"' if len(value) < 40 else "a text"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "a group of fields"
    if isinstance(value, _dt.date):
        return f"the date {value.isoformat()}"
    return type(value).__name__


class Option:
    """Base of all options. ``expected`` is how the option is explained to the team."""

    expected = "a value"
    plural = "values"

    def __init__(self, *, required: bool = False, default: Any = MISSING):
        self.required = required
        self.default = default

    def validate(self, value: Any, path: str, report: Report) -> Any:
        raise NotImplementedError

    def wrong(self, value: Any, path: str, report: Report) -> Any:
        report.add(path, f"expected {self.expected}, got {_describe(value)}")
        return MISSING


class Text(Option):
    expected = "a text"
    plural = "texts"

    def __init__(self, *, pattern: str | None = None, pattern_help: str = "", **kw):
        super().__init__(**kw)
        self.pattern = re.compile(pattern) if pattern else None
        self.pattern_help = pattern_help

    def validate(self, value, path, report):
        # Numbers are accepted as text: a hotline such as 12351 is written without quotes.
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return self.wrong(value, path, report)
        value = value.strip()
        if self.required and not value:
            report.add(path, f"expected {self.expected}, got an empty value")
            return MISSING
        if self.pattern and not self.pattern.fullmatch(value):
            report.add(path, f'"{value}" is not allowed here: expected {self.pattern_help}')
            return MISSING
        return value


class Bool(Option):
    expected = "true or false"
    plural = "true/false values"

    def validate(self, value, path, report):
        if not isinstance(value, bool):
            return self.wrong(value, path, report)
        return value


class Number(Option):
    expected = "a number"
    plural = "numbers"

    def __init__(self, *, minimum: float | None = None, **kw):
        super().__init__(**kw)
        self.minimum = minimum

    def validate(self, value, path, report):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return self.wrong(value, path, report)
        if self.minimum is not None and value < self.minimum:
            report.add(path, f"expected a number of at least {self.minimum}, got {value}")
            return MISSING
        return value


class Choice(Option):
    def __init__(self, choices, **kw):
        super().__init__(**kw)
        self.choices = tuple(choices)
        self.expected = "one of " + ", ".join(f'"{c}"' for c in self.choices)
        self.plural = "values, each " + self.expected

    def validate(self, value, path, report):
        if value in self.choices:
            return value
        hint = did_you_mean(value, self.choices) if isinstance(value, str) else ""
        report.add(path, f"expected {self.expected}, got {_describe(value)}{hint}")
        return MISSING


class Date(Option):
    """A calendar date written YYYY-MM-DD."""

    expected = "a date written as YYYY-MM-DD (for example 2026-06-01)"
    plural = "dates written as YYYY-MM-DD"
    _SHAPE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")

    def validate(self, value, path, report):
        if isinstance(value, _dt.date):
            return value
        match = self._SHAPE.fullmatch(value.strip()) if isinstance(value, str) else None
        if not match:
            return self.wrong(value, path, report)
        try:
            return _dt.date(*(int(part) for part in match.groups()))
        except ValueError as error:
            report.add(path, f'"{value}" is not a real date ({error}): expected {self.expected}')
            return MISSING


class ListOf(Option):
    def __init__(self, item: Option, *, min_items: int = 0, max_items: int | None = None, **kw):
        super().__init__(**kw)
        self.item = item
        self.min_items = min_items
        self.max_items = max_items
        self.expected = f"a list of {item.plural}"

    def validate(self, value, path, report):
        if not isinstance(value, list):
            return self.wrong(value, path, report)
        count = len(value)
        if count < self.min_items or (self.max_items is not None and count > self.max_items):
            bounds = (
                f"{self.min_items} to {self.max_items}"
                if self.max_items is not None
                else f"at least {self.min_items}"
            )
            report.add(path, f"expected {bounds} items, got {count}")
        result = []
        for index, item in enumerate(value):
            checked = self.item.validate(item, f"{path}[{index + 1}]", report)
            if checked is not MISSING:
                result.append(checked)
        return result


class Record(Option):
    """A mapping with known fields; unknown fields are reported with a suggestion."""

    expected = 'a group of "name: value" fields'
    plural = 'groups of "name: value" fields'

    def __init__(self, fields: dict[str, Option], *, fill_when_missing: bool = False, **kw):
        super().__init__(**kw)
        self.fields = fields
        # A group of settings whose fields all have defaults is filled in even when absent.
        self.fill_when_missing = fill_when_missing

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
                report.add(f"{prefix}{key}", f"unknown field{hint}; known fields: {known}")
        for name, option in self.fields.items():
            if name not in value or value[name] is None:
                if option.required:
                    report.add(f"{prefix}{name}", f"is required: expected {option.expected}")
                elif option.default is not MISSING:
                    result[name] = option.default() if callable(option.default) else option.default
                elif isinstance(option, Record) and option.fill_when_missing:
                    result[name] = option.validate({}, f"{prefix}{name}", report)
                continue
            checked = option.validate(value[name], f"{prefix}{name}", report)
            if checked is not MISSING:
                result[name] = checked
        return result

"""The schema: one declaration gives the checks, the default and typed access."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from xuanchuan.core.errors import Problem
from xuanchuan.core.schema import (
    Date,
    ListOf,
    Nested,
    Number,
    Record,
    Report,
    Text,
    build,
    declare,
    field_names,
    line_of,
    record_of,
)


@dataclass(frozen=True, kw_only=True)
class Part:
    name: str = declare(Text(required=True))
    count: float = declare(Number(minimum=0, default=1))


@dataclass(frozen=True, kw_only=True)
class Whole:
    title: str = declare(Text(required=True))
    day: dt.date | None = declare(Date())
    parts: tuple[Part, ...] = declare(ListOf(Nested(Part)))
    extra: Part | None = declare(Nested(Part))
    words: tuple[str, ...] = declare(ListOf(Text(), default=lambda: ["a", "b"]))


def check(option, value):
    report = Report()
    return option.validate(value, "", report), [(i.path, i.message) for i in report.issues]


def test_the_schema_is_read_from_the_declarations():
    schema = record_of(Whole)
    assert list(schema.fields) == ["title", "day", "parts", "extra", "words"]
    assert field_names(schema) == {"title", "day", "parts", "extra", "words", "name", "count"}


def test_checked_data_builds_the_model_with_declared_defaults():
    data, issues = check(record_of(Whole), {"title": "T", "day": "2026-06-01", "parts": [{"name": "p"}]})
    assert issues == []
    whole = build(Whole, data)
    assert whole == Whole(
        title="T", day=dt.date(2026, 6, 1), parts=(Part(name="p", count=1),), words=("a", "b")
    )
    assert whole.extra is None  # a group with a required field is absent, not empty


def test_models_made_in_code_get_the_same_defaults():
    assert Whole(title="x").parts == () and Whole(title="x").words == ("a", "b")
    assert Part(name="x").count == 1


def test_every_problem_is_reported_at_once_with_its_path():
    _, issues = check(record_of(Whole), {"titel": "T", "parts": [{"name": 3, "count": -1}, {}]})
    assert issues == [
        ("titel", 'unknown field (did you mean "title"?); known fields: title, day, parts, extra, words'),
        ("title", "is required: expected a text"),
        ("parts[1].count", "expected a number of at least 0, got -1"),
        ("parts[2].name", "is required: expected a text"),
    ]


def test_a_field_line_is_its_own_or_its_nearest_parents():
    lines = {"targets": 4, "targets[2]": 7, "targets[2].goal": 8}
    assert line_of(lines, "targets[2].goal") == 8
    assert line_of(lines, "targets[2].label") == 7
    assert line_of(lines, "targets[3].goal") == 4
    assert line_of(lines, "title") is None


def test_issues_become_problems_of_a_file_on_their_lines():
    report = Report()
    Record({"a": Number()}).validate({"a": "x"}, "", report)
    assert report.problems("f.md", {"a": 3}) == [
        Problem("f.md", 3, "a", 'expected a number, got the text "x"')
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-02-30", '"2026-02-30" is not a real date'), ("June 1", "expected a date")],
)
def test_dates_are_real_calendar_dates(value, expected):
    _, issues = check(Record({"d": Date()}), {"d": value})
    assert expected in issues[0][1]

"""The schema: one declaration gives the checks, the default and typed access."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from xuanchuan.core.declared import build, declare, field_names
from xuanchuan.core.errors import Problem
from xuanchuan.core.messages import use_language
from xuanchuan.core.schema import (
    Bool,
    Choice,
    Date,
    Nested,
    Number,
    Record,
    Report,
    Text,
    line_of,
    record_of,
)
from xuanchuan.core.schema_lists import ListOf


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
    return option.validate(value, "", report), [(i.path, str(i.message)) for i in report.issues]


def test_the_schema_is_read_from_the_declarations():
    schema = record_of(Whole)
    assert list(schema.fields) == ["title", "day", "parts", "extra", "words"]
    assert field_names(schema) == {"title", "day", "parts", "extra", "words", "name", "count"}


def test_checked_data_builds_the_model_with_declared_defaults():
    data, issues = check(
        record_of(Whole), {"title": "T", "day": "2026-06-01", "parts": [{"name": "p"}]}
    )
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
        (
            "titel",
            'unknown field (did you mean "title"?); known fields: title, day, parts, extra, words',
        ),
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


def test_what_was_expected_and_what_was_given_are_worded_in_chinese_too(monkeypatch):
    schema = Record(
        {
            "title": Text(required=True),
            "sizes": ListOf(Choice(["A4", "A3"]), min_items=1),
            "print": Bool(),
            "start": Date(),
        }
    )
    value = {"sizes": "A5", "print": "yes", "start": "2026-02-30", "titel": "春灌"}
    english = [
        (
            "titel",
            'unknown field (did you mean "title"?); known fields: title, sizes, print, start',
        ),
        ("title", "is required: expected a text"),
        ("sizes", 'expected a list of values, each one of "A4", "A3", got the text "A5"'),
        ("print", 'expected true or false, got the text "yes"'),
        (
            "start",
            '"2026-02-30" is not a real date (day is out of range for month): expected a date '
            "written as YYYY-MM-DD (for example 2026-06-01)",
        ),
    ]
    assert check(schema, value)[1] == english
    monkeypatch.delenv("XUANCHUAN_LANG", raising=False)
    try:
        use_language("zh")
        assert check(schema, value)[1] == [
            (
                "titel",
                "没有这个字段（是不是“title”？）；可用的字段有：title, sizes, print, start",
            ),
            ("title", "必须填写：应为一段文字"),
            ("sizes", '应为一个列表（每项为以下之一："A4", "A3"），实际是文字“A5”'),
            ("print", "应为true 或 false，实际是文字“yes”"),
            (
                "start",
                "“2026-02-30”不是真实存在的日期（这个月没有这一天）：应为写成 YYYY-MM-DD 的日期"
                "（例如 2026-06-01）",
            ),
        ]
    finally:
        use_language("en")

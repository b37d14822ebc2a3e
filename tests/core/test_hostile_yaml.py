"""Hostile YAML in front matter and print layouts: each case gets its exact message, at once.

Front matter is a few hand-written "name: value" lines. What such a file never needs
(anchors and aliases, tags, deep nesting, huge numbers, huge files) is refused with the
file, the line and the field, before any value is built: never a hang, never a traceback.
"""

from __future__ import annotations

import signal
import string
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xuanchuan.campaigns.loader import load_campaigns
from xuanchuan.core.errors import SourceError
from xuanchuan.core.frontmatter import MAX_FILE_BYTES, parse_document, read_document
from xuanchuan.core.settings import load_settings
from xuanchuan.printing.layouts import load_layouts

PROJECT = Path(__file__).resolve().parents[2]
PATH = "content/a.zh.md"

ALIAS_HINT = "(these files do not use YAML anchors and aliases)"
TAG_HINT = 'expected the value alone, such as 2026-06-01, 100 or "a text in quotes"'


@contextmanager
def within(seconds: int):
    """An alias bomb that is expanded never finishes: fail the test instead of the run."""

    def stop(*_):
        raise TimeoutError(f"reading the YAML took more than {seconds} seconds")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def parse(text: str):
    with within(10):
        return parse_document(text, PATH)


def problems(text: str) -> list[str]:
    with pytest.raises(SourceError) as caught:
        parse(text)
    return [str(problem) for problem in caught.value.problems]


def anchor(line: int, field: str, name: str) -> str:
    return (
        f'{PATH}, line {line}: {field}: the anchor "&{name}" is not allowed here: expected the '
        f"value written out in full where it is used {ALIAS_HINT}"
    )


def alias(line: int, field: str, name: str) -> str:
    return (
        f'{PATH}, line {line}: {field}: the alias "*{name}" is not allowed here: expected the '
        f"value written out in full {ALIAS_HINT}"
    )


def tag(line: int, field: str, written: str) -> str:
    return f'{PATH}, line {line}: {field}: the tag "{written}" is not allowed here: {TAG_HINT}'


def billion_laughs() -> str:
    lines = ["title: x", 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\n---\n"


# -- anchors and aliases --------------------------------------------------------------------


def test_an_alias_bomb_is_refused_line_by_line_without_being_expanded():
    assert problems(billion_laughs()) == [anchor(3, "a", "a")] + [
        anchor(line, name, name) for line, name in zip(range(4, 13), "bcdefghij", strict=True)
    ]


def test_a_list_that_contains_itself():
    assert problems("---\ntitle: &a [*a]\n---\n") == [anchor(2, "title", "a")]


def test_a_group_that_contains_itself():
    assert problems("---\ntitle: x\nloop: &l\n  self: *l\n---\n") == [
        anchor(3, "loop", "l"),
        alias(4, "loop.self", "l"),
    ]


def test_an_alias_of_a_text_names_the_field_that_repeats_it():
    assert problems("---\ntitle: &t 触电急救\ndescription: *t\n---\n") == [
        anchor(2, "title", "t"),
        alias(3, "description", "t"),
    ]


def test_an_alias_in_a_list_names_the_item():
    assert problems("---\ntitle: x\ntags:\n  - 安全\n  - *x\n---\n") == [alias(5, "tags[2]", "x")]


def test_a_merge_key_stays_a_field_name_the_schema_does_not_know():
    document = parse_document("---\ntitle: x\n<<: {a: 1}\nb: =\n---\n", PATH)
    assert document.meta == {"title": "x", "<<": {"a": 1}, "b": "="}


# -- tags -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("!!timestamp 2026-01-01", "!!timestamp"),
        ("!!timestamp not-a-date", "!!timestamp"),
        ("!!int abc", "!!int"),
        ("!!float xx", "!!float"),
        ("!!python/object/apply:os.system [echo]", "!!python/object/apply:os.system"),
        ("!!python/name:builtins.print", "!!python/name:builtins.print"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!set {a, b}", "!!set"),
        ("!!omap [a: 1]", "!!omap"),
        ("!!str 12", "!!str"),
        ("!custom x", "!custom"),
        ("! x", "!"),
    ],
)
def test_every_tag_is_refused_with_the_tag_as_written(value, written):
    assert problems(f"---\ntitle: {value}\n---\n") == [tag(2, "title", written)]


def test_a_tag_on_a_group_and_on_a_list_item():
    assert problems("---\ntitle: x\ncontact: !!map\n  hotline: 1\ntags: [!!str a]\n---\n") == [
        tag(3, "contact", "!!map"),
        tag(5, "tags[1]", "!!str"),
    ]


# -- sizes ----------------------------------------------------------------------------------


def test_deep_nesting_in_brackets_stops_at_the_limit():
    assert problems("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n") == [
        f"{PATH}, line 2: title: is nested more than 16 levels deep: expected at most 16 "
        "levels of indented fields and lists"
    ]


def test_deep_nesting_by_indentation_names_the_line_that_goes_too_deep():
    lines = [" " * depth + f"level{depth}:" for depth in range(17)] + [" " * 17 + "last: 1"]
    assert problems("---\n" + "\n".join(lines) + "\n---\n") == [
        f"{PATH}, line 18: level0: is nested more than 16 levels deep: expected at most 16 "
        "levels of indented fields and lists"
    ]


def test_a_number_of_thousands_of_digits():
    assert problems("---\ntitle: x\norder: " + "9" * 5000 + "\n---\n") == [
        f"{PATH}, line 3: order: the number 999999999999… is 5,000 characters long: expected "
        "at most 30 (put a code or long number in quotes to keep it as text)"
    ]


def test_a_long_number_in_quotes_is_text():
    document = parse_document('---\ntitle: "' + "9" * 5000 + '"\n---\n', PATH)
    assert document.meta["title"] == "9" * 5000


def test_front_matter_of_more_than_256_kb():
    assert problems("---\ntitle: x\nsummary: " + "很长" * 140_000 + "\n---\n") == [
        f"{PATH}, line 2: the YAML fields are 280,019 characters long: expected at most "
        "262,144 (long text belongs in the page body)"
    ]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path):
    source = tmp_path / "a.zh.md"
    source.write_bytes(b"---\ntitle: x\n---\n" + b"a" * MAX_FILE_BYTES)
    with pytest.raises(SourceError) as caught:
        read_document(source, PATH)
    assert str(caught.value) == (
        f"{PATH}: is larger than 5 MB: expected a smaller text (split it into several pages; "
        "pictures go in files of their own)"
    )


# -- shapes that are not what they look like ------------------------------------------------


def test_field_names_are_always_names():
    document = parse_document("---\n1: a\n~: b\nyes: c\n2026-06-01: d\n---\n", PATH)
    assert document.meta == {"1": "a", "~": "b", "yes": "c", "2026-06-01": "d"}


@pytest.mark.parametrize(("key", "what"), [("[a, b]", "a list"), ("{a: 1}", "a group of fields")])
def test_a_list_or_group_where_a_field_name_belongs(key, what):
    assert problems(f"---\ntitle: x\n? {key}\n: value\n---\n") == [
        f"{PATH}, line 3: expected a field name such as title, got {what}"
    ]


def test_a_control_character_is_named_with_its_line():
    assert problems("---\ntitle: x\ntags: [a, \x1b]\n---\n") == [
        f"{PATH}, line 3: the front matter holds an invisible control character (U+001B): "
        "expected plain text; delete the character (it often comes with text pasted from "
        "another program)"
    ]


def test_numbers_keep_the_way_they_were_written_for_text_fields():
    document = parse_document(
        "---\ntitle: 1.50\nhotline: 0123\ncode: 0b_\nhuge: 1.0e+99999\n---\n", PATH
    )
    assert document.meta["code"] == "0b_"  # looks like a binary number, is not one
    assert document.written == {"title": "1.50", "hotline": "0123", "huge": "1.0e+99999"}


# -- every YAML file the engine reads -------------------------------------------------------


def test_a_campaign_with_an_alias_bomb_is_left_out_with_its_messages(tmp_path: Path):
    folder = tmp_path / "campaigns" / "bomb"
    folder.mkdir(parents=True)
    (folder / "index.zh.md").write_text(billion_laughs(), encoding="utf-8")
    with within(10):
        loaded = load_campaigns(load_settings(None), tmp_path)
    assert loaded.left_out == ["bomb"]
    assert [str(p) for p in loaded.problems] == [
        line.replace(PATH, "campaigns/bomb/index.zh.md") for line in problems(billion_laughs())
    ]


def test_print_layouts_refuse_aliases_too(tmp_path: Path):
    text = (PROJECT / "overrides/print/layouts.yml").read_text(encoding="utf-8")
    text = text.replace("\nfonts:\n", "\nfonts: &f\n", 1) + "extra: *f\n"
    (tmp_path / "print").mkdir()
    (tmp_path / "print/layouts.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_layouts(tmp_path, tmp_path)
    lines = text.splitlines()
    assert [str(p) for p in caught.value.problems] == [
        f'print/layouts.yml, line {lines.index("fonts: &f") + 1}: fonts: the anchor "&f" is '
        f"not allowed here: expected the value written out in full where it is used {ALIAS_HINT}",
        f'print/layouts.yml, line {len(lines)}: extra: the alias "*f" is not allowed here: '
        f"expected the value written out in full {ALIAS_HINT}",
    ]


def test_print_layouts_that_are_not_yaml_say_where(tmp_path: Path):
    (tmp_path / "print").mkdir()
    (tmp_path / "print/layouts.yml").write_text("fonts:\n  regular: [x\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_layouts(tmp_path, tmp_path)
    assert str(caught.value) == (
        "print/layouts.yml, line 3: is not valid YAML (expected ',' or ']', but got '<stream "
        "end>'): expected the layouts as in the file the project came with"
    )


# -- anything at all ------------------------------------------------------------------------

names = st.text(string.ascii_lowercase, min_size=1, max_size=3)
scalars = st.one_of(
    st.sampled_from(["x", "1", "-1.5", ".nan", ".inf", "~", "yes", "2026-02-30", "9:30", "0b_",
                     "'q'", '"q"', "<<", "=", "9" * 40, "?", "-", ":", "#", "|", ">"]),
    names.map(lambda n: f"*{n}"),
)
decorations = st.sampled_from(["", "&a ", "&b ", "!!str ", "!!timestamp ", "!!python/none ",
                               "!x ", "!!binary ", "!!set ", "!!int ", "? "])


@st.composite
def hostile_yaml(draw, depth=0) -> str:
    kind = draw(st.sampled_from(["scalar", "flow", "block"] if depth < 4 else ["scalar"]))
    decoration = draw(decorations)
    if kind == "scalar":
        return decoration + draw(scalars)
    items = draw(st.lists(hostile_yaml(depth + 1), max_size=3))
    if kind == "flow":
        opening, closing = draw(st.sampled_from([("[", "]"), ("{", "}")]))
        return decoration + opening + ", ".join(items) + closing
    indent = "  " * (depth + 1)
    keys = draw(st.lists(names, min_size=len(items), max_size=len(items)))
    body = "".join(f"\n{indent}{key}: {item}" for key, item in zip(keys, items, strict=True))
    return decoration + body


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(names, hostile_yaml()), max_size=6), st.booleans())
def test_random_yaml_with_anchors_tags_and_nesting_never_gives_a_traceback(fields, crlf):
    text = "---\n" + "".join(f"{key}: {value}\n" for key, value in fields) + "---\n"
    try:
        document = parse(text.replace("\n", "\r\n") if crlf else text)
    except SourceError as error:
        assert all(p.path == PATH and p.message for p in error.problems)
    else:
        assert isinstance(document.meta, dict)


def test_an_alias_where_a_field_name_belongs():
    assert problems("---\ntitle: x\n*a : y\n---\n") == [alias(3, "*a", "a")]


def test_print_layouts_hold_one_yaml_document(tmp_path: Path):
    text = (PROJECT / "overrides/print/layouts.yml").read_text(encoding="utf-8")
    (tmp_path / "print").mkdir()
    (tmp_path / "print/layouts.yml").write_text(text + "---\nfonts: {}\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_layouts(tmp_path, tmp_path)
    assert str(caught.value) == (
        f"print/layouts.yml, line {text.count(chr(10)) + 1}: a second YAML document starts "
        'here: expected one (remove the "---" line)'
    )

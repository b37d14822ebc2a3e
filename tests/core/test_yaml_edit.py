"""mkdocs.yml changed where asked and nowhere else."""

from __future__ import annotations

import difflib

import pytest
import yaml

from fixtures.sites import PROJECT
from xuanchuan.core.yaml_edit import YamlEditError, get_value, set_value

STARTER = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_a_value_is_replaced_in_place_with_everything_else_as_written():
    after = set_value(STARTER, ["site_url"], "https://www.qxdl.cn/")
    assert changed_lines(STARTER, after) == [
        "-site_url: https://example.org/xuanchuan/",
        "+site_url: https://www.qxdl.cn/",
    ]
    # The comments, the indentation of lists, MkDocs's own tags stay as the team wrote them.
    assert "!!python/object/apply:pymdownx.slugs.slugify" in after
    assert "# The address the site is published at." in after


def test_missing_settings_are_added_under_their_parents_at_their_indentation():
    after = set_value(STARTER, ["extra", "xuanchuan", "hotline"], "95598")
    after = set_value(after, ["extra", "xuanchuan", "print", "logo"], "overrides/logo.png")
    after = set_value(after, ["theme", "logo"], "assets/logo.png")
    assert changed_lines(STARTER, after) == [
        "+  logo: assets/logo.png",
        "+    hotline: '95598'",
        "+    print:",
        "+      logo: overrides/logo.png",
    ]
    data = yaml.load(after, Loader=yaml.UnsafeLoader)
    assert data["extra"]["xuanchuan"]["hotline"] == "95598"
    assert data["extra"]["xuanchuan"]["print"] == {"logo": "overrides/logo.png"}
    assert data["theme"]["logo"] == "assets/logo.png"
    assert data["theme"]["features"][0] == "navigation.prune"


def test_setting_the_same_value_again_changes_nothing():
    once = set_value(STARTER, ["extra", "xuanchuan", "hotline"], "0991-1234567")
    assert set_value(once, ["extra", "xuanchuan", "hotline"], "0991-1234567") == once


def test_a_list_is_written_where_its_items_were():
    languages = get_value(STARTER, ["extra", "xuanchuan", "languages"])
    after = set_value(STARTER, ["extra", "xuanchuan", "languages"], [*languages, {"code": "ug", "name": "ئۇيغۇرچە"}])
    assert changed_lines(STARTER, after) == ["+      - code: ug", "+        name: ئۇيغۇرچە"]
    fewer = set_value(after, ["extra", "xuanchuan", "languages"], languages[:1])
    assert get_value(fewer, ["extra", "xuanchuan", "languages"]) == languages[:1]
    assert "site_description: Campaigns" not in fewer


@pytest.mark.parametrize(
    "text,keys,value,expected",
    [
        ("", ["site_url"], "https://a.cn/", "site_url: https://a.cn/\n"),
        ("a: 1 # one\n", ["a"], 2, "a: 2 # one\n"),
        ('a: "quoted"\nb: 2\n', ["a"], "x: y", "a: 'x: y'\nb: 2\n"),
        ("extra:\nb: 1\n", ["extra", "c"], "v", "extra:\n  c: v\nb: 1\n"),
        ("a:\n  - 1\n  - 2\nb: 3\n", ["a"], "x", "a: x\nb: 3\n"),
        ("site_url: !ENV [URL, 'https://a.cn/']\n", ["site_url"], "https://b.cn/", "site_url: https://b.cn/\n"),
        ("a:\n  b: 1\n\n# about c\nc: 2\n", ["a", "d"], "x", "a:\n  b: 1\n  d: x\n\n# about c\nc: 2\n"),
    ],
)
def test_edits_of_every_shape(text, keys, value, expected):
    assert set_value(text, keys, value) == expected


@pytest.mark.parametrize("text", ["a: [1, 2\n", "- 1\n- 2\n", "extra: {xuanchuan: {}}\n"])
def test_what_cannot_be_edited_safely_is_said(text):
    with pytest.raises(YamlEditError):
        set_value(text, ["extra", "xuanchuan", "hotline"], "1")

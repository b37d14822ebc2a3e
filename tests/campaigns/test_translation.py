"""A translation over the default language: what it words, what it repeats, what it inherits."""

from __future__ import annotations

import datetime as dt

from xuanchuan.campaigns.schema import campaign_schema, translation_schema
from xuanchuan.campaigns.translation import merge_translation

SCHEMA = translation_schema(campaign_schema(("safe-electricity",)))
ORIGINAL = {
    "title": "春灌安全用电",
    "type": "safe-electricity",
    "summary": "摘要",
    "start": dt.date(2027, 3, 1),
    "targets": [{"label": "入户率", "goal": 95, "unit": "%"}],
    "contact": {"hotline": "95598", "address": "供电所"},
    "poster": {"headline": "中文标题", "points": ["一", "二"], "sizes": ["A3"]},
    "leaflet": {"sections": ["急救"], "fold_guides": True},
}


def merge(translated):
    problems = []
    merged = merge_translation(
        SCHEMA, ORIGINAL, translated, "Chinese", lambda path, message: problems.append((path, message))
    )
    return merged, problems


def test_translated_words_are_taken_and_the_rest_inherited():
    merged, problems = merge(
        {"title": "Spring irrigation", "targets": [{"label": "Households", "goal": 95}],
         "contact": {"address": "Station"}}
    )
    assert problems == []
    assert merged["title"] == "Spring irrigation"
    assert merged["targets"] == [{"label": "Households", "goal": 95, "unit": "%"}]
    assert merged["contact"] == {"hotline": "95598", "address": "Station"}
    assert merged["start"] == dt.date(2027, 3, 1)


def test_headline_and_sections_are_never_inherited():
    merged, _ = merge({})
    assert merged["poster"] == {"points": ["一", "二"], "sizes": ["A3"]}
    assert merged["leaflet"] == {"fold_guides": True}


def test_a_value_that_contradicts_the_original_is_named_with_its_path():
    _, problems = merge(
        {"type": "safe-electricity", "start": dt.date(2027, 3, 2),
         "contact": {"hotline": "12345"}, "targets": [{"label": "x", "goal": 90}]}
    )
    assert [path for path, _ in problems] == ["start", "contact.hotline", "targets[1].goal"]
    assert problems[0][1] == (
        "2027-03-02 contradicts the Chinese file, which says 2027-03-01: expected the same "
        "value, or leave the field out of the translation"
    )


def test_lists_of_items_must_keep_their_count():
    merged, problems = merge({"targets": []})
    assert problems == [
        ("targets", "has 0 items but the Chinese file has 1: expected the same targets in the "
                    "same order, translated")
    ]
    assert merged["targets"] == ORIGINAL["targets"]

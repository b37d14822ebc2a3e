"""The site's own texts in a language the translation table does not have yet."""

from __future__ import annotations

import datetime as dt

from xuanchuan.core.formatting import format_day
from xuanchuan.core.strings import Translator


def test_a_language_without_its_own_texts_shows_them_in_english():
    uyghur = Translator("ug", "zh")
    assert uyghur("campaigns.title") == Translator("en", "zh")("campaigns.title") == "Campaigns"
    assert uyghur("untranslated.body", language="Uyghur", original="Chinese") == (
        "This page has not been translated into Uyghur yet; it is shown in Chinese."
    )


def test_dates_in_such_a_language_are_whole_english_dates():
    assert format_day(dt.date(2026, 6, 1), Translator("ug", "zh")) == "1 June 2026"


def test_the_languages_the_table_has_lack_no_text_and_another_lacks_them_all():
    assert Translator("zh", "zh").untranslated() == []
    assert Translator("en", "zh").untranslated() == []
    missing = Translator("ug", "zh").untranslated()
    assert "campaigns.title" in missing and "date.day" in missing


def test_a_language_is_named_in_the_language_of_the_text_around_it():
    assert Translator("zh", "zh").language_name("ug", "ئۇيغۇرچە") == "维吾尔文"
    assert Translator("ug", "zh").language_name("ug", "ئۇيغۇرچە") == "Uyghur"
    assert Translator("zh", "zh").language_name("xyz", "Xyz") == "Xyz"

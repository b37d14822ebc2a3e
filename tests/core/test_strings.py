"""The site's own texts, dates and numbers in each language: gettext catalogs with plural
forms and context, a fallback chain per language, and CLDR dates through Babel."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from xuanchuan.core.catalogs import catalog_path
from xuanchuan.core.formatting import (
    format_day,
    format_day_of_month,
    format_month,
    format_number,
    format_range,
    month_name,
)
from xuanchuan.core.settings import load_settings
from xuanchuan.core.strings import Translator

CHINESE, ENGLISH = Translator("zh", ("en",)), Translator("en", ("zh",))
UYGHUR = Translator("ug", ("zh", "en"))


def test_a_language_without_its_own_texts_shows_them_in_its_fallback_language():
    assert not catalog_path("site", "ug").exists()
    assert UYGHUR("campaigns.title") == CHINESE("campaigns.title") == "宣传活动"
    assert Translator("ug", ("en",))("campaigns.title") == "Campaigns"
    # With no fallback at all, English, the language the texts are written in.
    assert Translator("ug")("campaigns.title") == "Campaigns"


def test_the_fallback_chain_comes_from_the_settings():
    settings = load_settings(
        {
            "languages": [
                {"code": "zh", "name": "中文"},
                {"code": "ug", "name": "ئۇيغۇرچە"},
                {"code": "kk", "name": "Қазақша", "fallback": ["en"]},
            ]
        }
    )
    assert settings.fallback("ug") == ("zh", "en")
    assert settings.fallback("kk") == ("en",)
    assert settings.translator("ug")("label.hotline") == CHINESE("label.hotline")
    assert settings.translator("kk")("label.hotline") == ENGLISH("label.hotline")


def test_a_fallback_that_is_not_a_site_language_is_refused():
    with pytest.raises(Exception) as error:
        load_settings({"languages": [{"code": "zh", "name": "中文"}, {"code": "ug",
                       "name": "ug", "fallback": ["zhh"]}]})  # fmt: skip
    assert "languages[2].fallback[1]" in str(error.value)
    assert '"zhh" is not one of the site\'s languages (did you mean "zh"?)' in str(error.value)


def test_an_unknown_locale_is_refused():
    with pytest.raises(Exception) as error:
        load_settings({"languages": [{"code": "en", "name": "English", "locale": "en_XX_Q"}]})
    assert '"en_XX_Q" is not a locale Babel knows' in str(error.value)


def test_texts_that_count_take_the_languages_plural():
    assert ENGLISH("sections.count", count=1) == "1 page"
    assert ENGLISH("sections.count", count=12) == "12 pages"
    assert CHINESE("sections.count", count=1) == "共 1 页"
    assert CHINESE("report.people", count=2) == "参加 2 人"
    assert ENGLISH("report.people", count=1) == "1 person took part"


def test_each_text_is_asked_for_by_its_context():
    assert CHINESE("label.dates") == "时间"
    with pytest.raises(KeyError):
        CHINESE("label.no-such-text")


def test_dates_are_written_as_each_language_writes_them():
    june_first, june_last, july = dt.date(2027, 6, 1), dt.date(2027, 6, 30), dt.date(2027, 7, 3)
    assert format_day(june_first, CHINESE) == "2027年6月1日"
    assert format_day(june_first, ENGLISH) == "June 1, 2027"
    assert format_day(june_first, Translator("en", (), "en_GB")) == "1 June 2027"
    assert format_day(june_first, UYGHUR) == "1-ئىيۇن، 2027"
    assert format_range(june_first, june_last, CHINESE) == "2027年6月1日至30日"
    assert format_range(june_first, july, CHINESE) == "2027年6月1日至7月3日"
    assert format_range(dt.date(2027, 12, 30), dt.date(2028, 1, 2), CHINESE) == (
        "2027年12月30日至2028年1月2日"
    )
    assert format_range(june_first, june_last, ENGLISH) == "June 1\u2009–\u200930, 2027"
    # Uyghur's catalog has no word of its own between two dates: CLDR's dash, not 至.
    assert "至" not in format_range(june_first, july, UYGHUR)
    assert format_month(2027, 6, CHINESE) == "2027年6月"
    assert format_month(2027, 6, ENGLISH) == "June 2027"
    assert month_name(6, CHINESE) == "六月"
    assert format_day_of_month(june_first, CHINESE) == "6月1日"
    assert format_day_of_month(june_first, ENGLISH) == "June 1"


def test_numbers_are_grouped_as_the_language_groups_them():
    assert format_number(1234567, ENGLISH) == "1,234,567"
    assert format_number(95.0, CHINESE) == "95"
    assert format_number(1.5, Translator("de")) == "1,5"


def test_the_languages_the_catalogs_have_lack_no_text_and_another_lacks_them_all():
    assert CHINESE.untranslated() == []
    assert ENGLISH.untranslated() == []
    missing = UYGHUR.untranslated()
    assert "campaigns.title" in missing and "label.hotline" in missing


def test_a_language_is_named_in_the_language_of_the_text_around_it():
    assert CHINESE.language_name("ug", "ئۇيغۇرچە") == "维吾尔文"
    assert Translator("ug", ("en",)).language_name("ug", "ئۇيغۇرچە") == "Uyghur"
    assert CHINESE.language_name("xyz", "Xyz") == "Xyz"


def test_a_partly_translated_catalog_falls_back_text_by_text(tmp_path, monkeypatch):
    """A translator's first Uyghur catalog, made from site.pot and translated in part."""
    from babel.messages.pofile import read_po, write_po

    from xuanchuan.core import catalogs
    from xuanchuan.site.pages.translation_report import interface_texts

    locale = tmp_path / "locale"
    shutil.copytree(catalogs.LOCALE_DIR, locale)
    with (locale / "site.pot").open("rb") as stream:
        template = read_po(stream, locale="ug")
    for message in template:
        if message.context == "label.hotline":
            message.string = "قىزىق لىنىيە"
        if message.context == "label.dates":
            message.string, message.flags = "ۋاقتى", {"fuzzy"}  # not yet checked: not used
    (locale / "ug" / "LC_MESSAGES").mkdir(parents=True)
    with (locale / "ug" / "LC_MESSAGES" / "site.po").open("wb") as out:
        write_po(out, template)
    monkeypatch.setattr(catalogs, "LOCALE_DIR", locale)
    for cached in (catalogs.catalog, catalogs.source):
        cached.cache_clear()
    try:
        uyghur = Translator("ug", ("zh",))
        assert uyghur("label.hotline") == "قىزىق لىنىيە"
        assert uyghur("label.dates") == "时间"
        settings = load_settings({"languages": [{"code": "zh", "name": "中文"},
                                                {"code": "ug", "name": "ئۇيغۇرچە"}]})  # fmt: skip
        report = interface_texts(settings)
        assert report[0].startswith("Uyghur (ug): 178 of 179 of the site's own texts")
        assert '  text missing: label.dates ("Dates")' in report
        assert not any("label.hotline" in line for line in report)
    finally:
        for cached in (catalogs.catalog, catalogs.source):
            cached.cache_clear()

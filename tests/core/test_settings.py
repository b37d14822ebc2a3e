import pytest

from xuanchuan.core.errors import SourceError
from xuanchuan.core.languages import direction_of
from xuanchuan.core.settings import load_settings


def test_defaults_are_chinese_then_english():
    settings = load_settings(None)
    assert settings.codes == ("zh", "en")
    assert settings.default.code == "zh"
    assert settings.prefix("zh") == "" and settings.prefix("en") == "en/"


def test_a_third_language_is_configuration_only():
    settings = load_settings(
        {"languages": [{"code": "zh", "name": "中文"}, {"code": "en", "name": "English"},
                       {"code": "bo", "name": "བོད་ཡིག"}]}
    )
    assert settings.codes == ("zh", "en", "bo")
    assert settings.prefix("bo") == "bo/"


def errors(raw) -> str:
    with pytest.raises(SourceError) as caught:
        load_settings(raw)
    return str(caught.value)


def test_misspelt_setting_gets_a_suggestion():
    assert errors({"langauges": []}) == (
        'mkdocs.yml: extra.xuanchuan.langauges: unknown field (did you mean "languages"?); '
        "known fields: languages, campaign_types, messages_language, campaigns_dir, "
        "timezone, nav_section_limit, nav_section_page_size, print, untranslated_pages, "
        "wechat_articles, organization, hotline"
    )


def test_the_organisation_and_its_hotline_are_checked():
    settings = load_settings({"organization": "城关区总工会", "hotline": "0991-1234567"})
    assert (settings.organization, settings.hotline) == ("城关区总工会", "0991-1234567")
    assert "telephone number" in errors({"hotline": "call us"})
    assert "telephone number" in errors({"hotline": "95598<script>"})


def test_untranslated_pages_are_linked_unless_copies_are_asked_for():
    assert load_settings(None).untranslated_pages == "link"
    assert load_settings({"untranslated_pages": "copy"}).untranslated_pages == "copy"


def test_a_wrong_way_to_show_untranslated_pages_names_the_two_ways():
    assert errors({"untranslated_pages": "copies"}) == (
        'mkdocs.yml: extra.xuanchuan.untranslated_pages: expected one of "link", "copy", '
        'got the text "copies" (did you mean "copy"?)'
    )
    assert errors({"untranslated_pages": True}) == (
        'mkdocs.yml: extra.xuanchuan.untranslated_pages: expected one of "link", "copy", '
        "got true (yes/no)"
    )


def test_bad_language_entries_are_all_reported():
    assert errors(
        {"languages": [{"code": "ZH", "name": "中文"}, {"code": "en"}, {"code": "en", "name": "E"}]}
    ) == (
        "3 problems:\n"
        '  - mkdocs.yml: extra.xuanchuan.languages[1].code: "ZH" is not allowed here: '
        'expected a language code such as "zh" or "en"\n'
        "  - mkdocs.yml: extra.xuanchuan.languages[2].name: is required: expected a text\n"
        '  - mkdocs.yml: extra.xuanchuan.languages[3].code: "en" is listed twice: '
        "expected each language once"
    )


def test_big_sections_fold_at_fifty_entries_unless_the_team_says_otherwise():
    settings = load_settings(None)
    assert (settings.nav_section_limit, settings.nav_section_page_size) == (50, 100)
    settings = load_settings({"nav_section_limit": 200, "nav_section_page_size": 50.0})
    assert (settings.nav_section_limit, settings.nav_section_page_size) == (200, 50)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("many", 'expected a whole number, got the text "many"'),
        (12.5, "expected a whole number, got the number 12.5"),
        (0, "expected a number of at least 1, got 0"),
        (True, "expected a whole number, got true (yes/no)"),
    ],
)
def test_a_wrong_section_limit_says_what_is_expected(value, problem):
    assert errors({"nav_section_limit": value}) == (
        f"mkdocs.yml: extra.xuanchuan.nav_section_limit: {problem}"
    )


def test_a_list_page_holds_at_least_ten_titles():
    assert errors({"nav_section_page_size": 5}) == (
        "mkdocs.yml: extra.xuanchuan.nav_section_page_size: expected a number of at least 10, "
        "got 5"
    )


def test_languages_must_be_a_list():
    assert errors({"languages": "zh"}) == (
        'mkdocs.yml: extra.xuanchuan.languages: expected a list of groups of "name: value" '
        'fields, got the text "zh"'
    )


@pytest.mark.parametrize(
    ("code", "direction"),
    [
        ("ug", "rtl"),
        ("ar", "rtl"),
        ("ckb", "rtl"),
        ("fa-IR", "rtl"),
        ("zh", "ltr"),
        ("en", "ltr"),
        ("bo", "ltr"),
        ("zh-Hant", "ltr"),
        # A script named in the code wins over the language's usual one.
        ("ug-Latn", "ltr"),
        ("ug-Latn-CN", "ltr"),
        ("az-Arab", "rtl"),
        ("pa-Arab-PK", "rtl"),
    ],
)
def test_direction_follows_the_language_code(code, direction):
    assert direction_of(code) == direction


def test_a_language_is_written_in_its_direction_unless_the_team_says_otherwise():
    settings = load_settings(
        {
            "languages": [
                {"code": "zh", "name": "中文"},
                {"code": "ug", "name": "ئۇيغۇرچە"},
                {"code": "xyz", "name": "Other", "direction": "rtl"},
                {"code": "ar", "name": "العربية", "direction": "ltr"},
            ]
        }
    )
    assert [language.dir for language in settings.languages] == ["ltr", "rtl", "rtl", "ltr"]


def test_a_misspelt_direction_is_reported():
    assert errors({"languages": [{"code": "ug", "name": "ئۇيغۇرچە", "direction": "rlt"}]}) == (
        'mkdocs.yml: extra.xuanchuan.languages[1].direction: expected one of "ltr", "rtl", '
        'got the text "rlt" (did you mean "rtl"?)'
    )


def test_print_files_have_no_bleed_unless_the_print_shop_asks_for_one():
    assert load_settings(None).print.bleed == 0
    assert load_settings({"print": {"bleed": 3}}).print.bleed == 3
    assert load_settings({"print": {"bleed": 2.5}}).print.bleed == 2.5


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (12, "expected the bleed in millimetres, from 0 (none) to 10 (print shops usually ask "
             "for 3), got 12"),
        (-3, "expected the bleed in millimetres, from 0 (none) to 10 (print shops usually ask "
             "for 3), got -3"),
        ("3mm", 'expected the bleed in millimetres, such as 3 (0 for none), got the text "3mm": '
                "write the number alone, without separators, units or quotes: 3"),
        ("x", 'expected the bleed in millimetres, such as 3 (0 for none), got the text "x"'),
        (True, "expected the bleed in millimetres, such as 3 (0 for none), got true (yes/no)"),
    ],
)
def test_a_bleed_out_of_reason_is_explained(value, problem):
    assert errors({"print": {"bleed": value}}) == (
        f"mkdocs.yml: extra.xuanchuan.print.bleed: {problem}"
    )


def test_a_poster_design_per_campaign_type():
    chosen = load_settings({"print": {"poster_layouts": {"safety-month": "pictograms"}}})
    assert chosen.print.poster_layouts == {"safety-month": "pictograms"}
    assert load_settings(None).print.poster_layouts == {}


def test_a_poster_design_for_an_unknown_type_or_an_unknown_design_is_named():
    assert errors({"print": {"poster_layouts": {"safty-month": "pictograms"}}}) == (
        'mkdocs.yml: extra.xuanchuan.print.poster_layouts.safty-month: "safty-month" is not a '
        'campaign type (did you mean "safety-month"?): expected one of campaign_types: '
        "safe-electricity, legal-education, send-culture, safety-month, union-work"
    )
    assert errors({"print": {"poster_layouts": {"safety-month": "pictogram"}}}) == (
        "mkdocs.yml: extra.xuanchuan.print.poster_layouts.safety-month: expected one of "
        '"headline", "photo", "pictograms", got the text "pictogram" (did you mean '
        '"pictograms"?)'
    )
    # The site's own types, when it names them.
    assert errors(
        {"campaign_types": ["village-safety"], "print": {"poster_layouts": {"safety-month": "photo"}}}
    ).endswith("is not a campaign type: expected one of campaign_types: village-safety")


def test_wechat_articles_are_made_unless_turned_off():
    assert load_settings(None).wechat_articles is True
    assert load_settings({"wechat_articles": False}).wechat_articles is False
    assert errors({"wechat_articles": "no"}) == (
        "mkdocs.yml: extra.xuanchuan.wechat_articles: expected true or false, got the text \"no\""
    )

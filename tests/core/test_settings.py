import pytest

from xuanchuan.core.errors import SourceError
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
        "timezone, print"
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


def test_languages_must_be_a_list():
    assert errors({"languages": "zh"}) == (
        'mkdocs.yml: extra.xuanchuan.languages: expected a list of groups of "name: value" '
        'fields, got the text "zh"'
    )

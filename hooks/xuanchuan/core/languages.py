"""The site's languages as mkdocs.yml declares them (``extra.xuanchuan.languages``): each
one's code, name, direction, the languages its missing texts come from, and how it writes
dates and numbers."""

from __future__ import annotations

import os
from dataclasses import dataclass

from .declared import declare
from .messages import msg
from .schema import MISSING, Choice, Text
from .schema_lists import ListOf

LANGUAGE_CODE = r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*"
LANGUAGE_HELP = msg('a language code such as "zh" or "en"')

DIRECTIONS = ("ltr", "rtl")
# Languages whose usual script is written right to left, by their language code.
RIGHT_TO_LEFT_LANGUAGES = frozenset({"ug", "ar", "fa", "ur", "he", "ps", "sd", "ckb", "dv", "yi"})
# A script named in the code decides, as a language may be written in more than one:
# Uyghur in Latin letters is "ug-Latn", Azerbaijani in Arabic letters "az-Arab".
RIGHT_TO_LEFT_SCRIPTS = frozenset({"arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"})


class BabelLocale(Text):
    """A locale name the Unicode CLDR (through Babel) knows, such as "en_GB" or "zh_Hans"."""

    def validate(self, value, path, report):
        value = super().validate(value, path, report)
        if not isinstance(value, str):
            return value
        from babel import Locale, UnknownLocaleError

        try:
            Locale.parse(value.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            report.add(
                path,
                msg(
                    '"{value}" is not a locale Babel knows: expected a name such as "en_GB", '
                    '"zh" or "ug", or no locale to write dates as the language code says',
                    value=value,
                ),
            )
            return MISSING
        return value


@dataclass(frozen=True, kw_only=True)
class Language:
    code: str = declare(Text(required=True, pattern=LANGUAGE_CODE, pattern_help=LANGUAGE_HELP))
    name: str = declare(Text(required=True))
    # The site's name and description in this language (default: the site_name and
    # site_description of mkdocs.yml).
    site_name: str | None = declare(Text())
    site_description: str | None = declare(Text())
    # Which way the language is written: "rtl" (right to left) or "ltr". Known from the code
    # for most languages; set it only for a language the engine does not know.
    direction: str | None = declare(Choice(DIRECTIONS))
    # Where the engine's own texts (menus, labels) come from when this language's catalog
    # lacks them, in order; English comes last in any case. By default the site's default
    # language: a Uyghur page shows a missing label in Chinese, the team's language.
    fallback: tuple[str, ...] = declare(
        ListOf(Text(pattern=LANGUAGE_CODE, pattern_help=LANGUAGE_HELP))
    )
    # How dates and numbers are written (a CLDR locale, such as "en_GB" for 1 June 2027).
    # By default the language code's own.
    locale: str | None = declare(BabelLocale())

    @property
    def dir(self) -> str:
        """The HTML ``dir`` of this language: "rtl" or "ltr"."""
        return self.direction or direction_of(self.code)


def direction_of(code: str) -> str:
    """The direction a language code is written in: "rtl" or "ltr"."""
    language, *subtags = code.lower().split("-")
    scripts = [tag for tag in subtags if len(tag) == 4 and tag.isalpha()]
    if scripts:
        return "rtl" if scripts[0] in RIGHT_TO_LEFT_SCRIPTS else "ltr"
    return "rtl" if language in RIGHT_TO_LEFT_LANGUAGES else "ltr"


def split_language(name: str) -> tuple[str, str | None]:
    """``about.en.md`` -> (``about.md``, ``en``); ``about.md`` -> (``about.md``, None)."""
    stem, ext = os.path.splitext(name)
    base, dot, code = stem.rpartition(".")
    if not dot:
        return name, None
    return base + ext, code

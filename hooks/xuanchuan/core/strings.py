"""The site's own texts in one language: the ``site`` gettext catalog, and dates and numbers
the way the language writes them (Babel, from the Unicode CLDR)."""

from __future__ import annotations

from functools import cache

from .catalogs import SOURCE_LANGUAGE, missing, own_text, translate
from .messages import current_language


class Translator:
    """Texts for one language; a text it lacks comes from the languages of ``fallback`` in
    order (mkdocs.yml sets them; by default the site's default language), then English."""

    def __init__(self, code: str, fallback: tuple[str, ...] = (), locale: str | None = None):
        self.code = code
        self.chain = (code, *(c for c in fallback if c != code))
        self.locale = babel_locale(locale or code, self.chain)

    def __call__(self, key: str, **values) -> str:
        text = translate("site", self.chain, key, values.get("count"))
        if text is None:
            raise KeyError(f"no text {key!r} in the site's catalog (hooks/xuanchuan/locale)")
        return text.format(**values) if values else text

    def own(self, key: str) -> str | None:
        """The text as this language's own catalog gives it; None where it gives none."""
        return own_text("site", self.code, key)

    @property
    def shown_instead(self) -> str:
        """The language a text this one lacks is shown in: the first of its fallbacks."""
        return self.chain[1] if len(self.chain) > 1 else SOURCE_LANGUAGE

    def has(self, key: str) -> bool:
        return translate("site", (), key) is not None

    def untranslated(self) -> list[str]:
        """The texts this language's own catalog does not give."""
        return missing("site", self.code)

    def language_name(self, code: str, fallback: str) -> str:
        """The name of a language in this translator's language ("英文" for en in zh)."""
        key = f"language.{code}"
        return self(key) if self.has(key) else fallback

    # Templates call ``xc.t("key")``.
    t = __call__


@cache
def babel_locale(name: str, chain: tuple[str, ...] = ()):
    """Babel's locale for ``name``, else for the first language of ``chain`` Babel knows."""
    from babel import Locale, UnknownLocaleError

    for candidate in (name, *chain, SOURCE_LANGUAGE):
        try:
            return Locale.parse(candidate.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            continue
    raise AssertionError("Babel always knows English")


def language_name(code: str, fallback: str) -> str:
    """A language's name as messages to the team say it ("英文" for en in Chinese messages)."""
    return Translator(current_language()).language_name(code, fallback)

"""The translation table: every text the engine adds to the site, in every language."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .messages import current_language, read_table

TABLE_FILE = Path(__file__).with_name("strings.yml")
# A text the table lacks in a language is shown in English, the language Material for MkDocs
# falls back to for its own buttons: a page's interface stays in one language.
FALLBACK = "en"


@cache
def _table() -> dict[str, dict[str, str]]:
    return read_table(TABLE_FILE)


class Translator:
    """Texts for one language, falling back to English, then to the default language."""

    def __init__(self, code: str, default: str):
        self.code = code
        self.default = default

    def __call__(self, key: str, **values: str) -> str:
        entry = _table().get(key)
        if entry is None:
            raise KeyError(f"no text {key!r} in the translation table {TABLE_FILE.name}")
        text = entry.get(self.code) or entry.get(FALLBACK) or entry[self.default]
        return text.format(**values) if values else text

    def untranslated(self) -> list[str]:
        """The texts the table does not give in this language."""
        return [key for key, entry in _table().items() if not entry.get(self.code)]

    def language_name(self, code: str, fallback: str) -> str:
        """The name of a language in this translator's language ("英文" for en in zh)."""
        key = f"language.{code}"
        return self(key) if key in _table() else fallback

    # Templates call ``xc.t("key")``.
    t = __call__


def language_name(code: str, fallback: str) -> str:
    """A language's name as messages to the team say it ("英文" for en in Chinese messages)."""
    return Translator(current_language(), "en").language_name(code, fallback)

"""The engine's gettext catalogs (hooks/xuanchuan/locale): its own words in every language.

Two domains: ``site`` (what the engine adds to pages and print; each text has a context,
such as ``label.hotline``, by which the code asks for it) and ``messages`` (what the build
tells the team; looked up by the English text the code writes). The ``.pot`` files are the
English source, the ``.po`` files under ``LANG/LC_MESSAGES/`` the translations, edited with
Poedit or any gettext tool. Babel reads them when first asked (a few milliseconds): there is
no compiled file to keep in step with the source.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent.parent / "locale"
# The language the code and the .pot files are written in: every text exists in it.
SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class Entry:
    """One text of the source: its English words, and their plural form when it counts."""

    singular: str
    plural: str | None = None


@dataclass(frozen=True)
class Catalog:
    """One language's translations of one domain."""

    texts: dict[tuple[str | None, str], str | tuple[str, ...]]
    plural_index: Callable[[int], int]

    def get(self, context: str | None, entry: Entry, count: int | None) -> str | None:
        """The translation, or None when it is missing (an empty or fuzzy one is missing)."""
        found = self.texts.get((context, entry.singular))
        if isinstance(found, tuple):
            index = self.plural_index(count if count is not None else 1)
            found = found[index] if index < len(found) else found[0]
        return found or None


def catalog_path(domain: str, code: str) -> Path:
    return LOCALE_DIR / code.replace("-", "_") / "LC_MESSAGES" / f"{domain}.po"


def template_path(domain: str) -> Path:
    return LOCALE_DIR / f"{domain}.pot"


@cache
def source(domain: str) -> dict[str | None, Entry] | dict[str, Entry]:
    """The domain's texts as the .pot gives them: by context (site) or English (messages)."""
    entries = {}
    for message in _read(template_path(domain)):
        if not message.id:
            continue  # the header
        singular, plural = _ids(message)
        entries[message.context if domain == "site" else singular] = Entry(singular, plural)
    return entries


@cache
def catalog(domain: str, code: str) -> Catalog | None:
    """A language's catalog of the domain, or None when the language has none."""
    path = catalog_path(domain, code)
    if code == SOURCE_LANGUAGE or not path.is_file():
        return None
    read = _read(path)
    texts = {}
    for message in read:
        if message.id and not message.fuzzy:
            singular, _ = _ids(message)
            texts[(message.context, singular)] = message.string
    return Catalog(texts, gettext.c2py(read.plural_expr))


def translate(domain: str, chain: tuple[str, ...], key: str, count=None) -> str | None:
    """The first translation along ``chain`` (languages, in order), else the English source.

    ``key`` is a context in the site domain and the English singular in messages; None
    when the source has no such text. ``count``, a whole number, chooses the plural form.
    """
    entry = source(domain).get(key)
    if entry is None:
        return None
    if not isinstance(count, int) or isinstance(count, bool):
        count = None
    for code in chain:
        if code == SOURCE_LANGUAGE:
            break  # the source has every text
        found = own_text(domain, code, key, count)
        if found:
            return found
    if entry.plural and count is not None and count != 1:
        return entry.plural
    return entry.singular


def own_text(domain: str, code: str, key: str, count: int | None = None) -> str | None:
    """The text as the language's own catalog gives it; None where it gives none."""
    own = catalog(domain, code)
    entry = source(domain).get(key)
    if own is None or entry is None:
        return None
    return own.get(key if domain == "site" else None, entry, count)


def missing(domain: str, code: str) -> list[str]:
    """The domain's texts a language's own catalog lacks (empty for the source language)."""
    if code == SOURCE_LANGUAGE:
        return []
    return [key for key in source(domain) if not own_text(domain, code, key)]


def _ids(message) -> tuple[str, str | None]:
    if isinstance(message.id, tuple):
        return message.id[0], message.id[1]
    return message.id, None


def _read(path: Path):
    from babel.messages.pofile import read_po

    with path.open("rb") as stream:
        return read_po(stream, abort_invalid=True)

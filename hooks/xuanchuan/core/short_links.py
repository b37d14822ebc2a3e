"""Short addresses for printed QR codes: every page, in every language, has a short code,
and ``s/<code>.html`` in that language's site leads to the page.

A page's own address can be hundreds of percent-encoded characters (laws under Chinese
paths); as a QR code that is too dense to scan at a printed size. The short address keeps
every printed code small (version 5 or less on a usual ``site_url``).

A code is the first ``LENGTH`` characters of a hash of the page's language and source name
(``knowledge/first-aid.md``), in Crockford's base32 alphabet written small: no i, l, o or
u, so a printed code reads and types without confusion. The same page keeps its code from
build to build, whatever else changes, except in one case: when two pages' hashes begin
alike, both take longer codes (as many characters as tell them apart), and the short code
they shared becomes a page listing both, so a code printed before still leads somewhere.

Codes are given in two rounds. The first covers the pages the team writes (every Markdown
file of the content folder and every campaign folder, drafts and all, so that publishing
one changes no code); it can be worked out from file names alone, by the build and by the
print-pack command alike. The second covers the pages the engine adds (overview, calendar
months), which come and go with the calendar: they never take a code from the first round.
"""

from __future__ import annotations

import base64
import hashlib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

LENGTH = 5
FOLDER = "s"
# Crockford's base32, small letters: the 32 digits and letters that cannot be misread.
ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
_FROM_RFC4648 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", ALPHABET)


def short_path(code: str) -> str:
    """Where the short page of ``code`` is, relative to its language's site root.

    A file, not a folder's index: it opens from a copy of the site on a USB stick as well
    as from any web server, with or without MkDocs' directory URLs."""
    return f"{FOLDER}/{code}.html"


def hashed_code(language: str, key: str) -> str:
    """All the characters a page's codes are cut from (52), its shortest code first."""
    # The same name typed on a Mac (decomposed accents) or elsewhere gives the same code.
    name = unicodedata.normalize("NFC", f"{language}\n{key}")
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii").rstrip("=").translate(_FROM_RFC4648)


@dataclass(frozen=True)
class ShortCodes:
    """The short codes of one language's pages."""

    language: str
    codes: dict[str, str] = field(default_factory=dict)  # page key -> code
    # A code several pages' hashes begin with -> those pages (listed on its page).
    shared: dict[str, tuple[str, ...]] = field(default_factory=dict)
    reserved: frozenset[str] = frozenset()  # names no page's code may be

    def code(self, key: str) -> str | None:
        return self.codes.get(key)

    def with_pages(self, keys: Iterable[str]) -> ShortCodes:
        """These codes and codes for the pages ``keys`` too, none of them taking a code
        (or a shared code) from a page that has one."""
        new = set(keys) - set(self.codes)
        taken = self.reserved | set(self.codes.values()) | set(self.shared)
        added = assign(new, self.language, taken=taken)
        return ShortCodes(
            self.language,
            {**self.codes, **added.codes},
            {**self.shared, **added.shared},
            self.reserved,
        )


def assign(keys: Iterable[str], language: str, taken: set[str] = frozenset()) -> ShortCodes:
    """Codes for the pages ``keys`` of ``language``, none of them in ``taken``."""
    hashed = {key: hashed_code(language, key) for key in set(keys)}
    codes: dict[str, str] = {}
    shared: dict[str, tuple[str, ...]] = {}

    def place(members: list[str], length: int) -> None:
        alike: dict[str, list[str]] = defaultdict(list)
        for key in members:
            alike[hashed[key][:length]].append(key)
        for prefix, group in alike.items():
            if len(group) == 1 and prefix not in taken:
                codes[group[0]] = prefix
                continue
            if len(group) > 1 and prefix not in taken:
                shared[prefix] = tuple(sorted(group))
            if length == len(hashed[group[0]]):
                raise ValueError(f"pages with the same hash: {sorted(group)}")
            place(group, length + 1)

    place(sorted(hashed), LENGTH)
    return ShortCodes(language, codes, shared, frozenset(taken))


class ShortLinks:
    """The short codes of a site's pages in every language: the first round of codes,
    from the pages the team writes (``keys``), made for a language when first asked."""

    def __init__(self, keys: Iterable[str]):
        self.keys = frozenset(keys)
        self._languages: dict[str, ShortCodes] = {}

    def codes(self, language: str) -> ShortCodes:
        if language not in self._languages:
            self._languages[language] = assign(self.keys, language, taken=self._reserved())
        return self._languages[language]

    def _reserved(self) -> set[str]:
        # A page the team put at s/<name>.md has that address: no code may be its name.
        prefix = f"{FOLDER}/"
        return {
            key[len(prefix) : -len(".md")]
            for key in self.keys
            if key.startswith(prefix) and "/" not in key[len(prefix) :] and key.endswith(".md")
        }

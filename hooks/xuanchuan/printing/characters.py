"""Characters as print sets them: what copied text hides is dropped or made a plain space
before anything is measured, checked against the font or drawn.

Text pasted from web pages, chat apps and word processors carries characters that show
nothing on screen. Fonts have no glyph for most of them, so checked they would stop a
poster, and drawn they would print as boxes. Each kind is decided here, once:

- dropped: formatting characters (Unicode category Cf: zero-width space, joiners,
  direction marks, embeddings and isolates, word joiner, soft hyphen, a byte order mark
  inside text), the other characters Unicode says to show as nothing when unsupported
  (variation selectors, Hangul fillers, tags), and control characters that are not spaces.
  Drawn one glyph after another, none of them would change what is printed, except the
  soft hyphen, which would show as a hyphen in the middle of a word;
- a plain space: every other space (no-break, ideographic, en, thin…), tabs, and line and
  paragraph breaks, except a line break between two Chinese characters, which is no space
  at all (an editor wrapped the line);
- kept: everything else, composed (NFC), so that a letter and an accent typed separately
  become the one letter the font has. What the font still lacks is reported by the caller.

When text is set with HarfBuzz (Pango), joiners and variation selectors could be kept for
the shaper; only this function would change.
"""

from __future__ import annotations

import re
import unicodedata

# Chinese characters and punctuation, full-width forms and the CJK symbols block.
CJK = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"
# What Python counts as a line boundary (str.splitlines).
_LINE_BREAK = r"[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]"
_WRAPPED_CHINESE = re.compile(rf"(?<={CJK})\s*{_LINE_BREAK}\s*(?={CJK})")
_OTHER_SPACE = re.compile(r"[^\S ]")

# Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt) that are not
# format characters (Cf): the Cf ones are found by their category.
_IGNORABLE = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian variation selectors
    (0x2065, 0x2065),
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # half-width Hangul filler
    (0xFFF0, 0xFFF8),
    (0xE0000, 0xE0FFF),  # tags and variation selectors supplement
)


_IGNORABLE_CHARACTER = re.compile(
    "[" + "".join(f"{chr(first)}-{chr(last)}" for first, last in _IGNORABLE) + "]"
)


def printable_text(text: str) -> str:
    """``text`` as print sets it (see above); the same text always gives the same result."""
    if _already_plain(text):
        return text
    hidden = {ord(char): None for char in set(text) if _shows_nothing(char)}
    text = unicodedata.normalize("NFC", text.translate(hidden))
    return _OTHER_SPACE.sub(" ", _WRAPPED_CHINESE.sub("", text))


def _shows_nothing(char: str) -> bool:
    if char.isspace():
        return False  # made a plain space instead, where it is not a wrapped line
    if unicodedata.category(char) in ("Cc", "Cf"):
        return True
    code = ord(char)
    return any(first <= code <= last for first, last in _IGNORABLE)


def _already_plain(text: str) -> bool:
    """Whether nothing above applies: most texts, and the check is far quicker than looking
    at each character (str.isprintable is False for every control, format and space
    character but the plain space)."""
    return (
        text.isprintable()
        and not _IGNORABLE_CHARACTER.search(text)
        and unicodedata.is_normalized("NFC", text)
    )

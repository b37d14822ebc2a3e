"""Characters as print sets them: what copied text carries that no engine should draw is
dropped or made a plain space before anything is checked against the fonts or drawn.

Text pasted from web pages, chat apps and word processors carries characters that show
nothing on screen. Pango (HarfBuzz) knows what most of them mean and keeps them:
joiners and non-joiners (Arabic, emoji sequences), variation selectors, direction marks
and isolates (bidirectional text), the word joiner and no-break spaces (a team keeps a
phrase on one line with them), the zero-width space (a place a line may break) and the soft
hyphen (a hyphen only where a line breaks there). What is left to decide here:

- dropped: control characters that are not spaces (a NUL, a bell, an escape);
- a plain space: the other spaces (ideographic, en, thin…), tabs, and line and paragraph
  breaks, except a line break between two Chinese characters, which is no space at all (an
  editor wrapped the line); the no-break spaces stay what they are;
- kept: everything else, composed (NFC), so that a letter and an accent typed separately
  become the one letter the font has. What no installed font has is reported by the caller.
"""

from __future__ import annotations

import re
import unicodedata

# Chinese characters and punctuation, full-width forms and the CJK symbols block.
CJK = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"
# What Python counts as a line boundary (str.splitlines).
_LINE_BREAK = r"[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]"
# Invisible marks (zero-width space, joiners, direction marks) may stand before the break.
_WRAPPED_CHINESE = re.compile(rf"({CJK}[\u200b-\u200f\u2060\ufeff]*)\s*{_LINE_BREAK}\s*(?={CJK})")

# Spaces that keep the words on either side on one line: kept as typed.
_NO_BREAK_SPACES = "\u00a0\u2007\u202f"
_OTHER_SPACE = re.compile(f"[^\\S {_NO_BREAK_SPACES}]")


def printable_text(text: str) -> str:
    """``text`` as print sets it (see above); the same text always gives the same result."""
    if _already_plain(text):
        return text
    hidden = {ord(char): None for char in set(text) if _shows_nothing(char)}
    text = unicodedata.normalize("NFC", text.translate(hidden))
    return _OTHER_SPACE.sub(" ", _WRAPPED_CHINESE.sub(r"\1", text))


def _shows_nothing(char: str) -> bool:
    # A space is made a plain space instead, where it is not a wrapped line.
    return unicodedata.category(char) == "Cc" and not char.isspace()


def _already_plain(text: str) -> bool:
    """Whether nothing above applies: most texts, and the check is far quicker than looking
    at each character (str.isprintable is False for every control, format and space
    character but the plain space)."""
    return text.isprintable() and unicodedata.is_normalized("NFC", text)

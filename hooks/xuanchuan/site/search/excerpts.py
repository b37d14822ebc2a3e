"""The opening of a page as plain text: what a search entry shows of a page whose whole text
it does not carry (a page another language's search offers in the default language).

Read from the Markdown with a few patterns, not rendered: for a thousand pages it must cost
next to nothing, and an opening only needs its words, not its exact layout.
"""

from __future__ import annotations

import re

# About two lines of a search result on a phone.
EXCERPT_LENGTH = 120

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_FENCE = re.compile(r"\s{0,3}(```|~~~)")
_SKIPPED = re.compile(
    r"\s{0,3}(?:#|=+\s*$|-{3,}\s*$|\*{3,}\s*$|!!!|\?\?\?|\{:?[^}]*\}\s*$|\|?\s*:?-{3,})"
)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_TAG = re.compile(r"<[^>]*>")
_LINE_START = re.compile(r"\s{0,3}(?:>\s?)*(?:[-*+]\s+|\d+[.)]\s+)?")
_MARKS = re.compile(r"\*+|`+|~~|__")
_BLANKS = re.compile(r"\s+")


def opening(fields: dict, body: str, length: int = EXCERPT_LENGTH) -> str:
    """The page's description, else the start of its text, at most ``length`` characters."""
    description = fields.get("description")
    if isinstance(description, str) and description.strip():
        return _shortened(_BLANKS.sub(" ", description).strip(), length)
    words: list[str] = []
    size = 0
    fence = None
    for line in _COMMENT.sub("", body).split("\n"):
        opened = _FENCE.match(line)
        if opened:
            fence = None if fence == opened.group(1) else fence or opened.group(1)
            continue
        if fence or _SKIPPED.match(line):
            continue
        text = _plain(line)
        if text:
            words.append(text)
            size += len(text) + 1
            if size > length:
                break
    return _shortened(" ".join(words), length)


def _plain(line: str) -> str:
    line = _LINE_START.sub("", line, count=1)
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _TAG.sub("", line)
    line = _MARKS.sub("", line).replace("|", " ")
    return _BLANKS.sub(" ", line).strip()


def _shortened(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length].rstrip() + "…"

"""Where a poster's headline and key points may break: between words, never inside one.

Chinese is written without spaces, and a line may technically break between any two
characters; a designer never breaks inside a word or a place name ("石 / 卡用电保平安").
Chinese runs are cut into words with jieba, the segmenter the site's search already uses;
the campaign's own names (its places and organizer) are kept whole, whatever jieba makes
of them. Latin words, numbers and spaces are units as before (``linebreak.tokenize``).

The result is a list of units that ``linebreak.break_lines`` keeps together. When text is
set with Pango, the same units become word joiners between the characters of each word.
"""

from __future__ import annotations

import logging
import re
from functools import cache

from .linebreak import tokenize

_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def word_units(text: str, phrases: tuple[str, ...] = ()) -> list[str]:
    """The units of ``text`` that stay on one line; joined, they give ``text`` back."""
    units: list[str] = []
    for piece, protected in _split_protected(text, phrases):
        if protected:
            units.append(piece)
            continue
        position = 0
        for run in _CJK_RUN.finditer(piece):
            units += tokenize(piece[position : run.start()])
            units += _words(run.group())
            position = run.end()
        units += tokenize(piece[position:])
    return units


def prepare() -> None:
    """Load the dictionary now: worker processes forked afterwards share it."""
    _tokenizer()


def _words(run: str) -> list[str]:
    return list(_tokenizer().cut(run, HMM=True))


def _split_protected(text: str, phrases: tuple[str, ...]):
    """(piece, protected) in order: each occurrence of a phrase is one protected piece."""
    names = sorted({p for p in phrases if len(p) > 1 and _CJK_RUN.search(p)}, key=len, reverse=True)
    if not names:
        yield text, False
        return
    pattern = re.compile("|".join(re.escape(name) for name in names))
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            yield text[position : match.start()], False
        yield match.group(), True
        position = match.end()
    if position < len(text):
        yield text[position:], False


@cache
def _tokenizer():
    import jieba

    # jieba announces loading its dictionary; that is noise in the build log.
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer

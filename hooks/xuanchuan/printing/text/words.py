"""Where lines of print must not break: inside a Chinese word, a short clause or a book
title, inside the campaign's own names, and before a paragraph's last character.

Chinese is written without spaces, and Unicode lets a line break between any two
characters; a designer never breaks inside a word or a place name ("石 / 卡用电保平安").
Chinese runs are cut into words with jieba, the segmenter the site's search already uses;
the terms of the team's work (``terms.txt``: 安全用电, 漏电保护器…) and the campaign's own
names (its places, organizer, type name and ``poster.keep``) are kept whole, whatever jieba
makes of them. As a designer would, a headline breaks at its punctuation rather than inside
a short clause ("听广播、看录像、领 / 扑克" is a break between words but a bad one), and never
inside a law's title in book-title marks. Everything else (Latin words, punctuation rules,
no-break spaces and word joiners the team typed) is Pango's Unicode line breaking.

The result is a list of character ranges that ``text.Typesetter`` marks as unbreakable.
"""

from __future__ import annotations

import logging
import re
from functools import cache, lru_cache
from pathlib import Path

_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A clause: what lies between punctuation marks and spaces. Up to this many characters, it
# stays on one line.
_CLAUSE = re.compile(r"[^，、；：。！？,;:!?\s]+")
SHORT_CLAUSE = 6
_BOOK_TITLE = re.compile(r"《[^《》]{1,16}》")
# A space typed before a closing mark or after an opening one ("人 ：", "（ 注"): Unicode lets
# a line break at the space, leaving the mark alone at the start or end of a line.
_CLOSING = "，。、；：？！」』）》〉】〕〗〙〛｝］”’…,.;:?!)\\]}"
_OPENING = "「『（《〈【〔〖〘〚｛［“‘(\\[{"
_SPACED_MARKS = (
    re.compile(rf"\S[ \u3000]+[{_CLOSING}]"),
    re.compile(rf"[{_OPENING}][ \u3000]+\S"),
)
# What may follow a paragraph's last character without counting as one: closing marks.
_TRAILING = set("，。、；：？！」』）》〉】〕〗〙〛｝］”’…‥·・～,.;:?!)]}%'\" ")


@lru_cache(maxsize=4096)  # a headline is set at several sizes and widths
def kept_ranges(
    text: str, phrases: tuple[str, ...] = (), *, words: bool = True
) -> tuple[tuple[int, int], ...]:
    """(start, end) character ranges of ``text`` that a line must not break inside.

    ``words``: each Chinese word of two or more characters, each short clause and book
    title; always: each of ``phrases``, and the last two Chinese characters, so no line
    holds a single one alone; and a punctuation mark with the space typed between it and
    its word.
    """
    ranges = [m.span() for marks in _SPACED_MARKS for m in marks.finditer(text)]
    if words:
        ranges += [m.span() for m in _CLAUSE.finditer(text) if 1 < len(m.group()) <= SHORT_CLAUSE]
        ranges += [m.span() for m in _BOOK_TITLE.finditer(text)]
    for start, end, protected in _split_protected(text, phrases):
        if protected:
            ranges.append((start, end))
        elif words:
            for run in _CJK_RUN.finditer(text, start, end):
                position = run.start()
                for word in _tokenizer().cut(run.group(), HMM=True):
                    if len(word) > 1:
                        ranges.append((position, position + len(word)))
                    position += len(word)
    tail = _last_two_characters(text)
    if tail:
        ranges.append(tail)
    return tuple(ranges)


def prepare() -> None:
    """Load the dictionary now: worker processes forked afterwards share it."""
    _tokenizer()


def _last_two_characters(text: str) -> tuple[int, int] | None:
    end = len(text)
    while end and text[end - 1] in _TRAILING:
        end -= 1
    if end >= 2 and _IDEOGRAPH.match(text[end - 1]) and _IDEOGRAPH.match(text[end - 2]):
        return end - 2, len(text.rstrip())
    return None


def _split_protected(text: str, phrases: tuple[str, ...]):
    """(start, end, protected) in order: each occurrence of a phrase is one protected piece."""
    names = sorted({p for p in phrases if len(p) > 1}, key=len, reverse=True)
    if not names:
        yield 0, len(text), False
        return
    pattern = re.compile("|".join(re.escape(name) for name in names))
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            yield position, match.start(), False
        yield match.start(), match.end(), True
        position = match.end()
    if position < len(text):
        yield position, len(text), False


@cache
def _tokenizer():
    import jieba

    # jieba announces loading its dictionary; that is noise in the build log.
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for line in (Path(__file__).parent / "terms.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            # A frequency above any of the general dictionary's: the term is always one word.
            tokenizer.add_word(line.strip(), freq=10_000_000)
    return tokenizer

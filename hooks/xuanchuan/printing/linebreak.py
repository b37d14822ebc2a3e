"""Line breaking for posters and leaflets: Chinese rules, whole Latin words.

Chinese text may break between any two characters, except that a line never starts with
closing punctuation (，。、；：？！」）》…) and never ends with an opening one (「（《…); when
no break allows that, the closing mark hangs past the edge. A last line of a single
character is avoided by carrying one more character down. Latin words
and numbers are never split unless a single word is wider than the line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Characters that may not begin a line (closing and middle punctuation, small marks).
NO_LINE_START = set(
    "，。、；：？！」』）》〉】〕〗〙〛｝］”’…‥·・～ー々〆ゝゞヽヾ％‰℃°,.;:?!)]}>%'\"-–—"
)
# Characters that may not end a line (opening brackets and quotes, currency signs).
NO_LINE_END = set("「『（《〈【〔〖〘〚｛［“‘([{<¥$￥£€")

# A Latin "word": letters (with any accents typed after them), digits and the marks that
# belong inside a word or number.
_WORD = re.compile(
    r"[A-Za-z0-9À-ɏ][A-Za-z0-9À-ɏ\u0300-\u036f'’.,:/+#&_-]*[A-Za-z0-9À-ɏ%\u0300-\u036f]"
    r"|[A-Za-z0-9À-ɏ][\u0300-\u036f]*"
)
_SPACE = re.compile(r"\s+")

Measure = Callable[[str], float]


def tokenize(text: str) -> list[str]:
    """Split into units that stay together: a Latin word, a space run, or one character."""
    units: list[str] = []
    position = 0
    while position < len(text):
        for pattern in (_SPACE, _WORD):
            match = pattern.match(text, position)
            if match:
                units.append(" " if pattern is _SPACE else match.group())
                position = match.end()
                break
        else:
            end = _after_marks(text, position + 1)
            units.append(text[position:end])
            position = end
    return units


def _after_marks(text: str, position: int) -> int:
    """Where the combining marks (accents) at ``position`` end: they stay with their base."""
    while position < len(text) and unicodedata.category(text[position]).startswith("M"):
        position += 1
    return position


def _clusters(unit: str) -> list[str]:
    """A unit's characters, each with its combining marks."""
    clusters: list[str] = []
    position = 0
    while position < len(unit):
        end = _after_marks(unit, position + 1)
        clusters.append(unit[position:end])
        position = end
    return clusters


def break_lines(
    text: str, width: float, measure: Measure, units: list[str] | None = None
) -> list[str]:
    """Lines of ``text`` no wider than ``width`` (as measured), following the rules above.

    ``units`` are what must stay together (default: ``tokenize(text)``; a poster passes
    whole words, see ``words.py``).
    """
    lines: list[list[str]] = []
    units = _trim(list(units)) if units is not None else tokenize(text.strip())
    current: list[str] = []
    used = 0.0
    index = 0
    while index < len(units):
        unit = units[index]
        if unit == " " and not current:
            index += 1
            continue
        size = measure(unit)
        if used + size <= width or not current:
            if not current and size > width and len(_clusters(unit)) > 1 and unit != " ":
                # A single word wider than the line: split it, there is no other way.
                units[index : index + 1] = _clusters(unit)
                continue
            current.append(unit)
            used += size
            index += 1
            continue
        # A space is no place to look for the rules: what matters is what follows it.
        following = unit if unit != " " else next((u for u in units[index:] if u != " "), unit)
        cut = _allowed_cut(current, following)
        if cut is None:
            # Nowhere to break by the rules: let the closing mark hang past the edge,
            # as Chinese typesetting does, rather than start a line with it.
            current.append(unit)
            used += size
            index += 1
            continue
        lines.append(current[:cut])
        current = current[cut:]
        used = units_width(current, measure)
    if current:
        lines.append(current)
    lines = [_trim(line) for line in lines if _trim(line)]
    _avoid_single_character_last_line(lines, width, measure)
    return ["".join(line) for line in lines]


def _allowed_cut(current: list[str], following: str) -> int | None:
    """Where to end the line: the latest position allowed by the rules.

    None when the only problem is a closing mark that would start the next line (it hangs
    instead); the end of the line when nothing else works.
    """
    for cut in range(len(current), 0, -1):
        starter = current[cut] if cut < len(current) else following
        ender = _last_visible(current[:cut])
        if starter == " " and cut < len(current):
            starter = current[cut + 1] if cut + 1 < len(current) else following
        if _starts_badly(starter) or (ender is not None and _ends_badly(ender)):
            continue
        return cut
    return None if _starts_badly(following) else len(current)


def _starts_badly(unit: str) -> bool:
    return unit[:1] in NO_LINE_START


def _ends_badly(unit: str) -> bool:
    return unit[-1:] in NO_LINE_END


def _last_visible(units: list[str]) -> str | None:
    for unit in reversed(units):
        if unit != " ":
            return unit
    return None


def _trim(line: list[str]) -> list[str]:
    start, end = 0, len(line)
    while start < end and line[start] == " ":
        start += 1
    while end > start and line[end - 1] == " ":
        end -= 1
    return line[start:end]


def _avoid_single_character_last_line(lines, width, measure) -> None:
    if len(lines) < 2 or len(lines[-1]) != 1 or len(_clusters(lines[-1][0])) != 1:
        return
    previous, last = lines[-2], lines[-1]
    for cut in range(len(previous) - 1, 1, -1):
        head, tail = _trim(previous[:cut]), previous[cut:] + last
        if not head or _starts_badly(_trim(tail)[0]) or _ends_badly(head[-1]):
            continue
        if units_width(_trim(tail), measure) <= width:
            lines[-2], lines[-1] = head, _trim(tail)
        return


def units_width(units: list[str], measure: Measure) -> float:
    return sum(measure(unit) for unit in units)


def line_width(line: str, measure: Measure) -> float:
    """The width of a line as set: the sum of its units' widths."""
    return units_width(tokenize(line), measure)


def balanced_lines(text: str, width: float, measure: Measure, units: list[str]) -> list[str]:
    """The lines of ``break_lines`` made as even as the same number of lines allows: the
    narrowest width that needs no more lines, so no last line holds a word or two alone."""
    lines = break_lines(text, width, measure, units)
    if len(lines) < 2:
        return lines
    # Never narrower than the widest word: that one would have to be split.
    low = max((measure(unit) for unit in units if unit != " "), default=0.0)
    high = width
    if low >= high:
        return lines
    for _ in range(12):
        middle = (low + high) / 2
        if len(break_lines(text, middle, measure, units)) <= len(lines):
            high = middle
        else:
            low = middle
    return break_lines(text, high, measure, units)

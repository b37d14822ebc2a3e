"""Mistakes people make typing YAML by hand, told in the team's words: a quote never
closed, a colon inside a field name, a control character, and what a Chinese input method
types instead of YAML's marks (full-width colons and dashes, “curly” quotes, an ideographic
space as indentation)."""

from __future__ import annotations

import re

import yaml

from .errors import Problem
from .messages import Message, msg

_QUOTED_VALUE = re.compile(r"^\s*(?:-\s+)?(?:[^\s:#\"'][^:#]*:\s+)?([\"'])(.*)$")


def unclosed_quote(source: str, display_path: str, first_line: int) -> Problem | None:
    """The line whose quoted value never ends, when that is what broke the YAML.

    YAML lets a quoted text run over several lines, so the parser stumbles far below the
    real mistake; the line that opened the quote is the one the team must fix.
    """
    for number, line in enumerate(source.split("\n")):
        match = _QUOTED_VALUE.match(line)
        if not match:
            continue
        quote, rest = match.groups()
        if not _closes(rest, quote):
            return Problem(
                display_path,
                number + first_line,
                None,
                msg(
                    "the front matter is not valid YAML (the {quote} that opens this value is "
                    "never closed): expected the text to end with {quote} on the same line",
                    quote=quote,
                ),
            )
    return None


# A name the team chooses (a report's figures: 发放宣传单：300) followed by a full-width colon.
_NAME_AND_WIDE_COLON = re.compile(r"[ \t]*(?:-[ \t]+)?(?P<name>[^\s:：#\"'-][^:：#]*?)[ \t]*：")


def colon_in_a_name(
    error: yaml.YAMLError, source: str, display_path: str, first_line: int
) -> Problem | None:
    """The line where the parser stumbled, or the one above it, when its name ends in "："
    (the parser stumbles on the line after such a name, or at the end of the fields).

    Names of fields are checked before the YAML is read (``typed_in_chinese_mode``); a
    name the team makes up may be Chinese, and "注意：先断电" may as well be a text, so
    such a line is named only once the YAML is known to be broken, as its likely cause."""
    mark = getattr(error, "problem_mark", None)
    if mark is None:
        return None
    lines = source.split("\n")
    last = min(mark.line, len(lines) - 1)
    for number in range(last, max(last - 2, -1), -1):
        found = _NAME_AND_WIDE_COLON.match(lines[number])
        if found:
            name = found["name"]
            return Problem(display_path, number + first_line, name, _full_width_colon(name))
    return None


def yaml_problem(
    error: yaml.YAMLError, source: str, display_path: str, first_line: int
) -> Problem:
    if isinstance(error, yaml.reader.ReaderError):
        return _control_character(error, source, display_path, first_line)
    mark = getattr(error, "problem_mark", None)
    line = mark.line + first_line if mark is not None else None
    problem = getattr(error, "problem", None) or str(error)
    hint = msg('expected "name: value" lines between the two "---" lines')
    if "\\t" in problem or "tab" in problem:
        hint = msg("expected spaces for indentation: YAML does not allow tab characters")
    elif "mapping values are not allowed" in problem:
        hint = msg('expected one "name: value" per line; put a value containing ": " in quotes')
    elif "could not find expected ':'" in problem or "could not find expected" in problem:
        hint = msg('expected "name: value"; check for a missing colon or an unclosed quote')
    return Problem(
        display_path,
        line,
        None,
        msg("the front matter is not valid YAML ({problem}): {hint}", problem=problem, hint=hint),
    )


def _control_character(
    error: yaml.reader.ReaderError, source: str, display_path: str, first_line: int
) -> Problem:
    # The reader names a position in the text, not a line.
    line = source.count("\n", 0, error.position) + first_line
    code = error.character if isinstance(error.character, int) else ord(error.character)
    return Problem(
        display_path,
        line,
        None,
        msg(
            "the front matter holds an invisible control character ({code}): expected plain "
            "text; delete the character (it often comes with text pasted from another program)",
            code=f"U+{code:04X}",
        ),
    )


# -- what a Chinese input method types instead of YAML's ASCII marks ----------------------------
#
# "：", "　", "－", "——" and “ ” look like YAML's ":", " ", "-" and '"' but are not: YAML reads
# them as text, so the mistake is reported a line late as invalid YAML, or the line silently
# becomes part of a text. They are found before the YAML is read, each on its own line. The
# same marks inside a value are text and fine (summary: 注意：先断电), and so is everything in
# a block of text (summary: | or >) and in a quoted value that runs over several lines.

_FIELD = r"[A-Za-z0-9_-]+"
_LINE = re.compile(r"(?P<dash>-[ \t]+)?(?P<rest>.*)")
_FULL_WIDTH_COLON = re.compile(rf"(?P<name>{_FIELD})[ \t\u3000]*：")
_FULL_WIDTH_SPACE_AFTER_COLON = re.compile(rf"(?P<name>{_FIELD}):\u3000")
_NO_SPACE_AFTER_COLON = re.compile(rf"(?P<name>{_FIELD}):(?=[^\x00-\x7f])")
_FIELD_LINE = re.compile(rf"(?P<name>{_FIELD}):(?:[ \t]+(?P<value>.*))?")
# How a list item starts when the hyphen is typed in Chinese mode: a full-width hyphen, a
# dash or two (Shift + "-" gives "——"), or a hyphen with no space before the item.
_WRONG_MARKER = re.compile(r"(?P<marker>－|—+|–|-(?=[^\x00-\x7f\s]))")
_FULL_WIDTH_INDENT = re.compile(r"[ \t]*\u3000[ \t\u3000]*(?P<rest>.*)")
_LOOKS_LIKE_YAML = re.compile(rf"(?:-|－|—|–)[ \t\u3000]|(?P<name>{_FIELD})[ \t]*[:：]")
_BLOCK_TEXT = re.compile(r"[|>][1-9+-]{0,2}[ \t]*(?:#.*)?")
_CHINESE_QUOTES = {"“": "“…”", "‘": "‘…’"}


def typed_in_chinese_mode(source: str, display_path: str, first_line: int) -> list[Problem]:
    """Lines where a Chinese input method typed "：", "　", "－" or “ ” for YAML's marks."""
    scan = _ChineseModeScan()
    problems = []
    for number, line in enumerate(source.split("\n"), start=first_line):
        found = scan.line(line)
        if found is not None:
            field_name, message = found
            problems.append(Problem(display_path, number, field_name, message))
    return problems


class _ChineseModeScan:
    """Reads front matter line by line, knowing just enough of its shape: which lines are
    text (a block of text, a quoted value running on) and where a list takes items."""

    def __init__(self):
        self.block_indent: int | None = None  # indentation of the line opening a text block
        self.open_quote: str | None = None  # quote of a value that runs on to next lines
        self.lists: list[tuple[int, str | None]] = []  # open lists: item indentation, field
        self.parent: tuple[int, str] | None = None  # a "name:" with nothing after it

    def line(self, line: str) -> tuple[str | None, Message] | None:
        indent = len(line) - len(line.lstrip(" \t"))
        if self.block_indent is not None:
            if not line.strip() or indent > self.block_indent:
                return None
            self.block_indent = None
        if self.open_quote is not None:
            if _closes(line, self.open_quote):
                self.open_quote = None
            return None
        stripped = line.strip(" \t")
        if not stripped or stripped.startswith("#"):
            return None
        spaced = _FULL_WIDTH_INDENT.fullmatch(line)
        looks = spaced and _LOOKS_LIKE_YAML.match(spaced["rest"])
        if looks:
            self.parent = None
            message = msg(
                'a full-width space "\u3000" indents this line: expected ASCII spaces for '
                "indentation"
            )
            return looks["name"], message
        return self._structure(stripped, indent)

    def _structure(self, text: str, indent: int) -> tuple[str | None, Message] | None:
        # Lists that end above this line, and the list (if any) this line is an item of.
        while self.lists and self.lists[-1][0] > indent:
            self.lists.pop()
        parent, self.parent = self.parent, None
        if self.lists and self.lists[-1][0] == indent:
            list_field = self.lists[-1][1]
        elif parent is not None and indent >= parent[0]:
            list_field = parent[1]
        else:
            list_field = None
        parts = _LINE.fullmatch(text)
        dash, rest = parts["dash"], parts["rest"]
        wrong = None if dash else _WRONG_MARKER.match(rest)
        is_item = bool(dash) or (wrong is not None and list_field is not None)
        if self.lists and self.lists[-1][0] == indent and not is_item:
            self.lists.pop()
        if is_item and not (self.lists and self.lists[-1][0] == indent):
            self.lists.append((indent, list_field))
        if wrong is not None and list_field is not None:
            if wrong["marker"] == "-":
                return list_field, msg(
                    'no space follows the hyphen "-" before this item: expected "-" followed by '
                    "a space"
                )
            message = msg(
                '"{marker}" is not a list marker: expected an ASCII hyphen "-" followed by a '
                "space before each item",
                marker=wrong["marker"],
            )
            return list_field, message
        return self._field(rest, indent, len(dash or ""), list_field if dash else None)

    def _field(self, text: str, indent: int, dash: int, item_of: str | None):
        """A "name: value" line, or a list item's value when ``item_of`` names its list;
        ``dash`` is the width of the "- " before it, if any."""
        for pattern, template in (
            (_FULL_WIDTH_COLON, _full_width_colon),
            (_FULL_WIDTH_SPACE_AFTER_COLON, _full_width_space_after_colon),
            (_NO_SPACE_AFTER_COLON, _no_space_after_colon),
        ):
            found = pattern.match(text)
            if found:
                return found["name"], template(found["name"])
        field_line = _FIELD_LINE.fullmatch(text)
        if field_line:
            name, value = field_line["name"], field_line["value"] or ""
            if not value.strip():
                self.parent = (indent + dash, name)
            indent += dash  # a text block under the field is indented more than its name
        elif item_of is not None:
            name, value = item_of, text
        else:
            return None  # a line that goes on the text of the line above
        problem = _in_chinese_quotes(value, name)
        if problem is None:
            value = value.strip()
            if _BLOCK_TEXT.fullmatch(value):
                self.block_indent = indent
            elif value[:1] in ('"', "'") and not _closes(value[1:], value[0]):
                self.open_quote = value[0]
        return problem


def _full_width_colon(name: str) -> Message:
    return msg(
        'a full-width colon "：" follows the field name "{name}": expected an ASCII colon ":" '
        "followed by a space",
        name=name,
    )


def _full_width_space_after_colon(name: str) -> Message:
    return msg(
        'a full-width space "\u3000" follows the colon after the field name "{name}": '
        'expected an ASCII space after ":"',
        name=name,
    )


def _no_space_after_colon(name: str) -> Message:
    return msg(
        'no space follows the colon after the field name "{name}": expected ":" followed by '
        "a space, then the value",
        name=name,
    )


def _in_chinese_quotes(value: str, name: str | None) -> tuple[str | None, Message] | None:
    """A value in “ ” that YAML cuts short: it holds ": " (an error) or " #" (the rest of
    the line is read as a comment and lost). Any other value in “ ” is text, quotes and all."""
    value = value.strip()
    quotes = _CHINESE_QUOTES.get(value[:1])
    if quotes is None:
        return None
    for mark in (": ", " #"):
        if mark in value:
            message = msg(
                "the value is in Chinese quotes {quotes}, which YAML does not read as quotes, "
                'and it holds "{mark}": expected ASCII quotes "…" around it',
                quotes=quotes,
                mark=mark,
            )
            return name, message
    return None


def _closes(text: str, quote: str) -> bool:
    """Whether ``text`` holds the quote that ends a quoted value."""
    closed = text.replace(quote * 2, "") if quote == "'" else re.sub(r"\\.", "", text)
    return quote in closed

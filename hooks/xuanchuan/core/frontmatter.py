"""Read a Markdown file's YAML front matter, keeping line numbers for error messages.

Front matter is a few "name: value" lines written by hand, so only that much of YAML is
read (``read_yaml``, which also reads the print layouts): no anchors or aliases (``&a``,
``*a``), no tags (``!!timestamp``, ``!!python/...``), field names always read as text, a
bounded size, depth and number length. Anything else is reported with its line and field
before a value is built, so a hostile file can neither hang the build (an alias bomb) nor
crash it (a tag, a recursive alias, a number of thousands of digits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .errors import Problem, SourceError, file_problem
from .messages import Message, msg
from .schema import Record, Report, line_of

# Far above what any page, campaign or layout needs (the longest campaign's front matter is
# about 4 KB, a law's full text about 300 KB), low enough that a hostile file is refused at
# once instead of costing minutes or gigabytes.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_YAML_CHARS = 256 * 1024
# Campaign fields nest three levels deep (activities[1].title), print layouts six.
MAX_DEPTH = 16
# Longer than any count or phone number; Python refuses to read integers of 4,300 digits.
MAX_NUMBER_CHARS = 30

_OPEN = re.compile(r"\A---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)

_STR = "tag:yaml.org,2002:str"
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


@dataclass
class Document:
    """A Markdown source: its metadata, its body, and where each field was written."""

    path: str
    meta: dict
    body: str
    body_line: int = 1
    lines: dict[str, int] = field(default_factory=dict)
    # Numbers as written (``0123``, ``1.50``), by field path, for fields that take text.
    written: dict[str, str] = field(default_factory=dict)

    def line_of(self, field_path: str) -> int | None:
        """Line of a dotted field path (``targets[2].goal``), or of its nearest parent."""
        return line_of(self.lines, field_path)

    def problem(self, field_path: str, message) -> Problem:
        """A problem with one field of this file, on the field's line."""
        return Problem(self.path, self.line_of(field_path), field_path, message)

    def check(self, schema: Record) -> tuple[dict, list[Problem]]:
        """The front matter checked against ``schema``, and its problems with their lines."""
        report = Report(written=self.written)
        data = schema.validate(self.meta, "", report)
        return data, report.problems(self.path, self.lines)


@dataclass
class YamlData:
    """A YAML text as read: its value, the line of every field and numbers as written."""

    value: Any
    lines: dict[str, int] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)


def read_document(source: Path, display_path: str) -> Document:
    raw = _read_bytes(source, display_path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError(
            Problem(
                display_path,
                line,
                None,
                msg(
                    "is not UTF-8 text: expected the file to be saved as UTF-8 "
                    "(in most editors: Save as… > Encoding > UTF-8)"
                ),
            )
        ) from None
    return parse_document(text, display_path)


def _read_bytes(source: Path, display_path: str) -> bytes:
    try:
        with source.open("rb") as stream:
            # One byte more than allowed tells a file that is too large without reading it all.
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        problem = msg("cannot be read: {reason}", reason=error.strerror)
        raise SourceError(file_problem(display_path, problem)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise SourceError(
            file_problem(
                display_path,
                msg(
                    "is larger than {limit} MB: expected a smaller text (split it into several "
                    "pages; pictures go in files of their own)",
                    limit=MAX_FILE_BYTES // (1024 * 1024),
                ),
            )
        )
    return raw


# A preview server reads every page and campaign again on each save; parsing their front
# matter was most of that. The same text gives the same document, which nothing changes.
@lru_cache(maxsize=4096)
def parse_document(text: str, display_path: str) -> Document:
    # Windows (CR LF) and old Mac (CR) line ends read like any other file.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    opening = _OPEN.match(text)
    if not opening:
        _refuse_control_characters(text, display_path, 1)
        return Document(display_path, {}, text)
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        raise SourceError(
            Problem(
                display_path,
                1,
                None,
                msg(
                    'the front matter opened with "---" on line 1 is never closed: '
                    'expected a second "---" line after the fields'
                ),
            )
        )
    source = text[opening.end() : closing.start()]
    body_start = closing.end() + 1
    body_line = text.count("\n", 0, body_start) + 1
    data = _front_matter(source, display_path, first_line=2)
    _refuse_control_characters(text[body_start:], display_path, body_line)
    return Document(
        display_path, data.value, text[body_start:], body_line, data.lines, data.written
    )


# Invisible characters that no text means (tab and line ends aside): pasted from a terminal
# or another program, a NUL or ESC makes the site's feeds unreadable for feed readers and
# puts stray bytes into pages and articles.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _refuse_control_characters(body: str, display_path: str, first_line: int) -> None:
    problems = []
    for found in _CONTROL.finditer(body):
        line = body.count("\n", 0, found.start()) + first_line
        if problems and problems[-1].line == line:
            continue
        problems.append(
            Problem(
                display_path,
                line,
                None,
                msg(
                    "the text holds an invisible control character ({code}): expected plain "
                    "text; delete the character (it often comes with text pasted from "
                    "another program)",
                    code=f"U+{ord(found.group()):04X}",
                ),
            )
        )
        if len(problems) == 5:
            break
    if problems:
        raise SourceError(problems)


def _front_matter(source: str, display_path: str, first_line: int) -> YamlData:
    typed = _typed_in_chinese_mode(source, display_path, first_line)
    if typed:
        raise SourceError(typed)
    try:
        data = read_yaml(source, display_path, first_line=first_line)
    except yaml.YAMLError as error:
        found = _unclosed_quote(source, display_path, first_line) or _colon_in_a_name(
            error, source, display_path, first_line
        )
        raise SourceError(found or _yaml_problem(error, source, display_path, first_line)) from None
    if data.value is None:
        return YamlData({})
    if not isinstance(data.value, dict):
        raise SourceError(
            Problem(
                display_path,
                first_line,
                None,
                msg(
                    'the front matter must be "name: value" lines, got {got}',
                    got=msg("a list") if isinstance(data.value, list) else msg("a single value"),
                ),
            )
        )
    return data


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as written, so the schema can explain an impossible date
    such as 2026-02-30 instead of failing inside the YAML parser."""


def _without_sexagesimal(regexp: re.Pattern) -> re.Pattern:
    # YAML 1.1 reads 9:30 as the number 570 (base 60); a time of day must stay "9:30".
    alternatives = [part for part in regexp.pattern.split("\n") if "(?::" not in part]
    pattern = "\n".join(alternatives)
    if pattern.count("(") > pattern.count(")"):
        pattern += ")$"
    return re.compile(pattern, re.X)


# Dates stay text (see _Loader); "<<" and "=" stay text too: they only mean something with
# anchors (merge keys) or in YAML's rarely supported value type, and would not build.
_AS_TEXT = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")

_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, _without_sexagesimal(regexp) if tag.endswith((":int", ":float")) else regexp)
        for tag, regexp in resolvers
        if tag not in _AS_TEXT
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# libyaml parses several times faster; the pure Python loader still words the messages
# (the two libraries describe the same mistake differently).
_FAST_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastLoader(_FAST_BASE):
    pass


_FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def read_yaml(source: str, display_path: str, *, first_line: int = 1) -> YamlData:
    """Read a hand-written YAML text; ``first_line`` is the file line of its first line.

    Raises SourceError listing what such a file never needs (anchors, aliases, tags, deep
    nesting, huge numbers), and yaml.YAMLError, worded by the Python parser, when the text
    is not YAML at all; the caller explains that in its own words.
    """
    if len(source) > MAX_YAML_CHARS:
        raise SourceError(
            Problem(
                display_path,
                first_line,
                None,
                msg(
                    "the YAML fields are {length} characters long: expected at most {limit} "
                    "(long text belongs in the page body)",
                    length=f"{len(source):,}",
                    limit=f"{MAX_YAML_CHARS:,}",
                ),
            )
        )
    try:
        return _Reader(_FastLoader, source, display_path, first_line).read()
    except yaml.YAMLError:
        return _Reader(_Loader, source, display_path, first_line).read()


@dataclass
class _Open:
    """A mapping or list being read: its node, its field path and what came so far."""

    node: MappingNode | SequenceNode
    path: str
    depth: int
    items: int = 0
    key: ScalarNode | None = None
    key_path: str = ""
    names: set = field(default_factory=set)


class _Reader:
    """Builds the node tree from the parser's events, one event at a time (never recursing,
    never following an alias), refusing what hand-written YAML never needs."""

    def __init__(self, loader_class, source: str, display_path: str, first_line: int):
        self.loader = loader_class(source)
        self.display_path = display_path
        self.first_line = first_line
        self.data = YamlData(None)
        self.problems: list[Problem] = []
        self.lines_with_problems: set[int] = set()
        self.stack: list[_Open] = []
        self.root = None

    def read(self) -> YamlData:
        try:
            self._read_events()
            if self.problems:
                raise SourceError(self.problems)
            if self.root is not None:
                self.data.value = self.loader.construct_document(self.root)
            return self.data
        finally:
            self.loader.dispose()

    def _read_events(self) -> None:
        documents = 0
        while True:
            event = self.loader.get_event()
            kind = type(event)
            if kind is ScalarEvent:
                self._scalar(event)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if not self._open(event):
                    return
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                self._close(event)
            elif kind is AliasEvent:
                self._alias(event)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self._problem(
                        event,
                        None,
                        msg(
                            "a second YAML document starts here: expected one "
                            '(remove the "---" line)'
                        ),
                    )
                    return
            elif kind is StreamEndEvent:
                return

    # -- where a node goes -------------------------------------------------------------------

    def _path(self, event, is_scalar: bool) -> tuple[str, bool]:
        """The field path of the node ``event`` starts, and whether it is a field name."""
        if not self.stack:
            return "", False
        parent = self.stack[-1]
        line = event.start_mark.line + self.first_line
        if isinstance(parent.node, SequenceNode):
            parent.items += 1
            path = f"{parent.path}[{parent.items}]"
            self.data.lines[path] = line
            return path, False
        if parent.key is not None:
            return parent.key_path, False
        if not is_scalar:
            what = (
                msg("a list") if isinstance(event, SequenceStartEvent) else msg("a group of fields")
            )
            self._problem(
                event,
                parent.path or None,
                msg("expected a field name such as title, got {got}", got=what),
            )
            return parent.path, True
        # An alias used as a field name is named as written; it is refused anyway.
        name = event.value if isinstance(event, ScalarEvent) else f"*{event.anchor}"
        path = f"{parent.path}.{name}" if parent.path else name
        if path in parent.names:
            self._problem(event, path, msg("is written twice: expected it once"))
        parent.names.add(path)
        self.data.lines[path] = line
        return path, True

    def _attach(self, node, path: str, is_key: bool) -> None:
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if isinstance(parent.node, SequenceNode):
            parent.node.value.append(node)
        elif is_key:
            parent.key, parent.key_path = node, path
        else:
            parent.node.value.append((parent.key, node))
            parent.key = None

    # -- events ------------------------------------------------------------------------------

    def _scalar(self, event: ScalarEvent) -> None:
        path, is_key = self._path(event, is_scalar=True)
        self._refuse_anchor_and_tag(event, path)
        if is_key:
            # A field name is a name, even when it looks like a number, a date or "yes".
            tag = _STR
        else:
            tag = self.loader.resolve(ScalarNode, event.value, event.implicit)
            if tag in _NUMBER_TAGS and event.tag is None:
                tag = self._number(event, path, tag)
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        self._attach(node, path, is_key)

    def _number(self, event: ScalarEvent, path: str, tag: str) -> str:
        """The tag of a number written without quotes: a number, or text when it is not one."""
        written = event.value
        if len(written) > MAX_NUMBER_CHARS:
            self._problem(
                event,
                path or None,
                msg(
                    "the number {start}… is {length} characters long: expected at most {limit} "
                    "(put a code or long number in quotes to keep it as text)",
                    start=written[:12],
                    length=f"{len(written):,}",
                    limit=MAX_NUMBER_CHARS,
                ),
            )
            return _STR
        try:
            # YAML 1.1 has a few shapes that look like numbers but do not read as one (0b_).
            self.loader.construct_object(ScalarNode(tag, written))
        except ValueError:
            return _STR
        self.data.written[path] = written
        return tag

    def _open(self, event) -> bool:
        depth = len(self.stack) + 1
        path, is_key = self._path(event, is_scalar=False)
        if depth > MAX_DEPTH:
            # Named by its outermost field: the full path would be as long as the nesting.
            outermost = re.split(r"[.\[]", path, maxsplit=1)[0]
            self._problem(
                event,
                outermost or None,
                msg(
                    "is nested more than {limit} levels deep: expected at most {limit} levels of "
                    "indented fields and lists",
                    limit=MAX_DEPTH,
                ),
            )
            return False
        self._refuse_anchor_and_tag(event, path)
        if isinstance(event, MappingStartEvent):
            node = MappingNode(
                "tag:yaml.org,2002:map", [], event.start_mark, None, event.flow_style
            )
        else:
            node = SequenceNode(
                "tag:yaml.org,2002:seq", [], event.start_mark, None, event.flow_style
            )
        self._attach(node, path, is_key)
        self.stack.append(_Open(node, path, depth))
        return True

    def _close(self, event) -> None:
        self.stack.pop().node.end_mark = event.end_mark

    def _alias(self, event: AliasEvent) -> None:
        path, is_key = self._path(event, is_scalar=True)
        self._problem(
            event,
            path or None,
            msg(
                'the alias "*{name}" is not allowed here: expected the value written out in full '
                "(these files do not use YAML anchors and aliases)",
                name=event.anchor,
            ),
        )
        # A stand-in keeps names and values paired while the rest is read for more problems.
        self._attach(ScalarNode(_STR, ""), path, is_key)

    def _refuse_anchor_and_tag(self, event, path: str) -> None:
        if event.anchor is not None:
            self._problem(
                event,
                path or None,
                msg(
                    'the anchor "&{name}" is not allowed here: expected the value written out in '
                    "full where it is used (these files do not use YAML anchors and aliases)",
                    name=event.anchor,
                ),
            )
        if event.tag is not None:
            self._problem(
                event,
                path or None,
                msg(
                    'the tag "{tag}" is not allowed here: expected the value alone, such as '
                    '2026-06-01, 100 or "a text in quotes"',
                    tag=_shown_tag(event.tag),
                ),
            )

    def _problem(self, event, path: str | None, message: Message) -> None:
        # One problem per line: an alias bomb is a few lines, not thousands of messages.
        line = event.start_mark.line + self.first_line
        if line not in self.lines_with_problems:
            self.lines_with_problems.add(line)
            self.problems.append(Problem(self.display_path, line, path, message))


def _shown_tag(tag: str) -> str:
    """A tag as the team wrote it: ``!!timestamp`` rather than ``tag:yaml.org,2002:timestamp``."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


def field_lines(text: str, first_line: int = 1) -> dict[str, int]:
    """Line of every dotted field path in a YAML text; {} if it cannot be read.

    Only the structure is read (tags such as !!python/name are not constructed), so this
    works on mkdocs.yml too.
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    _record_lines(node, "", first_line, lines, set())
    return lines


def _record_lines(node, path, offset, lines, visited) -> None:
    # An alias is the node it names: each node is walked once, so anchors cost nothing.
    if id(node) in visited:
        return
    visited.add(id(node))
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            child = f"{path}.{key_node.value}" if path else str(key_node.value)
            lines[child] = key_node.start_mark.line + offset
            _record_lines(value_node, child, offset, lines, visited)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            child = f"{path}[{index + 1}]"
            lines[child] = item.start_mark.line + offset
            _record_lines(item, child, offset, lines, visited)


_QUOTED_VALUE = re.compile(r"^\s*(?:-\s+)?(?:[^\s:#\"'][^:#]*:\s+)?([\"'])(.*)$")


def _unclosed_quote(source: str, display_path: str, first_line: int) -> Problem | None:
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


def _colon_in_a_name(
    error: yaml.YAMLError, source: str, display_path: str, first_line: int
) -> Problem | None:
    """The line where the parser stumbled, or the one above it, when its name ends in "："
    (the parser stumbles on the line after such a name, or at the end of the fields).

    Names of fields are checked before the YAML is read (``_typed_in_chinese_mode``); a
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


def _yaml_problem(
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


def _typed_in_chinese_mode(source: str, display_path: str, first_line: int) -> list[Problem]:
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

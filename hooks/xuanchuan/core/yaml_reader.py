"""Read hand-written YAML safely, keeping the line of every field.

Front matter and print layouts are a few "name: value" lines written by hand, so only that
much of YAML is read: no anchors or aliases (``&a``, ``*a``), no tags (``!!timestamp``,
``!!python/...``), field names always read as text, a bounded size, depth and number
length. Anything else is reported with its line and field before a value is built, so a
hostile file can neither hang the build (an alias bomb) nor crash it (a tag, a recursive
alias, a number of thousands of digits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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

from .errors import Problem, SourceError
from .messages import Message, msg

MAX_YAML_CHARS = 256 * 1024
# Campaign fields nest three levels deep (activities[1].title), print layouts six.
MAX_DEPTH = 16
# Longer than any count or phone number; Python refuses to read integers of 4,300 digits.
MAX_NUMBER_CHARS = 30

_STR = "tag:yaml.org,2002:str"
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


@dataclass
class YamlData:
    """A YAML text as read: its value, the line of every field and numbers as written."""

    value: Any
    lines: dict[str, int] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)


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
            self._problem(event, path or None, _too_long(written))
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
        for message in _anchor_and_tag_problems(event):
            self._problem(event, path or None, message)

    def _problem(self, event, path: str | None, message: Message) -> None:
        # One problem per line: an alias bomb is a few lines, not thousands of messages.
        line = event.start_mark.line + self.first_line
        if line not in self.lines_with_problems:
            self.lines_with_problems.add(line)
            self.problems.append(Problem(self.display_path, line, path, message))


def _too_long(written: str) -> Message:
    return msg(
        "the number {start}… is {length} characters long: expected at most {limit} "
        "(put a code or long number in quotes to keep it as text)",
        start=written[:12],
        length=f"{len(written):,}",
        limit=MAX_NUMBER_CHARS,
    )


def _anchor_and_tag_problems(event) -> list[Message]:
    problems = []
    if event.anchor is not None:
        problems.append(
            msg(
                'the anchor "&{name}" is not allowed here: expected the value written out in '
                "full where it is used (these files do not use YAML anchors and aliases)",
                name=event.anchor,
            )
        )
    if event.tag is not None:
        problems.append(
            msg(
                'the tag "{tag}" is not allowed here: expected the value alone, such as '
                '2026-06-01, 100 or "a text in quotes"',
                tag=_shown_tag(event.tag),
            )
        )
    return problems


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

"""Read a Markdown file's YAML front matter, keeping line numbers for error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Problem, SourceError
from .schema import Record, Report, line_of

_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


@dataclass
class Document:
    """A Markdown source: its metadata, its body, and where each field was written."""

    path: str
    meta: dict
    body: str
    body_line: int = 1
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, field_path: str) -> int | None:
        """Line of a dotted field path (``targets[2].goal``), or of its nearest parent."""
        return line_of(self.lines, field_path)

    def check(self, schema: Record) -> tuple[dict, list[Problem]]:
        """The front matter checked against ``schema``, and its problems with their lines."""
        report = Report()
        data = schema.validate(self.meta, "", report)
        return data, report.problems(self.path, self.lines)


def read_document(source: Path, display_path: str) -> Document:
    try:
        raw = source.read_bytes()
    except OSError as error:
        problem = Problem(display_path, None, None, f"cannot be read: {error.strerror}")
        raise SourceError(problem) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError(
            Problem(
                display_path,
                line,
                None,
                "is not UTF-8 text: expected the file to be saved as UTF-8 "
                "(in most editors: Save as… > Encoding > UTF-8)",
            )
        ) from None
    return parse_document(text.replace("\r\n", "\n"), display_path)


def parse_document(text: str, display_path: str) -> Document:
    opening = _OPEN.match(text)
    if not opening:
        return Document(display_path, {}, text)
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        raise SourceError(
            Problem(
                display_path,
                1,
                None,
                'the front matter opened with "---" on line 1 is never closed: '
                'expected a second "---" line after the fields',
            )
        )
    source = text[opening.end() : closing.start()]
    body_start = closing.end() + 1
    body_line = text.count("\n", 0, body_start) + 1
    meta, lines = _load_yaml(source, display_path, first_line=2)
    return Document(display_path, meta, text[body_start:], body_line, lines)


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


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, _without_sexagesimal(regexp) if tag.endswith((":int", ":float")) else regexp)
        for tag, regexp in resolvers
        if tag != "tag:yaml.org,2002:timestamp"
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# libyaml parses several times faster; the pure Python loader still words the messages
# (the two libraries describe the same mistake differently).
_FAST_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastLoader(_FAST_BASE):
    pass


_FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def _node_and_value(source: str, loader_class):
    """Parse once: the node tree (for line numbers) and the value built from it."""
    loader = loader_class(source)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _load_yaml(source: str, display_path: str, first_line: int) -> tuple[dict, dict[str, int]]:
    try:
        try:
            node, meta = _node_and_value(source, _FastLoader)
        except yaml.YAMLError:
            node, meta = _node_and_value(source, _Loader)
    except yaml.YAMLError as error:
        unclosed = _unclosed_quote(source, display_path, first_line)
        raise SourceError(unclosed or _yaml_problem(error, display_path, first_line)) from None
    if meta is None:
        return {}, {}
    if not isinstance(meta, dict):
        raise SourceError(
            Problem(
                display_path,
                first_line,
                None,
                'the front matter must be "name: value" lines, '
                f"got {'a list' if isinstance(meta, list) else 'a single value'}",
            )
        )
    lines: dict[str, int] = {}
    duplicates: list[Problem] = []
    _record_lines(node, "", first_line, lines, duplicates, display_path)
    if duplicates:
        raise SourceError(duplicates)
    return meta, lines


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
    _record_lines(node, "", first_line, lines, [], "")
    return lines


def _record_lines(node, path, offset, lines, duplicates, display_path) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = f"{path}.{key}" if path else key
            line = key_node.start_mark.line + offset
            if child in seen:
                duplicates.append(
                    Problem(display_path, line, child, "is written twice: expected it once")
                )
            seen.add(child)
            lines[child] = line
            _record_lines(value_node, child, offset, lines, duplicates, display_path)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = f"{path}[{index + 1}]"
            lines[child] = item.start_mark.line + offset
            _record_lines(item, child, offset, lines, duplicates, display_path)


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
        closed = rest.replace(quote * 2, "") if quote == "'" else re.sub(r"\\.", "", rest)
        if quote not in closed:
            return Problem(
                display_path,
                number + first_line,
                None,
                f"the front matter is not valid YAML (the {quote} that opens this value is "
                f"never closed): expected the text to end with {quote} on the same line",
            )
    return None


def _yaml_problem(error: yaml.YAMLError, display_path: str, first_line: int) -> Problem:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + first_line if mark is not None else None
    problem = getattr(error, "problem", None) or str(error)
    hint = 'expected "name: value" lines between the two "---" lines'
    if "\\t" in problem or "tab" in problem:
        hint = "expected spaces for indentation: YAML does not allow tab characters"
    elif "mapping values are not allowed" in problem:
        hint = 'expected one "name: value" per line; put a value containing ": " in quotes'
    elif "could not find expected ':'" in problem or "could not find expected" in problem:
        hint = 'expected "name: value"; check for a missing colon or an unclosed quote'
    return Problem(
        display_path, line, None, f"the front matter is not valid YAML ({problem}): {hint}"
    )

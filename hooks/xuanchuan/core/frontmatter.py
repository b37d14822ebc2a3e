"""Read a Markdown file: its YAML front matter, keeping line numbers for error messages,
and its body.

The fields are read by ``yaml_reader.read_yaml`` (only the YAML hand-written fields need);
a text that is not YAML is explained by ``yaml_mistakes`` in the team's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import Problem, SourceError, file_problem
from .messages import msg
from .schema import Record, Report, line_of
from .yaml_mistakes import colon_in_a_name, typed_in_chinese_mode, unclosed_quote, yaml_problem
from .yaml_reader import YamlData, read_yaml

# Far above what any page or campaign needs (the longest campaign file is about 6 KB, a
# law's full text about 300 KB), low enough that a hostile file is refused at once.
MAX_FILE_BYTES = 5 * 1024 * 1024

_OPEN = re.compile(r"\A---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


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
    typed = typed_in_chinese_mode(source, display_path, first_line)
    if typed:
        raise SourceError(typed)
    try:
        data = read_yaml(source, display_path, first_line=first_line)
    except yaml.YAMLError as error:
        found = unclosed_quote(source, display_path, first_line) or colon_in_a_name(
            error, source, display_path, first_line
        )
        raise SourceError(found or yaml_problem(error, source, display_path, first_line)) from None
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

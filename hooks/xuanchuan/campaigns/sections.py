"""The ``##`` sections of a campaign's body: the parts a leaflet may pick from."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*(\{[^}]*\})?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def section_titles(markdown: str) -> list[str]:
    """The ``##`` headings of a body, in order: the sections a leaflet may pick from."""
    return [title for title, _ in _sections(markdown)[1:]]


def select_sections(markdown: str, chosen: tuple[str, ...] | list[str]) -> str:
    """Only the chosen ``##`` sections, in the order chosen (the text before the first
    heading is left out too). Every name must be one of ``section_titles``."""
    sections = dict(_sections(markdown)[1:])
    return "\n\n".join(f"## {title}\n\n{sections[title]}" for title in chosen)


def _sections(markdown: str) -> list[tuple[str, str]]:
    parts: list[tuple[str, list[str]]] = [("", [])]
    fenced = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match and len(match.group(1)) == 2:
            parts.append((match.group(2).strip(), []))
        else:
            parts[-1][1].append(line)
    return [(title, "\n".join(lines).strip()) for title, lines in parts]

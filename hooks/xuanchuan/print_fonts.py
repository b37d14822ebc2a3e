"""Fonts for print files: found through fontconfig, checked for every character printed."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path


class FontError(Exception):
    """A font that is missing, or lacks a character; the message says which."""


@dataclass(frozen=True)
class Font:
    """A font face as cairo selects it (family + weight) and the file it comes from."""

    family: str
    bold: bool
    path: str
    index: int

    @property
    def identity(self) -> str:
        """What changes when the font file changes: part of every print file's cache key."""
        stat = Path(self.path).stat()
        return f"{self.path}:{self.index}:{stat.st_size}:{stat.st_mtime_ns}"


@cache
def resolve_font(spec: str) -> Font:
    """``"Noto Sans CJK SC:bold"`` -> the installed face, or FontError if it is not there."""
    family, _, style = spec.partition(":")
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}\n%{index}\n%{family}", spec],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        raise FontError(
            f'cannot look up the font "{spec}": fontconfig (fc-match) is missing; '
            "run scripts/setup.sh"
        ) from None
    path, index, families = (out.split("\n") + ["", "", ""])[:3]
    if family.strip().lower() not in {f.strip().lower() for f in families.split(",")}:
        raise FontError(
            f'the font "{family}" is not installed (fontconfig offers "{families}" instead): '
            "expected fonts-noto-cjk, which scripts/setup.sh installs, or another font named "
            "in overrides/print/layouts.yml"
        )
    return Font(family.strip(), "bold" in style.lower(), path, int(index or 0))


@cache
def _characters(path: str, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=index, lazy=True)
    return frozenset(font.getBestCmap())


def missing_characters(font: Font, text: str) -> list[str]:
    """Characters of ``text`` the font cannot draw, in order of first appearance."""
    have = _characters(font.path, font.index)
    seen: dict[str, None] = {}
    for char in text:
        if not char.isspace() and ord(char) not in have:
            seen.setdefault(char)
    return list(seen)

"""What a print file's cache key is made of: the engine's drawing version, the drawing
libraries' versions, the fonts, and everything the file shows and how it is made."""

from __future__ import annotations

import hashlib
import json

from ..layouts import Layouts

# Raise when the drawing code changes in a way that changes its output.
ENGINE_VERSION = "9"


def print_style(fonts: dict, layouts: Layouts) -> dict:
    """The fonts every print file is drawn with, as plain data (for workers and cache keys)."""
    return {
        "fonts": {name: (font.family, font.bold) for name, font in fonts.items()},
        "font_files": sorted(font.identity for font in fonts.values()),
        "fallback": list(layouts.fallback),
    }


def print_key(*described_as) -> str:
    """The cache key of a print file: the engine, the drawing libraries' versions, the
    layout, style, colours, what it shows, the output, paper size, width and bleed."""
    described = json.dumps(
        [ENGINE_VERSION, *described_as],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(described.encode("utf-8")).hexdigest()[:32]


def drawing_versions() -> dict[str, str]:
    # Read without importing the libraries: an unchanged rebuild draws nothing and should
    # not pay for loading them. cairo is the shared library cairocffi opens.
    import ctypes
    import ctypes.util
    from importlib.metadata import version

    cairo = ctypes.CDLL(ctypes.util.find_library("cairo") or "libcairo.so.2")
    cairo.cairo_version_string.restype = ctypes.c_char_p
    pango = ctypes.CDLL(ctypes.util.find_library("pango-1.0") or "libpango-1.0.so.0")
    pango.pango_version_string.restype = ctypes.c_char_p
    return {
        "cairo": cairo.cairo_version_string().decode("ascii"),
        "pango": pango.pango_version_string().decode("ascii"),
        "cairocffi": version("cairocffi"),
        "pangocffi": version("pangocffi"),
        "segno": version("segno"),
        "pillow": version("pillow"),
        "cairosvg": version("cairosvg"),
    }

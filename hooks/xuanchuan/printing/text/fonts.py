"""Fonts for print files: found through fontconfig, checked for every character printed.

A character the layout's fonts lack is drawn from another installed font (Pango falls
back through fontconfig); only a character that no installed font has cannot be printed.
"""

from __future__ import annotations

import os
import subprocess
from array import array
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ...core.disk_cache import cache_key, cached_bytes
from ...core.messages import Message, msg
from ...core.workers import worker_pool


class FontError(Exception):
    """A font that is missing, or lacks a character; the message says which."""

    def __init__(self, message: Message):
        super().__init__(message)
        self.message = message  # worded when shown, in the messages' language


@dataclass(frozen=True)
class Font:
    """A font face as cairo selects it (family + weight) and the file it comes from."""

    family: str
    bold: bool
    path: str
    index: int
    source: Font | None = None  # the installed font this one was made from, if any

    @property
    def identity(self) -> str:
        """What changes when the font file changes: part of every print file's cache key."""
        if self.source is not None:
            # A copy is named by what it was made from and how: its own file time is that
            # of the day it was made.
            return f"{Path(self.path).name} from {self.source.identity}"
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
            msg(
                'cannot look up the font "{font}": fontconfig (fc-match) is missing; '
                "run scripts/setup.sh",
                font=spec,
            )
        ) from None
    path, index, families = (out.split("\n") + ["", "", ""])[:3]
    if family.strip().lower() not in {f.strip().lower() for f in families.split(",")}:
        raise FontError(
            msg(
                'the font "{family}" is not installed (fontconfig offers "{families}" '
                "instead): expected fonts-noto-cjk, which scripts/setup.sh installs, or another "
                "font named in overrides/print/layouts.yml",
                family=family,
                families=families,
            )
        )
    return Font(family.strip(), "bold" in style.lower(), path, int(index or 0))


@cache
def _characters(path: str, index: int, cache_dir: Path | None) -> frozenset[int]:
    def read_cmap() -> bytes:
        from fontTools.ttLib import TTFont

        font = TTFont(path, fontNumber=index, lazy=True)
        return array("I", sorted(font.getBestCmap())).tobytes()

    if cache_dir is None:
        return frozenset(array("I", read_cmap()))
    # The file's size and time stand for its contents: a font replaced in place is read again.
    found = os.stat(path)
    key = cache_key(
        "cmap", str(Path(path).resolve()), str(index), str(found.st_size), str(found.st_mtime_ns)
    )
    return frozenset(array("I", cached_bytes(cache_dir / f"{key}.cmap", read_cmap)))


def missing_characters(font: Font, text: str, cache_dir: Path | None = None) -> list[str]:
    """Characters of ``text`` the font cannot draw, in order of first appearance.

    With ``cache_dir``, the font's character map is kept there between builds: reading it
    from a CJK font collection takes a noticeable part of an unchanged rebuild.
    """
    have = _characters(font.path, font.index, cache_dir)
    # Each distinct character once: a leaflet's text repeats the same few hundred.
    return [c for c in dict.fromkeys(text) if not c.isspace() and ord(c) not in have]


def beyond_fonts(fonts: list[Font], text: str, cache_dir: Path | None = None) -> list[str]:
    """Characters of ``text`` that one of ``fonts`` lacks: drawn from another font, if any."""
    lacking: dict[str, None] = {}
    for font in fonts:
        lacking.update(dict.fromkeys(missing_characters(font, text, cache_dir)))
    return list(lacking)


@cache
def installed_fonts() -> str:
    """What changes when a font is installed, removed or replaced: a hash of every font
    fontconfig offers, with each file's size and time."""
    try:
        listed = subprocess.run(
            ["fc-list", "--format", "%{file}\t%{index}\n"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    entries = []
    for entry in sorted(set(listed.splitlines())):
        path = entry.partition("\t")[0]
        try:
            found = os.stat(path)
        except OSError:
            continue
        entries.append(f"{entry}\t{found.st_size}\t{found.st_mtime_ns}")
    return cache_key("installed-fonts", *entries)


def no_font_has(chars: list[str], family: str, cache_dir: Path | None = None) -> set[str]:
    """Those of ``chars`` that no installed font has, as Pango finds when it falls back
    from ``family``; kept in ``cache_dir`` by the set of installed fonts."""

    def find() -> bytes:
        # Found in a worker process while this one may still fork its drawing workers:
        # Pango's threads (core/workers.keep_from_forking) stay in the worker.
        with worker_pool(1) as pool:
            return next(iter(pool.map(_missing_glyphs, [tuple(chars)], [family])))

    if cache_dir is None:
        return set(find().decode("utf-8", "surrogatepass"))
    key = cache_key("no-font", installed_fonts(), family, *(f"{ord(c):x}" for c in chars))
    return set(cached_bytes(cache_dir / f"{key}.chars", find).decode("utf-8", "surrogatepass"))


def _missing_glyphs(chars: tuple[str, ...], family: str) -> bytes:
    import cairocffi

    from .pango import Face, Typesetter

    surface = cairocffi.ImageSurface(cairocffi.FORMAT_RGB24, 1, 1)
    typesetter = Typesetter(cairocffi.Context(surface))
    face = Face(family)
    # Half of a damaged character (a lone surrogate) is no text Pango can take.
    missing = [
        c
        for c in chars
        if 0xD800 <= ord(c) <= 0xDFFF or typesetter.paragraph(c, face, 10).unknown_glyphs
    ]
    return "".join(missing).encode("utf-8", "surrogatepass")


def use_font_files(files: dict[str, Path], cache_dir: Path) -> dict[str, str]:
    """Make font files named in mkdocs.yml visible to fontconfig; their fontconfig names.

    fontconfig reads FONTCONFIG_FILE when first used; print files are drawn in worker
    processes started after this, so they see the fonts too.
    """
    for name, path in files.items():
        if not path.is_file():
            raise FontError(
                msg(
                    'print.fonts.{name}: "{path}" does not exist: expected a .ttf, .otf or .ttc '
                    "file",
                    name=name,
                    path=path,
                )
            )
    cache_dir.mkdir(parents=True, exist_ok=True)
    folders = sorted({str(path.resolve().parent) for path in files.values()})
    config = cache_dir / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        + "".join(f"  <dir>{folder}</dir>\n" for folder in folders)
        + f"  <cachedir>{cache_dir / 'fontconfig'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    os.environ["FONTCONFIG_FILE"] = str(config)
    resolve_font.cache_clear()
    installed_fonts.cache_clear()
    return {
        name: _family_of(path) + (":bold" if name == "bold" else "") for name, path in files.items()
    }


def _family_of(path: Path) -> str:
    """The family name of a font file; in a collection, its Simplified Chinese face.

    Collections such as NotoSansCJK.ttc hold Japanese, Korean and Chinese faces; the first
    is Japanese, whose forms of many characters differ from those taught in China.
    """
    from fontTools.ttLib import TTCollection, TTFont

    try:
        if path.suffix.lower() == ".ttc":
            faces = TTCollection(str(path), lazy=True).fonts
        else:
            faces = [TTFont(str(path), lazy=True)]
    except Exception as error:  # fontTools raises many kinds for a file that is no font
        raise FontError(
            msg('"{path}" is not a font file fontTools can read: {error}', path=path, error=error)
        ) from None
    families = [f["name"].getDebugName(16) or f["name"].getDebugName(1) for f in faces]
    families = [family for family in families if family]
    if not families:
        raise FontError(
            msg('"{path}" has no family name: expected a complete font file', path=path)
        )
    chinese = [f for f in families if f.endswith((" SC", " CN", " Simplified Chinese"))]
    return (chinese or families)[0]

"""Fonts as cairo can put them into a PDF: CFF-outline faces get a copy without subroutines.

cairo 1.16 (Debian 12's) subsets a CFF font such as Noto Sans CJK itself, and its reader of
Type 2 charstrings counts hint bytes wrongly when a glyph's first ``hintmask`` comes after
part of its outline (it counts the outline's numbers as stems). It then skips the
subroutine call that follows, writes that subroutine into the PDF as an empty one, and the
glyph prints as nothing: 如 in Noto Sans CJK SC Regular is such a glyph. Which glyphs are hit
also depends on the others in the same file, so no list of bad glyphs would do.

A copy of the face with every subroutine written out in place and the hints dropped leaves
cairo nothing to miss. The outlines are the same; hints matter neither to a PDF nor to our
unhinted PNGs. Making the copy takes about a minute per face, once per machine: it is kept
in the user's cache folder, shared by every project and test, and trusted only while whole.
"""

from __future__ import annotations

import fcntl
import os
from dataclasses import replace
from functools import cache
from pathlib import Path

from ...core.disk_cache import cache_key, intact_file, store_file
from ...core.log import log
from ...core.messages import msg
from .fonts import Font, resolve_font
from .pango import add_font_file

# Made differently -> made again (and every print file that used it drawn again).
RECIPE = "1"
SUFFIX = " Xuanchuan"  # the copy's family: the original stays installed, as it was


def print_fonts(specs: dict[str, str]) -> dict[str, Font]:
    """The layout's fonts (``{"regular": "Noto Sans CJK SC", ...}``) as print files use them.

    FontError if one is not installed. Copies still to make are made side by side.
    """
    fonts = {name: resolve_font(spec) for name, spec in specs.items()}
    to_make = [font for font in fonts.values() if _has_cff_outlines(font.path, font.index)]
    if len(to_make) > 1 and not all(intact_file(_path_for(font)) for font in to_make):
        from ...core.workers import worker_pool

        with worker_pool(len(to_make)) as pool:
            list(pool.map(copy_path, to_make))
    return {name: embeddable(font) for name, font in fonts.items()}


def embeddable(font: Font) -> Font:
    """The face to draw ``font`` with: itself, or for a CFF font, the copy made for print."""
    if not _has_cff_outlines(font.path, font.index):
        return font
    try:
        path = copy_path(font)
    except OSError as error:  # no cache folder can be written: print, as cairo can
        log.warning(
            msg(
                "cannot keep a print copy of {family} ({error}): some characters may be "
                "missing from PDFs; make {folder} writable",
                family=font.family,
                error=error,
                folder=_cache_folder(),
            )
        )
        return font
    add_font_file(str(path))
    return replace(font, family=font.family + SUFFIX, path=str(path), index=0, source=font)


def copy_path(font: Font) -> Path:
    """Where the copy of ``font`` is kept; made there first if it is not there whole."""
    path = _path_for(font)
    if intact_file(path):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    # Two builds started together make it once: the second waits for the first.
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not intact_file(path):
            log.info(
                msg(
                    "preparing {family} for print: once on this machine, about a minute",
                    family=font.family,
                )
            )
            store_file(path, make_copy(font))
    return path


def _path_for(font: Font) -> Path:
    key = cache_key("embeddable", RECIPE, _fonttools_version(), font.identity)
    return _cache_folder() / f"{key}.otf"


def make_copy(font: Font) -> bytes:
    """The face of ``font`` with its subroutines inlined, without hints, renamed."""
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    face = TTFont(font.path, fontNumber=font.index)
    options = subset.Options()
    options.desubroutinize = True
    options.hinting = False
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.recalc_timestamp = False  # the same font gives the same bytes
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=face.getBestCmap().keys())
    subsetter.subset(face)
    _rename(face, font.family)
    out = io.BytesIO()
    face.save(out)
    return out.getvalue()


def _rename(face, family: str) -> None:
    """A family of its own, so fontconfig never offers the copy for the original; the
    PostScript name (the one a PDF shows) stays."""
    for record in face["name"].names:
        if record.nameID in (1, 3, 4, 16, 21):
            text = record.toUnicode()
            if family in text:
                record.string = text.replace(family, family + SUFFIX)


@cache
def _has_cff_outlines(path: str, index: int) -> bool:
    from fontTools.ttLib import TTFont

    try:
        return "CFF " in TTFont(path, fontNumber=index, lazy=True)
    except Exception:  # not a font fontTools reads: fontconfig found it, cairo draws it
        return False


@cache
def _cache_folder() -> Path:
    home = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return Path(home) / "xuanchuan" / "fonts"


@cache
def _fonttools_version() -> str:
    import fontTools

    return fontTools.version


def main() -> None:
    """Make the copies the project's layouts need now (scripts/setup.sh runs this), so the
    first build does not wait for them."""
    import logging

    from ..layouts import load_layouts

    # Our line only: fontTools' subsetter tells of every table it prunes.
    shown = logging.StreamHandler()
    shown.setFormatter(logging.Formatter("» %(message)s"))
    log.addHandler(shown)
    log.setLevel(logging.INFO)
    here = Path.cwd()
    print_fonts(load_layouts(here / "overrides", here).fonts)


if __name__ == "__main__":
    main()

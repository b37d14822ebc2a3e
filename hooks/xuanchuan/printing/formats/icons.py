"""Icons for pictogram posters: the SVG icon sets Material ships (7,448 Material Design
icons, Font Awesome, Octicons, Simple Icons) and the team's own in ``overrides/.icons/``,
named as Material names them: ``material/flash-alert``, ``fontawesome/solid/bolt``.

An icon is drawn as vector paths (CairoSVG, on the poster's own cairo surface), in the
layout's colour, so it prints sharp at any paper size.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from pathlib import Path

from ...campaigns.poster_options import ICON_NAME
from ...core.messages import Message, msg

ICONS_FOLDER = ".icons"


def icon_folders(overrides_dir: Path) -> tuple[Path, ...]:
    """Where icons are looked for: the team's own first, then Material's."""
    folders = [overrides_dir / ICONS_FOLDER]
    material = _material_icons()
    if material is not None:
        folders.append(material)
    return tuple(folders)


@cache
def _material_icons() -> Path | None:
    # Found without importing the theme: only its files are wanted.
    from importlib.util import find_spec

    spec = find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / ICONS_FOLDER
    return folder if folder.is_dir() else None


class Icons:
    """The icons of some folders, read once each."""

    def __init__(self, folders: tuple[Path, ...]):
        self.folders = folders
        self._read: dict[str, bytes | None] = {}

    def svg(self, name: str) -> bytes | None:
        """The SVG file of the icon ``name``, or None when no folder has it."""
        if name not in self._read:
            self._read[name] = self._find(name)
        return self._read[name]

    def unreadable(self, name: str) -> Message | None:
        """Why the icon ``name`` (which exists) cannot be drawn, or None when it can."""
        svg = self.svg(name)
        reason = _not_drawable(svg) if svg is not None else None
        if reason is None:
            return None
        return msg(
            'the icon "{name}" cannot be drawn: its file is not an SVG picture ({reason}): '
            "expected an SVG file with a viewBox, as Material's icons are",
            name=name,
            reason=reason,
        )

    def _find(self, name: str) -> bytes | None:
        # The name's shape keeps it inside the folders: no "..", no absolute path.
        if not re.fullmatch(ICON_NAME, name):
            return None
        for folder in self.folders:
            path = folder / f"{name}.svg"
            if path.is_file():
                try:
                    return path.read_bytes()
                except OSError:
                    return None
        return None

    def own_files(self) -> list[tuple[str, int, int]]:
        """The team's icon files as they are now (name, size, time of change): a preview
        server that keeps what it planned plans again when one changes. (Material's icons
        change only with the installed theme.)"""
        own = self.folders[0] if self.folders else None
        if own is None or not own.is_dir():
            return []
        return sorted(
            (path.relative_to(own).as_posix(), found.st_size, found.st_mtime_ns)
            for path in own.rglob("*.svg")
            for found in [path.stat()]
        )

    def unknown(self, name: str) -> Message:
        """Why ``name`` names no icon, with the closest name there is."""
        return msg(
            'there is no icon "{name}"{hint}: expected the name of an icon Material ships, '
            'such as "material/flash-alert" (the names are listed at '
            "https://pictogrammers.com/library/mdi/), or of an SVG file in overrides/.icons/",
            name=name,
            hint=self._hint(name),
        )

    def _hint(self, name: str) -> Message | str:
        icon_set, _, icon = name.rpartition("/")
        sets = self._sets()
        if icon_set not in sets:
            close = difflib.get_close_matches(icon_set, sets, n=1, cutoff=0.6)
            if not close:
                return ""
            icon_set = close[0]
            if self.svg(f"{icon_set}/{icon}") is not None:
                return msg(' (did you mean "{close}"?)', close=f"{icon_set}/{icon}")
        names = {
            path.stem
            for folder in self.folders
            for path in (folder / icon_set).glob("*.svg")
            if (folder / icon_set).is_dir()
        }
        close = difflib.get_close_matches(icon, names, n=1, cutoff=0.6)
        return msg(' (did you mean "{close}"?)', close=f"{icon_set}/{close[0]}") if close else ""

    def _sets(self) -> list[str]:
        """Every folder of icons, as a name begins (material, fontawesome/solid)."""
        found = set()
        for folder in self.folders:
            if folder.is_dir():
                found.update(
                    path.parent.relative_to(folder).as_posix() for path in folder.rglob("*.svg")
                )
        found.discard(".")
        return sorted(found)


def _not_drawable(svg: bytes) -> str | None:
    """What keeps CairoSVG from drawing ``svg`` at a size: not XML, not an <svg>, or no
    size of its own to scale from."""
    # defusedxml (which CairoSVG reads SVG with too): a hostile file cannot blow up.
    from defusedxml import ElementTree

    try:
        root = ElementTree.fromstring(svg)
    except Exception as error:  # what the XML parser raises varies with the damage
        return str(error) or type(error).__name__
    if not str(root.tag).endswith("svg"):
        return f"<{root.tag}>"
    if "viewBox" not in root.attrib and not ("width" in root.attrib and "height" in root.attrib):
        return "no viewBox"
    return None


def coloured(svg: bytes, colour: str) -> bytes:
    """The icon drawn in ``colour`` where it names no colour of its own (Material's icons
    name none: they are one black shape); ``currentColor`` means it too."""
    opening = re.search(rb"<svg\b[^>]*>", svg)
    if opening is None:
        return svg
    given = b"" if re.search(rb"\sfill\s*=", opening.group()) else b' fill="%s"' % colour.encode()
    start = opening.start() + len(b"<svg")
    return svg[:start] + given + b' color="%s"' % colour.encode() + svg[start:]


def draw_icon(context, svg: bytes, x: float, y: float, size: float, colour: str) -> bool:
    """The icon centred in the square ``size`` wide at (``x``, ``y``), as vector paths;
    False when the SVG cannot be read (drawn as nothing)."""
    from cairosvg.parser import Tree

    try:
        tree = Tree(bytestring=coloured(svg, colour))
    except Exception:  # a damaged file: what the XML and CSS parsers raise varies
        return False
    context.save()
    context.translate(x, y)
    placement = context.get_matrix()
    context.restore()
    try:
        _placed()(tree, context.get_target(), placement, size)
    except (ValueError, ZeroDivisionError):  # an SVG without a size
        return False
    return True


def load() -> None:
    """Load CairoSVG now (a quarter of a second): worker processes forked afterwards share
    it instead of each loading it for its first icon."""
    _placed()


@cache
def _placed():
    # CairoSVG is loaded only when an icon is drawn: planning the print files of a build
    # with nothing to draw does not pay for it.
    from cairosvg.surface import Surface

    class Placed(Surface):
        """CairoSVG drawing onto a surface already made (the poster's page), at a place
        and size on it, instead of making a surface of its own."""

        device_units_per_user_units = 1.0

        def __init__(self, tree, target, placement, size):
            self._target, self._placement, self._size = target, placement, size
            super().__init__(tree, None, 96)

        def _create_surface(self, width, height):
            return self._target, width, height

        def set_context_size(self, width, height, viewbox, tree):
            self.context.set_matrix(self._placement)
            scale = self._size / max(width, height)
            self.context.translate(
                (self._size - width * scale) / 2, (self._size - height * scale) / 2
            )
            self.context.scale(scale, scale)
            super().set_context_size(width, height, viewbox, tree)

    return Placed

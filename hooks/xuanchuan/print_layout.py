"""Print layouts as data: overrides/print/layouts.yml, checked against a schema."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Problem, SourceError
from .frontmatter import field_lines
from .schema import Choice, ListOf, Number, Option, Record, Report, Text

LAYOUT_FILE = Path("print") / "layouts.yml"
COLOUR = r"#[0-9a-fA-F]{6}"
COLOUR_NAMES = ("primary", "on_primary", "accent", "text", "muted", "paper")
FIELDS = (
    "headline",
    "subheadline",
    "organization",
    "organizer",
    "dates",
    "hotline",
    "address",
    "qr_caption",
    "type_label",
    "summary",
    "title",
    "points_heading",
    "contact_heading",
)
BLOCK_TYPES = ("rect", "text", "list", "lines", "image", "logo", "qr", "flow", "guides")


class _Colour(Text):
    expected = 'a colour name (primary, on_primary, accent, text, muted, paper) or "#rrggbb"'

    def validate(self, value, path, report):
        value = super().validate(value, path, report)
        if isinstance(value, str) and value not in COLOUR_NAMES and not _is_hex(value):
            report.add(path, f'"{value}" is not a colour: expected {self.expected}')
        return value


def _is_hex(value: str) -> bool:
    import re

    return re.fullmatch(COLOUR, value) is not None


_AREA = Record(
    {
        "x": Number(required=True),
        "y": Number(required=True),
        "w": Number(required=True, minimum=1),
        "h": Number(required=True, minimum=1),
    }
)


def _box(**extra: Option) -> Record:
    fields = {
        "type": Choice(BLOCK_TYPES, required=True),
        "x": Number(default=0),
        "y": Number(default=0),
        "w": Number(minimum=0),
        "h": Number(minimum=0),
        "size": Number(minimum=1),
        "when": Choice(("photo", "no_photo", "fold_guides")),
        "fill": _Colour(),
        "colour": _Colour(default="text"),
        "field": Choice(FIELDS + ("points",)),
        "fields": ListOf(Choice(FIELDS), min_items=1),
        "emphasis": Choice(FIELDS),
        "font": Choice(("regular", "bold"), default="regular"),
        "max_size": Number(minimum=1),
        "min_size": Number(minimum=1),
        "line_height": Number(minimum=0.8, default=1.25),
        "align": Choice(("left", "center", "right"), default="left"),
        "valign": Choice(("top", "middle", "bottom"), default="top"),
        "bullet_colour": _Colour(),
        # flow: the columns the body runs through, in reading order
        "columns": ListOf(_AREA, min_items=1),
        # guides: where the paper is folded
        "xs": ListOf(Number(minimum=0), min_items=1),
    }
    fields.update(extra)
    return Record(fields)


_PAGE = Record(
    {
        "width": Number(required=True, minimum=1),
        "height": Number(required=True, minimum=1),
        "unit": Choice(("mm", "px"), default="mm"),
    }
)
_LAYOUT = Record({"page": _PAGE, "blocks": ListOf(_box(), min_items=1, required=True)})
# A leaflet is printed on both sides: one list of blocks per side.
_SHEETS = Record(
    {
        "page": _PAGE,
        "pages": ListOf(
            Record({"blocks": ListOf(_box(), min_items=1, required=True)}),
            min_items=1,
            max_items=2,
            required=True,
        ),
    }
)
_COLOURS = Record({name: _Colour() for name in COLOUR_NAMES})
# "colours" is checked separately: its keys are campaign types, not fixed names.
SCHEMA = Record(
    {
        "fonts": Record({"regular": Text(required=True), "bold": Text(required=True)}),
        "poster-portrait": _LAYOUT,
        "poster-landscape": _LAYOUT,
        "share": _LAYOUT,
        "leaflet": _SHEETS,
    }
)


@dataclass(frozen=True)
class Layouts:
    colours: dict[str, dict[str, str]]
    fonts: dict[str, str]
    formats: dict[str, dict]
    source: str  # the file's text, part of every print file's cache key
    logo: bytes | None = None

    def colours_for(self, kind: str) -> dict[str, str]:
        return {**self.colours["default"], **self.colours.get(kind, {})}


def layout_sheets(layout: dict) -> list[list[dict]]:
    """The blocks of each printed side: a layout has ``blocks`` (one side) or ``pages``."""
    return [sheet["blocks"] for sheet in layout.get("pages") or [{"blocks": layout["blocks"]}]]


def load_layouts(overrides_dir: Path, project_dir: Path) -> Layouts:
    path = overrides_dir / LAYOUT_FILE
    shown = _shown(path, project_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise SourceError(
            Problem(shown, None, None, "not found: expected the print layouts file")
        ) from None
    import yaml

    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SourceError(
            Problem(shown, mark.line + 1 if mark else None, None, f"is not valid YAML: {error}")
        ) from None
    report = Report()
    colours = raw.get("colours") if isinstance(raw, dict) else None
    data = SCHEMA.validate(
        {k: v for k, v in (raw or {}).items() if k != "colours"} if isinstance(raw, dict) else raw,
        "",
        report,
    )
    checked_colours = {}
    if not isinstance(colours, dict) or "default" not in colours:
        report.add("colours", 'expected a "default" colour scheme and one per campaign type')
    else:
        for kind, scheme in colours.items():
            checked_colours[kind] = _COLOURS.validate(scheme, f"colours.{kind}", report)
    if report.issues:
        lines = field_lines(text)
        raise SourceError(
            [
                Problem(shown, lines.get(i.path) or _parent_line(lines, i.path), i.path, i.message)
                for i in report.issues
            ]
        )
    formats = {
        name: data[name]
        for name in ("poster-portrait", "poster-landscape", "share", "leaflet")
        if name in data
    }
    return Layouts(checked_colours, data["fonts"], formats, text)


def _parent_line(lines: dict[str, int], path: str) -> int | None:
    while path:
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
        if path in lines:
            return lines[path]
    return None


def _shown(path: Path, project_dir: Path) -> str:
    try:
        return path.relative_to(project_dir).as_posix()
    except ValueError:
        return path.as_posix()


def customise_layouts(layouts: Layouts, settings, project_dir: Path, cache_dir: Path) -> Layouts:
    """Apply the organisation's colours, logo and font files from mkdocs.yml."""
    from dataclasses import replace

    from .print_fonts import FontError, use_font_files

    colours = dict(layouts.colours)
    colours["default"] = {**colours["default"], **settings.colours}
    fonts = layouts.fonts
    if settings.fonts:
        try:
            fonts = use_font_files(
                {name: project_dir / path for name, path in settings.fonts.items()}, cache_dir
            )
        except FontError as error:
            raise SourceError(
                Problem("mkdocs.yml", None, "extra.xuanchuan.print.fonts", str(error))
            ) from None
    logo = None
    if settings.logo:
        from .images import check_image

        message = check_image(project_dir, settings.logo)
        if message:
            raise SourceError(Problem("mkdocs.yml", None, "extra.xuanchuan.print.logo", message))
        logo = (project_dir / settings.logo).read_bytes()
    return replace(layouts, colours=colours, fonts=fonts, logo=logo)

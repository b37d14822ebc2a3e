"""Print layouts as data: overrides/print/layouts.yml, checked against a schema.

A layout is a page size and, per printed side, a list of blocks. Blocks are typed: each
property is declared once, with its default, on ``Block``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..campaigns.poster_options import ICON_HELP, ICON_NAME
from ..core.declared import build, declare
from ..core.errors import Problem, SourceError, shown_path
from ..core.messages import msg
from ..core.schema import Choice, Nested, Number, Record, Report, Text, WholeNumber
from ..core.schema_lists import ListOf, MapOf
from ..core.settings import COLOUR_NAMES, HEX_COLOUR, POSTER_LAYOUTS
from ..core.yaml_reader import read_yaml
from .content import LISTS, TEXTS
from .formats.icons import Icons, icon_folders
from .layout_checks import check_margins, check_summary

LAYOUT_FILE = Path("print") / "layouts.yml"
BLOCK_TYPES = (
    "rect", "text", "list", "pictograms", "lines", "image", "logo", "qr", "flow", "guides",
    "index",
)  # fmt: skip
# The headline design keeps the names it had when it was the only one.
POSTER_FORMATS = {
    (layout, orientation): f"poster-{orientation}"
    if layout == "headline"
    else f"poster-{layout}-{orientation}"
    for layout in POSTER_LAYOUTS
    for orientation in ("portrait", "landscape")
}
FORMATS = (*POSTER_FORMATS.values(), "share", "leaflet", "summary", "board", "cards")
# "tint", a pale shade of the primary colour, suits the background of a box of text.
BLOCK_COLOURS = (*COLOUR_NAMES, "tint")


def poster_format(layout: str, size: str) -> str:
    """The layouts.yml entry of the poster design ``layout`` on paper ``size`` (A3,
    A4-landscape)."""
    return POSTER_FORMATS[(layout, "landscape" if size.endswith("landscape") else "portrait")]


class _Colour(Text):
    expected = msg(
        'a colour name (primary, on_primary, accent, text, muted, paper, tint) or "#rrggbb"'
    )
    names = BLOCK_COLOURS

    def validate(self, value, path, report):
        value = super().validate(value, path, report)
        if isinstance(value, str) and value not in self.names and not _is_hex(value):
            report.add(
                path,
                msg(
                    '"{value}" is not a colour: expected {expected}',
                    value=value,
                    expected=self.expected,
                ),
            )
        return value


def _is_hex(value: str) -> bool:
    import re

    return re.fullmatch(HEX_COLOUR, value) is not None


class _SchemeColour(_Colour):
    """A colour of a campaign type's scheme: a name, never "tint" (made from them)."""

    expected = msg('a colour name (primary, on_primary, accent, text, muted, paper) or "#rrggbb"')
    names = COLOUR_NAMES


# Ranges of a layout's numbers, so that no layout can make a drawing that never ends or
# fills the memory: lengths in the layout's unit (mm of its base paper, or px of a share
# image; larger paper is the base scaled up), text sizes in points.
LARGEST = 4000
LARGEST_TEXT = 600


@dataclass(frozen=True, kw_only=True)
class Area:
    x: float = declare(Number(required=True, minimum=-LARGEST, maximum=LARGEST))
    y: float = declare(Number(required=True, minimum=-LARGEST, maximum=LARGEST))
    w: float = declare(Number(required=True, minimum=1, maximum=LARGEST))
    h: float = declare(Number(required=True, minimum=1, maximum=LARGEST))


@dataclass(frozen=True, kw_only=True)
class Block:
    """One thing drawn on a printed side; the comment atop layouts.yml explains each type."""

    type: str = declare(Choice(BLOCK_TYPES, required=True))
    x: float = declare(Number(default=0, minimum=-LARGEST, maximum=LARGEST))
    y: float = declare(Number(default=0, minimum=-LARGEST, maximum=LARGEST))
    w: float | None = declare(Number(minimum=0, maximum=LARGEST))
    h: float | None = declare(Number(minimum=0, maximum=LARGEST))
    size: float | None = declare(Number(minimum=1, maximum=LARGEST))  # a QR code's side
    when: str | None = declare(Choice(("photo", "no_photo", "fold_guides")))
    fill: str = declare(_Colour(default="primary"))
    # rect: 1 opaque, less lets a photo show through (a band of colour under a headline).
    opacity: float = declare(Number(minimum=0, maximum=1, default=1))
    colour: str = declare(_Colour(default="text"))
    bullet_colour: str | None = declare(_Colour())
    field: str | None = declare(Choice(TEXTS + LISTS))
    fields: tuple[str, ...] = declare(ListOf(Choice(TEXTS), min_items=1))
    emphasis: str | None = declare(Choice(TEXTS))
    font: str = declare(Choice(("regular", "bold"), default="regular"))
    # Text shrinks from max_size to min_size (points) until it fits.
    max_size: float = declare(Number(minimum=1, maximum=LARGEST_TEXT, default=12))
    min_size: float = declare(Number(minimum=1, maximum=LARGEST_TEXT, default=8))
    line_height: float = declare(Number(minimum=0.8, maximum=4, default=1.25))
    align: str = declare(Choice(("left", "center", "right"), default="left"))
    valign: str = declare(Choice(("top", "middle", "bottom"), default="top"))
    # flow: the columns the body runs through, in reading order
    columns: tuple[Area, ...] = declare(ListOf(Nested(Area), min_items=1))
    # guides: where the paper is folded
    xs: tuple[float, ...] = declare(
        ListOf(Number(minimum=0, maximum=LARGEST), min_items=1, max_items=12)
    )
    # pictograms: a grid of cells, at most ``across`` a row, ``gap`` apart; in each the
    # point's icon ``icon_size`` wide, above or beside its text, on ``cell_fill`` if given.
    across: int = declare(WholeNumber(minimum=1, maximum=6, default=3))
    gap: float = declare(Number(minimum=0, maximum=LARGEST, default=4))
    icon: str = declare(Choice(("above", "beside"), default="above"))
    icon_size: float = declare(Number(minimum=1, maximum=LARGEST, default=24))
    icon_colour: str = declare(_Colour(default="primary"))
    cell_fill: str | None = declare(_Colour())


@dataclass(frozen=True, kw_only=True)
class PageSize:
    width: float = declare(Number(required=True, minimum=1, maximum=LARGEST))
    height: float = declare(Number(required=True, minimum=1, maximum=LARGEST))
    unit: str = declare(Choice(("mm", "px"), default="mm"))

    @property
    def point(self) -> float:
        """Layout units per typographic point (font sizes are written in points)."""
        return 25.4 / 72 if self.unit == "mm" else 1.0


@dataclass(frozen=True)
class Layout:
    page: PageSize
    sides: tuple[tuple[Block, ...], ...]  # one list of blocks per printed side

    def describe(self) -> dict:
        """Everything that shapes the drawing, as plain data for cache keys."""
        return asdict(self)

    def content_used(self) -> set[str]:
        """The content the layout draws: only a change to these renders a file again."""
        used = set()
        for block in (block for side in self.sides for block in side):
            used.update(block.fields)
            if block.field:
                used.add(block.field)
            if block.type == "image" or block.when in ("photo", "no_photo"):
                used.add("photo")
            if block.when == "fold_guides":
                used.add("fold_guides")
            used.update(_CONTENT_OF_TYPE.get(block.type, ()))
        return used


# Text and list blocks break lines between words, keeping the campaign's names whole.
_CONTENT_OF_TYPE = {
    "flow": ("body",),
    "qr": ("url",),
    "logo": ("logo",),
    "text": ("phrases",),
    "list": ("phrases",),
    "pictograms": ("phrases", "icons"),
}

_BLOCKS = ListOf(Nested(Block), min_items=1, required=True)
_PAGE = Nested(PageSize, required=True)
_LAYOUT = Record({"page": _PAGE, "blocks": _BLOCKS})
# A leaflet is printed on both sides: one list of blocks per side.
_SHEETS = Record(
    {
        "page": _PAGE,
        "pages": ListOf(Record({"blocks": _BLOCKS}), min_items=1, max_items=2, required=True),
    }
)
_COLOURS = Record({name: _SchemeColour() for name in COLOUR_NAMES})


@dataclass(frozen=True, kw_only=True)
class BannerLook:
    """A slogan banner: a strip of any length, so its look is given in shares of its height
    rather than as blocks on a page of fixed size."""

    fill: str = declare(_Colour(default="primary"))
    colour: str = declare(_Colour(default="on_primary"))
    font: str = declare(Choice(("regular", "bold"), default="bold"))
    # The characters' size: at most ``text`` of the height, at least ``min_text``.
    text: float = declare(Number(minimum=0.05, maximum=0.95, default=0.6))
    min_text: float = declare(Number(minimum=0.05, maximum=0.95, default=0.2))
    # Empty cloth at each end, and a stripe along the top and bottom edges (0: none).
    margin: float = declare(Number(minimum=0, maximum=5, default=0.5))
    band: str = declare(_Colour(default="accent"))
    band_height: float = declare(Number(minimum=0, maximum=0.2, default=0.05))

    def content_used(self) -> set[str]:
        """What a banner prints, as Layout.content_used says it: the slogan alone."""
        return {"slogan", "phrases"}


# "colours" is checked separately: its keys are campaign types, not fixed names.
SCHEMA = Record(
    {
        "fonts": Record({"regular": Text(required=True), "bold": Text(required=True)}),
        "fallback_fonts": ListOf(Text()),
        **{name: _LAYOUT for name in POSTER_FORMATS.values()},
        "share": _LAYOUT,
        "leaflet": _SHEETS,
        # The year-end summary: the first page, then every page after it.
        "summary": _SHEETS,
        # The icon of a key point that names none, on pictogram posters: by campaign type,
        # "default" for the others.
        "pictogram_icons": MapOf(Text(pattern=ICON_NAME, pattern_help=ICON_HELP)),
        "board": _LAYOUT,
        # A playing card: its face, then its back.
        "cards": Record(
            {
                "page": _PAGE,
                "pages": ListOf(
                    Record({"blocks": _BLOCKS}), min_items=2, max_items=2, required=True
                ),
            }
        ),
        "banner": Nested(BannerLook),
    }
)


@dataclass(frozen=True)
class Layouts:
    colours: dict[str, dict[str, str]]
    fonts: dict[str, str]
    formats: dict[str, Layout]
    source: str  # the file's text, part of every print file's cache key
    logo: bytes | None = None
    # Families for characters the fonts lack (Uyghur, Tibetan…), tried before any other.
    fallback: tuple[str, ...] = ()
    # The icon a pictogram poster gives a key point that names none, by campaign type.
    pictogram_icons: dict[str, str] = field(default_factory=dict)
    # Where icons are found: the team's overrides/.icons/, then Material's.
    icons: Icons = field(default_factory=lambda: Icons(()))
    # The slogan banner's look: a strip of any length has no page of fixed size.
    banner: BannerLook = BannerLook()

    def colours_for(self, kind: str) -> dict[str, str]:
        return {**self.colours["default"], **self.colours.get(kind, {})}

    def pictogram_icon(self, kind: str) -> str | None:
        return self.pictogram_icons.get(kind) or self.pictogram_icons.get("default")


def _layout(data: dict) -> Layout:
    sides = data.get("pages") or [{"blocks": data["blocks"]}]
    return Layout(
        build(PageSize, data["page"]),
        tuple(tuple(build(Block, block) for block in side["blocks"]) for side in sides),
    )


def load_layouts(overrides_dir: Path, project_dir: Path) -> Layouts:
    path = overrides_dir / LAYOUT_FILE
    shown = shown_path(path, project_dir)
    text, read = _read(path, shown)
    raw = read.value
    report = Report(written=read.written)
    data = SCHEMA.validate(
        {k: v for k, v in (raw or {}).items() if k != "colours"} if isinstance(raw, dict) else raw,
        "",
        report,
    )
    checked_colours = _colours(raw.get("colours") if isinstance(raw, dict) else None, report)
    icons = Icons(icon_folders(overrides_dir))
    pictogram_icons = data.get("pictogram_icons") or {} if isinstance(data, dict) else {}
    for kind, name in pictogram_icons.items():
        wrong = icons.unknown(name) if icons.svg(name) is None else icons.unreadable(name)
        if wrong is not None:
            report.add(f"pictogram_icons.{kind}", wrong)
    if isinstance(data, dict) and isinstance(data.get("summary"), dict):
        check_summary(data["summary"], report)
    formats = {}
    if not report.issues:
        formats = {name: _layout(data[name]) for name in FORMATS if name in data}
        for name, layout in formats.items():
            check_margins(name, layout, data[name], report)
    if report.issues:
        raise SourceError(report.problems(shown, read.lines))
    fallback = tuple(data.get("fallback_fonts") or ())
    return Layouts(
        checked_colours,
        data["fonts"],
        formats,
        text,
        fallback=fallback,
        pictogram_icons=pictogram_icons,
        icons=icons,
        banner=build(BannerLook, data.get("banner") or {}),
    )


def _read(path: Path, shown: str):
    """The layouts file's text and its fields as read (with their lines)."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise SourceError(
            Problem(shown, None, None, msg("not found: expected the print layouts file"))
        ) from None
    try:
        return text, read_yaml(text, shown)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise SourceError(
            Problem(
                shown,
                mark.line + 1 if mark else None,
                None,
                msg(
                    "is not valid YAML ({problem}): expected the layouts as in the file the "
                    "project came with",
                    problem=problem,
                ),
            )
        ) from None


def _colours(colours, report: Report) -> dict:
    """The colour schemes, by campaign type: a default one and any others."""
    if not isinstance(colours, dict) or "default" not in colours:
        report.add("colours", msg('expected a "default" colour scheme and one per campaign type'))
        return {}
    return {
        kind: _COLOURS.validate(scheme, f"colours.{kind}", report)
        for kind, scheme in colours.items()
    }


def customise_layouts(layouts: Layouts, settings, project_dir: Path, cache_dir: Path) -> Layouts:
    """Apply the organisation's colours, logo and font files from mkdocs.yml."""
    from dataclasses import replace

    from .text.fonts import FontError, use_font_files

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
                Problem("mkdocs.yml", None, "extra.xuanchuan.print.fonts", error.message)
            ) from None
    logo = None
    if settings.logo:
        from ..core.images import check_image

        message = check_image(project_dir, settings.logo)
        if message:
            raise SourceError(Problem("mkdocs.yml", None, "extra.xuanchuan.print.logo", message))
        logo = (project_dir / settings.logo).read_bytes()
    return replace(layouts, colours=colours, fonts=fonts, logo=logo)

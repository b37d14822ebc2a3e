"""Which print files each campaign gets, rendered in parallel and cached by content hash.

A print file is rendered again only when something that shapes it changed: its texts, the
photo, the layout file, the fonts or the versions of the drawing libraries. Otherwise it is
copied from the cache (``.cache/xuanchuan/print`` next to mkdocs.yml).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from ...campaigns.model import Campaign, CampaignSet
from ...core.disk_cache import intact_file
from ...core.errors import Problem
from ...core.log import log
from ...core.messages import msg
from ...core.print_files import (
    BANNER_PDF,
    BANNER_TILES_PDF,
    BOARD_PDF,
    CARDS_PDF,
    LEAFLET_PDF,
    POSTER_PDF,
    POSTER_PNG,
    POSTER_PNG_FULL,
    SHARE_PNG,
    PrintFile,
)
from ...core.strings import Translator
from ..content import PosterContent
from ..formats.on_request import (
    MoreFormats,
    more_outputs,
    shape_problems,
)
from ..layouts import Layouts, poster_format
from ..paper import paper_size
from ..resolution import photo_pixels, resolution_problems
from ..text.embeddable import print_fonts
from ..text.fonts import FontError
from ..text.unprintable import missing_character_problems, unprintable_characters
from .cache_keys import drawing_versions, print_key, print_style
from .campaign_content import campaign_content
from .render import DrawJob

# The banner at true size and tiled, the board, the deck on its paper: slug-banner-500x70-zh.pdf
MORE_FILE_NAMES = {
    BANNER_PDF.name: "banner-{size}",
    BANNER_TILES_PDF.name: "banner-{size}-tiled",
    BOARD_PDF.name: "board-{size}",
    CARDS_PDF.name: "cards-{size}",
}
# Printed by the print shop, these take the bleed; the tiled banner and the deck are
# printed on office paper, with marks of their own.
SHOP_KINDS = (BANNER_PDF.name, BOARD_PDF.name)

PNG_WIDTH = 1080
LEAFLET_PAPER = "A4-landscape"
SHARE_WIDTH = 1200


@dataclass(frozen=True)
class PrintChoices:
    """What the team chose to print (mkdocs.yml's ``print``, or print-pack's options).

    With a ``bleed`` (mm), the PDFs are the print shop's, with bleed and crop marks.
    ``poster_layouts`` gives campaign types their poster design; a campaign's own
    ``poster.layout`` wins over it. ``more``: the banners, boards and card decks asked for
    (formats/on_request.py)."""

    sizes: tuple[str, ...] = ("A4",)
    full_resolution: bool = False
    leaflets: bool = True
    bleed: float = 0.0
    poster_layouts: dict[str, str] | None = None
    more: MoreFormats | None = None


def plan_print_files(
    campaigns: CampaignSet,
    *,
    translators: dict[str, Translator],
    layouts: Layouts,
    qr_address,
    cache_dir: Path,
    choices: PrintChoices = PrintChoices(),
) -> tuple[list[tuple[PrintFile, DrawJob | None]], list[Problem]]:
    """Every print file of every campaign and language; a job for those not cached."""
    choices = replace(choices, more=choices.more or MoreFormats())
    problems: list[Problem] = shape_problems(choices.more, layouts)
    if problems:
        return [], problems
    try:
        fonts = print_fonts(layouts.fonts)
    except FontError as error:
        return [], [Problem("overrides/print/layouts.yml", None, "fonts", error.message)]
    run = _PrintRun.of(layouts, fonts, cache_dir, choices)
    planned: list[tuple[PrintFile, DrawJob | None]] = []
    unprintable, coarse, headline_instead = [], set(), set()
    # The translators come in the order of the settings: the default language's first.
    default_code = next(iter(translators))
    for slug, versions_by_language in sorted(campaigns.campaigns.items()):
        for code, campaign in versions_by_language.items():
            default = versions_by_language.get(default_code, campaign)
            plan = _remembered_plan(run, campaign, default, translators[code], qr_address)
            unprintable.extend(plan.unprintable)
            problems.extend(plan.problems)
            coarse.update(plan.coarse)
            if plan.headline_instead:
                headline_instead.add(slug)
            for print_file, job in plan.files:
                # Whether a file is drawn and whole is asked afresh: the cache may have lost it.
                planned.append((print_file, job if not intact_file(Path(job.target)) else None))
    if headline_instead:
        log.info(
            msg(
                "Posters: {slugs}: the photo design mkdocs.yml gives their type needs a photo "
                "(poster.image); without one they get the headline design",
                slugs=", ".join(sorted(headline_instead)),
            )
        )
    # A problem of the default language's file is found once per language, and so is a
    # photo too coarse for its paper.
    problems = sorted(set(problems))
    return planned, problems + missing_character_problems(unprintable) + sorted(coarse)


def _remembered_plan(run: _PrintRun, campaign, default, t, qr_address) -> _CampaignPlan:
    """The campaign's plan, kept from the last run when neither it nor the run changed."""
    url = qr_address(campaign)
    key = (campaign.slug, campaign.language)
    remembered = _PLANNED.get(key)
    if (
        remembered is not None
        and remembered.campaign is campaign
        and remembered.default is default
        and remembered.context == (url, run.settings_key)
    ):
        return remembered.plan
    plan = _plan_campaign(run, campaign, default, t, url)
    if len(_PLANNED) >= _MAX_PLANNED:
        _PLANNED.clear()
    _PLANNED[key] = _Planned(campaign, default, (url, run.settings_key), plan)
    return plan


@dataclass(frozen=True)
class _CampaignPlan:
    """The print files of one campaign in one language, each with its job; or what stops
    them (characters no font has, unknown icons)."""

    files: list
    unprintable: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    # A photo design chosen for the type, and no photo: the headline design is printed.
    headline_instead: bool = False
    # Warnings, not in the way of the files: print files the photo is too coarse for.
    coarse: list = field(default_factory=list)


# A preview server plans every print file again on each save; a campaign that did not
# change (the loader gives back the very same object) is planned as before.
@dataclass(frozen=True)
class _Planned:
    campaign: Campaign
    default: Campaign
    context: tuple
    plan: _CampaignPlan


_PLANNED: dict[tuple[str, str], _Planned] = {}
_MAX_PLANNED = 8192


@dataclass(frozen=True)
class _PrintRun:
    """What every campaign's print files are planned with, the same for the whole run."""

    layouts: Layouts
    fonts: dict
    style: dict
    cache_dir: Path
    versions: dict
    used_fields: dict  # by layout: the content fields it shows
    described_layouts: dict  # by layout: as its cache keys describe it
    choices: PrintChoices
    settings_key: str  # all of the above, as a remembered plan's context

    @classmethod
    def of(cls, layouts: Layouts, fonts: dict, cache_dir: Path, choices: PrintChoices):
        style = print_style(fonts, layouts)
        versions = drawing_versions()
        settings_key = json.dumps(
            [
                layouts.source,
                sorted(layouts.fonts.items()),
                list(layouts.fallback),
                layouts.colours,
                hashlib.sha256(layouts.logo).hexdigest() if layouts.logo else None,
                style,
                versions,
                str(cache_dir),
                layouts.icons.own_files(),
                choices,
            ],
            sort_keys=True,
            default=str,
        )
        return cls(
            layouts,
            fonts,
            style,
            cache_dir,
            versions,
            used_fields={shape: lay.content_used() for shape, lay in layouts.formats.items()},
            # Described once per layout: describing one for each of thousands of files was slow.
            described_layouts={shape: lay.describe() for shape, lay in layouts.formats.items()},
            choices=choices,
            settings_key=settings_key,
        )

    def key(self, layout, colours, content, *made_as) -> str:
        """The key of a file drawn with ``layout`` in ``colours``, showing ``content``, made
        as (output, paper size, width in pixels, bleed)."""
        return print_key(self.versions, layout, self.style, colours, content, *made_as)


def _plan_campaign(run: _PrintRun, campaign, default, t, url) -> _CampaignPlan:
    """The print files of one campaign in one language, each with the job that draws it
    (whether it needs drawing is for the caller to ask); or what cannot be printed. And
    the print files the photo is too coarse for."""
    layouts = run.layouts
    content = replace(campaign_content(campaign, t, url, run.cache_dir), logo=layouts.logo)
    checked = unprintable_characters(campaign, default, content, run.fonts, run.cache_dir / "fonts")
    if checked.unprintable:
        return _CampaignPlan([], list(checked.unprintable))
    icons, problems = point_icons(campaign, default, layouts)
    design, headline_instead = _design(campaign, content, run.choices.poster_layouts or {})
    chosen = (
        campaign.poster.sizes if campaign.poster and campaign.poster.sizes else run.choices.sizes
    )
    for size in chosen:
        shape = poster_format(design, size)
        if shape not in layouts.formats:
            problems.append(_missing_layout(shape, design))
    if problems:
        return _CampaignPlan([], problems=problems)
    content = replace(content, icons=icons)
    described = _described(content, icons, layouts, checked.fallback_identity)
    files = _poster_files(run, campaign, content, described, _outputs(run, design, chosen))
    files += _more_files(run, campaign, content, described, t)
    coarse = []
    if content.photo:
        coarse = resolution_problems(campaign, default, files, photo_pixels(content.photo))
    return _CampaignPlan(files, headline_instead=headline_instead, coarse=coarse)


def _described(content: PosterContent, icons, layouts: Layouts, fallback_fonts) -> dict:
    """What a print file shows, as its cache key describes it."""
    # The photo's bytes and where its subject is shape every crop of it.
    photo_hash = (
        [hashlib.sha256(content.photo).hexdigest(), list(content.photo.focus)]
        if content.photo
        else None
    )
    return {
        **content.as_dict(),
        "photo": photo_hash,
        "logo": hashlib.sha256(layouts.logo).hexdigest() if layouts.logo else None,
        # An icon is drawn from its file: its bytes (sha256) shape the poster.
        "icons": [hashlib.sha256(svg).hexdigest() if svg else None for svg in icons],
        # Where a picture lies is no part of the look; its bytes (sha256) are.
        "body": [{k: v for k, v in b.items() if k != "src"} for b in content.body],
        # Text in other fonts than the layout's depends on every installed font.
        "fallback_fonts": fallback_fonts,
    }


def _outputs(run: _PrintRun, design: str, chosen) -> list[tuple]:
    """(kind, size, layout, width in pixels) of each poster, picture and leaflet."""
    outputs = []
    for size in chosen:
        shape = poster_format(design, size)
        outputs.append((POSTER_PDF, size, shape, 0))
        if run.choices.full_resolution:
            width = round(paper_size(size)[0] / 25.4 * 300)
            outputs.append((POSTER_PNG_FULL, size, shape, width))
    outputs.append((POSTER_PNG, "", poster_format(design, chosen[0]), PNG_WIDTH))
    outputs.append((SHARE_PNG, "", "share", SHARE_WIDTH))
    if run.choices.leaflets and "leaflet" in run.layouts.formats:
        outputs.append((LEAFLET_PDF, LEAFLET_PAPER, "leaflet", 0))
    return outputs


def _poster_files(run: _PrintRun, campaign, content, described, outputs) -> list:
    slug, code = campaign.slug, campaign.language
    colours = run.layouts.colours_for(campaign.type)
    style = {**run.style, "colours": colours}
    files = []
    for kind, size, shape, width in outputs:
        output = kind.output
        # Only PDFs go to the print shop; pictures for screens have no bleed.
        edge = run.choices.bleed if output == "pdf" else 0.0
        shown = {
            k: v
            for k, v in described.items()
            if k in run.used_fields[shape] or k in ("language", "fallback_fonts")
        }
        key = run.key(run.described_layouts[shape], colours, shown, output, size, width, edge)
        target = run.cache_dir / f"{key}.{output}"
        name = _file_name(slug, code, kind.name, size, output, edge)
        job = DrawJob(key, run.layouts.formats[shape], style, content.as_dict(), output, size,
                   width, str(target), edge)  # fmt: skip
        files.append((PrintFile(slug, code, kind.name, size, name, target, 0), job))
    return files


def _more_files(run: _PrintRun, campaign, content, described, t) -> list:
    """The banners, boards and card decks asked for."""
    slug, code = campaign.slug, campaign.language
    colours = run.layouts.colours_for(campaign.type)
    style = {**run.style, "colours": colours}
    files = []
    for extra in more_outputs(run.choices.more, campaign, content, run.layouts, t):
        edge = run.choices.bleed if extra.kind.name in SHOP_KINDS else 0.0
        shown = {k: v for k, v in described.items() if k in extra.uses or k in _ALWAYS_SHOWN}
        key = run.key(extra.describe(), colours, shown, "pdf", extra.size, 0, edge)
        target = run.cache_dir / f"{key}.pdf"
        name = _file_name(slug, code, extra.kind.name, extra.size, "pdf", edge)
        job = DrawJob(key, extra.layout, style, content.as_dict(), "pdf", extra.size, 0,
                   str(target), edge, extra.drawer, extra.options)  # fmt: skip
        files.append((PrintFile(slug, code, extra.kind.name, extra.size, name, target, 0), job))
    return files


# Every print file depends on these, whatever it prints.
_ALWAYS_SHOWN = ("language", "fallback_fonts", "phrases")


def _design(campaign: Campaign, content: PosterContent, by_type: dict) -> tuple[str, bool]:
    """The poster design of ``campaign``: its own, else its type's, else the headline
    design; and whether a type's photo design gave way for want of a photo."""
    own = campaign.poster.layout if campaign.poster else None
    if own:
        return own, False  # a photo design without a photo is an error where it is asked
    chosen = by_type.get(campaign.type, "headline")
    if chosen == "photo" and not content.photo:
        return "headline", True
    return chosen, False


def point_icons(
    campaign: Campaign, default: Campaign, layouts: Layouts
) -> tuple[tuple[bytes | None, ...], list[Problem]]:
    """Each key point's icon as drawn on a pictogram poster: the one it names, else the
    one layouts.yml gives the campaign type; and a problem for each name no icon has."""
    poster = campaign.poster
    if not poster or not poster.points:
        return (), []
    fallback = layouts.pictogram_icon(campaign.type)
    fallback_svg = layouts.icons.svg(fallback) if fallback else None
    icons, problems = [], []
    names = poster.icons or (None,) * len(poster.points)
    for number, name in enumerate(names, start=1):
        if name is None:
            icons.append(fallback_svg)
            continue
        svg = layouts.icons.svg(name)
        wrong = layouts.icons.unknown(name) if svg is None else layouts.icons.unreadable(name)
        if wrong is not None:
            problems.append(_icon_problem(campaign, default, number, wrong))
        icons.append(svg)
    return tuple(icons), problems


def _icon_problem(campaign: Campaign, default: Campaign, number: int, message) -> Problem:
    """An icon is named in the default language's file (a translation only repeats it)."""
    path = f"poster.points[{number}].icon"
    for owner in (default, campaign):
        if owner.positions.wrote(path):
            return Problem(str(owner.source), owner.positions.line_of(path), path, message)
    return Problem(str(campaign.source), None, path, message)


def _missing_layout(shape: str, design: str) -> Problem:
    return Problem(
        "overrides/print/layouts.yml",
        None,
        shape,
        msg(
            'is missing: expected the layout of the "{design}" poster design, which a campaign '
            "asks for (the project's own layouts.yml has one to copy)",
            design=design,
        ),
    )


def _file_name(slug: str, code: str, kind: str, size: str, output: str, bleed: float) -> str:
    # A print-shop PDF says its bleed in its name: it never takes the place of the plain one.
    shop = [f"bleed{bleed:g}mm"] if bleed else []
    if kind in MORE_FILE_NAMES:
        return "-".join([slug, MORE_FILE_NAMES[kind].format(size=size), *shop, code]) + f".{output}"
    if kind == LEAFLET_PDF.name:
        return "-".join([slug, "leaflet", *shop, code]) + f".{output}"
    what = "share" if kind == SHARE_PNG.name else "poster"
    full = ["300dpi"] if kind == POSTER_PNG_FULL.name else []
    parts = [slug, what] + ([size] if size else []) + full + shop
    return "-".join(parts + [code]) + f".{output}"

"""Which print files each campaign gets, rendered in parallel and cached by content hash.

A print file is rendered again only when something that shapes it changed: its texts, the
photo, the layout file, the fonts or the versions of the drawing libraries. Otherwise it is
copied from the cache (``.cache/xuanchuan/print`` next to mkdocs.yml).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

from ...campaigns.model import Campaign, CampaignSet
from ...campaigns.sections import select_sections
from ...core.disk_cache import intact_file, store_file
from ...core.errors import Problem
from ...core.formatting import format_day, format_range, type_label
from ...core.log import log
from ...core.messages import msg
from ...core.print_files import (
    BANNER_PDF,
    BANNER_TILES_PDF,
    BOARD_PDF,
    CARDS_PDF,
    KINDS,
    LEAFLET_PDF,
    POSTER_PDF,
    POSTER_PNG,
    POSTER_PNG_FULL,
    SHARE_PNG,
    PrintFile,
    PrintResult,
)
from ...core.strings import Translator
from ...core.workers import worker_pool
from ..content import LISTS, SOURCES, TEXTS, Photo, PosterContent
from ..formats.icons import load as load_icons
from ..formats.on_request import (
    MORE_KINDS,
    MoreFormats,
    draw_more,
    more_content,
    more_outputs,
    more_problem,
    shape_problems,
)
from ..layouts import Layout, Layouts, poster_format
from ..paper import paper_size
from ..resolution import photo_pixels, resolution_problems
from ..text.characters import printable_text
from ..text.embeddable import print_fonts
from ..text.fonts import FontError
from ..text.pango import load as load_text_engine
from ..text.unprintable import missing_character_problems, unprintable_characters
from ..text.words import prepare as prepare_words

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

# Raise when the drawing code changes in a way that changes its output.
ENGINE_VERSION = "9"
PNG_WIDTH = 1080
LEAFLET_PAPER = "A4-landscape"
SHARE_WIDTH = 1200
# Bounds of one print file's drawing: the largest board or banner at print resolution
# takes a few hundred MB and well under a minute; far beyond is a mistake, told as one.
WORKER_MEMORY = 4 * 1024**3
RENDER_SECONDS = 300


@dataclass(frozen=True)
class _Job:
    key: str
    layout: Layout
    style: dict
    content: dict
    output: str  # "pdf" or "png"
    paper: str
    width: int
    target: str  # cache file path
    bleed: float = 0.0  # mm round a PDF for the print shop; 0 for none
    # What draws it: "poster" (posters, share images, leaflets), else formats.draw_more's.
    drawer: str = "poster"
    options: dict | None = None


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
) -> tuple[list[tuple[PrintFile, _Job | None]], list[Problem]]:
    """Every print file of every campaign and language; a job for those not cached."""
    choices = replace(choices, more=choices.more or MoreFormats())
    problems: list[Problem] = shape_problems(choices.more, layouts)
    if problems:
        return [], problems
    try:
        fonts = print_fonts(layouts.fonts)
    except FontError as error:
        return [], [Problem("overrides/print/layouts.yml", None, "fonts", error.message)]
    style = print_style(fonts, layouts)
    versions = drawing_versions()
    used_fields = {shape: layout.content_used() for shape, layout in layouts.formats.items()}
    # Described once per layout: describing one for each of thousands of files was slow.
    described_layouts = {shape: layout.describe() for shape, layout in layouts.formats.items()}
    planned: list[tuple[PrintFile, _Job | None]] = []
    unprintable = []
    coarse = set()
    settings_key = json.dumps(
        [
            layouts.source,
            sorted(layouts.fonts.items()),
            list(layouts.fallback),
            layouts.colours,
            hashlib.sha256(layouts.logo).hexdigest() if layouts.logo else None,
            style,
            versions,
            list(choices.sizes),
            choices.full_resolution,
            choices.leaflets,
            str(cache_dir),
            choices.bleed,
            choices.poster_layouts,
            layouts.icons.own_files(),
            choices.more,
        ],
        sort_keys=True,
        default=str,
    )
    run = _PrintRun(
        layouts, fonts, style, cache_dir, versions, used_fields, described_layouts, choices
    )
    headline_instead: set[str] = set()
    # The translators come in the order of the settings: the default language's first.
    default_code = next(iter(translators))
    for slug, versions_by_language in sorted(campaigns.campaigns.items()):
        for code, campaign in versions_by_language.items():
            t = translators[code]
            url = qr_address(campaign)
            default = versions_by_language.get(default_code, campaign)
            remembered = _PLANNED.get((slug, code))
            if (
                remembered is not None
                and remembered.campaign is campaign
                and remembered.default is default
                and remembered.context == (url, settings_key)
            ):
                plan = remembered.plan
            else:
                plan = _plan_campaign(run, campaign, default, t, url)
                if len(_PLANNED) >= _MAX_PLANNED:
                    _PLANNED.clear()
                _PLANNED[(slug, code)] = _Planned(campaign, default, (url, settings_key), plan)
            files = plan.files
            unprintable.extend(plan.unprintable)
            problems.extend(plan.problems)
            coarse.update(plan.coarse)
            if plan.headline_instead:
                headline_instead.add(slug)
            for print_file, job in files:
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


def print_style(fonts: dict, layouts: Layouts) -> dict:
    """The fonts every print file is drawn with, as plain data (for workers and cache keys)."""
    return {
        "fonts": {name: (font.family, font.bold) for name, font in fonts.items()},
        "font_files": sorted(font.identity for font in fonts.values()),
        "fallback": list(layouts.fallback),
    }


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

    def key(self, layout, colours, content, *made_as) -> str:
        """The key of a file drawn with ``layout`` in ``colours``, showing ``content``, made
        as (output, paper size, width in pixels, bleed)."""
        return _key(self.versions, layout, self.style, colours, content, *made_as)


def _plan_campaign(run: _PrintRun, campaign, default, t, url) -> _CampaignPlan:
    """The print files of one campaign in one language, each with the job that draws it
    (whether it needs drawing is for the caller to ask); or what cannot be printed. And
    the print files the photo is too coarse for."""
    layouts = run.layouts
    content = replace(_content(campaign, t, url, run.cache_dir), logo=layouts.logo)
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
        job = _Job(key, run.layouts.formats[shape], style, content.as_dict(), output, size,
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
        job = _Job(key, extra.layout, style, content.as_dict(), "pdf", extra.size, 0,
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


def render_print_files(planned, campaigns: CampaignSet, workers: int | None = None) -> PrintResult:
    """Render what is not cached, in parallel, and collect every file and problem."""
    started = time.monotonic()
    result = PrintResult()
    jobs = {job.key: job for _, job in planned if job is not None}
    failures: dict[str, str] = {}
    if jobs:
        Path(next(iter(jobs.values())).target).parent.mkdir(parents=True, exist_ok=True)
        total = len(jobs)
        log.info(
            msg("Print files: rendering {total} (the rest are unchanged and reused)", total=total)
        )
        # Loaded once here, so that every worker forked below shares the dictionary and
        # Pango's declarations.
        prepare_words()
        load_text_engine()
        if any("icons" in job.layout.content_used() for job in jobs.values()):
            load_icons()
        workers = workers or min(os.cpu_count() or 1, total)
        done = 0
        step = max(1, total // 10)
        if workers > 1:
            with worker_pool(workers, memory_bytes=WORKER_MEMORY) as pool:
                outcomes = pool.map(_render, jobs.values(), chunksize=1)
                try:
                    for key, error in outcomes:
                        done += 1
                        if error:
                            failures[key] = error
                        if done % step == 0 or done == total:
                            log.info(msg("Print files: {done}/{total}", done=done, total=total))
                except BrokenProcessPool:
                    # A worker killed from outside (the system's out-of-memory killer): the
                    # files not drawn are named, none is trusted half made.
                    for key in jobs:
                        if key not in failures and not intact_file(Path(jobs[key].target)):
                            failures[key] = "\t" + str(msg("the drawing process was stopped"))
        else:
            for job in jobs.values():
                key, error = _render(job)
                done += 1
                if error:
                    failures[key] = error
    for print_file, job in planned:
        key = job.key if job else print_file.path.stem
        if key in failures:
            field_name, message = failures[key].split("\t", 1)
            campaign = campaigns.campaigns[print_file.slug][print_file.language]
            result.problems.append(_overflow_problem(campaign, print_file, field_name, message))
            continue
        if job is None:
            result.reused += 1
        sized = replace(print_file, bytes=print_file.path.stat().st_size)
        result.files.setdefault((print_file.slug, print_file.language), []).append(sized)
    result.rendered = len({job.key for _, job in planned if job and job.key not in failures})
    result.seconds = time.monotonic() - started
    # One problem per campaign file and field is enough, whatever the number of sizes.
    result.problems = sorted(set(result.problems))
    return result


def _render(job: _Job) -> tuple[str, str | None]:
    """Runs in a worker process: draw one file into the cache, atomically."""
    from ..drawing import Overflow, Style

    style = Style(
        job.style["colours"],
        {k: tuple(v) for k, v in job.style["fonts"].items()},
        tuple(job.style["fallback"]),
    )
    content = PosterContent(
        **{
            **job.content,
            "points": tuple(job.content["points"]),
            "icons": tuple(job.content["icons"]),
            "tips": tuple(job.content["tips"]),
            "body": tuple(job.content["body"]),
        }
    )
    try:
        with _time_limit(RENDER_SECONDS):
            data = _draw(job, style, content)
    except Overflow as error:
        return job.key, f"{error.field}\t{error}"
    except MemoryError:
        return job.key, "\t" + str(msg("drawing it needs more memory than a print file may use"))
    except Exception as error:  # whatever broke, it is told with the campaign and file
        return job.key, "\t" + str(
            msg("could not be drawn: {error}", error=f"{type(error).__name__}: {error}")
        )
    if not complete_file(data, job.output):
        return job.key, "\t" + str(msg("the drawing was cut short; build again"))
    store_file(Path(job.target), data)
    return job.key, None


def _draw(job: _Job, style, content) -> bytes:
    from ..formats.poster import render_pdf, render_png

    if job.drawer != "poster":
        return draw_more(job.drawer, job.layout, style, content, job.paper, job.options, job.bleed)
    if job.output == "pdf":
        return render_pdf(job.layout, style, content, job.paper, job.bleed)
    return render_png(job.layout, style, content, job.width)


@contextlib.contextmanager
def _time_limit(seconds: int):
    """A drawing stopped (TimeoutError) after ``seconds``. Signals reach the main thread
    only: a preview draws a lone file in its rebuild's thread, without the bound (a
    worker process, where builds draw, always runs it in its main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _too_long)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _too_long(signum, frame):
    raise TimeoutError(str(msg("drawing took longer than {seconds} s", seconds=RENDER_SECONDS)))


def complete_file(data: bytes, output: str) -> bool:
    """Whether ``data`` is a whole PDF or PNG: what an interrupted drawing leaves is not."""
    if output == "pdf":
        return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    if output == "png":
        return data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")
    return bool(data)


def _content(campaign: Campaign, t: Translator, url: str | None, cache_dir: Path | None = None):
    poster = campaign.poster
    photo = Photo(poster.image.read_bytes(), poster.focus) if poster and poster.image else None
    content = PosterContent(
        title=campaign.title,
        body=tuple(leaflet_blocks(campaign, t, cache_dir)),
        points_heading=t("leaflet.points_heading"),
        contact_heading=t("leaflet.contact_heading"),
        fold_guides=campaign.leaflet.fold_guides,
        kind=campaign.type,
        language=campaign.language,
        headline=campaign.headline,
        subheadline=campaign.subheadline,
        points=poster.points if poster and poster.points else (),
        organization=campaign.organizer or "",
        organizer="",
        dates=format_range(campaign.start, campaign.end, t),
        hotline=t("poster.hotline", hotline=campaign.contact.hotline)
        if campaign.contact.hotline
        else "",
        address=campaign.contact.address or "",
        qr_caption=t("poster.qr_caption") if url else "",
        type_label=type_label(campaign.type, t),
        summary=campaign.summary,
        url=url or "",
        photo=photo,
        phrases=_names(campaign, t),
        **more_content(campaign, t),
    )
    return _as_printed(content)


def _names(campaign: Campaign, t: Translator) -> tuple[str, ...]:
    """The campaign's own names, the name of its type (安全生产月 is one term, though jieba
    cuts it in three) and the phrases it keeps: a line never breaks inside them."""
    kept = campaign.poster.keep if campaign.poster else ()
    names = [*campaign.places, campaign.organizer or "", type_label(campaign.type, t), *kept]
    names += [activity.place or "" for activity in campaign.activities]
    return tuple(sorted({printable_text(name) for name in names if name}))


def _as_printed(content: PosterContent) -> PosterContent:
    """Every text of ``content`` as print sets it (characters.printable_text); the leaflet's
    body is set so when it is read (flow.py)."""
    texts = {name: printable_text(content.text_of(name)) for name in TEXTS}
    lists = {name: tuple(printable_text(item) for item in getattr(content, name)) for name in LISTS}
    return replace(content, **texts, **lists)


def leaflet_blocks(campaign: Campaign, t: Translator, cache_dir: Path | None = None) -> list[dict]:
    """The leaflet's inside: the chosen sections of the body, then the schedule."""
    from ..text.flow import body_blocks

    body = campaign.body
    if campaign.leaflet.sections:
        body = select_sections(body, campaign.leaflet.sections)
    blocks = body_blocks(body, campaign.folder, cache_dir and cache_dir / "bodies")
    for block in blocks:
        if block["kind"] == "img":
            # The picture's bytes shape the leaflet: their hash joins the cache key.
            block["sha256"] = hashlib.sha256(Path(block["src"]).read_bytes()).hexdigest()
    if campaign.activities:
        blocks.append({"kind": "h2", "text": t("label.schedule")})
        for activity in campaign.activities:
            text = printable_text(activity.schedule_line(format_day(activity.date, t)))
            blocks.append({"kind": "li", "text": text, "marker": "•"})
    return blocks


def _overflow_problem(campaign: Campaign, print_file: PrintFile, field_name, message) -> Problem:
    if not field_name:  # not a text too long: the drawing itself failed
        return Problem(
            str(campaign.source),
            None,
            None,
            msg("{file} was not made: {reason}", file=print_file.name, reason=message),
        )
    if print_file.kind in MORE_KINDS:
        return more_problem(campaign, print_file.kind, print_file.size, field_name, message)
    what = KINDS[print_file.kind].what
    if print_file.kind == LEAFLET_PDF.name and field_name == "body":
        return Problem(
            str(campaign.source),
            None,
            "leaflet",
            msg(
                "the page text does not fit on the leaflet: it {overflow}: choose fewer "
                "sections with leaflet.sections, or shorten the text (nothing is cut off "
                "silently)",
                overflow=message,
            ),
        )
    if print_file.size and print_file.kind != LEAFLET_PDF.name:
        item = msg("the {size} {what}", size=print_file.size, what=what)
    else:
        item = msg("the {what}", what=what)
    path = SOURCES.get(field_name, field_name)
    return Problem(
        str(campaign.source),
        None,
        path,
        msg(
            "does not fit on {item}: it {overflow}; shorten it (nothing is cut off silently)",
            item=item,
            overflow=message,
        ),
    )


def _key(*described_as) -> str:
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

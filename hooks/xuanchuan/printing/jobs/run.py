"""Print a set of campaigns: load the layouts, plan every file, render what is not cached.

Shared by the site build and the print-pack command, so both hold the same files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ...campaigns.model import CampaignSet
from ...core.disk_cache import CACHE_DIR
from ...core.errors import Problem, SourceError
from ...core.links import address
from ...core.log import log
from ...core.messages import msg
from ...core.print_files import PrintResult
from ...core.project import Project
from ...core.short_links import ShortLinks, short_path
from ..formats.on_request import MoreFormats
from ..layouts import Layouts, customise_layouts, load_layouts
from .plan import PrintChoices, plan_print_files
from .render import render_print_files
from .summary_jobs import SummaryRequest, print_summaries


@dataclass
class PrintRun:
    result: PrintResult
    problems: list[Problem]
    layouts: Layouts | None


@dataclass
class PrintPlan:
    planned: list  # (PrintFile, job or None when cached), as plan_print_files gives them
    problems: list[Problem]
    layouts: Layouts | None  # None when the layouts could not be read (see problems)


@dataclass(frozen=True)
class PrintRequest:
    """What a command asks to print instead of mkdocs.yml's print settings (None: as the
    setting says): poster sizes, leaflets or not, the banners, boards and decks to make,
    and the print shop's bleed in mm."""

    sizes: tuple[str, ...] | None = None
    leaflets: bool | None = None
    formats: tuple[str, ...] | None = None
    bleed: float | None = None


def print_campaigns(
    campaigns: CampaignSet, project: Project, request: PrintRequest = PrintRequest()
) -> PrintRun:
    plan = plan_campaigns(campaigns, project, request)
    if plan.layouts is None:
        return PrintRun(PrintResult(), plan.problems, None)
    result = render_print_files(plan.planned, campaigns)
    return PrintRun(result, plan.problems + result.problems, plan.layouts)


def plan_campaigns(
    campaigns: CampaignSet,
    project: Project,
    request: PrintRequest = PrintRequest(),
    cache_dir: Path | None = None,
) -> PrintPlan:
    """Every print file of ``campaigns``, with a job for each one not in ``cache_dir`` (by
    default the project's own print cache)."""
    settings = project.settings
    sizes, leaflets, bleed = request.sizes, request.leaflets, request.bleed
    cache_dir = cache_dir or project.project_dir / CACHE_DIR / "print"
    try:
        layouts = load_layouts(project.overrides_dir, project.project_dir)
        layouts = customise_layouts(layouts, settings.print, project.project_dir, cache_dir)
    except SourceError as error:
        return PrintPlan([], list(error.problems), None)

    def campaign_address(campaign):
        return qr_address(project, campaign.page_key, campaign.language)

    planned, problems = plan_print_files(
        campaigns,
        translators={
            language.code: settings.translator(language.code)
            for language in settings.languages
        },
        layouts=layouts,
        qr_address=campaign_address,
        cache_dir=cache_dir,
        choices=PrintChoices(
            sizes=sizes or settings.print.poster_sizes,
            full_resolution=settings.print.full_resolution_png,
            leaflets=settings.print.leaflets if leaflets is None else leaflets,
            bleed=float(settings.print.bleed if bleed is None else bleed),
            poster_layouts=settings.print.poster_layouts,
            more=MoreFormats.of(settings.print, request.formats),
        ),
    )
    return PrintPlan(planned, problems, layouts)


def qr_address(project: Project, key: str, language: str) -> str | None:
    """What the QR codes printed for the page ``key`` in ``language`` hold: its short
    address (core/short_links.py); None without a site_url."""
    known = project.short_links.codes(language).code(key) if project.short_links else None
    # A project made without its pages' codes (a test's) gives the page the code it has
    # when no other page's begins alike.
    code = known or ShortLinks([key]).codes(language).code(key)
    return address(project.site_url, project.settings.prefix(language) + short_path(code))


def print_for_site(
    campaigns: CampaignSet,
    project: Project,
    *,
    today: dt.date | None = None,
    organizations: dict[str, str] | None = None,
) -> PrintResult:
    """Every print file of a site build, the year-end summaries' too (as of ``today``;
    ``organizations`` names the organisation in each language), with its problems and
    figures in the log."""
    if not project.settings.print.enabled or not campaigns.campaigns:
        return PrintResult()
    printed = print_campaigns(campaigns, project)
    result = printed.result
    problems = list(printed.problems)
    summaries = None
    if printed.layouts is not None and today is not None:
        request = SummaryRequest(
            today, organizations or {}, project.project_dir / CACHE_DIR / "print"
        )
        summaries = print_summaries(campaigns, project.settings, printed.layouts, result, request)
        problems += summaries.problems
    for problem in problems:
        log.warning(str(problem))
    log.info(
        msg(
            "Print files: {rendered} rendered, {reused} reused from cache, {seconds} s",
            rendered=result.rendered,
            reused=result.reused,
            seconds=f"{result.seconds:.1f}",
        )
    )
    if summaries and (summaries.rendered or summaries.reused):
        log.info(
            msg(
                "Year-end summaries: {rendered} rendered, {reused} reused from cache",
                rendered=summaries.rendered,
                reused=summaries.reused,
            )
        )
    return result

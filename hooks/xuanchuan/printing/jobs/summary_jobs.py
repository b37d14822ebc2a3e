"""The year-end summary PDFs of a site build: one per year and language, cached by content
hash like every print file, drawn after the campaigns' own print files (the summary
counts them).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

from ...campaigns.model import CampaignSet
from ...campaigns.summary import year_summaries
from ...campaigns.summary_text import summary_text
from ...core.disk_cache import intact_file, store_file
from ...core.errors import Problem
from ...core.messages import msg
from ...core.print_files import SUMMARY_PDF, PrintFile, PrintResult, summary_file_name
from ...core.settings import Settings
from ...core.workers import worker_pool
from ..formats.summary_pdf import PAPER, render_summary_pdf, summary_content
from ..layouts import Layout, Layouts
from ..text.characters import printable_text
from ..text.embeddable import print_fonts
from ..text.fonts import FontError, beyond_fonts, no_font_has
from ..text.unprintable import Unprintable, missing_character_problems
from .cache_keys import ENGINE_VERSION, drawing_versions, print_style

# Raise when the summary's drawing changes in a way that changes its output.
SUMMARY_VERSION = "1"


@dataclass
class SummaryRun:
    problems: list[Problem]
    rendered: int = 0
    reused: int = 0


@dataclass(frozen=True)
class _Job:
    key: str
    year: int
    language: str
    layout: Layout
    style: dict
    content: dict
    page_label: str
    target: str


@dataclass(frozen=True)
class SummaryRequest:
    """The summaries a build asks for: as of ``today``, naming the organisation in each
    language (``organizations``: the site's name), drawn into ``cache_dir``."""

    today: dt.date
    organizations: dict[str, str]
    cache_dir: Path


def print_summaries(
    campaigns: CampaignSet,
    settings: Settings,
    layouts: Layouts,
    result: PrintResult,
    request: SummaryRequest,
) -> SummaryRun:
    """Add the summary PDFs to ``result`` (drawing those not cached): how many were drawn
    and reused (apart from the campaigns' print files), and the problems found."""
    layout = layouts.formats.get("summary")
    if layout is None or not campaigns.campaigns:
        return SummaryRun([])
    try:
        fonts = print_fonts(layouts.fonts)
    except FontError as error:
        return SummaryRun([Problem("overrides/print/layouts.yml", None, "fonts", error.message)])
    style = {**print_style(fonts, layouts), "colours": layouts.colours_for("summary")}
    drawn = (layout, style, drawing_versions())
    planned: list[tuple[PrintFile, _Job]] = []
    for language in settings.languages:
        code = language.code
        summaries = year_summaries(
            campaigns,
            code,
            default=settings.default.code,
            types=settings.campaign_types,
            today=request.today,
            print_files=lambda campaign, code=code: result.for_campaign(campaign.slug, code),
        )
        t = settings.translator(code)
        planned += [_planned(summary, t, layouts, drawn, request) for summary in summaries]
    jobs = {job.key: job for file, job in planned if not intact_file(file.path)}
    failures = _render_all(list(jobs.values()))
    problems = _unprintable(campaigns, fonts, request.cache_dir / "fonts")
    for file, job in planned:
        if job.key in failures:
            problems.append(_problem(job, failures[job.key]))
            continue
        result.summaries[job.year, job.language] = replace(file, bytes=file.path.stat().st_size)
    return SummaryRun(problems, len(set(jobs) - set(failures)), len(planned) - len(jobs))


def _planned(summary, t, layouts: Layouts, drawn: tuple, request: SummaryRequest):
    """The summary's file, with the job that draws it (``drawn``: the layout, style and
    drawing versions)."""
    layout, style, versions = drawn
    code = t.code
    text = summary_text(summary, t, request.today)
    content = summary_content(
        text, t, organization=request.organizations.get(code, ""), logo=layouts.logo
    )
    described = {
        **content.as_dict(),
        "logo": hashlib.sha256(content.logo).hexdigest() if content.logo else None,
    }
    page_label = t("summary.page")
    key = _key(layout, style, described, page_label, versions)
    target = request.cache_dir / f"{key}.pdf"
    name = summary_file_name(summary.year, code)
    job = _Job(key, summary.year, code, layout, style, content.as_dict(), page_label, str(target))
    return PrintFile("", code, SUMMARY_PDF.name, PAPER, name, target, 0), job


def _unprintable(campaigns: CampaignSet, fonts: dict, cache_dir: Path) -> list[Problem]:
    """Characters no installed font has in what only the summary prints: targets' labels
    and reports' places (the campaigns' own fields are checked with their posters)."""
    written = [
        (campaign, f"targets[{number}].label", target.label)
        for versions in campaigns.campaigns.values()
        for campaign in versions.values()
        for number, target in enumerate(campaign.targets, start=1)
    ] + [
        (report, "place", report.place)
        for versions in campaigns.campaigns.values()
        for campaign in versions.values()
        for report in campaign.reports
        if report.place
    ]
    text = "".join(printable_text(value) for *_, value in written)
    beyond = beyond_fonts(list(fonts.values()), text, cache_dir)
    if not beyond:
        return []
    lacking = no_font_has(beyond, fonts["regular"].family, cache_dir)
    return missing_character_problems(
        [
            Unprintable(str(owner.source), owner.positions.line_of(field), field, char)
            for owner, field, value in written
            for char in dict.fromkeys(printable_text(value))
            if char in lacking
        ]
    )


def _render_all(jobs: list[_Job]) -> dict[str, str]:
    """Draw ``jobs`` (side by side when there are several); what failed, by key."""
    if not jobs:
        return {}
    Path(jobs[0].target).parent.mkdir(parents=True, exist_ok=True)
    workers = min(os.cpu_count() or 1, len(jobs))
    if workers > 1:
        with worker_pool(workers) as pool:
            outcomes = list(pool.map(_render, jobs, chunksize=1))
    else:
        outcomes = [_render(job) for job in jobs]
    return {key: error for key, error in outcomes if error}


def _render(job: _Job) -> tuple[str, str | None]:
    """Runs in a worker process: draw one summary into the cache, atomically."""
    from ..content import PosterContent
    from ..drawing import Overflow, Style

    style = Style(
        job.style["colours"],
        {name: tuple(font) for name, font in job.style["fonts"].items()},
        tuple(job.style["fallback"]),
    )
    content = PosterContent(**{**job.content, "body": tuple(job.content["body"])})
    try:
        data = render_summary_pdf(job.layout, style, content, job.page_label)
    except Overflow as error:
        return job.key, f"{error.field}\t{error}"
    store_file(Path(job.target), data)
    return job.key, None


def _problem(job: _Job, failure: str) -> Problem:
    field_name, message = failure.split("\t", 1)
    # The organisation is the site's name; everything else is the layout's to make room for.
    source, field = (
        ("mkdocs.yml", "site_name")
        if field_name == "organization"
        else ("overrides/print/layouts.yml", "summary")
    )
    return Problem(
        source,
        None,
        field,
        msg(
            "the {year} year-end summary ({language}) cannot be printed: its {field} {overflow}",
            year=job.year,
            language=job.language,
            field=field_name,
            overflow=message,
        ),
    )


def _key(layout: Layout, style: dict, content: dict, page_label: str, versions: dict) -> str:
    described = json.dumps(
        [ENGINE_VERSION, SUMMARY_VERSION, versions, layout.describe(), style, content, page_label],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(described.encode("utf-8")).hexdigest()[:32]
